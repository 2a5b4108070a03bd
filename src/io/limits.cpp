#include "io/limits.h"

#include <cstdio>

#include "i18n/i18n.h"

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

namespace {

// A count as the language writes it ("1,234" in English, "1.234" in Spanish).
std::string shown_count(std::size_t n) { return i18n::localize_number(with_thousands(n)); }

}  // namespace

std::string file_too_large(std::size_t bytes) {
    char mib[32];
    std::snprintf(mib, sizeof mib, "%.1f", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return i18n::trf("the file is too large: {bytes} bytes ({mib} MiB); the limit is {limit_mib} MiB ({limit} bytes)",
                     {{"bytes", shown_count(bytes)},
                      {"mib", i18n::localize_number(mib)},
                      {"limit_mib", std::to_string(kMaxFileBytes / (1024 * 1024))},
                      {"limit", shown_count(kMaxFileBytes)}});
}

std::string too_many(std::string_view items, std::size_t limit, std::string_view per, std::size_t found) {
    // The whole sentence is the key ("too many stages: the limit is {limit} stages per map"), one per
    // kind of item, so a translator sees a sentence, not its parts.
    std::string key = "too many " + std::string(items) + ": the limit is {limit} " + std::string(items) + " " + std::string(per);
    if (found > 0) key += " (this file has {found})";
    return i18n::trf(key.c_str(), {{"limit", shown_count(limit)}, {"found", shown_count(found)}});
}

std::string text_too_long(std::size_t chars) {
    return i18n::trf("the text is too long: {chars} characters; the limit is {limit} characters per field",
                     {{"chars", shown_count(chars)}, {"limit", shown_count(kMaxTextChars)}});
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
