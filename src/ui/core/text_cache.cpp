#include "ui/core/text_cache.h"

#include <cstring>

namespace jm::ui {

namespace {

std::uint64_t mix(std::uint64_t x) {
    x ^= x >> 30;
    x *= 0xBF58476D1CE4E5B9ull;
    x ^= x >> 27;
    x *= 0x94D049BB133111EBull;
    x ^= x >> 31;
    return x;
}

std::uint32_t bits(float f) {
    std::uint32_t u;
    std::memcpy(&u, &f, 4);
    return u;
}

std::uint64_t key_hash(std::uint64_t text_hash, const WrapOptions& o) {
    std::uint64_t h = text_hash;
    h = mix(h ^ (std::uint64_t{bits(o.max_width)} << 32 | bits(o.font_size)));
    h = mix(h ^ (std::uint64_t{bits(o.first_line_indent)} << 32 | static_cast<std::uint32_t>(o.max_lines)));
    return h;
}

}  // namespace

std::uint64_t hash_text(std::string_view text) {
    // Two independent lanes of 8 bytes: the multiplications overlap.
    const char* p = text.data();
    std::size_t n = text.size();
    constexpr std::uint64_t k1 = 0x9E3779B97F4A7C15ull, k2 = 0xD6E8FEB86659FD93ull;
    std::uint64_t a = k1 ^ n, b = k2 + n;
    auto rotl = [](std::uint64_t x, int r) { return (x << r) | (x >> (64 - r)); };
    while (n >= 16) {
        std::uint64_t v, w;
        std::memcpy(&v, p, 8);
        std::memcpy(&w, p + 8, 8);
        a = rotl(a ^ v, 29) * k1;
        b = rotl(b ^ w, 31) * k2;
        p += 16;
        n -= 16;
    }
    if (n >= 8) {
        std::uint64_t v;
        std::memcpy(&v, p, 8);
        a = rotl(a ^ v, 29) * k1;
        p += 8;
        n -= 8;
    }
    if (n > 0) {
        std::uint64_t v = 0;
        std::memcpy(&v, p, n);
        b = rotl(b ^ v, 31) * k2;
    }
    return mix(a ^ rotl(b, 17));
}

void TextLayoutCache::clear() {
    entries_.clear();
    slots_.clear();
    lines_.clear();
    order_.clear();
    prev_order_.clear();
    live_ = dead_lines_ = 0;
}

void TextLayoutCache::begin_pass(const TextMetric& metric) {
    metric_ = &metric;
    std::uint64_t key = metric.key();
    if (!has_metric_key_ || key != metric_key_) {
        clear();
        metric_key_ = key;
        has_metric_key_ = true;
    }
    stats_ = {};
    prev_order_.swap(order_);
    order_.clear();
    cursor_ = 0;
    ++pass_;
    if (pass_ == 0) pass_ = 1;   // 0 marks dropped entries
    // Drop what the previous pass did not use.
    std::size_t dropped = 0;
    for (Entry& e : entries_) {
        if (e.pass != 0 && e.pass + 1 < pass_) {
            e.pass = 0;
            dead_lines_ += e.block.count;
            --live_;
            ++dropped;
        }
    }
    if (dropped == 0) return;
    // Dropped entries stay in the table (lookups skip them) until they are a
    // quarter of it; then entries, slots and lines are compacted in one go.
    std::size_t dead_entries = entries_.size() - live_;
    if (dead_entries * 4 > entries_.size() || dead_lines_ * 4 > lines_.size()) compact();
}

void TextLayoutCache::compact() {
    std::vector<Entry> kept;
    kept.reserve(live_ + live_ / 4 + 16);
    std::vector<TextLine> lines;
    lines.reserve(lines_.size() - dead_lines_ + 16);
    for (const Entry& e : entries_) {
        if (e.pass == 0) continue;
        Entry moved = e;
        moved.block.first = static_cast<std::uint32_t>(lines.size());
        lines.insert(lines.end(), lines_.begin() + e.block.first, lines_.begin() + e.block.first + e.block.count);
        kept.push_back(moved);
    }
    entries_ = std::move(kept);
    lines_ = std::move(lines);
    prev_order_.clear();   // entry indices changed
    dead_lines_ = 0;
    live_ = entries_.size();
    rebuild_slots(slots_.size());
}

void TextLayoutCache::rebuild_slots(std::size_t capacity) {
    std::size_t want = 64;
    while (want < capacity || want < entries_.size() * 2) want *= 2;
    slots_.assign(want, 0);
    const std::size_t mask = want - 1;
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        if (entries_[i].pass == 0) continue;
        std::size_t s = entries_[i].hash & mask;
        while (slots_[s] != 0) s = (s + 1) & mask;
        slots_[s] = static_cast<std::uint32_t>(i + 1);
    }
}

TextBlock TextLayoutCache::use(std::uint32_t index) {
    Entry& e = entries_[index];
    if (e.pass == 0) {   // dropped but not compacted away yet: its lines are still there
        ++live_;
        dead_lines_ -= e.block.count;
    }
    e.pass = pass_;
    ++stats_.hits;
    order_.push_back(index);
    return e.block;
}

TextBlock TextLayoutCache::get(std::string_view text, const WrapOptions& o) {
    if (text.empty()) return {};
    const std::uint64_t h = key_hash(hash_text(text), o);
    const auto length = static_cast<std::uint32_t>(text.size());
    auto same = [&](const Entry& e) {
        return e.hash == h && e.length == length && e.max_width == o.max_width && e.font_size == o.font_size &&
               e.indent == o.first_line_indent && e.max_lines == o.max_lines;
    };
    // The same request as last pass, in the same place?
    const std::size_t k = cursor_++;
    if (k < prev_order_.size() && same(entries_[prev_order_[k]])) return use(prev_order_[k]);
    if (slots_.empty()) rebuild_slots(64);
    std::size_t mask = slots_.size() - 1;
    std::size_t s = h & mask;
    for (; slots_[s] != 0; s = (s + 1) & mask)
        if (same(entries_[slots_[s] - 1])) return use(slots_[s] - 1);
    ++stats_.misses;
    Entry e;
    e.hash = h;
    e.length = length;
    e.pass = pass_;
    e.max_width = o.max_width;
    e.font_size = o.font_size;
    e.indent = o.first_line_indent;
    e.max_lines = o.max_lines;
    e.block.first = static_cast<std::uint32_t>(lines_.size());
    static const FixedWidthMetric fallback;
    WrapSummary sum = wrap_text_into(text, metric_ ? *metric_ : fallback, o, lines_);
    e.block.count = static_cast<std::uint32_t>(lines_.size() - e.block.first);
    e.block.width = sum.width;
    e.block.truncated = sum.truncated;
    entries_.push_back(e);
    ++live_;
    const auto index = static_cast<std::uint32_t>(entries_.size() - 1);
    order_.push_back(index);
    if (entries_.size() * 2 > slots_.size()) {
        rebuild_slots(slots_.size() * 2);
    } else {
        s = h & mask;
        while (slots_[s] != 0) s = (s + 1) & mask;
        slots_[s] = index + 1;
    }
    return e.block;
}

std::size_t TextLayoutCache::memory_bytes() const {
    return entries_.capacity() * sizeof(Entry) +
           (slots_.capacity() + order_.capacity() + prev_order_.capacity()) * sizeof(std::uint32_t) +
           lines_.capacity() * sizeof(TextLine);
}

}  // namespace jm::ui
