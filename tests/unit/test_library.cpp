#include <catch2/catch.hpp>

#include "io/library.h"
#include "io/map_json.h"
#include "io/templates.h"
#include "support/large_map.h"

using namespace jm;

namespace {

Map sample(const std::string& id, const std::string& title, const std::string& modified) {
    Map m;
    m.id = id;
    m.title = title;
    m.modified = modified;
    Stage s{.id = id + "-s1", .name = "Decisión"};
    s.touchpoints.push_back(Touchpoint{.id = id + "-t1", .title = "决策 demo"});
    s.touchpoints.push_back(Touchpoint{.id = id + "-t2", .title = "Contrato"});
    m.stages.push_back(s);
    return m;
}

}  // namespace

TEST_CASE("the library lists saved maps, newest first, with counts", "[library]") {
    MemoryStore store;
    Library lib(store);
    REQUIRE(lib.list().empty());
    REQUIRE(lib.save(sample("a", "Older", "2026-01-01T00:00:00Z")) == "");
    REQUIRE(lib.save(sample("b", "Newer", "2026-06-01T00:00:00Z")) == "");
    auto entries = lib.list();
    REQUIRE(entries.size() == 2);
    REQUIRE(entries[0].id == "b");
    REQUIRE(entries[0].stages == 1);
    REQUIRE(entries[0].touchpoints == 2);
    REQUIRE(entries[1].title == "Older");
    LoadResult r = lib.open("a");
    REQUIRE(r.ok());
    REQUIRE(*r.map == sample("a", "Older", "2026-01-01T00:00:00Z"));
}

TEST_CASE("saving again replaces the entry instead of adding one", "[library]") {
    MemoryStore store;
    Library lib(store);
    Map m = sample("a", "First", "2026-01-01T00:00:00Z");
    lib.save(m);
    m.title = "Second";
    lib.save(m);
    auto entries = lib.list();
    REQUIRE(entries.size() == 1);
    REQUIRE(entries[0].title == "Second");
}

TEST_CASE("rename, duplicate, delete and undo the delete", "[library]") {
    MemoryStore store;
    Library lib(store);
    lib.save(sample("a", "Map", "2026-01-01T00:00:00Z"));
    REQUIRE(lib.rename("a", "Renamed") == "");
    REQUIRE(lib.open("a").map->title == "Renamed");
    std::string error;
    std::string copy = lib.duplicate("a", error);
    REQUIRE(error.empty());
    REQUIRE(copy == "a-2");
    REQUIRE(lib.open(copy).map->title == "Renamed (copy)");
    REQUIRE(lib.list().size() == 2);
    auto removed = lib.remove("a");
    REQUIRE(removed.has_value());
    REQUIRE(lib.list().size() == 1);
    REQUIRE_FALSE(lib.open("a").ok());
    REQUIRE(lib.restore("a", *removed) == "");
    REQUIRE(lib.list().size() == 2);
    REQUIRE(lib.open("a").map->title == "Renamed");
}

TEST_CASE("a damaged entry is listed as damaged and the others still open", "[library]") {
    MemoryStore store;
    Library lib(store);
    lib.save(sample("good", "Good", "2026-01-01T00:00:00Z"));
    store.set("journeymap:map:bad", "{\"format\": \"journeymap\", \"version\": 1, \"id\": ");
    auto entries = lib.list();
    REQUIRE(entries.size() == 2);
    auto bad = std::find_if(entries.begin(), entries.end(), [](const LibraryEntry& e) { return e.id == "bad"; });
    REQUIRE(bad != entries.end());
    REQUIRE(bad->damaged);
    REQUIRE_FALSE(bad->damage.empty());
    REQUIRE(lib.raw_text("bad")->rfind("{\"format\"", 0) == 0);
    REQUIRE(lib.open("good").ok());
}

TEST_CASE("a lost index is rebuilt from the stored maps", "[library]") {
    MemoryStore store;
    Library lib(store);
    lib.save(sample("a", "A", "2026-01-01T00:00:00Z"));
    lib.save(sample("b", "B", "2026-02-01T00:00:00Z"));
    store.remove(Library::kIndexKey);
    auto entries = lib.list();
    REQUIRE(entries.size() == 2);
    REQUIRE(entries[0].title == "B");
    REQUIRE(store.get(Library::kIndexKey).has_value());
}

TEST_CASE("a full store refuses the save, says why, and keeps the old copy", "[library]") {
    MemoryStore store;
    Library lib(store);
    Map m = sample("a", "Small", "2026-01-01T00:00:00Z");
    REQUIRE(lib.save(m) == "");
    store.quota = store.used() + 10;
    m.stages[0].touchpoints[0].description = std::string(5000, 'x');
    REQUIRE(lib.save(m) == "browser storage is full");
    REQUIRE(lib.open("a").map->stages[0].touchpoints[0].description.empty());
}

TEST_CASE("a file whose id the library holds gets a fresh id when keeping both", "[library]") {
    MemoryStore store;
    Library lib(store);
    Map m = sample("dup", "Map", "2026-01-01T00:00:00Z");
    REQUIRE(lib.fresh_id_for(m) == "dup");
    lib.save(m);
    REQUIRE(lib.fresh_id_for(m) == "dup-2");
    Map other = m;
    other.id = "dup-2";
    lib.save(other);
    REQUIRE(lib.fresh_id_for(m) == "dup-3");
}

TEST_CASE("the last open map is remembered and forgotten on delete", "[library]") {
    MemoryStore store;
    Library lib(store);
    lib.save(sample("a", "A", "2026-01-01T00:00:00Z"));
    lib.set_last_open("a");
    REQUIRE(lib.last_open() == "a");
    lib.remove("a");
    REQUIRE(lib.last_open().empty());
}

TEST_CASE("save_text stores the given text and indexes the map", "[library]") {
    MemoryStore store;
    Library lib(store);
    Map m = sample("a", "Given", "2026-01-01T00:00:00Z");
    std::string text = save_map_json(m);
    REQUIRE(lib.save_text(m, text) == "");
    REQUIRE(lib.raw_text("a") == text);
    REQUIRE(lib.list().at(0).title == "Given");
    REQUIRE(lib.contains("a"));
    REQUIRE_FALSE(lib.contains("b"));
    REQUIRE(store.has(std::string(Library::kMapPrefix) + "a"));
}

TEST_CASE("asking whether the library holds a map does not read the map", "[library]") {
    // In the browser a read copies the whole map (10 MB for a large one) out of the storage.
    struct CountingStore : MemoryStore {
        int reads = 0;
        std::optional<std::string> get(const std::string& key) override {
            ++reads;
            return MemoryStore::get(key);
        }
    } store;
    Library lib(store);
    lib.save(sample("a", "A", "2026-01-01T00:00:00Z"));
    store.reads = 0;
    REQUIRE(lib.contains("a"));
    REQUIRE_FALSE(lib.contains("b"));
    REQUIRE(lib.fresh_id_for(sample("a", "A", "")) == "a-2");
    REQUIRE(store.reads == 0);
}

namespace {

// Serialises `map` with the slicer, `budget` bytes per step; counts the steps.
std::string sliced(const Map& map, std::size_t budget, int* steps = nullptr, bool* fell_back = nullptr) {
    MapTextSlicer slicer;
    slicer.begin(map);
    int n = 0;
    while (!slicer.step(map, budget)) ++n;
    if (steps) *steps = n + 1;
    if (fell_back) *fell_back = slicer.fell_back();
    return slicer.take();
}

}  // namespace

TEST_CASE("the sliced writer gives exactly save_map_json's bytes", "[library]") {
    std::vector<Map> maps;
    for (const auto& t : embedded_templates()) {
        LoadResult r = load_map_json(t.json);
        REQUIRE(r.ok());
        maps.push_back(*r.map);
    }
    Map empty;
    empty.id = "empty";
    maps.push_back(empty);   // no stages at all
    Map odd = jm::testing::make_large_map({.stages = 7, .touchpoints = 300, .personas = 4});
    odd.stages[0].touchpoints.clear();               // an empty first stage
    odd.stages[3].touchpoints.clear();               // and one in the middle
    odd.stages[6].touchpoints.resize(1);             // a last stage with one card
    odd.title = "Títle with \"quotes\",\n newlines and  \"stages\": [] inside";
    odd.unknown["zz_future"] = R"({"nested": ["\n  ],\n  \"personas\": []"]})";
    odd.stages[1].unknown["stage_extra"] = "[1, 2, 3]";
    odd.stages[1].touchpoints[2].unknown["tp_extra"] = R"({"touchpoints": []})";
    odd.stages[2].touchpoints[0].description = "\n      ]\n      \"touchpoints\": [\n";
    odd.lineage.bases.push_back({.id = "map-odd", .hash = std::string(64, 'e'), .forked = "2026-11-22T10:00:00Z"});   // before the stages
    maps.push_back(odd);
    maps.push_back(jm::testing::make_large_map({.stages = 1, .touchpoints = 500, .personas = 2}));   // one big stage

    for (const Map& m : maps) {
        const std::string expected = save_map_json(m);
        for (std::size_t budget : {std::size_t(1), std::size_t(4096), std::size_t(1) << 30}) {
            bool fell_back = true;
            REQUIRE(sliced(m, budget, nullptr, &fell_back) == expected);
            REQUIRE_FALSE(fell_back);
        }
    }
}

TEST_CASE("the sliced writer works in small steps on a large map", "[library]") {
    Map big = jm::testing::make_large_map({.stages = 20, .touchpoints = 2000, .personas = 20});
    const std::string expected = save_map_json(big);
    int steps = 0;
    REQUIRE(sliced(big, 64 * 1024, &steps) == expected);
    // Each step makes at least what was asked and at most a batch of cards more.
    REQUIRE(steps <= static_cast<int>(expected.size() / (64 * 1024)) + 1);
    REQUIRE(steps >= static_cast<int>(expected.size() / (2 * 64 * 1024)));

    MapTextSlicer slicer;
    slicer.begin(big);
    REQUIRE(slicer.progress(big) == 0.0);
    slicer.step(big, expected.size() / 2);
    REQUIRE(slicer.progress(big) > 0.3);
    REQUIRE(slicer.progress(big) < 0.7);
    REQUIRE_FALSE(slicer.done());
}
