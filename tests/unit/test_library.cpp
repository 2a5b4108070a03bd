#include <catch2/catch.hpp>

#include "io/library.h"
#include "io/map_json.h"

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
