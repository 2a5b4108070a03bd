#include "ui/core/text_fold.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <iterator>

namespace jm::ui {

namespace {

// One run of the generated table (see scripts/gen_text_fold.py).
enum : std::uint8_t { D1, D2, K, L };
struct FoldRun {
    std::uint32_t first;
    std::uint16_t count;
    std::uint8_t kind;
    std::int64_t param;
};

#include "ui/core/text_fold_tables.inc"

constexpr std::uint32_t kPoolFlag = 0x80000000u;
constexpr std::uint32_t kReplacement = 0xFFFD;

// The fold of `cp` when it is not `cp` itself: a code point, or a kFoldPool
// reference (kPoolFlag | offset << 8 | length).
bool lookup(std::uint32_t cp, std::uint32_t& value) {
    const std::uint32_t block = cp >> 8;
    if (((kFoldBlocks[block >> 6] >> (block & 63)) & 1u) == 0) return false;
    const FoldRun* end = kFoldRuns + std::size(kFoldRuns);
    const FoldRun* it = std::upper_bound(kFoldRuns, end, cp, [](std::uint32_t c, const FoldRun& r) { return c < r.first; });
    if (it == kFoldRuns) return false;
    --it;
    std::uint32_t off = cp - it->first;
    switch (it->kind) {
        case D1:
            if (off >= it->count) return false;
            value = static_cast<std::uint32_t>(cp + it->param);
            return true;
        case D2:
            if ((off & 1u) != 0 || off / 2 >= it->count) return false;
            value = static_cast<std::uint32_t>(cp + it->param);
            return true;
        case K:
            if (off >= it->count) return false;
            value = static_cast<std::uint32_t>(it->param);
            return true;
        default:
            if (off >= it->count) return false;
            value = kFoldValues[it->param + off];
            return true;
    }
}

// Decodes one code point at `p` (p < end). Strict UTF-8: overlong forms,
// surrogates and values past U+10FFFF are invalid; an invalid sequence reads as
// one U+FFFD per maximal subpart (the Unicode recommendation) and `len` says how
// many bytes it covered.
std::uint32_t decode(const unsigned char* p, const unsigned char* end, int& len) {
    const unsigned char b0 = p[0];
    int need;
    std::uint32_t cp;
    unsigned char lo = 0x80, hi = 0xBF;   // the range of the second byte
    if (b0 < 0xC2) {                      // continuation byte or overlong lead
        len = 1;
        return kReplacement;
    } else if (b0 < 0xE0) {
        need = 1;
        cp = b0 & 0x1Fu;
    } else if (b0 < 0xF0) {
        need = 2;
        cp = b0 & 0x0Fu;
        if (b0 == 0xE0) lo = 0xA0;
        if (b0 == 0xED) hi = 0x9F;
    } else if (b0 < 0xF5) {
        need = 3;
        cp = b0 & 0x07u;
        if (b0 == 0xF0) lo = 0x90;
        if (b0 == 0xF4) hi = 0x8F;
    } else {
        len = 1;
        return kReplacement;
    }
    int i = 1;
    for (; i <= need; ++i) {
        if (p + i >= end) break;
        const unsigned char b = p[i];
        if (i == 1 ? (b < lo || b > hi) : (b & 0xC0) != 0x80) break;
        cp = (cp << 6) | (b & 0x3Fu);
    }
    len = i;
    return i == need + 1 ? cp : kReplacement;
}

int encode(std::uint32_t cp, char* out) {
    if (cp < 0x80) {
        out[0] = static_cast<char>(cp);
        return 1;
    }
    if (cp < 0x800) {
        out[0] = static_cast<char>(0xC0 | (cp >> 6));
        out[1] = static_cast<char>(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = static_cast<char>(0xE0 | (cp >> 12));
        out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out[2] = static_cast<char>(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = static_cast<char>(0xF0 | (cp >> 18));
    out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[3] = static_cast<char>(0x80 | (cp & 0x3F));
    return 4;
}

// Eight ASCII bytes lowercased at once (no byte has its high bit set).
inline std::uint64_t ascii_lower8(std::uint64_t w) {
    constexpr std::uint64_t ones = 0x0101010101010101ull;
    const std::uint64_t ge_a = w + ones * (0x80 - 'A');        // high bit: byte >= 'A'
    const std::uint64_t gt_z = w + ones * (0x80 - 'Z' - 1);    // high bit: byte > 'Z'
    const std::uint64_t upper = ge_a & ~gt_z & (ones * 0x80);
    return w | (upper >> 2);                                    // + 0x20
}

// Hangul: conjoining jamo L V [T] compose into a syllable, as in NFC, so that
// decomposed Korean matches precomposed Korean.
constexpr std::uint32_t kSBase = 0xAC00, kLBase = 0x1100, kVBase = 0x1161, kTBase = 0x11A7;
constexpr std::uint32_t kLCount = 19, kVCount = 21, kTCount = 28, kSCount = 11172;

// Lookups done once: the folds of U+0080..U+07FF (the two-byte characters:
// Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic...), the code point itself
// when it folds to itself; and one bit per BMP code point that folds to
// something else, so that CJK text and the rest of the BMP skip the search.
struct Tables {
    std::uint32_t two_byte[0x800];
    std::uint32_t latin_greek_extended[0x200];   // U+1E00..U+1FFF: Vietnamese, polytonic Greek
    std::uint32_t halfwidth_fullwidth[0xF0];     // U+FF00..U+FFEF
    std::uint64_t bmp_mapped[0x10000 / 64] = {};

    Tables() {
        for (const FoldRun& r : kFoldRuns) {
            const std::uint32_t stride = r.kind == D2 ? 2 : 1;
            for (std::uint32_t k = 0; k < r.count; ++k) {
                const std::uint32_t cp = r.first + k * stride;
                if (cp < 0x10000) bmp_mapped[cp >> 6] |= std::uint64_t{1} << (cp & 63);
            }
        }
        for (std::uint32_t cp = 0; cp < 0x800; ++cp) {
            two_byte[cp] = cp;
            lookup(cp, two_byte[cp]);
        }
        for (std::uint32_t i = 0; i < 0x200; ++i) {
            latin_greek_extended[i] = 0x1E00 + i;
            lookup(0x1E00 + i, latin_greek_extended[i]);
        }
        for (std::uint32_t i = 0; i < 0xF0; ++i) {
            halfwidth_fullwidth[i] = 0xFF00 + i;
            lookup(0xFF00 + i, halfwidth_fullwidth[i]);
        }
    }

    // The fold of cp: a code point (cp itself when it folds to itself) or a pool reference.
    std::uint32_t value(std::uint32_t cp) const {
        if (cp < 0x800) return two_byte[cp];
        if (cp - 0x1E00 < 0x200) return latin_greek_extended[cp - 0x1E00];
        if (cp - 0xFF00 < 0xF0) return halfwidth_fullwidth[cp - 0xFF00];
        std::uint32_t v = cp;
        if (cp >= 0x10000 || mapped(cp)) lookup(cp, v);
        return v;
    }

    bool mapped(std::uint32_t cp) const {   // cp < 0x10000
        return ((bmp_mapped[cp >> 6] >> (cp & 63)) & 1u) != 0;
    }
};

const Tables& tables() {
    static const Tables t;
    return t;
}

// Where a fold is being written. The hot loop of fold_into keeps these in
// locals whose address is never taken (so they stay in registers, although the
// loop stores chars, which may alias anything) and hands them over to the slow
// paths in this struct.
struct Cursor {
    const unsigned char* p;      // next input byte
    char* o;                     // next output byte
    std::uint32_t last;          // the last code point written when it may compose (Hangul), else 0
    char* last_o;                // where its three bytes are
};

// The output is grown ahead and written through a pointer, keeping room for the
// rest of the input plus some slack: the paths that write no more than they
// read (ASCII, characters that fold to themselves) need no check; the others
// call ensure().
constexpr std::size_t kSlack = 16;   // >= 8, for the eight-byte ASCII writes

template <bool Offsets>
class SlowPath {
public:
    SlowPath(const unsigned char* begin, const unsigned char* end, std::string& out, std::vector<std::uint32_t>* offsets)
        : begin_(begin), end_(end), out_(out), offsets_(offsets) {}

    // Writes the fold `value` (a code point or a pool reference) of the `len`
    // bytes at c.p, and moves past them.
    void put_value(Cursor& c, std::uint32_t value, int len) {
        const auto source = static_cast<std::uint32_t>(c.p - begin_);
        c.p += len;
        if ((value & kPoolFlag) != 0) {
            const std::size_t at = (value >> 8) & 0x7FFFFFu, n = value & 0xFFu;
            if (n == 0) return;   // a combining mark: the previous character may still compose
            ensure(c, n);
            std::memcpy(c.o, kFoldPool + at, n);
            c.o += n;
            if constexpr (Offsets) offsets_->insert(offsets_->end(), n, source);
            c.last = 0;
            return;
        }
        // Hangul: a vowel jamo after a leading consonant, or a trailing consonant
        // after an LV syllable, turns the previous character into the syllable.
        std::uint32_t s = 0;
        if (value >= kVBase && value < kVBase + kVCount && c.last >= kLBase && c.last < kLBase + kLCount) {
            s = kSBase + ((c.last - kLBase) * kVCount + (value - kVBase)) * kTCount;
        } else if (value > kTBase && value < kTBase + kTCount && c.last >= kSBase && c.last < kSBase + kSCount &&
                   (c.last - kSBase) % kTCount == 0) {
            s = c.last + (value - kTBase);
        }
        if (s != 0) {
            encode(s, c.last_o);   // three bytes, as the jamo or syllable it replaces
            c.last = s;
            return;
        }
        ensure(c, 4);
        const int n = encode(value, c.o);
        c.last = value;
        c.last_o = c.o;
        c.o += n;
        if constexpr (Offsets) offsets_->insert(offsets_->end(), static_cast<std::size_t>(n), source);
    }

    // Anything the fast paths did not take: decoded (invalid bytes as U+FFFD) and looked up.
    void other(Cursor& c, const Tables& tab) {
        int len = 1;
        const std::uint32_t cp = decode(c.p, end_, len);
        put_value(c, cp == kReplacement ? cp : tab.value(cp), len);
    }

private:
    void ensure(Cursor& c, std::size_t n) {
        const std::size_t need = static_cast<std::size_t>(end_ - c.p) + kSlack + n;
        if (static_cast<std::size_t>(out_.data() + out_.size() - c.o) < need) {
            const std::size_t at = static_cast<std::size_t>(c.o - out_.data());
            const std::size_t last_at = static_cast<std::size_t>(c.last_o - out_.data());
            out_.resize(std::max(out_.size() * 2, at + need));
            c.o = out_.data() + at;
            c.last_o = out_.data() + last_at;
        }
    }

    const unsigned char* begin_;
    const unsigned char* end_;
    std::string& out_;
    std::vector<std::uint32_t>* offsets_;
};

// Writes the fold of `text` after the current end of `out` and, when Offsets,
// the source offset of every byte written. Hot: the find bar folds every text
// of the map on every frame.
template <bool Offsets>
std::size_t fold_into(std::string_view text, std::string& out, std::size_t start, std::vector<std::uint32_t>* offsets) {
    const Tables& tab = tables();
    const auto* const begin = reinterpret_cast<const unsigned char*>(text.data());
    const auto* const end = begin + text.size();
    if (out.size() < start + text.size() + kSlack) out.resize(start + text.size() + kSlack);
    SlowPath<Offsets> slow(begin, end, out, offsets);

    const unsigned char* p = begin;
    char* o = out.data() + start;
    std::uint32_t last = 0;
    char* last_o = o;
    auto source = [begin](const unsigned char* at) { return static_cast<std::uint32_t>(at - begin); };

    while (p < end) {
        const unsigned char b = *p;
        if (b < 0x80) {
            last = 0;
            // ASCII, eight bytes at a time: all eight lowercased and written, as
            // many kept as there are ASCII bytes before the first other one.
            if (std::endian::native == std::endian::little && end - p >= 8) {
                std::uint64_t word;
                std::memcpy(&word, p, 8);
                const std::uint64_t high = word & 0x8080808080808080ull;
                const int n = high == 0 ? 8 : std::countr_zero(high) / 8;
                word = ascii_lower8(word & 0x7F7F7F7F7F7F7F7Full);
                std::memcpy(o, &word, 8);
                if constexpr (Offsets) {
                    for (int k = 0; k < n; ++k) offsets->push_back(source(p) + static_cast<std::uint32_t>(k));
                }
                o += n;
                p += n;
                continue;
            }
            if constexpr (Offsets) offsets->push_back(source(p));
            *o++ = static_cast<char>(static_cast<unsigned>(b - 'A') < 26u ? b + 0x20 : b);
            ++p;
            continue;
        }
        if (b < 0xE0) {
            if (b >= 0xC2 && end - p >= 2 && (p[1] & 0xC0) == 0x80) {
                // Two bytes: Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic...
                const std::uint32_t cp = ((b & 0x1Fu) << 6) | (p[1] & 0x3Fu);
                const std::uint32_t value = tab.two_byte[cp];
                if (value == cp) {
                    if constexpr (Offsets) offsets->insert(offsets->end(), 2, source(p));
                    o[0] = static_cast<char>(b);
                    o[1] = static_cast<char>(p[1]);
                    o += 2;
                    p += 2;
                    last = 0;
                    continue;
                }
                if (value < 0x80) {   // "é" -> "e", "Ç" -> "c"
                    if constexpr (Offsets) offsets->push_back(source(p));
                    *o++ = static_cast<char>(value);
                    p += 2;
                    last = 0;
                    continue;
                }
                Cursor c{p, o, last, last_o};
                slow.put_value(c, value, 2);
                p = c.p, o = c.o, last = c.last, last_o = c.last_o;
                continue;
            }
        } else if (b < 0xF0) {
            // Runs of three-byte characters where no overlong form or surrogate is
            // possible (CJK, kana, Hangul syllables...), copied while they fold to
            // themselves. U+11xx are conjoining jamo, which may compose: the slow way.
            const unsigned char* const run = p;
            if constexpr (std::endian::native == std::endian::little) {
                // CJK ideographs (U+4000..U+9FFF: lead bytes E4..E9), none of
                // which folds: four bytes read and written per character, three kept.
                while (end - p >= 4) {
                    std::uint32_t u;
                    std::memcpy(&u, p, 4);
                    if ((u & 0x00C0C0F0u) != 0x008080E0u || (u & 0xFFu) - 0xE4u >= 6u) break;
                    if constexpr (Offsets) offsets->insert(offsets->end(), 3, source(p));
                    std::memcpy(o, &u, 4);
                    o += 3;
                    p += 3;
                }
                if (p != run) {
                    last = 0;
                    continue;
                }
            }
            std::uint32_t cp = 0;
            while (end - p >= 3) {
                const unsigned char b0 = p[0], b1 = p[1], b2 = p[2];
                if (b0 < 0xE1 || b0 >= 0xF0 || (b0 == 0xED && b1 >= 0xA0) || (((b1 & 0xC0) ^ 0x80) | ((b2 & 0xC0) ^ 0x80)) != 0)
                    break;
                const std::uint32_t c = ((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
                if (tab.mapped(c) || (c >> 8) == 0x11) break;
                if constexpr (Offsets) offsets->insert(offsets->end(), 3, source(p));
                o[0] = static_cast<char>(b0);
                o[1] = static_cast<char>(b1);
                o[2] = static_cast<char>(b2);
                cp = c;
                o += 3;
                p += 3;
            }
            if (p != run) {
                last = cp;   // a syllable may take a trailing jamo
                last_o = o - 3;
                continue;
            }
        }
        Cursor c{p, o, last, last_o};
        slow.other(c, tab);
        p = c.p, o = c.o, last = c.last, last_o = c.last_o;
    }
    return static_cast<std::size_t>(o - out.data());
}

}  // namespace

std::string fold_for_search(std::string_view utf8) {
    std::string out;
    out.resize(fold_into<false>(utf8, out, 0, nullptr));
    return out;
}

std::string_view fold_for_search(std::string_view utf8, std::string& scratch) {
    const std::size_t n = fold_into<false>(utf8, scratch, 0, nullptr);   // may reallocate scratch
    return {scratch.data(), n};
}

FoldedText fold_with_offsets(std::string_view utf8) {
    FoldedText f;
    f.source_offset.reserve(utf8.size() + 1);
    f.folded.resize(fold_into<true>(utf8, f.folded, 0, &f.source_offset));
    f.source_offset.push_back(static_cast<std::uint32_t>(utf8.size()));
    return f;
}

std::pair<std::size_t, std::size_t> FoldedText::source_range(std::size_t folded_begin, std::size_t folded_end) const {
    const std::size_t n = folded.size();
    folded_begin = std::min(folded_begin, n);
    folded_end = std::clamp(folded_end, folded_begin, n);
    if (source_offset.size() != n + 1) return {0, 0};
    const std::size_t begin = source_offset[folded_begin];
    if (folded_end == folded_begin) return {begin, begin};
    // The end: where the next character whose fold is not empty starts (a
    // character that folds to several bytes, "ß" -> "ss", is covered whole).
    const std::uint32_t last = source_offset[folded_end - 1];
    std::size_t j = folded_end;
    while (j < n && source_offset[j] == last) ++j;
    return {begin, source_offset[j]};
}

const char* fold_unicode_version() { return kFoldUnicodeVersion; }

}  // namespace jm::ui
