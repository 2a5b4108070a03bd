// Three-way merge by id: one step per side, each walking base->theirs changes
// over the merge so far and checking them against base->ours.
#include "edit/map_merge.h"

#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "edit/map_diff.h"

namespace jm {

using nlohmann::json;

namespace {

bool is_child(EntityKind kind) { return kind == EntityKind::Kpi || kind == EntityKind::Touchpoint; }

std::string entity_key(EntityKind kind, const std::string& id) { return std::string(entity_kind_key(kind)) + "|" + id; }

std::string folded_name(const std::string& name) {
    const auto first = name.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    std::string s = name.substr(first, name.find_last_not_of(" \t\r\n") - first + 1);
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

bool has_persona(const Map& m, const std::string& id) { return find_persona(m, id) != nullptr; }

// The lists of a map that never changes during a step (base, theirs), with
// positions by id, built when first asked.
class Source {
public:
    explicit Source(const Map& map) : map_(const_cast<Map&>(map)), applier_(map_) {}
    // Only the const queries of the applier are used: the map is never changed.
    const ChangeApplier& q() const { return applier_; }
    const std::vector<std::string>& list(EntityKind kind, const std::string& parent) {
        auto [it, fresh] = lists_.try_emplace(entity_key(kind, parent));
        if (fresh) it->second = applier_.order(kind, parent);
        return it->second;
    }
    int position(EntityKind kind, const std::string& parent, const std::string& id) {
        auto [it, fresh] = positions_.try_emplace(entity_key(kind, parent));
        if (fresh) {
            const auto& l = list(kind, parent);
            for (int i = 0; i < static_cast<int>(l.size()); ++i) it->second.emplace(l[i], i);
        }
        auto p = it->second.find(id);
        return p == it->second.end() ? -1 : p->second;
    }

private:
    Map& map_;
    ChangeApplier applier_;
    std::unordered_map<std::string, std::vector<std::string>> lists_;
    std::unordered_map<std::string, std::unordered_map<std::string, int>> positions_;
};

class Step {
public:
    Step(const Map& base, bool two_way, Map& result, const Map& theirs, int side,
         const std::map<std::string, Resolution>& resolutions, std::vector<Conflict>& conflicts)
        : base_(base), theirs_(theirs), result_(result), side_(side), two_way_(two_way), resolutions_(resolutions),
          conflicts_(conflicts) {}

    void run() {
        const MapDiff ours = diff(base_map(), result_.map());
        index_ours(ours);
        const MapDiff mine = diff(base_map(), theirs_map());
        for (const Change& c : mine.changes) take(c);
    }

private:
    const Map& base_map() { return const_cast<ChangeApplier&>(base_.q()).map(); }
    const Map& theirs_map() { return const_cast<ChangeApplier&>(theirs_.q()).map(); }

    void index_ours(const MapDiff& d) {
        for (const Change& c : d.changes) {
            const std::string ek = entity_key(c.kind, c.id);
            switch (c.op) {
                case ChangeOp::Set:
                    sets_.emplace(ek + "|" + c.field, c.new_value);
                    changed_.insert(ek);
                    if (c.kind == EntityKind::Stage) busy_stages_.insert(c.id);
                    if (is_child(c.kind)) busy_stages_.insert(c.parent);
                    break;
                case ChangeOp::Move:
                    moved_.emplace(ek, c);
                    if (is_child(c.kind)) busy_stages_.insert(c.parent);
                    break;
                case ChangeOp::Add:
                    if (is_child(c.kind)) busy_stages_.insert(c.parent);
                    break;
                case ChangeOp::Remove: break;
            }
        }
    }

    // Records a conflict; returns its resolution when one was chosen.
    const Resolution* conflict(Conflict c) {
        c.side = side_;
        if (two_way_) c.base = nullptr;   // no common version: the empty map stood in for it
        if (is_child(c.kind) && c.stage.empty()) c.stage = result_.parent_of(c.kind, c.id);
        auto it = resolutions_.find(c.key());
        if (it != resolutions_.end()) {
            c.resolved = true;
            c.choice = it->second.choice;
        }
        conflicts_.push_back(std::move(c));
        return it == resolutions_.end() ? nullptr : &it->second;
    }
    void unresolve() { conflicts_.back().resolved = false; }

    json fields_in(const Source& s, EntityKind kind, const std::string& id) const {
        auto f = s.q().fields(kind, id);
        return f ? fields_object(*f) : json(nullptr);
    }
    json result_fields(EntityKind kind, const std::string& id) const {
        auto f = result_.fields(kind, id);
        return f ? fields_object(*f) : json(nullptr);
    }

    // Where an item of `source` goes in the result's list `parent`: right after
    // the nearest item before it on its side that the result has there, then
    // past the items earlier sides added (in neither base nor this side).
    void place(Change& c, Source& source, const std::string& parent) {
        const std::string source_parent = is_child(c.kind) ? source.q().parent_of(c.kind, c.id) : std::string();
        std::string anchor;
        const int at = source.position(c.kind, source_parent, c.id);
        if (at >= 0) {
            const auto& list = source.list(c.kind, source_parent);
            for (int j = at - 1; j >= 0; --j) {
                const std::string& p = list[j];
                if (result_.has(c.kind, p) && (!is_child(c.kind) || result_.parent_of(c.kind, p) == parent)) {
                    anchor = p;
                    break;
                }
            }
        }
        const std::vector<std::string> order = result_.order(c.kind, parent);
        int k = 0;
        if (!anchor.empty()) k = static_cast<int>(std::find(order.begin(), order.end(), anchor) - order.begin()) + 1;
        while (k < static_cast<int>(order.size()) && order[k] != c.id && !base_.q().has(c.kind, order[k]) &&
               !source.q().has(c.kind, order[k]))
            ++k;
        c.parent = parent;
        c.prev_id = k > 0 ? order[k - 1] : std::string();
        if (c.prev_id == c.id) c.prev_id = k > 1 ? order[k - 2] : std::string();
        c.index = k;
    }

    // Puts an entity that the result does not have back, with `fields`, where
    // `source` has it (its stage first, when the result lacks that too).
    bool restore(EntityKind kind, const std::string& id, const json& fields, Source& source) {
        if (result_.has(kind, id)) return make_equal(kind, id, fields);
        if (fields.is_null()) return true;
        Change c;
        c.kind = kind;
        c.op = ChangeOp::Add;
        c.id = id;
        c.new_value = fields;
        std::string parent;
        if (is_child(kind)) {
            parent = source.q().parent_of(kind, id);
            Source& other = &source == &theirs_ ? base_ : theirs_;
            if (parent.empty()) parent = other.q().parent_of(kind, id);
            if (!ensure_stage(parent, source)) return false;
        }
        place(c, source, parent);
        return result_.apply(c);
    }

    bool ensure_stage(const std::string& stage, Source& source) {
        if (stage.empty()) return false;
        if (result_.has(EntityKind::Stage, stage)) return true;
        Source& from = source.q().has(EntityKind::Stage, stage) ? source : (&source == &theirs_ ? base_ : theirs_);
        if (!from.q().has(EntityKind::Stage, stage)) return false;
        return restore(EntityKind::Stage, stage, fields_in(from, EntityKind::Stage, stage), from);
    }

    // Makes an entity the result has equal to `fields` (null: removes it).
    bool make_equal(EntityKind kind, const std::string& id, const json& fields) {
        if (fields.is_null()) return remove(kind, id);
        if (!fields.is_object()) return false;
        auto current = result_.fields(kind, id);
        if (!current) return false;
        bool ok = true;
        for (const auto& [k, v] : *current) {
            const json target = fields.contains(k) ? fields[k] : json(nullptr);
            if (target != v) ok = set(kind, id, k, target) && ok;
        }
        for (const auto& [k, v] : fields.items()) {
            bool known = false;
            for (const auto& [ck, cv] : *current) known = known || ck == k;
            if (!known) ok = set(kind, id, k, v) && ok;
        }
        return ok;
    }

    bool set(EntityKind kind, const std::string& id, const std::string& field, const json& value) {
        Change c;
        c.kind = kind;
        c.op = ChangeOp::Set;
        c.id = id;
        c.field = field;
        c.new_value = value;
        return result_.apply(c);
    }

    bool remove(EntityKind kind, const std::string& id) {
        if (!result_.has(kind, id)) return true;
        Change c;
        c.kind = kind;
        c.op = ChangeOp::Remove;
        c.id = id;
        return result_.apply(c);
    }

    bool move_to(EntityKind kind, const std::string& id, const std::string& stage, Source& source) {
        if (!ensure_stage(stage, source)) return false;
        Change c;
        c.kind = kind;
        c.op = ChangeOp::Move;
        c.id = id;
        place(c, source, stage);
        return result_.apply(c);
    }

    // Acts on an entity-level conflict's resolution: the entity as `side` has it.
    void settle_entity(const Resolution* r, EntityKind kind, const std::string& id) {
        if (!r || r->choice == MergeChoice::Ours) return;
        bool ok = true;
        if (r->choice == MergeChoice::Theirs) ok = restore(kind, id, fields_in(theirs_, kind, id), theirs_);
        else if (r->choice == MergeChoice::Base) ok = restore(kind, id, fields_in(base_, kind, id), base_);
        else ok = restore(kind, id, r->value, theirs_.q().has(kind, id) ? theirs_ : base_);
        if (!ok) unresolve();
    }

    void settle_field(const Resolution* r, EntityKind kind, const std::string& id, const std::string& field,
                      const json& base_value, const json& theirs_value) {
        if (!r || r->choice == MergeChoice::Ours) return;
        const json& v = r->choice == MergeChoice::Theirs ? theirs_value : r->choice == MergeChoice::Base ? base_value : r->value;
        if (!set(kind, id, field, v)) unresolve();
    }

    void settle_stage(const Resolution* r, EntityKind kind, const std::string& id, const json& base_stage,
                      const json& theirs_stage) {
        if (!r || r->choice == MergeChoice::Ours) return;
        const json& v = r->choice == MergeChoice::Theirs ? theirs_stage : r->choice == MergeChoice::Base ? base_stage : r->value;
        Source& source = r->choice == MergeChoice::Base ? base_ : theirs_;
        if (!v.is_string() || !move_to(kind, id, v.get<std::string>(), source)) unresolve();
    }

    // Theirs changed or moved an entity the merge so far deleted.
    void deleted_ours(EntityKind kind, const std::string& id) {
        if (!entity_conflicts_.insert(entity_key(kind, id)).second) return;
        Conflict c{.kind = kind, .id = id, .field = "", .what = "deleted_ours"};
        c.stage = theirs_.q().parent_of(kind, id);
        c.base = fields_in(base_, kind, id);
        c.ours = nullptr;
        c.theirs = fields_in(theirs_, kind, id);
        settle_entity(conflict(std::move(c)), kind, id);
    }

    void take(const Change& t) {
        const std::string ek = entity_key(t.kind, t.id);
        if (entity_conflicts_.count(ek)) return;   // settled as a whole
        switch (t.op) {
            case ChangeOp::Set: take_set(t, ek); break;
            case ChangeOp::Remove: take_remove(t, ek); break;
            case ChangeOp::Add: take_add(t); break;
            case ChangeOp::Move: take_move(t, ek); break;
        }
    }

    void take_set(const Change& t, const std::string& ek) {
        if (!result_.has(t.kind, t.id)) {
            deleted_ours(t.kind, t.id);
            return;
        }
        auto ours = sets_.find(ek + "|" + t.field);
        if (ours == sets_.end()) {
            result_.apply(t);
            return;
        }
        if (ours->second == t.new_value) return;
        Conflict c{.kind = t.kind, .id = t.id, .field = t.field, .what = "changed"};
        c.base = t.old_value;
        c.ours = ours->second;
        c.theirs = t.new_value;
        settle_field(conflict(std::move(c)), t.kind, t.id, t.field, t.old_value, t.new_value);
    }

    void take_remove(const Change& t, const std::string& ek) {
        if (!result_.has(t.kind, t.id)) return;
        bool busy = changed_.count(ek) > 0;
        if (auto m = moved_.find(ek); m != moved_.end() && is_child(t.kind) && m->second.parent != m->second.from_parent)
            busy = true;
        if (t.kind == EntityKind::Stage) {
            busy = busy || busy_stages_.count(t.id) > 0 || !result_.order(EntityKind::Touchpoint, t.id).empty() ||
                   !result_.order(EntityKind::Kpi, t.id).empty();
        }
        if (!busy) {
            result_.apply(t);
            return;
        }
        if (!entity_conflicts_.insert(ek).second) return;
        Conflict c{.kind = t.kind, .id = t.id, .field = "", .what = "deleted_theirs"};
        c.base = fields_in(base_, t.kind, t.id);
        c.ours = result_fields(t.kind, t.id);
        c.theirs = nullptr;
        const Resolution* r = conflict(std::move(c));
        if (!r || r->choice == MergeChoice::Ours) return;
        bool ok = true;
        if (r->choice == MergeChoice::Theirs) ok = remove(t.kind, t.id);
        else if (r->choice == MergeChoice::Base) ok = make_equal(t.kind, t.id, fields_in(base_, t.kind, t.id));
        else ok = make_equal(t.kind, t.id, r->value);
        if (!ok) unresolve();
    }

    void take_add(const Change& t) {
        if (result_.has(t.kind, t.id)) {   // added on both sides (or both files, in a two-way merge)
            const json ours = result_fields(t.kind, t.id);
            if (ours.is_object() && t.new_value.is_object()) {
                std::set<std::string> keys;
                for (const auto& [k, v] : ours.items()) keys.insert(k);
                for (const auto& [k, v] : t.new_value.items()) keys.insert(k);
                for (const auto& k : keys) {
                    const json o = ours.contains(k) ? ours[k] : json(nullptr);
                    const json th = t.new_value.contains(k) ? t.new_value[k] : json(nullptr);
                    if (o == th) continue;
                    Conflict c{.kind = t.kind, .id = t.id, .field = k, .what = "added"};
                    c.base = nullptr;
                    c.ours = o;
                    c.theirs = th;
                    settle_field(conflict(std::move(c)), t.kind, t.id, k, nullptr, th);
                }
            }
            if (is_child(t.kind) && result_.parent_of(t.kind, t.id) != t.parent) {
                Conflict c{.kind = t.kind, .id = t.id, .field = "@stage", .what = "added"};
                c.base = nullptr;
                c.ours = result_.parent_of(t.kind, t.id);
                c.theirs = t.parent;
                settle_stage(conflict(std::move(c)), t.kind, t.id, nullptr, t.parent);
            }
            return;
        }
        if (is_child(t.kind) && !result_.has(EntityKind::Stage, t.parent)) {
            if (!entity_conflicts_.insert(entity_key(t.kind, t.id)).second) return;
            Conflict c{.kind = t.kind, .id = t.id, .field = "", .what = "stage_deleted", .stage = t.parent};
            c.base = nullptr;
            c.ours = nullptr;
            c.theirs = t.new_value;
            settle_entity(conflict(std::move(c)), t.kind, t.id);
            return;
        }
        Change c = t;
        place(c, theirs_, t.parent);
        result_.apply(c);
    }

    void take_move(const Change& t, const std::string& ek) {
        if (!result_.has(t.kind, t.id)) {
            deleted_ours(t.kind, t.id);
            return;
        }
        auto ours_move = moved_.find(ek);
        if (!is_child(t.kind)) {
            if (ours_move != moved_.end()) return;   // both reordered: ours' order stays
            Change c = t;
            place(c, theirs_, "");
            result_.apply(c);
            return;
        }
        const std::string now = result_.parent_of(t.kind, t.id);
        const bool ours_changed_stage = ours_move != moved_.end() && ours_move->second.parent != ours_move->second.from_parent;
        if (ours_move != moved_.end() && now == t.parent) return;   // same stage on both sides: ours' position stays
        // Which stage it is in is the conflict: base, ours and theirs are stage ids.
        auto stage_conflict = [&](const char* what) {
            Conflict c{.kind = t.kind, .id = t.id, .field = "@stage", .what = what};
            c.base = t.from_parent;
            c.ours = now;
            c.theirs = t.parent;
            settle_stage(conflict(std::move(c)), t.kind, t.id, t.from_parent, t.parent);
        };
        if (ours_changed_stage && now != t.parent) return stage_conflict("moved");
        if (!result_.has(EntityKind::Stage, t.parent)) return stage_conflict("stage_deleted");
        if (ours_move != moved_.end() && t.parent == t.from_parent) return;   // both reordered in the stage: ours stays
        Change c = t;
        place(c, theirs_, t.parent);
        result_.apply(c);
    }

    Source base_, theirs_;
    ChangeApplier result_;
    int side_;
    bool two_way_;
    const std::map<std::string, Resolution>& resolutions_;
    std::vector<Conflict>& conflicts_;
    std::unordered_map<std::string, json> sets_;        // "kind|id|field" -> ours' new value
    std::unordered_set<std::string> changed_;           // "kind|id" with a field changed by ours
    std::unordered_map<std::string, Change> moved_;     // "kind|id" -> ours' move
    std::unordered_set<std::string> busy_stages_;       // stages ours changed, or changed, added or moved cards into
    std::unordered_set<std::string> entity_conflicts_;  // "kind|id" settled as a whole in this step
};

// The later side's persona takes the id of an earlier side's new persona with
// the same name. Returns theirs renamed, or nullopt when nothing matched.
std::optional<Map> unify_personas(const Map& base, const Map& result, const Map& theirs, int side,
                                  std::vector<UnifiedPersona>& unified) {
    std::map<std::string, std::string> rename;   // theirs id -> result id
    std::set<std::string> taken;
    for (const auto& p : theirs.personas) {
        if (has_persona(base, p.id) || has_persona(result, p.id)) continue;
        const std::string name = folded_name(p.name);
        if (name.empty()) continue;
        for (const auto& q : result.personas) {
            if (has_persona(base, q.id) || has_persona(theirs, q.id) || taken.count(q.id) || folded_name(q.name) != name)
                continue;
            rename[p.id] = q.id;
            taken.insert(q.id);
            unified.push_back({side, p.id, q.id, p.name});
            break;
        }
    }
    if (rename.empty()) return std::nullopt;
    Map out = theirs;
    for (auto& p : out.personas)
        if (auto it = rename.find(p.id); it != rename.end()) p.id = it->second;
    for (auto& s : out.stages)
        for (auto& t : s.touchpoints)
            for (auto& id : t.persona_ids)
                if (auto it = rename.find(id); it != rename.end()) id = it->second;
    return out;
}

void drop_dangling_personas(Map& m) {
    std::unordered_set<std::string> known;
    for (const auto& p : m.personas) known.insert(p.id);
    for (auto& s : m.stages)
        for (auto& t : s.touchpoints)
            std::erase_if(t.persona_ids, [&](const std::string& id) { return !known.count(id); });
}

}  // namespace

const char* merge_choice_key(MergeChoice choice) {
    switch (choice) {
        case MergeChoice::Ours: return "ours";
        case MergeChoice::Theirs: return "theirs";
        case MergeChoice::Base: return "base";
        case MergeChoice::Edited: return "edited";
    }
    return "ours";
}

std::string Conflict::key() const {
    return std::to_string(side) + "/" + entity_kind_key(kind) + "/" + id + "/" + field;
}

std::size_t MergeResult::unresolved() const {
    std::size_t n = 0;
    for (const auto& c : conflicts) n += c.resolved ? 0 : 1;
    return n;
}

MergeResult merge(std::shared_ptr<const MergeInputs> inputs, std::map<std::string, Resolution> resolutions) {
    MergeResult r;
    r.inputs = inputs;
    r.resolutions = std::move(resolutions);
    r.merged = inputs->ours;
    const Map empty;
    const Map& base = inputs->base ? *inputs->base : empty;
    for (std::size_t i = 0; i < inputs->theirs.size(); ++i) {
        const int side = static_cast<int>(i) + 1;
        std::optional<Map> renamed = unify_personas(base, r.merged, inputs->theirs[i], side, r.unified);
        Step step(base, !inputs->base, r.merged, renamed ? *renamed : inputs->theirs[i], side, r.resolutions, r.conflicts);
        step.run();
    }
    drop_dangling_personas(r.merged);
    return r;
}

MergeResult merge(std::optional<Map> base, Map ours, std::vector<Map> theirs) {
    auto inputs = std::make_shared<MergeInputs>(MergeInputs{std::move(base), std::move(ours), std::move(theirs)});
    return merge(std::shared_ptr<const MergeInputs>(std::move(inputs)), {});
}

bool resolve(MergeResult& result, std::size_t index, MergeChoice choice, json edited) {
    if (index >= result.conflicts.size() || !result.inputs) return false;
    const std::string key = result.conflicts[index].key();
    auto resolutions = result.resolutions;
    resolutions[key] = Resolution{choice, std::move(edited)};
    MergeResult next = merge(result.inputs, std::move(resolutions));
    bool ok = false;
    for (const auto& c : next.conflicts) ok = ok || (c.key() == key && c.resolved);
    if (!ok) {
        // Keep the choice out, so that the conflict stays open with ours' value.
        next.resolutions.erase(key);
        next = merge(result.inputs, std::move(next.resolutions));
    }
    result = std::move(next);
    return ok;
}

void resolve_all(MergeResult& result, MergeChoice choice) {
    if (!result.inputs) return;
    for (std::size_t round = 0; round < result.inputs->theirs.size() + 2 && result.unresolved() > 0; ++round) {
        auto resolutions = result.resolutions;
        for (const auto& c : result.conflicts)
            if (!c.resolved) resolutions[c.key()] = Resolution{choice, nullptr};
        result = merge(result.inputs, std::move(resolutions));
    }
}

json conflict_to_json(const Conflict& c) {
    json j = json::object();
    j["side"] = c.side;
    j["kind"] = entity_kind_key(c.kind);
    j["id"] = c.id;
    if (!c.stage.empty()) j["stage"] = c.stage;
    j["field"] = c.field;
    j["what"] = c.what;
    j["base"] = c.base;
    j["ours"] = c.ours;
    j["theirs"] = c.theirs;
    j["resolved"] = c.resolved;
    if (c.resolved) j["choice"] = merge_choice_key(c.choice);
    return j;
}

json conflicts_to_json(const MergeResult& r) {
    json a = json::array();
    for (const auto& c : r.conflicts) a.push_back(conflict_to_json(c));
    return a;
}

}  // namespace jm
