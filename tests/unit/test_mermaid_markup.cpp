// No text of a map becomes markup or a directive in the Mermaid export: HTML,
// "%%" comments and "%%{init}" directives, '#' entity codes, ':' and line
// breaks are written so that Mermaid shows them as text, and reads them back.
// (tests/e2e/mermaid_render.test.mjs renders tests/data/mermaid/tricky.journeymap.json,
// which holds these names too, with the real Mermaid.)
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "io/mermaid.h"

using Catch::Matchers::Contains;

namespace {

const std::vector<std::string> kHostile = {
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "&lt;b&gt;bold&lt;/b&gt; &amp; &#60;",
    "%%{init: {'theme':'dark', 'securityLevel':'loose'}}%%",
    "50% %%{init}%% off",
    "%% a comment?",
    "#58; and #amp; and #1234567; are entity codes",
    "Q3: goals: more",
    "first line\nsecond line\r\nthird",
    "accTitle: x",
    "title again",
    "section inside",
    "journey",
    "---",
    "<br>not a break<br/>",
    "}%%",
};

jm::Map map_named(const std::string& text) {
    jm::Map m;
    m.title = text;
    m.description = text;
    jm::Persona p;
    p.id = "p";
    p.name = text;
    m.personas = {p};
    jm::Stage s;
    s.name = text;
    jm::Touchpoint t;
    t.id = "t";
    t.title = text;
    t.persona_ids = {"p"};
    s.touchpoints = {t};
    m.stages = {s};
    return m;
}

// The export's lines after "journey", without their statement keyword.
std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::size_t b = 0;
    for (std::size_t e; (e = text.find('\n', b)) != std::string::npos; b = e + 1) out.push_back(text.substr(b, e - b));
    return out;
}

}  // namespace

TEST_CASE("Mermaid export: no map text becomes HTML, a directive, a comment or an extra line", "[mermaid][markup]") {
    for (const std::string& text : kHostile) {
        INFO(text);
        const std::string out = jm::export_mermaid(map_named(text));
        INFO(out);
        const std::vector<std::string> lines = lines_of(out);
        REQUIRE(lines.size() == 5);   // journey, title, accDescr, section, task: a line break never makes another
        CHECK(lines[0] == "journey");
        CHECK(lines[1].rfind("  title ", 0) == 0);
        CHECK(lines[2].rfind("  accDescr: ", 0) == 0);
        CHECK(lines[3].rfind("  section ", 0) == 0);
        CHECK(lines[4].rfind("    ", 0) == 0);
        CHECK(out.find("%%") == std::string::npos);   // neither a comment nor "%%{init}"
        CHECK(out.find('&') == std::string::npos);    // no HTML entity
        CHECK(out.find('\r') == std::string::npos);
        // No tag but Mermaid's own line break inside a section or task name.
        std::string tags = out;
        for (std::size_t p; (p = tags.find("<br>")) != std::string::npos;) tags.erase(p, 4);
        CHECK(tags.find_first_of("<>") == std::string::npos);
        // '#' only as the start of an entity code the exporter wrote ("#35;" for a '#' of the text).
        for (std::size_t p = out.find('#'); p != std::string::npos; p = out.find('#', p + 1)) {
            const std::size_t semi = out.find(';', p);
            REQUIRE(semi != std::string::npos);
            CHECK(out.find_first_not_of("0123456789", p + 1) == semi);
        }
    }
}

TEST_CASE("Mermaid export: hostile names read back exactly as they were", "[mermaid][markup]") {
    for (const std::string& text : kHostile) {
        INFO(text);
        const std::string out = jm::export_mermaid(map_named(text));
        INFO(out);
        const jm::MermaidImport r = jm::import_mermaid(out);
        for (const auto& p : r.problems) INFO(p.where() + ": " + p.message);
        REQUIRE(r.map);
        // Line breaks in stage and task names are Mermaid's <br>, read back as "\n" ("\r\n" becomes "\n").
        std::string in_names = text;
        for (std::size_t p; (p = in_names.find("\r\n")) != std::string::npos;) in_names.erase(p, 1);
        CHECK(r.map->title == text);
        CHECK(r.map->description == text);
        CHECK(r.map->stages.at(0).name == in_names);
        CHECK(r.map->stages[0].touchpoints.at(0).title == in_names);
        CHECK(r.map->personas.at(0).name == text);
    }
}

TEST_CASE("Mermaid export: the exact codes for HTML, directives, entities, ':' and line breaks", "[mermaid][markup]") {
    jm::Map m;
    m.title = "<script>: 100% & %%{init}%%";
    m.description = "a <b>\n#1;";
    jm::Stage s;
    s.name = "Plan: <i>";
    jm::Touchpoint t;
    t.id = "t";
    t.title = "x\ny & z #2";
    s.touchpoints = {t};
    m.stages = {s};
    CHECK(jm::export_mermaid(m) ==
          "journey\n"
          "  title #60;script#62;: 100% #38; #37;#37;{init}#37;#37;\n"
          "  accDescr: a #60;b#62;#10;#35;1;\n"
          "  section Plan#58; #60;i#62;\n"
          "    x<br>y #38; z #35;2: 4\n");
}
