#include "metrics/metrics.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <limits>
#include <utility>

namespace jm {

namespace {

// Persona id -> index. Every touchpoint names its personas by id, so this is the
// hottest look-up of the pass: an open-addressing table keyed by FNV-1a needs one
// string comparison per hit, where a sorted table needs several.
class PersonaIndex {
public:
    explicit PersonaIndex(const std::vector<Persona>& personas) {
        std::size_t size = 8;
        while (size < personas.size() * 2) size *= 2;
        slots_.assign(size, -1);
        names_.reserve(personas.size());
        for (std::size_t i = 0; i < personas.size(); ++i) names_.emplace_back(personas[i].id);
        for (std::size_t i = 0; i < personas.size(); ++i) {
            std::size_t slot = hash(names_[i]) & (size - 1);
            while (slots_[slot] >= 0 && names_[slots_[slot]] != names_[i]) slot = (slot + 1) & (size - 1);
            if (slots_[slot] < 0) slots_[slot] = static_cast<int>(i);  // with duplicate ids the first wins
        }
    }

    int find(std::string_view id) const {
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t slot = hash(id) & mask;; slot = (slot + 1) & mask) {
            const int i = slots_[slot];
            if (i < 0 || same(names_[i], id)) return i;
        }
    }

private:
    // Ids are short: two 8-byte loads compare any id of 8 to 16 bytes without a call.
    static bool same(std::string_view a, std::string_view b) {
        const std::size_t n = a.size();
        if (n != b.size()) return false;
        if (n < 8 || n > 16) return a == b;
        std::uint64_t a0, a1, b0, b1;
        std::memcpy(&a0, a.data(), 8);
        std::memcpy(&b0, b.data(), 8);
        std::memcpy(&a1, a.data() + n - 8, 8);
        std::memcpy(&b1, b.data() + n - 8, 8);
        return a0 == b0 && a1 == b1;
    }

    // Length, first 8 and last 8 bytes, mixed by multiplication: ids of one map
    // share prefixes ("persona-") and differ at the end, and hashing byte by byte
    // would cost more than the rest of the look-up.
    static std::size_t hash(std::string_view s) {
        std::uint64_t head = 0, tail = 0;
        const std::size_t n = s.size();
        if (n >= 8) {
            std::memcpy(&head, s.data(), 8);
            std::memcpy(&tail, s.data() + n - 8, 8);
        } else {
            std::memcpy(&head, s.data(), n);
        }
        // Differences sit in the high bytes of `tail` (little-endian), so the
        // final mixing brings them down to the low bits the table uses.
        std::uint64_t h = head ^ std::rotl(tail, 29) ^ n;
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDULL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53ULL;
        return static_cast<std::size_t>(h ^ (h >> 33));
    }
    std::vector<int> slots_;               // persona index, -1 for an empty slot
    std::vector<std::string_view> names_;
};

bool is_decision_maker(const Persona& p) {
    return p.kind == PersonaKind::Buyer && p.role == CommitteeRole::DecisionMaker;
}

}  // namespace

MapMetrics compute_metrics(const Map& map) { return compute_metrics(map, MetricsOptions{}); }

MapMetrics compute_metrics(const Map& map, const MetricsOptions& options) {
    MapMetrics m;
    m.persona_filter = options.persona_id;
    const bool filtering = !options.persona_id.empty();
    const PersonaIndex index(map.personas);
    const int filter = filtering ? index.find(options.persona_id) : -1;  // -1 while filtering: nothing matches

    const std::size_t persona_count = map.personas.size();
    std::vector<double> weight(persona_count);
    for (std::size_t p = 0; p < persona_count; ++p) weight[p] = persona_weight(map.personas[p]);
    std::vector<RollupAccumulator> by_persona(persona_count);
    // Guards against a persona listed twice on one touchpoint, or counted twice in a stage.
    std::vector<std::size_t> seen_on_touchpoint(persona_count, std::numeric_limits<std::size_t>::max());
    std::vector<std::size_t> seen_in_stage(persona_count, std::numeric_limits<std::size_t>::max());
    std::vector<int> involved;  // persona indexes of the current touchpoint

    HotspotInputs inputs;
    const std::size_t total_touchpoints = touchpoint_count(map);
    inputs.touchpoints.resize(total_touchpoints);
    inputs.stage_weight.assign(map.stages.size(), 0.0);
    m.touchpoints.reserve(total_touchpoints);
    m.stages.resize(map.stages.size());
    RollupAccumulator whole_map;

    for (std::size_t s = 0; s < map.stages.size(); ++s) {
        const Stage& stage = map.stages[s];
        StageMetrics& sm = m.stages[s];
        sm.id = stage.id;
        sm.first_touchpoint = m.touchpoints.size();
        sm.touchpoint_total = stage.touchpoints.size();
        RollupAccumulator in_stage;
        for (std::size_t i = 0; i < stage.touchpoints.size(); ++i) {
            const Touchpoint& tp = stage.touchpoints[i];
            const std::size_t g = m.touchpoints.size();
            TouchpointMetrics& tm = m.touchpoints.emplace_back();
            tm.id = tp.id;
            tm.stage = static_cast<int>(s);
            tm.index = static_cast<int>(i);
            const SurveyCounts current(tp.survey);
            std::optional<SurveyCounts> previous;
            if (tp.survey_previous) previous.emplace(*tp.survey_previous);
            const SurveyCounts* prev = previous ? &*previous : nullptr;
            tm.summary = summarize(current, prev);

            involved.clear();
            double w = 0;
            for (const auto& pid : tp.persona_ids) {
                const int p = index.find(pid);
                if (p < 0 || seen_on_touchpoint[p] == g) continue;
                seen_on_touchpoint[p] = g;
                involved.push_back(p);
                w += weight[p];
                by_persona[p].add_touchpoint(tp, current, prev);
            }
            TouchpointInputs& in = inputs.touchpoints[g];
            in.persona_weight = w;
            in.survey_badness = survey_badness(tm.summary);
            in.volume = tp.volume && *tp.volume >= 0 ? static_cast<double>(*tp.volume) : -1.0;
            in.friction = tp.friction;
            in.emotion = tp.emotion;
            tm.in_filter = !filtering || std::find(involved.begin(), involved.end(), filter) != involved.end();
            in.in_filter = tm.in_filter;
            if (!tm.in_filter) continue;
            in_stage.add_touchpoint(tp, current, prev);
            for (int p : involved) {
                if (seen_in_stage[p] == s) continue;
                seen_in_stage[p] = s;
                inputs.stage_weight[s] += weight[p];
                ++sm.personas;
                sm.decision_makers += is_decision_maker(map.personas[p]);
            }
        }
        if (stage.survey && !filtering) in_stage.add_survey(*stage.survey);
        sm.rollup = in_stage.finish();
        whole_map.add(in_stage);
        sm.kpis.reserve(stage.kpis.size());
        for (std::size_t k = 0; k < stage.kpis.size(); ++k)
            sm.kpis.push_back(kpi_metrics(stage.kpis[k], static_cast<int>(s), static_cast<int>(k)));
        sm.health = stage_health(stage, sm.rollup, sm.kpis);
    }

    m.personas.resize(persona_count);
    for (std::size_t p = 0; p < persona_count; ++p) {
        m.personas[p].id = map.personas[p].id;
        m.personas[p].rollup = by_persona[p].finish();
    }
    m.totals = whole_map.finish();
    m.business = business_metrics(map.period, map.period_previous ? &*map.period_previous : nullptr);
    m.funnel = funnel_metrics(map);
    rank_hotspots(map, inputs, options.hotspot_limit, m);
    return m;
}

const TouchpointMetrics* MapMetrics::touchpoint(std::string_view id) const {
    for (const auto& t : touchpoints)
        if (t.id == id) return &t;
    return nullptr;
}

const TouchpointMetrics* MapMetrics::touchpoint(TouchpointRef ref) const {
    if (ref.stage < 0 || static_cast<std::size_t>(ref.stage) >= stages.size() || ref.index < 0) return nullptr;
    const StageMetrics& s = stages[ref.stage];
    if (static_cast<std::size_t>(ref.index) >= s.touchpoint_total) return nullptr;
    return &touchpoints[s.first_touchpoint + ref.index];
}

const StageMetrics* MapMetrics::stage(std::string_view id) const {
    for (const auto& s : stages)
        if (s.id == id) return &s;
    return nullptr;
}

const PersonaMetrics* MapMetrics::persona(std::string_view id) const {
    for (const auto& p : personas)
        if (p.id == id) return &p;
    return nullptr;
}

}  // namespace jm
