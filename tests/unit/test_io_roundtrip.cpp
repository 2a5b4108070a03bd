// Saving maps: load/save/load gives the same map, the same map gives the same
// bytes, any Unicode text survives, unknown keys are kept, and the canonical
// form is exactly the one documented (key order, 2-space indent, final newline).
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "io/map_json.h"
#include "support/test_data.h"
#include "support/large_map.h"

using Catch::Matchers::Contains;
using Ordered = nlohmann::ordered_json;

namespace {

using jm::testing::read_data;

jm::Map load_ok(const std::string& text) {
    auto r = jm::load_map_json(text);
    for (const auto& p : r.problems) UNSCOPED_INFO(p.path << ": " << p.message);
    REQUIRE(r.ok());
    return *r.map;
}

std::vector<std::string> keys_of(const Ordered& obj) {
    std::vector<std::string> keys;
    for (auto it = obj.begin(); it != obj.end(); ++it) keys.push_back(it.key());
    return keys;
}

}  // namespace

TEST_CASE("load, save and load again gives the same map", "[io][roundtrip]") {
    for (const char* file : {"valid/minimal.json", "valid/every-field.json", "valid/multilingual.json",
                             "valid/unknown-fields.json", "v0/onboarding.json"}) {
        INFO(file);
        const jm::Map first = load_ok(read_data(file));
        const jm::Map second = load_ok(jm::save_map_json(first));
        REQUIRE(second == first);
    }
}

TEST_CASE("the same map always gives the same bytes", "[io][roundtrip]") {
    const jm::Map m = load_ok(read_data("valid/unknown-fields.json"));
    const std::string once = jm::save_map_json(m);
    REQUIRE(jm::save_map_json(m) == once);
    REQUIRE(jm::save_map_json(load_ok(once)) == once);
}

TEST_CASE("a file in canonical form is saved back byte for byte", "[io][roundtrip]") {
    // every-field.json was written by hand in the documented key order.
    const std::string text = read_data("valid/every-field.json");
    REQUIRE(jm::save_map_json(load_ok(text)) == text);
}

TEST_CASE("Spanish, Portuguese, Chinese and emoji survive a round trip as UTF-8", "[io][roundtrip]") {
    const jm::Map m = load_ok(read_data("valid/multilingual.json"));
    REQUIRE(m.title == "Viaje del cliente B2B — Jornada do cliente — B2B客户旅程 🧭");
    // Written with \u escapes (a surrogate pair for the rocket) in the file.
    REQUIRE(m.description == "Escapes too: café, ação, 中文, 🚀");
    REQUIRE(m.stages[2].name == "决策");
    REQUIRE(m.stages[2].touchpoints[0].evidence.quotes[1] == "👨‍👩‍👧‍👦 家族 emoji with joiners");
    REQUIRE(m.personas[0].firmographics.region == "华东");

    const std::string saved = jm::save_map_json(m);
    REQUIRE_THAT(saved, Contains("\"description\": \"Escapes too: café, ação, 中文, 🚀\""));
    REQUIRE(saved.find("\\u") == std::string::npos);   // plain UTF-8, no escapes
    REQUIRE(load_ok(saved) == m);

    jm::Map built;
    built.id = "m";
    built.title = "¿Qué pasó? Ação! 你好 🤝🏽 \"quoted\" back\\slash\nnew line\ttab";
    const jm::Map back = load_ok(jm::save_map_json(built));
    REQUIRE(back.title == built.title);
}

TEST_CASE("unknown fields are kept at every level", "[io][roundtrip]") {
    const jm::Map m = load_ok(read_data("valid/unknown-fields.json"));
    REQUIRE(m.unknown.size() == 3);
    REQUIRE(m.unknown.at("zz_last") == "true");
    REQUIRE(Ordered::parse(m.unknown.at("x_map")) == Ordered::parse(R"({"plugin": "heatmap", "weights": [1, 2.5, null]})"));
    const jm::Stage& s = m.stages[0];
    REQUIRE(s.unknown.at("x_stage") == "\"stage extra\"");
    REQUIRE(s.kpis[0].unknown.at("x_kpi") == R"({"source":"CRM"})");
    REQUIRE(s.handoff.unknown.at("x_handoff") == "3");
    REQUIRE(s.survey->unknown.at("x_stage_survey") == "\"s\"");
    const jm::Touchpoint& t = s.touchpoints[0];
    REQUIRE(t.unknown.at("x_touchpoint") == R"(["a","b"])");
    REQUIRE(t.evidence.unknown.at("x_evidence") == R"({"n":12})");
    REQUIRE(t.survey.unknown.at("x_survey") == "\"kept\"");
    REQUIRE(t.survey_previous->unknown.at("x_survey_previous") == "1");
    REQUIRE(m.personas[0].unknown.at("x_persona") == R"({"avatar":"carla.png"})");
    REQUIRE(m.personas[0].firmographics.unknown.at("x_firmographics") == "\"EU-West\"");
    REQUIRE(m.period.unknown.at("x_period") == "-1");
    REQUIRE(m.period_previous->unknown.at("x_period_previous") == "\"only unknown\"");
}

TEST_CASE("unknown fields are written after the known keys, sorted", "[io][roundtrip]") {
    const Ordered doc = Ordered::parse(jm::save_map_json(load_ok(read_data("valid/unknown-fields.json"))));
    using V = std::vector<std::string>;
    REQUIRE(keys_of(doc) == V{"format", "version", "id", "title", "lanes", "stages", "personas", "period", "period_previous",
                              "a_first", "x_map", "zz_last"});
    const Ordered& stage = doc["stages"][0];
    REQUIRE(keys_of(stage) == V{"id", "name", "kpis", "handoff", "survey", "touchpoints", "x_stage"});
    REQUIRE(keys_of(stage["kpis"][0]) == V{"id", "name", "current", "x_kpi"});
    REQUIRE(keys_of(stage["handoff"]) == V{"from_team", "x_handoff"});
    REQUIRE(keys_of(stage["survey"]) == V{"ces_scale", "x_stage_survey"});
    const Ordered& tp = stage["touchpoints"][0];
    REQUIRE(keys_of(tp) == V{"id", "title", "evidence", "survey", "survey_previous", "x_touchpoint"});
    REQUIRE(keys_of(tp["evidence"]) == V{"source", "x_evidence"});
    REQUIRE(keys_of(tp["survey"]) == V{"nps", "ces_scale", "x_survey"});
    REQUIRE(keys_of(tp["survey_previous"]) == V{"ces_scale", "x_survey_previous"});
    const Ordered& persona = doc["personas"][0];
    REQUIRE(keys_of(persona) == V{"id", "name", "kind", "role", "firmographics", "x_persona"});
    REQUIRE(keys_of(persona["firmographics"]) == V{"industry", "x_firmographics"});
    REQUIRE(keys_of(doc["period"]) == V{"label", "x_period"});
    REQUIRE(keys_of(doc["period_previous"]) == V{"x_period_previous"});
    REQUIRE(doc["x_map"]["weights"] == Ordered::parse("[1, 2.5, null]"));
}

TEST_CASE("the canonical form: key order, 2-space indent, defaults left out, final newline", "[io][roundtrip]") {
    jm::Map m;
    m.id = "m1";
    m.title = "T";
    m.lanes = {jm::Lane::Emotion, jm::Lane::Friction};
    jm::Stage s;
    s.id = "s1";
    s.name = "Awareness";
    jm::Touchpoint t;
    t.id = "t1";
    t.title = "Ad";
    t.friction = 3;                 // emotion stays 0: left out
    t.survey.ces_scale = 7;         // a default survey: left out
    s.touchpoints.push_back(t);
    m.stages.push_back(s);
    jm::Persona p;
    p.id = "p1";
    p.name = "Ana";                 // kind and role are always written
    m.personas.push_back(p);
    const std::string expected =
        "{\n"
        "  \"format\": \"journeymap\",\n"
        "  \"version\": 2,\n"
        "  \"id\": \"m1\",\n"
        "  \"title\": \"T\",\n"
        "  \"lanes\": [\n"
        "    \"emotion\",\n"
        "    \"friction\"\n"
        "  ],\n"
        "  \"stages\": [\n"
        "    {\n"
        "      \"id\": \"s1\",\n"
        "      \"name\": \"Awareness\",\n"
        "      \"touchpoints\": [\n"
        "        {\n"
        "          \"id\": \"t1\",\n"
        "          \"title\": \"Ad\",\n"
        "          \"friction\": 3\n"
        "        }\n"
        "      ]\n"
        "    }\n"
        "  ],\n"
        "  \"personas\": [\n"
        "    {\n"
        "      \"id\": \"p1\",\n"
        "      \"name\": \"Ana\",\n"
        "      \"kind\": \"buyer\",\n"
        "      \"role\": \"other\"\n"
        "    }\n"
        "  ]\n"
        "}\n";
    REQUIRE(jm::save_map_json(m) == expected);
}

TEST_CASE("an empty map keeps its required lists", "[io][roundtrip]") {
    jm::Map m;
    m.id = "m";
    m.title = "";
    const std::string saved = jm::save_map_json(m);
    REQUIRE(saved ==
            "{\n  \"format\": \"journeymap\",\n  \"version\": 2,\n  \"id\": \"m\",\n  \"title\": \"\",\n"
            "  \"lanes\": [],\n  \"stages\": [],\n  \"personas\": []\n}\n");
    REQUIRE(load_ok(saved) == m);
}

TEST_CASE("a large generated map survives a round trip", "[io][roundtrip]") {
    const jm::Map m = jm::testing::make_large_map({.stages = 20, .touchpoints = 2000, .personas = 20});
    REQUIRE(jm::touchpoint_count(m) == 2000);
    const std::string saved = jm::save_map_json(m);
    const jm::Map back = load_ok(saved);
    REQUIRE(jm::touchpoint_count(back) == 2000);
    REQUIRE(back == m);
    REQUIRE(jm::save_map_json(back) == saved);
}

TEST_CASE("the card detail is kept per map: written only when compact, read back, unknown values refused", "[io][roundtrip]") {
    jm::Map m;
    m.id = "m1";
    m.title = "T";
    m.lanes = jm::default_lanes();
    const std::string full = jm::save_map_json(m);
    CHECK_THAT(full, !Contains("card_detail"));
    m.card_detail = jm::CardDetail::Compact;
    const std::string compact = jm::save_map_json(m);
    CHECK_THAT(compact, Contains("\"card_detail\": \"compact\""));
    jm::LoadResult r = jm::load_map_json(compact);
    REQUIRE(r.ok());
    CHECK(r.map->card_detail == jm::CardDetail::Compact);
    CHECK(*r.map == m);

    std::string wrong = compact;
    wrong.replace(wrong.find("\"compact\""), 9, "\"tiny\"");
    jm::LoadResult bad = jm::load_map_json(wrong);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.problems.front().path == "/card_detail");
}
