// Mermaid journey diagrams: the examples of Mermaid's documentation, the text
// Mermaid reads in surprising ways, every rejection with its line, the exact
// escaping of export, and round trips map -> Mermaid -> map.
#include <catch2/catch.hpp>

#include <fstream>
#include <random>
#include <sstream>

#include "io/map_json.h"
#include "io/mermaid.h"
#include "support/large_map.h"

using Catch::Matchers::Contains;

namespace {

jm::Map imported(const std::string& text) {
    jm::MermaidImport r = jm::import_mermaid(text);
    INFO(text);
    for (const auto& p : r.problems) INFO(p.where() + ": " + p.message);
    REQUIRE(r.problems.empty());
    REQUIRE(r.map);
    return *r.map;
}

// The one problem of a text Mermaid rejects.
jm::TextProblem rejected(const std::string& text) {
    jm::MermaidImport r = jm::import_mermaid(text);
    INFO(text);
    REQUIRE_FALSE(r.map);
    REQUIRE(r.problems.size() == 1);
    return r.problems.front();
}

std::vector<std::string> titles(const jm::Stage& s) {
    std::vector<std::string> out;
    for (const auto& t : s.touchpoints) out.push_back(t.title);
    return out;
}

std::vector<std::string> actor_names(const jm::Map& m, const jm::Touchpoint& t) {
    std::vector<std::string> out;
    for (const auto& id : t.persona_ids) out.push_back(jm::find_persona(m, id)->name);
    return out;
}

jm::Map load_data(const std::string& relative) {
    std::ifstream f(std::string(JM_SOURCE_DIR) + "/tests/data/" + relative, std::ios::binary);
    std::ostringstream ss;
    ss << f.rdbuf();
    jm::LoadResult r = jm::load_map_json(ss.str());
    REQUIRE(r.ok());
    return *r.map;
}

jm::Touchpoint touchpoint(std::string id, std::string title, int emotion = 0, int friction = 0) {
    jm::Touchpoint t;
    t.id = std::move(id);
    t.title = std::move(title);
    t.emotion = emotion;
    t.friction = friction;
    return t;
}

// The lines after the header of an export.
std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

}  // namespace

TEST_CASE("Mermaid docs: 'My working day' becomes stages, touchpoints and personas", "[mermaid]") {
    const jm::Map m = imported(
        "journey\n"
        "    title My working day\n"
        "    section Go to work\n"
        "      Make tea: 5: Me\n"
        "      Go upstairs: 3: Me\n"
        "      Do work: 1: Me, Cat\n"
        "    section Go home\n"
        "      Go downstairs: 5: Me\n"
        "      Sit down: 5: Me\n");
    CHECK(m.title == "My working day");
    CHECK(m.lanes == jm::default_lanes());
    REQUIRE(m.stages.size() == 2);
    CHECK(m.stages[0].name == "Go to work");
    CHECK(m.stages[1].name == "Go home");
    CHECK(titles(m.stages[0]) == std::vector<std::string>{"Make tea", "Go upstairs", "Do work"});
    CHECK(titles(m.stages[1]) == std::vector<std::string>{"Go downstairs", "Sit down"});
    // score 5 -> emotion +2, friction 0; 3 -> 0, 2; 1 -> -2, 4
    const auto& tea = m.stages[0].touchpoints[0];
    const auto& upstairs = m.stages[0].touchpoints[1];
    const auto& work = m.stages[0].touchpoints[2];
    CHECK((tea.emotion == 2 && tea.friction == 0));
    CHECK((upstairs.emotion == 0 && upstairs.friction == 2));
    CHECK((work.emotion == -2 && work.friction == 4));
    REQUIRE(m.personas.size() == 2);
    CHECK((m.personas[0].id == "persona-me" && m.personas[0].name == "Me"));
    CHECK((m.personas[1].id == "persona-cat" && m.personas[1].name == "Cat"));
    CHECK(work.persona_ids == std::vector<std::string>{"persona-me", "persona-cat"});
    // Ids pass the loader: the map survives its own file format.
    const jm::LoadResult again = jm::load_map_json(jm::save_map_json(m));
    REQUIRE(again.ok());
    CHECK(*again.map == m);
}

TEST_CASE("Mermaid docs: accessibility title and description, Chinese example", "[mermaid]") {
    const jm::Map m = imported(
        "journey\n"
        "    accTitle: My working day journey\n"
        "    accDescr: Shows how my day goes\n"
        "    title 我工作一天\n"
        "    section 去公司\n"
        "      烧水: 5: 我\n"
        "      上楼: 3: 我\n"
        "      工作: 1: 我, 张三\n");
    CHECK(m.title == "我工作一天");
    CHECK(m.description == "Shows how my day goes");
    CHECK(m.stages.at(0).name == "去公司");
    CHECK(titles(m.stages[0]) == std::vector<std::string>{"烧水", "上楼", "工作"});
    // No ASCII letters to make a slug from: the persona's ordinal instead.
    REQUIRE(m.personas.size() == 2);
    CHECK(m.personas[0].id == "persona-1");
    CHECK(m.personas[1].id == "persona-2");
    CHECK(actor_names(m, m.stages[0].touchpoints[2]) == std::vector<std::string>{"我", "张三"});
}

TEST_CASE("Mermaid: tasks before any section go to a first stage with no name", "[mermaid]") {
    const jm::Map m = imported("journey\nMake tea: 5: Me\nsection Later\nRest: 4\n");
    REQUIRE(m.stages.size() == 2);
    CHECK(m.stages[0].name.empty());
    CHECK(titles(m.stages[0]) == std::vector<std::string>{"Make tea"});
    CHECK(m.stages[1].name == "Later");
    CHECK(m.title == "Imported journey");
    // ... and such a stage is written back without a section line.
    CHECK(jm::export_mermaid(m) == "journey\n  title Imported journey\n    Make tea: 5: Me\n  section Later\n    Rest: 4\n");
}

TEST_CASE("Mermaid: empty sections are kept as empty stages", "[mermaid]") {
    const jm::Map m = imported("journey\n  section A\n  section B\n    X: 1\n  section C\n");
    REQUIRE(m.stages.size() == 3);
    CHECK(m.stages[0].touchpoints.empty());
    CHECK(m.stages[2].touchpoints.empty());
    CHECK(m.stages[2].name == "C");
}

TEST_CASE("Mermaid: comments, blank lines, indentation and line ends as Mermaid reads them", "[mermaid]") {
    const jm::Map m = imported(
        "%% leading comment\r\n\r\n"
        "%%{init: {'theme': 'forest'}}%%\r\n"
        "journey\r\n"
        "\ttitle Day %% kept: a title ends at a hash # this is a comment\r\n"
        "  %% a whole-line comment\r\n"
        "\r\n"
        "\t\tsection Work # a comment after '#'\r\n"
        "\t\t  Type: 2: Me %% kept too\r\n");
    CHECK(m.title == "Day %% kept: a title ends at a hash");
    REQUIRE(m.stages.size() == 1);
    CHECK(m.stages[0].name == "Work");
    CHECK(actor_names(m, m.stages[0].touchpoints.at(0)) == std::vector<std::string>{"Me %% kept too"});
}

TEST_CASE("Mermaid: multi-line accDescr, front matter title, later title wins", "[mermaid]") {
    const jm::Map m = imported(
        "---\ntitle: From front matter\nconfig:\n  theme: dark\n---\n"
        "journey\n"
        "  accDescr {\n    First line\n       second line\n  }\n"
        "  section A\n    X: 4\n");
    CHECK(m.title == "From front matter");
    CHECK(m.description == "First line\nsecond line");
    CHECK(imported("journey\n  title One\n  section A\n    X: 4\n  title Two\n").title == "Two");
}

TEST_CASE("Mermaid: entity codes, <br>, spaces around names, emoji", "[mermaid]") {
    const jm::Map m = imported(
        "journey\n"
        "  section Plan#58; v2 😀\n"
        "    Price#58; 5#59; tax #35;3: 3: Ana#44; CFO ,  Bob  \n"
        "    #amp; R#38;D #foo; #128512;: 2\n"
        "    One<br>two<BR/>three: 4\n"
        "    Title#58; x : 5\n");
    const jm::Stage& s = m.stages.at(0);
    CHECK(s.name == "Plan: v2 😀");
    REQUIRE(s.touchpoints.size() == 4);
    CHECK(s.touchpoints[0].title == "Price: 5; tax #3");
    CHECK(actor_names(m, s.touchpoints[0]) == std::vector<std::string>{"Ana, CFO", "Bob"});
    CHECK(s.touchpoints[1].title == "& R&D &foo; \xF0\x9F\x98\x80");   // an unknown name shows as the browser shows it
    CHECK(s.touchpoints[2].title == "One\ntwo\nthree");
    CHECK(s.touchpoints[3].title == "Title: x");
}

TEST_CASE("Mermaid: lines that are valid but read oddly are read as Mermaid reads them", "[mermaid]") {
    // A line starting with "title " is a title, whatever follows.
    const jm::Map a = imported("journey\n  section A\n    Title page: 3: Me\n");
    CHECK(a.title == "page: 3: Me");
    CHECK(a.stages.at(0).touchpoints.empty());
    // "%" at the start of a line, or "%%" after its first character, comments it out.
    const jm::Map b = imported("journey\n  section A\n    50% done: 3\n    %discount: 3\n    a%%b: 3\n");
    CHECK(titles(b.stages.at(0)) == std::vector<std::string>{"50% done"});
    // Parts after a second ':' are ignored, empty actors too; a score may be written 5.0.
    const jm::Map c = imported("journey\n  section A\n    X: 5.0: Me: extra\n    Y: 2: , You,\n");
    CHECK(actor_names(c, c.stages.at(0).touchpoints[0]) == std::vector<std::string>{"Me"});
    CHECK(c.stages[0].touchpoints[0].emotion == 2);
    CHECK(actor_names(c, c.stages[0].touchpoints[1]) == std::vector<std::string>{"You"});
}

TEST_CASE("Mermaid: every line Mermaid rejects is reported with its line number", "[mermaid]") {
    struct Case {
        std::string text;
        int line;
        std::string says;
    };
    const std::vector<Case> cases = {
        {"journey\n  section A: b\n    X: 4: Me\n", 2, "section name cannot contain ':'"},
        {"journey\n  section A\n    Section review: 3: Me\n", 3, "#115;"},
        {"journey\n  section A\n    Issue #12 raised: 3: Me\n", 3, "task 'Issue' has no score: '#' starts a comment"},
        {"journey\n  section A\n    Pay; now: 3: Me\n", 3, "#59;"},
        {"journey\n  section A\n    Pay: 3: Me; You\n", 3, "';' ends the text"},
        {"journey\n  section A\n    X:\n", 3, "task 'X' has no score"},
        {"journey\n  section A\n    Just a name\n", 3, "task 'Just a name' has no score"},
        {"journey\n  section A\n    : 3: Me\n", 3, "needs a name before ':'"},
        {"journey\n  section A\n    Journey planning: 3\n", 3, "#74;ourney"},
        {"journey\n  section A\n    X: 7: Me\n", 3, "score must be a whole number from 1 to 5, got '7'"},
        {"journey\n  section A\n    X: 0\n", 3, "got '0'"},
        {"journey\n  section A\n    X: 2.5\n", 3, "got '2.5'"},
        {"journey\n  section A\n    X: high: Me\n", 3, "got 'high'"},
        {"journey\n  accDescr {\n    never closed\n  section A\n    X: 4\n", 2, "'accDescr {' is not closed"},
        {"journey\n  section A\n    X: 4\n  accTitle:", 4, "'accTitle:' needs its text"},
        {"journey\n  section A\n    X: 3\n}\n", 4, "task '}' has no score"},
        {"flowchart TD\n  A-->B\n", 1, "not a Mermaid journey diagram"},
        {"Journey\n  section A\n", 1, "(lower case)"},
        {"journeyX\n", 1, "the first statement must be 'journey'"},
        {"\n  %% nothing\n", 1, "the text is empty"},
        // Lines are those of the file as given, whatever Mermaid's clean-up removes.
        {"---\ntitle: T\n---\n%% a\n%%{init: {}}%%\n\njourney\n  section A\n    X: 9\n", 9, "got '9'"},
        {"journey\r\n  section A\r\n\r\n    X: 9\r\n", 4, "got '9'"},
        {"journey\r  section A\r    X: 9\r", 3, "got '9'"},
    };
    for (const auto& c : cases) {
        const jm::TextProblem p = rejected(c.text);
        CHECK(p.line == c.line);
        CHECK(p.column == 0);
        CHECK(p.where() == "line " + std::to_string(c.line));
        CHECK_THAT(p.message, Contains(c.says));
    }
}

TEST_CASE("Mermaid: all problems are reported, and nothing is half-imported", "[mermaid]") {
    const jm::MermaidImport r = jm::import_mermaid("journey\n  section A: x\n    Good: 5: Me\n    Bad: 6\n    Also bad\n    Fine: 1\n");
    CHECK_FALSE(r.map);
    REQUIRE(r.problems.size() == 3);
    CHECK(r.problems[0].line == 2);
    CHECK(r.problems[1].line == 4);
    CHECK(r.problems[2].line == 5);
}

TEST_CASE("Mermaid export: score from emotion and friction, by the documented rule", "[mermaid]") {
    // score = floor((emotion + 3 + clamp(5 - friction, 1, 5)) / 2), worked by hand:
    struct Case {
        int emotion, friction, score;
    };
    const std::vector<Case> cases = {
        {2, 0, 5}, {0, 2, 3}, {-2, 4, 1},   // agreeing pairs give the score they came from
        {1, 1, 4}, {-1, 3, 2},
        {0, 5, 2},    // (3 + 1) / 2: friction 5 counts as score 1
        {2, 5, 3},    // (5 + 1) / 2
        {-2, 0, 3},   // (1 + 5) / 2
        {1, 0, 4},    // (4 + 5) / 2 = 4.5, rounded down: disagreement leans to the worse score
        {0, 0, 4},    // (3 + 5) / 2
        {-1, 2, 2},   // (2 + 3) / 2 = 2.5 -> 2
    };
    for (const auto& c : cases) {
        jm::Map m;
        m.stages.push_back({});
        m.stages[0].name = "S";
        m.stages[0].touchpoints.push_back(touchpoint("t", "T", c.emotion, c.friction));
        INFO("emotion " << c.emotion << ", friction " << c.friction);
        CHECK(lines_of(jm::export_mermaid(m)).back() == "    T: " + std::to_string(c.score));
    }
}

TEST_CASE("Mermaid export: text Mermaid would misread is written as entity codes", "[mermaid]") {
    jm::Map m;
    m.title = "Q3: #1; <map> & co";
    m.description = "Line 1\n  indented; #2";
    m.personas = {{}, {}, {}};
    m.personas[0].id = "a", m.personas[0].name = "Ana, CFO";
    m.personas[1].id = "b", m.personas[1].name = " Bob: buyer ";
    m.personas[2].id = "c", m.personas[2].name = "张三";
    jm::Stage s;
    s.name = "Awareness: first look";
    s.touchpoints = {touchpoint("t1", "Price: 5€; tax #3"), touchpoint("t2", "Title page"), touchpoint("t3", " leading"),
                     touchpoint("t4", "Line one\nLine two"), touchpoint("t5", "a < b > c & d"), touchpoint("t6", "%discount"),
                     touchpoint("t7", "50% off, a%%b"), touchpoint("t8", ""), touchpoint("t9", "accDescr {x}"),
                     touchpoint("t10", "section 2"), touchpoint("t11", "journey"), touchpoint("t12", "journeys")};
    s.touchpoints[0].persona_ids = {"a", "b", "c", "missing"};
    m.stages = {s};
    CHECK(jm::export_mermaid(m) ==
          "journey\n"
          "  title Q3: #35;1#59; #60;map#62; #38; co\n"
          "  accDescr: Line 1#10;  indented; #35;2\n"
          "  section Awareness#58; first look\n"
          "    Price#58; 5€#59; tax #35;3: 4: Ana#44; CFO, #32;Bob#58; buyer#32;, 张三\n"
          "    #84;itle page: 4\n"
          "    #32;leading: 4\n"
          "    Line one<br>Line two: 4\n"
          "    a #60; b #62; c #38; d: 4\n"
          "    #37;discount: 4\n"
          "    50% off, a#37;#37;b: 4\n"
          "    (untitled): 4\n"
          "    #97;ccDescr {x}: 4\n"
          "    #115;ection 2: 4\n"
          "    #106;ourney: 4\n"
          "    journeys: 4\n");
}

TEST_CASE("Mermaid round trip: the tricky map keeps stages, order, titles, scores and actors", "[mermaid]") {
    const jm::Map original = load_data("mermaid/tricky.journeymap.json");
    const std::string text = jm::export_mermaid(original);
    const jm::Map back = imported(text);
    CHECK(back.title == original.title);
    CHECK(back.description == original.description);
    REQUIRE(back.stages.size() == original.stages.size());
    for (std::size_t s = 0; s < original.stages.size(); ++s) {
        const auto& a = original.stages[s];
        const auto& b = back.stages[s];
        CHECK(b.name == (a.name.empty() && s > 0 ? "(unnamed stage)" : a.name));
        REQUIRE(b.touchpoints.size() == a.touchpoints.size());
        for (std::size_t t = 0; t < a.touchpoints.size(); ++t) {
            CHECK(b.touchpoints[t].title == (a.touchpoints[t].title.empty() ? "(untitled)" : a.touchpoints[t].title));
            CHECK(actor_names(back, b.touchpoints[t]) == actor_names(original, a.touchpoints[t]));
        }
    }
    CHECK(jm::export_mermaid(back) == text);   // a fixed point: scores and escaping survive
    CHECK(jm::load_map_json(jm::save_map_json(back)).ok());
}

TEST_CASE("Mermaid round trip: random names made of the characters that break diagrams", "[mermaid]") {
    const std::vector<std::string> pieces = {
        ":", "#", ";", ",", "%", "%%", "%%{init: {}}%%", "<", ">", "&", "<br>", "#58;", "#amp;", "\n", "\t", " ",
        "\xC2\xA0", "\xE3\x80\x80", "{", "}", "title ", "section ", "journey", "accTitle:", "accDescr{", "accDescr:",
        "ﬂ°°5¶ß", "云", "😀", "é", "a", "Z", "7", "'", "\"", "\\", "=", "-"};
    std::mt19937 rng(7);
    auto random_text = [&] {
        std::string s;
        const int n = std::uniform_int_distribution<int>(1, 6)(rng);
        for (int i = 0; i < n; ++i) s += pieces[std::uniform_int_distribution<std::size_t>(0, pieces.size() - 1)(rng)];
        return s;
    };
    for (int round = 0; round < 300; ++round) {
        jm::Map m;
        m.title = random_text();
        m.description = random_text();
        jm::Persona p;
        p.id = "p", p.name = random_text();
        m.personas = {p};
        for (int s = 0; s < 2; ++s) {
            jm::Stage& stage = m.stages.emplace_back();
            stage.name = random_text();
            for (int t = 0; t < 3; ++t) {
                stage.touchpoints.push_back(touchpoint("t" + std::to_string(s * 3 + t), random_text()));
                stage.touchpoints.back().persona_ids = {"p"};
            }
        }
        const std::string text = jm::export_mermaid(m);
        const jm::MermaidImport r = jm::import_mermaid(text);
        INFO(text);
        for (const auto& problem : r.problems) INFO(problem.where() + ": " + problem.message);
        REQUIRE(r.map);
        CHECK(r.map->title == m.title);
        CHECK(r.map->description == m.description);
        REQUIRE(r.map->stages.size() == 2);
        for (int s = 0; s < 2; ++s) {
            CHECK(r.map->stages[s].name == m.stages[s].name);
            CHECK(titles(r.map->stages[s]) == titles(m.stages[s]));
            CHECK(actor_names(*r.map, r.map->stages[s].touchpoints[0]) == std::vector<std::string>{p.name});
        }
    }
}

TEST_CASE("Mermaid round trip: a 1,000-touchpoint map", "[mermaid]") {
    const jm::Map original = jm::testing::make_large_map({10, 1000, 12, 3});
    const jm::Map back = imported(jm::export_mermaid(original));
    REQUIRE(back.stages.size() == original.stages.size());
    REQUIRE(jm::touchpoint_count(back) == 1000);
    for (std::size_t s = 0; s < original.stages.size(); ++s) {
        CHECK(back.stages[s].name == original.stages[s].name);
        CHECK(titles(back.stages[s]) == titles(original.stages[s]));
    }
    CHECK(jm::load_map_json(jm::save_map_json(back)).ok());
}

// Line numbers survive every clean-up step, each removing text: comments,
// directives over several lines, entity codes, CRLF, front matter.
TEST_CASE("Mermaid: a problem after removed text still names the line of the file", "[mermaid]") {
    const std::vector<std::pair<std::string, int>> cases = {
        {"journey\n  %% c1\n  section A#58;x\n  %%{init: {}}%%\n    #35;a: 3\n  %% c\n    X: 9\n", 7},
        {"journey\n%%{init:\n {'theme': 'dark'}\n}%%\n  section A\n    X: 9\n", 6},
        {"journey\r\n  %% c\r\n  title #1;#2;#3;\r\n\r\n  section #58;#58;\r\n    A#59;: 3: #44;\r\n    X: 9\r\n", 7},
        {"---\ntitle: T\n---\njourney\n  accDescr {\n    one\n    two\n  }\n    X: 9\n", 9},
    };
    for (const auto& [text, line] : cases) {
        INFO(text);
        CHECK(rejected(text).line == line);
    }
}
