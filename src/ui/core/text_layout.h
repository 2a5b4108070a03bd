// Line breaking for the canvas: plain C++, no ImGui, so it is tested natively
// with a fixed-width metric and backed by ImGui's font in the editor.
//
// Rules (a small, predictable subset of Unicode's line breaking, UAX #14):
// - Latin text breaks after spaces; a word longer than the line is split
//   between two characters; a hyphen between letters is a break opportunity.
// - Chinese and Japanese (ideographs, kana, fullwidth forms, CJK punctuation)
//   and emoji break between any two characters, except before closing
//   punctuation (，。、：；！？）」』 small kana, ー ...) and after opening
//   punctuation (（「『【 ...): a line never starts with 。 nor ends with 「.
// - Explicit newlines (\n, \r\n, \r, U+2028) always break.
// - Nothing splits a grapheme the breaker recognises: a base with its
//   combining marks, an emoji with its variation selector, skin tone and ZWJ
//   sequence, a flag (two regional indicators), CR LF.
// Widths are those of what the painter draws: code points that draw nothing
// on their own (joiners, variation selectors, the parts of an emoji sequence
// after the first) measure 0 and are marked so the painter leaves them out.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace jm::ui {

// The advance of one code point at a font size, in pixels of that size.
class TextMetric {
public:
    virtual ~TextMetric() = default;
    virtual float advance(char32_t codepoint, float size) const = 0;
    // Which font stands behind the metric: cached layouts made with another
    // key are stale (e.g. the editor's fonts arrived after the first layout).
    virtual std::uint64_t key() const { return 0; }
};

// For tests and for the time before the editor's fonts are loaded: narrow
// characters are `narrow` em wide, wide ones (CJK, fullwidth, emoji, icons)
// `wide` em, combining marks and invisible characters 0, a tab four narrow.
class FixedWidthMetric : public TextMetric {
public:
    explicit FixedWidthMetric(float narrow = 0.5f, float wide = 1.0f) : narrow_(narrow), wide_(wide) {}
    float advance(char32_t codepoint, float size) const override;
    std::uint64_t key() const override;

private:
    float narrow_, wide_;
};

struct TextLine {
    std::uint32_t begin = 0, end = 0;  // bytes of the source text; end excluded, no newline, no trailing spaces
    float width = 0;                   // at the layout's font size, without the ellipsis
    bool ellipsis = false;             // the text goes on: draw "…" after the line (max_lines reached)
    bool filtered = false;             // holds code points the painter leaves out (see drawable_text)
};

struct WrapOptions {
    float max_width = 0;          // pixels at font_size; <= 0: break at newlines only
    float font_size = 17;
    int max_lines = 0;            // 0: as many as needed; else the last kept line ends in "…"
    float first_line_indent = 0;  // the first line is this much shorter (an icon sits there)
};

struct WrappedText {
    std::vector<TextLine> lines;
    float width = 0;              // the widest line, its ellipsis included
    bool truncated = false;       // max_lines cut the text
    float height(float line_height) const { return static_cast<float>(lines.size()) * line_height; }
};

// Lays `text` (UTF-8; invalid bytes count as one replacement character each)
// out in lines. Empty text, or only a trailing newline, gives no line.
WrappedText wrap_text(std::string_view text, const TextMetric& metric, const WrapOptions& options);

// The same, appending the lines to `out` (a cache keeps every layout in one
// array); returns the widest line and whether max_lines cut the text.
struct WrapSummary {
    float width = 0;
    bool truncated = false;
};
WrapSummary wrap_text_into(std::string_view text, const TextMetric& metric, const WrapOptions& options,
                           std::vector<TextLine>& out);

// What the painter draws for a line marked `filtered`: the bytes without the
// code points that draw nothing on their own (ZWJ, variation selectors, emoji
// modifiers and the parts of a ZWJ sequence or flag after the first).
std::string drawable_text(std::string_view line);

// The text of `line` (a line of `text`'s layout) as the painter draws it.
std::string line_text(std::string_view text, const TextLine& line);

// Where a click at (x, y) in a laid-out text puts the caret: the byte offset of
// the nearest character boundary on the clicked line (x from the line's start, y
// from the first line's top). Above or below the text, the first or last line.
std::size_t caret_at(std::string_view text, const std::vector<TextLine>& lines, const TextMetric& metric, float font_size,
                     float line_height, float x, float y);

// The same offset counted in UTF-16 code units, as a browser's text box counts
// (invalid bytes are one replacement character each, as decode_utf8 reads them).
std::size_t utf16_offset(std::string_view text, std::size_t byte_offset);

// Decodes one code point at `pos` (< text.size()); returns its length in bytes.
// Invalid or truncated sequences give U+FFFD and a length of 1.
int decode_utf8(std::string_view text, std::size_t pos, char32_t& out);

inline constexpr char32_t kEllipsisCodepoint = 0x2026;
inline constexpr const char* kEllipsisUtf8 = "\xE2\x80\xA6";

// Character classes the breaker uses, exposed for tests.
bool is_wide(char32_t c);             // CJK, kana, Hangul, fullwidth forms, emoji: break around them
bool is_no_break_before(char32_t c);  // closing punctuation, small kana, prolonged sound mark
bool is_no_break_after(char32_t c);   // opening punctuation
bool is_combining_mark(char32_t c);

}  // namespace jm::ui
