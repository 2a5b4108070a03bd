// The translation layer (src/i18n) and its catalogues: every catalogue has
// exactly the English catalogue's keys, with the same placeholders, and the
// same plural messages.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <regex>
#include <set>
#include <string>

#include "i18n/catalogues.h"
#include "i18n/i18n.h"
#include "support/language_scope.h"

using namespace jm::i18n;
using jm::testing::LanguageScope;
using nlohmann::json;

namespace {

json messages_of(const char* code) {
    const char* text = catalogue_text(code);
    REQUIRE(text != nullptr);
    json doc = json::parse(text);
    REQUIRE(doc.at("language") == code);
    return doc.at("messages");
}

std::set<std::string> placeholders_of(const json& message) {
    std::set<std::string> out;
    if (message.is_string()) {
        for (const auto& p : placeholders(message.get<std::string>())) out.insert(p);
    } else {
        for (const auto& [form, text] : message.items())
            for (const auto& p : placeholders(text.get<std::string>())) out.insert(p);
    }
    return out;
}

// printf's conversions in order: the program passes their arguments by position.
std::vector<std::string> printf_specs(const json& message) {
    static const std::regex spec(R"(%[-+0#]*\d*(?:\.\d+)?(?:ll|l|z|h)?[diouxXeEfFgGcsp%])");
    std::vector<std::string> out;
    const std::string text = message.is_string() ? message.get<std::string>() : message.at("other").get<std::string>();
    for (auto it = std::sregex_iterator(text.begin(), text.end(), spec); it != std::sregex_iterator(); ++it) out.push_back(it->str());
    return out;
}

}  // namespace

TEST_CASE("every catalogue has every key of the English one, with the same placeholders and plural forms") {
    const json english = messages_of("en");
    REQUIRE(english.size() > 3);
    for (const Language& l : languages()) {
        INFO("catalogue " << l.code);
        const json other = messages_of(l.code);
        for (const auto& [key, message] : english.items()) {
            INFO("key \"" << key << "\"");
            REQUIRE(other.contains(key));
            const json& translated = other.at(key);
            REQUIRE(translated.is_object() == message.is_object());
            if (message.is_object()) {
                REQUIRE(translated.contains("other"));
                if (std::string(l.code) != "zh-CN") REQUIRE(translated.contains("one"));
            } else {
                REQUIRE_FALSE(translated.get<std::string>().empty());
            }
            REQUIRE(placeholders_of(translated) == placeholders_of(message));
            REQUIRE(printf_specs(translated) == printf_specs(message));
            if (message.is_string()) REQUIRE(placeholders_of(json(key)) == placeholders_of(message));
        }
        for (const auto& [key, message] : other.items()) {
            INFO("key \"" << key << "\" is not in the English catalogue");
            REQUIRE(english.contains(key));
        }
    }
}

TEST_CASE("tr translates the visible part of a label and keeps its ##id") {
    REQUIRE(std::string(tr("File")) == "File");
    LanguageScope es("es");
    REQUIRE(std::string(tr("File")) == "Archivo");
    REQUIRE(std::string(tr("File##menu")) == "Archivo##menu");
    REQUIRE(std::string(tr("No such message")) == "No such message");
    REQUIRE(std::string(tr("\xef\x82\xac  Language")) == "\xef\x82\xac  Idioma");   // an icon stays in front
    const char* first = tr("Edit");
    REQUIRE(tr("Edit") == first);   // the same pointer while the language stays
}

TEST_CASE("placeholders are filled by name, so translators may reorder them") {
    REQUIRE(trf("{a} then {b}", {{"a", "1"}, {"b", "2"}}) == "1 then 2");
    REQUIRE(trf("{b} before {a}, {b} again", {{"a", "x"}, {"b", "y"}}) == "y before x, y again");
    // A value is never searched for placeholders itself.
    REQUIRE(trf("{title}: score {score}", {{"title", "Demo {score}"}, {"score", "51"}}) == "Demo {score}: score 51");
    REQUIRE(trf("{unknown} {", {}) == "{unknown} {");
    REQUIRE(placeholders("{n} of {total}: {n}") == std::vector<std::string>{"n", "total"});
    REQUIRE(placeholders("{ not one } {Bad}").empty());
}

TEST_CASE("plurals follow CLDR: one/other in English, Spanish and Portuguese (0 is one in Portuguese), other in Chinese") {
    REQUIRE(plural_category("en", 1) == PluralCategory::One);
    REQUIRE(plural_category("en", 0) == PluralCategory::Other);
    REQUIRE(plural_category("es", 1) == PluralCategory::One);
    REQUIRE(plural_category("es", 2) == PluralCategory::Other);
    REQUIRE(plural_category("pt-BR", 0) == PluralCategory::One);
    REQUIRE(plural_category("pt-BR", 1) == PluralCategory::One);
    REQUIRE(plural_category("pt-BR", 2) == PluralCategory::Other);
    REQUIRE(plural_category("zh-CN", 1) == PluralCategory::Other);

    REQUIRE(trn("{n} touchpoints", 1) == "1 touchpoint");
    REQUIRE(trn("{n} touchpoints", 1234) == "1,234 touchpoints");
    {
        LanguageScope es("es");
        REQUIRE(trn("{n} touchpoints", 1) == "1 punto de contacto");
        REQUIRE(trn("{n} touchpoints", 1234) == "1.234 puntos de contacto");
    }
    {
        LanguageScope pt("pt-BR");
        REQUIRE(trn("{n} touchpoints", 0) == "0 ponto de contato");
    }
    {
        LanguageScope zh("zh-CN");
        REQUIRE(trn("{n} touchpoints", 1) == "1 个接触点");
    }
}

TEST_CASE("numbers and percentages are written as each language writes them") {
    REQUIRE(number(1234.5, 1) == "1,234.5");
    REQUIRE(number(-0.04, 1) == "0.0");
    REQUIRE(number(-1234567, 0) == "-1,234,567");
    REQUIRE(percent(12.5) == "12.5%");
    {
        LanguageScope es("es");
        REQUIRE(number(1234.5, 1) == "1.234,5");
        REQUIRE(percent(12.5) == "12,5\u00A0%");
    }
    {
        LanguageScope pt("pt-BR");
        REQUIRE(number(1234, 0) == "1.234");
        REQUIRE(percent(12.5) == "12,5%");
    }
    {
        LanguageScope zh("zh-CN");
        REQUIRE(number(1234.5, 1) == "1,234.5");
    }
}

TEST_CASE("the language is chosen from the browser's or the system's preferences") {
    REQUIRE(best_language({"es-ES", "en"}) == "es");
    REQUIRE(best_language({"pt-PT"}) == "pt-BR");
    REQUIRE(best_language({"zh-TW", "en"}) == "zh-CN");
    REQUIRE(best_language({"de-DE", "fr", "pt-BR"}) == "pt-BR");
    REQUIRE(best_language({"de-DE"}) == "en");
    REQUIRE(best_language({"es_MX.UTF-8"}) == "es");
    REQUIRE(best_language({"C"}) == "en");
    REQUIRE(best_language({}) == "en");
    REQUIRE_FALSE(set_language("fr"));
    REQUIRE(language() == "en");
}

TEST_CASE("numbers formatted the English way are localized by swapping the separators") {
    REQUIRE(localize_number("1,234.5") == "1,234.5");
    REQUIRE(localize_number("-0.25") == "-0.25");
    {
        LanguageScope es("es");
        REQUIRE(localize_number("1,234.5") == "1.234,5");
        REQUIRE(localize_number("-1,234,567") == "-1.234.567");
        REQUIRE(localize_number("2.5e+20") == "2,5e+20");
        REQUIRE(localize_number("42") == "42");
    }
    {
        LanguageScope pt("pt-BR");
        REQUIRE(localize_number("12.5") == "12,5");
    }
    {
        LanguageScope zh("zh-CN");
        REQUIRE(localize_number("1,234.5") == "1,234.5");
    }
}
