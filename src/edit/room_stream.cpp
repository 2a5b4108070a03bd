#include "edit/room_stream.h"

#include <algorithm>
#include <utility>

#include "edit/map_diff.h"
#include "io/limits.h"

namespace jm {

namespace {

using nlohmann::json;

// The longest text any field may hold, as the file format allows
// (io/limits.h): a peer's 10 MB title is refused, not carried into every map.
bool text_within_limits(const json& value) {
    if (value.is_string()) return value.get_ref<const std::string&>().size() <= limits::kMaxTextChars;
    if (value.is_array() || value.is_object()) {
        for (const auto& item : value) {
            if (!text_within_limits(item)) return false;
        }
    }
    return true;
}

bool has_position(EntityKind kind) { return kind != EntityKind::Map && kind != EntityKind::Period; }
bool has_parent(EntityKind kind) { return kind == EntityKind::Kpi || kind == EntityKind::Touchpoint; }

std::string text_of(const json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The item right before `id` in `order`, "" when first or absent.
std::string item_before(const std::vector<std::string>& order, const std::string& id) {
    auto it = std::find(order.begin(), order.end(), id);
    return it == order.end() || it == order.begin() ? std::string() : *(it - 1);
}

std::string describe(const Change& c) {
    std::string what = std::string(change_op_key(c.op)) + " " + entity_kind_key(c.kind);
    if (!c.id.empty()) what += " " + c.id.substr(0, 64);
    if (c.op == ChangeOp::Set) what += " field " + c.field.substr(0, 64);
    return what;
}

// A peer's edit: the accepted changes (one apply_changes command, never on the
// user's undo stack) and the room's edit time.
class RemoteEdit : public Command {
public:
    RemoteEdit(std::unique_ptr<Command> changes, std::string modified)
        : changes_(std::move(changes)), modified_(std::move(modified)) {}
    std::string label() const override { return changes_ ? changes_->label() : std::string(); }
    void apply(Map& map) override {
        if (changes_) changes_->apply(map);
        before_ = map.modified;
        if (!modified_.empty()) map.modified = modified_;
    }
    void revert(Map& map) override {
        map.modified = before_;
        if (changes_) changes_->revert(map);
    }
    bool had_effect() const override { return (changes_ && changes_->had_effect()) || before_ != modified_; }
    std::size_t memory_bytes() const override {
        return sizeof(*this) + (changes_ ? changes_->memory_bytes() : 0) + modified_.capacity() + before_.capacity();
    }

private:
    std::unique_ptr<Command> changes_;
    std::string modified_, before_;
};

}  // namespace

void RoomStream::start(const Map& map) {
    applier_.reset();
    shadow_ = map;
    applier_.emplace(shadow_);
}

void RoomStream::stop() {
    applier_.reset();
    shadow_ = Map{};
}

std::vector<Change> RoomStream::take_local(const Map& map) {
    if (!applier_) return {};
    std::vector<Change> changes = diff(shadow_, map).changes;
    for (const Change& c : changes) {
        if (!applier_->apply(c)) {   // cannot happen for a diff; if it did, catch up whole
            start(map);
            break;
        }
    }
    return changes;
}

RoomStream::Incoming RoomStream::take_remote(const json& states) {
    Incoming out;
    if (!applier_) return out;
    auto entities = states.find("entities");
    if (entities == states.end() || !entities->is_array()) return out;
    for (const json& entity : *entities) {
        if (entity.is_object()) reconcile(entity, out);
        else out.refused.push_back("an entity state that is not an object");
    }
    return out;
}

void RoomStream::offer(Change change, Incoming& out) {
    if (!text_within_limits(change.new_value)) {
        out.refused.push_back(describe(change) + ": a text longer than " + std::to_string(limits::kMaxTextChars) + " characters");
        return;
    }
    if (change.op == ChangeOp::Add && change.kind == EntityKind::Touchpoint && touchpoint_count(shadow_) >= limits::kMaxTouchpoints) {
        out.refused.push_back(describe(change) + ": the map holds the most touchpoints a map may have");
        return;
    }
    if (!applier_->apply(change)) {
        out.refused.push_back(describe(change) + ": does not fit this map (an unknown id or parent, or a value out of range)");
        return;
    }
    out.accepted.push_back(std::move(change));
}

void RoomStream::reconcile(const json& entity, Incoming& out) {
    const auto kind = entity_kind_from_key(text_of(entity, "kind"));
    if (!kind) {
        out.refused.push_back("an entity of unknown kind '" + text_of(entity, "kind").substr(0, 64) + "'");
        return;
    }
    const std::string id = *kind == EntityKind::Map ? std::string() : text_of(entity, "id");
    const json fields = entity.contains("fields") && entity["fields"].is_object() ? entity["fields"] : json::object();
    const bool exists = *kind == EntityKind::Map || entity.value("exists", false);
    const bool here = *kind == EntityKind::Map || applier_->has(*kind, id);
    const std::string parent = has_parent(*kind) ? text_of(entity, "parent") : std::string();

    // Where the room puts it: after the nearest item before it that this map has.
    auto wanted_position = [&](Change& c) {
        const std::vector<std::string> siblings = applier_->order(*kind, parent);
        c.parent = parent;
        c.prev_id.clear();
        if (auto after = entity.find("after"); after != entity.end() && after->is_array()) {
            for (const json& candidate : *after) {
                if (candidate.is_string() && candidate.get<std::string>() != id &&
                    std::find(siblings.begin(), siblings.end(), candidate.get<std::string>()) != siblings.end()) {
                    c.prev_id = candidate.get<std::string>();
                    break;
                }
            }
        }
        c.index = c.prev_id.empty() ? 0 : -1;
    };

    if (!exists) {
        if (!here) return;   // already gone here (or never came)
        Change c{.kind = *kind, .op = ChangeOp::Remove, .id = id};
        c.parent = applier_->parent_of(*kind, id);
        if (auto f = applier_->fields(*kind, id)) c.old_value = fields_object(*f);
        offer(std::move(c), out);
        return;
    }
    if (!here) {
        Change c{.kind = *kind, .op = ChangeOp::Add, .id = id, .new_value = fields};
        if (has_position(*kind)) wanted_position(c);
        offer(std::move(c), out);
        return;
    }
    for (const auto& [key, value] : fields.items()) {
        std::optional<json> now = applier_->field(*kind, id, key);
        if (now && *now == value) continue;
        if (!now && value.is_null()) continue;   // an absent unknown key is null
        offer(Change{.kind = *kind, .op = ChangeOp::Set, .id = id, .parent = applier_->parent_of(*kind, id), .field = key,
                     .old_value = now ? *now : json(nullptr), .new_value = value},
              out);
    }
    if (!has_position(*kind)) return;
    Change move{.kind = *kind, .op = ChangeOp::Move, .id = id};
    wanted_position(move);
    const std::string from = applier_->parent_of(*kind, id);
    const bool same_place = from == move.parent && item_before(applier_->order(*kind, from), id) == move.prev_id;
    if (same_place) return;
    if (has_parent(*kind) && from != move.parent) move.from_parent = from;
    offer(std::move(move), out);
}

std::vector<Change> changes_from_empty(const Map& map) {
    Map empty;
    empty.id = map.id;
    return diff(empty, map).changes;
}

namespace {

json unknown_to_json(const UnknownFields& unknown) {
    json out = json::object();
    for (const auto& [key, raw] : unknown) out[key] = raw;
    return out;
}

UnknownFields unknown_from_json(const json& j) {
    UnknownFields out;
    if (!j.is_object()) return out;
    for (const auto& [key, raw] : j.items()) if (raw.is_string()) out[key] = raw.get<std::string>();
    return out;
}

}  // namespace

json lineage_to_json(const Lineage& lineage) {
    json bases = json::array();
    for (const Ancestor& a : lineage.bases)
        bases.push_back({{"id", a.id}, {"hash", a.hash}, {"forked", a.forked}, {"unknown", unknown_to_json(a.unknown)}});
    return {{"bases", std::move(bases)}, {"unknown", unknown_to_json(lineage.unknown)}};
}

Lineage lineage_from_json(const json& j) {
    Lineage lineage;
    if (!j.is_object()) return lineage;
    if (auto bases = j.find("bases"); bases != j.end() && bases->is_array()) {
        for (const json& b : *bases) {
            if (!b.is_object() || text_of(b, "id").empty()) continue;
            lineage.bases.push_back(Ancestor{text_of(b, "id"), text_of(b, "hash"), text_of(b, "forked"), unknown_from_json(b.value("unknown", json()))});
            if (lineage.bases.size() == kMaxLineageBases) break;
        }
    }
    lineage.unknown = unknown_from_json(j.value("unknown", json()));
    return lineage;
}

Map map_from_room(const json& meta, const json& states, std::vector<std::string>& refused) {
    Map map;
    if (meta.is_object()) {
        map.id = text_of(meta, "id");
        map.created = text_of(meta, "created");
        map.modified = text_of(meta, "modified");
        if (auto l = meta.find("lineage"); l != meta.end()) map.lineage = lineage_from_json(*l);
    }
    RoomStream stream;
    stream.start(map);
    RoomStream::Incoming in = stream.take_remote(states);
    for (auto& why : in.refused) refused.push_back(std::move(why));
    Map built = stream.shadow();
    if (states.is_object() && states.contains("modified") && states["modified"].is_string() &&
        !states["modified"].get<std::string>().empty())
        built.modified = states["modified"].get<std::string>();
    return built;
}

std::unique_ptr<Command> remote_edit(const Map& map, std::vector<Change> accepted, std::string modified) {
    if (accepted.empty() && (modified.empty() || modified == map.modified)) return nullptr;
    std::unique_ptr<Command> changes = apply_changes(map, std::move(accepted), "Edit from the room");
    return std::make_unique<RemoteEdit>(std::move(changes), std::move(modified));
}

}  // namespace jm
