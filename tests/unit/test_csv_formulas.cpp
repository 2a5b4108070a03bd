// CSV injection (OWASP): text cells a spreadsheet would run as a formula are
// exported with a leading apostrophe, and the project's own CSV reads back
// exactly; number columns are left alone.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "io/csv.h"
#include "io/map_json.h"

namespace {

constexpr const char* kHeader =
    "stage,stage_order,title,description,channel,owner,personas,friction,emotion,pains,opportunities,nps,csat,ces\r\n";

// The titles the issue names, and their neighbours: what each must look like in the file.
struct Expected {
    std::string title;
    std::string cell;   // as written in the CSV, quoting included
};
const std::vector<Expected> kTitles = {
    {"=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""},
    {"+1", "'+1"},
    {"-x", "'-x"},
    {"@SUM(A1)", "'@SUM(A1)"},
    {"'=already", "''=already"},
    {"''-twice", "'''-twice"},
    {"\tled by a tab", "'\tled by a tab"},
    {"\rled by a CR", "\"'\rled by a CR\""},
    {"'plain apostrophe", "'plain apostrophe"},   // no formula after the apostrophes: left alone
    {"a = b", "a = b"},
    {"'", "'"},
};

jm::Map map_with_titles() {
    jm::Map m;
    m.id = "m";
    m.title = "Formulas";
    jm::Stage s;
    s.id = "s";
    s.name = "=stage";
    for (std::size_t i = 0; i < kTitles.size(); ++i) {
        jm::Touchpoint t;
        t.id = "t-";
        t.id += std::to_string(i);   // not "t" + ...: gcc 12 -O3 warns falsely (-Wrestrict) on that
        t.title = kTitles[i].title;
        t.emotion = -1;
        s.touchpoints.push_back(t);
    }
    m.stages.push_back(s);
    return m;
}

std::vector<std::string> lines(const std::string& csv) {
    std::vector<std::string> out;
    std::size_t b = 0;
    for (std::size_t e; (e = csv.find("\r\n", b)) != std::string::npos; b = e + 2) out.push_back(csv.substr(b, e - b));
    return out;
}

}  // namespace

TEST_CASE("CSV export: a text cell that starts like a formula gets one apostrophe, numbers do not", "[csv][formulas]") {
    const std::vector<std::string> rows = lines(jm::export_csv(map_with_titles()));
    REQUIRE(rows.size() == kTitles.size() + 1);
    CHECK(rows[0] + "\r\n" == std::string("\xEF\xBB\xBF") + kHeader);
    for (std::size_t i = 0; i < kTitles.size(); ++i) {
        INFO(kTitles[i].title);
        CHECK(rows[i + 1] == "'=stage,1," + kTitles[i].cell + ",,,,,0,-1,,,,,");
    }
}

TEST_CASE("CSV export: every text column is neutralised, lists by their first entry", "[csv][formulas]") {
    jm::Map m;
    m.id = "m";
    m.personas = {{}};
    m.personas[0].id = "p";
    m.personas[0].name = "@evil";
    jm::Stage s;
    s.name = "-Stage";
    jm::Touchpoint t;
    t.id = "t";
    t.title = "Title";
    t.description = "=cmd|' /C calc'!A0";
    t.channel = "+channel";
    t.owner = "@owner";
    t.persona_ids = {"p"};
    t.pains = {"-2+3", "ok"};
    t.opportunities = {"fine", "=later entries are inside the cell"};
    t.friction = 2;
    t.emotion = -2;
    s.touchpoints = {t};
    m.stages = {s};
    CHECK(jm::export_csv(m) == std::string("\xEF\xBB\xBF") + kHeader +
                                   "'-Stage,1,Title,'=cmd|' /C calc'!A0,'+channel,'@owner,'@evil,2,-2,'-2+3 | ok,"
                                   "fine | =later entries are inside the cell,,,\r\n");
}

TEST_CASE("CSV import takes off the apostrophe export added, so the project's CSV round-trips exactly", "[csv][formulas]") {
    const jm::Map original = map_with_titles();
    const jm::CsvImport back = jm::import_csv(jm::export_csv(original));
    REQUIRE(back.map);
    REQUIRE(back.map->stages.size() == 1);
    CHECK(back.map->stages[0].name == "=stage");
    REQUIRE(back.map->stages[0].touchpoints.size() == kTitles.size());
    for (std::size_t i = 0; i < kTitles.size(); ++i) {
        INFO(kTitles[i].title);
        CHECK(back.map->stages[0].touchpoints[i].title == kTitles[i].title);
        CHECK(back.map->stages[0].touchpoints[i].emotion == -1);
    }
    // And every other text column, lists included.
    const std::string csv = std::string("stage,title,description,channel,owner,personas,pains,opportunities\r\n") +
                            "'-S,T,'=d,'+c,'@o,'@p; '=q,'-a | b,''=x\r\n";
    const jm::CsvImport r = jm::import_csv(csv);
    REQUIRE(r.map);
    const jm::Touchpoint& t = r.map->stages.at(0).touchpoints.at(0);
    CHECK(r.map->stages[0].name == "-S");
    CHECK(t.description == "=d");
    CHECK(t.channel == "+c");
    CHECK(t.owner == "@o");
    CHECK(r.map->personas.at(0).name == "@p");
    CHECK(r.map->personas.at(1).name == "'=q");   // only the cell's start is neutralised, so only it is restored
    CHECK(t.pains == std::vector<std::string>{"-a", "b"});
    CHECK(t.opportunities == std::vector<std::string>{"'=x"});
    CHECK(jm::export_csv(*r.map).find("'-S,1,T,'=d,'+c,'@o,'@p; '=q,0,0,'-a | b,''=x,,,") != std::string::npos);
}

TEST_CASE("CSV import: an apostrophe before anything but a formula is text", "[csv][formulas]") {
    const jm::CsvImport r = jm::import_csv("stage,title,description\r\nA,'quoted',' leading space\r\n");
    REQUIRE(r.map);
    CHECK(r.map->stages[0].touchpoints[0].title == "'quoted'");
    CHECK(r.map->stages[0].touchpoints[0].description == "' leading space");
}
