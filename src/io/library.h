// The library of maps kept in the browser (IndexedDB, read through an in-memory
// mirror: see web/storage.js), written against a small key-value interface so
// its rules are tested natively.
//
// Keys: "journeymap:map:<id>"  the map file's canonical JSON
//       "journeymap:index"     a JSON array summarising every map (title, counts, modified)
//       "journeymap:last"      the id of the map open last
//       "journeymap:base:<id>:<n>:<hash>"  a version of map <id> that was sent or
//                              received (its file text), kept for three-way merges;
//                              <hash> its content hash, <n> the order it was kept in
// The index is only a cache: a missing or stale index is rebuilt from the maps.
#pragma once

#include <cstddef>
#include <cstdint>
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
    // Whether `key` is stored, without copying its value (a map can be 10 MB).
    virtual bool has(const std::string& key) { return get(key).has_value(); }
};

// A kept base: a version of a map that left or reached this editor.
struct StoredBase {
    std::string id;      // the map's id in that version
    std::string hash;    // its content hash (io/content_hash.h)
    std::uint64_t order = 0;   // larger is newer, across all maps
    bool operator==(const StoredBase&) const = default;
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
    // The same with the map's text already made (save_map_json(map), e.g. by a
    // MapTextSlicer), so a large map is not serialised twice.
    std::string save_text(const Map& map, const std::string& text);
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

    // ---- Bases: the versions a three-way merge needs ---------------------------
    // When a map leaves the editor (download, share link) the text sent is kept
    // as a base, so that a copy coming back (with that version first in its
    // lineage) can be merged against it; a received copy may be kept the same
    // way. Bases are a convenience, not the user's work: each map keeps its
    // newest kBasesPerMap, and when the storage is full the oldest bases of any
    // map go before a map save fails (a merge without its base is two-way).
    static constexpr const char* kBasePrefix = "journeymap:base:";
    static constexpr std::size_t kBasesPerMap = 3;

    // Keeps `map_text` (a map file, e.g. save_map_json(fork_for_sending(map)))
    // under its map id and content hash, as the newest base of that map; the
    // same version kept again becomes the newest. "" on success, else why not
    // (the text does not load, or there is no room even without other bases).
    std::string store_base(const std::string& map_text);
    // The text of the base `id` + `hash`, if kept.
    std::optional<std::string> find_base(const std::string& id, const std::string& hash);
    // The newest ancestor in `lineage` whose text is kept: the base a merge of a
    // map with that lineage uses. Nothing when none is (a two-way merge).
    std::optional<StoredBase> nearest_base(const Lineage& lineage);
    // The bases kept for map `id`, newest first (all maps when `id` is empty).
    std::vector<StoredBase> bases(const std::string& id = "");
    // Removes the oldest base of any map; false when none is left. For a store
    // that reports a full disk later than set() returns (IndexedDB in the
    // browser): drop one and write again, before telling the user.
    bool drop_oldest_base();

private:
    KeyValueStore& store_;
    // set(), removing the oldest bases one by one while the store says it is full.
    std::string set_making_room(const std::string& key, const std::string& value);
    std::vector<LibraryEntry> read_index();
    std::string write_index(const std::vector<LibraryEntry>& entries);
    LibraryEntry summarise(const std::string& id, const std::string& text);
};

// Writes save_map_json(map) a slice at a time, so that storing a large map does
// not stop the editor for the whole serialisation (about 11 MB for 10,000
// touchpoints): each step() serialises a few touchpoints and returns, and the
// finished text is byte for byte what save_map_json(map) gives. Nothing is kept
// of the map between steps but positions, so the map must be the same at every
// step: when it changes, begin again.
class MapTextSlicer {
public:
    void begin(const Map& map);
    // Serialises at least `budget_bytes` of text (or what is left); true when done.
    bool step(const Map& map, std::size_t budget_bytes);
    bool started() const { return started_; }
    bool done() const { return done_; }
    double progress(const Map& map) const;   // 0..1
    std::string take();                      // the text, once done; resets the slicer
    bool fell_back() const { return fell_back_; }   // the format surprised the slicer: it used save_map_json whole

private:
    void fall_back(const Map& map);
    std::string out_;
    std::string tail_;         // the map's text after its stages
    std::string stage_tail_;   // the current stage's text after its touchpoints
    std::size_t stage_ = 0;
    std::size_t touchpoint_ = 0;
    bool in_stage_ = false;
    bool started_ = false;
    bool done_ = false;
    bool fell_back_ = false;
};

// A KeyValueStore in memory, for tests and when the browser offers no storage.
class MemoryStore : public KeyValueStore {
public:
    std::optional<std::string> get(const std::string& key) override;
    std::string set(const std::string& key, const std::string& value) override;
    std::string remove(const std::string& key) override;
    std::vector<std::string> keys(const std::string& prefix) override;
    bool has(const std::string& key) override;
    std::size_t quota = static_cast<std::size_t>(-1);   // bytes; set lower to simulate a full store
    std::size_t used() const;

private:
    std::vector<std::pair<std::string, std::string>> items_;
};

}  // namespace jm
