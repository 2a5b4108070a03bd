#include "i18n/i18n.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
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

}  // namespace

const std::vector<Language>& languages() {
    static const std::vector<Language> all = {
        {"en", "English"}, {"es", "Español"}, {"pt-BR", "Português (Brasil)"}, {"zh-CN", "简体中文"}};
    return all;
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

std::string localize_number(std::string_view english_formatted) {
    std::string out(english_formatted);
    if (!decimal_comma(language())) return out;
    for (char& c : out) c = c == '.' ? ',' : c == ',' ? '.' : c;
    return out;
}

const char* catalogue_text(std::string_view code) {
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
