#include "model/map.h"

#include <ctime>
#include <random>

namespace jm {

namespace {

struct LaneName { Lane lane; const char* key; const char* label; };
constexpr LaneName kLaneNames[kLaneCount] = {
    {Lane::Touchpoints, "touchpoints", "Touchpoints"},
    {Lane::Doing, "doing", "Doing"},
    {Lane::Thinking, "thinking", "Thinking"},
    {Lane::Emotion, "emotion", "Emotion curve"},
    {Lane::Friction, "friction", "Friction"},
    {Lane::Pains, "pains", "Pain points"},
    {Lane::Opportunities, "opportunities", "Opportunities"},
    {Lane::Channels, "channels", "Channels"},
    {Lane::Backstage, "backstage", "Backstage"},
    {Lane::Kpis, "kpis", "KPIs"},
    {Lane::Owners, "owners", "Owners, handoffs"},
};

struct RoleName { CommitteeRole role; const char* key; const char* label; };
constexpr RoleName kRoleNames[] = {
    {CommitteeRole::DecisionMaker, "decision_maker", "Decision maker"},
    {CommitteeRole::Champion, "champion", "Champion"},
    {CommitteeRole::Influencer, "influencer", "Influencer"},
    {CommitteeRole::Procurement, "procurement", "Procurement"},
    {CommitteeRole::EndUser, "end_user", "End user"},
    {CommitteeRole::Other, "other", "Other"},
};

template <typename T>
auto* find_by_id(T& items, const std::string& id) {
    for (auto& item : items)
        if (item.id == id) return &item;
    return static_cast<decltype(&items[0])>(nullptr);
}

}  // namespace

std::vector<Lane> default_lanes() {
    return {Lane::Touchpoints, Lane::Doing, Lane::Emotion, Lane::Friction,
            Lane::Pains, Lane::Opportunities, Lane::Owners};
}

const char* lane_key(Lane lane) { return kLaneNames[static_cast<int>(lane)].key; }
const char* lane_label(Lane lane) { return kLaneNames[static_cast<int>(lane)].label; }

std::optional<Lane> lane_from_key(const std::string& key) {
    for (const auto& n : kLaneNames)
        if (key == n.key) return n.lane;
    return std::nullopt;
}

const char* card_detail_key(CardDetail detail) { return detail == CardDetail::Compact ? "compact" : "full"; }

std::optional<CardDetail> card_detail_from_key(const std::string& key) {
    if (key == "full") return CardDetail::Full;
    if (key == "compact") return CardDetail::Compact;
    return std::nullopt;
}

const char* persona_kind_key(PersonaKind kind) { return kind == PersonaKind::Buyer ? "buyer" : "user"; }

std::optional<PersonaKind> persona_kind_from_key(const std::string& key) {
    if (key == "buyer") return PersonaKind::Buyer;
    if (key == "user") return PersonaKind::User;
    return std::nullopt;
}

const char* committee_role_key(CommitteeRole role) { return kRoleNames[static_cast<int>(role)].key; }
const char* committee_role_label(CommitteeRole role) { return kRoleNames[static_cast<int>(role)].label; }

std::optional<CommitteeRole> committee_role_from_key(const std::string& key) {
    for (const auto& n : kRoleNames)
        if (key == n.key) return n.role;
    return std::nullopt;
}

const char* kpi_direction_key(KpiDirection d) { return d == KpiDirection::HigherIsBetter ? "higher" : "lower"; }

std::optional<KpiDirection> kpi_direction_from_key(const std::string& key) {
    if (key == "higher") return KpiDirection::HigherIsBetter;
    if (key == "lower") return KpiDirection::LowerIsBetter;
    return std::nullopt;
}

Stage* find_stage(Map& map, const std::string& id) { return find_by_id(map.stages, id); }
const Stage* find_stage(const Map& map, const std::string& id) { return find_by_id(map.stages, id); }
Persona* find_persona(Map& map, const std::string& id) { return find_by_id(map.personas, id); }
const Persona* find_persona(const Map& map, const std::string& id) { return find_by_id(map.personas, id); }

TouchpointRef locate_touchpoint(const Map& map, const std::string& id) {
    for (int s = 0; s < static_cast<int>(map.stages.size()); ++s) {
        const auto& tps = map.stages[s].touchpoints;
        for (int i = 0; i < static_cast<int>(tps.size()); ++i)
            if (tps[i].id == id) return {s, i};
    }
    return {};
}

Touchpoint* find_touchpoint(Map& map, const std::string& id) {
    TouchpointRef ref = locate_touchpoint(map, id);
    return ref ? &map.stages[ref.stage].touchpoints[ref.index] : nullptr;
}

const Touchpoint* find_touchpoint(const Map& map, const std::string& id) {
    TouchpointRef ref = locate_touchpoint(map, id);
    return ref ? &map.stages[ref.stage].touchpoints[ref.index] : nullptr;
}

std::size_t touchpoint_count(const Map& map) {
    std::size_t n = 0;
    for (const auto& s : map.stages) n += s.touchpoints.size();
    return n;
}

std::string utc_now_iso() {
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

bool id_in_use(const Map& map, const std::string& id) {
    if (map.id == id) return true;
    for (const auto& p : map.personas)
        if (p.id == id) return true;
    for (const auto& s : map.stages) {
        if (s.id == id) return true;
        for (const auto& k : s.kpis)
            if (k.id == id) return true;
        for (const auto& t : s.touchpoints)
            if (t.id == id) return true;
    }
    return false;
}

std::string new_id(const Map& map, const std::string& prefix) {
    // Random rather than sequential, so that cards made by workshop groups in
    // copies of one map (merged later), pasted between maps or made in two tabs
    // do not collide: 64 random bits per id, so that even a million new ids
    // across all the copies (100 groups of 10,000 cards) hold a pair alike with
    // a chance of about 3 in 10^8. The generator is seeded with 256 bits from
    // the system (crypto.getRandomValues in the browser), not with one 32-bit
    // number, which would make two editors' whole id sequences equal once in
    // 2^32 starts. The loop makes a collision impossible within a map.
    static std::mt19937_64 rng = [] {
        std::random_device device;
        std::seed_seq seed{device(), device(), device(), device(), device(), device(), device(), device()};
        return std::mt19937_64(seed);
    }();
    static constexpr char kDigits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    for (;;) {
        // 13 base-36 digits hold any 64-bit number (36^13 > 2^64): "tp-0k3j5x9q2m1zr".
        std::uint64_t v = rng();
        char digits[kIdDigits];
        for (int i = kIdDigits - 1; i >= 0; --i, v /= 36) digits[i] = kDigits[v % 36];
        std::string id = prefix + "-" + std::string(digits, kIdDigits);
        if (!id_in_use(map, id)) return id;
    }
}

}  // namespace jm
