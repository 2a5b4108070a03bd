#include "ui/core/text_layout.h"

#include <algorithm>
#include <cstring>
#include <limits>

namespace jm::ui {

namespace {

constexpr char32_t kReplacement = 0xFFFD;

bool in(char32_t c, char32_t lo, char32_t hi) { return c >= lo && c <= hi; }

bool is_regional_indicator(char32_t c) { return in(c, 0x1F1E6, 0x1F1FF); }
bool is_emoji_modifier(char32_t c) { return in(c, 0x1F3FB, 0x1F3FF); }
bool is_variation_selector(char32_t c) { return in(c, 0xFE00, 0xFE0F) || in(c, 0xE0100, 0xE01EF); }

bool is_pictographic(char32_t c) {
    if (c < 0xA9 || (c >= 0x3300 && c < 0x1F000)) return false;
    return in(c, 0x1F000, 0x1FAFF) || in(c, 0x2600, 0x27BF) || in(c, 0x2300, 0x23FF) || in(c, 0x2B00, 0x2BFF) ||
           c == 0x00A9 || c == 0x00AE || c == 0x203C || c == 0x2049 || c == 0x2122 || c == 0x2139 || c == 0x3030 ||
           c == 0x303D || c == 0x3297 || c == 0x3299;
}

// Format and control characters: they draw nothing (an ImGui font would show
// its fallback glyph for most of them), so the breaker measures 0 and the
// painter leaves them out.
bool is_invisible(char32_t c) {
    if (c >= 0x20 && c < 0x7F) return false;
    if (c >= 0x2070 && c < 0xFE00) return false;   // the CJK blocks among others
    return c < 0x20 || in(c, 0x7F, 0x9F) || c == 0x00AD || c == 0x034F || in(c, 0x200B, 0x200F) ||
           in(c, 0x202A, 0x202E) || in(c, 0x2060, 0x2064) || in(c, 0x2066, 0x206F) || c == 0xFEFF ||
           is_variation_selector(c) || in(c, 0xE0000, 0xE007F);
}

bool is_space(char32_t c) {
    return c == 0x20 || c == 0x09 || c == 0x3000 || c == 0x1680 || in(c, 0x2000, 0x2006) || in(c, 0x2008, 0x200B) ||
           c == 0x205F;
}

bool is_newline(char32_t c) { return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029 || c == 0x0B || c == 0x0C || c == 0x85; }

bool is_letter(char32_t c) {
    char32_t lower = c | 0x20;
    if (lower >= 'a' && lower <= 'z') return true;
    return c >= 0xC0 && c < 0x2000 && c != 0xD7 && c != 0xF7 && !is_combining_mark(c);
}

bool is_hyphen(char32_t c) { return c == '-' || c == 0x2010; }

// Code points that join the cluster before them.
bool is_extender(char32_t c) {
    if (c < 0x300 || (c >= 0x3400 && c < 0xFE00)) return false;
    return is_combining_mark(c) || is_variation_selector(c) || is_emoji_modifier(c) || c == 0x200D || c == 0x200C ||
           in(c, 0xE0020, 0xE007F) || c == 0x200E || c == 0x200F || c == 0x034F;
}

enum class Kind : std::uint8_t { Other, Space, Newline };

struct Cluster {
    std::uint32_t begin = 0, end = 0;
    char32_t first = 0;
    Kind kind = Kind::Other;
    float width = 0;
    bool filtered = false;   // holds code points the painter leaves out
    bool wide = false, no_before = false, no_after = false, hyphen = false, letter = false;
};

// One grapheme (as far as the breaker recognises them) at `pos`. With `metric`,
// measures what the painter draws; with `drawn`, appends those bytes.
// Printable ASCII, classified once.
struct AsciiClass {
    bool space, no_before, no_after, hyphen, letter;
};
constexpr AsciiClass ascii_class(unsigned char b) {
    return {b == ' ', b == ')' || b == ']' || b == '}' || b == ',' || b == '.' || b == ':' || b == ';' || b == '!' ||
                          b == '?' || b == '%',
            b == '(' || b == '[' || b == '{', b == '-', (b | 0x20) >= 'a' && (b | 0x20) <= 'z'};
}
struct AsciiTable {
    AsciiClass c[128];
    constexpr AsciiTable() : c{} {
        for (int i = 0; i < 128; ++i) c[i] = ascii_class(static_cast<unsigned char>(i));
    }
};
constexpr AsciiTable kAscii;

Cluster scan_cluster(std::string_view text, std::size_t pos, const TextMetric* metric, float size, std::string* drawn) {
    Cluster c;
    c.begin = static_cast<std::uint32_t>(pos);
    const auto b0 = static_cast<unsigned char>(text[pos]);
    if (b0 >= 0x20 && b0 < 0x7F && (pos + 1 >= text.size() || static_cast<unsigned char>(text[pos + 1]) < 0x80)) {
        // Printable ASCII not followed by a mark: a cluster of one byte.
        const AsciiClass& k = kAscii.c[b0];
        c.end = c.begin + 1;
        c.first = b0;
        c.kind = k.space ? Kind::Space : Kind::Other;
        if (metric) c.width = metric->advance(b0, size);
        if (drawn) drawn->push_back(static_cast<char>(b0));
        c.no_before = k.no_before;
        c.no_after = k.no_after;
        c.hyphen = k.hyphen;
        c.letter = k.letter;
        return c;
    }
    char32_t first;
    std::size_t p = pos + decode_utf8(text, pos, first);
    c.first = first;
    if (first == '\r' && p < text.size() && text[p] == '\n') ++p;
    if (is_newline(first)) {
        c.kind = Kind::Newline;
        c.end = static_cast<std::uint32_t>(p);
        return c;
    }
    c.kind = is_space(first) ? Kind::Space : Kind::Other;
    auto keep = [&](std::size_t from, std::size_t to) {
        if (drawn) drawn->append(text.data() + from, to - from);
    };
    if (is_invisible(first) && first != '\t') {
        c.filtered = true;
    } else {
        if (metric) c.width = metric->advance(first, size);
        keep(pos, p);
    }
    const bool emoji = is_pictographic(first) || is_regional_indicator(first);
    bool flag_done = !is_regional_indicator(first);
    while (p < text.size()) {
        char32_t next;
        int len = decode_utf8(text, p, next);
        if (!flag_done && is_regional_indicator(next)) {   // a flag: two regional indicators
            flag_done = true;
            c.filtered = true;
            p += len;
            continue;
        }
        if (!is_extender(next) && !(next == 0x20E3 && emoji)) break;
        if (is_combining_mark(next) && next != 0x20E3 && !emoji) {
            if (metric) c.width += metric->advance(next, size);
            keep(p, p + len);
        } else {
            c.filtered = true;
        }
        p += len;
        if (next == 0x200D && emoji && p < text.size()) {   // ZWJ sequence: the joined emoji draws nothing more
            char32_t joined;
            int jlen = decode_utf8(text, p, joined);
            if (is_pictographic(joined)) p += jlen;
        }
    }
    c.end = static_cast<std::uint32_t>(p);
    c.wide = is_wide(first) || is_regional_indicator(first);
    c.no_before = is_no_break_before(first);
    c.no_after = is_no_break_after(first);
    c.hyphen = is_hyphen(first);
    c.letter = is_letter(first);
    return c;
}

}  // namespace

int decode_utf8(std::string_view s, std::size_t pos, char32_t& out) {
    auto b = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    unsigned char c0 = b(pos);
    if (c0 < 0x80) {
        out = c0;
        return 1;
    }
    int len = c0 >= 0xF0 ? 4 : c0 >= 0xE0 ? 3 : c0 >= 0xC0 ? 2 : 0;
    if (len == 0 || c0 > 0xF4 || pos + len > s.size()) {
        out = kReplacement;
        return 1;
    }
    char32_t cp = c0 & (0x7F >> len);
    for (int i = 1; i < len; ++i) {
        unsigned char cx = b(pos + i);
        if ((cx & 0xC0) != 0x80) {
            out = kReplacement;
            return 1;
        }
        cp = (cp << 6) | (cx & 0x3F);
    }
    static const char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10FFFF || in(cp, 0xD800, 0xDFFF)) {
        out = kReplacement;
        return 1;
    }
    out = cp;
    return len;
}

bool is_combining_mark(char32_t c) {
    if (c < 0x300 || (c >= 0x3100 && c < 0xFE20)) return false;
    return in(c, 0x0300, 0x036F) || in(c, 0x0483, 0x0489) || in(c, 0x0591, 0x05BD) || in(c, 0x0610, 0x061A) ||
           in(c, 0x064B, 0x065F) || c == 0x0670 || in(c, 0x06D6, 0x06DC) || in(c, 0x06DF, 0x06E4) ||
           in(c, 0x0900, 0x0903) || in(c, 0x093A, 0x094F) || c == 0x0E31 || in(c, 0x0E34, 0x0E3A) ||
           in(c, 0x0E47, 0x0E4E) || in(c, 0x1AB0, 0x1AFF) || in(c, 0x1DC0, 0x1DFF) || in(c, 0x20D0, 0x20FF) ||
           in(c, 0x302A, 0x302F) || in(c, 0x3099, 0x309A) || in(c, 0xFE20, 0xFE2F);
}

bool is_wide(char32_t c) {
    if (c < 0x1100) return false;
    return in(c, 0x1100, 0x115F) || in(c, 0x2E80, 0x2FFF) || in(c, 0x3001, 0x303F) || in(c, 0x3040, 0x33FF) ||
           in(c, 0x3400, 0x4DBF) || in(c, 0x4E00, 0x9FFF) || in(c, 0xA000, 0xA4CF) || in(c, 0xA960, 0xA97F) ||
           in(c, 0xAC00, 0xD7AF) || in(c, 0xF900, 0xFAFF) || in(c, 0xFE10, 0xFE1F) || in(c, 0xFE30, 0xFE6F) ||
           in(c, 0xFF00, 0xFF60) || in(c, 0xFFE0, 0xFFE6) || in(c, 0x1F000, 0x1FAFF) || in(c, 0x2600, 0x27BF) ||
           in(c, 0x20000, 0x3FFFD);
}

bool is_no_break_before(char32_t c) {
    if (c < 0x80) return c == ')' || c == ']' || c == '}' || c == ',' || c == '.' || c == ':' || c == ';' || c == '!' || c == '?' || c == '%';
    if (c >= 0x3400 && c < 0xFE10) return false;   // ideographs, Hangul
    switch (c) {
        case 0x00BB: case 0x00B0: case 0x2019: case 0x201D: case 0x203A: case 0x2030: case 0x2032: case 0x2033:
        case 0x2103: case 0x2025: case 0x2026: case 0x203C: case 0x2047: case 0x2048: case 0x2049:
        case 0x3001: case 0x3002: case 0x3005: case 0x3009: case 0x300B: case 0x300D: case 0x300F: case 0x3011:
        case 0x3015: case 0x3017: case 0x3019: case 0x301B: case 0x301C: case 0x301E: case 0x301F: case 0x303B:
        case 0x3041: case 0x3043: case 0x3045: case 0x3047: case 0x3049: case 0x3063: case 0x3083: case 0x3085:
        case 0x3087: case 0x308E: case 0x3095: case 0x3096: case 0x309B: case 0x309C: case 0x309D: case 0x309E:
        case 0x30A0: case 0x30A1: case 0x30A3: case 0x30A5: case 0x30A7: case 0x30A9: case 0x30C3: case 0x30E3:
        case 0x30E5: case 0x30E7: case 0x30EE: case 0x30F5: case 0x30F6: case 0x30FB: case 0x30FC: case 0x30FD:
        case 0x30FE: case 0xFF01: case 0xFF05: case 0xFF09: case 0xFF0C: case 0xFF0E: case 0xFF1A: case 0xFF1B:
        case 0xFF1F: case 0xFF3D: case 0xFF5D: case 0xFF60: case 0xFF61: case 0xFF63: case 0xFF64: case 0xFF65:
        case 0xFF70: case 0xFF9E: case 0xFF9F: case 0xFE50: case 0xFE51: case 0xFE52: case 0xFE54: case 0xFE55:
        case 0xFE56: case 0xFE57: case 0xFE5A: case 0xFE5C: case 0xFE5E:
            return true;
        default:
            return in(c, 0x31F0, 0x31FF) || in(c, 0xFF67, 0xFF6F) || in(c, 0xFE10, 0xFE19);
    }
}

bool is_no_break_after(char32_t c) {
    if (c < 0x80) return c == '(' || c == '[' || c == '{';
    if (c >= 0x3400 && c < 0xFE59) return false;
    switch (c) {
        case 0x00AB: case 0x00BF: case 0x00A1: case 0x2018: case 0x201C: case 0x2039: case 0x3008: case 0x300A:
        case 0x300C: case 0x300E: case 0x3010: case 0x3014: case 0x3016: case 0x3018: case 0x301A: case 0x301D:
        case 0xFF08: case 0xFF3B: case 0xFF5B: case 0xFF5F: case 0xFF62: case 0xFF04: case 0xFFE5: case 0xFFE1:
        case 0xFE59: case 0xFE5B: case 0xFE5D:
            return true;
        default:
            return false;
    }
}

float FixedWidthMetric::advance(char32_t c, float size) const {
    if (c >= 0x20 && c < 0x7F) return narrow_ * size;
    if (c == '\t') return 4 * narrow_ * size;
    if (is_invisible(c) || is_combining_mark(c) || is_emoji_modifier(c)) return 0;
    if (is_wide(c) || in(c, 0xE000, 0xF8FF)) return wide_ * size;   // icons in the private use area too
    return narrow_ * size;
}

std::uint64_t FixedWidthMetric::key() const {
    std::uint32_t a, b;
    std::memcpy(&a, &narrow_, 4);
    std::memcpy(&b, &wide_, 4);
    return (std::uint64_t{a} << 32 | b) ^ 0x5157'0000'0000'0001ull;
}

WrapSummary wrap_text_into(std::string_view text, const TextMetric& metric, const WrapOptions& o,
                           std::vector<TextLine>& out) {
    WrapSummary summary;
    if (text.empty()) return summary;
    const float size = o.font_size;
    const float inf = std::numeric_limits<float>::infinity();
    const float full = o.max_width > 0 ? o.max_width : inf;
    const float eps = 0.01f;
    int emitted = 0;
    bool stop = false;

    // The current line.
    std::uint32_t line_begin = 0;
    std::uint32_t content_end = 0;   // end of the last non-space cluster (== line_begin: no content yet)
    float cum = 0;                   // width from line_begin, trailing spaces included
    float content_width = 0;         // width up to content_end
    bool filtered = false;           // the line holds a cluster the painter filters
    // The last break opportunity on the current line.
    bool opp = false;
    std::uint32_t opp_end = 0, opp_next = 0;
    float opp_width = 0, opp_cum = 0;
    bool opp_filtered_before = false;
    Cluster prev;
    bool prev_valid = false, before_hyphen_letter = false;

    auto avail = [&] { return emitted == 0 ? full - o.first_line_indent : full; };

    // The last kept line gets "…": drop clusters from its end until it fits.
    auto add_ellipsis = [&](TextLine& line, float line_avail) {
        const float ell = metric.advance(kEllipsisCodepoint, size);
        float w = 0;
        std::uint32_t end = line.begin, fit_end = line.begin;
        float fit_w = 0;
        bool fit_filtered = false, any_filtered = false;
        std::size_t p = line.begin;
        while (p < line.end) {
            Cluster c = scan_cluster(text, p, &metric, size, nullptr);
            if (w + c.width + ell > line_avail + eps && c.kind != Kind::Space) break;
            w += c.width;
            end = c.end;
            any_filtered = any_filtered || c.filtered;
            if (c.kind != Kind::Space) {
                fit_end = end;
                fit_w = w;
                fit_filtered = any_filtered;
            }
            p = c.end;
        }
        line.end = fit_end;
        line.width = fit_w;
        line.filtered = fit_filtered;
        line.ellipsis = true;
        summary.width = std::max(summary.width, fit_w + ell);
    };

    // Ends the current line at `end` with `width`; the next one starts at `next`.
    auto emit = [&](std::uint32_t end, float width, bool line_filtered, std::uint32_t next) {
        if (o.max_lines > 0 && emitted == o.max_lines) {
            summary.truncated = true;
            add_ellipsis(out.back(), emitted == 1 ? full - o.first_line_indent : full);
            stop = true;
            return;
        }
        out.push_back({line_begin, end, width, false, line_filtered});
        summary.width = std::max(summary.width, width);
        ++emitted;
        line_begin = next;
    };

    std::size_t pos = 0;
    while (pos < text.size() && !stop) {
        Cluster c = scan_cluster(text, pos, &metric, size, nullptr);
        pos = c.end;
        if (c.kind == Kind::Newline) {
            emit(content_end > line_begin ? content_end : line_begin, content_width, filtered, c.end);
            content_end = line_begin;
            cum = content_width = 0;
            filtered = opp = prev_valid = false;
            continue;
        }
        if (c.kind == Kind::Space) {
            cum += c.width;
            prev = c;
            prev_valid = true;
            continue;
        }
        const bool has_content = content_end > line_begin;
        if (has_content && prev_valid) {
            bool allowed;
            if (prev.kind == Kind::Space) allowed = !c.no_before;
            else if (c.no_before || prev.no_after) allowed = false;
            else if (prev.wide || c.wide) allowed = true;
            else allowed = prev.hyphen && before_hyphen_letter && c.letter;
            if (allowed) {
                opp = true;
                opp_end = content_end;
                opp_width = content_width;
                opp_next = c.begin;
                opp_cum = cum;
                opp_filtered_before = filtered;
            }
        }
        while (cum + c.width > avail() + eps && content_end > line_begin && !stop) {
            if (opp && opp_next > line_begin) {
                emit(opp_end, opp_width, opp_filtered_before, opp_next);
                cum -= opp_cum;
                content_width -= opp_cum;
                opp = false;
                // The rest of the line may hold filtered clusters: rescan cheaply by flag.
                filtered = false;
                for (std::size_t q = line_begin; q < content_end;) {
                    Cluster r = scan_cluster(text, q, nullptr, size, nullptr);
                    filtered = filtered || r.filtered;
                    q = r.end;
                }
            } else {   // a word longer than the line: split it before this cluster
                emit(content_end, content_width, filtered, c.begin);
                content_end = line_begin;
                cum = content_width = 0;
                filtered = false;
                opp = false;
            }
        }
        if (stop) break;
        cum += c.width;
        content_width = cum;
        content_end = c.end;
        filtered = filtered || c.filtered;
        before_hyphen_letter = prev_valid && prev.kind != Kind::Space && prev.letter;
        prev = c;
        prev_valid = true;
    }
    // The last line, unless only spaces follow the last newline.
    if (!stop && content_end > line_begin) emit(content_end, content_width, filtered, static_cast<std::uint32_t>(text.size()));
    return summary;
}

WrappedText wrap_text(std::string_view text, const TextMetric& metric, const WrapOptions& options) {
    WrappedText w;
    WrapSummary s = wrap_text_into(text, metric, options, w.lines);
    w.width = s.width;
    w.truncated = s.truncated;
    return w;
}

std::string drawable_text(std::string_view line) {
    std::string out;
    out.reserve(line.size());
    std::size_t p = 0;
    while (p < line.size()) {
        Cluster c = scan_cluster(line, p, nullptr, 0, &out);
        p = c.end;
    }
    return out;
}

std::string line_text(std::string_view text, const TextLine& line) {
    const std::size_t begin = std::min<std::size_t>(line.begin, text.size()), end = std::min<std::size_t>(line.end, text.size());
    const std::string_view part = text.substr(begin, end - begin);
    return line.filtered ? drawable_text(part) : std::string(part);
}

std::size_t caret_at(std::string_view text, const std::vector<TextLine>& lines, const TextMetric& metric, float font_size,
                     float line_height, float x, float y) {
    if (lines.empty()) return 0;
    // Above or below the text, the click counts on the first or last line, as in a text box.
    const std::size_t row = y <= 0 ? 0 : std::min(lines.size() - 1, static_cast<std::size_t>(y / line_height));
    const TextLine& line = lines[row];
    const std::size_t end = std::min<std::size_t>(line.end, text.size());
    std::size_t pos = std::min<std::size_t>(line.begin, end);
    float left = 0;
    while (pos < end) {
        char32_t c = 0;
        const int len = decode_utf8(text, pos, c);
        // A character and the marks that draw with it are one step of the caret.
        std::size_t next = pos + len;
        float width = metric.advance(c, font_size);
        while (next < end) {
            char32_t mark = 0;
            const int mark_len = decode_utf8(text, next, mark);
            if (metric.advance(mark, font_size) > 0 && !is_combining_mark(mark)) break;
            next += mark_len;
        }
        if (x < left + width / 2) return pos;
        left += width;
        pos = next;
    }
    return end;
}

std::size_t utf16_offset(std::string_view text, std::size_t byte_offset) {
    std::size_t units = 0;
    for (std::size_t pos = 0; pos < std::min(byte_offset, text.size());) {
        char32_t c = 0;
        pos += decode_utf8(text, pos, c);
        units += c > 0xFFFF ? 2 : 1;
    }
    return units;
}

}  // namespace jm::ui
