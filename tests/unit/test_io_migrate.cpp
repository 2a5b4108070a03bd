// Opening files of the pre-release version 0 (see src/io/migrate.cpp for what
// changed): they load as version 1 maps, and a broken one says why.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "io/map_json.h"
#include "support/test_data.h"

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

using jm::testing::read_data;

}  // namespace

TEST_CASE("a version 0 file is upgraded to the expected version 1 map, and on to version 2", "[io][migrate]") {
    const auto r = jm::load_map_json(read_data("v0/onboarding.json"));
    REQUIRE(r.problems.empty());
    REQUIRE(r.ok());
    REQUIRE(r.migrated);
    REQUIRE(r.source_version == 0);

    // onboarding.v1.json is the upgrade worked out by hand; version 2 changed
    // only the number (onboarding.v2.json is what this program writes).
    const auto expected = jm::load_map_json(read_data("v0/onboarding.v1.json"));
    REQUIRE(expected.ok());
    REQUIRE(expected.migrated);
    REQUIRE(expected.source_version == 1);
    REQUIRE(*r.map == *expected.map);
    REQUIRE(jm::save_map_json(*r.map) == read_data("v0/onboarding.v2.json"));
    const auto current = jm::load_map_json(read_data("v0/onboarding.v2.json"));
    REQUIRE(current.ok());
    REQUIRE_FALSE(current.migrated);
    REQUIRE(*current.map == *r.map);
}

TEST_CASE("version 0 details: title, stages, emotion scale, kept keys", "[io][migrate]") {
    const jm::Map m = *jm::load_map_json(read_data("v0/onboarding.json")).map;
    REQUIRE(m.title == "Onboarding de clientes (protótipo)");   // was "name"
    REQUIRE(m.segment == "PME");                                 // a key version 1 shares is kept
    REQUIRE(m.lanes == jm::default_lanes());
    REQUIRE(m.stages.size() == 2);
    // Touchpoints move into their stage, keeping their order within it.
    REQUIRE(m.stages[0].touchpoints.size() == 2);
    REQUIRE(m.stages[0].touchpoints[0].id == "t-reuniao");
    REQUIRE(m.stages[0].touchpoints[1].id == "t-config");
    REQUIRE(m.stages[1].touchpoints[0].id == "t-treino");
    // Emotion 1..5 (3 = neutral) becomes -2..+2: 4 -> 1, 1 -> -2, 3 -> 0.
    REQUIRE(m.stages[0].touchpoints[0].emotion == 1);
    REQUIRE(m.stages[0].touchpoints[1].emotion == -2);
    REQUIRE(m.stages[1].touchpoints[0].emotion == 0);
    REQUIRE(m.stages[0].touchpoints[0].persona_ids == std::vector<std::string>{"p-gestora"});
}

TEST_CASE("a version 0 map gets an id derived from its content", "[io][migrate]") {
    // Version 0 had no map id. FNV-1a (64 bits, low 32 shown) of the file's compact
    // JSON with sorted keys; "map-b14cedb3" was computed outside this program.
    const std::string text = read_data("v0/onboarding.json");
    const jm::Map m = *jm::load_map_json(text).map;
    REQUIRE(m.id == "map-b14cedb3");
    REQUIRE(jm::load_map_json(text).map->id == m.id);
    // Another file gets another id, so two upgraded maps do not collide in the library.
    const auto other = jm::load_map_json(R"({"journeymap_version": 0, "name": "Other", "stages": [], "personas": []})");
    REQUIRE(other.ok());
    REQUIRE_THAT(other.map->id, StartsWith("map-"));
    REQUIRE(other.map->id.size() == 12);
    REQUIRE(other.map->id != m.id);
}

TEST_CASE("a version 0 touchpoint in an unknown stage gives a clear problem", "[io][migrate]") {
    const auto r = jm::load_map_json(read_data("v0/broken-unknown-stage.json"));
    REQUIRE_FALSE(r.ok());
    REQUIRE(r.problems.size() == 1);
    REQUIRE(r.problems[0].path.empty());
    REQUIRE_THAT(r.problems[0].message, Contains("cannot upgrade this version 0 file") && Contains("touchpoint 1") &&
                                            Contains("unknown stage \"s-9\""));
    REQUIRE(r.source_version == 0);
}

TEST_CASE("other broken version 0 files", "[io][migrate]") {
    auto not_list = jm::load_map_json(R"({"journeymap_version": 0, "name": "X", "touchpoints": {"a": 1}})");
    REQUIRE_FALSE(not_list.ok());
    REQUIRE_THAT(not_list.problems[0].message, Contains("\"touchpoints\" is not a list"));
    auto no_stage = jm::load_map_json(R"({"journeymap_version": 0, "name": "X", "stages": [], "touchpoints": [{"id": "t"}]})");
    REQUIRE_FALSE(no_stage.ok());
    REQUIRE_THAT(no_stage.problems[0].message, Contains("touchpoint 0 names no stage"));
}

TEST_CASE("an upgraded file is validated as version 1, with version 1 paths", "[io][migrate]") {
    // Emotion 9 on the old scale is 6 on the new one: out of range.
    const auto r = jm::load_map_json(R"({"journeymap_version": 0, "name": "X", "stages": [{"id": "s", "name": "S"}],
                                         "touchpoints": [{"id": "t", "title": "T", "stage": "s", "emotion": 9}]})");
    REQUIRE_FALSE(r.ok());
    REQUIRE(r.problems.size() == 1);
    REQUIRE(r.problems[0].path == "/stages/0/touchpoints/0/emotion");
    REQUIRE_THAT(r.problems[0].message, Contains("between -2 and 2") && Contains("got 6"));
}

TEST_CASE("a current file is not migrated", "[io][migrate]") {
    const auto r = jm::load_map_json(read_data("valid/minimal.json"));
    REQUIRE(r.ok());
    REQUIRE_FALSE(r.migrated);
    REQUIRE(r.source_version == 2);
}

TEST_CASE("version 0 emotions at the ends of the 64-bit range are reported, not wrapped", "[io][migrate]") {
    // The upgrade subtracts 3. Near INT64_MIN that overflowed (undefined), and
    // above INT64_MAX (parsed unsigned) it wrapped to a small negative number,
    // so the problem quoted a value the file never held.
    auto emotion_problem = [](const std::string& emotion) {
        const auto r = jm::load_map_json(R"({"journeymap_version": 0, "name": "X", "stages": [{"id": "s", "name": "S"}],
                                             "touchpoints": [{"id": "t", "title": "T", "stage": "s", "emotion": )" +
                                         emotion + "}]}");
        REQUIRE_FALSE(r.ok());
        REQUIRE(r.problems.size() == 1);
        REQUIRE(r.problems[0].path == "/stages/0/touchpoints/0/emotion");
        return r.problems[0].message;
    };
    REQUIRE_THAT(emotion_problem("-9223372036854775808"), Contains("between -2 and 2"));
    REQUIRE_THAT(emotion_problem("-9223372036854775806"), Contains("between -2 and 2"));
    REQUIRE_THAT(emotion_problem("-9223372036854775805"), Contains("between -2 and 2") && Contains("-9223372036854775808"));
    REQUIRE_THAT(emotion_problem("9223372036854775807"), Contains("between -2 and 2") && Contains("9223372036854775804"));
    REQUIRE_THAT(emotion_problem("18446744073709551615"), Contains("between -2 and 2") && Contains("18446744073709551612"));
    REQUIRE_THAT(emotion_problem("1e300"), Contains("between -2 and 2"));
    REQUIRE_THAT(emotion_problem("\"happy\""), Contains("whole number"));
}

TEST_CASE("version 0 emotions in range upgrade whatever their JSON number type", "[io][migrate]") {
    auto upgraded = [](const std::string& emotion) {
        const auto r = jm::load_map_json(R"({"journeymap_version": 0, "name": "X", "stages": [{"id": "s", "name": "S"}],
                                             "touchpoints": [{"id": "t", "title": "T", "stage": "s", "emotion": )" +
                                         emotion + "}]}");
        REQUIRE(r.ok());
        return r.map->stages[0].touchpoints[0].emotion;
    };
    REQUIRE(upgraded("1") == -2);    // unsigned below 3: the result is negative
    REQUIRE(upgraded("5") == 2);
    REQUIRE(upgraded("4.0") == 1);
}
