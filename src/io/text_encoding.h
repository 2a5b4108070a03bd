// The one decision about the encoding of imported bytes (map files, Mermaid,
// CSV, pasted cards), so that text that is not valid UTF-8 never enters a map
// (a map holds UTF-8 only: saving, the editor's fonts and the JavaScript API
// all assume it, and invalid bytes would be saved differently than loaded).
//
//   - valid UTF-8: kept as it is; a byte order mark (EF BB BF) is dropped;
//   - UTF-16 (a byte order mark FF FE or FE FF, or the zero bytes every other
//     byte that ASCII text has in UTF-16): rejected, saying so and how to save
//     the file as UTF-8;
//   - otherwise, when every byte is a character of Windows-1252 (none of the
//     five bytes it leaves undefined, 81 8D 8F 90 9D, and no control character
//     but tab, line feed and carriage return): converted to UTF-8, with a
//     notice for the user. Spreadsheets in Spanish and Portuguese still save
//     CSV that way ("ANSI"), and Windows-1252 is a superset of ISO-8859-1 for
//     every printable character;
//   - anything else: rejected with the line and byte offset of the first byte
//     that is not UTF-8.
// Valid UTF-8 follows RFC 3629: no overlong forms, no surrogates (ED A0..BF),
// nothing above U+10FFFF.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/text_problem.h"

namespace jm {

struct DecodedText {
    std::optional<std::string> utf8;   // the text, UTF-8 without a byte order mark; none when rejected
    std::string notice;                // set when the text was converted: say it to the user
    std::string problem;               // set when rejected: what the bytes are and what to do
    int line = 0;                      // 1-based line of the byte the notice or problem is about; 0 for the whole file
};

DecodedText decode_imported_text(std::string_view bytes);

// The text of an imported line-based file (Mermaid, CSV): the file size limit
// (io/limits.h), then decode_imported_text. A refusal is added to `problems` at
// its line (and nothing returned); a notice to `notices`.
std::optional<std::string> read_imported_text(std::string_view bytes, std::vector<TextProblem>& problems,
                                              std::vector<std::string>& notices);

// Appends code point `c` (at most U+10FFFF, not a surrogate) as UTF-8.
void append_utf8(std::string& out, char32_t c);

// The offset of the first byte that is not part of valid UTF-8, or npos.
std::size_t first_invalid_utf8(std::string_view bytes);

}  // namespace jm
