// File names from map titles (src/io/file_name.h): what Windows, macOS and
// Linux refuse or misread never reaches a download, and the title stays
// readable otherwise.
#include <catch2/catch.hpp>

#include <string>

#include "io/file_name.h"

using jm::safe_file_name;
using jm::safe_file_stem;

namespace {

// True when `s` is well-formed UTF-8 (the cut must never split a character).
bool valid_utf8(const std::string& s) {
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += n;
    }
    return true;
}

}  // namespace

TEST_CASE("file names keep ordinary titles in any language", "[io][file_name]") {
    REQUIRE(safe_file_name("Jornada de compra", ".csv") == "Jornada de compra.csv");
    REQUIRE(safe_file_name("Decisión — fase 2", ".mmd") == "Decisión — fase 2.mmd");
    REQUIRE(safe_file_name("客户旅程 决策", ".journeymap.json") == "客户旅程 决策.journeymap.json");
    REQUIRE(safe_file_name("v2.1 draft", ".png") == "v2.1 draft.png");   // inner dots stay
}

TEST_CASE("characters file systems refuse become '-'", "[io][file_name]") {
    REQUIRE(safe_file_stem("Q3: Onboarding", ".csv") == "Q3- Onboarding");
    REQUIRE(safe_file_stem("a/b\\c*d?e\"f<g>h|i", ".csv") == "a-b-c-d-e-f-g-h-i");
    REQUIRE(safe_file_stem("C:\\Users\\..\\evil", ".csv") == "C--Users-..-evil");
}

TEST_CASE("control characters and broken UTF-8 never reach the name", "[io][file_name]") {
    REQUIRE(safe_file_stem("line one\nline two\ttab", ".csv") == "line one line two tab");
    REQUIRE(safe_file_stem(std::string("nul\0byte", 8), ".csv") == "nul-byte");
    REQUIRE(safe_file_stem("bell\x07 and del\x7F", ".csv") == "bell- and del-");
    REQUIRE(safe_file_stem("c1 \xC2\x85 next line", ".csv") == "c1 - next line");          // U+0085
    REQUIRE(safe_file_stem("Decisi\xF3n", ".csv") == "Decisi-n");                           // Windows-1252 ó
    REQUIRE(safe_file_stem("over\xC0\xAFlong", ".csv") == "over--long");                    // overlong '/'
    REQUIRE(safe_file_stem("surrogate \xED\xA0\x80", ".csv") == "surrogate ---");           // U+D800
    REQUIRE(safe_file_stem("cut \xE5\xAE", ".csv") == "cut --");                            // truncated 客
}

TEST_CASE("bidirectional overrides cannot disguise the extension", "[io][file_name]") {
    // "invoice<RLO>fdp.exe" would display as "invoiceexe.pdf".
    REQUIRE(safe_file_stem("invoice\u202Efdp.exe", ".csv") == "invoicefdp.exe");
    REQUIRE(safe_file_stem("a\u2066b\u2069c", ".csv") == "abc");
}

TEST_CASE("no leading dot, no trailing dots or spaces", "[io][file_name]") {
    REQUIRE(safe_file_stem(".hidden", ".csv") == "hidden");
    REQUIRE(safe_file_stem(" . .config", ".csv") == "config");
    REQUIRE(safe_file_stem("Plan...", ".csv") == "Plan");
    REQUIRE(safe_file_stem("Plan . . ", ".csv") == "Plan");
    REQUIRE(safe_file_stem("  padded  ", ".csv") == "padded");
    REQUIRE(safe_file_stem("what?", ".csv") == "what-");   // a replaced character is not trimmed
}

TEST_CASE("an empty or emptied title gives the default stem", "[io][file_name]") {
    REQUIRE(safe_file_stem("", ".csv") == std::string(jm::kDefaultFileStem));
    REQUIRE(safe_file_stem("   ", ".csv") == "journey-map");
    REQUIRE(safe_file_stem(". . .", ".csv") == "journey-map");
    REQUIRE(safe_file_stem("\u202E", ".csv") == "journey-map");
}

TEST_CASE("names Windows reserves for devices get a leading underscore", "[io][file_name]") {
    for (const char* name : {"CON", "con", "Prn", "aux", "NUL", "COM1", "com9", "LPT1", "lpt9", "COM\xC2\xB9", "lpt\xC2\xB3"})
        REQUIRE(safe_file_stem(name, ".csv") == std::string("_").append(name));   // not "_" + ...: gcc 12 -O3 warns falsely (-Wrestrict)
    // Also with an extension of their own, and with spaces before the dot.
    REQUIRE(safe_file_stem("nul.tar", ".csv") == "_nul.tar");
    REQUIRE(safe_file_stem("CON .backup", ".csv") == "_CON .backup");
    REQUIRE(safe_file_stem("CON.", ".csv") == "_CON");
    // Only the exact names: longer words and other numbers are ordinary.
    for (const char* name : {"CONSOLE", "Console plan", "COM10", "COM0", "LPT", "NULL", "AUXILIAR", "my CON", "COM\xC2\xB4"})
        REQUIRE(safe_file_stem(name, ".csv") == name);
}

TEST_CASE("stem and extension fit in 255 bytes, cut between characters", "[io][file_name]") {
    const std::string ext = ".journeymap.json";   // 16 bytes
    REQUIRE(safe_file_name(std::string(300, 'a'), ext).size() == 255);
    REQUIRE(safe_file_name(std::string(239, 'a'), ext).size() == 255);   // exactly at the limit: kept whole
    REQUIRE(safe_file_stem(std::string(239, 'a'), ext) == std::string(239, 'a'));

    // 3-byte characters: 239 bytes hold 79 of them (237 bytes), never a part of the 80th.
    std::string chinese;
    for (int i = 0; i < 100; ++i) chinese += "决";
    const std::string stem = safe_file_stem(chinese, ext);
    REQUIRE(stem.size() == 237);
    REQUIRE(valid_utf8(stem));

    // 4-byte characters at every offset of the cut.
    for (std::size_t pad = 0; pad < 4; ++pad) {
        std::string title(pad, 'x');
        for (int i = 0; i < 80; ++i) title += "\xF0\x9F\x98\x80";   // U+1F600
        const std::string name = safe_file_name(title, ".csv");
        REQUIRE(name.size() <= 255);
        REQUIRE(name.size() > 255 - 4);
        REQUIRE(valid_utf8(name));
    }
}

TEST_CASE("a cut that ends on dots or spaces, or on a reserved name, is tidied again", "[io][file_name]") {
    // 250 'a', then " . b...": the cut at 251 bytes (255 - ".csv") lands after "a ".
    std::string title = std::string(250, 'a') + " . bbbbbbbbbb";
    REQUIRE(safe_file_stem(title, ".csv") == std::string(250, 'a'));
    // An extension leaving 4 bytes: "CON is..." cut to "CON " and then "CON", which is reserved.
    const std::string long_ext = "." + std::string(250, 'e');
    const std::string stem = safe_file_stem("CON is long", long_ext);
    REQUIRE(stem == "_CON");
    REQUIRE(stem.size() + long_ext.size() <= 255);
}
