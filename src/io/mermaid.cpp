// Reading follows Mermaid 12's own pipeline, because "valid" means "Mermaid
// renders it": its clean-up steps (preprocess.ts), then journey.jison's lexer
// rules in their order (first match wins), then its grammar. Every byte keeps
// the line it had in the user's text, so errors point at the right line.
#include "io/mermaid.h"

#include <algorithm>
#include <cstdlib>
#include <unordered_map>
#include <unordered_set>

#include "i18n/i18n.h"
#include "io/imported_ids.h"
#include "io/limits.h"
#include "io/map_json.h"
#include "io/text_encoding.h"

namespace jm {

namespace {

// ---- Text as JavaScript sees it: code points, \s, \w --------------------------

std::size_t char_width(std::string_view s, std::size_t p) {
    const auto c = static_cast<unsigned char>(s[p]);
    const std::size_t w = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    return std::min(w, s.size() - p);
}

char32_t code_point(std::string_view s, std::size_t p) {
    const std::size_t w = char_width(s, p);
    const auto c = static_cast<unsigned char>(s[p]);
    char32_t cp = w == 1 ? c : w == 2 ? c & 0x1F : w == 3 ? c & 0x0F : c & 0x07;
    for (std::size_t i = 1; i < w; ++i) cp = (cp << 6) | (static_cast<unsigned char>(s[p + i]) & 0x3F);
    return cp;
}

bool is_js_space(char32_t c) {
    return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
           c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

// Byte length of the white-space character (JavaScript's \s) at p, or 0.
std::size_t space_at(std::string_view s, std::size_t p) {
    return p < s.size() && is_js_space(code_point(s, p)) ? char_width(s, p) : 0;
}

std::string_view trim_js(std::string_view s) {
    std::size_t begin = 0, end = 0;
    while (std::size_t w = space_at(s, begin)) begin += w;
    for (std::size_t p = begin; p < s.size(); p += char_width(s, p))
        if (!space_at(s, p)) end = p + char_width(s, p);
    return s.substr(begin, std::max(begin, end) - begin);
}

bool is_word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Case-insensitive match of a lower-case ASCII word at p.
bool starts_with_word(std::string_view s, std::size_t p, std::string_view word) {
    if (s.size() - std::min(p, s.size()) < word.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i) {
        char c = s[p + i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != word[i]) return false;
    }
    return true;
}

// ---- Entity codes ---------------------------------------------------------------

// Mermaid's placeholders for "#58;" and "#amp;" while it parses ("ﬂ°°58¶ß", "ﬂ°amp¶ß").
constexpr std::string_view kNumericOpen = "\xEF\xAC\x82\xC2\xB0\xC2\xB0";
constexpr std::string_view kNamedOpen = "\xEF\xAC\x82\xC2\xB0";
constexpr std::string_view kClose = "\xC2\xB6\xC3\x9F";

const char* named_entity(std::string_view name) {
    static const std::unordered_map<std::string_view, const char*> names = {
        {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", "\xC2\xA0"},
        {"colon", ":"}, {"semi", ";"}, {"num", "#"}, {"comma", ","}, {"percnt", "%"}, {"excl", "!"},
        {"quest", "?"}, {"lpar", "("}, {"rpar", ")"}, {"sol", "/"}, {"bsol", "\\"}, {"verbar", "|"},
        {"lbrace", "{"}, {"rbrace", "}"}, {"equals", "="}, {"plus", "+"}, {"ast", "*"}, {"commat", "@"},
        {"hellip", "\xE2\x80\xA6"}, {"mdash", "\xE2\x80\x94"}, {"ndash", "\xE2\x80\x93"}, {"bull", "\xE2\x80\xA2"},
        {"middot", "\xC2\xB7"}, {"deg", "\xC2\xB0"}, {"times", "\xC3\x97"}, {"euro", "\xE2\x82\xAC"},
        {"copy", "\xC2\xA9"}, {"reg", "\xC2\xAE"}, {"trade", "\xE2\x84\xA2"}, {"laquo", "\xC2\xAB"},
        {"raquo", "\xC2\xBB"}, {"lsquo", "\xE2\x80\x98"}, {"rsquo", "\xE2\x80\x99"}, {"ldquo", "\xE2\x80\x9C"},
        {"rdquo", "\xE2\x80\x9D"}};
    auto it = names.find(name);
    return it == names.end() ? nullptr : it->second;
}

// A name as Mermaid displays it: placeholders become characters (an unknown
// named code shows as "&name;", as in the browser) and, in task and section
// names, "<br>" becomes a line break.
std::string decode_text(std::string_view s, bool line_breaks) {
    std::string out;
    // The next close after the current opening, kept between openings: searching
    // afresh from each of many unclosed openings would take quadratic time.
    std::size_t close = 0;
    for (std::size_t p = 0; p < s.size();) {
        const bool numeric = s.substr(p, kNumericOpen.size()) == kNumericOpen;
        if (numeric || s.substr(p, kNamedOpen.size()) == kNamedOpen) {
            const std::size_t b = p + (numeric ? kNumericOpen.size() : kNamedOpen.size());
            if (close != std::string_view::npos && close < b) close = s.find(kClose, b);
            const std::size_t e = close;
            const std::string_view inner = s.substr(b, e == std::string_view::npos ? 0 : e - b);
            if (e != std::string_view::npos && !inner.empty()) {
                if (numeric) {
                    char32_t cp = 0;
                    for (char d : inner) cp = std::min<char32_t>(cp * 10 + static_cast<char32_t>(d - '0'), 0x110000);
                    append_utf8(out, cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) ? 0xFFFD : cp);
                } else if (const char* c = named_entity(inner)) {
                    out += c;
                } else {
                    out += "&" + std::string(inner) + ";";
                }
                p = e + kClose.size();
                continue;
            }
        }
        if (line_breaks && s[p] == '<' && starts_with_word(s, p + 1, "br")) {
            std::size_t q = p + 3;
            while (std::size_t w = space_at(s, q)) q += w;
            if (q < s.size() && s[q] == '/') ++q;
            if (q < s.size() && s[q] == '>') {
                out += '\n';
                p = q + 1;
                continue;
            }
        }
        out += s[p++];
    }
    return out;
}

enum class TextRole { Title, Description, Section, Task, Actor };

// A code that Mermaid decodes for display: "#58;".
std::string entity(char32_t c) { return "#" + std::to_string(static_cast<unsigned long>(c)) + ";"; }

// Whether Mermaid's lexer would read a task line starting with `s` as a keyword.
bool starts_with_keyword(std::string_view s) {
    auto then_mark = [&](std::size_t p, char mark) {
        while (std::size_t w = space_at(s, p)) p += w;
        return p < s.size() && s[p] == mark;
    };
    return (starts_with_word(s, 0, "journey") && (s.size() == 7 || !is_word_char(s[7]))) ||
           (starts_with_word(s, 0, "title") && space_at(s, 5)) || (starts_with_word(s, 0, "section") && space_at(s, 7)) ||
           (starts_with_word(s, 0, "acctitle") && then_mark(8, ':')) ||
           (starts_with_word(s, 0, "accdescr") && (then_mark(8, ':') || then_mark(8, '{')));
}

// Text written so that Mermaid reads exactly it back (see mermaid.h).
std::string escape_text(std::string_view s, TextRole role) {
    const bool name = role == TextRole::Section || role == TextRole::Task;
    auto edge_space = [&](std::size_t p) { return space_at(s, p) && s[p] != '\n' && s[p] != '\r'; };
    std::size_t lead = 0, trail = s.size();
    while (lead < s.size() && edge_space(lead)) lead += char_width(s, lead);
    for (std::size_t p = lead; p < s.size(); p += char_width(s, p))
        if (!edge_space(p)) trail = p + char_width(s, p);
    std::string out;
    for (std::size_t p = 0; p < s.size(); p += char_width(s, p)) {
        const char c = s[p];
        const bool first = p == 0, doubled = (p > 0 && s[p - 1] == '%') || (p + 1 < s.size() && s[p + 1] == '%');
        if (c == '\r' || c == '\n') {
            if (name) {
                if (c == '\r' && p + 1 < s.size() && s[p + 1] == '\n') ++p;
                out += "<br>";
            } else {
                out += entity(static_cast<unsigned char>(c));
            }
        } else if ((p < lead || p >= trail) || c == '#' || (role == TextRole::Task && first && starts_with_keyword(s)) ||
                   (c == ':' && role != TextRole::Title && role != TextRole::Description) ||
                   (c == ';' && role != TextRole::Description) || (c == ',' && role == TextRole::Actor) ||
                   c == '<' || c == '>' || c == '&' ||   // HTML's own: Mermaid sanitises or decodes them in places
                   (c == '%' && (doubled || (first && role != TextRole::Description))) ||
                   code_point(s, p) == 0xFB02) {   // starts Mermaid's own entity placeholders
            out += entity(code_point(s, p));
        } else {
            out.append(s.substr(p, char_width(s, p)));
        }
    }
    return out;
}

// ---- Mermaid's clean-up steps, in its order ------------------------------------

// Text with the user's line number of every byte. Kept compactly, because the
// clean-up steps copy the whole text: as runs of text whose first byte is on a
// known line, each '\n' inside a run starting the next line. A run starts only
// where the text was spliced (a comment or directive left out), so memory is the
// text plus a few bytes per splice, not four bytes per byte. Lookups move
// forward through the text, as every step here reads it, and cost the bytes
// they pass over.
class Source {
public:
    std::string text;   // appended to only by add(), which keeps the line numbers

    void add(const Source& from, std::size_t begin, std::size_t end) {
        while (begin < end) {
            const std::size_t run = from.run_at(begin);
            const std::size_t stop = std::min(end, from.run_end(run));
            append(std::string_view(from.text).substr(begin, stop - begin), from.line_at(begin));
            begin = stop;
        }
    }
    void add(std::string_view s, int at_line) { append(s, at_line); }

    int line_at(std::size_t p) const {
        if (runs_.empty()) return 1;
        if (p < cursor_.pos || p >= run_end(cursor_.run)) {
            const std::size_t run = run_at(p);
            cursor_ = {run, runs_[run].start, runs_[run].line};
        }
        cursor_.line += static_cast<int>(std::count(text.begin() + static_cast<std::ptrdiff_t>(cursor_.pos),
                                                    text.begin() + static_cast<std::ptrdiff_t>(p), '\n'));
        cursor_.pos = p;
        return cursor_.line;
    }

private:
    struct Run {
        std::size_t start;   // offset in text
        int line;            // the line of that byte
    };
    struct Cursor {
        std::size_t run = 0, pos = 0;
        int line = 1;   // of the byte at pos
    };

    // The last run that starts at or before p.
    std::size_t run_at(std::size_t p) const {
        const auto after = std::upper_bound(runs_.begin(), runs_.end(), p, [](std::size_t v, const Run& r) { return v < r.start; });
        return static_cast<std::size_t>(after - runs_.begin()) - 1;
    }
    std::size_t run_end(std::size_t run) const { return run + 1 < runs_.size() ? runs_[run + 1].start : text.size(); }
    void append(std::string_view s, int line) {
        if (s.empty()) return;
        if (runs_.empty()) cursor_ = {0, 0, line};
        if (runs_.empty() || line != end_line_) runs_.push_back({text.size(), line});
        text += s;
        end_line_ = line + static_cast<int>(std::count(s.begin(), s.end(), '\n'));
    }

    std::vector<Run> runs_;
    int end_line_ = 1;         // the line the next byte appended would be on, as the runs count
    mutable Cursor cursor_;    // where the last lookup ended
};

// Line ends become "\n" (Mermaid's cleanupText); a lone CR ends a line too.
Source number_lines(std::string_view raw) {
    Source src;
    int line = 1;
    for (std::size_t b = 0; b < raw.size();) {
        const std::size_t cr = std::min(raw.find('\r', b), raw.size());
        const std::string_view chunk = raw.substr(b, cr - b);
        src.add(chunk, line);
        line += static_cast<int>(std::count(chunk.begin(), chunk.end(), '\n'));
        if (cr == raw.size()) break;
        src.add("\n", line++);
        b = cr + (cr + 1 < raw.size() && raw[cr + 1] == '\n' ? 2 : 1);
    }
    return src;
}

std::size_t line_end(std::string_view s, std::size_t from) { return std::min(s.find('\n', from), s.size()); }

// YAML front matter between "---" lines: its top-level "title:" names the map;
// the rest is rendering configuration.
Source strip_front_matter(const Source& src, std::string& title) {
    const std::string_view s = src.text;
    std::size_t p = 0;
    while (p < s.size() && (s[p] == ' ' || s[p] == '\t')) ++p;
    const std::string_view indent = s.substr(0, p);
    if (s.substr(p, 3) != "---" || !trim_js(s.substr(p + 3, line_end(s, p) - p - 3)).empty() || line_end(s, p) == s.size())
        return src;
    std::string found;
    for (std::size_t b = line_end(s, p) + 1; b < s.size(); b = line_end(s, b) + 1) {
        std::string_view row = s.substr(b, line_end(s, b) - b);
        if (row.substr(0, indent.size()) == indent) row.remove_prefix(indent.size());
        if (row.substr(0, 3) == "---" && trim_js(row.substr(3)).empty()) {
            title = found;
            Source rest;
            rest.add(src, std::min(line_end(s, b) + 1, s.size()), s.size());
            return rest;
        }
        if (row.substr(0, 6) == "title:") {
            std::string_view v = trim_js(row.substr(6));
            if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) v = v.substr(1, v.size() - 2);
            found = std::string(v);
        }
    }
    return src;   // no closing fence: not front matter
}

// "%%{init: ...}%%" directives configure rendering; Mermaid drops them first.
Source strip_directives(const Source& src) {
    const std::string_view s = src.text;
    Source out;
    std::size_t copied = 0;
    for (std::size_t p = s.find("%%{"); p != std::string_view::npos; p = s.find("%%{", p)) {
        std::size_t q = p + 3;
        while (std::size_t w = space_at(s, q)) q += w;
        if (q >= s.size() || !is_word_char(s[q])) {
            p += 3;
            continue;
        }
        const std::size_t close = s.find("}%%", q);
        out.add(src, copied, p);
        copied = p = close == std::string_view::npos ? s.size() : close + 3;
    }
    out.add(src, copied, s.size());
    return out;
}

// Whole-line "%%" comments go, with the white space before them (Mermaid's
// cleanupComments: /^\s*%%(?!{)[^\n]+\n?/gm), then leading white space.
Source strip_comment_lines(const Source& src) {
    const std::string_view s = src.text;
    Source out;
    std::size_t copied = 0;
    for (std::size_t p = 0; p < s.size();) {
        std::size_t q = p;
        while (std::size_t w = space_at(s, q)) q += w;
        if (s.substr(q, 2) == "%%" && q + 2 < s.size() && s[q + 2] != '{' && s[q + 2] != '\n') {
            out.add(src, copied, p);
            copied = p = std::min(line_end(s, q) + 1, s.size());
        } else {
            // Every line that starts inside the white space just skipped skips
            // to the same q, and fails the same way: go on after q's line
            // (line by line, a megabyte of blank lines took quadratic time).
            p = line_end(s, q) + 1;
        }
    }
    out.add(src, copied, s.size());
    std::size_t start = 0;
    while (std::size_t w = space_at(out.text, start)) start += w;
    Source trimmed;
    trimmed.add(out, start, out.text.size());
    return trimmed;
}

// Entity codes become placeholders before parsing, as Mermaid's encodeEntities
// does (/#\w+;/g), so that their '#' and ';' are not syntax.
Source encode_entities(const Source& src) {
    const std::string_view s = src.text;
    Source out;
    std::size_t copied = 0;
    for (std::size_t p = s.find('#'); p != std::string_view::npos; p = s.find('#', p + 1)) {
        std::size_t q = p + 1;
        bool digits = true;
        for (; q < s.size() && is_word_char(s[q]); ++q) digits = digits && s[q] >= '0' && s[q] <= '9';
        if (q == p + 1 || q >= s.size() || s[q] != ';') continue;
        out.add(src, copied, p);
        out.add(std::string(digits ? kNumericOpen : kNamedOpen) + std::string(s.substr(p + 1, q - p - 1)) + std::string(kClose),
                src.line_at(p));
        copied = q + 1;
        p = q;
    }
    out.add(src, copied, s.size());
    return out;
}

// ---- journey.jison's lexer ----------------------------------------------------

// End is the grammar's EOF token; Truncated is the input running out inside an
// accTitle/accDescr value, where jison never produces that token (a parse error).
enum class Tok { Journey, Newline, Title, AccTitle, AccDescr, AccValue, Section, TaskName, TaskData, Colon, Invalid, End, Truncated };

struct Token {
    Tok kind = Tok::End;
    std::string_view text;
    int line = 0;
};

class Lexer {
public:
    explicit Lexer(const Source& src) : src_(src), s_(src.text) {}

    Token next() {
        for (;;) {
            if (truncated_) return Token{Tok::Truncated, opened_, opened_line_};
            if (state_ == State::Value) {
                truncated_ = p_ >= s_.size();
                state_ = State::Initial;
                return token(Tok::AccValue, line_end(s_, p_));
            }
            if (state_ == State::Block) {
                if (p_ < s_.size() && s_[p_] == '}') {
                    ++p_;
                    state_ = State::Initial;
                    continue;
                }
                truncated_ = s_.find('}', p_) == std::string_view::npos;
                return token(Tok::AccValue, truncated_ ? s_.size() : s_.find('}', p_));
            }
            if (p_ >= s_.size()) return token(Tok::End, p_);
            if (Token t; initial(t)) return t;
        }
    }

private:
    enum class State { Initial, Value, Block };

    // The INITIAL rules; false when the rule only skipped text.
    bool initial(Token& t) {
        const char c = s_[p_];
        const std::size_t width = char_width(s_, p_);
        if (c == '%' && (p_ + 1 >= s_.size() || s_[p_ + 1] != '{')) return skip(line_end(s_, p_));
        if (c != '}' && width < 4 && s_.substr(p_ + width, 2) == "%%") return skip(line_end(s_, p_ + width));
        if (c == '\n') return emit(t, Tok::Newline, std::min(s_.find_first_not_of('\n', p_), s_.size()));
        if (space_at(s_, p_)) {
            std::size_t q = p_;
            while (std::size_t w = space_at(s_, q)) q += w;
            return skip(q);
        }
        if (c == '#') return skip(line_end(s_, p_));
        if (starts_with_word(s_, p_, "journey") && (p_ + 7 >= s_.size() || !is_word_char(s_[p_ + 7])))
            return emit(t, Tok::Journey, p_ + 7);
        if (std::size_t e = keyword_text("title", "#\n;")) return emit(t, Tok::Title, e);
        if (std::size_t e = acc_keyword("acctitle", ':')) return open(t, Tok::AccTitle, e, State::Value);
        if (std::size_t e = acc_keyword("accdescr", ':')) return open(t, Tok::AccDescr, e, State::Value);
        if (std::size_t e = acc_keyword("accdescr", '{')) {
            open(t, Tok::AccDescr, e, State::Block);
            return false;   // the block's opening is not a token of its own
        }
        if (std::size_t e = keyword_text("section", "#:\n;")) return emit(t, Tok::Section, e);
        if (c != ':' && c != ';') return emit(t, Tok::TaskName, run_end(p_, "#:\n;"));
        if (c == ';') return emit(t, Tok::Invalid, p_ + 1);
        const std::size_t e = run_end(p_ + 1, "#\n;");
        return emit(t, e > p_ + 1 ? Tok::TaskData : Tok::Colon, std::max(e, p_ + 1));
    }

    std::size_t run_end(std::size_t from, const char* stops) const { return std::min(s_.find_first_of(stops, from), s_.size()); }
    // "title\s[^#\n;]+", "section\s[^#:\n;]+": the end, or 0 when they do not match.
    std::size_t keyword_text(std::string_view word, const char* stops) const {
        if (!starts_with_word(s_, p_, word)) return 0;
        const std::size_t w = space_at(s_, p_ + word.size());
        const std::size_t e = w ? run_end(p_ + word.size() + w, stops) : 0;
        return e > p_ + word.size() + w ? e : 0;
    }
    // "accTitle\s*:\s*", "accDescr\s*:\s*", "accDescr\s*\{\s*".
    std::size_t acc_keyword(std::string_view word, char mark) const {
        if (!starts_with_word(s_, p_, word)) return 0;
        std::size_t q = p_ + word.size();
        while (std::size_t w = space_at(s_, q)) q += w;
        if (q >= s_.size() || s_[q] != mark) return 0;
        for (++q; std::size_t w = space_at(s_, q);) q += w;
        return q;
    }
    Token token(Tok kind, std::size_t end) {
        Token t{kind, s_.substr(p_, end - p_), src_.line_at(std::min(p_, s_.size() - 1))};
        p_ = end;
        return t;
    }
    bool emit(Token& t, Tok kind, std::size_t end) {
        t = token(kind, end);
        return true;
    }
    bool open(Token& t, Tok kind, std::size_t end, State state) {
        emit(t, kind, end);
        opened_ = trim_js(t.text);
        opened_line_ = t.line;
        state_ = state;
        return true;
    }
    bool skip(std::size_t end) {
        p_ = end;
        return false;
    }

    const Source& src_;
    std::string_view s_;
    std::size_t p_ = 0;
    State state_ = State::Initial;
    bool truncated_ = false;
    std::string_view opened_;   // the accTitle/accDescr that opened the current value
    int opened_line_ = 0;
};

// ---- journey.jison's grammar, into a draft of the map ---------------------------

struct DraftTask {
    std::string name;
    int score = 3;
    std::vector<std::string> actors;
};
struct DraftSection {
    std::string name;
    std::vector<DraftTask> tasks;
};
struct Draft {
    std::string title, description;
    std::vector<DraftSection> sections{DraftSection{}};   // [0] holds tasks before any section
};

std::string quoted(std::string_view s) { return "'" + limits::excerpt(s) + "'"; }

// JavaScript's Number() for the score, limited to plain decimal spellings ("5",
// "+5", "5.0", "5e0"), then whole numbers 1..5 only.
std::optional<int> parse_score(std::string_view s) {
    std::size_t p = !s.empty() && (s[0] == '+' || s[0] == '-') ? 1 : 0;
    auto digits = [&] {
        const std::size_t from = p;
        while (p < s.size() && s[p] >= '0' && s[p] <= '9') ++p;
        return p - from;
    };
    std::size_t mantissa = digits();
    if (p < s.size() && s[p] == '.') ++p, mantissa += digits();
    if (mantissa && p < s.size() && (s[p] == 'e' || s[p] == 'E')) {
        p += p + 1 < s.size() && (s[p + 1] == '+' || s[p + 1] == '-') ? 2 : 1;
        if (!digits()) return std::nullopt;
    }
    if (!mantissa || p != s.size()) return std::nullopt;
    const double v = std::strtod(std::string(s).c_str(), nullptr);
    if (!(v >= 1 && v <= 5) || v != static_cast<int>(v)) return std::nullopt;
    return static_cast<int>(v);
}

// Mermaid's addTask: ": 5: Me, Cat" is a score, then actors; further ':' parts are ignored.
void read_task_data(std::string_view data, DraftTask& task, int line, std::vector<TextProblem>& problems) {
    data.remove_prefix(1);
    const std::size_t colon = data.find(':');
    const std::string_view score = trim_js(data.substr(0, colon));
    if (auto v = parse_score(score)) task.score = *v;
    else problems.push_back({line, 0, i18n::trf("task {task}: the score must be a whole number from 1 to 5, got {value}",
                                                    {{"value", quoted(decode_text(score, false))}, {"task", quoted(task.name)}})});
    if (colon == std::string_view::npos) return;
    const std::string_view actors = data.substr(colon + 1, data.find(':', colon + 1) - colon - 1);
    for (std::size_t b = 0; b <= actors.size();) {
        const std::size_t e = std::min(actors.find(',', b), actors.size());
        const std::string_view actor = trim_js(actors.substr(b, e - b));
        if (!actor.empty()) task.actors.push_back(decode_text(actor, false));
        b = e + 1;
    }
}

class Reader {
public:
    Reader(const Source& src, std::vector<TextProblem>& problems) : lexer_(src), problems_(problems) {}

    void read(Draft& d) {
        Token t = lexer_.next();
        if (t.kind != Tok::Journey) {
            fail(t, i18n::tr("not a Mermaid journey diagram: the first statement must be 'journey'"));
            return;
        }
        for (Tok previous = t.kind; (t = lexer_.next()).kind != Tok::End && problems_.size() < kMaxProblems; previous = t.kind) {
            if (statement(t, previous, d)) continue;
            if (over_limit_) return;
            while (t.kind != Tok::Newline && t.kind != Tok::End && t.kind != Tok::Truncated) t = lexer_.next();
            if (t.kind != Tok::Newline) return;
        }
    }

private:
    // False when the line is bad and the rest of it must be skipped.
    bool statement(const Token& t, Tok previous, Draft& d) {
        switch (t.kind) {
        case Tok::Newline:
        case Tok::End: return true;
        case Tok::Title:
            d.title = decode_text(trim_js(t.text.substr(5)), false);
            check_length(t, d.title);
            return true;
        case Tok::AccTitle: lexer_.next(); return true;   // the accessible title: not part of a map
        case Tok::AccDescr:
            d.description = value(lexer_.next());
            check_length(t, d.description);
            return true;
        case Tok::AccValue:   // the text of "accDescr { ... }"
            d.description = value(t);
            check_length(t, d.description);
            return true;
        case Tok::Section:
            if (stages(d) == limits::kMaxStages) return stop(t, limits::too_many("sections (stages)", limits::kMaxStages, "per map"));
            d.sections.push_back({decode_text(trim_js(t.text.substr(7)), true), {}});
            section_ = "section " + limits::excerpt(d.sections.back().name);
            check_length(t, d.sections.back().name);
            return true;
        case Tok::TaskName: return task(t, d);
        case Tok::TaskData:
            if (previous == Tok::Section)
                return fail(t, i18n::trf("Mermaid read {section} as a section name and does not expect ':' after it: "
                                         "a section name cannot contain ':' (write #58;), and a task name cannot start with the word "
                                         "'section' (write its first letter as #115;)",
                                         {{"section", quoted(section_)}}));
            return fail(t, i18n::tr("a task needs a name before ':' (write 'Task name: 5: Actor')"));
        case Tok::Colon: return fail(t, i18n::tr("a task needs a name before ':' (write 'Task name: 5: Actor')"));
        case Tok::Invalid:
            return fail(t, i18n::tr("';' ends the text before it in Mermaid: it cannot start a line or follow a score; "
                                    "write #59; for a ';' in a name"));
        case Tok::Journey:
            return fail(t, i18n::trf("{word} is Mermaid's keyword and may only start the diagram; to begin a task with "
                                     "the word, write its first letter as an entity code: {code}",
                                     {{"code", "'#" + std::to_string(static_cast<unsigned char>(t.text[0])) + ";" +
                                                   std::string(t.text.substr(1)) + "'"},
                                      {"word", quoted(t.text)}}));
        case Tok::Truncated: return fail(t, truncated_message(t));
        }
        return true;
    }

    // An accTitle/accDescr value as Mermaid keeps it: trimmed, lines unindented.
    static std::string value(const Token& t) {
        std::string joined;
        const std::string_view v = trim_js(t.text);
        for (std::size_t p = 0; p < v.size(); ++p) {
            joined += v[p];
            if (v[p] == '\n')
                while (std::size_t w = space_at(v, p + 1)) p += w;
        }
        return decode_text(joined, false);
    }

    static std::string truncated_message(const Token& t) {
        if (t.text.substr(t.text.size() - 1) == "{") return i18n::trf("{word} is not closed: Mermaid needs a '}' after the description", {{"word", quoted(t.text)}});
        return i18n::trf("{word} needs its text on the same line; Mermaid rejects it at the end of the diagram", {{"word", quoted(t.text)}});
    }

    bool task(const Token& name, Draft& d) {
        DraftTask task;
        task.name = decode_text(trim_js(name.text), true);
        const Token data = lexer_.next();
        if (data.kind == Tok::TaskData) {
            if (++tasks_ > limits::kMaxTouchpoints)
                return stop(name, limits::too_many("tasks (touchpoints)", limits::kMaxTouchpoints, "per map"));
            read_task_data(data.text, task, data.line, problems_);
            if (task.actors.size() > limits::kMaxListItems)
                return stop(data, limits::too_many("actors", limits::kMaxListItems, "per task", task.actors.size()));
            check_length(name, task.name);
            for (const auto& actor : task.actors) {
                check_length(data, actor);
                if (actors_.insert(actor).second && actors_.size() > limits::kMaxPersonas)
                    return stop(data, limits::too_many("actors (personas)", limits::kMaxPersonas, "per map"));
            }
            d.sections.back().tasks.push_back(std::move(task));
            return true;
        }
        // The character that ended the name says why no score follows it.
        const char stop = name.text.data()[name.text.size()];
        const char* key = stop == '#'   ? "task {task} has no score: '#' starts a comment in Mermaid; write #35; for a '#' in a name"
                          : stop == ';' ? "task {task} has no score: ';' ends the text in Mermaid; write #59; for a ';' in a name"
                                        : "task {task} has no score: Mermaid expects 'name: score: actors', e.g. 'Make tea: 5: Me'";
        std::string why = i18n::trf(key, {{"task", quoted(task.name)}});
        problems_.push_back({name.line, 0, std::move(why)});
        return data.kind == Tok::Newline || data.kind == Tok::End;
    }

    bool fail(const Token& t, std::string message) {
        problems_.push_back({t.line, 0, std::move(message)});
        return t.kind == Tok::Newline || t.kind == Tok::End;
    }

    // A limit of io/limits.h is reached: reading stops, so memory and time stay bounded.
    bool stop(const Token& t, std::string message) {
        problems_.push_back({t.line, 0, std::move(message)});
        over_limit_ = true;
        return false;
    }

    // A name over limits::kMaxTextChars is a problem; the line was read whole, so reading goes on.
    void check_length(const Token& t, std::string_view text) {
        if (const std::size_t chars = limits::char_count(text); chars > limits::kMaxTextChars)
            problems_.push_back({t.line, 0, limits::text_too_long(chars)});
    }

    // The stages the map would have now: the sections, and a first one for tasks before any.
    static std::size_t stages(const Draft& d) { return d.sections.size() - (d.sections.front().tasks.empty() ? 1 : 0); }

    Lexer lexer_;
    std::vector<TextProblem>& problems_;
    std::string section_;   // the last section statement, as Mermaid read it
    std::size_t tasks_ = 0;
    std::unordered_set<std::string> actors_;   // distinct actor names: the personas the map will have
    bool over_limit_ = false;
};

// ---- The draft as a map ----------------------------------------------------------

Map build_map(Draft& d) {
    Map map;
    map.id = "map-imported";
    map.title = d.title.empty() ? "Imported journey" : d.title;
    map.description = d.description;
    map.lanes = default_lanes();
    if (d.sections.front().tasks.empty()) d.sections.erase(d.sections.begin());
    ImportedIds ids;
    // By name: the persona's id, and the last touchpoint (by number) it was added
    // to, so that a name given twice for one touchpoint counts once, in O(1).
    struct Known {
        std::string id;
        std::size_t last_touchpoint = 0;
    };
    std::unordered_map<std::string, Known> personas;
    std::size_t touchpoints = 0;
    for (auto& section : d.sections) {
        Stage& stage = map.stages.emplace_back();
        stage.id = ids.make("stage", section.name, map.stages.size());
        stage.name = std::move(section.name);
        for (auto& task : section.tasks) {
            Touchpoint& tp = stage.touchpoints.emplace_back();
            tp.id = ids.make("tp", "", ++touchpoints);
            tp.title = std::move(task.name);
            tp.emotion = task.score - 3;
            tp.friction = 5 - task.score;
            for (const auto& actor : task.actors) {
                auto [it, added] = personas.try_emplace(actor);
                Known& known = it->second;
                if (added) {
                    known.id = ids.make("persona", actor, map.personas.size() + 1);
                    Persona& p = map.personas.emplace_back();
                    p.id = known.id;
                    p.name = actor;
                }
                if (known.last_touchpoint == touchpoints) continue;   // an actor named twice in one task counts once
                known.last_touchpoint = touchpoints;
                tp.persona_ids.push_back(known.id);
            }
        }
    }
    return map;
}

// The score of mermaid.h: the mean of the scores emotion and friction stand for, rounded down.
int journey_score(const Touchpoint& tp) {
    const int from_emotion = std::clamp(tp.emotion, -2, 2) + 3;
    const int from_friction = std::clamp(5 - tp.friction, 1, 5);
    return (from_emotion + from_friction) / 2;
}

}  // namespace

MermaidImport import_mermaid(std::string_view bytes) {
    MermaidImport result;
    Draft draft;
    Source source;
    {
        const std::optional<std::string> text = read_imported_text(bytes, result.problems, result.notices);
        if (!text) return result;
        source = number_lines(*text);
    }
    // One step at a time, so that at most two copies of the text are alive.
    source = strip_front_matter(source, draft.title);
    source = strip_directives(source);
    source = strip_comment_lines(source);
    if (source.text.substr(0, 7) != "journey") {   // Mermaid's detector: /^\s*journey/
        result.problems.push_back({source.line_at(0), 0,
                                   i18n::tr(source.text.empty() ? "the text is empty: a Mermaid journey diagram starts with the line 'journey'"
                                                                : "not a Mermaid journey diagram: the first statement must be 'journey' (lower case)")});
        return result;
    }
    source = encode_entities(source);
    source.add("\n", source.line_at(source.text.size() - 1));
    Reader(source, result.problems).read(draft);
    if (result.problems.empty()) result.map = build_map(draft);
    return result;
}

std::string export_mermaid(const Map& map) {
    std::unordered_map<std::string_view, const Persona*> personas_by_id;   // one lookup per actor, not a search
    for (const Persona& p : map.personas) personas_by_id.try_emplace(p.id, &p);
    std::string out = "journey\n";
    if (!map.title.empty()) out += "  title " + escape_text(map.title, TextRole::Title) + "\n";
    if (!map.description.empty()) out += "  accDescr: " + escape_text(map.description, TextRole::Description) + "\n";
    for (std::size_t s = 0; s < map.stages.size(); ++s) {
        const Stage& stage = map.stages[s];
        // Mermaid draws tasks before any section without a header: a first stage with no name.
        if (s != 0 || !stage.name.empty() || stage.touchpoints.empty())
            out += "  section " + escape_text(stage.name.empty() ? "(unnamed stage)" : stage.name, TextRole::Section) + "\n";
        for (const Touchpoint& tp : stage.touchpoints) {
            out += "    " + escape_text(tp.title.empty() ? "(untitled)" : tp.title, TextRole::Task) + ": " +
                   std::to_string(journey_score(tp));
            const char* separator = ": ";
            for (const auto& id : tp.persona_ids) {
                if (auto it = personas_by_id.find(id); it != personas_by_id.end()) {
                    const Persona* p = it->second;
                    out += separator + escape_text(p->name.empty() ? "(unnamed persona)" : p->name, TextRole::Actor);
                    separator = ", ";
                }
            }
            out += "\n";
        }
    }
    return out;
}

}  // namespace jm
