// The library of maps kept in the browser (localStorage), written against a
// small key-value interface so its rules are tested natively.
//
// Keys: "journeymap:map:<id>"  the map file's canonical JSON
//       "journeymap:index"     a JSON array summarising every map (title, counts, modified)
//       "journeymap:last"      the id of the map open last
// The index is only a cache: a missing or stale index is rebuilt from the maps.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "io/map_json.h"
#include "model/map.h"

namespace jm {

class KeyValueStore {
public:
    virtual ~KeyValueStore() = default;
    virtual std::optional<std::string> get(const std::string& key) = 0;
    // "" on success, else a plain reason ("browser storage is full").
    virtual std::string set(const std::string& key, const std::string& value) = 0;
    virtual std::string remove(const std::string& key) = 0;
    virtual std::vector<std::string> keys(const std::string& prefix) = 0;
};

struct LibraryEntry {
    std::string id;
    std::string title;
    int stages = 0;
    int touchpoints = 0;
    std::string modified;     // ISO 8601
    bool damaged = false;     // the stored text no longer loads
    std::string damage;       // the first problem, for the library list
    bool operator==(const LibraryEntry&) const = default;
};

class Library {
public:
    static constexpr const char* kMapPrefix = "journeymap:map:";
    static constexpr const char* kIndexKey = "journeymap:index";
    static constexpr const char* kLastKey = "journeymap:last";

    explicit Library(KeyValueStore& store) : store_(store) {}

    // Every stored map, most recently modified first; damaged ones included.
    std::vector<LibraryEntry> list();
    bool contains(const std::string& id);

    // Stores the map under its id. "" on success, else why it could not be stored
    // (the map itself is untouched either way).
    std::string save(const Map& map);
    LoadResult open(const std::string& id);
    std::optional<std::string> raw_text(const std::string& id);

    // Removes a map and returns its text, so the session can undo the delete.
    std::optional<std::string> remove(const std::string& id);
    std::string restore(const std::string& id, const std::string& text);

    // A copy under a new id, titled "<title> (copy)". Returns the new id, or "" with `error`.
    std::string duplicate(const std::string& id, std::string& error);
    std::string rename(const std::string& id, const std::string& title);

    std::string last_open();
    void set_last_open(const std::string& id);

    // The id a map arriving from a file should get: its own, unless the library
    // already holds that id and the user chose to keep both.
    std::string fresh_id_for(const Map& map);

private:
    KeyValueStore& store_;
    std::vector<LibraryEntry> read_index();
    std::string write_index(const std::vector<LibraryEntry>& entries);
    LibraryEntry summarise(const std::string& id, const std::string& text);
};

// A KeyValueStore in memory, for tests and when the browser offers no storage.
class MemoryStore : public KeyValueStore {
public:
    std::optional<std::string> get(const std::string& key) override;
    std::string set(const std::string& key, const std::string& value) override;
    std::string remove(const std::string& key) override;
    std::vector<std::string> keys(const std::string& prefix) override;
    std::size_t quota = static_cast<std::size_t>(-1);   // bytes; set lower to simulate a full store
    std::size_t used() const;

private:
    std::vector<std::pair<std::string, std::string>> items_;
};

}  // namespace jm
