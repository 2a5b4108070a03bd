// Wording of undo labels: short names, quoted, counted.
#include "i18n/i18n.h"
#include "edit/command_support.h"
#include "edit/commands.h"

namespace jm {

namespace {

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Bytes of the UTF-8 character starting at `i`: the lead byte and every
// continuation byte after it, so a cut never lands inside a sequence (also for
// malformed text).
std::size_t char_length(const std::string& text, std::size_t i) {
    std::size_t n = 1;
    while (i + n < text.size() && is_continuation(static_cast<unsigned char>(text[i + n]))) ++n;
    return n;
}

}  // namespace

std::string short_label(const std::string& text, std::size_t max_chars) {
    std::string out;
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t len = char_length(text, i);
        if (chars == max_chars) {
            while (!out.empty() && out.back() == ' ') out.pop_back();
            return out + "\xE2\x80\xA6";   // "…"
        }
        char c = text[i];
        // A label is one line: a name with line breaks or tabs reads as spaces.
        if (len == 1 && (c == '\n' || c == '\r' || c == '\t')) out += ' ';
        else out.append(text, i, len);
        i += len;
        ++chars;
    }
    return out;
}

namespace edit_detail {

std::string quoted(const std::string& name) {
    if (name.empty()) return i18n::tr("(untitled)");
    std::string out(1, '\'');
    out += short_label(name);
    out += '\'';
    return out;
}

}  // namespace edit_detail

}  // namespace jm
