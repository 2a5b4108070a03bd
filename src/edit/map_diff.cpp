// Comparing two maps by id: ordered lists by longest common subsequence (as a
// longest increasing subsequence of old positions), fields by the field tables.
#include "edit/map_diff.h"

#include <algorithm>
#include <functional>
#include <unordered_map>

namespace jm {

using nlohmann::json;

namespace {

// One ordered list of ids: the lanes, personas or stages (parent ""), or the
// touchpoints or KPIs of one stage.
struct IdList {
    std::string parent;
    std::vector<const std::string*> ids;
};

struct Where {
    int list = 0, pos = 0;
};

using Locations = std::unordered_map<std::string, Where>;

Locations locate(const std::vector<IdList>& lists) {
    Locations out;
    std::size_t n = 0;
    for (const auto& l : lists) n += l.ids.size();
    out.reserve(n);
    for (int li = 0; li < static_cast<int>(lists.size()); ++li)
        for (int p = 0; p < static_cast<int>(lists[li].ids.size()); ++p) out.emplace(*lists[li].ids[p], Where{li, p});
    return out;
}

// Which elements of `seq` (distinct values) form a longest increasing
// subsequence: patience sorting with back links, O(n log n), deterministic.
std::vector<char> increasing_run(const std::vector<int>& seq) {
    const int n = static_cast<int>(seq.size());
    std::vector<int> tails, back(n, -1);   // tails: index into seq of the smallest tail of each length
    for (int i = 0; i < n; ++i) {
        auto it = std::lower_bound(tails.begin(), tails.end(), seq[i], [&](int idx, int v) { return seq[idx] < v; });
        const int len = static_cast<int>(it - tails.begin());
        back[i] = len > 0 ? tails[len - 1] : -1;
        if (it == tails.end()) tails.push_back(i);
        else *it = i;
    }
    std::vector<char> keep(n, 0);
    for (int i = tails.empty() ? -1 : tails.back(); i >= 0; i = back[i]) keep[i] = 1;
    return keep;
}

using FieldsOf = std::function<json(const std::string& id, bool from_b)>;

// Removes (into `removes`) and adds and moves (into `places`) that turn lists
// `a` into lists `b`.
void diff_lists(EntityKind kind, bool child, const std::vector<IdList>& a, const std::vector<IdList>& b,
                const FieldsOf& fields, std::vector<Change>& removes, std::vector<Change>& places, KindCounts& counts) {
    const Locations in_a = locate(a), in_b = locate(b);
    for (const auto& list : a) {
        for (const std::string* id : list.ids) {
            if (in_b.count(*id)) continue;
            Change c;
            c.kind = kind;
            c.op = ChangeOp::Remove;
            c.id = *id;
            c.parent = list.parent;
            c.old_value = fields(*id, false);
            removes.push_back(std::move(c));
            ++counts.removed;
        }
    }
    for (const auto& list : b) {
        // The items that stay in this list, in order: the rest moved here or are new.
        std::vector<int> old_positions, seq_index(list.ids.size(), -1);
        for (int p = 0; p < static_cast<int>(list.ids.size()); ++p) {
            auto it = in_a.find(*list.ids[p]);
            if (it == in_a.end() || a[it->second.list].parent != list.parent) continue;
            seq_index[p] = static_cast<int>(old_positions.size());
            old_positions.push_back(it->second.pos);
        }
        const std::vector<char> stays = increasing_run(old_positions);
        for (int p = 0; p < static_cast<int>(list.ids.size()); ++p) {
            if (seq_index[p] >= 0 && stays[seq_index[p]]) continue;
            const std::string& id = *list.ids[p];
            Change c;
            c.kind = kind;
            c.id = id;
            c.parent = list.parent;
            c.prev_id = p > 0 ? *list.ids[p - 1] : std::string();
            c.index = p;
            auto it = in_a.find(id);
            if (it == in_a.end()) {
                c.op = ChangeOp::Add;
                c.new_value = fields(id, true);
                ++counts.added;
            } else {
                c.op = ChangeOp::Move;
                if (child) c.from_parent = a[it->second.list].parent;
                ++counts.moved;
            }
            places.push_back(std::move(c));
        }
    }
}

// Set changes for every field that differs; true when any does.
bool diff_fields(EntityKind kind, const std::string& id, const std::string& parent, const FieldList& a, const FieldList& b,
                 std::vector<Change>& out) {
    const std::size_t before = out.size();
    auto emit = [&](const std::string& key, const json& old_value, const json& new_value) {
        Change c;
        c.kind = kind;
        c.op = ChangeOp::Set;
        c.id = id;
        c.parent = parent;
        c.field = key;
        c.old_value = old_value;
        c.new_value = new_value;
        out.push_back(std::move(c));
    };
    static const json kNull = nullptr;
    for (const auto& [key, value] : b) {
        const json* old_value = &kNull;
        for (const auto& [k, v] : a)
            if (k == key) old_value = &v;
        if (*old_value != value) emit(key, *old_value, value);
    }
    for (const auto& [key, value] : a) {
        bool in_b = false;
        for (const auto& [k, v] : b) in_b = in_b || k == key;
        if (!in_b) emit(key, value, nullptr);
    }
    return out.size() > before;
}

// Survey counts for the Set changes of one entity: the touchpoint's own survey
// is always there (changed); an optional survey is added, removed or changed.
void count_surveys(const std::vector<Change>& sets, std::size_t from, DiffCounts& counts) {
    bool main_changed = false;
    for (std::size_t i = from; i < sets.size(); ++i) {
        const Change& c = sets[i];
        if (c.kind == EntityKind::Touchpoint && c.field.rfind("survey.", 0) == 0) {
            main_changed = true;
        } else if (c.field == "survey" || c.field == "survey_previous") {
            if (c.old_value.is_null()) ++counts.surveys.added;
            else if (c.new_value.is_null()) ++counts.surveys.removed;
            else ++counts.surveys.changed;
        }
    }
    if (main_changed) ++counts.surveys.changed;
}

}  // namespace

int DiffCounts::total() const {
    return map.total() + lanes.total() + personas.total() + stages.total() + kpis.total() + touchpoints.total() +
           surveys.total() + periods.total();
}

MapDiff diff(const Map& a, const Map& b) {
    MapDiff d;
    auto& out = d.changes;
    DiffCounts& n = d.counts;

    // Map fields.
    {
        const std::size_t from = out.size();
        diff_fields(EntityKind::Map, "", "", fields_of(a), fields_of(b), out);
        n.map.changed = static_cast<int>(out.size() - from);
    }
    // Business figures.
    if (!(a.period == b.period) && diff_fields(EntityKind::Period, "period", "", fields_of(a.period), fields_of(b.period), out))
        ++n.periods.changed;
    if (a.period_previous && !b.period_previous) {
        Change c;
        c.kind = EntityKind::Period;
        c.op = ChangeOp::Remove;
        c.id = "period_previous";
        c.old_value = fields_object(fields_of(*a.period_previous));
        out.push_back(std::move(c));
        ++n.periods.removed;
    } else if (!a.period_previous && b.period_previous) {
        Change c;
        c.kind = EntityKind::Period;
        c.op = ChangeOp::Add;
        c.id = "period_previous";
        c.new_value = fields_object(fields_of(*b.period_previous));
        out.push_back(std::move(c));
        ++n.periods.added;
    } else if (a.period_previous && !(*a.period_previous == *b.period_previous) &&
               diff_fields(EntityKind::Period, "period_previous", "", fields_of(*a.period_previous),
                           fields_of(*b.period_previous), out)) {
        ++n.periods.changed;
    }

    // Lanes: ids are their keys.
    {
        std::vector<std::string> a_keys, b_keys;
        for (Lane l : a.lanes) a_keys.push_back(lane_key(l));
        for (Lane l : b.lanes) b_keys.push_back(lane_key(l));
        std::vector<IdList> la(1), lb(1);
        for (const auto& k : a_keys) la[0].ids.push_back(&k);
        for (const auto& k : b_keys) lb[0].ids.push_back(&k);
        std::vector<Change> places;
        diff_lists(EntityKind::Lane, false, la, lb, [](const std::string&, bool) { return json::object(); }, out, places,
                   n.lanes);
        out.insert(out.end(), std::make_move_iterator(places.begin()), std::make_move_iterator(places.end()));
    }

    // Indexes by id.
    std::unordered_map<std::string, const Persona*> pa, pb;
    for (const auto& p : a.personas) pa.emplace(p.id, &p);
    for (const auto& p : b.personas) pb.emplace(p.id, &p);
    std::unordered_map<std::string, const Stage*> sa, sb;
    for (const auto& s : a.stages) sa.emplace(s.id, &s);
    for (const auto& s : b.stages) sb.emplace(s.id, &s);
    std::unordered_map<std::string, const Touchpoint*> ta, tb;
    std::unordered_map<std::string, const Kpi*> ka, kb;
    ta.reserve(touchpoint_count(a));
    tb.reserve(touchpoint_count(b));
    for (const auto& s : a.stages) {
        for (const auto& t : s.touchpoints) ta.emplace(t.id, &t);
        for (const auto& k : s.kpis) ka.emplace(k.id, &k);
    }
    for (const auto& s : b.stages) {
        for (const auto& t : s.touchpoints) tb.emplace(t.id, &t);
        for (const auto& k : s.kpis) kb.emplace(k.id, &k);
    }
    auto fields_from = [](const auto& index_a, const auto& index_b) {
        return [&index_a, &index_b](const std::string& id, bool from_b) {
            const auto& index = from_b ? index_b : index_a;
            return fields_object(fields_of(*index.at(id)));
        };
    };

    // Personas.
    {
        std::vector<IdList> la(1), lb(1);
        for (const auto& p : a.personas) la[0].ids.push_back(&p.id);
        for (const auto& p : b.personas) lb[0].ids.push_back(&p.id);
        std::vector<Change> places;
        diff_lists(EntityKind::Persona, false, la, lb, fields_from(pa, pb), out, places, n.personas);
        out.insert(out.end(), std::make_move_iterator(places.begin()), std::make_move_iterator(places.end()));
    }

    // Stages, their KPIs and touchpoints.
    std::vector<IdList> stages_a(1), stages_b(1), tps_a, tps_b, kpis_a, kpis_b;
    for (const auto& s : a.stages) {
        stages_a[0].ids.push_back(&s.id);
        tps_a.push_back({s.id, {}});
        kpis_a.push_back({s.id, {}});
        for (const auto& t : s.touchpoints) tps_a.back().ids.push_back(&t.id);
        for (const auto& k : s.kpis) kpis_a.back().ids.push_back(&k.id);
    }
    for (const auto& s : b.stages) {
        stages_b[0].ids.push_back(&s.id);
        tps_b.push_back({s.id, {}});
        kpis_b.push_back({s.id, {}});
        for (const auto& t : s.touchpoints) tps_b.back().ids.push_back(&t.id);
        for (const auto& k : s.kpis) kpis_b.back().ids.push_back(&k.id);
    }
    std::vector<Change> stage_removes, stage_places, tp_places, kpi_places;
    diff_lists(EntityKind::Touchpoint, true, tps_a, tps_b, fields_from(ta, tb), out, tp_places, n.touchpoints);
    diff_lists(EntityKind::Kpi, true, kpis_a, kpis_b, fields_from(ka, kb), out, kpi_places, n.kpis);
    diff_lists(EntityKind::Stage, false, stages_a, stages_b, fields_from(sa, sb), stage_removes, stage_places, n.stages);
    for (auto* list : {&stage_places, &kpi_places, &tp_places, &stage_removes})
        out.insert(out.end(), std::make_move_iterator(list->begin()), std::make_move_iterator(list->end()));

    // Field changes, in b's order.
    for (const auto& p : b.personas) {
        auto it = pa.find(p.id);
        if (it != pa.end() && !(*it->second == p) && diff_fields(EntityKind::Persona, p.id, "", fields_of(*it->second), fields_of(p), out))
            ++n.personas.changed;
    }
    for (const auto& s : b.stages) {
        auto it = sa.find(s.id);
        if (it == sa.end()) continue;
        const std::size_t from = out.size();
        if (diff_fields(EntityKind::Stage, s.id, "", fields_of(*it->second), fields_of(s), out)) {
            ++n.stages.changed;
            count_surveys(out, from, n);
        }
    }
    for (const auto& s : b.stages) {
        for (const auto& k : s.kpis) {
            auto it = ka.find(k.id);
            if (it != ka.end() && !(*it->second == k) && diff_fields(EntityKind::Kpi, k.id, s.id, fields_of(*it->second), fields_of(k), out))
                ++n.kpis.changed;
        }
    }
    for (const auto& s : b.stages) {
        for (const auto& t : s.touchpoints) {
            auto it = ta.find(t.id);
            if (it == ta.end() || *it->second == t) continue;
            const std::size_t from = out.size();
            if (diff_fields(EntityKind::Touchpoint, t.id, s.id, fields_of(*it->second), fields_of(t), out)) {
                ++n.touchpoints.changed;
                count_surveys(out, from, n);
            }
        }
    }
    return d;
}

json counts_to_json(const DiffCounts& c) {
    auto kind = [](const KindCounts& k) {
        return json{{"added", k.added}, {"removed", k.removed}, {"moved", k.moved}, {"changed", k.changed}};
    };
    json o = json::object();
    o["map"] = kind(c.map);
    o["lanes"] = kind(c.lanes);
    o["personas"] = kind(c.personas);
    o["stages"] = kind(c.stages);
    o["kpis"] = kind(c.kpis);
    o["touchpoints"] = kind(c.touchpoints);
    o["surveys"] = kind(c.surveys);
    o["periods"] = kind(c.periods);
    return o;
}

json diff_to_json(const MapDiff& d) {
    json changes = json::array();
    for (const auto& c : d.changes) changes.push_back(change_to_json(c));
    return json{{"equal", d.equal()}, {"counts", counts_to_json(d.counts)}, {"changes", std::move(changes)}};
}

}  // namespace jm
