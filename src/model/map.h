// The journey map document: plain data, no UI, no platform code.
// Every entity has a stable string id, unique within its map; edits and the UI
// name items by id, never by position. Domain: ../shared/DOMAIN.md.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace jm {

// Keys a file carried that this version does not know, kept verbatim (as JSON
// text) so that opening and saving a newer file never loses data.
using UnknownFields = std::map<std::string, std::string>;

enum class PersonaKind { Buyer, User };
enum class CommitteeRole { DecisionMaker, Champion, Influencer, Procurement, EndUser, Other };
enum class KpiDirection { HigherIsBetter, LowerIsBetter };

// How much of each text the canvas shows: compact stops card titles and lane
// items after a few lines with "…"; full shows all of it. Kept per map.
enum class CardDetail { Full, Compact };

// Rows of the canvas. The map stores which ones are shown and in what order.
enum class Lane {
    Touchpoints, Doing, Thinking, Emotion, Friction, Pains,
    Opportunities, Channels, Backstage, Kpis, Owners
};
inline constexpr int kLaneCount = 11;

struct Kpi {
    std::string id;
    std::string name;
    std::string unit;                  // "%", "days", "EUR", ... free text
    std::optional<double> current;
    std::optional<double> target;
    std::optional<double> previous;    // value in the previous period
    KpiDirection direction = KpiDirection::HigherIsBetter;
    UnknownFields unknown;
    bool operator==(const Kpi&) const = default;
};

struct Handoff {                       // from this stage to the next one
    std::string from_team;
    std::string to_team;
    std::string agreement;             // agreed responsibility / SLA text
    UnknownFields unknown;
    bool operator==(const Handoff&) const = default;
};

// Survey answers as distributions, never as precomputed percentages, so that
// roll-ups can sum them.
struct Survey {
    std::array<std::int64_t, 11> nps{};   // counts of answers 0..10
    std::array<std::int64_t, 5> csat{};   // counts of answers 1..5
    int ces_scale = 7;                    // 5 or 7
    bool ces_low_is_easy = true;          // which end of the CES scale is "easy"
    std::vector<std::int64_t> ces;        // counts of answers 1..ces_scale (size == ces_scale, or empty)
    UnknownFields unknown;
    bool operator==(const Survey&) const = default;
};

struct Evidence {
    std::vector<std::string> quotes;
    std::string source;                   // where the data comes from
    UnknownFields unknown;
    bool operator==(const Evidence&) const = default;
};

struct Touchpoint {
    std::string id;
    std::string title;
    std::string description;
    std::string doing;                    // what the customer does
    std::string thinking;                 // what they think or ask
    std::string channel;                  // one of kKnownChannels or free text
    std::string owner;                    // owner team
    std::string backstage;                // internal steps and systems
    std::vector<std::string> persona_ids;
    int friction = 0;                     // 0..5, how hard for the customer
    int emotion = 0;                      // -2..+2
    std::optional<int> target_friction;   // to-be state
    std::optional<int> target_emotion;
    std::vector<std::string> pains;
    std::vector<std::string> opportunities;
    Evidence evidence;
    Survey survey;
    std::optional<Survey> survey_previous;  // previous period, for "change since last time"
    std::optional<std::int64_t> volume;     // customers passing here
    UnknownFields unknown;
    bool operator==(const Touchpoint&) const = default;
};

struct Stage {
    std::string id;
    std::string name;
    std::string description;
    std::string goal;
    std::string owner;                    // owner team
    std::string business_voice;           // the business problem at this stage
    std::vector<Kpi> kpis;
    std::optional<std::int64_t> funnel_count;           // customers entering this stage
    std::optional<std::int64_t> funnel_count_previous;  // same, previous period
    Handoff handoff;
    std::optional<Survey> survey;         // stage-level answers, if surveyed as a whole
    std::optional<Survey> survey_previous;  // the same, previous period
    std::vector<Touchpoint> touchpoints;  // ordered within the stage
    UnknownFields unknown;
    bool operator==(const Stage&) const = default;
};

struct Firmographics {
    std::string company_size;             // band, e.g. "50-249"
    std::string industry;
    std::string region;
    UnknownFields unknown;
    bool operator==(const Firmographics&) const = default;
};

struct Persona {
    std::string id;
    std::string name;
    PersonaKind kind = PersonaKind::Buyer;
    CommitteeRole role = CommitteeRole::Other;
    std::string job_title;
    std::string goals;
    std::string needs;                    // needs and pains
    std::string research_channels;
    std::string expectations;
    std::string loyalty_factors;
    Firmographics firmographics;
    std::string color;                    // "#RRGGBB"
    UnknownFields unknown;
    bool operator==(const Persona&) const = default;
};

// Business inputs for one period; every figure is optional because a workshop
// rarely has them all. Money is in the map's currency.
struct Period {
    std::string label;                    // e.g. "2026-Q3"
    std::optional<double> customers_start;
    std::optional<double> customers_lost;
    std::optional<double> customers_acquired;
    std::optional<double> revenue_start;  // recurring revenue at period start
    std::optional<double> revenue_expansion;
    std::optional<double> revenue_contraction;
    std::optional<double> revenue_churned;
    std::optional<double> arpa;           // average revenue per account per period
    std::optional<double> gross_margin;   // 0..1
    std::optional<double> cac;            // customer acquisition cost
    UnknownFields unknown;
    bool operator==(const Period&) const = default;
};

// One version a map descends from: the map's id and the content hash of its
// text then (io/content_hash.h), and when the copy was made. The version a
// three-way merge takes as the common ancestor is looked up by id and hash in
// the library (io/library.h), where the sender kept its text.
struct Ancestor {
    std::string id;                       // the map's id then (a copy may since have another)
    std::string hash;                     // content hash: 64 lowercase hex digits (SHA-256)
    std::string forked;                   // ISO 8601 UTC, when the copy was sent or made
    UnknownFields unknown;
    bool operator==(const Ancestor&) const = default;
};

// Where a map came from (format version 2): the versions it was forked from,
// newest first. A copy sent out gets its current version put in front
// (fork_for_sending, io/content_hash.h); a copy sent back keeps the older
// entries, so that the first sender still finds a version it holds. Empty for
// a map that never travelled (and for every version 1 file).
struct Lineage {
    std::vector<Ancestor> bases;          // newest first, at most kMaxLineageBases when made here
    UnknownFields unknown;
    bool empty() const { return bases.empty() && unknown.empty(); }
    bool operator==(const Lineage&) const = default;
};
inline constexpr std::size_t kMaxLineageBases = 8;

struct Map {
    std::string id;
    std::string title;
    std::string description;
    std::string objective;                // what the mapping is for
    std::string segment;
    std::string author;
    std::string currency;                 // e.g. "EUR"; free text
    std::string created;                  // ISO 8601 UTC, "2026-11-22T10:00:00Z"
    std::string modified;
    Lineage lineage;                      // where this map was forked from; not content
    std::vector<Lane> lanes;              // shown lanes, in display order
    CardDetail card_detail = CardDetail::Full;
    std::vector<Stage> stages;            // ordered left to right
    std::vector<Persona> personas;
    Period period;                        // current period
    std::optional<Period> period_previous;
    UnknownFields unknown;
    bool operator==(const Map&) const = default;
};

// The channels the editor offers in its combo; any other text is allowed too.
inline const std::vector<std::string>& known_channels() {
    static const std::vector<std::string> channels = {
        "search", "ads", "web", "social", "email", "event", "webinar",
        "sales call", "demo", "proposal", "contract", "onboarding session",
        "in-app", "support ticket", "chat", "phone", "community",
        "renewal meeting", "partner", "review site"};
    return channels;
}

// Lanes shown in a new map, in order.
std::vector<Lane> default_lanes();

// Stable names used in files and in the UI's lane menu.
const char* lane_key(Lane lane);               // "touchpoints", "emotion", ...
const char* lane_label(Lane lane);             // "Touchpoints", "Emotion curve", ...
std::optional<Lane> lane_from_key(const std::string& key);

const char* card_detail_key(CardDetail detail);         // "full" | "compact"
std::optional<CardDetail> card_detail_from_key(const std::string& key);
const char* persona_kind_key(PersonaKind kind);         // "buyer" | "user"
std::optional<PersonaKind> persona_kind_from_key(const std::string& key);
const char* committee_role_key(CommitteeRole role);     // "decision_maker", "champion", ...
const char* committee_role_label(CommitteeRole role);   // "Decision maker", ...
std::optional<CommitteeRole> committee_role_from_key(const std::string& key);
const char* kpi_direction_key(KpiDirection d);          // "higher" | "lower"
std::optional<KpiDirection> kpi_direction_from_key(const std::string& key);

// Lookups by id; nullptr when absent. Linear scans: maps hold at most a few
// tens of stages and personas, and touchpoint lookups go through MapIndex when hot.
Stage* find_stage(Map& map, const std::string& id);
const Stage* find_stage(const Map& map, const std::string& id);
Persona* find_persona(Map& map, const std::string& id);
const Persona* find_persona(const Map& map, const std::string& id);

struct TouchpointRef {                 // where a touchpoint lives
    int stage = -1;                    // index into map.stages
    int index = -1;                    // index into that stage's touchpoints
    explicit operator bool() const { return stage >= 0; }
};
TouchpointRef locate_touchpoint(const Map& map, const std::string& id);
Touchpoint* find_touchpoint(Map& map, const std::string& id);
const Touchpoint* find_touchpoint(const Map& map, const std::string& id);

std::size_t touchpoint_count(const Map& map);

// The current time as the format writes created/modified: "2026-11-22T10:00:00Z" (UTC).
std::string utc_now_iso();

// A new id that no entity of `map` uses yet, e.g. "tp-0k3j5x9q2m1zr": `prefix`
// names the kind, then kIdDigits base-36 digits of 64 random bits, so that
// copies of a map edited apart (workshop groups) never make the same id.
inline constexpr int kIdDigits = 13;
std::string new_id(const Map& map, const std::string& prefix);
bool id_in_use(const Map& map, const std::string& id);

}  // namespace jm
