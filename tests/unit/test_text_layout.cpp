// The canvas's line breaker and its cache, with a fixed-width metric: at font
// size 10, a narrow character is 5 px wide and a wide one (CJK, emoji) 10 px.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "ui/core/text_cache.h"
#include "ui/core/text_layout.h"

using namespace jm::ui;

namespace {

const FixedWidthMetric kMetric;   // 0.5 em narrow, 1 em wide

WrappedText wrap(std::string_view text, float width, int max_lines = 0, float indent = 0) {
    WrapOptions o;
    o.max_width = width;
    o.font_size = 10;
    o.max_lines = max_lines;
    o.first_line_indent = indent;
    return wrap_text(text, kMetric, o);
}

// The lines as strings, with "…" where the painter adds one.
std::vector<std::string> lines_of(std::string_view text, const WrappedText& w) {
    std::vector<std::string> out;
    for (const auto& l : w.lines) {
        std::string s(text.substr(l.begin, l.end - l.begin));
        if (l.ellipsis) s += kEllipsisUtf8;
        out.push_back(s);
    }
    return out;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("Latin text breaks at spaces, never inside a word that fits", "[layout][text]") {
    // 60 px = 12 narrow characters per line.
    std::string t = "Solicitud de demostración con el equipo";
    auto w = wrap(t, 60);
    REQUIRE(lines_of(t, w) == Lines{"Solicitud de", "demostración", "con el", "equipo"});
    REQUIRE(w.lines[0].width == Approx(60));   // 12 characters; the trailing space is not counted
    REQUIRE(w.lines[2].width == Approx(30));
    REQUIRE(w.width == Approx(60));
}

TEST_CASE("a word longer than the line is split between characters", "[layout][text]") {
    std::string t = "ab Supercalifragilistic cd";
    auto w = wrap(t, 50);   // 10 characters
    REQUIRE(lines_of(t, w) == Lines{"ab", "Supercalif", "ragilistic", "cd"});
    for (const auto& l : w.lines) REQUIRE(l.width <= 50.0f);
}

TEST_CASE("wide enough lines keep the whole text, widths add up", "[layout][text]") {
    std::string t = "Contrato de licença";
    auto w = wrap(t, 1000);
    REQUIRE(lines_of(t, w) == Lines{t});
    REQUIRE(w.lines[0].width == Approx(19 * 5));   // ç is one character, two bytes
    REQUIRE(w.width == Approx(95));
    auto nowrap = wrap(t, 0);   // no width: newlines only
    REQUIRE(nowrap.lines.size() == 1);
}

TEST_CASE("Chinese breaks between any two ideographs", "[layout][text]") {
    std::string t = "客户需要确认年度许可证价格";   // 13 ideographs, 10 px each
    auto w = wrap(t, 40);
    REQUIRE(lines_of(t, w) == Lines{"客户需要", "确认年度", "许可证价", "格"});
    REQUIRE(w.lines[0].width == Approx(40));
}

TEST_CASE("no line starts with closing punctuation nor ends with opening punctuation", "[layout][text]") {
    // "一二三。" at 30 px: "。" would start line 2, so "三" goes with it.
    std::string t = "一二三。四五";
    REQUIRE(lines_of(t, wrap(t, 30)) == Lines{"一二", "三。四", "五"});
    // Closing quotes and commas too.
    std::string q = "他说「好」，我们走吧";
    auto lq = lines_of(q, wrap(q, 40));
    for (const auto& l : lq) {
        REQUIRE(l.rfind("，", 0) != 0);
        REQUIRE(l.rfind("」", 0) != 0);
        REQUIRE((l.size() < 3 || l.substr(l.size() - 3) != "「"));
    }
    // "「" never ends a line: at 30 px "他说「" would, so "「" moves down.
    std::string o = "他说「好」";
    REQUIRE(lines_of(o, wrap(o, 30)) == Lines{"他说", "「好」"});
    // Japanese: small kana and the prolonged sound mark do not start a line.
    std::string j = "チェックー";
    for (const auto& l : lines_of(j, wrap(j, 30))) {
        REQUIRE(l.rfind("ェ", 0) != 0);
        REQUIRE(l.rfind("ッ", 0) != 0);
        REQUIRE(l.rfind("ー", 0) != 0);
    }
}

TEST_CASE("mixed Latin and Chinese text breaks at spaces and around ideographs", "[layout][text]") {
    std::string t = "Demo 决策会议 with IT";
    // "Demo " 25 px, each ideograph 10 px: 50 px holds "Demo 决策会"? No break
    // inside "Demo"; one is allowed after the space and between ideographs.
    auto w = wrap(t, 50);
    REQUIRE(lines_of(t, w) == Lines{"Demo 决策", "会议 with", "IT"});
    // A Latin word right after an ideograph may move to the next line on its own.
    std::string u = "集成API文档";
    REQUIRE(lines_of(u, wrap(u, 30)) == Lines{"集成", "API文", "档"});
}

TEST_CASE("emoji measure as one glyph and are never split from their modifiers", "[layout][text]") {
    // Thumbs up + skin tone (two code points, one glyph), then a family (ZWJ sequence).
    std::string thumbs = "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD";
    std::string family = "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7";
    std::string t = "ok " + thumbs + family + "!";
    auto w = wrap(t, 1000);
    REQUIRE(w.lines.size() == 1);
    // "ok " 15 + thumbs 10 + family 10 + "!" 5
    REQUIRE(w.lines[0].width == Approx(40));
    REQUIRE(w.lines[0].filtered);
    // The painter draws the first code point of each sequence only.
    REQUIRE(drawable_text(t) == "ok \xF0\x9F\x91\x8D\xF0\x9F\x91\xA8!");
    // A narrow line breaks between the two emoji, never inside one.
    auto narrow = wrap(thumbs + family, 10);
    REQUIRE(lines_of(thumbs + family, narrow) == Lines{thumbs, family});
    // A variation selector draws nothing and measures nothing.
    std::string heart = "\xE2\x9D\xA4\xEF\xB8\x8F";   // U+2764 U+FE0F
    REQUIRE(wrap(heart, 1000).lines[0].width == Approx(10));
    REQUIRE(drawable_text(heart) == "\xE2\x9D\xA4");
    // A flag: two regional indicators, one glyph.
    std::string flag = "\xF0\x9F\x87\xAA\xF0\x9F\x87\xB8";
    REQUIRE(wrap(flag, 1000).lines[0].width == Approx(10));
    REQUIRE(lines_of(flag + flag, wrap(flag + flag, 10)) == Lines{flag, flag});
}

TEST_CASE("combining accents stay with their letter and measure like precomposed ones", "[layout][text]") {
    std::string composed = "Decisi\xC3\xB3n";        // ó precomposed
    std::string decomposed = "Decisio\xCC\x81n";     // o + U+0301
    REQUIRE(wrap(composed, 1000).lines[0].width == Approx(wrap(decomposed, 1000).lines[0].width));
    // Split inside the word: the accent is never separated from its o.
    auto w = wrap(decomposed, 35);   // 7 characters
    REQUIRE(lines_of(decomposed, w) == Lines{"Decisio\xCC\x81", "n"});
    REQUIRE_FALSE(w.lines[0].filtered);   // marks are drawn
}

TEST_CASE("empty text has no lines, explicit newlines always break", "[layout][text]") {
    REQUIRE(wrap("", 100).lines.empty());
    REQUIRE(wrap("", 100).height(22) == 0);
    REQUIRE(wrap("   ", 100).lines.empty());
    std::string t = "uno\ndos\r\ntres\n\ncinco\n";
    auto w = wrap(t, 1000);
    REQUIRE(lines_of(t, w) == Lines{"uno", "dos", "tres", "", "cinco"});
    REQUIRE(w.height(22) == Approx(5 * 22));
    // A newline inside a wrapped paragraph starts a fresh line too.
    std::string p = "aaaa bbbb\ncc";
    REQUIRE(lines_of(p, wrap(p, 30)) == Lines{"aaaa", "bbbb", "cc"});
}

TEST_CASE("max lines ends the last kept line with an ellipsis that fits", "[layout][text]") {
    std::string t = "one two three four five six seven";
    auto w = wrap(t, 50, 2);   // 10 characters per line, 2 lines
    REQUIRE(w.truncated);
    REQUIRE(w.lines.size() == 2);
    REQUIRE(w.lines[1].ellipsis);
    auto l = lines_of(t, w);
    REQUIRE(l[0] == "one two");
    // The ellipsis (5 px) cuts the line where it fits, as CSS text-overflow does.
    REQUIRE(l[1] == "three fou\xE2\x80\xA6");
    REQUIRE(w.lines[1].width + kMetric.advance(kEllipsisCodepoint, 10) <= 50.0f);
    // Enough lines: no ellipsis.
    auto all = wrap(t, 50, 10);
    REQUIRE_FALSE(all.truncated);
    for (const auto& line : all.lines) REQUIRE_FALSE(line.ellipsis);
    // A newline after the last kept line also ends it in "…".
    std::string n = "first\nsecond";
    REQUIRE(lines_of(n, wrap(n, 100, 1)) == Lines{"first\xE2\x80\xA6"});
    // Chinese with max lines.
    std::string zh = "客户需要确认年度许可证价格";
    REQUIRE(lines_of(zh, wrap(zh, 40, 2)) == Lines{"客户需要", "确认年\xE2\x80\xA6"});
}

TEST_CASE("a first-line indent makes room for an icon", "[layout][text]") {
    std::string t = "aaaa bbbb cccc";
    // 50 px lines, the first one 20 px shorter: "aaaa" (20) fits in 30, "aaaa bbbb" does not.
    auto w = wrap(t, 50, 0, 20);
    REQUIRE(lines_of(t, w) == Lines{"aaaa", "bbbb cccc"});
}

TEST_CASE("a hyphen between letters is a break opportunity", "[layout][text]") {
    std::string t = "self-serve trial";
    REQUIRE(lines_of(t, wrap(t, 30)) == Lines{"self-", "serve", "trial"});
    std::string n = "2024-2025";   // not before a digit
    REQUIRE(lines_of(n, wrap(n, 30)) == Lines{"2024-2", "025"});
}

TEST_CASE("invalid UTF-8 measures one replacement character per bad byte", "[layout][text]") {
    std::string bad = "a\xFF\xC3";   // a stray byte and a truncated sequence
    char32_t c;
    REQUIRE(decode_utf8(bad, 1, c) == 1);
    REQUIRE(c == 0xFFFD);
    REQUIRE(decode_utf8(bad, 2, c) == 1);
    auto w = wrap(bad, 1000);
    REQUIRE(w.lines.size() == 1);
    REQUIRE(w.lines[0].end == 3);
}

TEST_CASE("the text cache lays a text out once and drops what a pass did not use", "[layout][text]") {
    TextLayoutCache cache;
    WrapOptions o;
    o.max_width = 50;
    o.font_size = 10;
    cache.begin_pass(kMetric);
    TextBlock a = cache.get("one two three four", o);
    TextBlock b = cache.get("客户需要确认年度", o);
    REQUIRE(a.count == 2);
    REQUIRE(b.count == 2);
    REQUIRE(cache.last_pass().misses == 2);
    REQUIRE(cache.get("one two three four", o).first == a.first);   // the same text again: a hit
    REQUIRE(cache.last_pass().hits == 1);
    // Another width is another entry.
    REQUIRE(cache.get("one two three four", WrapOptions{.max_width = 100, .font_size = 10}).count == 1);
    REQUIRE(cache.entries() == 3);

    // Next pass: only "客户..." is asked for; the pass after drops the rest.
    cache.begin_pass(kMetric);
    TextBlock b2 = cache.get("客户需要确认年度", o);
    REQUIRE(b2.count == 2);
    REQUIRE(cache.last_pass().hits == 1);
    REQUIRE(cache.last_pass().misses == 0);
    cache.begin_pass(kMetric);
    REQUIRE(cache.entries() == 1);
    TextBlock b3 = cache.get("客户需要确认年度", o);
    REQUIRE(cache.lines(b3)[0].end == std::string("客户需要确").size());
    // A dropped text asked for again is laid out again, correctly.
    TextBlock a2 = cache.get("one two three four", o);
    REQUIRE(a2.count == 2);
    REQUIRE(cache.lines(a2)[1].begin == 8);
    REQUIRE(cache.memory_bytes() > 0);

    // Another font (metric key) drops everything.
    FixedWidthMetric other(0.6f, 1.0f);
    cache.begin_pass(other);
    REQUIRE(cache.entries() == 0);
    REQUIRE(cache.get("one two three four", o).count == 3);   // 6 px characters: 8 per line
}

TEST_CASE("a click in a laid-out text puts the caret at the nearest character boundary of its line") {
    // 40 px lines of 5 px Latin, 10 px Chinese characters; line height 12.
    const std::string latin = "one two three four";
    const WrappedText w = wrap(latin, 40);
    REQUIRE(lines_of(latin, w) == std::vector<std::string>{"one two", "three", "four"});
    auto at = [&](const std::string& text, const WrappedText& l, float x, float y) {
        return caret_at(text, l.lines, kMetric, 10, 12, x, y);
    };
    REQUIRE(at(latin, w, 0, 5) == 0);
    REQUIRE(at(latin, w, 2, 5) == 0);     // left half of "o"
    REQUIRE(at(latin, w, 3, 5) == 1);     // right half of "o"
    REQUIRE(at(latin, w, 200, 5) == 7);   // past the end of "one two": before the space
    REQUIRE(at(latin, w, 12, 14) == 10);  // second line "three": after "th"
    REQUIRE(at(latin, w, 0, 30) == 14);   // third line starts at "four"
    REQUIRE(at(latin, w, 0, 100) == 14);             // below the text: on its last line
    REQUIRE(at(latin, w, 99, 100) == latin.size());
    REQUIRE(at(latin, w, 7, -3) == 1);               // above: on its first line

    const std::string chinese = "客户需要确认年度";   // 3 bytes each, 4 per 40 px line
    const WrappedText c = wrap(chinese, 40);
    REQUIRE(at(chinese, c, 16, 5) == 6);    // past the middle of the second character
    REQUIRE(at(chinese, c, 14, 5) == 3);
    REQUIRE(at(chinese, c, 1, 13) == 12);   // second line's first character

    // A base letter and its combining accent are one caret step.
    const std::string accent = "Deci\xCC\x81sion";   // i + U+0301
    const WrappedText a = wrap(accent, 200);
    REQUIRE(at(accent, a, 16, 5) == 3);       // left half of the accented i: before it
    REQUIRE(at(accent, a, 18, 5) == 6);       // right half: after the accent, never between the two

    REQUIRE(caret_at("", {}, kMetric, 10, 12, 5, 5) == 0);
}

TEST_CASE("a byte offset counted in UTF-16 code units, as the browser's text box counts") {
    REQUIRE(utf16_offset("abc", 2) == 2);
    REQUIRE(utf16_offset("Ação", std::string("Aç").size()) == 2);
    REQUIRE(utf16_offset("客户", 3) == 1);
    REQUIRE(utf16_offset("a😀b", 5) == 3);          // the emoji is a surrogate pair
    REQUIRE(utf16_offset("a\xFF" "b", 2) == 2);      // an invalid byte is one replacement character
    REQUIRE(utf16_offset("abc", 99) == 3);
}
