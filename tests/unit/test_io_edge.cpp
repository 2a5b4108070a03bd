#include <catch2/catch.hpp>

#include "io/map_json.h"

using namespace jm;

TEST_CASE("an unknown field set to text that is not JSON is saved as a string, never as broken JSON", "[io][save]") {
    Map m;
    m.id = "m";
    m.title = "T";
    m.unknown["x-note"] = "not json {";
    std::string text = save_map_json(m);
    LoadResult r = load_map_json(text);
    REQUIRE(r.ok());
    REQUIRE(r.map->unknown.at("x-note") == "\"not json {\"");
}

TEST_CASE("a CES scale other than 5 or 7 says so, whatever the number", "[io][load]") {
    const char* text = R"({"format":"journeymap","version":1,"id":"m","title":"T","personas":[],
        "stages":[{"id":"s","name":"S","survey":{"ces_scale":9}}]})";
    LoadResult r = load_map_json(text);
    REQUIRE_FALSE(r.ok());
    REQUIRE(r.problems.size() == 1);
    REQUIRE(r.problems[0].path == "/stages/0/survey/ces_scale");
    REQUIRE(r.problems[0].message == "ces_scale must be 5 or 7, got 9");
}
