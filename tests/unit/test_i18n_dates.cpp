// Dates and times as each language writes them, in the local time zone: the
// library list shows a map's stored UTC `modified` this way (src/app/app_dialogs.cpp).
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <optional>
#include <string>

#include "i18n/i18n.h"
#include "support/language_scope.h"

using namespace jm::i18n;
using jm::testing::LanguageScope;

namespace {

// Sets the process's time zone (a POSIX TZ rule, so no zone database is needed)
// for one test, and puts the old one back.
struct TimeZoneScope {
    std::optional<std::string> old;
    explicit TimeZoneScope(const char* tz) {
        if (const char* v = std::getenv("TZ")) old = v;
        setenv("TZ", tz, 1);
        tzset();
    }
    ~TimeZoneScope() {
        if (old) setenv("TZ", old->c_str(), 1);
        else unsetenv("TZ");
        tzset();
    }
};

constexpr const char* kMadrid = "CET-1CEST,M3.5.0,M10.5.0/3";       // UTC+1, summer UTC+2
constexpr const char* kSaoPaulo = "<-03>3";                          // UTC-3 all year
constexpr const char* kShanghai = "CST-8";                           // UTC+8
constexpr const char* kNewYork = "EST5EDT,M3.2.0,M11.1.0";           // UTC-5, summer UTC-4

}  // namespace

TEST_CASE("a stored UTC time is shown in local time, as each language writes dates") {
    SECTION("English, New York") {
        TimeZoneScope tz(kNewYork);
        REQUIRE(date_time("2026-11-24T20:05:00Z") == "Nov 24, 2026, 3:05 PM");
        REQUIRE(date_time("2026-07-01T04:30:00Z") == "Jul 1, 2026, 12:30 AM");   // summer time: UTC-4, just after midnight
        REQUIRE(date_time("2026-01-01T03:00:00Z") == "Dec 31, 2025, 10:00 PM");   // the year before, locally
        REQUIRE(date_time("2026-03-05T17:00:00Z") == "Mar 5, 2026, 12:00 PM");
    }
    SECTION("Spanish, Madrid") {
        LanguageScope es("es");
        TimeZoneScope tz(kMadrid);
        REQUIRE(date_time("2026-11-24T14:05:00Z") == "24 nov 2026, 15:05");
        REQUIRE(date_time("2026-08-03T07:09:00Z") == "3 ago 2026, 9:09");      // summer: UTC+2
        REQUIRE(date_time("2026-12-31T23:30:00Z") == "1 ene 2027, 0:30");     // the next year, locally
    }
    SECTION("Brazilian Portuguese, São Paulo") {
        LanguageScope pt("pt-BR");
        TimeZoneScope tz(kSaoPaulo);
        REQUIRE(date_time("2026-11-24T18:05:00Z") == "24 de nov. de 2026, 15:05");
        REQUIRE(date_time("2026-02-01T02:07:00Z") == "31 de jan. de 2026, 23:07");   // the day before, locally
        REQUIRE(date_time("2026-05-10T12:00:00Z") == "10 de mai. de 2026, 09:00");
    }
    SECTION("Chinese, Shanghai") {
        LanguageScope zh("zh-CN");
        TimeZoneScope tz(kShanghai);
        REQUIRE(date_time("2026-11-24T07:05:00Z") == "2026年11月24日 15:05");
        REQUIRE(date_time("2026-01-31T16:00:00Z") == "2026年2月1日 00:00");   // the next day, locally
    }
}

TEST_CASE("a stored time may carry seconds' fractions or an offset, anything else is shown as it is") {
    TimeZoneScope tz("UTC0");
    REQUIRE(date_time("2026-11-24T15:05:59.250Z") == "Nov 24, 2026, 3:05 PM");
    REQUIRE(date_time("2026-11-24T15:05Z") == "Nov 24, 2026, 3:05 PM");
    REQUIRE(date_time("2026-11-24T17:05:00+02:00") == "Nov 24, 2026, 3:05 PM");
    REQUIRE(date_time("2026-11-24T10:05:00-0500") == "Nov 24, 2026, 3:05 PM");
    REQUIRE(date_time("2026-11-24 15:05:00") == "Nov 24, 2026, 3:05 PM");   // no zone: UTC, as files write it
    for (const char* odd : {"", "yesterday", "2026-13-01T00:00:00Z", "2026-11-24", "2026-11-24T15:05:00Zjunk", "2026-11-24T25:00:00Z"})
        REQUIRE(date_time(odd) == odd);
}

TEST_CASE("every language has the month abbreviations and the date and time patterns") {
    // Each month in turn, mid-month at noon UTC, in UTC: the name comes from the catalogue.
    TimeZoneScope tz("UTC0");
    const char* const english[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const char* const spanish[] = {"ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"};
    for (int m = 1; m <= 12; ++m) {
        char iso[32];
        std::snprintf(iso, sizeof iso, "2026-%02d-15T12:00:00Z", m);
        REQUIRE(date_time(iso) == std::string(english[m - 1]) + " 15, 2026, 12:00 PM");
        LanguageScope es("es");
        REQUIRE(date_time(iso) == "15 " + std::string(spanish[m - 1]) + " 2026, 12:00");
        LanguageScope zh("zh-CN");
        REQUIRE(date_time(iso) == "2026年" + std::to_string(m) + "月15日 12:00");
    }
}
