// `journeymap diff`, `journeymap merge` and `journeymap changes`, run as a user runs them: exit
// codes, the report (text and JSON), and no file written while a conflict is open.
#include <catch2/catch.hpp>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "edit/map_change.h"
#include "edit/map_diff.h"
#include "io/map_json.h"
#include "io/templates.h"
#include "support/cli_run.h"

using Catch::Matchers::Contains;
using jm::testing::Run;
using jm::testing::shell_quote;
using jm::testing::slurp;
using jm::testing::TempDir;
namespace fs = std::filesystem;

namespace {

Run cli(const TempDir& dir, const std::string& args) { return jm::testing::run_cli(dir, args); }

jm::Map workshop_map() {
    for (const auto& t : jm::embedded_templates())
        if (std::string(t.name) == "saas-journey.en") return *jm::load_map_json(t.json).map;
    FAIL("template saas-journey.en missing");
    return {};
}

jm::Touchpoint& first_card(jm::Map& m) { return m.stages[0].touchpoints[0]; }
jm::Touchpoint first_card(const jm::Map& m) { return m.stages[0].touchpoints[0]; }

struct Files {
    std::string base, ours, theirs, other, out;
};

// BASE, OURS with a new card, THEIRS with another card and the first card's
// title changed, OTHER changing that title too (a conflict with THEIRS).
Files workshop(const TempDir& dir) {
    jm::Map base = workshop_map();
    jm::Map ours = base, theirs = base, other = base;
    ours.stages[0].touchpoints.push_back(jm::Touchpoint{.id = "tp-ours-1", .title = "Group A card"});
    theirs.stages[1].touchpoints.push_back(jm::Touchpoint{.id = "tp-theirs-1", .title = "Group B card"});
    first_card(theirs).title = "Title from group B";
    first_card(other).title = "Title from group C";
    return {dir.file("base.journeymap.json", jm::save_map_json(base)), dir.file("a.journeymap.json", jm::save_map_json(ours)),
            dir.file("b.journeymap.json", jm::save_map_json(theirs)), dir.file("c.journeymap.json", jm::save_map_json(other)),
            dir.path + "/merged.journeymap.json"};
}

jm::Map read_map(const std::string& path) {
    jm::LoadResult r = jm::load_map_json(slurp(path));
    REQUIRE(r.ok());
    return *r.map;
}

}  // namespace

TEST_CASE("diff: exit 0 for the same map, 1 for different maps, with counts and lines", "[cli][diff]") {
    TempDir dir;
    const Files f = workshop(dir);
    Run same = cli(dir, "diff " + shell_quote(f.base) + " " + shell_quote(f.base));
    CHECK(same.code == 0);
    CHECK(same.out == "The maps are the same.\n");
    Run r = cli(dir, "diff " + shell_quote(f.base) + " " + shell_quote(f.theirs));
    CHECK(r.code == 1);
    CHECK_THAT(r.out, Contains("Touchpoints: +1 -0 >0 ~1"));
    CHECK_THAT(r.out, Contains("+ Touchpoint \"Group B card\" (tp-theirs-1)"));
    CHECK_THAT(r.out, Contains("· title: "));
    CHECK_THAT(r.out, Contains("2 changes"));
}

TEST_CASE("diff: --format json parses and says what changed", "[cli][diff]") {
    TempDir dir;
    const Files f = workshop(dir);
    Run r = cli(dir, "diff --format json " + shell_quote(f.base) + " " + shell_quote(f.ours));
    CHECK(r.code == 1);
    const nlohmann::json j = nlohmann::json::parse(r.out);
    CHECK(j["equal"] == false);
    CHECK(j["counts"]["touchpoints"]["added"] == 1);
    REQUIRE(j["changes"].size() == 1);
    CHECK(j["changes"][0]["op"] == "add");
    CHECK(j["changes"][0]["new"]["title"] == "Group A card");
}

TEST_CASE("diff: wrong arguments exit 2, an unreadable file 3", "[cli][diff]") {
    TempDir dir;
    const Files f = workshop(dir);
    CHECK(cli(dir, "diff " + shell_quote(f.base)).code == 2);
    CHECK(cli(dir, "diff --format xml " + shell_quote(f.base) + " " + shell_quote(f.ours)).code == 2);
    CHECK(cli(dir, "diff " + shell_quote(f.base) + " " + shell_quote(dir.path + "/missing.json")).code == 3);
    const std::string bad = dir.file("bad.json", "{\"format\": \"journeymap\"}");
    CHECK(cli(dir, "diff " + shell_quote(f.base) + " " + shell_quote(bad)).code == 2);
}

TEST_CASE("merge: every group's cards end up in the written file", "[cli][merge]") {
    TempDir dir;
    const Files f = workshop(dir);
    Run r = cli(dir, "merge " + shell_quote(f.base) + " " + shell_quote(f.ours) + " " + shell_quote(f.theirs) + " -o " +
                         shell_quote(f.out));
    REQUIRE(r.code == 0);
    CHECK_THAT(r.out, Contains("2 files merged"));
    jm::Map m = read_map(f.out);
    CHECK(jm::find_touchpoint(m, "tp-ours-1") != nullptr);
    CHECK(jm::find_touchpoint(m, "tp-theirs-1") != nullptr);
    CHECK(first_card(m).title == "Title from group B");
    // The same inputs give the same bytes.
    const std::string first = slurp(f.out);
    REQUIRE(cli(dir, "merge " + shell_quote(f.base) + " " + shell_quote(f.ours) + " " + shell_quote(f.theirs) + " -o " +
                         shell_quote(f.out))
                .code == 0);
    CHECK(slurp(f.out) == first);
}

TEST_CASE("merge: a conflict exits 1, prints both values and writes nothing", "[cli][merge]") {
    TempDir dir;
    const Files f = workshop(dir);
    const std::string args = "merge " + shell_quote(f.base) + " " + shell_quote(f.ours) + " " + shell_quote(f.theirs) + " " +
                             shell_quote(f.other) + " -o " + shell_quote(f.out);
    Run r = cli(dir, args);
    CHECK(r.code == 1);
    CHECK_FALSE(fs::exists(f.out));
    CHECK_FALSE(fs::exists(f.out + ".tmp~"));
    CHECK_THAT(r.out, Contains("Conflict 1:") && Contains("· title") && Contains("ours: Title from group B") &&
                          Contains("theirs: Title from group C") && Contains("nothing was written"));

    Run j = cli(dir, args + " --format json");
    CHECK(j.code == 1);
    CHECK_FALSE(fs::exists(f.out));
    const nlohmann::json report = nlohmann::json::parse(j.out);
    CHECK(report["written"] == false);
    CHECK(report["unresolved"] == 1);
    REQUIRE(report["conflicts"].size() == 1);
    CHECK(report["conflicts"][0]["field"] == "title");
    CHECK(report["conflicts"][0]["side"] == 2);
    CHECK(report["conflicts"][0]["ours"] == "Title from group B");
    CHECK(report["conflicts"][0]["theirs"] == "Title from group C");

    SECTION("--prefer theirs: the file merged in wins, and the file is written") {
        Run p = cli(dir, args + " --prefer theirs");
        REQUIRE(p.code == 0);
        CHECK(first_card(read_map(f.out)).title == "Title from group C");
    }
    SECTION("--prefer ours: the merge so far wins") {
        Run p = cli(dir, args + " --prefer ours --format json");
        REQUIRE(p.code == 0);
        CHECK(nlohmann::json::parse(p.out)["written"] == true);
        CHECK(first_card(read_map(f.out)).title == "Title from group B");
    }
}

TEST_CASE("merge: --base none is a two-way merge, wrong arguments exit 2", "[cli][merge]") {
    TempDir dir;
    const Files f = workshop(dir);
    Run r = cli(dir, "merge --base none " + shell_quote(f.ours) + " " + shell_quote(f.theirs) + " -o " + shell_quote(f.out));
    // Two-way: the first card's title differs and nothing says which is newer.
    CHECK(r.code == 1);
    CHECK_FALSE(fs::exists(f.out));
    Run p = cli(dir, "merge --base none " + shell_quote(f.ours) + " " + shell_quote(f.theirs) + " -o " + shell_quote(f.out) +
                         " --prefer ours");
    REQUIRE(p.code == 0);
    jm::Map m = read_map(f.out);
    CHECK(jm::find_touchpoint(m, "tp-ours-1") != nullptr);
    CHECK(jm::find_touchpoint(m, "tp-theirs-1") != nullptr);

    CHECK(cli(dir, "merge " + shell_quote(f.base) + " " + shell_quote(f.ours) + " " + shell_quote(f.theirs)).code == 2);
    CHECK(cli(dir, "merge " + shell_quote(f.base) + " " + shell_quote(f.ours) + " -o " + shell_quote(f.out)).code == 2);
    CHECK(cli(dir, "merge " + shell_quote(f.base) + " " + shell_quote(f.ours) + " " + shell_quote(f.theirs) +
                       " -o x.json --prefer mine")
              .code == 2);
}

TEST_CASE("changes: a map as the changes that build it, which rebuild it exactly", "[cli][changes]") {
    TempDir dir;
    const Files f = workshop(dir);
    Run r = cli(dir, "changes " + shell_quote(f.base));
    REQUIRE(r.code == 0);
    const nlohmann::json j = nlohmann::json::parse(r.out);
    const jm::Map base = read_map(f.base);
    CHECK(j["map"]["id"] == base.id);
    CHECK(j["map"]["title"] == base.title);
    jm::Map rebuilt;
    rebuilt.id = base.id;
    std::vector<jm::Change> changes;
    for (const auto& c : j["changes"]) changes.push_back(*jm::change_from_json(c));
    CHECK(jm::apply_change_list(rebuilt, changes) == changes.size());
    CHECK(jm::diff(rebuilt, base).equal());
    CHECK(cli(dir, "changes").code == 2);
    CHECK(cli(dir, "changes " + shell_quote(dir.path + "/missing.json")).code == 3);
}
