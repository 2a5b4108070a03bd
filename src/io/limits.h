// Limits on what a file may hold, so that a hostile or broken file cannot
// exhaust memory, stack or time in the importers, the editor or the metrics.
// Every importer (map JSON, Mermaid, CSV, pasted cards) enforces the same
// numbers, and its messages name the limit and its value (README, "Limits and
// encodings", quotes these figures).
//
// Chosen far above real maps: the largest map the project measures has 10,000
// touchpoints in 20 stages and is 11 MB of JSON (about 1 MB as Mermaid); a
// workshop map has 5 to 10 stages and a few hundred touchpoints.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace jm::limits {

// Bytes of one file or paste, checked before anything is parsed. Six times
// the 10,000-touchpoint map; parsing holds a few times this in memory.
inline constexpr std::size_t kMaxFileBytes = 64 * 1024 * 1024;

// Levels of '[' and '{' anywhere in a map file, unknown fields included. The
// format itself needs 7 (map > stages > stage > touchpoints > touchpoint >
// survey > nps); a deeper value is never data a person wrote by hand, and
// without a bound it overflows the stack of every recursive reader or writer.
inline constexpr int kMaxNestingDepth = 64;

// Values (numbers, texts, lists, objects) in one map file, counted while it is
// parsed. The parsed document costs 16 to 100 bytes per value, so this bounds
// its memory (to about 300 MB at worst, measured) where the file size alone
// does not: 64 MiB of "{},{},..." are 22 million values and took 2.4 GB, more
// than a browser tab gets. The 10,000-touchpoint map (11 MB) has 446,117 values;
// 2,000,000 is a map of 45,000 such touchpoints, near the file size limit.
inline constexpr std::size_t kMaxJsonValues = 2'000'000;

// Items in one map: ten times the largest map measured for touchpoints, and
// far beyond what a screen shows for stages and personas.
inline constexpr std::size_t kMaxStages = 10'000;
inline constexpr std::size_t kMaxTouchpoints = 100'000;   // in the whole map
inline constexpr std::size_t kMaxPersonas = 10'000;
// Entries of one list: a stage's KPIs, a touchpoint's personas, pains,
// opportunities and quotes (a CSV cell or a Mermaid task's actors likewise).
inline constexpr std::size_t kMaxListItems = 10'000;

// Characters (Unicode code points) of one text field: about 40 printed pages;
// a card shows a few lines.
inline constexpr std::size_t kMaxTextChars = 100'000;

// Cells in one CSV row. The format has 14 columns; a spreadsheet may add its
// own. Bounds the memory of one row, which is read whole before it is checked.
inline constexpr std::size_t kMaxCsvColumns = 1'000;

// ---- The words users read --------------------------------------------------------

// "100,000": thousands separated, as in the README.
std::string with_thousands(std::size_t n);

// Code points of UTF-8 text (its bytes that do not continue a character).
std::size_t char_count(std::string_view utf8);

// "the file is 70,000,000 bytes (66.8 MiB); the limit is 64 MiB (67,108,864 bytes)"
std::string file_too_large(std::size_t bytes);

// "too many stages: the limit is 10,000 stages per map (this file has 12,000)";
// `found` is left out of the words when it is 0 (a reader that stops at the
// first item over the limit does not know how many follow).
std::string too_many(std::string_view items, std::size_t limit, std::string_view per, std::size_t found = 0);

// "the text is 120,000 characters long; the limit is 100,000 characters per field"
std::string text_too_long(std::size_t chars);

// Text quoted in a message, cut after `max_chars` characters (between two
// UTF-8 characters) with "…" added, so that a huge value never makes a huge message.
std::string excerpt(std::string_view utf8, std::size_t max_chars = 60);

}  // namespace jm::limits
