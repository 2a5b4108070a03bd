// Field edits: replace one item (found by id) with an edited copy.
#include <algorithm>

#include "edit/commands.h"

namespace jm {

namespace {

std::size_t str_bytes(const std::string& s) { return s.capacity(); }

std::size_t list_bytes(const std::vector<std::string>& v) {
    std::size_t n = v.capacity() * sizeof(std::string);
    for (const auto& s : v) n += s.capacity();
    return n;
}

std::size_t unknown_bytes(const UnknownFields& u) {
    std::size_t n = 0;
    for (const auto& [k, v] : u) n += 64 + k.capacity() + v.capacity();
    return n;
}

// Where each kind of item lives and how an edit lands on it.
struct TouchpointAccess {
    using Item = Touchpoint;
    static Item* find(Map& m, const std::string& id) { return find_touchpoint(m, id); }
    static void assign(Item& target, const Item& value) { target = value; }
};

struct PersonaAccess {
    using Item = Persona;
    static Item* find(Map& m, const std::string& id) { return find_persona(m, id); }
    static void assign(Item& target, const Item& value) { target = value; }
};

struct StageAccess {
    using Item = Stage;   // held without touchpoints: edits never touch them
    static Item* find(Map& m, const std::string& id) { return find_stage(m, id); }
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
        : before_(std::move(before)), after_(std::move(after)), label_(std::move(label)), key_(std::move(key)) {}

    std::string label() const override { return label_; }
    void apply(Map& map) override { set(map, after_); }
    void revert(Map& map) override { set(map, before_); }
    std::string merge_key() const override { return key_; }
    bool merge_with(const Command& next) override {
        auto* other = dynamic_cast<const SetItem*>(&next);
        if (!other || other->after_.id != after_.id) return false;
        after_ = other->after_;
        return true;
    }
    std::size_t memory_bytes() const override {
        return sizeof(*this) + approx_bytes(before_) + approx_bytes(after_) + label_.capacity() + key_.capacity();
    }

private:
    void set(Map& map, const Item& value) {
        if (Item* target = Access::find(map, value.id)) Access::assign(*target, value);
    }
    Item before_, after_;
    std::string label_, key_;
};

class SetMapInfo : public Command {
public:
    SetMapInfo(MapInfo before, MapInfo after, std::string label, std::string key)
        : before_(std::move(before)), after_(std::move(after)), label_(std::move(label)), key_(std::move(key)) {}
    std::string label() const override { return label_; }
    void apply(Map& map) override { set(map, after_); }
    void revert(Map& map) override { set(map, before_); }
    std::string merge_key() const override { return key_; }
    bool merge_with(const Command& next) override {
        auto* other = dynamic_cast<const SetMapInfo*>(&next);
        if (!other) return false;
        after_ = other->after_;
        return true;
    }
    std::size_t memory_bytes() const override { return sizeof(*this) + 2 * (512 + unknown_bytes(before_.unknown)) + label_.capacity(); }

private:
    static void set(Map& m, const MapInfo& i) {
        m.title = i.title;
        m.description = i.description;
        m.objective = i.objective;
        m.segment = i.segment;
        m.author = i.author;
        m.currency = i.currency;
        m.created = i.created;
        m.modified = i.modified;
        m.lanes = i.lanes;
        m.period = i.period;
        m.period_previous = i.period_previous;
        m.unknown = i.unknown;
    }
    MapInfo before_, after_;
    std::string label_, key_;
};

}  // namespace

MapInfo map_info(const Map& m) {
    return {m.title, m.description, m.objective, m.segment, m.author, m.currency, m.created, m.modified,
            m.lanes, m.period, m.period_previous, m.unknown};
}

std::unique_ptr<Command> set_map_info(const Map& map, MapInfo after, std::string label, std::string merge_key) {
    return std::make_unique<SetMapInfo>(map_info(map), std::move(after), std::move(label), std::move(merge_key));
}

std::unique_ptr<Command> set_stage(const Map& map, const Stage& after, std::string label, std::string merge_key) {
    const Stage* before = find_stage(map, after.id);
    if (!before) return nullptr;
    Stage b = *before, a = after;
    b.touchpoints.clear();
    a.touchpoints.clear();
    return std::make_unique<SetItem<StageAccess>>(std::move(b), std::move(a), std::move(label), std::move(merge_key));
}

std::unique_ptr<Command> set_touchpoint(const Map& map, const Touchpoint& after, std::string label, std::string merge_key) {
    const Touchpoint* before = find_touchpoint(map, after.id);
    if (!before) return nullptr;
    return std::make_unique<SetItem<TouchpointAccess>>(*before, after, std::move(label), std::move(merge_key));
}

std::unique_ptr<Command> set_persona(const Map& map, const Persona& after, std::string label, std::string merge_key) {
    const Persona* before = find_persona(map, after.id);
    if (!before) return nullptr;
    return std::make_unique<SetItem<PersonaAccess>>(*before, after, std::move(label), std::move(merge_key));
}

std::size_t approx_bytes(const Touchpoint& t) {
    std::size_t n = sizeof(Touchpoint);
    for (const std::string* s : {&t.id, &t.title, &t.description, &t.doing, &t.thinking, &t.channel, &t.owner, &t.backstage,
                                 &t.evidence.source})
        n += str_bytes(*s);
    n += list_bytes(t.persona_ids) + list_bytes(t.pains) + list_bytes(t.opportunities) + list_bytes(t.evidence.quotes);
    n += t.survey.ces.capacity() * sizeof(std::int64_t) + unknown_bytes(t.unknown);
    if (t.survey_previous) n += sizeof(Survey) + t.survey_previous->ces.capacity() * sizeof(std::int64_t);
    return n;
}

std::size_t approx_bytes(const Stage& s) {
    std::size_t n = sizeof(Stage);
    for (const std::string* x : {&s.id, &s.name, &s.description, &s.goal, &s.owner, &s.business_voice,
                                 &s.handoff.from_team, &s.handoff.to_team, &s.handoff.agreement})
        n += str_bytes(*x);
    for (const auto& k : s.kpis) n += sizeof(Kpi) + k.id.capacity() + k.name.capacity() + k.unit.capacity();
    for (const auto& t : s.touchpoints) n += approx_bytes(t);
    return n + unknown_bytes(s.unknown);
}

std::size_t approx_bytes(const Persona& p) {
    std::size_t n = sizeof(Persona);
    for (const std::string* x : {&p.id, &p.name, &p.job_title, &p.goals, &p.needs, &p.research_channels, &p.expectations,
                                 &p.loyalty_factors, &p.color, &p.firmographics.company_size, &p.firmographics.industry,
                                 &p.firmographics.region})
        n += str_bytes(*x);
    return n + unknown_bytes(p.unknown);
}

std::string short_label(const std::string& text, std::size_t max_chars) {
    std::size_t chars = 0, i = 0;
    while (i < text.size()) {
        if (chars == max_chars) return text.substr(0, i) + "\xe2\x80\xa6";
        unsigned char c = static_cast<unsigned char>(text[i]);
        i += c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
        ++chars;
    }
    return text;
}

}  // namespace jm
