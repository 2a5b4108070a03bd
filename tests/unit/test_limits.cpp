// The limits of io/limits.h in every importer (map JSON and pasted cards,
// Mermaid, CSV): a file just at a limit loads, one item over it is refused with
// a message that names the limit and its value; and hostile files of about
// 1 MB import or are refused (the results are checked, never the time).
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "io/csv.h"
#include "io/limits.h"
#include "io/map_json.h"
#include "io/mermaid.h"

using Catch::Matchers::Contains;

namespace {

std::string repeat(std::string_view s, std::size_t n) {
    std::string out;
    out.reserve(s.size() * n);
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

// A map file whose top-level object ends with `members` (a leading comma included).
std::string map_json(const std::string& stages, const std::string& personas = "", const std::string& members = "") {
    return R"({"format":"journeymap","version":1,"id":"m","title":"T","stages":[)" + stages + R"(],"personas":[)" + personas +
           "]" + members + "}";
}

jm::LoadProblem only_problem(const std::string& text) {
    const jm::LoadResult r = jm::load_map_json(text);
    REQUIRE_FALSE(r.ok());
    REQUIRE(r.problems.size() == 1);
    return r.problems[0];
}

template <typename Import>
jm::TextProblem only_text_problem(const Import& r) {
    REQUIRE_FALSE(r.map);
    REQUIRE(r.problems.size() == 1);
    return r.problems[0];
}

bool ids_unique(const jm::Map& m) {
    std::set<std::string> ids{m.id};
    std::size_t n = 1;
    for (const auto& s : m.stages) {
        ids.insert(s.id), ++n;
        for (const auto& t : s.touchpoints) ids.insert(t.id), ++n;
    }
    for (const auto& p : m.personas) ids.insert(p.id), ++n;
    return ids.size() == n;
}

}  // namespace

TEST_CASE("the numbers users read have thousands separators", "[limits]") {
    CHECK(jm::limits::with_thousands(0) == "0");
    CHECK(jm::limits::with_thousands(999) == "999");
    CHECK(jm::limits::with_thousands(100000) == "100,000");
    CHECK(jm::limits::with_thousands(67108864) == "67,108,864");
    CHECK(jm::limits::char_count("Decisão 决策") == 10);
    CHECK(jm::limits::excerpt("abc", 2) == "ab\xE2\x80\xA6");
    CHECK(jm::limits::excerpt("决策决策", 3) == "决策决\xE2\x80\xA6");   // never inside a character
    CHECK(jm::limits::excerpt("short") == "short");
}

TEST_CASE("nesting deeper than the limit anywhere in a map file is refused before it is parsed", "[limits][io]") {
    // The fuzzer's file: 100,000 '[' in a field the program does not know
    // overflowed the stack; the same at the top level was refused cleanly.
    const std::string deep = repeat("[", 100000) + repeat("]", 100000);
    for (const std::string& text : {map_json("", "", ",\"x-deep\":" + deep), deep, map_json("{\"id\":\"s\",\"name\":\"S\",\"x\":" + deep + "}")}) {
        const jm::LoadProblem p = only_problem(text);
        CHECK(p.path.empty());
        CHECK_THAT(p.message, Contains("nested too deeply") && Contains("the limit is 64 levels"));
    }
    CHECK_THAT(only_problem(map_json("", "", ",\n\"x\":" + deep)).message, Contains("at line 2, column 68"));
    // 64 levels in all (the map object is the first) load, and are saved and loaded back the same.
    const std::string at_limit = map_json("", "", ",\"x\":" + repeat("[", 63) + repeat("]", 63));
    const jm::LoadResult r = jm::load_map_json(at_limit);
    REQUIRE(r.ok());
    const jm::LoadResult again = jm::load_map_json(jm::save_map_json(*r.map));
    REQUIRE(again.ok());
    CHECK(*again.map == *r.map);
    CHECK_THAT(only_problem(map_json("", "", ",\"x\":" + repeat("[", 64) + repeat("]", 64))).message, Contains("level 65"));
    // Brackets inside strings, escaped quotes included, are text, not nesting.
    CHECK(jm::load_map_json(map_json("", "", ",\"x\":\"" + repeat("[{\\\"", 1000) + "\"")).ok());
}

TEST_CASE("a map file with more values than the limit is refused while it is parsed", "[limits][io]") {
    // Small values cost far more memory parsed than as text: a 64 MiB file of
    // "{}," took 2.4 GB before this limit. Counting stops the parse at the limit.
    const std::string many = map_json("", "", ",\"x\":[" + repeat("0,", jm::limits::kMaxJsonValues) + "0]");
    const jm::LoadProblem p = only_problem(many);
    CHECK(p.path.empty());
    CHECK(p.message == "too many values: the limit is 2,000,000 values (numbers, texts, lists and objects) per file");
}

TEST_CASE("a file larger than the size limit is refused by every importer before it is read", "[limits]") {
    const std::string big(jm::limits::kMaxFileBytes + 1, ' ');
    const std::string expected = "the file is too large: 67,108,865 bytes (64.0 MiB); the limit is 64 MiB (67,108,864 bytes)";
    CHECK(only_problem(big).message == expected);
    CHECK(only_text_problem(jm::import_mermaid(big)).message == expected);
    CHECK(only_text_problem(jm::import_csv(big)).message == expected);
}

TEST_CASE("map JSON: stages, touchpoints, personas, list entries and text over their limits", "[limits][io]") {
    SECTION("stages") {
        std::string stages;
        for (std::size_t i = 0; i <= jm::limits::kMaxStages; ++i)
            stages += std::string(i ? "," : "") + R"({"id":"s)" + std::to_string(i) + R"(","name":"S"})";
        const jm::LoadProblem p = only_problem(map_json(stages));
        CHECK(p.path == "/stages");
        CHECK(p.message == "too many stages: the limit is 10,000 stages per map (this file has 10,001)");
    }
    SECTION("touchpoints, counted over the whole map") {
        // Empty objects stand for touchpoints: the count is checked before they are read,
        // and reading stops after 100 problems, so the test stays quick.
        const std::string first = R"({"id":"a","name":"A","touchpoints":[{"id":"t","title":"x"}]},)";
        const auto second = [](std::size_t n) { return R"({"id":"b","name":"B","touchpoints":[)" + repeat("{},", n - 1) + "{}]}"; };
        const jm::LoadResult at_limit = jm::load_map_json(map_json(first + second(jm::limits::kMaxTouchpoints - 1)));
        REQUIRE(at_limit.problems.size() == jm::kMaxProblems);
        CHECK(at_limit.problems[0].message == "missing required field \"id\"");
        const jm::LoadProblem p = only_problem(map_json(first + second(jm::limits::kMaxTouchpoints)));
        CHECK(p.path == "/stages/1/touchpoints");
        CHECK(p.message == "too many touchpoints: the limit is 100,000 touchpoints per map (with this stage, the map has 100,001)");
    }
    SECTION("personas") {
        std::string personas;
        for (std::size_t i = 0; i <= jm::limits::kMaxPersonas; ++i)
            personas += std::string(i ? "," : "") + R"({"id":"p)" + std::to_string(i) + R"(","name":"P"})";
        const jm::LoadProblem p = only_problem(map_json("", personas));
        CHECK(p.path == "/personas");
        CHECK_THAT(p.message, Contains("the limit is 10,000 personas per map"));
    }
    SECTION("entries of one list") {
        const std::string pains = "[" + repeat("\"p\",", jm::limits::kMaxListItems) + "\"p\"]";
        const jm::LoadProblem p = only_problem(map_json(R"({"id":"s","name":"S","touchpoints":[{"id":"t","title":"x","pains":)" + pains + "}]}"));
        CHECK(p.path == "/stages/0/touchpoints/0/pains");
        CHECK(p.message == "too many entries: the limit is 10,000 entries per list (this file has 10,001)");
    }
    SECTION("characters of one text, counted as characters, not bytes") {
        const std::string at_limit = repeat("决", jm::limits::kMaxTextChars);   // 300,000 bytes
        CHECK(jm::load_map_json(map_json("", "", ",\"description\":\"" + at_limit + "\"")).ok());
        const jm::LoadProblem p = only_problem(map_json("", "", ",\"description\":\"" + at_limit + "x\""));
        CHECK(p.path == "/description");
        CHECK(p.message == "the text is too long: 100,001 characters; the limit is 100,000 characters per field");
        const jm::LoadProblem item = only_problem(
            map_json(R"({"id":"s","name":"S","touchpoints":[{"id":"t","title":"x","pains":["ok",")" + at_limit + "x\"]}]}"));
        CHECK(item.path == "/stages/0/touchpoints/0/pains/1");
    }
    SECTION("a huge value where a marker belongs is quoted short") {
        const jm::LoadProblem p = only_problem(R"({"format":")" + repeat("x", 1'000'000) + R"("})");
        CHECK(p.path == "/format");
        CHECK(p.message.size() < 200);
    }
}

TEST_CASE("Mermaid: sections, tasks, actors and names over their limits", "[limits][mermaid]") {
    SECTION("sections") {
        const std::string text = "journey\n" + repeat("  section S\n    T: 3\n", jm::limits::kMaxStages + 1);
        const jm::TextProblem p = only_text_problem(jm::import_mermaid(text));
        CHECK(p.line == 2 * 10'000 + 2);
        CHECK(p.message == "too many sections (stages): the limit is 10,000 sections (stages) per map");
        CHECK(jm::import_mermaid("journey\n" + repeat("  section S\n    T: 3\n", jm::limits::kMaxStages)).map);
    }
    SECTION("tasks") {
        const jm::TextProblem p = only_text_problem(jm::import_mermaid("journey\n" + repeat("  T: 3\n", jm::limits::kMaxTouchpoints + 1)));
        CHECK(p.line == 100'002);
        CHECK_THAT(p.message, Contains("the limit is 100,000 tasks (touchpoints) per map"));
    }
    SECTION("actors of one task, and in the whole map") {
        const std::string many = "A" + repeat(",A", jm::limits::kMaxListItems);
        CHECK_THAT(only_text_problem(jm::import_mermaid("journey\n  T: 3: " + many + "\n")).message,
                   Contains("too many actors: the limit is 10,000 actors per task (this file has 10,001)"));
        std::string distinct = "journey\n";
        for (std::size_t i = 0; i <= jm::limits::kMaxPersonas; ++i) distinct += "  T: 3: Actor " + std::to_string(i) + "\n";
        const jm::TextProblem p = only_text_problem(jm::import_mermaid(distinct));
        CHECK(p.line == 10'002);
        CHECK_THAT(p.message, Contains("the limit is 10,000 actors (personas) per map"));
    }
    SECTION("characters of one name") {
        const jm::TextProblem p = only_text_problem(
            jm::import_mermaid("journey\n  title ok\n  " + repeat("x", jm::limits::kMaxTextChars + 1) + ": 3\n"));
        CHECK(p.line == 3);
        CHECK(p.message == "the text is too long: 100,001 characters; the limit is 100,000 characters per field");
    }
}

TEST_CASE("CSV: cells, stages, touchpoints, personas, list entries and text over their limits", "[limits][csv]") {
    SECTION("cells of one row") {
        const jm::TextProblem p = only_text_problem(jm::import_csv("stage,title" + repeat(",", jm::limits::kMaxCsvColumns) + "\nA,B\n"));
        CHECK(p.line == 1);
        CHECK(p.message == "the row has more than 1,000 cells; the limit is 1,000 cells per row");
    }
    SECTION("stages") {
        std::string text = "stage,title\n";
        for (std::size_t i = 0; i <= jm::limits::kMaxStages; ++i) text += std::to_string(i) + "S,T\n";
        const jm::TextProblem p = only_text_problem(jm::import_csv(text));
        CHECK(p.where() == "row 10002, column 1");
        CHECK(p.message == "too many stages: the limit is 10,000 stages per map");
    }
    SECTION("touchpoints") {
        const jm::TextProblem p = only_text_problem(jm::import_csv("stage,title\n" + repeat("A,T\n", jm::limits::kMaxTouchpoints + 1)));
        CHECK(p.where() == "row 100002, column 2");
        CHECK(p.message == "too many touchpoints: the limit is 100,000 touchpoints per map");
    }
    SECTION("personas and list entries") {
        std::string text = "stage,title,personas\n";
        for (std::size_t i = 0; i <= jm::limits::kMaxPersonas; ++i) text += "A,T,P" + std::to_string(i) + "\n";
        CHECK_THAT(only_text_problem(jm::import_csv(text)).message, Contains("the limit is 10,000 personas per map"));
        const jm::TextProblem p = only_text_problem(jm::import_csv("stage,title,pains\nA,T,p" + repeat("|p", jm::limits::kMaxListItems) + "\n"));
        CHECK(p.where() == "row 2, column 3");
        CHECK(p.message == "too many entries: the limit is 10,000 entries per list (this file has 10,001)");
    }
    SECTION("characters of one cell") {
        const jm::TextProblem p =
            only_text_problem(jm::import_csv("stage,title,description\nA,T," + repeat("ç", jm::limits::kMaxTextChars + 1) + "\n"));
        CHECK(p.where() == "row 2, column 3");
        CHECK(p.message == "the text is too long: 100,001 characters; the limit is 100,000 characters per field");
    }
}

// Inputs that took quadratic time before (issue 10: a 1 MB Mermaid file did
// not finish in 2 minutes). Each now imports, or is refused at a limit; the
// test checks which, and what came out. tests/bench/bench_import.cpp times them.
TEST_CASE("hostile files of about 1 MB import or are refused, with the right result", "[limits][mermaid][csv]") {
    SECTION("Mermaid: 9,000 sections of one name get distinct ids") {
        const std::string text = "journey\n" + repeat("  section Awareness\n    Read the case study: 3: Ana\n", 9000);
        REQUIRE(text.size() > 400'000);
        const jm::MermaidImport r = jm::import_mermaid(text);
        REQUIRE(r.map);
        REQUIRE(r.map->stages.size() == 9000);
        CHECK(r.map->stages[8999].id == "stage-awareness-9000");
        CHECK(r.map->personas.size() == 1);
        CHECK(ids_unique(*r.map));
    }
    SECTION("Mermaid: 1 MB of sections of one name is refused at the stage limit") {
        const std::string text = "journey\n" + repeat("  section Awareness\n    Read: 3: Ana\n", 30000);
        REQUIRE(text.size() > 1'000'000);
        CHECK_THAT(only_text_problem(jm::import_mermaid(text)).message, Contains("10,000 sections"));
    }
    SECTION("Mermaid: actors whose names all make the same id") {
        // "Ana 丁", "Ana 七"...: distinct names, and every slug is "ana" (ids take ASCII letters and digits only).
        std::string text = "journey\n  section S\n";
        for (std::size_t i = 1; i <= 9000; ++i) {
            std::string name = "Ana ";
            for (std::size_t n = i; n > 0; n /= 64) name += "\xE4\xB8" + std::string(1, static_cast<char>(0x80 + n % 64));
            text += "    T: 3: " + name + "\n";
        }
        const jm::MermaidImport r = jm::import_mermaid(text);
        REQUIRE(r.map);
        CHECK(r.map->personas.size() == 9000);
        CHECK(ids_unique(*r.map));
    }
    SECTION("Mermaid: 1 MB of entity placeholders that never close") {
        const std::string text = "journey\n  " + repeat("\xEF\xAC\x82\xC2\xB0\xC2\xB0", 150'000) + ": 3\n";
        REQUIRE(text.size() > 1'000'000);
        CHECK_THAT(only_text_problem(jm::import_mermaid(text)).message, Contains("the text is too long: 450,000 characters"));
    }
    SECTION("Mermaid: 1 MB of blank lines, each once a scan to the end of the text") {
        const std::string text = "journey\n" + std::string(1'000'000, '\n') + "  section S\n    T: 3\n";
        const jm::MermaidImport r = jm::import_mermaid(text);
        REQUIRE(r.map);
        CHECK(r.map->stages.at(0).touchpoints.size() == 1);
        CHECK(jm::import_mermaid(text + "    X: 9\n").problems.at(0).line == 1'000'004);
    }
    SECTION("CSV: 1 MB of rows spread over 9,000 stages in turn") {
        std::string text = "stage,stage_order,title\n";
        for (std::size_t i = 0; text.size() < 1'000'000; ++i) {
            const std::string n = std::to_string(i % 9000 + 1);
            text += "Stage " + n + "," + n + ",A touchpoint with a title of ordinary length\n";
        }
        const jm::CsvImport r = jm::import_csv(text);
        REQUIRE(r.map);
        REQUIRE(r.map->stages.size() == 9000);
        CHECK(r.map->stages[0].name == "Stage 1");
        CHECK(r.map->stages[8999].name == "Stage 9000");
        CHECK(ids_unique(*r.map));
    }
    SECTION("CSV: one stage name, a new order on each row") {
        std::string text = "stage,stage_order,title\n";
        for (int i = 0; i < 6000; ++i) text += "A," + std::to_string(6000 - i) + ",T\nA,,U\n";
        const jm::CsvImport r = jm::import_csv(text);
        REQUIRE(r.map);
        REQUIRE(r.map->stages.size() == 6000);
        // Rows without an order join the first stage of that name (the one with order 6000, sorted last).
        CHECK(r.map->stages.back().touchpoints.size() == 6001);
        CHECK(ids_unique(*r.map));
    }
    SECTION("map JSON: 1 MB of '[' in an unknown field") {
        CHECK_THAT(only_problem(map_json("", "", ",\"x\":" + repeat("[", 1'000'000))).message, Contains("the limit is 64 levels"));
    }
}
