#include "io/text_encoding.h"

#include "i18n/i18n.h"
#include "io/limits.h"

#include <algorithm>
#include <array>
#include <cstdio>

namespace jm {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr const char* kSaveAsUtf8 =
    "save it as UTF-8 and open it again (from a spreadsheet: Save As, 'CSV UTF-8'; from a text editor: Save with Encoding, UTF-8)";

// Windows-1252's characters for bytes 80..9F (0 where it defines none); 00..7F
// are ASCII and A0..FF are U+00A0..U+00FF, as in ISO-8859-1.
constexpr std::array<char16_t, 32> kCp1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

std::string hex_byte(unsigned char b) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", b);
    return buf;
}

// 1-based line of `offset`; LF, CRLF and a lone CR each end a line.
int line_of(std::string_view bytes, std::size_t offset) {
    int line = 1;
    for (std::size_t i = 0; i < offset && i < bytes.size(); ++i)
        if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.size() || bytes[i + 1] != '\n'))) ++line;
    return line;
}

// Length of the valid UTF-8 sequence at p, or 0 (RFC 3629, table 3-7 of Unicode).
std::size_t utf8_sequence(std::string_view s, std::size_t p) {
    const auto at = [&](std::size_t i) { return p + i < s.size() ? static_cast<unsigned char>(s[p + i]) : 0x100u; };
    const auto in = [](unsigned v, unsigned lo, unsigned hi) { return v >= lo && v <= hi; };
    const unsigned b = at(0);
    if (b < 0x80) return 1;
    if (in(b, 0xC2, 0xDF)) return in(at(1), 0x80, 0xBF) ? 2 : 0;
    if (in(b, 0xE0, 0xEF)) {
        const unsigned lo = b == 0xE0 ? 0xA0 : 0x80, hi = b == 0xED ? 0x9F : 0xBF;   // overlong; surrogates
        return in(at(1), lo, hi) && in(at(2), 0x80, 0xBF) ? 3 : 0;
    }
    if (in(b, 0xF0, 0xF4)) {
        const unsigned lo = b == 0xF0 ? 0x90 : 0x80, hi = b == 0xF4 ? 0x8F : 0xBF;   // overlong; above U+10FFFF
        return in(at(1), lo, hi) && in(at(2), 0x80, 0xBF) && in(at(3), 0x80, 0xBF) ? 4 : 0;
    }
    return 0;   // 80..C1 (continuation or overlong lead), F5..FF
}

// "little-endian" or "big-endian" when the bytes are UTF-16; nullptr otherwise.
// Without a byte order mark, UTF-16 shows as a zero byte in every ASCII
// character, all at odd offsets (little-endian) or all at even ones (big-endian).
// A file with zero bytes is never valid text in these formats, so the pattern
// is checked before UTF-8 (to which "a\0b\0" would otherwise belong).
const char* utf16_byte_order(std::string_view s) {
    if (s.size() >= 2 && s[0] == '\xFF' && s[1] == '\xFE') return "little-endian";
    if (s.size() >= 2 && s[0] == '\xFE' && s[1] == '\xFF') return "big-endian";
    const std::size_t sample = std::min<std::size_t>(s.size(), 4096) & ~std::size_t{1};
    std::size_t zero_even = 0, zero_odd = 0;
    for (std::size_t i = 0; i < sample; ++i)
        if (s[i] == '\0') ++(i % 2 ? zero_odd : zero_even);
    const std::size_t pairs = sample / 2, zeros = zero_even + zero_odd;
    // A quarter of the characters ASCII, and (nearly) all their zeros on one side.
    if (zeros == 0 || zeros * 4 < pairs) return nullptr;
    if (zero_even * 10 <= zero_odd) return "little-endian";
    if (zero_odd * 10 <= zero_even) return "big-endian";
    return nullptr;
}

bool is_cp1252_text_byte(unsigned char b) {
    if (b < 0x20) return b == '\t' || b == '\n' || b == '\r';
    if (b == 0x7F) return false;
    if (b >= 0x80 && b <= 0x9F) return kCp1252High[b - 0x80] != 0;
    return true;
}

std::string cp1252_to_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    for (char ch : s) {
        const auto b = static_cast<unsigned char>(ch);
        append_utf8(out, b >= 0x80 && b <= 0x9F ? kCp1252High[b - 0x80] : b);
    }
    return out;
}

std::string position(std::string_view bytes, std::size_t offset) {
    return i18n::trf("line {line}, byte offset {offset}", {{"line", std::to_string(line_of(bytes, offset))}, {"offset", std::to_string(offset)}});
}

}  // namespace

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

std::size_t first_invalid_utf8(std::string_view bytes) {
    for (std::size_t p = 0; p < bytes.size();) {
        const std::size_t n = utf8_sequence(bytes, p);
        if (n == 0) return p;
        p += n;
    }
    return std::string_view::npos;
}

DecodedText decode_imported_text(std::string_view bytes) {
    DecodedText d;
    if (const char* order = utf16_byte_order(bytes)) {
        d.problem = i18n::trf("the file is UTF-16 text ({byte_order}), which this program does not read: {advice}",
                              {{"byte_order", i18n::tr(order)}, {"advice", i18n::tr(kSaveAsUtf8)}});
        return d;
    }
    const std::size_t invalid = first_invalid_utf8(bytes);
    if (invalid == std::string_view::npos) {
        if (bytes.substr(0, kUtf8Bom.size()) == kUtf8Bom) bytes.remove_prefix(kUtf8Bom.size());
        d.utf8 = std::string(bytes);
        return d;
    }
    const auto bad = static_cast<unsigned char>(bytes[invalid]);
    d.line = line_of(bytes, invalid);
    std::size_t not_cp1252 = 0;
    while (not_cp1252 < bytes.size() && is_cp1252_text_byte(static_cast<unsigned char>(bytes[not_cp1252]))) ++not_cp1252;
    if (not_cp1252 == bytes.size()) {
        d.utf8 = cp1252_to_utf8(bytes);
        d.notice = i18n::trf("read as Windows-1252: the file is not UTF-8 (byte {byte} at {position} is not), and every byte of it "
                             "is a Windows-1252 character, as older spreadsheets in Spanish and Portuguese write. Check that "
                             "accented letters look right; to avoid this, save the file as UTF-8.",
                             {{"byte", hex_byte(bad)}, {"position", position(bytes, invalid)}});
        return d;
    }
    const auto other = static_cast<unsigned char>(bytes[not_cp1252]);
    const bool control = other < 0x20 || other == 0x7F;
    // Whole sentences, one per case, so each translates as a sentence.
    const char* key =
        not_cp1252 == invalid
            ? (control ? "the file is not UTF-8 text: byte {byte} at byte offset {offset} is not part of a UTF-8 character, "
                         "and it is a control character, not text either. If it is a text file, {advice}"
                       : "the file is not UTF-8 text: byte {byte} at byte offset {offset} is not part of a UTF-8 character, "
                         "and it has no character in Windows-1252 either. If it is a text file, {advice}")
            : (control ? "the file is not UTF-8 text: byte {byte} at byte offset {offset} is not part of a UTF-8 character; "
                         "nor is the file Windows-1252 (byte {other} at {position} is a control character, not text). "
                         "If it is a text file, {advice}"
                       : "the file is not UTF-8 text: byte {byte} at byte offset {offset} is not part of a UTF-8 character; "
                         "nor is the file Windows-1252 (byte {other} at {position} has no character in Windows-1252). "
                         "If it is a text file, {advice}");
    d.problem = i18n::trf(key, {{"byte", hex_byte(bad)}, {"offset", std::to_string(invalid)}, {"other", hex_byte(other)},
                                {"position", position(bytes, not_cp1252)}, {"advice", i18n::tr(kSaveAsUtf8)}});
    return d;
}

std::optional<std::string> read_imported_text(std::string_view bytes, std::vector<TextProblem>& problems,
                                              std::vector<std::string>& notices) {
    if (bytes.size() > limits::kMaxFileBytes) {
        problems.push_back({1, 0, limits::file_too_large(bytes.size())});
        return std::nullopt;
    }
    DecodedText decoded = decode_imported_text(bytes);
    if (!decoded.utf8) {
        problems.push_back({std::max(decoded.line, 1), 0, decoded.problem});
        return std::nullopt;
    }
    if (!decoded.notice.empty()) notices.push_back(decoded.notice);
    return std::move(decoded.utf8);
}

}  // namespace jm
