#include "io/library.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "i18n/i18n.h"
#include "io/content_hash.h"
#include "io/json_reader.h"

namespace jm {

namespace {

using nlohmann::json;

std::string map_key(const std::string& id) { return std::string(Library::kMapPrefix) + id; }

std::string base_key(const StoredBase& b) {
    return std::string(Library::kBasePrefix) + b.id + ":" + std::to_string(b.order) + ":" + b.hash;
}

// A base's key read back. An id may hold ':', so the key is read from its end:
// 64 hex digits, ':', the order in digits, ':', and the id is what is left.
std::optional<StoredBase> parse_base_key(std::string_view key) {
    const std::string_view prefix = Library::kBasePrefix;
    if (key.substr(0, prefix.size()) != prefix) return std::nullopt;
    std::string_view rest = key.substr(prefix.size());
    constexpr std::size_t kHash = 64;
    if (rest.size() < kHash + 4 || rest[rest.size() - kHash - 1] != ':') return std::nullopt;
    StoredBase b;
    b.hash = std::string(rest.substr(rest.size() - kHash));
    if (!is_content_hash(b.hash)) return std::nullopt;
    rest = rest.substr(0, rest.size() - kHash - 1);
    const std::size_t colon = rest.rfind(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == rest.size() || rest.size() - colon - 1 > 19) return std::nullopt;
    for (char c : rest.substr(colon + 1)) {
        if (c < '0' || c > '9') return std::nullopt;
        b.order = b.order * 10 + static_cast<std::uint64_t>(c - '0');
    }
    b.id = std::string(rest.substr(0, colon));
    return b;
}

json entry_to_json(const LibraryEntry& e) {
    return {{"id", e.id}, {"title", e.title}, {"stages", e.stages}, {"touchpoints", e.touchpoints}, {"modified", e.modified}};
}

std::optional<LibraryEntry> entry_from_json(const json& j) {
    if (!j.is_object() || !j.contains("id") || !j["id"].is_string()) return std::nullopt;
    LibraryEntry e;
    e.id = j["id"];
    e.title = j.value("title", "");
    e.stages = j.value("stages", 0);
    e.touchpoints = j.value("touchpoints", 0);
    e.modified = j.value("modified", "");
    return e;
}

void sort_entries(std::vector<LibraryEntry>& entries) {
    std::stable_sort(entries.begin(), entries.end(), [](const LibraryEntry& a, const LibraryEntry& b) {
        if (a.modified != b.modified) return a.modified > b.modified;
        return a.title < b.title;
    });
}

// The map without its stages, and a stage without its touchpoints, copied field
// by field. The structured bindings stop the build when a field is added to Map
// or Stage, so that a new field cannot be left out of the stored text unnoticed.
Map without_stages(const Map& m) {
    const auto& [id, title, description, objective, segment, author, currency, created, modified, lineage, lanes, card_detail,
                 stages, personas, period, period_previous, unknown] = m;
    (void)stages;
    return Map{id, title, description, objective, segment, author, currency, created, modified, lineage, lanes, card_detail, {},
               personas, period, period_previous, unknown};
}

Stage without_touchpoints(const Stage& s) {
    const auto& [id, name, description, goal, owner, business_voice, kpis, funnel_count, funnel_count_previous, handoff,
                 survey, survey_previous, touchpoints, unknown] = s;
    (void)touchpoints;
    return Stage{id, name, description, goal, owner, business_voice, kpis, funnel_count, funnel_count_previous, handoff,
                 survey, survey_previous, {}, unknown};
}

// Canonical text is indented two spaces per level and escapes every newline
// inside strings, so a raw newline followed by N spaces and a key can only be
// structure at that depth. These markers find the pieces of a one-stage map.
constexpr std::string_view kStagesOpen = "\n  \"stages\": [\n";          // in a map with stages
constexpr std::string_view kStagesEmpty = "\n  \"stages\": []";           // in a map without
constexpr std::string_view kOneStageEnd = "\n  ],\n  \"personas\": []\n}\n";
constexpr std::string_view kTouchpointsOpen = "\n      \"touchpoints\": [\n";
constexpr std::string_view kTouchpointsClose = "\n      ]";

// The text of `stage` as it stands inside a map's "stages" list (indent 4), or
// nullopt when the writer's output is not shaped as expected.
std::optional<std::string> stage_text(Stage stage) {
    Map one;
    one.stages.push_back(std::move(stage));
    std::string text = save_map_json(one);
    std::size_t open = text.find(kStagesOpen);
    if (open == std::string::npos || text.size() < kOneStageEnd.size() ||
        text.compare(text.size() - kOneStageEnd.size(), kOneStageEnd.size(), kOneStageEnd) != 0)
        return std::nullopt;
    std::size_t from = open + kStagesOpen.size();
    std::size_t to = text.size() - kOneStageEnd.size();
    if (to < from) return std::nullopt;
    return text.substr(from, to - from);
}

}  // namespace

void MapTextSlicer::fall_back(const Map& map) {
    out_ = save_map_json(map);
    tail_.clear();
    stage_tail_.clear();
    fell_back_ = true;
    done_ = true;
}

void MapTextSlicer::begin(const Map& map) {
    *this = MapTextSlicer();
    started_ = true;
    std::string shell = save_map_json(without_stages(map));
    std::size_t at = shell.find(kStagesEmpty);
    if (at == std::string::npos) return fall_back(map);
    if (map.stages.empty()) {
        out_ = std::move(shell);
        done_ = true;
        return;
    }
    out_ = shell.substr(0, at) + std::string(kStagesOpen);
    tail_ = "\n  ]" + shell.substr(at + kStagesEmpty.size());
}

bool MapTextSlicer::step(const Map& map, std::size_t budget_bytes) {
    if (!started_) begin(map);
    constexpr std::size_t kBatch = 16;   // touchpoints per serialisation call
    const std::size_t start = out_.size();
    while (!done_ && out_.size() - start < budget_bytes) {
        if (stage_ >= map.stages.size()) {
            out_ += tail_;
            tail_.clear();
            done_ = true;
            break;
        }
        const Stage& stage = map.stages[stage_];
        if (!in_stage_) {
            if (stage_ > 0) out_ += ",\n";
            Stage shell = without_touchpoints(stage);
            if (!stage.touchpoints.empty()) shell.touchpoints.emplace_back();   // a placeholder, replaced below
            auto text = stage_text(std::move(shell));
            if (!text) {
                fall_back(map);
                return true;
            }
            if (stage.touchpoints.empty()) {
                out_ += *text;
                ++stage_;
                continue;
            }
            std::size_t open = text->find(kTouchpointsOpen);
            std::size_t close = open == std::string::npos ? open : text->find(kTouchpointsClose, open + kTouchpointsOpen.size());
            if (close == std::string::npos) {
                fall_back(map);
                return true;
            }
            out_.append(*text, 0, open + kTouchpointsOpen.size());
            stage_tail_ = text->substr(close);
            in_stage_ = true;
            touchpoint_ = 0;
        }
        std::size_t end = std::min(stage.touchpoints.size(), touchpoint_ + kBatch);
        Stage batch;
        batch.touchpoints.assign(stage.touchpoints.begin() + static_cast<std::ptrdiff_t>(touchpoint_),
                                 stage.touchpoints.begin() + static_cast<std::ptrdiff_t>(end));
        auto text = stage_text(std::move(batch));
        std::size_t open = text ? text->find(kTouchpointsOpen) : std::string::npos;
        std::size_t close = open == std::string::npos ? open : text->rfind(kTouchpointsClose);
        if (close == std::string::npos || close < open + kTouchpointsOpen.size()) {
            fall_back(map);
            return true;
        }
        if (touchpoint_ > 0) out_ += ",\n";
        out_.append(*text, open + kTouchpointsOpen.size(), close - open - kTouchpointsOpen.size());
        touchpoint_ = end;
        if (touchpoint_ == stage.touchpoints.size()) {
            out_ += stage_tail_;
            stage_tail_.clear();
            in_stage_ = false;
            ++stage_;
        }
    }
    return done_;
}

double MapTextSlicer::progress(const Map& map) const {
    if (done_) return 1.0;
    std::size_t total = 0, before = 0;
    for (std::size_t i = 0; i < map.stages.size(); ++i) {
        std::size_t n = map.stages[i].touchpoints.size() + 1;
        total += n;
        if (i < stage_) before += n;
        else if (i == stage_) before += in_stage_ ? touchpoint_ + 1 : 0;
    }
    return total ? static_cast<double>(before) / static_cast<double>(total) : 0.0;
}

std::string MapTextSlicer::take() {
    std::string text = std::move(out_);
    *this = MapTextSlicer();
    return text;
}

LibraryEntry Library::summarise(const std::string& id, const std::string& text) {
    LibraryEntry e;
    e.id = id;
    LoadResult r = load_map_json(text);
    if (!r.ok()) {
        e.damaged = true;
        e.title = i18n::trf("(damaged map {id})", {{"id", id}});
        e.damage = r.problems.empty() ? std::string(i18n::tr("unreadable")) : (r.problems[0].path.empty() ? "" : r.problems[0].path + ": ") + r.problems[0].message;
        return e;
    }
    e.title = r.map->title;
    e.stages = static_cast<int>(r.map->stages.size());
    e.touchpoints = static_cast<int>(touchpoint_count(*r.map));
    e.modified = r.map->modified;
    return e;
}

std::vector<LibraryEntry> Library::read_index() {
    std::vector<LibraryEntry> entries;
    auto text = store_.get(kIndexKey);
    if (!text) return entries;
    std::string error;   // an index that is not JSON, or too deep or large for the limits, reads as empty
    auto j = parse_json(*text, error);
    if (!j || !j->is_array()) return entries;
    for (const auto& item : *j)
        if (auto e = entry_from_json(item)) entries.push_back(*e);
    return entries;
}

std::string Library::write_index(const std::vector<LibraryEntry>& entries) {
    json j = json::array();
    for (const auto& e : entries)
        if (!e.damaged) j.push_back(entry_to_json(e));
    return store_.set(kIndexKey, j.dump());
}

std::vector<LibraryEntry> Library::list() {
    std::vector<LibraryEntry> index = read_index();
    std::vector<LibraryEntry> out;
    bool stale = false;
    const std::size_t prefix = std::string(kMapPrefix).size();
    for (const auto& key : store_.keys(kMapPrefix)) {
        std::string id = key.substr(prefix);
        auto it = std::find_if(index.begin(), index.end(), [&](const LibraryEntry& e) { return e.id == id; });
        if (it != index.end()) {
            out.push_back(*it);
            continue;
        }
        // Not in the index (written by an older build, or the index was lost):
        // read the map itself. A map that no longer loads is listed as damaged.
        auto text = store_.get(key);
        out.push_back(summarise(id, text.value_or("")));
        stale = stale || !out.back().damaged;
    }
    if (stale || out.size() != index.size()) write_index(out);
    sort_entries(out);
    return out;
}

bool Library::contains(const std::string& id) { return store_.has(map_key(id)); }

std::string Library::save(const Map& map) { return save_text(map, save_map_json(map)); }

std::string Library::save_text(const Map& map, const std::string& text) {
    std::string error = set_making_room(map_key(map.id), text);
    if (!error.empty()) return error;
    std::vector<LibraryEntry> index = read_index();
    LibraryEntry e{map.id, map.title, static_cast<int>(map.stages.size()), static_cast<int>(touchpoint_count(map)), map.modified};
    auto it = std::find_if(index.begin(), index.end(), [&](const LibraryEntry& x) { return x.id == map.id; });
    if (it != index.end()) *it = e;
    else index.push_back(e);
    write_index(index);   // a failed index write is repaired by the next list()
    return "";
}

LoadResult Library::open(const std::string& id) {
    auto text = store_.get(map_key(id));
    if (!text) {
        LoadResult r;
        r.problems.push_back({"", i18n::trf("no map with id {id} in this browser's library", {{"id", id}})});
        return r;
    }
    return load_map_json(*text);
}

std::optional<std::string> Library::raw_text(const std::string& id) { return store_.get(map_key(id)); }

std::optional<std::string> Library::remove(const std::string& id) {
    auto text = store_.get(map_key(id));
    if (!text) return std::nullopt;
    if (!store_.remove(map_key(id)).empty()) return std::nullopt;
    std::vector<LibraryEntry> index = read_index();
    std::erase_if(index, [&](const LibraryEntry& e) { return e.id == id; });
    write_index(index);
    if (last_open() == id) store_.remove(kLastKey);
    return text;
}

std::string Library::restore(const std::string& id, const std::string& text) {
    std::string error = set_making_room(map_key(id), text);
    if (!error.empty()) return error;
    std::vector<LibraryEntry> index = read_index();
    std::erase_if(index, [&](const LibraryEntry& e) { return e.id == id; });
    index.push_back(summarise(id, text));
    write_index(index);
    return "";
}

std::string Library::duplicate(const std::string& id, std::string& error) {
    LoadResult r = open(id);
    if (!r.ok()) {
        error = i18n::tr("cannot duplicate a map that does not load");
        return "";
    }
    Map copy = std::move(*r.map);
    copy.id = fresh_id_for(copy);
    copy.title = i18n::trf("{title} (copy)", {{"title", copy.title}});
    error = save(copy);
    return error.empty() ? copy.id : "";
}

std::string Library::rename(const std::string& id, const std::string& title) {
    LoadResult r = open(id);
    if (!r.ok()) return i18n::tr("cannot rename a map that does not load");
    r.map->title = title;
    return save(*r.map);
}

std::string Library::last_open() { return store_.get(kLastKey).value_or(""); }

void Library::set_last_open(const std::string& id) { store_.set(kLastKey, id); }

std::string Library::fresh_id_for(const Map& map) {
    if (!contains(map.id)) return map.id;
    for (int n = 2;; ++n) {
        std::string id = map.id + "-" + std::to_string(n);
        if (!contains(id)) return id;
    }
}

std::vector<StoredBase> Library::bases(const std::string& id) {
    std::vector<StoredBase> out;
    for (const auto& key : store_.keys(kBasePrefix))
        if (auto b = parse_base_key(key); b && (id.empty() || b->id == id)) out.push_back(std::move(*b));
    std::sort(out.begin(), out.end(), [](const StoredBase& a, const StoredBase& b) { return a.order > b.order; });
    return out;
}

std::optional<std::string> Library::find_base(const std::string& id, const std::string& hash) {
    for (const auto& b : bases(id))
        if (b.hash == hash) return store_.get(base_key(b));
    return std::nullopt;
}

std::optional<StoredBase> Library::nearest_base(const Lineage& lineage) {
    if (lineage.bases.empty()) return std::nullopt;
    const std::vector<StoredBase> kept = bases();
    for (const auto& a : lineage.bases)
        for (const auto& b : kept)
            if (b.id == a.id && b.hash == a.hash) return b;
    return std::nullopt;
}

std::string Library::store_base(const std::string& map_text) {
    LoadResult r = load_map_json(map_text);
    if (!r.ok()) return i18n::tr("cannot keep a version of a map that does not load");
    StoredBase base{.id = r.map->id, .hash = content_hash(*r.map)};
    r = LoadResult{};   // the map can be large: free it before the text is stored
    const std::vector<StoredBase> all = bases();
    base.order = all.empty() ? 1 : all.front().order + 1;
    const std::string key = base_key(base);
    std::string error = set_making_room(key, map_text);
    if (!error.empty()) return error;
    // The same version kept before goes (this one is now the newest), and so do
    // the map's bases beyond the newest kBasesPerMap.
    std::size_t kept = 0;
    for (const auto& b : bases(base.id)) {
        if (b.order == base.order) ++kept;
        else if (b.hash == base.hash || kept >= kBasesPerMap) store_.remove(base_key(b));
        else ++kept;
    }
    return "";
}

bool Library::drop_oldest_base() {
    const std::vector<StoredBase> all = bases();
    if (all.empty()) return false;
    store_.remove(base_key(all.back()));
    return true;
}

std::string Library::set_making_room(const std::string& key, const std::string& value) {
    std::string error = store_.set(key, value);
    while (!error.empty()) {
        // The oldest base that is not the one being written.
        const std::vector<StoredBase> all = bases();
        auto oldest = std::find_if(all.rbegin(), all.rend(), [&](const StoredBase& b) { return base_key(b) != key; });
        if (oldest == all.rend()) break;
        store_.remove(base_key(*oldest));
        error = store_.set(key, value);
    }
    return error;
}

bool MemoryStore::has(const std::string& key) {
    return std::any_of(items_.begin(), items_.end(), [&](const auto& kv) { return kv.first == key; });
}

std::optional<std::string> MemoryStore::get(const std::string& key) {
    for (const auto& [k, v] : items_)
        if (k == key) return v;
    return std::nullopt;
}

std::size_t MemoryStore::used() const {
    std::size_t n = 0;
    for (const auto& [k, v] : items_) n += k.size() + v.size();
    return n;
}

std::string MemoryStore::set(const std::string& key, const std::string& value) {
    auto it = std::find_if(items_.begin(), items_.end(), [&](const auto& kv) { return kv.first == key; });
    std::size_t after = used() - (it != items_.end() ? it->first.size() + it->second.size() : 0) + key.size() + value.size();
    if (after > quota) return i18n::tr("browser storage is full");
    if (it != items_.end()) it->second = value;
    else items_.emplace_back(key, value);
    return "";
}

std::string MemoryStore::remove(const std::string& key) {
    std::erase_if(items_, [&](const auto& kv) { return kv.first == key; });
    return "";
}

std::vector<std::string> MemoryStore::keys(const std::string& prefix) {
    std::vector<std::string> out;
    for (const auto& [k, v] : items_)
        if (k.rfind(prefix, 0) == 0) out.push_back(k);
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace jm
