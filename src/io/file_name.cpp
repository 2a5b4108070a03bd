#include "io/file_name.h"

#include <algorithm>
#include <array>

namespace jm {

namespace {

// Length of the well-formed UTF-8 sequence at s[i] (Unicode 15, table 3-7: no
// overlong forms, no surrogates, nothing past U+10FFFF), 0 when there is none.
std::size_t utf8_length(std::string_view s, std::size_t i, char32_t& cp) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    const unsigned char b0 = byte(0);
    if (b0 < 0x80) {
        cp = b0;
        return 1;
    }
    const std::size_t n = b0 >= 0xC2 && b0 <= 0xDF ? 2 : b0 >= 0xE0 && b0 <= 0xEF ? 3 : b0 >= 0xF0 && b0 <= 0xF4 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return 0;
    // The second byte's range depends on the first; the others are 80..BF.
    const unsigned char lo = b0 == 0xE0 ? 0xA0 : b0 == 0xF0 ? 0x90 : 0x80;
    const unsigned char hi = b0 == 0xED ? 0x9F : b0 == 0xF4 ? 0x8F : 0xBF;
    if (byte(1) < lo || byte(1) > hi) return 0;
    cp = b0 & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
    for (std::size_t k = 1; k < n; ++k) {
        if (k > 1 && (byte(k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (byte(k) & 0x3F);
    }
    return n;
}

bool is_bidi_control(char32_t cp) { return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069); }

// What a character becomes in a file name: itself (empty return), or the text given.
bool replacement(char32_t cp, std::string_view& out) {
    static constexpr std::string_view kRefused = ":/\\*?\"<>|";
    if (cp < 0x80 && kRefused.find(static_cast<char>(cp)) != std::string_view::npos) out = "-";
    else if (cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f') out = " ";
    else if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) out = "-";   // C0, DEL and C1 controls
    else if (is_bidi_control(cp)) out = "";
    else return false;
    return true;
}

// The title with every character a file system refuses or misreads replaced.
std::string replace_refused(std::string_view title) {
    std::string out;
    out.reserve(title.size());
    for (std::size_t i = 0; i < title.size();) {
        char32_t cp = 0;
        const std::size_t n = utf8_length(title, i, cp);
        std::string_view with;
        if (n == 0) out += '-';   // one byte that is not UTF-8
        else if (replacement(cp, with)) out += with;
        else out.append(title.substr(i, n));
        i += n == 0 ? 1 : n;
    }
    return out;
}

bool dot_or_space(char c) { return c == '.' || c == ' '; }

std::string trim_trailing(std::string s) {
    while (!s.empty() && dot_or_space(s.back())) s.pop_back();
    return s;
}

std::string trim_ends(std::string s) {
    const auto first = std::find_if_not(s.begin(), s.end(), dot_or_space);
    return trim_trailing(std::string(first, s.end()));
}

// At most `budget` bytes, cut before a UTF-8 lead byte (the text is well formed
// by now), then without the dots and spaces the cut may have left at the end.
std::string cut_to(std::string s, std::size_t budget) {
    if (s.size() > budget) {
        std::size_t end = budget;
        while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
        s.resize(end);
    }
    return trim_trailing(std::move(s));
}

char ascii_upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

// Windows reserves device names as the part of a name before its first dot,
// trailing spaces ignored, in any case: "nul", "Nul.txt", "COM1 .csv".
bool is_reserved(std::string_view stem) {
    static constexpr std::array<std::string_view, 4> kDevices = {"CON", "PRN", "AUX", "NUL"};
    static constexpr std::array<std::string_view, 2> kNumbered = {"COM", "LPT"};
    static constexpr std::array<std::string_view, 3> kSuperscripts = {"\xC2\xB9", "\xC2\xB2", "\xC2\xB3"};   // ¹ ² ³
    std::string base(stem.substr(0, stem.find('.')));
    while (!base.empty() && base.back() == ' ') base.pop_back();
    std::transform(base.begin(), base.end(), base.begin(), ascii_upper);
    if (std::find(kDevices.begin(), kDevices.end(), base) != kDevices.end()) return true;
    for (std::string_view prefix : kNumbered) {
        if (!base.starts_with(prefix)) continue;
        const std::string_view rest = std::string_view(base).substr(prefix.size());
        if (rest.size() == 1 && rest[0] >= '1' && rest[0] <= '9') return true;
        if (std::find(kSuperscripts.begin(), kSuperscripts.end(), rest) != kSuperscripts.end()) return true;
    }
    return false;
}

}  // namespace

std::string safe_file_stem(std::string_view title, std::string_view extension) {
    const std::size_t budget = extension.size() < kMaxFileNameBytes ? kMaxFileNameBytes - extension.size() : 0;
    std::string stem = cut_to(trim_ends(replace_refused(title)), budget);
    if (stem.empty()) stem = cut_to(std::string(kDefaultFileStem), budget);
    // After the cut, which can itself leave a bare "CON" behind ("CON is..." cut short).
    if (is_reserved(stem)) stem = cut_to("_" + stem, budget);
    return stem;
}

std::string safe_file_name(std::string_view title, std::string_view extension) {
    return safe_file_stem(title, extension) + std::string(extension);
}

}  // namespace jm
