// `journeymap validate` and `convert` on the files that crashed or fooled them
// (issue 10): a deeply nested field, UTF-16, Windows-1252, stray bytes, a file
// over the size limit. Each gives a clear message and an exit code, never a
// crash (run_cli reports a signal as -1, so `code == 1` also says "no crash").
#include <catch2/catch.hpp>

#include <string>

#include "io/limits.h"
#include "io/map_json.h"
#include "support/cli_run.h"

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

using jm::testing::data_path;
using jm::testing::Run;
using jm::testing::run_cli;
using jm::testing::shell_quote;
using jm::testing::slurp;
using jm::testing::TempDir;

// The fuzzer's file: 100,000 '[' in a field the program does not know.
std::string deeply_nested_map() {
    return R"({"format":"journeymap","version":1,"id":"m","title":"T","stages":[],"personas":[],"x-deep":)" +
           std::string(100000, '[') + std::string(100000, ']') + "}";
}

}  // namespace

TEST_CASE("validate: a deeply nested unknown field is invalid, with the limit named, not a crash", "[cli][limits]") {
    TempDir dir;
    const std::string file = dir.file("deep.json", deeply_nested_map());
    const Run r = run_cli(dir, "validate " + shell_quote(file));
    CHECK(r.code == 1);
    CHECK(r.out == file + ": nested too deeply: at line 1, column 155 a list or object opens level 65; the limit is 64 levels of '[' and '{'\n");
    CHECK(r.err.empty());
    // The same through convert and fmt: nothing written, exit 1.
    const Run c = run_cli(dir, "convert " + shell_quote(file) + " " + shell_quote(dir.path + "/out.csv"));
    CHECK(c.code == 1);
    CHECK_THAT(c.err, Contains("the limit is 64 levels"));
    CHECK_FALSE(std::filesystem::exists(dir.path + "/out.csv"));
    const Run f = run_cli(dir, "fmt " + shell_quote(file));
    CHECK(f.code == 1);
    CHECK(slurp(file) == deeply_nested_map());
}

TEST_CASE("validate: a UTF-16 file is invalid, and the message says so and how to save it", "[cli][encoding]") {
    TempDir dir;
    const std::string file = data_path("encoding/utf-16le-bom.journeymap.json");
    const Run r = run_cli(dir, "validate " + shell_quote(file));
    CHECK(r.code == 1);
    CHECK_THAT(r.out, StartsWith(file + ": the file is UTF-16 text (little-endian)") && Contains("save it as UTF-8"));
    const Run c = run_cli(dir, "convert " + shell_quote(data_path("encoding/utf-16be-no-bom.csv")) + " -  --to json");
    CHECK(c.code == 1);
    CHECK_THAT(c.err, Contains("utf-16be-no-bom.csv: line 1: the file is UTF-16 text (big-endian)"));
    CHECK(c.out.empty());
}

TEST_CASE("convert: a Windows-1252 CSV becomes a UTF-8 map, with a note on standard error", "[cli][encoding]") {
    TempDir dir;
    const std::string in = data_path("encoding/windows-1252.csv");
    const Run r = run_cli(dir, "convert " + shell_quote(in) + " - --to json");
    REQUIRE(r.code == 0);
    CHECK_THAT(r.err, StartsWith(in + ": note: read as Windows-1252: the file is not UTF-8 (byte 0xF3 at line 2, byte offset 103"));
    const jm::LoadResult map = jm::load_map_json(r.out);
    REQUIRE(map.ok());
    CHECK(map.map->stages.at(0).name == "Decisión");
    CHECK(map.map->stages[0].touchpoints.at(0).title == "Revisão do contrato");
    CHECK(map.notices.empty());   // what convert wrote is UTF-8
    // And a Windows-1252 map file: valid, with the note; fmt rewrites it as UTF-8.
    const std::string cp1252 = dir.file("old.json", "{\"format\":\"journeymap\",\"version\":2,\"id\":\"m\",\"title\":\"Decis\xE3o\","
                                                    "\"stages\":[],\"personas\":[]}");
    const Run v = run_cli(dir, "validate " + shell_quote(cp1252));
    CHECK(v.code == 0);
    CHECK(v.out == cp1252 + ": ok\n");
    CHECK_THAT(v.err, StartsWith(cp1252 + ": note: read as Windows-1252"));
    REQUIRE(run_cli(dir, "fmt " + shell_quote(cp1252)).code == 0);
    CHECK_THAT(slurp(cp1252), Contains("\"title\": \"Decisão\""));
}

TEST_CASE("convert: a Mermaid file with a byte that is no text is refused with its line and offset", "[cli][encoding]") {
    TempDir dir;
    const std::string in = data_path("encoding/invalid-byte.mmd");
    const Run r = run_cli(dir, "convert " + shell_quote(in) + " - --to json");
    CHECK(r.code == 1);
    CHECK_THAT(r.err, StartsWith(in + ": line 4: the file is not UTF-8 text: byte 0x81 at byte offset 52"));
    CHECK_THAT(r.err, Contains(in + ": not converted"));
    CHECK(r.out.empty());
}

TEST_CASE("validate and convert: a file over the size limit is refused without reading it all", "[cli][limits]") {
    TempDir dir;
    const std::string file = dir.file("huge.json", std::string(jm::limits::kMaxFileBytes + 10, ' '));
    const Run v = run_cli(dir, "validate " + shell_quote(file));
    CHECK(v.code == 1);
    CHECK(v.out == file + ": the file is too large: 67,108,874 bytes (64.0 MiB); the limit is 64 MiB (67,108,864 bytes)\n");
    const Run c = run_cli(dir, "convert - " + shell_quote(dir.path + "/out.mmd") + " --from csv", file);
    CHECK(c.code == 1);
    CHECK_THAT(c.err, Contains("<stdin>: the file is too large: 67,108,874 bytes"));
}
