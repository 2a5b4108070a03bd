// `journeymap convert`, run as a user runs it: formats from extensions or
// options, standard input and output, problems on standard error as
// "FILE: line 3: ..." and the exit codes of cli/command.h.
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>

#include "io/csv.h"
#include "io/map_json.h"
#include "io/mermaid.h"
#include "support/cli_run.h"

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
namespace fs = std::filesystem;

namespace {

using jm::testing::data_path;
using jm::testing::Run;
using jm::testing::shell_quote;
using jm::testing::slurp;
using jm::testing::TempDir;

Run convert(const TempDir& dir, const std::string& args, const std::string& stdin_path = "/dev/null") {
    return jm::testing::run_cli(dir, "convert " + args, stdin_path);
}

jm::Map load(const std::string& json) {
    jm::LoadResult r = jm::load_map_json(json);
    REQUIRE(r.ok());
    return *r.map;
}

}  // namespace

TEST_CASE("convert: a Mermaid file becomes a valid map file with a fresh identity", "[convert]") {
    TempDir dir;
    const std::string out = dir.path + "/day.json";
    Run r = convert(dir, shell_quote(data_path("mermaid/working-day.mmd")) + " " + shell_quote(out));
    REQUIRE(r.code == 0);
    CHECK(r.out.empty());
    CHECK(r.err.empty());
    const jm::Map m = load(slurp(out));
    CHECK(m.title == "My working day");
    REQUIRE(m.stages.size() == 2);
    CHECK(m.stages[0].touchpoints.size() == 3);
    CHECK_THAT(m.id, StartsWith("map-"));
    CHECK(m.id != "map-imported");
    CHECK(m.created.size() == 20);   // "2026-11-22T10:00:00Z"
    CHECK(m.created == m.modified);
}

TEST_CASE("convert: a map file to Mermaid and CSV on standard output", "[convert]") {
    TempDir dir;
    const std::string json = jm::save_map_json(*jm::import_mermaid(slurp(data_path("mermaid/working-day.mmd"))).map);
    const std::string in = dir.file("day.json", json);
    Run mmd = convert(dir, shell_quote(in) + " - --to mermaid");
    REQUIRE(mmd.code == 0);
    CHECK(mmd.out ==
          "journey\n  title My working day\n  section Go to work\n    Make tea: 5: Me\n    Go upstairs: 3: Me\n"
          "    Do work: 1: Me, Cat\n  section Go home\n    Go downstairs: 5: Me\n    Sit down: 5: Me\n");
    Run csv = convert(dir, shell_quote(in) + " - --to=csv");
    REQUIRE(csv.code == 0);
    CHECK(csv.out == jm::export_csv(load(json)));
}

TEST_CASE("convert: standard input with --from, extensions in any case, --from over the extension", "[convert]") {
    TempDir dir;
    Run r = convert(dir, "- - --from csv --to mermaid", data_path("csv/touchpoints.csv"));
    REQUIRE(r.code == 0);
    CHECK(r.out ==
          "journey\n  title Imported journey\n  section Awareness\n    Search, then compare: 3: Champion\n"
          "    Webinar: 4: Champion\n  section Decision\n    Security review: 1: Champion, CFO\n");
    const std::string upper = dir.file("DAY.MMD", slurp(data_path("mermaid/working-day.mmd")));
    CHECK(convert(dir, shell_quote(upper) + " " + shell_quote(dir.path + "/out.CSV")).code == 0);
    CHECK_THAT(slurp(dir.path + "/out.CSV"), StartsWith("\xEF\xBB\xBFstage,stage_order,title"));
    const std::string txt = dir.file("day.txt", slurp(data_path("mermaid/working-day.mmd")));
    CHECK(convert(dir, shell_quote(txt) + " - --from mermaid --to json").code == 0);
}

TEST_CASE("convert: a rejected Mermaid file prints each problem with its line and writes nothing", "[convert]") {
    TempDir dir;
    const std::string in = data_path("mermaid/broken.mmd");
    const std::string out = dir.path + "/out.json";
    Run r = convert(dir, shell_quote(in) + " " + shell_quote(out));
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    CHECK_FALSE(fs::exists(out));
    std::istringstream lines(r.err);
    std::string line;
    REQUIRE(std::getline(lines, line));
    CHECK_THAT(line, StartsWith(in + ": line 4: Mermaid read 'section Setup' as a section name"));
    REQUIRE(std::getline(lines, line));
    CHECK(line == in + ": line 6: task 'Install agent' has no score: '#' starts a comment in Mermaid; write #35; for a '#' in a name");
    REQUIRE(std::getline(lines, line));
    CHECK(line == in + ": line 7: task 'Training': the score must be a whole number from 1 to 5, got '6'");
    REQUIRE(std::getline(lines, line));
    CHECK(line == in + ": not converted");
    CHECK_FALSE(std::getline(lines, line));
}

TEST_CASE("convert: CSV problems name the cell, map file problems their JSON Pointer", "[convert]") {
    TempDir dir;
    Run csv = convert(dir, "- " + shell_quote(dir.path + "/out.json") + " --from csv", data_path("csv/bad.csv"));
    CHECK(csv.code == 1);
    CHECK(csv.err ==
          "<stdin>: row 2, column 3: friction must be a whole number from 0 to 5, got '9'\n"
          "<stdin>: row 3, column 2: the title is empty: every touchpoint needs a title (a row with only stage and stage_order adds an empty stage)\n"
          "<stdin>: not converted\n");
    const std::string bad_json = dir.file("bad.json", R"({"format":"journeymap","version":1,"id":"m","title":"T","stages":[{"id":"s"}],"personas":[]})");
    Run json = convert(dir, shell_quote(bad_json) + " - --to mermaid");
    CHECK(json.code == 1);
    CHECK_THAT(json.err, StartsWith(bad_json + ": /stages/0/name: missing required field \"name\"\n"));
}

TEST_CASE("convert: wrong arguments exit 2 with the reason and the usage", "[convert]") {
    TempDir dir;
    const std::string mmd = data_path("mermaid/working-day.mmd");
    struct Case {
        std::string args, says;
    };
    const std::vector<Case> cases = {
        {"", "missing IN and OUT"},
        {shell_quote(mmd), "missing OUT"},
        {shell_quote(mmd) + " a.json b.json", "too many files"},
        {shell_quote(mmd) + " out.txt", "cannot tell the format of 'out.txt'"},
        {"- out.json", "--from is required with '-'"},
        {shell_quote(mmd) + " -", "--to is required with '-'"},
        {shell_quote(mmd) + " - --to yaml", "unknown format 'yaml'"},
        {shell_quote(mmd) + " - --to", "option --to needs a value"},
        {shell_quote(mmd) + " - --to json --force", "unknown option '--force'"},
    };
    for (const auto& c : cases) {
        Run r = convert(dir, c.args);
        INFO(c.args);
        CHECK(r.code == 2);
        CHECK_THAT(r.err, StartsWith("journeymap convert: " + c.says) && Contains("usage: journeymap convert IN OUT"));
        CHECK(r.out.empty());
    }
}

TEST_CASE("convert: files that cannot be read or written exit 3", "[convert]") {
    TempDir dir;
    Run missing = convert(dir, shell_quote(dir.path + "/missing.mmd") + " - --to json");
    CHECK(missing.code == 3);
    CHECK_THAT(missing.err, Contains("missing.mmd: cannot open file"));
    Run unwritable = convert(dir, shell_quote(data_path("mermaid/working-day.mmd")) + " " + shell_quote(dir.path + "/no/such/dir/x.json"));
    CHECK(unwritable.code == 3);
    CHECK_THAT(unwritable.err, Contains("cannot write"));
}

TEST_CASE("convert: map -> CSV -> map and map -> Mermaid -> map through files", "[convert]") {
    TempDir dir;
    const std::string in = data_path("mermaid/tricky.journeymap.json");
    const jm::Map original = load(slurp(in));
    for (const std::string ext : {"csv", "mmd"}) {
        const std::string middle = dir.path + "/tricky." + ext, back = dir.path + "/back-" + ext + ".json";
        REQUIRE(convert(dir, shell_quote(in) + " " + shell_quote(middle)).code == 0);
        REQUIRE(convert(dir, shell_quote(middle) + " " + shell_quote(back)).code == 0);
        const jm::Map m = load(slurp(back));
        INFO(ext);
        REQUIRE(m.stages.size() == original.stages.size());
        for (std::size_t s = 1; s < m.stages.size(); ++s) CHECK(m.stages[s].touchpoints.size() == original.stages[s].touchpoints.size());
        CHECK(m.stages[2].touchpoints[0].title == "Price: 5€; tax #3");
    }
}

TEST_CASE("convert: listed in the help", "[convert]") {
    TempDir dir;
    const std::string err_path = dir.path + "/.stderr";
    FILE* pipe = popen((std::string(jm::testing::kEnglishEnvironment) + " " + shell_quote(JM_CLI_PATH) + " --help 2>" +
                        shell_quote(err_path)).c_str(), "r");
    REQUIRE(pipe);
    std::string out;
    char buf[4096];
    for (std::size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
    pclose(pipe);
    CHECK_THAT(out, Contains("convert     convert between map files, Mermaid journey diagrams and CSV"));
}
