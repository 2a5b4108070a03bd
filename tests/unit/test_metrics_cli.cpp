// `journeymap metrics`: runs the real command on a hand-written map file.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

using nlohmann::json;

namespace {

struct Run {
    int code = -1;
    std::string out;   // standard output, then standard error
};

Run run(const std::string& args) {
    Run r;
    // LC_ALL=C: English messages whatever the machine's language (LANG=es_ES.UTF-8...).
    const std::string command = "LC_ALL=C " + std::string(JM_CLI_PATH) + " metrics " + args + " 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe);
    char buf[4096];
    std::size_t n;
    while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
    const int status = pclose(pipe);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

// A file of its own per process and name (ctest runs test cases in parallel, and
// other builds may run these tests at the same time), removed when done.
struct TempFile {
    std::string path;
    TempFile(const std::string& name, const std::string& text)
        : path((std::filesystem::temp_directory_path() /
                ("jm_metrics_cli_" + std::to_string(getpid()) + "_" + name)).string()) {
        std::ofstream(path) << text;
    }
    ~TempFile() { std::filesystem::remove(path); }
};

// Legal review: 10 detractors, friction 5, emotion -2, for Ana (decision maker).
// Demo call: 10 promoters, friction 1, emotion +1, for Luis (user).
const char* kMap = R"({
  "format": "journeymap", "version": 1, "id": "m1", "title": "CLI demo",
  "stages": [
    {"id": "s1", "name": "Decision", "funnel_count": 1000, "touchpoints": [
      {"id": "t1", "title": "Legal review", "persona_ids": ["ana"], "friction": 5, "emotion": -2,
       "survey": {"nps": [10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]}},
      {"id": "t2", "title": "Demo call", "persona_ids": ["luis"], "friction": 1, "emotion": 1,
       "survey": {"nps": [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 10]}}
    ]},
    {"id": "s2", "name": "Onboarding", "funnel_count": 400}
  ],
  "personas": [
    {"id": "ana", "name": "Ana", "kind": "buyer", "role": "decision_maker"},
    {"id": "luis", "name": "Luis", "kind": "user", "role": "end_user"}
  ],
  "period": {"label": "Q3", "customers_start": 200, "customers_lost": 10}
})";

}  // namespace

TEST_CASE("metrics command prints JSON with the hand-worked figures", "[metrics][cli]") {
    const TempFile map_file("map.json", kMap);
    const std::string& file = map_file.path;
    Run r = run(file + " --format json");
    REQUIRE(r.code == 0);
    const json j = json::parse(r.out);
    // Decision: 10 promoters and 10 detractors of 20 -> NPS 0
    REQUIRE(j["stages"][0]["survey"]["nps"]["value"] == 0.0);
    REQUIRE(j["stages"][0]["survey"]["nps"]["base"] == 20.0);
    // 400 / 1000 = 40%; churn 10 / 200 = 5%
    REQUIRE(j["funnel"]["steps"][1]["conversion"]["value"] == 40.0);
    REQUIRE(j["business"]["churn_rate"]["value"] == 5.0);
    // Legal review: pain 0.4 + 0.2 + 0.4 = 1, reach 3/3 (decision maker) -> 100
    REQUIRE(j["hotspots"]["touchpoints"][0]["id"] == "t1");
    REQUIRE(j["hotspots"]["touchpoints"][0]["score"] == 100.0);
    REQUIRE(j["hotspots"]["touchpoints"].size() == 2);
}

TEST_CASE("metrics command filters by persona and limits the ranking", "[metrics][cli]") {
    const TempFile map_file("map.json", kMap);
    const std::string& file = map_file.path;
    Run r = run(file + " --format=json --persona luis --top 1");
    REQUIRE(r.code == 0);
    const json j = json::parse(r.out);
    REQUIRE(j["persona_filter"] == "luis");
    REQUIRE(j["totals"]["touchpoints"] == 1);
    REQUIRE(j["touchpoints"].size() == 1);
    REQUIRE(j["hotspots"]["touchpoints"].size() == 1);
    REQUIRE(j["hotspots"]["touchpoints"][0]["id"] == "t2");
}

TEST_CASE("metrics command prints a table by default", "[metrics][cli]") {
    const TempFile map_file("map.json", kMap);
    const std::string& file = map_file.path;
    Run r = run(file);
    REQUIRE(r.code == 0);
    REQUIRE(r.out.find("METRICS: CLI demo") != std::string::npos);
    REQUIRE(r.out.find("Legal review") != std::string::npos);
    REQUIRE(r.out.find("Churn rate            5.0%") != std::string::npos);
}

TEST_CASE("metrics command exit codes", "[metrics][cli]") {
    const TempFile map_file("map.json", kMap);
    const std::string& file = map_file.path;
    REQUIRE(run("").code == 2);                                  // no FILE
    REQUIRE(run(file + " --format xml").code == 2);
    REQUIRE(run(file + " --top -1").code == 2);
    REQUIRE(run(file + " --colour red").code == 2);
    Run unknown = run(file + " --persona nobody");
    REQUIRE(unknown.code == 2);
    REQUIRE(unknown.out.find("no persona with id 'nobody'") != std::string::npos);
    REQUIRE(unknown.out.find("luis  (Luis)") != std::string::npos);
    REQUIRE(run("/nonexistent/dir/map.json").code == 3);
    std::string bad = kMap;
    bad.replace(bad.find("\"friction\": 5"), 13, "\"friction\": 7");
    const TempFile bad_file("bad.json", bad);
    Run invalid = run(bad_file.path);
    REQUIRE(invalid.code == 1);
    REQUIRE(invalid.out.find("is not a valid map") != std::string::npos);
}
