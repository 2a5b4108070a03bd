// Loading map files: one case per kind of problem, checking the JSON Pointer and
// the words a user reads. The files are in tests/data/invalid; the schema check
// (tests/schema/validate_files.mjs) runs the same files through the JSON Schema.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "io/map_json.h"
#include "support/test_data.h"

using Catch::Matchers::Contains;

namespace {

using jm::testing::read_data;

jm::LoadResult load_data(const std::string& relative) { return jm::load_map_json(read_data(relative)); }

// The one problem a file has.
jm::LoadProblem only_problem(const jm::LoadResult& r) {
    REQUIRE_FALSE(r.ok());
    REQUIRE(r.problems.size() == 1);
    return r.problems[0];
}

// A valid map around one touchpoint, written inline.
std::string map_with_touchpoint(const std::string& touchpoint_members) {
    return R"({"format": "journeymap", "version": 1, "id": "m", "title": "T", "personas": [],
               "stages": [{"id": "s", "name": "S", "touchpoints": [{"id": "t", "title": "X", )" +
           touchpoint_members + "}]}]}";
}

}  // namespace

TEST_CASE("a valid file gives a map and no problems", "[io][load]") {
    auto r = load_data("valid/every-field.json");
    REQUIRE(r.problems.empty());
    REQUIRE(r.ok());
    REQUIRE(r.source_version == 2);
    REQUIRE_FALSE(r.migrated);
    const jm::Map& m = *r.map;
    REQUIRE(m.id == "map-every-field");
    REQUIRE(m.stages.size() == 3);
    REQUIRE(m.stages[0].kpis[1].direction == jm::KpiDirection::LowerIsBetter);
    const jm::Touchpoint& tp = m.stages[0].touchpoints[0];
    REQUIRE(tp.friction == 4);
    REQUIRE(tp.emotion == -1);
    REQUIRE(tp.target_friction == 2);
    REQUIRE(tp.survey.ces_scale == 5);
    REQUIRE_FALSE(tp.survey.ces_low_is_easy);
    REQUIRE(tp.survey.ces == std::vector<std::int64_t>{4, 8, 2, 1, 0});
    REQUIRE(tp.survey.nps[10] == 8);
    REQUIRE(tp.survey_previous.has_value());
    REQUIRE(tp.survey_previous->ces_scale == 7);
    REQUIRE(tp.volume == 340);
    REQUIRE(m.personas[1].kind == jm::PersonaKind::User);
    REQUIRE(m.personas[1].role == jm::CommitteeRole::EndUser);
    REQUIRE(m.period.gross_margin == 0.8);
    REQUIRE(m.period_previous->customers_lost == 12.0);
}

TEST_CASE("absent optional fields take the model's defaults", "[io][load]") {
    auto r = load_data("valid/minimal.json");
    REQUIRE(r.ok());
    REQUIRE(r.map->lanes == jm::default_lanes());
    REQUIRE(r.map->description.empty());
    REQUIRE_FALSE(r.map->period_previous.has_value());
}

TEST_CASE("text that is not JSON: the message gives line and column", "[io][load]") {
    auto p = only_problem(load_data("invalid/not-json.json"));
    REQUIRE(p.path.empty());
    REQUIRE_THAT(p.message, Contains("not JSON"));
    // Line 6 is `  "stages": []` after the missing comma; the unexpected string ends in column 10.
    REQUIRE_THAT(p.message, Contains("line 6") && Contains("column 10"));
    REQUIRE_THAT(only_problem(jm::load_map_json("")).message, Contains("not JSON") && Contains("line 1"));
}

TEST_CASE("a document that is not an object", "[io][load]") {
    auto p = only_problem(load_data("invalid/not-an-object.json"));
    REQUIRE(p.path.empty());
    REQUIRE_THAT(p.message, Contains("must be a JSON object") && Contains("got an array"));
}

TEST_CASE("a value of the wrong type", "[io][load]") {
    auto p = only_problem(load_data("invalid/wrong-type.json"));
    REQUIRE(p.path == "/title");
    REQUIRE(p.message == "must be a string, got a number");
    auto q = only_problem(jm::load_map_json(map_with_touchpoint(R"("pains": "too slow")")));
    REQUIRE(q.path == "/stages/0/touchpoints/0/pains");
    REQUIRE_THAT(q.message, Contains("list of strings") && Contains("got a string"));
}

TEST_CASE("a missing required field", "[io][load]") {
    auto p = only_problem(load_data("invalid/missing-required.json"));
    REQUIRE(p.path == "/stages/0/name");
    REQUIRE(p.message == "missing required field \"name\"");
    auto q = only_problem(load_data("invalid/missing-stages.json"));
    REQUIRE(q.path == "/stages");
    REQUIRE_THAT(q.message, Contains("missing required field \"stages\""));
    // The map's own id: reported once, as missing (not also as empty).
    auto r = only_problem(jm::load_map_json(R"({"format": "journeymap", "version": 1, "title": "T", "stages": [], "personas": []})"));
    REQUIRE(r.path == "/id");
    REQUIRE(r.message == "missing required field \"id\"");
}

TEST_CASE("a value out of its range", "[io][load]") {
    auto p = only_problem(load_data("invalid/out-of-range.json"));
    REQUIRE(p.path == "/stages/0/touchpoints/1/friction");
    REQUIRE(p.message == "friction must be between 0 and 5, got 7");
    auto e = only_problem(load_data("invalid/emotion-out-of-range.json"));
    REQUIRE(e.path == "/stages/0/touchpoints/0/emotion");
    REQUIRE(e.message == "emotion must be between -2 and 2, got -3");
    auto t = only_problem(jm::load_map_json(map_with_touchpoint(R"("target_emotion": 3)")));
    REQUIRE(t.path == "/stages/0/touchpoints/0/target_emotion");
    REQUIRE_THAT(t.message, Contains("between -2 and 2") && Contains("got 3"));
}

TEST_CASE("a whole number is required where the format counts", "[io][load]") {
    auto p = only_problem(load_data("invalid/not-whole-number.json"));
    REQUIRE(p.path == "/stages/0/touchpoints/0/friction");
    REQUIRE(p.message == "must be a whole number, got 2.5");
    auto n = only_problem(load_data("invalid/negative-count.json"));
    REQUIRE(n.path == "/stages/0/touchpoints/0/volume");
    REQUIRE_THAT(n.message, Contains("0 or more") && Contains("got -3"));
    // 3.0 is a whole number, as JSON Schema counts it.
    auto ok = jm::load_map_json(map_with_touchpoint(R"("friction": 3.0, "volume": 12.0)"));
    REQUIRE(ok.ok());
    REQUIRE(ok.map->stages[0].touchpoints[0].friction == 3);
    REQUIRE(ok.map->stages[0].touchpoints[0].volume == 12);
    // Counts stop below 2^53, where JavaScript would round them.
    auto big = only_problem(jm::load_map_json(map_with_touchpoint(R"("volume": 9007199254740993)")));
    REQUIRE(big.path == "/stages/0/touchpoints/0/volume");
    REQUIRE(big.message == "volume must be at most 9000000000000000, got 9007199254740993");
    auto big_answer = only_problem(jm::load_map_json(map_with_touchpoint(R"("survey": {"csat": [0, 0, 0, 0, 1e17]})")));
    REQUIRE(big_answer.path == "/stages/0/touchpoints/0/survey/csat/4");
    REQUIRE_THAT(big_answer.message, Contains("at most 9000000000000000"));
    auto negative_answer = only_problem(jm::load_map_json(map_with_touchpoint(R"("survey": {"csat": [0, -1, 0, 0, 0]})")));
    REQUIRE(negative_answer.path == "/stages/0/touchpoints/0/survey/csat/1");
    REQUIRE(negative_answer.message == "must be a whole number of 0 or more, got -1");
}

TEST_CASE("survey answer lists have their fixed lengths", "[io][load]") {
    auto nps = only_problem(load_data("invalid/nps-length.json"));
    REQUIRE(nps.path == "/stages/0/survey/nps");
    REQUIRE(nps.message == "must have exactly 11 counts, got 10");
    auto ces5 = only_problem(load_data("invalid/ces-length.json"));
    REQUIRE(ces5.path == "/stages/0/touchpoints/0/survey/ces");
    REQUIRE(ces5.message == "must have exactly 5 counts, got 7");
    auto ces7 = only_problem(load_data("invalid/ces-default-scale-length.json"));
    REQUIRE(ces7.path == "/stages/0/survey/ces");
    REQUIRE(ces7.message == "must have exactly 7 counts, got 5");
    auto scale = only_problem(load_data("invalid/ces-scale.json"));
    REQUIRE(scale.path == "/stages/0/survey/ces_scale");
    REQUIRE_THAT(scale.message, Contains("5 or 7") && Contains("got 6"));
}

TEST_CASE("an unknown enum value lists the allowed values", "[io][load]") {
    auto kind = only_problem(load_data("invalid/unknown-enum.json"));
    REQUIRE(kind.path == "/personas/0/kind");
    REQUIRE(kind.message == "unknown value \"seller\"; allowed: \"buyer\", \"user\"");
    auto role = only_problem(load_data("invalid/unknown-role.json"));
    REQUIRE(role.path == "/personas/0/role");
    REQUIRE_THAT(role.message, Contains("\"ceo\"") && Contains("\"decision_maker\"") && Contains("\"end_user\"") &&
                                   Contains("\"other\""));
    auto direction = only_problem(load_data("invalid/unknown-direction.json"));
    REQUIRE(direction.path == "/stages/0/kpis/0/direction");
    REQUIRE_THAT(direction.message, Contains("\"down\"") && Contains("\"higher\", \"lower\""));
    auto lane = only_problem(load_data("invalid/unknown-lane.json"));
    REQUIRE(lane.path == "/lanes/1");
    REQUIRE_THAT(lane.message, Contains("\"timeline\"") && Contains("touchpoints, doing, thinking") && Contains("owners"));
    auto twice = only_problem(load_data("invalid/lane-twice.json"));
    REQUIRE(twice.path == "/lanes/2");
    REQUIRE_THAT(twice.message, Contains("\"emotion\" is listed twice"));
}

TEST_CASE("a colour that is not #RRGGBB", "[io][load]") {
    auto p = only_problem(load_data("invalid/bad-colour.json"));
    REQUIRE(p.path == "/personas/0/color");
    REQUIRE_THAT(p.message, Contains("#RRGGBB") && Contains("\"red\""));
}

TEST_CASE("a lineage base named by a short hash, or by no map id", "[io][load][lineage]") {
    auto hash = only_problem(load_data("invalid/lineage-bad-hash.json"));
    REQUIRE(hash.path == "/lineage/bases/0/hash");
    REQUIRE_THAT(hash.message, Contains("64 lowercase hexadecimal digits") && Contains("\"9f86d081884c7d65\""));
    auto id = only_problem(load_data("invalid/lineage-missing-id.json"));
    REQUIRE(id.path == "/lineage/bases/0/id");
    REQUIRE_THAT(id.message, Contains("missing required field \"id\""));
}

TEST_CASE("an empty id", "[io][load]") {
    auto p = only_problem(load_data("invalid/empty-id.json"));
    REQUIRE(p.path == "/stages/0/id");
    REQUIRE(p.message == "an id must not be empty");
}

TEST_CASE("a duplicate id names its first use", "[io][load]") {
    auto p = only_problem(load_data("invalid/xref-duplicate-id.json"));
    REQUIRE(p.path == "/stages/1/touchpoints/0/id");
    REQUIRE(p.message == "duplicate id \"t1\" (first used at /stages/0/touchpoints/0/id)");
    // Ids are unique across kinds; the first use is the earlier place in the file.
    auto q = only_problem(load_data("invalid/xref-id-shared-by-stage-and-persona.json"));
    REQUIRE(q.path == "/personas/0/id");
    REQUIRE(q.message == "duplicate id \"champion\" (first used at /stages/0/id)");
}

TEST_CASE("a touchpoint that names a persona the map does not have", "[io][load]") {
    auto p = only_problem(load_data("invalid/xref-dangling-persona.json"));
    REQUIRE(p.path == "/stages/0/touchpoints/0/persona_ids/1");
    REQUIRE_THAT(p.message, Contains("\"p-bruno\"") && Contains("does not have"));
}

TEST_CASE("a wrong format marker", "[io][load]") {
    auto p = only_problem(load_data("invalid/wrong-format.json"));
    REQUIRE(p.path == "/format");
    REQUIRE_THAT(p.message, Contains("wrong format marker \"trello-board\"") && Contains("\"format\": \"journeymap\""));
}

TEST_CASE("a missing format marker", "[io][load]") {
    auto p = only_problem(load_data("invalid/missing-format.json"));
    REQUIRE(p.path == "/format");
    REQUIRE_THAT(p.message, Contains("missing required field \"format\"") && Contains("not a journey map file"));
}

TEST_CASE("a file made by a newer version", "[io][load]") {
    auto r = load_data("invalid/newer-version.json");
    auto p = only_problem(r);
    REQUIRE(p.path == "/version");
    REQUIRE_THAT(p.message, Contains("made by a newer version: 3") && Contains("up to version 2"));
    REQUIRE(r.source_version == 3);
}

TEST_CASE("the version must be a whole number from 1 on", "[io][load]") {
    const std::string rest = R"(, "id": "m", "title": "T", "stages": [], "personas": []})";
    auto text = only_problem(jm::load_map_json(R"({"format": "journeymap", "version": "1")" + rest));
    REQUIRE(text.path == "/version");
    REQUIRE_THAT(text.message, Contains("whole number") && Contains("\"1\""));
    auto zero = only_problem(jm::load_map_json(R"({"format": "journeymap", "version": 0)" + rest));
    REQUIRE(zero.path == "/version");
    REQUIRE_THAT(zero.message, Contains("1 or more") && Contains("got 0"));
    // 1.0 is 1 for JSON Schema and for every JavaScript program.
    REQUIRE(jm::load_map_json(R"({"format": "journeymap", "version": 1.0)" + rest).ok());
}

TEST_CASE("several problems are reported at once, in file order", "[io][load]") {
    auto r = load_data("invalid/several-problems.json");
    REQUIRE_FALSE(r.ok());
    REQUIRE(r.problems.size() == 3);
    REQUIRE(r.problems[0].path == "/stages/0/name");
    REQUIRE(r.problems[1].path == "/stages/0/touchpoints/0/friction");
    REQUIRE_THAT(r.problems[1].message, Contains("got 9"));
    REQUIRE(r.problems[2].path == "/personas/0/color");
    REQUIRE_THAT(r.problems[2].message, Contains("\"#12345\""));
}

TEST_CASE("at most kMaxProblems problems are reported", "[io][load]") {
    // 150 touchpoints, each with a friction of 9: 150 problems, 100 reported.
    std::string tps;
    for (int i = 0; i < 150; ++i) {
        if (i > 0) tps += ",";
        tps += R"({"id": "t)";
        tps += std::to_string(i);
        tps += R"(", "title": "X", "friction": 9})";
    }
    auto r = jm::load_map_json(R"({"format": "journeymap", "version": 1, "id": "m", "title": "T", "personas": [],
                                   "stages": [{"id": "s", "name": "S", "touchpoints": [)" + tps + "]}]}");
    REQUIRE_FALSE(r.ok());
    REQUIRE(jm::kMaxProblems == 100);
    REQUIRE(r.problems.size() == jm::kMaxProblems);
    REQUIRE(r.problems.front().path == "/stages/0/touchpoints/0/friction");
    REQUIRE(r.problems.back().path == "/stages/0/touchpoints/99/friction");
}

TEST_CASE("a bad file gives no map, even with a single small problem", "[io][load]") {
    for (const char* file : {"invalid/out-of-range.json", "invalid/bad-colour.json", "invalid/xref-dangling-persona.json",
                             "invalid/newer-version.json", "invalid/not-json.json"}) {
        INFO(file);
        auto r = load_data(file);
        REQUIRE_FALSE(r.ok());
        REQUIRE_FALSE(r.map.has_value());
        REQUIRE_FALSE(r.problems.empty());
    }
}

TEST_CASE("problems inside nested objects point into them", "[io][load]") {
    auto r = jm::load_map_json(R"({"format": "journeymap", "version": 1, "id": "m", "title": "T", "stages": [],
                                   "personas": [{"id": "p", "name": "P", "firmographics": {"region": 7}}],
                                   "period": {"label": "Q1", "customers_start": "many"}})");
    REQUIRE(r.problems.size() == 2);
    REQUIRE(r.problems[0].path == "/personas/0/firmographics/region");
    REQUIRE(r.problems[0].message == "must be a string, got a number");
    REQUIRE(r.problems[1].path == "/period/customers_start");
    REQUIRE(r.problems[1].message == "must be a number, got a string");
}
