// The `journeymap` command line, run as a user runs it: validate, fmt, new,
// help and version, with exit codes, messages and the files left behind.
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <sys/wait.h>

#include <nlohmann/json.hpp>

#include "io/map_json.h"
#include "io/templates.h"
#include "support/cli_run.h"

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
namespace fs = std::filesystem;

namespace {

using jm::testing::data;
using jm::testing::Run;
using jm::testing::shell_quote;
using jm::testing::slurp;
using jm::testing::TempDir;

Run cli(const TempDir& dir, const std::string& args, const std::string& stdin_path = "/dev/null") {
    return jm::testing::run_cli(dir, args, stdin_path);
}

// every-field.json with its keys sorted and no indentation: valid, not canonical.
std::string scrambled_every_field() { return nlohmann::json::parse(data("valid/every-field.json")).dump(); }

}  // namespace

TEST_CASE("validate: a good file prints ok", "[cli]") {
    TempDir dir;
    const std::string f = dir.file("good.json", data("valid/every-field.json"));
    Run r = cli(dir, "validate " + shell_quote(f));
    REQUIRE(r.code == 0);
    REQUIRE(r.out == f + ": ok\n");
    REQUIRE(r.err.empty());
}

TEST_CASE("validate: a bad file prints each problem with its pointer", "[cli]") {
    TempDir dir;
    const std::string f = dir.file("bad.json", data("invalid/several-problems.json"));
    Run r = cli(dir, "validate " + shell_quote(f));
    REQUIRE(r.code == 1);
    REQUIRE(r.out == f + ": /stages/0/name: missing required field \"name\"\n" +
                         f + ": /stages/0/touchpoints/0/friction: friction must be between 0 and 5, got 9\n" +
                         f + ": /personas/0/color: color must look like #RRGGBB, got \"#12345\"\n");
}

TEST_CASE("validate: a problem with the whole file has no pointer", "[cli]") {
    TempDir dir;
    const std::string f = dir.file("broken.json", data("invalid/not-json.json"));
    Run r = cli(dir, "validate " + shell_quote(f));
    REQUIRE(r.code == 1);
    REQUIRE_THAT(r.out, StartsWith(f + ": not JSON: ") && Contains("line 6, column 10"));
}

TEST_CASE("validate: an unreadable file exits 3", "[cli]") {
    TempDir dir;
    const std::string missing = dir.path + "/missing.json";
    Run r = cli(dir, "validate " + shell_quote(missing));
    REQUIRE(r.code == 3);
    REQUIRE_THAT(r.err, Contains(missing) && Contains("cannot open"));
}

TEST_CASE("validate: - reads standard input", "[cli]") {
    TempDir dir;
    Run good = cli(dir, "validate -", dir.file("in.json", data("valid/minimal.json")));
    REQUIRE(good.code == 0);
    REQUIRE(good.out == "<stdin>: ok\n");
    Run bad = cli(dir, "validate -", dir.file("bad.json", data("invalid/wrong-type.json")));
    REQUIRE(bad.code == 1);
    REQUIRE(bad.out == "<stdin>: /title: must be a string, got a number\n");
}

TEST_CASE("validate: several files, the worst outcome sets the exit code", "[cli]") {
    TempDir dir;
    const std::string good = dir.file("good.json", data("valid/minimal.json"));
    const std::string bad = dir.file("bad.json", data("invalid/out-of-range.json"));
    const std::string old = dir.file("old.json", data("v0/onboarding.json"));
    Run r = cli(dir, "validate " + shell_quote(good) + " " + shell_quote(bad) + " " + shell_quote(old));
    REQUIRE(r.code == 1);
    REQUIRE(r.out == good + ": ok\n" + bad + ": /stages/0/touchpoints/1/friction: friction must be between 0 and 5, got 7\n" +
                         old + ": ok (version 0 file; 'journeymap fmt' upgrades it to version 2)\n");
    Run with_missing = cli(dir, "validate " + shell_quote(bad) + " " + shell_quote(dir.path + "/nope.json"));
    REQUIRE(with_missing.code == 3);
}

TEST_CASE("validate: usage errors exit 2", "[cli]") {
    TempDir dir;
    Run none = cli(dir, "validate");
    REQUIRE(none.code == 2);
    REQUIRE_THAT(none.err, Contains("missing FILE") && Contains("usage: journeymap validate"));
    Run option = cli(dir, "validate --strict x.json");
    REQUIRE(option.code == 2);
    REQUIRE_THAT(option.err, Contains("unknown option '--strict'"));
}

TEST_CASE("fmt: rewrites a file in canonical form", "[cli]") {
    TempDir dir;
    const std::string f = dir.file("map.json", scrambled_every_field());
    Run r = cli(dir, "fmt " + shell_quote(f));
    REQUIRE(r.code == 0);
    REQUIRE(r.out == f + ": formatted\n");
    REQUIRE(slurp(f) == data("valid/every-field.json"));   // the hand-written canonical file
    Run again = cli(dir, "fmt " + shell_quote(f));
    REQUIRE(again.code == 0);
    REQUIRE(again.out == f + ": already canonical\n");
    // Nothing but the map is left in the folder (no temporary file).
    int entries = 0;
    for (const auto& e : fs::directory_iterator(dir.path)) entries += e.path().filename() != ".stderr";
    REQUIRE(entries == 1);
}

TEST_CASE("fmt: upgrades a version 0 file", "[cli]") {
    TempDir dir;
    const std::string f = dir.file("old.json", data("v0/onboarding.json"));
    Run r = cli(dir, "fmt " + shell_quote(f));
    REQUIRE(r.code == 0);
    REQUIRE(r.out == f + ": upgraded from version 0 and formatted\n");
    REQUIRE(slurp(f) == data("v0/onboarding.v2.json"));
}

TEST_CASE("fmt --check: writes nothing, exits 1 when not canonical", "[cli]") {
    TempDir dir;
    const std::string scrambled = scrambled_every_field();
    const std::string f = dir.file("map.json", scrambled);
    Run r = cli(dir, "fmt --check " + shell_quote(f));
    REQUIRE(r.code == 1);
    REQUIRE_THAT(r.out, StartsWith(f + ": not in canonical form"));
    REQUIRE(slurp(f) == scrambled);
    const std::string canonical = dir.file("canonical.json", data("valid/every-field.json"));
    Run ok = cli(dir, "fmt --check " + shell_quote(canonical));
    REQUIRE(ok.code == 0);
    REQUIRE(ok.out == canonical + ": ok\n");
}

TEST_CASE("fmt: an invalid file is never rewritten", "[cli]") {
    TempDir dir;
    const std::string original = data("invalid/out-of-range.json");
    const std::string f = dir.file("bad.json", original);
    Run r = cli(dir, "fmt " + shell_quote(f));
    REQUIRE(r.code == 1);
    REQUIRE(r.out.empty());
    REQUIRE_THAT(r.err, Contains(f + ": /stages/0/touchpoints/1/friction: friction must be between 0 and 5, got 7") &&
                            Contains("left unchanged"));
    REQUIRE(slurp(f) == original);
}

TEST_CASE("fmt: - reads standard input and writes standard output", "[cli]") {
    TempDir dir;
    Run r = cli(dir, "fmt -", dir.file("in.json", scrambled_every_field()));
    REQUIRE(r.code == 0);
    REQUIRE(r.out == data("valid/every-field.json"));
    Run check = cli(dir, "fmt --check -", dir.file("in2.json", data("valid/every-field.json")));
    REQUIRE(check.code == 0);
    REQUIRE(check.out == "<stdin>: ok\n");
}

TEST_CASE("fmt: usage and read errors", "[cli]") {
    TempDir dir;
    REQUIRE(cli(dir, "fmt").code == 2);
    REQUIRE(cli(dir, "fmt - other.json").code == 2);
    REQUIRE(cli(dir, "fmt --fix x.json").code == 2);
    Run missing = cli(dir, "fmt " + shell_quote(dir.path + "/missing.json"));
    REQUIRE(missing.code == 3);
    REQUIRE_THAT(missing.err, Contains("cannot open"));
}

TEST_CASE("new: every template gives a valid map with a fresh id and today's date", "[cli]") {
    TempDir dir;
    const std::regex utc(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)");
    REQUIRE_FALSE(jm::embedded_templates().empty());
    for (const auto& tpl : jm::embedded_templates()) {
        INFO(tpl.name);
        const auto original = jm::load_map_json(tpl.json);
        REQUIRE(original.ok());
        Run r = cli(dir, std::string("new --template ") + shell_quote(tpl.name));
        REQUIRE(r.code == 0);
        const auto made = jm::load_map_json(r.out);
        REQUIRE(made.ok());
        const jm::Map& m = *made.map;
        REQUIRE_THAT(m.id, StartsWith("map-"));
        REQUIRE(m.id != original.map->id);
        REQUIRE(std::regex_match(m.created, utc));
        REQUIRE(m.modified == m.created);
        REQUIRE(m.title == original.map->title);
        REQUIRE(m.stages.size() == original.map->stages.size());
        // The printed text is canonical and passes `validate`.
        REQUIRE(jm::save_map_json(m) == r.out);
        const std::string f = dir.file(std::string(tpl.name) + ".json", r.out);
        Run v = cli(dir, "validate " + shell_quote(f));
        REQUIRE(v.code == 0);
        REQUIRE(v.out == f + ": ok\n");
    }
}

TEST_CASE("new: --title, the default template and fresh ids", "[cli]") {
    TempDir dir;
    Run titled = cli(dir, "new --template blank --title 'Jornada de compra 🚀 决策'");
    REQUIRE(titled.code == 0);
    REQUIRE(jm::load_map_json(titled.out).map->title == "Jornada de compra 🚀 决策");
    Run plain = cli(dir, "new");
    REQUIRE(plain.code == 0);
    const auto a = jm::load_map_json(plain.out), b = jm::load_map_json(titled.out);
    REQUIRE(a.ok());
    REQUIRE(a.map->id != b.map->id);
}

TEST_CASE("new: --list-templates names each template with its title", "[cli]") {
    TempDir dir;
    Run r = cli(dir, "new --list-templates");
    REQUIRE(r.code == 0);
    for (const auto& tpl : jm::embedded_templates()) {
        const auto loaded = jm::load_map_json(tpl.json);
        REQUIRE(loaded.ok());
        REQUIRE_THAT(r.out, Contains(std::string(tpl.name) + "  ") && Contains(loaded.map->title));
    }
    REQUIRE_THAT(r.out, Contains("blank"));
}

TEST_CASE("new: an unknown template lists the available ones", "[cli]") {
    TempDir dir;
    Run r = cli(dir, "new --template nope");
    REQUIRE(r.code == 2);
    REQUIRE(r.out.empty());
    REQUIRE_THAT(r.err, Contains("unknown template 'nope'") && Contains("available: ") && Contains("blank"));
    REQUIRE(cli(dir, "new --template").code == 2);
    REQUIRE(cli(dir, "new out.json").code == 2);
}

TEST_CASE("help: the command list and each command's usage", "[cli]") {
    TempDir dir;
    Run r = cli(dir, "--help");
    REQUIRE(r.code == 0);
    REQUIRE_THAT(r.out, Contains("validate") && Contains("fmt") && Contains("new"));
    for (const std::string name : {"validate", "fmt", "new"}) {
        INFO(name);
        Run help = cli(dir, "help " + name);
        REQUIRE(help.code == 0);
        REQUIRE_THAT(help.out, StartsWith("usage: journeymap " + name));
        REQUIRE_THAT(help.out, Contains("Exit status"));
        Run flag = cli(dir, name + " --help");
        REQUIRE(flag.code == 0);
        REQUIRE(flag.out == help.out);
    }
}

TEST_CASE("the version flag and unknown commands", "[cli]") {
    TempDir dir;
    Run v = cli(dir, "--version");
    REQUIRE(v.code == 0);
    REQUIRE(v.out == std::string("journeymap ") + JM_VERSION + "\n");
    Run unknown = cli(dir, "frobnicate");
    REQUIRE(unknown.code == 2);
    REQUIRE_THAT(unknown.err, Contains("unknown command 'frobnicate'"));
    REQUIRE(cli(dir, "").code == 2);
}
