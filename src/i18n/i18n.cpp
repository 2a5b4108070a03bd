#include "i18n/i18n.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <string>
#include <unordered_map>

#include "i18n/catalogues.h"

namespace jm::i18n {

namespace {

struct Message {
    std::string other;   // the message, or its "other" plural form
    std::string one;     // a plural's "one" form; empty for a plain message
};

struct State {
    std::string code = "en";
    std::unordered_map<std::string, Message> messages;     // of `code`
    bool loaded = false;
    std::unordered_map<std::string, std::string> labels;   // tr()'s answers, kept for their pointers
};

State& state() {
    static State s;
    return s;
}

std::unordered_map<std::string, Message> parse_catalogue(const char* text) {
    std::unordered_map<std::string, Message> out;
    const nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
    if (!doc.is_object() || !doc.contains("messages") || !doc["messages"].is_object()) return out;
    for (const auto& [key, value] : doc["messages"].items()) {
        if (value.is_string()) out[key] = {value.get<std::string>(), {}};
        else if (value.is_object() && value.contains("other") && value["other"].is_string())
            out[key] = {value["other"].get<std::string>(), value.value("one", value["other"].get<std::string>())};
    }
    return out;
}

const Message* find_message(std::string_view key) {
    State& s = state();
    if (!s.loaded) set_language(s.code);   // English plurals come from its catalogue too
    auto it = s.messages.find(std::string(key));
    return it == s.messages.end() ? nullptr : &it->second;
}

// One pass over the message: a value is never searched again, so a map title
// holding "{score}" stays as typed.
using Arg = std::pair<const char*, std::string>;

std::string fill(const std::string& text, const Arg* first, const Arg* last) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t open = text.find('{', i);
        if (open == std::string::npos) {
            out.append(text, i, std::string::npos);
            break;
        }
        out.append(text, i, open - i);
        const std::size_t close = text.find('}', open);
        const std::string_view name = close == std::string::npos ? std::string_view() : std::string_view(text).substr(open + 1, close - open - 1);
        const Arg* arg = std::find_if(first, last, [&](const Arg& a) { return name == a.first; });
        if (arg == last) {
            out += '{';
            i = open + 1;
        } else {
            out += arg->second;
            i = close + 1;
        }
    }
    return out;
}

std::string lower_ascii(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

// A label may start with an icon (a code point of the icon font's private use
// area, U+E000..U+F8FF) and spaces that align it: they are not part of the message.
std::size_t icon_prefix_length(std::string_view s) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    std::size_t n = 0;
    if (s.size() >= 3 && (byte(0) == 0xEE || (byte(0) == 0xEF && byte(1) <= 0xA3))) n = 3;
    while (n < s.size() && s[n] == ' ') ++n;
    return n;
}

bool decimal_comma(std::string_view code) { return code == "es" || code == "pt-BR"; }

// Reads `n` digits at `i` of `s`; false if they are not there.
bool digits_at(std::string_view s, std::size_t& i, int n, int& out) {
    if (i + n > s.size()) return false;
    out = 0;
    for (int k = 0; k < n; ++k, ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        out = out * 10 + (s[i] - '0');
    }
    return true;
}

// "YYYY-MM-DDTHH:MM[:SS[.fff]][Z|+hh:mm|-hh:mm|+hhmm]" (a space may stand for
// the T; no zone means UTC, as the file format writes it) as seconds since 1970.
bool parse_iso_utc(std::string_view s, std::time_t& out) {
    std::tm tm{};
    std::size_t i = 0;
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (!digits_at(s, i, 4, year) || i >= s.size() || s[i++] != '-' || !digits_at(s, i, 2, month) || i >= s.size() ||
        s[i++] != '-' || !digits_at(s, i, 2, day) || i >= s.size() || (s[i] != 'T' && s[i] != ' '))
        return false;
    ++i;
    if (!digits_at(s, i, 2, hour) || i >= s.size() || s[i++] != ':' || !digits_at(s, i, 2, minute)) return false;
    if (i < s.size() && s[i] == ':') {
        ++i;
        if (!digits_at(s, i, 2, second)) return false;
        if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
            ++i;
            while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
        }
    }
    long offset = 0;   // seconds east of UTC
    if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) {
        ++i;
    } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
        const int sign = s[i++] == '-' ? -1 : 1;
        int oh = 0, om = 0;
        if (!digits_at(s, i, 2, oh)) return false;
        if (i < s.size() && s[i] == ':') ++i;
        if (i < s.size() && !digits_at(s, i, 2, om)) return false;
        if (oh > 23 || om > 59) return false;
        offset = sign * (oh * 3600L + om * 60L);
    }
    if (i != s.size()) return false;
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return false;
    tm.tm_year = year - 1900;
    tm.tm_mon = month - 1;
    tm.tm_mday = day;
    tm.tm_hour = hour;
    tm.tm_min = minute;
    tm.tm_sec = second;
    const std::time_t t = timegm(&tm);
    if (t == static_cast<std::time_t>(-1) && !(year == 1969 && month == 12 && day == 31)) return false;
    out = t - offset;
    return true;
}

// A CLDR date or time pattern filled in: letters are fields (a run of the same
// letter is one field), text between apostrophes is copied, '' is an apostrophe.
std::string format_pattern(std::string_view pattern, const std::tm& tm) {
    static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const auto padded = [](int v, int width) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%0*d", width, v);
        return std::string(buf);
    };
    std::string out;
    for (std::size_t i = 0; i < pattern.size();) {
        const char c = pattern[i];
        if (c == '\'') {
            if (i + 1 < pattern.size() && pattern[i + 1] == '\'') {
                out += '\'';
                i += 2;
                continue;
            }
            const std::size_t close = pattern.find('\'', i + 1);
            out.append(pattern.substr(i + 1, (close == std::string_view::npos ? pattern.size() : close) - i - 1));
            i = close == std::string_view::npos ? pattern.size() : close + 1;
            continue;
        }
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
            out += c;
            ++i;
            continue;
        }
        std::size_t run = 1;
        while (i + run < pattern.size() && pattern[i + run] == c) ++run;
        const int width = run >= 2 ? 2 : 1;
        const int hour12 = tm.tm_hour % 12 == 0 ? 12 : tm.tm_hour % 12;
        switch (c) {
            case 'y': out += run == 2 ? padded((tm.tm_year + 1900) % 100, 2) : std::to_string(tm.tm_year + 1900); break;
            case 'M':
            case 'L': out += run >= 3 ? std::string(tr(kMonths[tm.tm_mon])) : padded(tm.tm_mon + 1, width); break;
            case 'd': out += padded(tm.tm_mday, width); break;
            case 'H': out += padded(tm.tm_hour, width); break;
            case 'h': out += padded(hour12, width); break;
            case 'm': out += padded(tm.tm_min, width); break;
            case 's': out += padded(tm.tm_sec, width); break;
            case 'a': out += tr(tm.tm_hour < 12 ? "AM" : "PM"); break;
            default: out.append(run, c);
        }
        i += run;
    }
    return out;
}

}  // namespace

const std::vector<Language>& languages() {
    static const std::vector<Language> all = {
        {"en", "English"}, {"es", "Español"}, {"pt-BR", "Português (Brasil)"}, {"zh-CN", "简体中文"}};
    return all;
}

std::string native_name(std::string_view code) {
    for (const Language& l : languages())
        if (code == l.code) return l.native_name;
    return std::string(code);
}

std::string best_language(const std::vector<std::string>& preferred) {
    for (std::string want : preferred) {
        want = lower_ascii(want.substr(0, want.find_first_of(".@")));   // "es_ES.UTF-8" -> "es_es"
        const std::string primary = want.substr(0, want.find_first_of("-_"));
        // One version per language: any Spanish gets es, any Portuguese pt-BR, and
        // any Chinese (Traditional too, rather than English) zh-CN.
        for (const Language& l : languages()) {
            const std::string code = lower_ascii(l.code);
            if (primary == code.substr(0, code.find('-'))) return l.code;
        }
    }
    return "en";
}

bool set_language(std::string_view code) {
    const auto& all = languages();
    const auto it = std::find_if(all.begin(), all.end(), [&](const Language& l) { return code == l.code; });
    if (it == all.end()) return false;
    State& s = state();
    s.code = it->code;
    s.labels.clear();
    s.messages.clear();
    if (const char* text = catalogue_text(s.code)) s.messages = parse_catalogue(text);
    s.loaded = true;
    return true;
}

const std::string& language() { return state().code; }

const char* tr(const char* key) {
    State& s = state();
    if (s.code == "en") return key;   // the key is the English text
    auto cached = s.labels.find(key);
    if (cached != s.labels.end()) return cached->second.c_str();
    const std::string_view full(key);
    const std::size_t head = icon_prefix_length(full);
    const std::size_t tail = full.find("##", head);
    const std::string_view visible = full.substr(head, tail == std::string_view::npos ? tail : tail - head);
    const Message* m = find_message(visible);
    std::string out(full.substr(0, head));
    out += m ? m->other : std::string(visible);
    if (tail != std::string_view::npos) out += full.substr(tail);
    return s.labels.emplace(key, std::move(out)).first->second.c_str();
}

std::string trf(const char* key, Args args) { return fill(tr(key), args.begin(), args.end()); }

std::string trn(const char* key, long long n, Args args) {
    const Message* m = find_message(key);
    const bool one = plural_category(language(), n) == PluralCategory::One;
    std::string text = m ? (one && !m->one.empty() ? m->one : m->other) : std::string(key);
    std::vector<Arg> all(args.begin(), args.end());
    all.emplace_back("n", number(static_cast<double>(n)));
    return fill(text, all.data(), all.data() + all.size());
}

PluralCategory plural_category(std::string_view code, long long n) {
    if (code == "zh-CN") return PluralCategory::Other;
    if (code == "pt-BR") return (n == 0 || n == 1) ? PluralCategory::One : PluralCategory::Other;
    return n == 1 ? PluralCategory::One : PluralCategory::Other;
}

std::string number(double value, int decimals) {
    if (!std::isfinite(value)) return value != value ? "–" : (value > 0 ? "∞" : "-∞");
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", std::clamp(decimals, 0, 6), std::fabs(value));
    std::string digits(buf), fraction;
    if (const std::size_t dot = digits.find('.'); dot != std::string::npos) {
        fraction = digits.substr(dot + 1);
        digits.resize(dot);
    }
    const bool comma = decimal_comma(language());
    const std::string group = comma ? "." : ",";
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += group;
        out += digits[i];
    }
    if (!fraction.empty()) out += (comma ? "," : ".") + fraction;
    const bool negative = value < 0 && out.find_first_not_of("0.,") != std::string::npos;
    return negative ? "-" + out : out;
}

std::string percent(double value, int decimals) {
    const std::string n = number(value, decimals);
    if (!std::isfinite(value)) return n;
    if (language() == "es") return n + "\u00A0%";   // Spanish puts a (non-breaking) space before %
    return n + "%";
}

std::string date_time(std::string_view iso_utc) {
    std::time_t t = 0;
    if (!parse_iso_utc(iso_utc, t)) return std::string(iso_utc);
    std::tm local{};
    if (!localtime_r(&t, &local)) return std::string(iso_utc);
    // The catalogue keys are CLDR's English patterns: medium date, short time.
    return trf("{date}, {time}", {{"date", format_pattern(tr("MMM d, y"), local)}, {"time", format_pattern(tr("h:mm a"), local)}});
}

std::string localize_number(std::string_view english_formatted) {
    std::string out(english_formatted);
    if (!decimal_comma(language())) return out;
    for (char& c : out) c = c == '.' ? ',' : c == ',' ? '.' : c;
    return out;
}

// Catalogues handed over at run time, by language code.
std::unordered_map<std::string, std::string>& added_catalogues() {
    static std::unordered_map<std::string, std::string> added;
    return added;
}

bool has_catalogue(std::string_view code) { return catalogue_text(code) != nullptr; }

bool add_catalogue(std::string_view code, std::string text) {
    const auto& all = languages();
    if (std::none_of(all.begin(), all.end(), [&](const Language& l) { return code == l.code; })) return false;
    const nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
    if (!doc.is_object() || doc.value("language", "") != code || !doc.contains("messages") || !doc["messages"].is_object())
        return false;
    added_catalogues()[std::string(code)] = std::move(text);
    return true;
}

const char* catalogue_text(std::string_view code) {
    if (auto it = added_catalogues().find(std::string(code)); it != added_catalogues().end()) return it->second.c_str();
    for (const EmbeddedCatalogue& c : embedded_catalogues())
        if (code == c.name) return c.json;
    return nullptr;
}

std::vector<std::string> placeholders(std::string_view message) {
    std::vector<std::string> out;
    for (std::size_t open = message.find('{'); open != std::string_view::npos; open = message.find('{', open + 1)) {
        const std::size_t close = message.find('}', open);
        if (close == std::string_view::npos) break;
        const std::string_view name = message.substr(open + 1, close - open - 1);
        if (!name.empty() && name.find_first_not_of("abcdefghijklmnopqrstuvwxyz_0123456789") == std::string_view::npos)
            out.emplace_back(name);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace jm::i18n
