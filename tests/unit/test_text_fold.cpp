// Folding for Find (ui/core/text_fold.h) and find's case- and accent-insensitive
// matching in every script, with hit ranges in the original text.
#include <catch2/catch.hpp>

#include <string>

#include "ui/core/find.h"
#include "ui/core/text_fold.h"

using namespace jm;
using namespace jm::ui;

namespace {

// The original bytes a match covers.
std::string matched(const std::string& text, const std::string& query) {
    auto m = match_text(text, query);
    if (!m) return "<none>";
    return text.substr(m->begin, m->end - m->begin);
}

std::string utf8(char32_t cp) {
    std::string s;
    if (cp < 0x80) {
        s += static_cast<char>(cp);
    } else if (cp < 0x800) {
        s += static_cast<char>(0xC0 | (cp >> 6));
        s += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        s += static_cast<char>(0xE0 | (cp >> 12));
        s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        s += static_cast<char>(0xF0 | (cp >> 18));
        s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (cp & 0x3F));
    }
    return s;
}

}  // namespace

TEST_CASE("folding removes case and accents in Latin scripts", "[fold]") {
    REQUIRE(fold_for_search("Decisión") == "decision");
    REQUIRE(fold_for_search("AÇÃO ação") == "acao acao");
    REQUIRE(fold_for_search("ÀÁÂÃÄÅ àáâãäå Ñ ñ Ç ÿ Ÿ") == "aaaaaa aaaaaa n n c y y");
    REQUIRE(fold_for_search("Łódź Kraków Ørsted Đà Nẵng") == "lodz krakow orsted da nang");
    REQUIRE(fold_for_search("Ærøskøbing cœur") == "aeroskobing coeur");
    REQUIRE(fold_for_search("İstanbul Kırıkkale") == "istanbul kirikkale");
    REQUIRE(fold_for_search("Straße STRASSE ẞ") == "strasse strasse ss");
    REQUIRE(fold_for_search("ﬁnance ﬂow") == "finance flow");
    // Vietnamese: stacked marks (circumflex + dot below, breve + hook above...)
    REQUIRE(fold_for_search("Việt Nam, Nguyễn, Trường, Hồ Chí Minh, ĐẶNG") == "viet nam, nguyen, truong, ho chi minh, dang");
    // ASCII other than letters is untouched.
    REQUIRE(fold_for_search("Q3 2026: +12% (ROI) #1 ~ [ok] {x} @a_b/c\\d\t\n") == "q3 2026: +12% (roi) #1 ~ [ok] {x} @a_b/c\\d\t\n");
    REQUIRE(fold_for_search("").empty());
}

TEST_CASE("folding covers Greek, Cyrillic, Armenian and fullwidth forms", "[fold]") {
    REQUIRE(fold_for_search("ΑΘΗΝΑ") == fold_for_search("Αθήνα"));
    REQUIRE(fold_for_search("Αθήνα") == "αθηνα");
    REQUIRE(fold_for_search("ΟΔΟΣ οδός") == "οδοσ οδοσ");   // final sigma
    REQUIRE(fold_for_search("ΐ ΰ ᾳ ῼ") == "ι υ α ω");        // dialytika + tonos, iota subscript
    REQUIRE(fold_for_search("МОСКВА") == "москва");
    REQUIRE(fold_for_search("Москва") == "москва");
    REQUIRE(fold_for_search("Ёлка Йошкар-Ола ЇЖАК") == "елка иошкар-ола іжак");   // breve and diaeresis removed
    REQUIRE(fold_for_search("ՀԱՅԱՍՏԱՆ") == fold_for_search("Հայաստան"));
    REQUIRE(fold_for_search("ＡＢＣ ａｂｃ １２３") == "abc abc 123");
    REQUIRE(fold_for_search("ﾃｽﾄ") == "テスト");   // halfwidth katakana
}

TEST_CASE("folding leaves Chinese and Hangul whole and drops invisible characters", "[fold]") {
    REQUIRE(fold_for_search("认知、考虑、决策") == "认知、考虑、决策");
    REQUIRE(fold_for_search("한국어") == "한국어");
    // Conjoining jamo (decomposed Hangul) compose into the precomposed syllables.
    REQUIRE(fold_for_search("\u1112\u1161\u11AB\u1100\u116E\u11A8") == "한국");
    REQUIRE(fold_for_search("\uD558\u11AB\uAD6D") == "한국");   // LV syllable + trailing jamo
    // Combining marks, soft hyphen, zero-width space and joiners, BOM, variation selectors.
    REQUIRE(fold_for_search("e\u0301") == "e");
    REQUIRE(fold_for_search("Deci\u00ADsi\u200Bo\u0301n\uFEFF") == "decision");
    REQUIRE(fold_for_search("a\u200Db\u200Cc\uFE0F") == "abc");
    REQUIRE(fold_for_search("a\u00A0b") == "a b");   // NBSP
    // CJK compatibility ideographs become the unified ones.
    REQUIRE(fold_for_search("\uF900") == "\u8C48");
}

TEST_CASE("every CJK unified ideograph folds to itself", "[fold]") {
    // text_fold.cpp copies U+4000..U+9FFF without a lookup; the generator checks
    // that none of them folds, this checks the runtime agrees.
    std::string all;
    for (char32_t cp = 0x4000; cp <= 0x9FFF; ++cp) all += utf8(cp);
    REQUIRE(fold_for_search(all) == all);
}

TEST_CASE("folding is idempotent and survives invalid UTF-8", "[fold]") {
    for (const char* s : {"Decisión", "Αθήνα ΟΔΟΣ", "Straße", "ﬃ ǆ ㎏ ①", "Ǳ ǅ", "\u1100\u1161", "ＡＢＣ"}) {
        std::string once = fold_for_search(s);
        REQUIRE(fold_for_search(once) == once);
    }
    const std::string bad[] = {
        std::string("\xFF\xFE", 2),         std::string("abc\xC3", 4),      std::string("\xE4\xB8", 2),
        std::string("\xED\xA0\x80", 3),     std::string("\xC0\xAF", 2),     std::string("\xF4\x90\x80\x80", 4),
        std::string("x\x80y", 3),           std::string("\xF0\x9F\x98", 3), std::string("\0a\0", 3),
    };
    const std::string fffd = "\xEF\xBF\xBD";
    REQUIRE(fold_for_search(bad[0]) == fffd + fffd);
    REQUIRE(fold_for_search(bad[1]) == "abc" + fffd);
    REQUIRE(fold_for_search(bad[2]) == fffd);              // one U+FFFD for a truncated sequence
    REQUIRE(fold_for_search(bad[3]) == fffd + fffd + fffd);   // a surrogate: three invalid bytes
    REQUIRE(fold_for_search(bad[6]) == "x" + fffd + "y");
    REQUIRE(fold_for_search(bad[8]) == std::string("\0a\0", 3));
    for (const auto& s : bad) {
        FoldedText f = fold_with_offsets(s);
        REQUIRE(f.source_offset.size() == f.folded.size() + 1);
        REQUIRE(f.folded == fold_for_search(s));
        REQUIRE_FALSE(contains_text(s, "zz"));
    }
    // Every byte value in every position of a short string: no crash, valid output.
    for (int a = 0; a < 256; ++a) {
        for (int b = 0; b < 256; b += 7) {
            std::string s = {static_cast<char>(a), static_cast<char>(b), '\xE4', static_cast<char>(b)};
            FoldedText f = fold_with_offsets(s);
            REQUIRE(f.folded == fold_for_search(f.folded));
        }
    }
}

TEST_CASE("folds that grow the text, and the scratch-string form", "[fold]") {
    // U+FDFA (3 bytes) folds to an 18-letter Arabic phrase (33 bytes).
    std::string text, expected;
    const std::string phrase = fold_for_search("\uFDFA");
    REQUIRE(phrase.size() == 33);
    for (int i = 0; i < 200; ++i) {
        text += "\uFDFA\u33CF";   // and U+33CF SQUARE KT -> "kt"
        expected += phrase + "kt";
    }
    REQUIRE(fold_for_search(text) == expected);
    FoldedText f = fold_with_offsets(text);
    REQUIRE(f.folded == expected);
    REQUIRE(f.source_range(33, 35) == std::pair<std::size_t, std::size_t>{3, 6});

    std::string scratch;
    REQUIRE(fold_for_search(text, scratch) == expected);
    REQUIRE(fold_for_search("ÁB", scratch) == "ab");   // shorter: scratch keeps its size
    REQUIRE(fold_for_search("", scratch).empty());
}

TEST_CASE("folded offsets map back to whole original characters", "[fold]") {
    FoldedText f = fold_with_offsets("Ação");   // A ç(2 bytes) ã(2) o
    REQUIRE(f.folded == "acao");
    REQUIRE(f.source_offset == std::vector<std::uint32_t>{0, 1, 3, 5, 6});
    REQUIRE(f.source_range(1, 3) == std::pair<std::size_t, std::size_t>{1, 5});

    // "ß" -> "ss": either "s" alone covers the whole "ß".
    FoldedText g = fold_with_offsets("Straße");
    REQUIRE(g.folded == "strasse");
    REQUIRE(g.source_range(4, 5) == std::pair<std::size_t, std::size_t>{4, 6});
    REQUIRE(g.source_range(5, 6) == std::pair<std::size_t, std::size_t>{4, 6});
    REQUIRE(g.source_range(0, 7) == std::pair<std::size_t, std::size_t>{0, 7});

    // A combining mark after the match is covered with its letter.
    FoldedText h = fold_with_offsets("cafe\u0301 x");
    REQUIRE(h.folded == "cafe x");
    REQUIRE(h.source_range(3, 4) == std::pair<std::size_t, std::size_t>{3, 6});
    REQUIRE(h.source_range(0, 0) == std::pair<std::size_t, std::size_t>{0, 0});
}

TEST_CASE("matching ignores case and accents in any script", "[fold][find]") {
    REQUIRE(contains_text("Decisión de compra", "decision"));
    REQUIRE(contains_text("Ação comercial", "ACAO"));
    REQUIRE(contains_text("ACAO", "ação"));
    REQUIRE(contains_text("Straße", "STRASSE"));
    REQUIRE(contains_text("STRASSE", "straße"));
    REQUIRE(contains_text("Visita a Αθήνα", "ΑΘΗΝΑ"));
    REQUIRE(contains_text("Офис в Москва-Сити", "МОСКВА"));
    REQUIRE(contains_text("认知、考虑、决策", "决策"));
    REQUIRE_FALSE(contains_text("认知、考虑", "决策"));
    REQUIRE(contains_text("Việt Nam", "viet"));
    REQUIRE(contains_text("Thành phố Đà Nẵng", "da nang"));
    REQUIRE(contains_text("abc", "ＡＢＣ"));
    REQUIRE(contains_text("ＡＢＣ", "abc"));
    REQUIRE(contains_text("Cafe\u0301", "e"));            // e + combining acute
    REQUIRE(contains_text("Café", "cafe\u0301"));         // decomposed query, precomposed text
    REQUIRE(contains_text("Łódź", "lodz"));
    REQUIRE(contains_text("\u1112\u1161\u11AB\u1100\u116E\u11A8\uC5B4", "한국어"));
    REQUIRE_FALSE(contains_text("Decisión", ""));
    REQUIRE_FALSE(contains_text("Decisión", "\u0301"));   // folds to nothing: finds nothing
    REQUIRE_FALSE(contains_text("Decision", "decisiones"));
}

TEST_CASE("match ranges cover the original characters", "[fold][find]") {
    REQUIRE(matched("Decisión de compra", "decision") == "Decisión");
    REQUIRE(matched("Plano de ação", "ACAO") == "ação");
    REQUIRE(matched("Große Straße", "strasse") == "Straße");
    REQUIRE(matched("Große Straße", "S") == "ß");    // the first "s" of "grosse strasse"
    REQUIRE(matched("Große Straße", "ss") == "ß");
    REQUIRE(matched("Große Straße", "e s") == "e S");
    REQUIRE(matched("Cafe\u0301!", "cafe") == "Cafe\u0301");   // the combining mark comes along
    REQUIRE(matched("认知、考虑、决策", "决策") == "决策");
    REQUIRE(matched("Visita a Αθήνα", "ΑΘΗΝΑ") == "Αθήνα");
    REQUIRE(matched("x ＡＢＣ y", "abc") == "ＡＢＣ");
    REQUIRE(matched("ﬁnance", "fi") == "ﬁ");
    REQUIRE(matched("ﬁnance", "in") == "ﬁn");
    REQUIRE(matched(std::string("bad ") + char(0xFF) + " Việt", "viet") == "Việt");
    REQUIRE(matched("abc", "x") == "<none>");
    auto m = match_text("Ação", "acao");
    REQUIRE(m);
    REQUIRE(m->begin == 0);
    REQUIRE(m->end == 6);
}

TEST_CASE("find reports hits with their range in the field", "[fold][find]") {
    Map m;
    m.title = "Journey";
    Stage s{.id = "s1", .name = "Decisión"};
    s.touchpoints.push_back(Touchpoint{.id = "t1", .title = "Plano de ação"});
    s.touchpoints.push_back(Touchpoint{.id = "t2", .title = "认知、考虑、决策"});
    s.touchpoints.push_back(Touchpoint{.id = "t3", .title = "Chuyến đi Việt Nam"});
    s.touchpoints.push_back(Touchpoint{.id = "t4", .title = "Αθήνα", .description = "Москва"});
    s.touchpoints.push_back(Touchpoint{.id = "t5", .title = "Große Straße"});
    s.touchpoints.push_back(Touchpoint{.id = "t6", .title = "ABC corp"});
    s.touchpoints.push_back(Touchpoint{.id = "t7", .title = std::string("broken \xC3 text", 13)});
    m.stages.push_back(s);

    auto one = [&](const std::string& query) {
        auto hits = find_text(m, query);
        REQUIRE(hits.size() == 1);
        return hits[0];
    };
    FindHit h = one("decision");
    REQUIRE(h.where == FindHit::Where::Stage);
    REQUIRE(h.text.substr(h.begin, h.end - h.begin) == "Decisión");
    h = one("ACAO");
    REQUIRE(h.id == "t1");
    REQUIRE(h.text.substr(h.begin, h.end - h.begin) == "ação");
    h = one("决策");
    REQUIRE(h.id == "t2");
    REQUIRE(h.begin == std::string("认知、考虑、").size());
    REQUIRE(one("VIET").id == "t3");
    REQUIRE(one("ΑΘΗΝΑ").id == "t4");
    h = one("МОСКВА");
    REQUIRE(h.field == "description");
    REQUIRE(h.text.substr(h.begin, h.end - h.begin) == "Москва");
    h = one("STRASSE");
    REQUIRE(h.text.substr(h.begin, h.end - h.begin) == "Straße");
    REQUIRE(one("ＡＢＣ").id == "t6");
    REQUIRE(one("TEXT").id == "t7");
    REQUIRE(find_text(m, "\u0301").empty());
    REQUIRE(find_text(m, "\u200B").empty());
}
