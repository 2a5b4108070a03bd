// The one translation layer: every user-visible string of the editor and the CLI
// goes through tr(), trf() or trn(), which look it up in the catalogue of the
// language in use (assets/i18n/<code>.json, embedded at build time).
//
// Keys are the English text itself (as gettext's msgid), so code stays readable
// and the English catalogue is the list of every string. An ImGui label's
// "##id" / "###id" tail is kept as it is: only the visible part is translated.
// Placeholders are named, `{name}`, so a translator may reorder them. Plurals
// follow CLDR's categories: one/other for English, Spanish and Portuguese (in
// Portuguese 0 and 1 are "one"), other only for Chinese.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jm::i18n {

struct Language {
    const char* code;          // BCP 47: "en", "es", "pt-BR", "zh-CN"
    const char* native_name;   // as its speakers write it: "Español"
};

// Every language the editor speaks, English first.
const std::vector<Language>& languages();
// The native name of one of languages() ("Español"); the code itself for any other.
std::string native_name(std::string_view code);

// The best of ours for a list of preferred languages (a browser's
// navigator.languages, or POSIX LANG such as "es_ES.UTF-8"), in order of
// preference; English when none matches.
std::string best_language(const std::vector<std::string>& preferred);

// Switches every later tr() to `code` (one of languages()); false, and nothing
// changes, for an unknown code. Strings returned before stay valid until the
// next switch.
bool set_language(std::string_view code);
const std::string& language();

// Catalogues by need: the CLI carries every catalogue; the web build carries
// English only and fetches the others the first time they are wanted
// (platform::fetch_catalogue). Whether `code`'s catalogue is at hand:
bool has_catalogue(std::string_view code);
// Adds a fetched catalogue. False, and nothing added, unless `text` is a
// catalogue of `code` (JSON with "language": code and a "messages" object).
bool add_catalogue(std::string_view code, std::string text);

// The translation of `key` (English, optionally with a "##id" tail), or the key
// itself when the catalogue lacks it. A leading icon and its spaces are kept
// too (the key is "Language" in `ICON_WEB "  Language"`). The pointer stays valid until the next
// set_language().
const char* tr(const char* key);

using Args = std::initializer_list<std::pair<const char*, std::string>>;

// tr() with its `{name}` placeholders filled in.
std::string trf(const char* key, Args args);

// The plural form of `key` for the count `n` (its placeholder `{n}` is filled
// with n, formatted for the language, and `args` as in trf()).
std::string trn(const char* key, long long n, Args args = {});

// Numbers as the language writes them: "1,234.5" in English and Chinese,
// "1.234,5" in Spanish and Portuguese. `decimals` digits after the point.
std::string number(double value, int decimals = 0);
// A percentage: "12.5%", "12,5 %" (Spanish), "12,5%" (Portuguese).
std::string percent(double value, int decimals = 1);

// A moment stored as UTC ISO 8601 ("2026-11-24T15:05:00Z"; seconds, fractions
// and a "+hh:mm" offset are optional) in the local time zone (the browser's, in
// the editor) and as the language writes a date and time: "Nov 24, 2026, 3:05 PM",
// "24 nov 2026, 15:05", "24 de nov. de 2026, 15:05", "2026年11月24日 15:05". The
// patterns are CLDR's (y, M, MM, MMM, d, dd, H, HH, h, hh, mm, a, 'text') and come
// from the catalogues, under the English ones as keys ("MMM d, y", "h:mm a"), as
// do the month abbreviations ("Nov") and "AM"/"PM". Text that is not such a
// moment comes back unchanged.
std::string date_time(std::string_view iso_utc);

// Marks `key` as a message that tr() translates where it is shown (a table of
// labels, a fixed reason kept in English for the JS API): it returns the key.
// The check of src/ui and src/app (tests/unit/ui_literals_test.cpp) treats its
// argument as tr()'s.
constexpr const char* tr_later(const char* key) { return key; }

// A number already formatted the English way ("1,234.5", "-0.25", "2.5e+20")
// as the language writes it: '.' and ',' swapped where the language writes a
// decimal comma (Spanish, Portuguese: "1.234,5"), unchanged otherwise.
std::string localize_number(std::string_view english_formatted);

// --- For tests and the catalogue check --------------------------------------
enum class PluralCategory { One, Other };
PluralCategory plural_category(std::string_view code, long long n);
// The catalogue's raw JSON text for a language code, or nullptr.
const char* catalogue_text(std::string_view code);
// The `{name}` placeholders of a message, sorted and without repeats.
std::vector<std::string> placeholders(std::string_view message);

}  // namespace jm::i18n
