// Text folding for Find: two texts that differ only in case, accents or width
// fold to the same string, in any script. Standard library only; the tables
// are generated from Unicode data by scripts/gen_text_fold.py.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jm::ui {

// The fold of a UTF-8 text, code point by code point:
//   * compatibility decomposition: "é" -> "e" + U+0301, fullwidth "Ａ" -> "A",
//     "ﬁ" -> "fi", NBSP -> space, CJK compatibility ideographs -> unified ones;
//   * combining marks (General Category Mn) and default-ignorable format
//     characters (soft hyphen, zero-width space and joiners, bidi marks,
//     variation selectors) removed;
//   * full Unicode case folding: "A" -> "a", "Σ"/"ς" -> "σ", "ß" -> "ss";
//   * letters with a stroke as the plain letter, as accent-insensitive
//     collation does: "ł" -> "l", "đ" -> "d", "ø" -> "o", "ı" -> "i", and
//     "æ" -> "ae", "œ" -> "oe".
// Hangul syllables stay whole (conjoining jamo sequences are composed into them).
// CJK ideographs and every other character map to themselves, so Chinese is
// matched by plain substring. Invalid UTF-8 bytes read as U+FFFD.
// Folding a concatenation gives the concatenation of the folds (Hangul apart),
// so a query found in a text is still found once both are folded.
std::string fold_for_search(std::string_view utf8);

// The same, written into `scratch` (which only ever grows, for loops that fold
// many texts): the view is valid until `scratch` is next used or changed.
std::string_view fold_for_search(std::string_view utf8, std::string& scratch);

// A fold that remembers where each of its bytes came from.
struct FoldedText {
    std::string folded;
    // source_offset[i]: the byte offset, in the original text, of the character
    // that folded byte i came from; one entry more than `folded`, the original's size.
    std::vector<std::uint32_t> source_offset;

    // The original bytes [begin, end) that folded bytes [folded_begin, folded_end)
    // came from: whole characters, with the combining marks that follow the last one.
    std::pair<std::size_t, std::size_t> source_range(std::size_t folded_begin, std::size_t folded_end) const;
};
FoldedText fold_with_offsets(std::string_view utf8);

// The Unicode version the tables were generated from ("14.0.0").
const char* fold_unicode_version();

}  // namespace jm::ui
