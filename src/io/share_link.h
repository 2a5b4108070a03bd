// Share links: a whole map in a page address's fragment, which browsers never
// send to a server ("https://host/editor/#map=v1.<data>").
//
// <data> is the map's file text with its layout whitespace left out
// (compact_json), compressed with raw DEFLATE (RFC 1951; the browser's
// CompressionStream("deflate-raw")) and written in base64url (RFC 4648 §5)
// without padding. "v1" is the link format: a later editor that changes the
// encoding writes another tag, and this one says the link is too new rather
// than calling it damaged. Compressing and decompressing happen in the browser
// (platform/web/web_share_link.h); everything else is here, plain C++, so its
// rules are tested natively (tests/unit/test_share_link.cpp).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "io/map_json.h"

namespace jm::share {

// What chat tools and mail clients pass on whole: a longer link is refused and
// the map offered as a file instead.
inline constexpr std::size_t kMaxLinkChars = 8000;
inline constexpr std::string_view kFragmentKey = "#map=";
inline constexpr std::string_view kFormatTag = "v1.";

// `json` without the whitespace between its tokens; strings are kept byte for
// byte. For valid JSON only (a canonical map text): the result is the same JSON.
std::string compact_json(std::string_view json);

std::string base64url_encode(std::string_view bytes);
// The bytes of base64url `text` (trailing '=' padding tolerated), or nothing
// with `problem` set to why not, in the user's language.
std::optional<std::string> base64url_decode(std::string_view text, std::string& problem);

// "#map=v1.<base64url of compressed>".
std::string fragment_for(std::string_view compressed);
// The link: `page_address` (any fragment it has dropped) followed by the fragment.
std::string link_for(std::string_view page_address, std::string_view compressed);

// What a page address's fragment ("#..." or "") holds.
struct FragmentRead {
    enum class Kind { None, Link, Damaged } kind = Kind::None;
    std::string compressed;   // Link: the compressed map text
    std::string problem;      // Damaged: why it cannot be read, in the user's language
};
FragmentRead read_fragment(std::string_view fragment);

// The map in a link's decompressed text, loaded and validated like any file.
// A map that names its own version first in its lineage (every link does:
// fork_for_sending) must have exactly that content: a link changed on its way
// gives a problem here instead of a quietly different map.
LoadResult read_shared_map(std::string_view text);

// The problem of a link whose compressed data does not decompress, and of one
// whose text would be over the file size limit once decompressed.
std::string inflate_problem();
// The problem of a link opened in a browser that cannot decompress at all.
std::string unsupported_problem();
std::string too_large_problem(std::size_t limit_bytes);

}  // namespace jm::share
