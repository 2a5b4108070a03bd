// Deterministic generator of realistic maps of any size, for benchmarks and
// scale tests (10,000 touchpoints in 20 stages and 20 personas is the target).
#pragma once

#include <cstdint>
#include <random>
#include <string>

#include "model/map.h"

namespace jm::testing {

struct LargeMapSpec {
    int stages = 20;
    int touchpoints = 10000;   // spread evenly over the stages
    int personas = 20;
    std::uint32_t seed = 42;
};

inline Map make_large_map(const LargeMapSpec& spec) {
    std::mt19937 rng(spec.seed);
    auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    static const char* kTeams[] = {"Marketing", "Sales", "Service", "Success", "Product"};
    static const char* kWords[] = {"Demo", "Webinar", "Contrato", "Proposta", "决策", "Onboarding",
                                   "Renewal", "Ticket", "Case study", "Precio", "集成", "Security review"};
    const auto& channels = known_channels();

    Map map;
    map.id = "map-large";
    map.title = "Large map " + std::to_string(spec.touchpoints);
    map.created = map.modified = "2026-01-01T00:00:00Z";
    map.lanes = default_lanes();
    for (int p = 0; p < spec.personas; ++p) {
        Persona persona;
        persona.id = "persona-" + std::to_string(p);
        persona.name = "Persona " + std::to_string(p);
        persona.kind = p % 3 == 2 ? PersonaKind::User : PersonaKind::Buyer;
        persona.role = static_cast<CommitteeRole>(p % 6);
        persona.color = "#0072B2";
        map.personas.push_back(persona);
    }
    for (int s = 0; s < spec.stages; ++s) {
        Stage stage;
        stage.id = "stage-" + std::to_string(s);
        stage.name = "Stage " + std::to_string(s);
        stage.owner = kTeams[s % 5];
        stage.funnel_count = 10000 / (s + 1);
        stage.kpis.push_back(Kpi{.id = "kpi-" + std::to_string(s), .name = "Conversion", .unit = "%",
                                 .current = double(pick(10, 90)), .target = 50.0, .previous = double(pick(10, 90))});
        map.stages.push_back(stage);
    }
    for (int t = 0; t < spec.touchpoints; ++t) {
        Touchpoint tp;
        tp.id = "tp-" + std::to_string(t);
        tp.title = std::string(kWords[t % 12]) + " " + std::to_string(t);
        tp.description = "Generated touchpoint with some descriptive text, acentuação y 中文.";
        tp.channel = channels[t % channels.size()];
        tp.owner = kTeams[t % 5];
        tp.friction = pick(0, 5);
        tp.emotion = pick(-2, 2);
        tp.volume = pick(10, 5000);
        if (spec.personas > 0) {
            int n = pick(1, 3);
            for (int k = 0; k < n; ++k) {
                std::string pid = "persona-" + std::to_string(pick(0, spec.personas - 1));
                bool dup = false;
                for (const auto& existing : tp.persona_ids) dup = dup || existing == pid;
                if (!dup) tp.persona_ids.push_back(pid);
            }
        }
        tp.pains = {"Slow answer", "Unclear price"};
        tp.opportunities = {"Self-serve trial"};
        for (auto& c : tp.survey.nps) c = pick(0, 20);
        for (auto& c : tp.survey.csat) c = pick(0, 20);
        tp.survey.ces_scale = 7;
        tp.survey.ces.assign(7, 0);
        for (auto& c : tp.survey.ces) c = pick(0, 10);
        int stage = spec.stages > 0 ? static_cast<int>((static_cast<long long>(t) * spec.stages) / spec.touchpoints) : 0;
        if (spec.stages > 0) map.stages[stage].touchpoints.push_back(std::move(tp));
    }
    return map;
}

}  // namespace jm::testing
