// Structural edits: adding, deleting and moving stages, touchpoints and
// personas. Each remembers positions only to restore them on undo.
#include <algorithm>

#include "edit/commands.h"

namespace jm {

namespace {

int clamp_index(int index, std::size_t size) { return std::clamp(index, 0, static_cast<int>(size)); }

template <typename T>
int index_of(const std::vector<T>& items, const std::string& id) {
    for (int i = 0; i < static_cast<int>(items.size()); ++i)
        if (items[i].id == id) return i;
    return -1;
}

std::string quoted(const std::string& s) { return "'" + short_label(s) + "'"; }

std::string plural(std::size_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

class AddStage : public Command {
public:
    AddStage(Stage stage, int index) : stage_(std::move(stage)), index_(index) {}
    std::string label() const override { return "Add stage " + quoted(stage_.name); }
    void apply(Map& m) override { m.stages.insert(m.stages.begin() + clamp_index(index_, m.stages.size()), stage_); }
    void revert(Map& m) override {
        int i = index_of(m.stages, stage_.id);
        if (i >= 0) m.stages.erase(m.stages.begin() + i);
    }
    std::size_t memory_bytes() const override { return sizeof(*this) + approx_bytes(stage_); }

private:
    Stage stage_;
    int index_;
};

class DeleteStage : public Command {
public:
    DeleteStage(Stage stage, int index) : stage_(std::move(stage)), index_(index) {}
    std::string label() const override {
        std::string l = "Delete stage " + quoted(stage_.name);
        return stage_.touchpoints.empty() ? l : l + " and " + plural(stage_.touchpoints.size(), "touchpoint");
    }
    void apply(Map& m) override {
        int i = index_of(m.stages, stage_.id);
        if (i >= 0) m.stages.erase(m.stages.begin() + i);
    }
    void revert(Map& m) override { m.stages.insert(m.stages.begin() + clamp_index(index_, m.stages.size()), stage_); }
    std::size_t memory_bytes() const override { return sizeof(*this) + approx_bytes(stage_); }

private:
    Stage stage_;
    int index_;
};

// Moves one item of a vector (stages, personas) from one index to another.
template <typename T>
class MoveItem : public Command {
public:
    MoveItem(std::vector<T> Map::*list, std::string id, std::string name, int from, int to, const char* kind)
        : list_(list), id_(std::move(id)), name_(std::move(name)), from_(from), to_(to), kind_(kind) {}
    std::string label() const override { return std::string("Move ") + kind_ + " " + quoted(name_); }
    void apply(Map& m) override { move(m.*list_, to_); }
    void revert(Map& m) override { move(m.*list_, from_); }
    std::size_t memory_bytes() const override { return sizeof(*this) + id_.capacity() + name_.capacity(); }

private:
    void move(std::vector<T>& items, int to) {
        int i = index_of(items, id_);
        if (i < 0) return;
        T item = std::move(items[i]);
        items.erase(items.begin() + i);
        items.insert(items.begin() + clamp_index(to, items.size()), std::move(item));
    }
    std::vector<T> Map::*list_;
    std::string id_, name_;
    int from_, to_;
    const char* kind_;
};

struct Placed {          // a touchpoint and where it sat
    std::string stage_id;
    int index = 0;
    Touchpoint touchpoint;
};

// Puts touchpoints back at their recorded positions; ascending order keeps
// each recorded index valid as the earlier ones go in.
void restore(Map& m, std::vector<Placed> placed) {
    std::stable_sort(placed.begin(), placed.end(), [&](const Placed& a, const Placed& b) {
        int sa = index_of(m.stages, a.stage_id), sb = index_of(m.stages, b.stage_id);
        return sa != sb ? sa < sb : a.index < b.index;
    });
    for (auto& p : placed) {
        Stage* s = find_stage(m, p.stage_id);
        if (!s) continue;
        s->touchpoints.insert(s->touchpoints.begin() + clamp_index(p.index, s->touchpoints.size()), p.touchpoint);
    }
}

std::vector<Touchpoint> take(Map& m, const std::vector<std::string>& ids) {
    std::vector<Touchpoint> taken;
    for (const auto& id : ids) {
        TouchpointRef at = locate_touchpoint(m, id);
        if (!at) continue;
        auto& tps = m.stages[at.stage].touchpoints;
        taken.push_back(std::move(tps[at.index]));
        tps.erase(tps.begin() + at.index);
    }
    return taken;
}

class AddTouchpoints : public Command {
public:
    AddTouchpoints(std::string stage_id, int index, std::vector<Touchpoint> tps)
        : stage_id_(std::move(stage_id)), index_(index), tps_(std::move(tps)) {}
    std::string label() const override {
        return tps_.size() == 1 ? "Add touchpoint " + quoted(tps_[0].title) : "Add " + plural(tps_.size(), "touchpoint");
    }
    void apply(Map& m) override {
        Stage* s = find_stage(m, stage_id_);
        if (!s) return;
        s->touchpoints.insert(s->touchpoints.begin() + clamp_index(index_, s->touchpoints.size()), tps_.begin(), tps_.end());
    }
    void revert(Map& m) override {
        std::vector<std::string> ids;
        for (const auto& t : tps_) ids.push_back(t.id);
        take(m, ids);
    }
    std::size_t memory_bytes() const override {
        std::size_t n = sizeof(*this);
        for (const auto& t : tps_) n += approx_bytes(t);
        return n;
    }

private:
    std::string stage_id_;
    int index_;
    std::vector<Touchpoint> tps_;
};

class DeleteTouchpoints : public Command {
public:
    explicit DeleteTouchpoints(std::vector<Placed> placed) : placed_(std::move(placed)) {}
    std::string label() const override {
        return placed_.size() == 1 ? "Delete touchpoint " + quoted(placed_[0].touchpoint.title)
                                   : "Delete " + plural(placed_.size(), "touchpoint");
    }
    void apply(Map& m) override {
        std::vector<std::string> ids;
        for (const auto& p : placed_) ids.push_back(p.touchpoint.id);
        take(m, ids);
    }
    void revert(Map& m) override { restore(m, placed_); }
    std::size_t memory_bytes() const override {
        std::size_t n = sizeof(*this);
        for (const auto& p : placed_) n += approx_bytes(p.touchpoint) + p.stage_id.capacity();
        return n;
    }

private:
    std::vector<Placed> placed_;
};

class MoveTouchpoints : public Command {
public:
    MoveTouchpoints(std::vector<Placed> from, std::string target, int index, std::string target_name)
        : from_(std::move(from)), target_(std::move(target)), index_(index), target_name_(std::move(target_name)) {}
    std::string label() const override {
        std::string what = from_.size() == 1 ? "touchpoint " + quoted(from_[0].touchpoint.title) : plural(from_.size(), "touchpoint");
        return "Move " + what + " to " + quoted(target_name_);
    }
    void apply(Map& m) override {
        std::vector<Touchpoint> moving = take(m, ids());
        Stage* s = find_stage(m, target_);
        if (!s) {
            restore(m, from_);
            return;
        }
        s->touchpoints.insert(s->touchpoints.begin() + clamp_index(index_, s->touchpoints.size()), moving.begin(), moving.end());
    }
    void revert(Map& m) override {
        std::vector<Touchpoint> moved = take(m, ids());
        std::vector<Placed> back = from_;
        for (std::size_t i = 0; i < back.size() && i < moved.size(); ++i) back[i].touchpoint = std::move(moved[i]);
        restore(m, std::move(back));
    }
    std::size_t memory_bytes() const override {
        std::size_t n = sizeof(*this);
        for (const auto& p : from_) n += sizeof(Placed) + p.touchpoint.id.capacity() + p.stage_id.capacity();
        return n;
    }

private:
    std::vector<std::string> ids() const {
        std::vector<std::string> out;
        for (const auto& p : from_) out.push_back(p.touchpoint.id);
        return out;
    }
    std::vector<Placed> from_;   // only ids and titles kept: the contents move with the cards
    std::string target_;
    int index_;                  // in the target stage after the moving cards are taken out
    std::string target_name_;
};

class AddPersona : public Command {
public:
    AddPersona(Persona p, int index) : persona_(std::move(p)), index_(index) {}
    std::string label() const override { return "Add persona " + quoted(persona_.name); }
    void apply(Map& m) override { m.personas.insert(m.personas.begin() + clamp_index(index_, m.personas.size()), persona_); }
    void revert(Map& m) override {
        int i = index_of(m.personas, persona_.id);
        if (i >= 0) m.personas.erase(m.personas.begin() + i);
    }
    std::size_t memory_bytes() const override { return sizeof(*this) + approx_bytes(persona_); }

private:
    Persona persona_;
    int index_;
};

class DeletePersona : public Command {
public:
    struct Ref { std::string touchpoint; int position; };
    DeletePersona(Persona p, int index, std::vector<Ref> refs) : persona_(std::move(p)), index_(index), refs_(std::move(refs)) {}
    std::string label() const override {
        std::string l = "Delete persona " + quoted(persona_.name);
        return refs_.empty() ? l : l + " from " + plural(refs_.size(), "touchpoint");
    }
    void apply(Map& m) override {
        int i = index_of(m.personas, persona_.id);
        if (i >= 0) m.personas.erase(m.personas.begin() + i);
        for (const auto& r : refs_)
            if (Touchpoint* t = find_touchpoint(m, r.touchpoint)) std::erase(t->persona_ids, persona_.id);
    }
    void revert(Map& m) override {
        m.personas.insert(m.personas.begin() + clamp_index(index_, m.personas.size()), persona_);
        for (const auto& r : refs_)
            if (Touchpoint* t = find_touchpoint(m, r.touchpoint))
                t->persona_ids.insert(t->persona_ids.begin() + clamp_index(r.position, t->persona_ids.size()), persona_.id);
    }
    std::size_t memory_bytes() const override {
        return sizeof(*this) + approx_bytes(persona_) + refs_.size() * (sizeof(Ref) + 16);
    }

private:
    Persona persona_;
    int index_;
    std::vector<Ref> refs_;
};

class ReplaceMap : public Command {
public:
    ReplaceMap(Map before, Map after, std::string label) : before_(std::move(before)), after_(std::move(after)), label_(std::move(label)) {}
    std::string label() const override { return label_; }
    void apply(Map& m) override { m = after_; }
    void revert(Map& m) override { m = before_; }
    std::size_t memory_bytes() const override {
        std::size_t n = sizeof(*this);
        for (const Map* map : {&before_, &after_}) {
            for (const auto& s : map->stages) n += approx_bytes(s);
            for (const auto& p : map->personas) n += approx_bytes(p);
        }
        return n;
    }

private:
    Map before_, after_;
    std::string label_;
};

}  // namespace

std::unique_ptr<Command> add_stage(Stage stage, int index) { return std::make_unique<AddStage>(std::move(stage), index); }

std::unique_ptr<Command> delete_stage(const Map& map, const std::string& id) {
    int i = index_of(map.stages, id);
    if (i < 0) return nullptr;
    return std::make_unique<DeleteStage>(map.stages[i], i);
}

std::unique_ptr<Command> move_stage(const Map& map, const std::string& id, int new_index) {
    int i = index_of(map.stages, id);
    if (i < 0) return nullptr;
    int to = std::clamp(new_index, 0, static_cast<int>(map.stages.size()) - 1);
    if (to == i) return nullptr;
    return std::make_unique<MoveItem<Stage>>(&Map::stages, id, map.stages[i].name, i, to, "stage");
}

std::unique_ptr<Command> add_touchpoints(const std::string& stage_id, int index, std::vector<Touchpoint> touchpoints) {
    if (touchpoints.empty()) return nullptr;
    return std::make_unique<AddTouchpoints>(stage_id, index, std::move(touchpoints));
}

std::unique_ptr<Command> delete_touchpoints(const Map& map, const std::vector<std::string>& ids) {
    std::vector<Placed> placed;
    for (const auto& id : ids) {
        TouchpointRef at = locate_touchpoint(map, id);
        if (!at) continue;
        placed.push_back({map.stages[at.stage].id, at.index, map.stages[at.stage].touchpoints[at.index]});
    }
    if (placed.empty()) return nullptr;
    return std::make_unique<DeleteTouchpoints>(std::move(placed));
}

std::unique_ptr<Command> move_touchpoints(const Map& map, const std::vector<std::string>& ids,
                                          const std::string& target_stage_id, int target_index) {
    const Stage* target = find_stage(map, target_stage_id);
    if (!target) return nullptr;
    std::vector<Placed> from;
    int above_target = 0;   // moving cards that sit above the drop point in the target stage
    for (const auto& id : ids) {
        TouchpointRef at = locate_touchpoint(map, id);
        if (!at) continue;
        const Stage& s = map.stages[at.stage];
        Touchpoint light{.id = id, .title = s.touchpoints[at.index].title};
        from.push_back({s.id, at.index, std::move(light)});
        if (s.id == target_stage_id && at.index < target_index) ++above_target;
    }
    if (from.empty()) return nullptr;
    int index = std::max(0, target_index - above_target);
    // Dropping cards where they already are changes nothing: no undo step.
    bool unchanged = true;
    for (std::size_t k = 0; k < from.size(); ++k)
        unchanged = unchanged && from[k].stage_id == target_stage_id && from[k].index == index + static_cast<int>(k);
    if (unchanged) return nullptr;
    return std::make_unique<MoveTouchpoints>(std::move(from), target_stage_id, index, target->name);
}

std::unique_ptr<Command> add_persona(Persona persona, int index) { return std::make_unique<AddPersona>(std::move(persona), index); }

std::unique_ptr<Command> delete_persona(const Map& map, const std::string& id) {
    int i = index_of(map.personas, id);
    if (i < 0) return nullptr;
    std::vector<DeletePersona::Ref> refs;
    for (const auto& s : map.stages)
        for (const auto& t : s.touchpoints) {
            auto it = std::find(t.persona_ids.begin(), t.persona_ids.end(), id);
            if (it != t.persona_ids.end()) refs.push_back({t.id, static_cast<int>(it - t.persona_ids.begin())});
        }
    return std::make_unique<DeletePersona>(map.personas[i], i, std::move(refs));
}

std::unique_ptr<Command> move_persona(const Map& map, const std::string& id, int new_index) {
    int i = index_of(map.personas, id);
    if (i < 0) return nullptr;
    int to = std::clamp(new_index, 0, static_cast<int>(map.personas.size()) - 1);
    if (to == i) return nullptr;
    return std::make_unique<MoveItem<Persona>>(&Map::personas, id, map.personas[i].name, i, to, "persona");
}

std::unique_ptr<Command> replace_map(const Map& before, Map after, std::string label) {
    return std::make_unique<ReplaceMap>(before, std::move(after), std::move(label));
}

}  // namespace jm
