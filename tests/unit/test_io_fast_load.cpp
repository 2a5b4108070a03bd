// The fast map reader (src/io/map_json_fast.cpp) against the checked one
// (map_json_read.cpp): for every file the project has, and for variants of the
// valid ones (truncated, bytes changed, re-encoded, extended with unknown
// fields, keys twice, numbers written as floats...), load_map_json must give
// exactly what the checked reader gives (map, problems, notices), and the fast
// reader may only accept a file the checked one accepts, with the same map.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "io/map_json.h"
#include "support/large_map.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string read_file(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    REQUIRE(f.good());
    std::ostringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

std::vector<fs::path> files_under(const std::string& relative) {
    std::vector<fs::path> out;
    const fs::path root = fs::path(JM_SOURCE_DIR) / relative;
    if (!fs::exists(root)) return out;
    for (const auto& e : fs::recursive_directory_iterator(root))
        if (e.is_regular_file()) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

// Checks that both readers agree on `text`; true when the fast one accepted it.
bool same_outcome(const std::string& text) {
    const jm::LoadResult checked = jm::load_map_json_checked(text);
    const jm::LoadResult used = jm::load_map_json(text);
    const std::optional<jm::LoadResult> fast = jm::load_map_json_fast(text);
    REQUIRE(used.ok() == checked.ok());
    REQUIRE(used.problems.size() == checked.problems.size());
    for (std::size_t i = 0; i < used.problems.size(); ++i) {
        CHECK(used.problems[i].path == checked.problems[i].path);
        CHECK(used.problems[i].message == checked.problems[i].message);
    }
    CHECK(used.notices == checked.notices);
    CHECK(used.source_version == checked.source_version);
    CHECK(used.migrated == checked.migrated);
    if (checked.ok()) REQUIRE(*used.map == *checked.map);
    if (fast) {
        REQUIRE(checked.ok());
        REQUIRE(fast->problems.empty());
        REQUIRE(*fast->map == *checked.map);
        CHECK(checked.notices.empty());
        // Version 1 files are read fast too (their upgrade changes the number alone).
        CHECK(fast->migrated == checked.migrated);
        CHECK(checked.migrated == (checked.source_version == 1));
        CHECK(fast->source_version == checked.source_version);
    }
    return fast.has_value();
}

std::vector<std::string> valid_files() {
    std::vector<std::string> out;
    for (const char* dir : {"assets/templates", "tests/data/valid", "tests/data/v1"})
        for (const auto& p : files_under(dir)) out.push_back(read_file(p));
    out.push_back(read_file(fs::path(JM_SOURCE_DIR) / "tests/data/v0/onboarding.v1.json"));
    out.push_back(read_file(fs::path(JM_SOURCE_DIR) / "tests/data/v0/onboarding.v2.json"));
    out.push_back(read_file(fs::path(JM_SOURCE_DIR) / "tests/data/mermaid/tricky.journeymap.json"));
    return out;
}

// Every object of `j`, depth first.
void objects_of(json& j, std::vector<json*>& out) {
    if (j.is_object()) out.push_back(&j);
    if (j.is_structured())
        for (auto& v : j) objects_of(v, out);
}

}  // namespace

TEST_CASE("the fast reader reads every template and valid test file into the checked reader's map", "[io][fast-load]") {
    const auto files = valid_files();
    REQUIRE(files.size() >= 24);
    for (const auto& text : files) {
        INFO(text.substr(0, 120));
        CHECK(same_outcome(text));   // accepted by the fast reader, and the same map
    }
}

TEST_CASE("every file of the project loads the same through load_map_json as through the checked reader", "[io][fast-load]") {
    std::size_t files = 0, fast = 0, refused = 0;
    for (const char* dir : {"assets/templates", "tests/data", "tests/fuzz/corpus/json_map", "tests/fuzz/regressions/json_map"}) {
        for (const auto& p : files_under(dir)) {
            INFO(p.string());
            const std::string text = read_file(p);
            ++files;
            if (same_outcome(text)) ++fast;
            if (!jm::load_map_json_checked(text).ok()) {
                ++refused;
                CHECK_FALSE(jm::load_map_json_fast(text).has_value());
            }
        }
    }
    CHECK(files > 100);
    CHECK(fast >= 24);
    CHECK(refused >= 29);   // tests/data/invalid alone has 29
}

TEST_CASE("the fast reader declines broken variants of valid files, which then give the checked reader's problems", "[io][fast-load]") {
    for (const auto& text : valid_files()) {
        INFO(text.substr(0, 120));
        // Cut at 24 places: never a whole map (the readers agree on the problem).
        for (std::size_t k = 1; k < 24; ++k) {
            const std::string cut = text.substr(0, text.size() * k / 24);
            if (cut.find_last_not_of(" \n\r\t") == std::string::npos) continue;
            INFO("cut at " << cut.size());
            CHECK_FALSE(same_outcome(cut));
        }
        // One byte changed at 12 places into characters that break JSON, UTF-8 or the
        // format, or that change nothing but whitespace.
        for (std::size_t k = 0; k < 12; ++k) {
            const std::size_t at = text.size() * k / 12;
            for (const char* c : {"\"", "}", ",", "\\", "\x80", "\xC3", "\x01", "9", " "}) {
                std::string changed = text;
                changed[at] = c[0];
                INFO("byte " << at << " set to " << static_cast<int>(static_cast<unsigned char>(c[0])));
                same_outcome(changed);
            }
        }
    }
}

TEST_CASE("the fast reader gives the checked reader's map for re-encoded and extended valid files", "[io][fast-load]") {
    for (const auto& text : valid_files()) {
        INFO(text.substr(0, 120));
        json doc = json::parse(text);
        // Other layouts of the same document: compact, tabs, every non-ASCII character escaped.
        CHECK(same_outcome(doc.dump()));
        CHECK(same_outcome(doc.dump(1, '\t')));
        CHECK(same_outcome(doc.dump(-1, ' ', true)));
        // The version as 1.0 and 1e0 (2.0, 2e0); numbers that are whole written with a fraction.
        std::string as_float = doc.dump(2);
        for (const char* version : {"1", "2"}) {
            const std::string marker = std::string("\"version\": ") + version;
            const auto at = as_float.find(marker);
            if (at == std::string::npos) continue;
            const auto with = [&](const std::string& v) { return std::string(as_float).replace(at, marker.size(), "\"version\": " + v); };
            CHECK(same_outcome(with(std::string(version) + ".0")));
            CHECK(same_outcome(with(std::string(version) + "e0")));
            CHECK(same_outcome(with("1")));   // a version 1 file, read fast, says it was upgraded
            CHECK(same_outcome(with("2")));
            CHECK_FALSE(same_outcome(with("3")));
            CHECK_FALSE(same_outcome(with("0")));
            CHECK_FALSE(same_outcome(with("1.5")));
        }
        for (const char* key : {"\"friction\": ", "\"emotion\": ", "\"volume\": ", "\"funnel_count\": "}) {
            std::string t = as_float;
            for (std::size_t at = t.find(key); at != std::string::npos; at = t.find(key, at + 1)) {
                const std::size_t num = at + std::strlen(key), end = t.find_first_not_of("-0123456789", num);
                if (end > num) t.insert(end, ".0");
            }
            CHECK(same_outcome(t));
        }
        // Unknown fields at every level, of every kind; they are kept, and the same way.
        json extended = doc;
        std::vector<json*> objects;
        objects_of(extended, objects);
        int n = 0;
        for (json* o : objects) {
            (*o)["x-note"] = "Décision 决策 🚀 \"quoted\" \\ /";
            (*o)["x-figures"] = json::array({1, -2, 3.5, 1e300, 12345678901234567890ull, -9223372036854775807LL - 1, true, nullptr});
            (*o)["x-nested"] = {{"a", {{"b", json::array({json::object(), json::array()})}}}, {"n", n++}};
        }
        CHECK(same_outcome(extended.dump(2)));
        CHECK(same_outcome(extended.dump(-1, ' ', true)));
        // A key given twice: nlohmann keeps the last; the fast reader leaves it to the checked one.
        std::string twice = doc.dump(2);
        if (auto at = twice.find("\"title\": "); at != std::string::npos) {
            twice.insert(at, "\"title\": \"first\",\n");
            CHECK_FALSE(same_outcome(twice));
        }
        // A byte order mark, trailing text, a second document.
        CHECK_FALSE(same_outcome("\xEF\xBB\xBF" + text));
        CHECK_FALSE(same_outcome(text + "x"));
        CHECK_FALSE(same_outcome(text + text));
        CHECK(same_outcome(" \r\n\t" + text + " \r\n\t"));
    }
}

TEST_CASE("the fast reader applies the same limits and rules as the checked reader", "[io][fast-load]") {
    const auto with_touchpoint = [](const std::string& members) {
        return R"({"format": "journeymap", "version": 1, "id": "m", "title": "T", "personas": [{"id": "p", "name": "P"}],
                   "stages": [{"id": "s", "name": "S", "touchpoints": [{"id": "t", "title": "X", )" + members + "}]}]}";
    };
    // Text: 100,000 characters are allowed (here 200,000 bytes), one more is not.
    std::string long_text;
    for (int i = 0; i < 100000; ++i) long_text += "\xC3\xA9";
    CHECK(same_outcome(with_touchpoint("\"description\": \"" + long_text + "\"")));
    CHECK_FALSE(same_outcome(with_touchpoint("\"description\": \"" + long_text + "e\"")));
    // Nesting: 64 levels in all, unknown fields included.
    const auto nested = [](int levels) { return std::string(levels, '[') + std::string(levels, ']'); };
    CHECK(same_outcome(with_touchpoint("\"x\": " + nested(64 - 5))));
    CHECK_FALSE(same_outcome(with_touchpoint("\"x\": " + nested(64 - 4))));
    // Values, ranges, kinds and references.
    for (const char* members : {"\"friction\": 5", "\"friction\": 6", "\"friction\": 4.5", "\"friction\": -0", "\"friction\": -0.0",
                                "\"emotion\": -2", "\"emotion\": -3", "\"emotion\": 2e0", "\"volume\": 9000000000000000",
                                "\"volume\": 9000000000000001", "\"volume\": -1", "\"volume\": 1e400", "\"volume\": 18446744073709551616",
                                "\"target_friction\": null", "\"persona_ids\": [\"p\"]", "\"persona_ids\": [\"q\"]",
                                "\"persona_ids\": [\"p\", \"p\"]", "\"survey\": {\"nps\": [0,0,0,0,0,0,0,0,0,0,1]}",
                                "\"survey\": {\"nps\": [0,0,0,0,0,0,0,0,0,1]}", "\"survey\": {\"ces_scale\": 5, \"ces\": [1,2,3,4,5]}",
                                "\"survey\": {\"ces\": [1,2,3,4,5], \"ces_scale\": 5}", "\"survey\": {\"ces\": [1,2,3,4,5]}",
                                "\"survey\": {\"ces_scale\": 6}", "\"survey\": {\"ces_low_is_easy\": false}", "\"survey\": []",
                                "\"survey_previous\": {}", "\"evidence\": {\"quotes\": [\"a\\u0000b\", \"\\ud83d\\ude80\"]}",
                                "\"evidence\": {\"quotes\": [\"\\ud83d\"]}", "\"evidence\": {\"quotes\": [\"\\ude80\"]}",
                                "\"title\": \"\\u00e9\\/\\b\\f\\n\\r\\t\"", "\"title\": \"\\x\"", "\"title\": \"tab\there\"",
                                "\"id\": \"s\"", "\"id\": \"\"", "\"channel\": 3", "\"pains\": [1]", "\"x\": 01", "\"x\": 1.",
                                "\"x\": .5", "\"x\": +1", "\"x\": -", "\"x\": 1e", "\"x\": tru", "\"x\": [1,]", "\"x\": {\"a\":1,}",
                                "\"x\": 0.1, \"y\": 1E+2, \"z\": -1.5e-3"}) {
        INFO(members);
        same_outcome(with_touchpoint(members));
    }
    // A stage, a KPI, a persona and the periods.
    const std::string rest = R"({"format": "journeymap", "version": 1, "id": "m", "title": "T", "lanes": ["emotion", "touchpoints"],
        "card_detail": "compact", "period": {"label": "Q1", "customers_start": 100, "arpa": 12.5, "gross_margin": 0.8},
        "period_previous": {"customers_start": 90},
        "personas": [{"id": "p", "name": "P", "kind": "user", "role": "champion", "color": "#00aaFF",
                      "firmographics": {"region": "EU", "x": 1}}],
        "stages": [{"id": "s", "name": "S", "kpis": [{"id": "k", "name": "K", "current": 3, "target": 2.5, "direction": "lower"}],
                    "funnel_count": 10, "handoff": {"to_team": "CS"}, "survey": {}, "survey_previous": {"csat": [1,2,3,4,5]}}]})";
    CHECK(same_outcome(rest));
    for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
             {"#00aaFF", "#00aaF"}, {"#00aaFF", "00aaFF0"}, {"\"user\"", "\"seller\""}, {"\"lower\"", "\"less\""},
             {"\"compact\"", "\"tiny\""}, {"[\"emotion\", \"touchpoints\"]", "[\"emotion\", \"emotion\"]"},
             {"[\"emotion\", \"touchpoints\"]", "[]"}, {"\"id\": \"k\"", "\"id\": \"p\""}, {"12.5", "\"12.5\""},
             {"\"format\": \"journeymap\"", "\"format\": \"journeymap2\""}, {"\"format\": \"journeymap\", ", ""},
             {"\"version\": 1", "\"journeymap_version\": 0"}}) {
        std::string t = rest;
        t.replace(t.find(from), from.size(), to);
        INFO(t);
        same_outcome(t);
    }
}

TEST_CASE("the fast reader reads and judges lineage as the checked reader does", "[io][fast-load][lineage]") {
    const std::string hash(64, 'c');
    for (const char* version : {"1", "2"}) {
        const auto map_with = [&](const std::string& members) {
            return std::string(R"({"format": "journeymap", "version": )") + version +
                   R"(, "id": "m", "title": "T", "personas": [], "stages": [{"id": "s", "name": "S"}])" + members + "}";
        };
        const auto base = [&](const std::string& members) { return ", \"lineage\": {\"bases\": [{" + members + "}]}"; };
        // Accepted by both: no lineage, empty ones, full ones, unknown members, ids of this map or another.
        for (const std::string& members :
             {std::string(), std::string(", \"lineage\": {}"), std::string(", \"lineage\": {\"bases\": []}"),
              base("\"id\": \"m\", \"hash\": \"" + hash + "\""),
              base("\"id\": \"s\", \"hash\": \"" + hash + "\", \"forked\": \"2026-11-22T10:00:00Z\", \"x\": [1, {\"y\": null}]"),
              base("\"forked\": \"\", \"hash\": \"" + hash + "\", \"id\": \"决策\""),
              ", \"lineage\": {\"x-merged\": true, \"bases\": [{\"id\": \"a\", \"hash\": \"" + hash + "\"}, {\"id\": \"b\", \"hash\": \"" +
                  hash + "\"}]}"}) {
            INFO(map_with(members));
            CHECK(same_outcome(map_with(members)));
            CHECK(jm::load_map_json_checked(map_with(members)).migrated == (std::string(version) == "1"));
        }
        // Refused by both (the fast reader leaves them to the checked one, which says why).
        for (const std::string& members :
             {std::string(", \"lineage\": []"), std::string(", \"lineage\": null"), std::string(", \"lineage\": {\"bases\": {}}"),
              std::string(", \"lineage\": {\"bases\": [1]}"), base("\"hash\": \"" + hash + "\""), base("\"id\": \"m\""),
              base("\"id\": \"\", \"hash\": \"" + hash + "\""), base("\"id\": \"m\", \"hash\": \"" + hash.substr(1) + "\""),
              base("\"id\": \"m\", \"hash\": \"" + hash + "0\""), base("\"id\": \"m\", \"hash\": \"" + std::string(64, 'C') + "\""),
              base("\"id\": \"m\", \"hash\": \"" + std::string(63, 'c') + "g\""), base("\"id\": \"m\", \"hash\": 12"),
              base("\"id\": \"m\", \"hash\": \"" + hash + "\", \"forked\": false")}) {
            INFO(map_with(members));
            CHECK_FALSE(same_outcome(map_with(members)));
            CHECK_FALSE(jm::load_map_json_checked(map_with(members)).ok());
        }
        // Keys given twice: nlohmann keeps the last, the fast reader leaves it to the checked one.
        CHECK_FALSE(same_outcome(map_with(", \"lineage\": {}, \"lineage\": {}")));
        CHECK_FALSE(same_outcome(map_with(", \"lineage\": {\"bases\": [], \"bases\": []}")));
        CHECK_FALSE(same_outcome(map_with(base("\"id\": \"m\", \"id\": \"n\", \"hash\": \"" + hash + "\""))));
    }
    // A generated map with a long lineage.
    jm::Map big = jm::testing::make_large_map({.stages = 3, .touchpoints = 60, .personas = 3});
    for (int i = 0; i < 8; ++i) big.lineage.bases.push_back({.id = big.id, .hash = hash, .forked = "2026-11-22T10:00:00Z"});
    big.lineage.bases[3].unknown["x"] = "[1,2]";
    const std::string text = jm::save_map_json(big);
    CHECK(same_outcome(text));
    CHECK(*jm::load_map_json_fast(text)->map == big);
}

TEST_CASE("the fast reader reads a large generated map exactly", "[io][fast-load]") {
    const jm::Map map = jm::testing::make_large_map({.stages = 7, .touchpoints = 700, .personas = 9});
    const std::string text = jm::save_map_json(map);
    const auto fast = jm::load_map_json_fast(text);
    REQUIRE(fast);
    CHECK(*fast->map == map);
    CHECK(same_outcome(text));
    CHECK(same_outcome(json::parse(text).dump()));
}
