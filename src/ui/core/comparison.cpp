#include "ui/core/comparison.h"

#include <algorithm>
#include <tuple>
#include <utility>

#include "i18n/i18n.h"

namespace jm::ui {

namespace {

struct Place {
    int stage = -1, index = -1;   // in map.stages, and in that stage's list
};

// Where every card, KPI, stage, persona and lane of one map is: built once per
// comparison, so that looking up one of 10,000 cards costs a hash, not a scan.
struct MapPlaces {
    std::unordered_map<std::string, int> stages, personas, lanes;
    std::unordered_map<std::string, Place> cards, kpis;

    explicit MapPlaces(const Map& m) {
        std::size_t n = 0;
        for (const auto& s : m.stages) n += s.touchpoints.size();
        cards.reserve(n);
        for (int s = 0; s < static_cast<int>(m.stages.size()); ++s) {
            const Stage& st = m.stages[s];
            stages.emplace(st.id, s);
            for (int i = 0; i < static_cast<int>(st.touchpoints.size()); ++i) cards.emplace(st.touchpoints[i].id, Place{s, i});
            for (int i = 0; i < static_cast<int>(st.kpis.size()); ++i) kpis.emplace(st.kpis[i].id, Place{s, i});
        }
        for (int p = 0; p < static_cast<int>(m.personas.size()); ++p) personas.emplace(m.personas[p].id, p);
        for (int l = 0; l < static_cast<int>(m.lanes.size()); ++l) lanes.emplace(lane_key(m.lanes[l]), l);
    }

    template <class T>
    static T find(const std::unordered_map<std::string, T>& in, const std::string& id, T none) {
        auto it = in.find(id);
        return it == in.end() ? none : it->second;
    }
    int stage(const std::string& id) const { return find(stages, id, -1); }
    Place card(const std::string& id) const { return find(cards, id, Place{}); }
    Place kpi(const std::string& id) const { return find(kpis, id, Place{}); }

    // The place of an entity in its list (0 = first); -1 when the map has none.
    int index_of(EntityKind kind, const std::string& id) const {
        switch (kind) {
            case EntityKind::Stage: return stage(id);
            case EntityKind::Persona: return find(personas, id, -1);
            case EntityKind::Lane: return find(lanes, id, -1);
            case EntityKind::Touchpoint: return card(id).index;
            case EntityKind::Kpi: return kpi(id).index;
            default: return -1;
        }
    }
};

// The name of an entity from its fields (a Change's old or new value).
std::string name_in(const nlohmann::json& fields) {
    if (!fields.is_object()) return {};
    for (const char* key : {"title", "name"}) {   // i18n: not shown (the format's keys)
        auto it = fields.find(key);
        if (it != fields.end() && it->is_string()) return it->get<std::string>();
    }
    return {};
}

bool is_survey_field(const std::string& key) {
    return key == "survey" || key.rfind("survey.", 0) == 0 || key == "survey_previous";   // i18n: not shown (the format's keys)
}

}  // namespace

Comparison::Comparison(std::string file_name, Map file) : file_name_(std::move(file_name)), file_(std::move(file)) {}

bool Comparison::update(const Map& open, std::uint64_t revision) {
    if (compared_ && revision == revision_) return false;
    diff_ = jm::diff(file_, open);
    build(open);
    revision_ = revision;
    compared_ = true;
    return true;
}

EntityDiff& Comparison::entity_for(EntityKind kind, const std::string& id) {
    auto [it, added] = by_id_[static_cast<int>(kind)].emplace(id, static_cast<int>(entities_.size()));
    if (added) entities_.push_back(EntityDiff{.kind = kind, .id = id});
    return entities_[it->second];
}

void Comparison::build(const Map& open) {
    entities_.clear();
    ghosts_.clear();
    for (auto& ids : by_id_) ids.clear();
    const MapPlaces was(file_);
    for (const Change& c : diff_.changes) {
        switch (c.op) {
            case ChangeOp::Remove:
                ghosts_.push_back(Ghost{.kind = c.kind, .id = c.id, .name = name_in(c.old_value), .stage = c.parent,
                                        .file_index = was.index_of(c.kind, c.id)});
                break;
            case ChangeOp::Add: entity_for(c.kind, c.id).marks |= kMarkAdded; break;
            case ChangeOp::Move: {
                EntityDiff& e = entity_for(c.kind, c.id);
                e.marks |= kMarkMoved;
                e.from_index = was.index_of(c.kind, c.id);
                if (c.kind == EntityKind::Touchpoint || c.kind == EntityKind::Kpi) e.from_stage = c.from_parent;
                break;
            }
            case ChangeOp::Set: {
                EntityDiff& e = entity_for(c.kind, c.id);
                e.marks |= kMarkChanged;
                e.fields.push_back({c.field, c.old_value, c.new_value});
                break;
            }
        }
    }
    place_ghosts(open);
    mark_canvas(open);
    make_rows(open);
}

// Removed stages get ghost columns in the file's order; a removed card goes
// right after the nearest card before it (in the file) that is still in its
// stage, found in one walk over each of the file's stages.
void Comparison::place_ghosts(const Map& open) {
    const MapPlaces now(open);
    const int S = static_cast<int>(open.stages.size());
    plan_ = {};
    plan_ghost_.clear();
    column_ghost_.clear();
    std::unordered_map<std::string, int> removed_cards, removed_stages;   // id -> index into ghosts_
    for (int g = 0; g < static_cast<int>(ghosts_.size()); ++g) {
        if (ghosts_[g].kind == EntityKind::Touchpoint) removed_cards.emplace(ghosts_[g].id, g);
        if (ghosts_[g].kind == EntityKind::Stage) column_ghost_.push_back(g);
    }
    std::stable_sort(column_ghost_.begin(), column_ghost_.end(),
                     [&](int a, int b) { return ghosts_[a].file_index < ghosts_[b].file_index; });
    for (int k = 0; k < static_cast<int>(column_ghost_.size()); ++k) {
        ghosts_[column_ghost_[k]].column = k;
        removed_stages.emplace(ghosts_[column_ghost_[k]].id, k);
    }
    plan_.columns = static_cast<int>(column_ghost_.size());
    if (removed_cards.empty()) return;
    for (const Stage& fs : file_.stages) {
        const int s = now.stage(fs.id);
        const auto column = removed_stages.find(fs.id);
        if (s < 0 && column == removed_stages.end()) continue;
        int after = -1;   // the open map's index of the last card of this stage seen in the file's order
        for (const Touchpoint& t : fs.touchpoints) {
            if (s >= 0) {
                const Place p = now.card(t.id);
                if (p.stage == s) {
                    after = p.index;
                    continue;
                }
            }
            auto g = removed_cards.find(t.id);
            if (g == removed_cards.end()) continue;   // moved elsewhere: marked where it is now
            Ghost& ghost = ghosts_[g->second];
            ghost.card = static_cast<int>(plan_.cards.size());
            if (s < 0) ghost.column = column->second;
            plan_.cards.push_back(s >= 0 ? GhostPlan::Card{s, after + 1} : GhostPlan::Card{S + column->second, 0});
            plan_ghost_.push_back(g->second);
        }
    }
}

void Comparison::mark_canvas(const Map& open) {
    const MapPlaces now(open);
    const int S = static_cast<int>(open.stages.size());
    card_base_.assign(S + 1, 0);
    for (int s = 0; s < S; ++s) card_base_[s + 1] = card_base_[s] + static_cast<int>(open.stages[s].touchpoints.size());
    card_marks_.assign(card_base_[S], kMarkNone);
    stage_marks_.assign(S, kMarkNone);
    kpis_.clear();
    for (int e = 0; e < static_cast<int>(entities_.size()); ++e) {
        EntityDiff& d = entities_[e];
        if (d.kind == EntityKind::Touchpoint) {
            const Place p = now.card(d.id);
            if (p.stage < 0) continue;
            card_marks_[card_base_[p.stage] + p.index] |= d.marks;
            d.stage = open.stages[p.stage].id;
        } else if (d.kind == EntityKind::Stage) {
            if (const int s = now.stage(d.id); s >= 0) stage_marks_[s] |= d.marks;
        } else if (d.kind == EntityKind::Kpi) {
            const Place p = now.kpi(d.id);
            if (p.stage < 0) continue;
            d.stage = open.stages[p.stage].id;
            stage_marks_[p.stage] |= kMarkKpis;
            kpis_[open.stages[p.stage].id].entities.push_back(e);
        }
    }
    for (int g = 0; g < static_cast<int>(ghosts_.size()); ++g) {
        if (ghosts_[g].kind != EntityKind::Kpi) continue;
        kpis_[ghosts_[g].stage].ghosts.push_back(g);
        if (const int s = now.stage(ghosts_[g].stage); s >= 0) stage_marks_[s] |= kMarkKpis;
    }
}

// The rows of each group in the order of the map: a card by its stage and place
// (a ghost where it is drawn, just before the card it precedes), a stage by its
// column; kinds without a place keep the diff's order.
void Comparison::make_rows(const Map& open) {
    const MapPlaces now(open);
    const int S = static_cast<int>(open.stages.size());
    const long long far = 1LL << 40;   // after everything the open map has
    struct Keyed {
        CompareRow row;
        long long a = 0, b = 0;
    };
    std::vector<Keyed> keyed;
    keyed.reserve(entities_.size() + ghosts_.size());
    auto group_of = [](EntityKind kind) {
        switch (kind) {
            case EntityKind::Stage: return CompareGroup::Stages;
            case EntityKind::Touchpoint: return CompareGroup::Cards;
            case EntityKind::Kpi: return CompareGroup::Kpis;
            case EntityKind::Persona: return CompareGroup::Personas;
            case EntityKind::Period: return CompareGroup::BusinessFigures;
            case EntityKind::Lane: return CompareGroup::Lanes;
            default: return CompareGroup::MapFields;
        }
    };
    long long order = 0;
    for (int e = 0; e < static_cast<int>(entities_.size()); ++e) {
        const EntityDiff& d = entities_[e];
        long long a = 0, b = ++order;
        if (d.kind == EntityKind::Touchpoint) {
            const Place p = now.card(d.id);
            a = p.stage;
            b = 2LL * p.index;
        } else if (d.kind == EntityKind::Kpi) {
            const Place p = now.kpi(d.id);
            a = p.stage;
            b = p.index;
        } else if (d.kind == EntityKind::Stage || d.kind == EntityKind::Persona || d.kind == EntityKind::Lane) {
            a = now.index_of(d.kind, d.id);
            b = 0;
        }
        const CompareGroup g = group_of(d.kind);
        if (g == CompareGroup::MapFields || g == CompareGroup::BusinessFigures) {
            if (d.fields.empty()) keyed.push_back({{g, e, -1, -1}, a, b});   // the previous period added
            for (int f = 0; f < static_cast<int>(d.fields.size()); ++f) keyed.push_back({{g, e, -1, f}, a, b * 1000 + f});
            continue;
        }
        keyed.push_back({{g, e, -1, -1}, a, b});
        const bool survey = std::any_of(d.fields.begin(), d.fields.end(), [](const FieldDiff& f) { return is_survey_field(f.key); });
        if (survey) keyed.push_back({{CompareGroup::Surveys, e, -1, -1}, a, d.kind == EntityKind::Stage ? -1 : b});
    }
    for (int g = 0; g < static_cast<int>(ghosts_.size()); ++g) {
        const Ghost& gh = ghosts_[g];
        long long a = far + gh.file_index, b = 0;
        if (gh.kind == EntityKind::Touchpoint) {
            const int s = now.stage(gh.stage);
            const GhostPlan::Card* at = gh.card >= 0 ? &plan_.cards[gh.card] : nullptr;
            a = s >= 0 ? s : S + gh.column;
            b = at && s >= 0 ? 2LL * at->before - 1 : gh.file_index;
        } else if (gh.kind == EntityKind::Stage) {
            a = S + gh.column;
        } else if (gh.kind == EntityKind::Kpi) {
            const int s = now.stage(gh.stage);
            a = s >= 0 ? s : far;
            b = gh.file_index;
        } else if (gh.kind == EntityKind::Period || gh.kind == EntityKind::Map) {
            a = 0;
            b = ++order * 1000;
        }
        keyed.push_back({{group_of(gh.kind), -1, g, -1}, a, b});
    }
    std::stable_sort(keyed.begin(), keyed.end(), [](const Keyed& x, const Keyed& y) {
        return std::tie(x.row.group, x.a, x.b) < std::tie(y.row.group, y.a, y.b);
    });
    rows_.clear();
    rows_.reserve(keyed.size() + kCompareGroups);
    group_sizes_.fill(0);
    for (const Keyed& k : keyed) {
        if (rows_.empty() || rows_.back().group != k.row.group) rows_.push_back({k.row.group});   // the group's heading
        rows_.push_back(k.row);
        ++group_sizes_[static_cast<int>(k.row.group)];
    }
}

CompareTotals Comparison::totals() const {
    const DiffCounts& c = diff_.counts;
    CompareTotals t;
    for (const KindCounts* k : {&c.map, &c.lanes, &c.personas, &c.stages, &c.kpis, &c.touchpoints, &c.periods}) {
        t.added += k->added;
        t.removed += k->removed;
        t.moved += k->moved;
        t.changed += k->changed;
    }
    return t;
}

std::uint8_t Comparison::card_mark(int stage, int index) const {
    if (stage < 0 || stage + 1 >= static_cast<int>(card_base_.size()) || index < 0) return kMarkNone;
    const int k = card_base_[stage] + index;
    return k < card_base_[stage + 1] ? card_marks_[k] : kMarkNone;
}

std::uint8_t Comparison::stage_mark(int stage) const {
    return stage >= 0 && stage < static_cast<int>(stage_marks_.size()) ? stage_marks_[stage] : kMarkNone;
}

const Ghost* Comparison::ghost_of_card(int k) const {
    return k >= 0 && k < static_cast<int>(plan_ghost_.size()) ? &ghosts_[plan_ghost_[k]] : nullptr;
}

const Ghost* Comparison::ghost_of_column(int column) const {
    return column >= 0 && column < static_cast<int>(column_ghost_.size()) ? &ghosts_[column_ghost_[column]] : nullptr;
}

const EntityDiff* Comparison::entity(EntityKind kind, const std::string& id) const {
    const auto& ids = by_id_[static_cast<int>(kind)];
    auto it = ids.find(id);
    return it == ids.end() ? nullptr : &entities_[it->second];
}

const Comparison::StageKpis* Comparison::kpis_of(const std::string& stage_id) const {
    auto it = kpis_.find(stage_id);
    return it == kpis_.end() ? nullptr : &it->second;
}

std::string kind_counts_text(const KindCounts& k) {
    std::string out;
    auto part = [&](const std::string& text) { out += (out.empty() ? "" : " ") + text; };
    if (k.added) part("+" + i18n::number(k.added));
    if (k.removed) part("-" + i18n::number(k.removed));
    if (k.changed) part("~" + i18n::number(k.changed));
    if (k.moved) part(i18n::trf("moved {n}", {{"n", i18n::number(k.moved)}}));
    return out;
}

std::string counts_text(const DiffCounts& c) {
    const std::pair<const char*, const KindCounts*> kinds[] = {
        {i18n::tr_later("Stages"), &c.stages},   {i18n::tr_later("Cards"), &c.touchpoints},
        {i18n::tr_later("KPIs"), &c.kpis},       {i18n::tr_later("Surveys"), &c.surveys},
        {i18n::tr_later("Personas"), &c.personas}, {i18n::tr_later("Business figures"), &c.periods},
        {i18n::tr_later("Map fields"), &c.map},  {i18n::tr_later("Lanes"), &c.lanes}};
    std::string out;
    for (const auto& [label, k] : kinds) {
        if (k->total() == 0) continue;
        if (!out.empty()) out += " | ";
        out += i18n::trf("{kind}: {counts}", {{"kind", i18n::tr(label)}, {"counts", kind_counts_text(*k)}});
    }
    return out.empty() ? std::string(i18n::tr("No differences")) : out;
}

}  // namespace jm::ui
