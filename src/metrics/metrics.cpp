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

constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

// One pass over the map: each touchpoint is read once and feeds its own figures,
// its stage, its personas, the map totals and the hotspot inputs.
class MetricsPass {
public:
    MetricsPass(const Map& map, const MetricsOptions& options)
        : map_(map),
          filtering_(!options.persona_id.empty()),
          index_(map.personas),
          filter_(filtering_ ? index_.find(options.persona_id) : -1),  // -1 while filtering: nothing matches
          limit_(options.hotspot_limit),
          weight_(map.personas.size()),
          by_persona_(map.personas.size()),
          seen_on_touchpoint_(map.personas.size(), kNone),
          seen_in_stage_(map.personas.size(), kNone) {
        m_.persona_filter = options.persona_id;
        for (std::size_t p = 0; p < map.personas.size(); ++p) weight_[p] = persona_weight(map.personas[p]);
        const std::size_t total = touchpoint_count(map);
        inputs_.touchpoints.resize(total);
        inputs_.stage_weight.assign(map.stages.size(), 0.0);
        m_.touchpoints.reserve(total);
        m_.stages.resize(map.stages.size());
    }

    MapMetrics run() {
        for (std::size_t s = 0; s < map_.stages.size(); ++s) visit_stage(s);
        m_.personas.resize(map_.personas.size());
        for (std::size_t p = 0; p < map_.personas.size(); ++p) {
            m_.personas[p].id = map_.personas[p].id;
            m_.personas[p].rollup = by_persona_[p].finish();
        }
        m_.totals = whole_map_.finish();
        m_.business = business_metrics(map_.period, map_.period_previous ? &*map_.period_previous : nullptr);
        m_.funnel = funnel_metrics(map_);
        rank_hotspots(map_, inputs_, limit_, m_);
        return std::move(m_);
    }

private:
    void visit_stage(std::size_t s) {
        const Stage& stage = map_.stages[s];
        StageMetrics& sm = m_.stages[s];
        sm.id = stage.id;
        sm.first_touchpoint = m_.touchpoints.size();
        sm.touchpoint_total = stage.touchpoints.size();
        RollupAccumulator in_stage;
        for (std::size_t i = 0; i < stage.touchpoints.size(); ++i) visit_touchpoint(s, i, in_stage);
        if (stage.survey && !filtering_) in_stage.add_survey(*stage.survey, stage.survey_previous ? &*stage.survey_previous : nullptr);
        sm.rollup = in_stage.finish();
        whole_map_.add(in_stage);
        sm.kpis.reserve(stage.kpis.size());
        for (std::size_t k = 0; k < stage.kpis.size(); ++k)
            sm.kpis.push_back(kpi_metrics(stage.kpis[k], static_cast<int>(s), static_cast<int>(k)));
        sm.health = stage_health(stage, sm.rollup, sm.kpis);
    }

    void visit_touchpoint(std::size_t s, std::size_t i, RollupAccumulator& in_stage) {
        const Touchpoint& tp = map_.stages[s].touchpoints[i];
        const std::size_t g = m_.touchpoints.size();
        TouchpointMetrics& tm = m_.touchpoints.emplace_back();
        tm.id = tp.id;
        tm.stage = static_cast<int>(s);
        tm.index = static_cast<int>(i);
        const SurveyCounts current(tp.survey);
        std::optional<SurveyCounts> previous;
        if (tp.survey_previous) previous.emplace(*tp.survey_previous);
        const SurveyCounts* prev = previous ? &*previous : nullptr;
        tm.summary = summarize(current, prev);

        TouchpointInputs& in = inputs_.touchpoints[g];
        in.persona_weight = add_to_personas(tp, g, current, prev);
        in.survey_badness = survey_badness(tm.summary);
        in.volume = tp.volume && *tp.volume >= 0 ? static_cast<double>(*tp.volume) : -1.0;
        in.friction = tp.friction;
        in.emotion = tp.emotion;
        tm.in_filter = !filtering_ || std::find(involved_.begin(), involved_.end(), filter_) != involved_.end();
        in.in_filter = tm.in_filter;
        if (!tm.in_filter) return;
        in_stage.add_touchpoint(tp, current, prev);
        count_stage_personas(s);
    }

    // Adds the touchpoint to the roll-up of each persona it involves (once each,
    // even if listed twice), leaves their indexes in involved_, returns their weight.
    double add_to_personas(const Touchpoint& tp, std::size_t g, const SurveyCounts& current,
                           const SurveyCounts* previous) {
        involved_.clear();
        double weight = 0;
        for (const auto& pid : tp.persona_ids) {
            const int p = index_.find(pid);
            if (p < 0 || seen_on_touchpoint_[p] == g) continue;
            seen_on_touchpoint_[p] = g;
            involved_.push_back(p);
            weight += weight_[p];
            by_persona_[p].add_touchpoint(tp, current, previous);
        }
        return weight;
    }

    // The distinct personas of a stage, for its reach and its "why".
    void count_stage_personas(std::size_t s) {
        StageMetrics& sm = m_.stages[s];
        for (int p : involved_) {
            if (seen_in_stage_[p] == s) continue;
            seen_in_stage_[p] = s;
            inputs_.stage_weight[s] += weight_[p];
            ++sm.personas;
            sm.decision_makers += is_decision_maker(map_.personas[p]);
        }
    }

    const Map& map_;
    const bool filtering_;
    const PersonaIndex index_;
    const int filter_;
    const std::size_t limit_;
    std::vector<double> weight_;                   // persona_weight() by persona index
    std::vector<RollupAccumulator> by_persona_;
    std::vector<std::size_t> seen_on_touchpoint_;  // last touchpoint (global index) each persona was added from
    std::vector<std::size_t> seen_in_stage_;       // last stage each persona was counted in
    std::vector<int> involved_;                    // persona indexes of the current touchpoint
    HotspotInputs inputs_;
    RollupAccumulator whole_map_;
    MapMetrics m_;
};

}  // namespace

MapMetrics compute_metrics(const Map& map) { return compute_metrics(map, MetricsOptions{}); }

MapMetrics compute_metrics(const Map& map, const MetricsOptions& options) { return MetricsPass(map, options).run(); }

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
