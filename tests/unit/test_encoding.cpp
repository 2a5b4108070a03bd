// Text encodings of imported bytes (io/text_encoding.h): valid UTF-8 as it is,
// Windows-1252 converted with a notice, UTF-16 and other bytes rejected with
// where and what to do; and, through every importer, that whatever loads is
// UTF-8 and survives load -> save -> load unchanged.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "io/csv.h"
#include "io/map_json.h"
#include "io/mermaid.h"
#include "io/text_encoding.h"
#include "support/cli_run.h"

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using jm::testing::data;

namespace {

std::string utf8_of(std::string_view bytes) {
    const jm::DecodedText d = jm::decode_imported_text(bytes);
    INFO(d.problem);
    REQUIRE(d.utf8);
    return *d.utf8;
}

std::string problem_of(std::string_view bytes) {
    const jm::DecodedText d = jm::decode_imported_text(bytes);
    REQUIRE_FALSE(d.utf8);
    REQUIRE_FALSE(d.problem.empty());
    return d.problem;
}

// The promise of the issue: a map that loads is saved as it was loaded.
void require_stable(const jm::Map& map) {
    const std::string saved = jm::save_map_json(map);
    REQUIRE(jm::first_invalid_utf8(saved) == std::string_view::npos);
    const jm::LoadResult again = jm::load_map_json(saved);
    REQUIRE(again.ok());
    REQUIRE(*again.map == map);
    REQUIRE(jm::save_map_json(*again.map) == saved);
}

}  // namespace

TEST_CASE("valid UTF-8 is kept byte for byte, without its byte order mark", "[encoding]") {
    const std::string text = "Decisión 决策 🚀 Revisão\r\n\ttab";
    CHECK(utf8_of(text) == text);
    CHECK(utf8_of("\xEF\xBB\xBF" + text) == text);
    CHECK(utf8_of("") == "");
    const jm::DecodedText d = jm::decode_imported_text(text);
    CHECK(d.notice.empty());
    // The edges of the valid ranges: U+D7FF, U+E000, U+FFFF, U+10000, U+10FFFF.
    CHECK(utf8_of("\xED\x9F\xBF\xEE\x80\x80\xEF\xBF\xBF\xF0\x90\x80\x80\xF4\x8F\xBF\xBF") ==
          "\xED\x9F\xBF\xEE\x80\x80\xEF\xBF\xBF\xF0\x90\x80\x80\xF4\x8F\xBF\xBF");
}

TEST_CASE("overlong forms, surrogates, code points above U+10FFFF and broken sequences are not UTF-8", "[encoding]") {
    struct Case {
        const char* what;
        std::string bytes;
        std::size_t offset;
    };
    const Case cases[] = {
        {"overlong '/' in 2 bytes", "ab\xC0\xAF", 2},
        {"overlong NUL in 2 bytes", "\xC1\x80", 0},
        {"overlong in 3 bytes", "x\xE0\x80\xAF", 1},
        {"overlong in 4 bytes", "\xF0\x80\x80\xAF", 0},
        {"high surrogate U+D800", "a\xED\xA0\x80", 1},
        {"low surrogate U+DFFF", "\xED\xBF\xBF", 0},
        {"U+110000", "ok \xF4\x90\x80\x80", 3},
        {"lead byte F5", "\xF5\x80\x80\x80", 0},
        {"lone continuation byte", "caf\x80", 3},
        {"sequence cut by the end", "\xE5\x86", 0},
        {"sequence cut by ASCII", "\xE5\x86z", 0},
        {"byte FF", "\xFF", 0},
    };
    for (const Case& c : cases) {
        INFO(c.what);
        CHECK(jm::first_invalid_utf8(c.bytes) == c.offset);
    }
    CHECK(jm::first_invalid_utf8("Decisão 决策") == std::string_view::npos);
}

TEST_CASE("Windows-1252 text becomes UTF-8, with a notice that says where the first non-UTF-8 byte is", "[encoding]") {
    // "Decisión — “contrato” 20€", as a Spanish spreadsheet saves it.
    const jm::DecodedText d = jm::decode_imported_text("stage\r\nDecisi\xF3n \x97 \x93" "contrato\x94 20\x80");
    REQUIRE(d.utf8);
    CHECK(*d.utf8 == "stage\r\nDecisión — “contrato” 20€");
    CHECK(d.line == 2);
    CHECK_THAT(d.notice, Contains("read as Windows-1252") && Contains("0xF3") && Contains("line 2, byte offset 13") &&
                             Contains("save the file as UTF-8"));
    // Every byte A0..FF is its Latin-1 character.
    std::string latin1;
    for (int b = 0xA0; b <= 0xFF; ++b) latin1 += static_cast<char>(b);
    const std::string converted = utf8_of(latin1);
    CHECK(converted.substr(0, 2) == "\xC2\xA0");
    CHECK(converted.substr(converted.size() - 2) == "\xC3\xBF");   // ÿ
    CHECK(jm::first_invalid_utf8(converted) == std::string_view::npos);
}

TEST_CASE("bytes that are neither UTF-8 nor Windows-1252 are rejected with their line and byte offset", "[encoding]") {
    for (const char* undefined : {"\x81", "\x8D", "\x8F", "\x90", "\x9D"}) {
        const jm::DecodedText d = jm::decode_imported_text(std::string("line one\nDecisi") + undefined + "n");
        REQUIRE_FALSE(d.utf8);
        CHECK(d.line == 2);
        CHECK_THAT(d.problem, Contains("not UTF-8") && Contains("byte offset 15") && Contains("no character in Windows-1252") &&
                                  Contains("save it as UTF-8"));
    }
    // A control character rules out Windows-1252 text; the message points at both bytes.
    const std::string p = problem_of("a\xE9\nb\x01");
    CHECK_THAT(p, Contains("0xE9 at byte offset 1") && Contains("0x01 at line 2, byte offset 4") && Contains("control character"));
    CHECK_THAT(problem_of(std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16)), Contains("not UTF-8"));   // an image dropped by mistake
}

TEST_CASE("UTF-16 is recognised by its byte order mark or its zero bytes, and rejected saying how to save as UTF-8", "[encoding]") {
    CHECK_THAT(problem_of("\xFF\xFE{\0}\0"), Contains("UTF-16") && Contains("little-endian") && Contains("save it as UTF-8"));
    CHECK_THAT(problem_of("\xFE\xFF\0{\0}"), Contains("UTF-16") && Contains("big-endian"));
    CHECK_THAT(problem_of(std::string("s\0t\0a\0g\0e\0,\0t\0i\0t\0l\0e\0", 22)), Contains("UTF-16") && Contains("little-endian"));
    CHECK_THAT(problem_of(std::string("\0s\0t\0a\0g\0e", 10)), Contains("UTF-16") && Contains("big-endian"));
    CHECK_THAT(problem_of(data("encoding/utf-16be-no-bom.csv")), Contains("UTF-16 text (big-endian)"));
}

TEST_CASE("each importer reads Windows-1252 with a notice and rejects UTF-16 and stray bytes", "[encoding]") {
    SECTION("map JSON") {
        const jm::LoadResult r = jm::load_map_json(
            "{\"format\":\"journeymap\",\"version\":1,\"id\":\"m\",\"title\":\"Jornada \x96 Decis\xE3o\",\"stages\":[],\"personas\":[]}");
        REQUIRE(r.ok());
        CHECK(r.map->title == "Jornada – Decisão");
        REQUIRE(r.notices.size() == 1);
        CHECK_THAT(r.notices[0], Contains("Windows-1252"));
        require_stable(*r.map);
        const jm::LoadResult u16 = jm::load_map_json(data("encoding/utf-16le-bom.journeymap.json"));
        REQUIRE_FALSE(u16.ok());
        CHECK(u16.problems.at(0).path.empty());
        CHECK_THAT(u16.problems.at(0).message, Contains("UTF-16 text (little-endian)"));
        const jm::LoadResult stray = jm::load_map_json("{\"format\":\"journeymap\",\n\"title\":\"a\x81\"}");
        REQUIRE_FALSE(stray.ok());
        CHECK_THAT(stray.problems.at(0).message, StartsWith("line 2: the file is not UTF-8 text"));
    }
    SECTION("Mermaid") {
        const jm::MermaidImport r = jm::import_mermaid(data("encoding/windows-1252.mmd"));
        REQUIRE(r.map);
        CHECK(r.map->title == "Jornada de compra B2B");
        CHECK(r.map->stages.at(0).name == "Decisión");
        CHECK(r.map->stages.at(0).touchpoints.at(0).title == "Revisão do contrato");
        CHECK(r.map->personas.at(0).name == "João");
        REQUIRE(r.notices.size() == 1);
        require_stable(*r.map);
        const jm::MermaidImport bad = jm::import_mermaid(data("encoding/invalid-byte.mmd"));
        REQUIRE_FALSE(bad.map);
        REQUIRE(bad.problems.size() == 1);
        CHECK(bad.problems[0].where() == "line 4");
        CHECK_THAT(bad.problems[0].message, Contains("0x81 at byte offset 52"));
    }
    SECTION("CSV") {
        const jm::CsvImport r = jm::import_csv(data("encoding/windows-1252.csv"));
        REQUIRE(r.map);
        const jm::Touchpoint& t = r.map->stages.at(0).touchpoints.at(0);
        CHECK(r.map->stages[0].name == "Decisión");
        CHECK(t.title == "Revisão do contrato");
        CHECK(t.description == "Pregunta: “¿dónde están los datos?”");
        CHECK(t.pains == std::vector<std::string>{"Cláusulas longas", "Preço"});
        CHECK(r.map->stages.at(1).touchpoints.at(0).description == "Configuração inicial — 30 min");
        REQUIRE(r.notices.size() == 1);
        CHECK_THAT(r.notices[0], Contains("Spanish and Portuguese"));
        require_stable(*r.map);
        const jm::CsvImport u16 = jm::import_csv(data("encoding/utf-16be-no-bom.csv"));
        REQUIRE_FALSE(u16.map);
        CHECK_THAT(u16.problems.at(0).message, Contains("UTF-16"));
    }
}

// The fuzzer's finding: a stray byte was accepted by the Mermaid and CSV
// importers and saved as U+FFFD, so the map changed on the way. Random bytes
// spliced into valid files: whatever loads must come back the same.
TEST_CASE("whatever an importer accepts is UTF-8 and survives load -> save -> load", "[encoding]") {
    const std::string mermaid = "journey\n  title Compra\n  section Decisión\n    Revisão: 3: Ana, João\n";
    const std::string csv = "stage,title,personas,pains\nDecisión,Revisão,Ana; João,Preço | Prazo\n";
    const std::string json = jm::save_map_json(*jm::import_csv(csv).map);
    std::mt19937 rng(20261124);
    int loaded = 0;
    for (int i = 0; i < 600; ++i) {
        std::string text = i % 3 == 0 ? mermaid : i % 3 == 1 ? csv : json;
        const int splices = 1 + static_cast<int>(rng() % 3);
        for (int k = 0; k < splices; ++k) {
            const auto at = rng() % (text.size() + 1);
            text.insert(at, 1, static_cast<char>(0x80 + rng() % 0x80));   // a byte that is never ASCII
        }
        INFO(text);
        std::optional<jm::Map> map;
        if (i % 3 == 0) map = jm::import_mermaid(text).map;
        else if (i % 3 == 1) map = jm::import_csv(text).map;
        else map = jm::load_map_json(text).map;
        if (!map) continue;
        ++loaded;
        require_stable(*map);
    }
    CHECK(loaded > 100);   // most splices land in text and are read as Windows-1252: the loop tested something
}
