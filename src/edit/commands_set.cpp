// Field edits: replace one item (found by id) with an edited copy, or the
// map's own fields with an edited MapInfo. Each keeps "before" and "after".
#include "edit/command_support.h"
#include "edit/commands.h"

namespace jm {

using namespace edit_detail;

namespace {

// How each kind of item is found and how an edit lands on it.
struct TouchpointAccess {
    using Item = Touchpoint;
    static constexpr const char* kNoun = "touchpoint";
    static Item* find(Map& m, const std::string& id) { return find_touchpoint(m, id); }
    static const std::string& name(const Item& t) { return t.title; }
    static void assign(Item& target, const Item& value) { target = value; }
};

struct PersonaAccess {
    using Item = Persona;
    static constexpr const char* kNoun = "persona";
    static Item* find(Map& m, const std::string& id) { return find_persona(m, id); }
    static const std::string& name(const Item& p) { return p.name; }
    static void assign(Item& target, const Item& value) { target = value; }
};

struct StageAccess {
    using Item = Stage;   // held without touchpoints: a stage edit never touches them
    static constexpr const char* kNoun = "stage";
    static Item* find(Map& m, const std::string& id) { return find_stage(m, id); }
    static const std::string& name(const Item& s) { return s.name; }
    static void assign(Item& target, const Item& value) {
        std::vector<Touchpoint> keep = std::move(target.touchpoints);
        target = value;
        target.touchpoints = std::move(keep);
    }
};

template <typename Access>
class SetItem : public Command {
public:
    using Item = typename Access::Item;
    SetItem(Item before, Item after, std::string label, std::string key)
        : before_(std::move(before)), after_(std::move(after)), label_(std::move(label)), key_(std::move(key)) {
        if (label_.empty()) label_ = std::string("Edit ") + Access::kNoun + " " + quoted(Access::name(before_));
    }

    std::string label() const override { return label_; }
    void apply(Map& map) override { applied_ = set(map, after_); }
    void revert(Map& map) override {
        if (applied_) set(map, before_);
        applied_ = false;
    }
    bool had_effect() const override { return applied_; }
    std::string merge_key() const override { return key_; }
    bool merge_with(const Command& next) override {
        auto* other = dynamic_cast<const SetItem*>(&next);
        if (!other || other->after_.id != after_.id) return false;
        after_ = other->after_;
        return true;
    }
    std::size_t memory_bytes() const override {
        return sizeof(*this) + heap_bytes(before_) + heap_bytes(after_) + heap_bytes(label_) + heap_bytes(key_);
    }

private:
    static bool set(Map& map, const Item& value) {
        Item* target = Access::find(map, value.id);
        if (target) Access::assign(*target, value);
        return target != nullptr;
    }
    Item before_, after_;
    std::string label_, key_;
    bool applied_ = false;
};

void assign_info(Map& m, const MapInfo& info) {
    m.title = info.title;
    m.description = info.description;
    m.objective = info.objective;
    m.segment = info.segment;
    m.author = info.author;
    m.currency = info.currency;
    m.lanes = info.lanes;
    m.period = info.period;
    m.period_previous = info.period_previous;
}

std::size_t info_bytes(const MapInfo& i) {
    std::size_t n = 0;
    for (const std::string* s : {&i.title, &i.description, &i.objective, &i.segment, &i.author, &i.currency})
        n += heap_bytes(*s);
    n += i.lanes.capacity() * sizeof(Lane) + heap_bytes(i.period);
    if (i.period_previous) n += heap_bytes(*i.period_previous);
    return n;
}

class SetMapInfo : public Command {
public:
    SetMapInfo(MapInfo before, MapInfo after, std::string label, std::string key)
        : before_(std::move(before)), after_(std::move(after)), label_(std::move(label)), key_(std::move(key)) {
        if (label_.empty()) label_ = "Edit map details";
    }
    std::string label() const override { return label_; }
    void apply(Map& map) override { assign_info(map, after_); }
    void revert(Map& map) override { assign_info(map, before_); }
    std::string merge_key() const override { return key_; }
    bool merge_with(const Command& next) override {
        auto* other = dynamic_cast<const SetMapInfo*>(&next);
        if (!other) return false;
        after_ = other->after_;
        return true;
    }
    std::size_t memory_bytes() const override {
        return sizeof(*this) + info_bytes(before_) + info_bytes(after_) + heap_bytes(label_) + heap_bytes(key_);
    }

private:
    MapInfo before_, after_;
    std::string label_, key_;
};

// A stage's fields without its touchpoints, which can be thousands of cards.
// The structured binding names every member of Stage, so a member added later
// stops this build until it is copied here too.
Stage fields_of(const Stage& s) {
    const auto& [id, name, description, goal, owner, business_voice, kpis, funnel_count, funnel_count_previous, handoff,
                 survey, touchpoints, unknown] = s;
    (void)touchpoints;
    return Stage{.id = id, .name = name, .description = description, .goal = goal, .owner = owner,
                 .business_voice = business_voice, .kpis = kpis, .funnel_count = funnel_count,
                 .funnel_count_previous = funnel_count_previous, .handoff = handoff, .survey = survey,
                 .touchpoints = {}, .unknown = unknown};
}

}  // namespace

MapInfo map_info(const Map& m) {
    return {m.title, m.description, m.objective, m.segment, m.author, m.currency, m.lanes, m.period, m.period_previous};
}

std::unique_ptr<Command> set_map_info(const Map& map, MapInfo after, std::string label, std::string merge_key) {
    MapInfo before = map_info(map);
    if (before == after) return nullptr;
    return std::make_unique<SetMapInfo>(std::move(before), std::move(after), std::move(label), std::move(merge_key));
}

std::unique_ptr<Command> set_stage(const Map& map, const Stage& after, std::string label, std::string merge_key) {
    const Stage* current = find_stage(map, after.id);
    if (!current) return nullptr;
    Stage before = fields_of(*current), next = fields_of(after);
    if (before == next) return nullptr;
    return std::make_unique<SetItem<StageAccess>>(std::move(before), std::move(next), std::move(label), std::move(merge_key));
}

std::unique_ptr<Command> set_touchpoint(const Map& map, const Touchpoint& after, std::string label, std::string merge_key) {
    const Touchpoint* before = find_touchpoint(map, after.id);
    if (!before || *before == after) return nullptr;
    return std::make_unique<SetItem<TouchpointAccess>>(*before, after, std::move(label), std::move(merge_key));
}

std::unique_ptr<Command> set_persona(const Map& map, const Persona& after, std::string label, std::string merge_key) {
    const Persona* before = find_persona(map, after.id);
    if (!before || *before == after) return nullptr;
    return std::make_unique<SetItem<PersonaAccess>>(*before, after, std::move(label), std::move(merge_key));
}

}  // namespace jm
