// File names made from map titles (downloads, exports), safe to create on
// Windows, macOS and Linux, whatever a workshop typed as the title.
//
// The title is kept as far as possible (Spanish, Portuguese and Chinese text
// stays as it is) and only what some file system refuses or misreads changes:
//   - ':' '/' '\' '*' '?' '"' '<' '>' '|' become '-' (Windows refuses them;
//     '/' and ':' separate paths on Linux and macOS);
//   - control characters: tab and line breaks become spaces, the others '-',
//     as do bytes that are not UTF-8 (APFS refuses names that are not UTF-8);
//   - the bidirectional overrides and isolates (U+202A..U+202E, U+2066..U+2069)
//     are dropped: they make "report<U+202E>fdp.exe" read as "reportexe.pdf";
//   - leading dots (hidden files) and spaces, trailing dots and spaces (Windows
//     drops them, so the name would change on the way) are removed;
//   - a name Windows reserves for a device (CON, PRN, AUX, NUL, COM1..COM9,
//     LPT1..LPT9, COM¹²³ and LPT¹²³; in any case, also followed by an
//     extension, as in "nul.txt") gets a leading '_';
//   - stem + extension fits in 255 bytes (the limit of ext4 and APFS, in bytes,
//     and of NTFS, in UTF-16 units, which never outnumber UTF-8 bytes), cut
//     between UTF-8 characters, never inside one;
//   - a title left empty gives kDefaultFileStem.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace jm {

inline constexpr std::size_t kMaxFileNameBytes = 255;
inline constexpr std::string_view kDefaultFileStem = "journey-map";

// The stem for `title` such that stem + `extension` is a safe file name.
// `extension` is the program's own (".journeymap.json", ".csv"...), used as
// given; it must be shorter than kMaxFileNameBytes.
std::string safe_file_stem(std::string_view title, std::string_view extension);

// safe_file_stem(title, extension) + extension.
std::string safe_file_name(std::string_view title, std::string_view extension);

}  // namespace jm
