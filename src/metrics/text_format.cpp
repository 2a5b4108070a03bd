#include "metrics/text_format.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "i18n/i18n.h"

namespace jm {

namespace {

std::string group_thousands(const std::string& digits) {
    std::string out;
    const std::size_t n = digits.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

// Decodes one UTF-8 code point at `i`, advancing `i`; malformed bytes count as one
// character each so that broken text still lines up roughly.
char32_t next_code_point(std::string_view s, std::size_t& i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
    if (i + len > s.size()) len = 1;
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < len; ++k) {
        unsigned char cc = static_cast<unsigned char>(s[i + k]);
        if ((cc & 0xC0) != 0x80) {
            len = 1;
            cp = c;
            break;
        }
        cp = (cp << 6) | (cc & 0x3F);
    }
    i += len;
    return cp;
}

// From here on a double no longer holds every whole number, and "%f" would need
// up to 309 digits (more than the buffers hold): such values get an exponent.
constexpr double kPlainLimit = 1e15;

// 1.5e20 -> "1.5e+20": six significant digits, as much as anyone reads.
std::string format_huge(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

int code_point_width(char32_t cp) {
    if (cp == 0) return 0;
    if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0xFE00 && cp <= 0xFE0F))
        return 0;  // combining marks, zero-width spaces, variation selectors
    if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
        (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
        (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x20000 && cp <= 0x3FFFD))
        return 2;  // CJK, Hangul, full-width forms, emoji
    return 1;
}

}  // namespace

std::string format_count(std::int64_t n) {
    std::string digits = std::to_string(n < 0 ? -(n + 1) + 1ULL : static_cast<unsigned long long>(n));
    std::string out = n < 0 ? "-" : "";
    out += group_thousands(digits);
    return i18n::localize_number(out);
}

std::string format_fixed(double v, int decimals) {
    if (!std::isfinite(v)) return i18n::tr("n/a");
    if (std::fabs(v) >= kPlainLimit) return i18n::localize_number(format_huge(v));
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(v));
    std::string s(buf);
    std::size_t dot = s.find('.');
    std::string int_part = s.substr(0, dot);
    std::string frac = dot == std::string::npos ? "" : s.substr(dot);
    bool zero = s.find_first_not_of("0.") == std::string::npos;
    std::string out = v < 0 && !zero ? "-" : "";
    out += group_thousands(int_part);
    out += frac;
    return i18n::localize_number(out);
}

std::string format_plain(double v) {
    if (!std::isfinite(v)) return i18n::tr("n/a");
    if (std::fabs(v) >= kPlainLimit) return i18n::localize_number(format_huge(v));
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.4f", v);
    std::string s(buf);
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    if (s == "-0") s = "0";
    return i18n::localize_number(s);
}

std::string format_delta(double v, int decimals) {
    std::string s = format_fixed(v, decimals);
    if (s.find_first_not_of("0.,") == std::string::npos) return s;
    return v > 0 ? "+" + s : s;
}

std::string with_unit(const std::string& number, std::string_view unit) {
    if (unit == "%") return i18n::trf("{value}%", {{"value", number}});
    return number + std::string(unit);
}

std::string trf_once(const char* key, i18n::Args args) {
    const std::string_view text = i18n::tr(key);
    std::string out;
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t open = text.find('{', at);
        if (open == std::string_view::npos) break;
        const std::size_t close = text.find('}', open);
        if (close == std::string_view::npos) break;
        const std::string_view name = text.substr(open + 1, close - open - 1);
        const auto arg = std::find_if(args.begin(), args.end(), [&](const auto& a) { return name == a.first; });
        out.append(text.substr(at, open - at));
        if (arg == args.end()) {
            out += '{';   // not one of ours: kept, and the scan goes on after the brace
            at = open + 1;
            continue;
        }
        out += arg->second;
        at = close + 1;
    }
    out.append(text.substr(std::min(at, text.size())));
    return out;
}

std::string join_list(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out = out.empty() ? item : i18n::trf("{list}, {item}", {{"list", out}, {"item", item}});
    return out;
}

std::size_t display_width(std::string_view utf8) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < utf8.size();) width += code_point_width(next_code_point(utf8, i));
    return width;
}

std::string fit_column(std::string_view text, std::size_t width, bool align_right) {
    std::size_t w = display_width(text);
    if (w <= width) {
        std::string pad(width - w, ' ');
        return align_right ? pad + std::string(text) : std::string(text) + pad;
    }
    if (width == 0) return "";
    std::string out;
    std::size_t used = 0;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t start = i;
        int cw = code_point_width(next_code_point(text, i));
        if (used + cw > width - 1) break;
        out.append(text.substr(start, i - start));
        used += cw;
    }
    out += "\u2026";
    return out + std::string(width - 1 - used, ' ');
}

}  // namespace jm
