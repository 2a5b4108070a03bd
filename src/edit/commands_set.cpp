// Field edits: replace one item (found by id) with an edited copy, or the
// map's own fields with an edited MapInfo.
#include "i18n/i18n.h"
#include "edit/command_support.h"
#include "edit/commands.h"

namespace jm {

using namespace edit_detail;

namespace {

// How each kind of edit finds its target and trades places with it. Each
// swap() exchanges the map's version with `held` and says whether the target
// was there.
struct TouchpointAccess {
    using Item = Touchpoint;
    static bool same_target(const Item& a, const Item& b) { return a.id == b.id; }
    static bool swap(Map& m, Item& held) {
        Item* target = find_touchpoint(m, held.id);
        if (target) std::swap(*target, held);
        return target != nullptr;
    }
};

struct PersonaAccess {
    using Item = Persona;
    static bool same_target(const Item& a, const Item& b) { return a.id == b.id; }
    static bool swap(Map& m, Item& held) {
        Item* target = find_persona(m, held.id);
        if (target) std::swap(*target, held);
        return target != nullptr;
    }
};

struct StageAccess {
    using Item = Stage;   // held without touchpoints: a stage edit never touches them
    static bool same_target(const Item& a, const Item& b) { return a.id == b.id; }
    static bool swap(Map& m, Item& held) {
        Item* target = find_stage(m, held.id);
        if (!target) return false;
        std::swap(*target, held);
        std::swap(target->touchpoints, held.touchpoints);   // the cards stay in the map
        return true;
    }
};

struct MapInfoAccess {
    using Item = MapInfo;
    static bool same_target(const Item&, const Item&) { return true; }
    static bool swap(Map& m, Item& held) {
        std::swap(m.title, held.title);
        std::swap(m.description, held.description);
        std::swap(m.objective, held.objective);
        std::swap(m.segment, held.segment);
        std::swap(m.author, held.author);
        std::swap(m.currency, held.currency);
        std::swap(m.lanes, held.lanes);
        std::swap(m.card_detail, held.card_detail);
        std::swap(m.period, held.period);
        std::swap(m.period_previous, held.period_previous);
        return true;
    }
};

std::size_t heap_bytes(const MapInfo& i) {
    std::size_t n = 0;
    for (const std::string* s : {&i.title, &i.description, &i.objective, &i.segment, &i.author, &i.currency})
        n += jm::heap_bytes(*s);
    n += i.lanes.capacity() * sizeof(Lane) + jm::heap_bytes(i.period);
    if (i.period_previous) n += jm::heap_bytes(*i.period_previous);
    return n;
}

// Holds one version of the item, the one not in the map: "after" until
// applied, "before" once applied. apply and revert trade it with the map's, so
// a step costs one copy, however long the typing session it merged.
template <typename Access>
class SwapEdit : public Command {
public:
    using Item = typename Access::Item;
    SwapEdit(Item after, std::string label, std::string key)
        : held_(std::move(after)), label_(std::move(label)), key_(std::move(key)) {}

    std::string label() const override { return label_; }
    void apply(Map& map) override {
        if (!applied_) applied_ = Access::swap(map, held_);
    }
    void revert(Map& map) override {
        if (applied_) Access::swap(map, held_);
        applied_ = false;
    }
    bool had_effect() const override { return applied_; }
    std::string merge_key() const override { return key_; }
    bool merge_with(const Command& next) override {
        auto* other = dynamic_cast<const SwapEdit*>(&next);
        if (!other || !Access::same_target(held_, other->held_) || applied_ != other->applied_) return false;
        // Both applied (as History merges): we hold "before" and the map already
        // shows next's "after". Neither applied: next's held version is its "after".
        if (!applied_) held_ = other->held_;
        return true;
    }
    std::size_t memory_bytes() const override {
        return sizeof(*this) + heap_bytes(held_) + jm::heap_bytes(label_) + jm::heap_bytes(key_);
    }

private:
    Item held_;
    std::string label_, key_;
    bool applied_ = false;
};

template <typename Access>
std::unique_ptr<Command> make_edit(typename Access::Item after, std::string label, std::string key) {
    return std::make_unique<SwapEdit<Access>>(std::move(after), std::move(label), std::move(key));
}

// `key` is the whole default label, "Edit stage {name}", so it is translated as one sentence.
std::string or_default(std::string label, const char* key, const std::string& name) {
    return label.empty() ? i18n::trf(key, {{"name", quoted(name)}}) : label;
}

// A stage's fields without its touchpoints, which can be thousands of cards.
// The structured binding names every member of Stage, so a member added later
// stops this build until it is copied here too.
Stage fields_of(const Stage& s) {
    const auto& [id, name, description, goal, owner, business_voice, kpis, funnel_count, funnel_count_previous, handoff,
                 survey, survey_previous, touchpoints, unknown] = s;
    (void)touchpoints;
    return Stage{.id = id, .name = name, .description = description, .goal = goal, .owner = owner,
                 .business_voice = business_voice, .kpis = kpis, .funnel_count = funnel_count,
                 .funnel_count_previous = funnel_count_previous, .handoff = handoff, .survey = survey,
                 .survey_previous = survey_previous, .touchpoints = {}, .unknown = unknown};
}

}  // namespace

MapInfo map_info(const Map& m) {
    return {m.title, m.description, m.objective, m.segment, m.author, m.currency, m.lanes, m.card_detail, m.period, m.period_previous};
}

std::unique_ptr<Command> set_map_info(const Map& map, MapInfo after, std::string label, std::string merge_key) {
    if (map_info(map) == after) return nullptr;
    if (label.empty()) label = i18n::tr("Edit map details");
    return make_edit<MapInfoAccess>(std::move(after), std::move(label), std::move(merge_key));
}

std::unique_ptr<Command> set_stage(const Map& map, const Stage& after, std::string label, std::string merge_key) {
    const Stage* current = find_stage(map, after.id);
    if (!current) return nullptr;
    Stage next = fields_of(after);
    if (fields_of(*current) == next) return nullptr;
    return make_edit<StageAccess>(std::move(next), or_default(std::move(label), "Edit stage {name}", current->name), std::move(merge_key));
}

std::unique_ptr<Command> set_touchpoint(const Map& map, const Touchpoint& after, std::string label, std::string merge_key) {
    const Touchpoint* current = find_touchpoint(map, after.id);
    if (!current || *current == after) return nullptr;
    return make_edit<TouchpointAccess>(after, or_default(std::move(label), "Edit touchpoint {name}", current->title), std::move(merge_key));
}

std::unique_ptr<Command> set_persona(const Map& map, const Persona& after, std::string label, std::string merge_key) {
    const Persona* current = find_persona(map, after.id);
    if (!current || *current == after) return nullptr;
    return make_edit<PersonaAccess>(after, or_default(std::move(label), "Edit persona {name}", current->name), std::move(merge_key));
}

}  // namespace jm
