#include "io/limits.h"

#include <cstdio>

namespace jm::limits {

std::string with_thousands(std::size_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

std::size_t char_count(std::string_view utf8) {
    std::size_t n = 0;
    for (char c : utf8) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

std::string file_too_large(std::size_t bytes) {
    char mib[32];
    std::snprintf(mib, sizeof mib, "%.1f", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return "the file is too large: " + with_thousands(bytes) + " bytes (" + mib + " MiB); the limit is " +
           std::to_string(kMaxFileBytes / (1024 * 1024)) + " MiB (" + with_thousands(kMaxFileBytes) + " bytes)";
}

std::string too_many(std::string_view items, std::size_t limit, std::string_view per, std::size_t found) {
    std::string out = "too many " + std::string(items) + ": the limit is " + with_thousands(limit) + " " + std::string(items) +
                      " " + std::string(per);
    if (found > 0) out += " (this file has " + with_thousands(found) + ")";
    return out;
}

std::string text_too_long(std::size_t chars) {
    return "the text is too long: " + with_thousands(chars) + " characters; the limit is " + with_thousands(kMaxTextChars) +
           " characters per field";
}

std::string excerpt(std::string_view utf8, std::size_t max_chars) {
    std::size_t chars = 0;
    for (std::size_t p = 0; p < utf8.size(); ++p) {
        if ((static_cast<unsigned char>(utf8[p]) & 0xC0) == 0x80) continue;   // inside a character
        if (chars++ == max_chars) return std::string(utf8.substr(0, p)) + "\xE2\x80\xA6";
    }
    return std::string(utf8);
}

}  // namespace jm::limits
