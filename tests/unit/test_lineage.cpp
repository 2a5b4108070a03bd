// Lineage (format version 2): the content hash, fork_for_sending, reading and
// validating "lineage", the upgrade of version 1 files, the bases the library
// keeps for three-way merges, and ids random enough for copies edited apart.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "io/content_hash.h"
#include "io/library.h"
#include "io/map_json.h"
#include "io/templates.h"
#include "support/test_data.h"
#include "support/large_map.h"

using namespace jm;
using Catch::Matchers::Contains;

namespace {

using jm::testing::read_data;

Map load_ok(const std::string& text) {
    LoadResult r = load_map_json(text);
    for (const auto& p : r.problems) UNSCOPED_INFO(p.path << ": " << p.message);
    REQUIRE(r.ok());
    return *r.map;
}

Map workshop_map() {
    Map m;
    m.id = "map-workshop";
    m.title = "Onboarding B2B";
    m.created = "2026-11-20T09:00:00Z";
    m.modified = "2026-11-22T10:00:00Z";
    m.lanes = default_lanes();
    Stage s{.id = "stage-decision", .name = "Decisión"};
    s.touchpoints.push_back(Touchpoint{.id = "tp-demo", .title = "Demo", .friction = 3});
    s.touchpoints.push_back(Touchpoint{.id = "tp-contract", .title = "Contrato 合同", .friction = 4});
    m.stages.push_back(s);
    m.personas.push_back(Persona{.id = "persona-ana", .name = "Ana"});
    return m;
}

const std::string kHashA(64, 'a');
const std::string kHashB = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

// A version 2 map file whose "lineage" member is `lineage` (JSON text).
std::string with_lineage(const std::string& lineage) {
    return R"({"format": "journeymap", "version": 2, "id": "m", "title": "T", "stages": [], "personas": [], "lineage": )" +
           lineage + "}";
}

}  // namespace

TEST_CASE("SHA-256 gives the FIPS 180-4 test vectors", "[lineage][hash]") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(sha256_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu") ==
          "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
    CHECK(sha256_hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    // Lengths around the 64-byte block and its 56-byte padding boundary (from Python's hashlib).
    CHECK(sha256_hex(std::string(55, 'a')) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
    CHECK(sha256_hex(std::string(56, 'a')) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
    CHECK(sha256_hex(std::string(63, 'a')) == "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34");
    CHECK(sha256_hex(std::string(64, 'a')) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
    CHECK(sha256_hex(std::string(65, 'a')) == "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0");
    CHECK(sha256_hex("Decisión 决策 🚀") == "64e8dfade0565240d6bf6b37ae2c2647e3d29acaef6b84f9f21658f362dab625");
    CHECK(is_content_hash(sha256_hex("x")));
    CHECK_FALSE(is_content_hash(std::string(63, 'a')));
    CHECK_FALSE(is_content_hash(std::string(65, 'a')));
    CHECK_FALSE(is_content_hash(std::string(64, 'A')));
    CHECK_FALSE(is_content_hash(std::string(63, 'a') + "g"));
}

TEST_CASE("the content hash is the same however the file is laid out", "[lineage][hash]") {
    for (const char* file : {"valid/every-field.json", "valid/multilingual.json", "valid/unknown-fields.json"}) {
        INFO(file);
        const std::string text = read_data(file);
        const std::string hash = content_hash(load_ok(text));
        CHECK(is_content_hash(hash));
        const nlohmann::json doc = nlohmann::json::parse(text);
        CHECK(content_hash(load_ok(doc.dump())) == hash);             // compact, keys sorted
        CHECK(content_hash(load_ok(doc.dump(1, '\t'))) == hash);      // tabs
        CHECK(content_hash(load_ok(doc.dump(-1, ' ', true))) == hash);  // every non-ASCII character escaped
        CHECK(content_hash(load_ok(" \r\n" + text + "\n\n")) == hash);
        CHECK(content_hash(load_ok(save_map_json(load_ok(text)))) == hash);   // saved again
    }
    // The same map in the version 1 file (no lineage) has the same content.
    CHECK(content_hash(load_ok(read_data("v1/every-field.json"))) == content_hash(load_ok(read_data("valid/every-field.json"))));
}

TEST_CASE("the content hash changes with the content, not with identity or bookkeeping", "[lineage][hash]") {
    const Map m = workshop_map();
    const std::string hash = content_hash(m);
    const auto differs = [&](auto change) {
        Map c = m;
        change(c);
        return content_hash(c) != hash;
    };
    // Not content: when it was made or changed, its id, where it came from.
    CHECK_FALSE(differs([](Map& c) { c.modified = "2027-01-01T00:00:00Z"; }));
    CHECK_FALSE(differs([](Map& c) { c.created.clear(); }));
    CHECK_FALSE(differs([](Map& c) { c.id = "map-workshop-2"; }));
    CHECK_FALSE(differs([](Map& c) { c.lineage.bases.push_back({.id = "x", .hash = kHashA, .forked = "2026-01-01T00:00:00Z"}); }));
    // Content: every field, the order of things, unknown fields.
    CHECK(differs([](Map& c) { c.title += "."; }));
    CHECK(differs([](Map& c) { c.stages[0].touchpoints[0].friction = 2; }));
    CHECK(differs([](Map& c) { std::swap(c.stages[0].touchpoints[0], c.stages[0].touchpoints[1]); }));
    CHECK(differs([](Map& c) { c.stages[0].touchpoints[1].survey.nps[10] = 1; }));
    CHECK(differs([](Map& c) { c.personas[0].color = "#112233"; }));
    CHECK(differs([](Map& c) { c.period.customers_start = 100; }));
    CHECK(differs([](Map& c) { c.lanes.pop_back(); }));
    CHECK(differs([](Map& c) { c.unknown["x-note"] = "1"; }));
    CHECK(differs([](Map& c) { c.stages[0].id = "stage-other"; }));   // the ids of the things in it are content
}

TEST_CASE("fork_for_sending puts the current version first in the lineage", "[lineage]") {
    Map m = workshop_map();
    const Map sent = fork_for_sending(m, "2026-11-22T11:00:00Z");
    REQUIRE(sent.lineage.bases.size() == 1);
    CHECK(sent.lineage.bases[0] == Ancestor{.id = "map-workshop", .hash = content_hash(m), .forked = "2026-11-22T11:00:00Z"});
    // The copy is the same map otherwise, and its content is the version it names.
    Map without = sent;
    without.lineage = {};
    CHECK(without == m);
    CHECK(content_hash(sent) == sent.lineage.bases[0].hash);
    // Sent again unchanged: still one entry, with the first time it was sent.
    const Map again = fork_for_sending(sent, "2026-11-22T12:00:00Z");
    CHECK(again.lineage == sent.lineage);
    // Changed and sent back (a group's copy): its version in front, the first sender's kept.
    Map group = sent;
    group.stages[0].touchpoints.push_back(Touchpoint{.id = new_id(group, "tp"), .title = "Kick-off"});
    const Map back = fork_for_sending(group, "2026-11-23T09:00:00Z");
    REQUIRE(back.lineage.bases.size() == 2);
    CHECK(back.lineage.bases[0].hash == content_hash(group));
    CHECK(back.lineage.bases[1] == sent.lineage.bases[0]);
    // The lineage is cut at kMaxLineageBases entries.
    Map often = m;
    for (int i = 0; i < 20; ++i) {
        often.title = "Version " + std::to_string(i);
        often = fork_for_sending(often, "2026-11-22T11:00:00Z");
    }
    CHECK(often.lineage.bases.size() == kMaxLineageBases);
    CHECK(often.lineage.bases[0].hash == content_hash(often));
    // A map that was never sent has no lineage, and writes none.
    CHECK(m.lineage.empty());
    CHECK(save_map_json(m).find("lineage") == std::string::npos);
}

TEST_CASE("a version 2 map with lineage round-trips byte for byte", "[lineage][io]") {
    const std::string text = read_data("valid/every-field.json");
    const LoadResult r = load_map_json(text);
    REQUIRE(r.ok());
    CHECK(r.source_version == 2);
    CHECK_FALSE(r.migrated);
    const Lineage& l = r.map->lineage;
    REQUIRE(l.bases.size() == 2);
    CHECK(l.bases[0].id == "map-every-field");
    CHECK(l.bases[0].hash == "5f0c6b2a9e4d8c7b1a3f2e6d9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b");
    CHECK(l.bases[0].forked == "2026-11-22T16:00:00Z");
    CHECK(l.bases[1].id == "map-workshop-draft");
    CHECK(l.bases[1].forked.empty());
    CHECK(save_map_json(*r.map) == text);
    // Written after "modified", and unknown members of the lineage and its entries are kept.
    Map m = workshop_map();
    m.lineage.bases.push_back({.id = "map-workshop", .hash = kHashA, .forked = "2026-11-22T11:00:00Z"});
    m.lineage.bases[0].unknown["x-tool"] = "\"other editor\"";
    m.lineage.unknown["x-merged"] = "[1,2]";
    const std::string saved = save_map_json(m);
    CHECK(saved.find("\"modified\"") < saved.find("\"lineage\""));
    CHECK(saved.find("\"lineage\"") < saved.find("\"lanes\""));
    CHECK(load_ok(saved) == m);
    CHECK(save_map_json(load_ok(saved)) == saved);
    // An empty lineage object reads as no lineage, and is not written.
    CHECK(load_ok(with_lineage("{}")).lineage.empty());
    CHECK(load_ok(with_lineage(R"({"bases": []})")).lineage.empty());
    CHECK(save_map_json(load_ok(with_lineage("{}"))).find("lineage") == std::string::npos);
}

TEST_CASE("a version 1 file opens, upgraded, with no lineage", "[lineage][migrate]") {
    const LoadResult r = load_map_json(read_data("v1/every-field.json"));
    REQUIRE(r.ok());
    CHECK(r.migrated);
    CHECK(r.source_version == 1);
    CHECK(r.map->lineage.empty());
    Map current = load_ok(read_data("valid/every-field.json"));
    current.lineage = {};
    CHECK(*r.map == current);
    // Saved, it is a version 2 file.
    const std::string saved = save_map_json(*r.map);
    CHECK_THAT(saved, Contains("\"version\": 2,"));
    const LoadResult again = load_map_json(saved);
    CHECK_FALSE(again.migrated);
    CHECK(again.source_version == 2);
    // Both readers agree on it, and the checked one upgrades 1.0 the same way.
    const auto fast = load_map_json_fast(read_data("v1/every-field.json"));
    REQUIRE(fast);
    CHECK(fast->migrated);
    CHECK(fast->source_version == 1);
    const LoadResult as_float = load_map_json_checked(R"({"format": "journeymap", "version": 1.0, "id": "m", "title": "T", "stages": [], "personas": []})");
    REQUIRE(as_float.ok());
    CHECK(as_float.migrated);
    CHECK(as_float.source_version == 1);
    // A lineage in a version 1 file is read (and judged) as version 2 defines it.
    const std::string v1_with = R"({"format": "journeymap", "version": 1, "id": "m", "title": "T", "stages": [], "personas": [], "lineage": )";
    CHECK(load_ok(v1_with + R"({"bases": [{"id": "m", "hash": ")" + kHashA + R"("}]}})").lineage.bases.size() == 1);
    CHECK_FALSE(load_map_json(v1_with + R"({"bases": [{"id": "m", "hash": "abc"}]}})").ok());
    // Every template is a version 2 file now, read with no upgrade.
    for (const auto& t : embedded_templates()) {
        INFO(t.name);
        const LoadResult tr = load_map_json(t.json);
        CHECK(tr.source_version == kFormatVersion);
        CHECK_FALSE(tr.migrated);
    }
}

TEST_CASE("a bad lineage is reported with its place and plain words", "[lineage][io]") {
    struct Case {
        std::string lineage;
        std::string path;
        std::string words;
    };
    const std::string good_hash = "\"hash\": \"" + kHashA + "\"";
    const std::vector<Case> cases = {
        {"[]", "/lineage", "must be an object, got an array"},
        {R"({"bases": {}})", "/lineage/bases", "must be a list, got an object"},
        {R"({"bases": ["m"]})", "/lineage/bases/0", "must be an object, got a string"},
        {"{\"bases\": [{" + good_hash + "}]}", "/lineage/bases/0/id", "missing required field \"id\""},
        {"{\"bases\": [{\"id\": \"\", " + good_hash + "}]}", "/lineage/bases/0/id", "an id must not be empty"},
        {"{\"bases\": [{\"id\": 7, " + good_hash + "}]}", "/lineage/bases/0/id", "must be a string, got a number"},
        {R"({"bases": [{"id": "m"}]})", "/lineage/bases/0/hash", "missing required field \"hash\""},
        {R"({"bases": [{"id": "m", "hash": "abc"}]})", "/lineage/bases/0/hash",
         "must be a content hash, 64 lowercase hexadecimal digits (SHA-256), got \"abc\""},
        {"{\"bases\": [{\"id\": \"m\", \"hash\": \"" + std::string(64, 'A') + "\"}]}", "/lineage/bases/0/hash", "64 lowercase hexadecimal digits"},
        {R"({"bases": [{"id": "m", "hash": null}]})", "/lineage/bases/0/hash", "must be a string, got null"},
        {"{\"bases\": [{\"id\": \"m\", " + good_hash + ", \"forked\": 2026}]}", "/lineage/bases/0/forked", "must be a string, got a number"},
        {"{\"bases\": [{\"id\": \"m\", " + good_hash + "}, {\"id\": \"m\", \"hash\": \"" + kHashA + "0\"}]}", "/lineage/bases/1/hash",
         "64 lowercase hexadecimal digits"},
    };
    for (const auto& c : cases) {
        INFO(c.lineage);
        const LoadResult r = load_map_json(with_lineage(c.lineage));
        CHECK_FALSE(r.ok());
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].path == c.path);
        CHECK_THAT(r.problems[0].message, Contains(c.words));
        CHECK_FALSE(load_map_json_fast(with_lineage(c.lineage)).has_value());
    }
    // A hash that is too long for any text is reported once, as too long.
    const LoadResult huge = load_map_json(with_lineage("{\"bases\": [{\"id\": \"m\", \"hash\": \"" + std::string(100001, 'a') + "\"}]}"));
    REQUIRE(huge.problems.size() == 1);
    CHECK_THAT(huge.problems[0].message, Contains("too long"));
    // A lineage names other maps' ids (or this map's own): they are not claimed as this map's.
    CHECK(load_ok(R"({"format": "journeymap", "version": 2, "id": "m", "title": "T", "personas": [],
                      "stages": [{"id": "s", "name": "S"}], "lineage": {"bases": [{"id": "s", "hash": ")" + kHashA +
                  R"("}, {"id": "m", "hash": ")" + kHashB + R"("}]}})")
              .lineage.bases.size() == 2);
}

TEST_CASE("the library keeps the last bases of each map", "[lineage][library]") {
    MemoryStore store;
    Library lib(store);
    Map m = workshop_map();
    std::vector<std::string> hashes;
    for (int i = 0; i < 5; ++i) {
        m.title = "Version " + std::to_string(i);
        const Map sent = fork_for_sending(m, "2026-11-22T11:00:00Z");
        REQUIRE(lib.store_base(save_map_json(sent)) == "");
        hashes.push_back(sent.lineage.bases[0].hash);
    }
    // Only the newest three, newest first; the older ones are gone from the store.
    auto kept = lib.bases("map-workshop");
    REQUIRE(kept.size() == Library::kBasesPerMap);
    CHECK(kept[0].hash == hashes[4]);
    CHECK(kept[1].hash == hashes[3]);
    CHECK(kept[2].hash == hashes[2]);
    CHECK_FALSE(lib.find_base("map-workshop", hashes[1]));
    CHECK(store.keys(Library::kBasePrefix).size() == 3);
    // find_base gives the text kept, which loads to the version sent.
    const auto text = lib.find_base("map-workshop", hashes[3]);
    REQUIRE(text);
    CHECK(load_ok(*text).title == "Version 3");
    CHECK(content_hash(load_ok(*text)) == hashes[3]);
    CHECK_FALSE(lib.find_base("map-other", hashes[3]));
    // Keeping a kept version again makes it the newest, without a second copy.
    m.title = "Version 2";
    REQUIRE(lib.store_base(save_map_json(m)) == "");
    kept = lib.bases("map-workshop");
    REQUIRE(kept.size() == 3);
    CHECK(kept[0].hash == hashes[2]);
    CHECK(kept[1].hash == hashes[4]);
    // Other maps' bases are counted apart; bases are not maps in the list.
    Map other = workshop_map();
    other.id = "map-workshop:b";   // an id may hold the key's separator
    REQUIRE(lib.store_base(save_map_json(other)) == "");
    CHECK(lib.bases("map-workshop").size() == 3);
    REQUIRE(lib.bases("map-workshop:b").size() == 1);
    CHECK(lib.bases().size() == 4);
    CHECK(lib.find_base("map-workshop:b", content_hash(other)));
    CHECK(lib.list().empty());
    // A text that is not a map is not kept.
    CHECK_FALSE(lib.store_base("{\"format\": \"journeymap\"").empty());
    CHECK(lib.bases().size() == 4);
}

TEST_CASE("the base of a copy that comes back is found through its lineage", "[lineage][library]") {
    // The facilitator sends the map to a group and keeps what was sent.
    MemoryStore facilitator_store;
    Library facilitator(facilitator_store);
    Map ours = workshop_map();
    REQUIRE(facilitator.save(ours) == "");
    const Map sent = fork_for_sending(ours, "2026-11-22T11:00:00Z");
    const std::string sent_text = save_map_json(sent);
    REQUIRE(facilitator.store_base(sent_text) == "");
    // The group opens it, changes it, and sends its copy back (its version put in front).
    Map group = load_ok(sent_text);
    group.stages[0].touchpoints[0].friction = 1;
    const Map back = load_ok(save_map_json(fork_for_sending(group, "2026-11-23T09:00:00Z")));
    REQUIRE(back.lineage.bases.size() == 2);
    // Meanwhile the facilitator changed the map too; the common ancestor is what was sent.
    ours.title = "Onboarding B2B (v2)";
    const auto base = facilitator.nearest_base(back.lineage);
    REQUIRE(base);
    CHECK(base->id == "map-workshop");
    CHECK(base->hash == sent.lineage.bases[0].hash);
    const auto base_text = facilitator.find_base(base->id, base->hash);
    REQUIRE(base_text);
    CHECK(*base_text == sent_text);
    // A copy with no lineage (a version 1 file), or one whose bases are not kept: no base, a two-way merge.
    CHECK_FALSE(facilitator.nearest_base(Lineage{}));
    CHECK_FALSE(facilitator.nearest_base(Lineage{.bases = {{.id = "map-workshop", .hash = kHashB}}}));
}

TEST_CASE("bases give way to the user's maps when the storage is full", "[lineage][library]") {
    MemoryStore store;
    Library lib(store);
    Map m = workshop_map();
    REQUIRE(lib.save(m) == "");
    for (int i = 0; i < 3; ++i) {
        Map other = workshop_map();
        other.id = "map-" + std::to_string(i);
        other.stages[0].description = std::string(2000, 'x');
        REQUIRE(lib.store_base(save_map_json(other)) == "");
    }
    REQUIRE(lib.bases().size() == 3);
    // Room for the map's new text only once two bases have gone: the oldest go first.
    store.quota = store.used() + 3000;
    m.stages[0].touchpoints[0].description = std::string(7000, 'y');
    REQUIRE(lib.save(m) == "");
    REQUIRE(lib.bases().size() == 1);
    CHECK(lib.bases()[0].id == "map-2");
    CHECK(load_ok(*lib.raw_text("map-workshop")).stages[0].touchpoints[0].description.size() == 7000);
    // With no base left to drop, a save that does not fit fails as before, and keeps the old copy.
    store.quota = store.used();
    m.stages[0].touchpoints[0].description = std::string(12000, 'z');
    CHECK(lib.save(m) == "browser storage is full");
    CHECK(lib.bases().empty());
    CHECK(load_ok(*lib.raw_text("map-workshop")).stages[0].touchpoints[0].description.size() == 7000);
    CHECK_FALSE(lib.drop_oldest_base());
}

TEST_CASE("new ids carry 64 random bits, compactly", "[lineage][model]") {
    Map map = workshop_map();
    std::set<std::string> seen;
    for (int i = 0; i < 20000; ++i) {
        const std::string id = new_id(map, "tp");
        REQUIRE(id.size() == 3 + kIdDigits);
        REQUIRE(id.rfind("tp-", 0) == 0);
        for (char c : id.substr(3)) REQUIRE(((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')));
        REQUIRE(seen.insert(id).second);
    }
    // Every digit position takes many values (no fixed or sequential part).
    for (int pos = 3; pos < 3 + kIdDigits; ++pos) {
        std::set<char> digits;
        for (const auto& id : seen) digits.insert(id[pos]);
        CHECK(digits.size() == (pos == 3 ? 4u : 36u));   // 2^64 < 4 * 36^12: the first digit is 0 to 3
    }
}
