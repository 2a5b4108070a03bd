// Line breaks computed once per edit, never per frame: a cache of wrapped texts
// keyed by (text, width, font size, max lines, first-line indent) and by the
// font behind the metric. The canvas layout owns one and runs one pass per
// document revision: each pass asks for every text it shows; texts laid out in
// an earlier pass come back without being measured again, and what the last
// pass did not ask for is dropped, so memory follows the map, not the history
// of edits.
//
// Keys are a 64-bit hash of the text plus its length and the options (the text
// itself is not copied): two different texts of the same length would have to
// collide on 64 bits to share a layout.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "ui/core/text_layout.h"

namespace jm::ui {

// A wrapped text: a range of lines in the cache that made it.
struct TextBlock {
    std::uint32_t first = 0;   // index of the first line in TextLayoutCache::lines()
    std::uint32_t count = 0;   // number of lines (0 for an empty text)
    float width = 0;           // the widest line, ellipsis included, at the options' font size
    bool truncated = false;    // max_lines cut it: the last line ends in "…"
};

class TextLayoutCache {
public:
    // Starts a pass with `metric` (which must outlive the pass): entries the
    // previous pass did not use are dropped; a metric with another key (another
    // font) drops everything.
    void begin_pass(const TextMetric& metric);
    // The layout of `text` with `options`, from the cache or made now.
    TextBlock get(std::string_view text, const WrapOptions& options);

    const TextLine* lines(const TextBlock& block) const { return lines_.data() + block.first; }
    const std::vector<TextLine>& all_lines() const { return lines_; }

    struct Stats {
        std::size_t hits = 0, misses = 0;
    };
    Stats last_pass() const { return stats_; }
    std::size_t entries() const { return live_; }
    // Bytes held (capacity, not size): entries, hash slots and lines.
    std::size_t memory_bytes() const;
    void clear();

private:
    struct Entry {
        std::uint64_t hash = 0;
        std::uint32_t length = 0;
        std::uint32_t pass = 0;    // the last pass that used it; 0 = dropped
        float max_width = 0, font_size = 0, indent = 0;
        std::int32_t max_lines = 0;
        TextBlock block;
    };

    void rebuild_slots(std::size_t capacity);
    TextBlock use(std::uint32_t index);
    void compact();

    const TextMetric* metric_ = nullptr;
    std::uint64_t metric_key_ = 0;
    bool has_metric_key_ = false;
    std::uint32_t pass_ = 0;
    std::vector<Entry> entries_;
    std::vector<std::uint32_t> slots_;   // open addressing: entry index + 1, 0 = empty
    std::vector<TextLine> lines_;
    // Which entry each request of a pass got, in order: the next pass usually
    // asks for the same texts in the same order, so request k first tries the
    // entry request k got last time (a sequential walk instead of a probe).
    std::vector<std::uint32_t> order_, prev_order_;
    std::size_t cursor_ = 0;
    std::size_t live_ = 0;
    std::size_t dead_lines_ = 0;         // lines of dropped entries, not yet compacted away
    Stats stats_;
};

// A fast 64-bit hash of bytes (not cryptographic).
std::uint64_t hash_text(std::string_view text);

}  // namespace jm::ui
