// The by-id change record: field tables (every field of every entity as the
// file format's key and a JSON value), applying changes with an exact undo
// record, and the undoable command that applies a list as one step.
#include "edit/map_change.h"

#include <algorithm>
#include <cmath>

#include "edit/memory_estimate.h"
#include "i18n/i18n.h"

namespace jm {

using nlohmann::json;

namespace {

// ---- Values: JSON <-> model, with the format's types and ranges ---------------------

// A value is read with a Check: a bad value clears ok and yields a default, so a
// setter assigns nothing unless the whole value was good. (The web build has no
// exceptions, so nothing here throws.)
struct Check {
    bool ok = true;
    void bad() { ok = false; }
};

std::string text(const json& v, Check& c) {
    if (!v.is_string()) {
        c.bad();
        return {};
    }
    return v.get<std::string>();
}

std::vector<std::string> text_list(const json& v, Check& c) {
    std::vector<std::string> out;
    if (!v.is_array()) {
        c.bad();
        return out;
    }
    out.reserve(v.size());
    for (const auto& s : v) out.push_back(text(s, c));
    return out;
}

long long integer(const json& v, long long lo, long long hi, Check& c) {
    if (!v.is_number_integer() ||
        (v.is_number_unsigned() && v.get<unsigned long long>() > static_cast<unsigned long long>(hi))) {
        c.bad();
        return lo;
    }
    const long long n = v.get<long long>();
    if (n < lo || n > hi) {
        c.bad();
        return lo;
    }
    return n;
}

constexpr long long kAny = (1LL << 62);

template <typename T>
json opt(const std::optional<T>& v) {
    return v ? json(*v) : json(nullptr);
}

std::optional<double> opt_number(const json& v, Check& c) {
    if (v.is_null()) return std::nullopt;
    const double d = v.is_number() ? v.get<double>() : 0.0;
    if (!v.is_number() || !std::isfinite(d)) {
        c.bad();
        return std::nullopt;
    }
    return d;
}

std::optional<int> opt_int(const json& v, int lo, int hi, Check& c) {
    if (v.is_null()) return std::nullopt;
    return static_cast<int>(integer(v, lo, hi, c));
}

std::optional<std::int64_t> opt_count(const json& v, Check& c) {
    if (v.is_null()) return std::nullopt;
    return integer(v, -kAny, kAny, c);
}

template <std::size_t N>
std::array<std::int64_t, N> counts(const json& v, Check& c) {
    std::array<std::int64_t, N> out{};
    if (!v.is_array() || v.size() != N) {
        c.bad();
        return out;
    }
    for (std::size_t i = 0; i < N; ++i) out[i] = integer(v[i], 0, kAny, c);
    return out;
}

json parse_unknown(const std::string& text) {
    json v = json::parse(text, nullptr, false);
    return v.is_discarded() ? json(text) : v;
}

std::string dump_unknown(const json& v) { return v.dump(-1, ' ', false, json::error_handler_t::replace); }

json ces_json(const Survey& s) {
    return json{{"ces_scale", s.ces_scale}, {"ces_low_is_easy", s.ces_low_is_easy}, {"ces", s.ces}};
}

void set_ces(Survey& s, const json& v, Check& c) {
    if (!v.is_object()) return c.bad();
    const int scale = v.contains("ces_scale") ? static_cast<int>(integer(v["ces_scale"], 5, 7, c)) : 7;
    if (scale != 5 && scale != 7) c.bad();
    bool low_is_easy = true;
    if (v.contains("ces_low_is_easy")) {
        if (v["ces_low_is_easy"].is_boolean())
            low_is_easy = v["ces_low_is_easy"].get<bool>();
        else
            c.bad();
    }
    std::vector<std::int64_t> ces;
    if (v.contains("ces")) {
        if (!v["ces"].is_array()) return c.bad();
        for (const auto& n : v["ces"]) ces.push_back(integer(n, 0, kAny, c));
    }
    if (!ces.empty() && static_cast<int>(ces.size()) != scale) c.bad();
    if (!c.ok) return;
    s.ces_scale = scale;
    s.ces_low_is_easy = low_is_easy;
    s.ces = std::move(ces);
}

json survey_json(const Survey& s) {
    json o = ces_json(s);
    o["nps"] = s.nps;
    o["csat"] = s.csat;
    for (const auto& [k, t] : s.unknown)
        if (!o.contains(k)) o[k] = parse_unknown(t);
    return o;
}

Survey survey_from(const json& v, Check& c) {
    Survey s;
    if (!v.is_object()) {
        c.bad();
        return s;
    }
    if (v.contains("nps")) s.nps = counts<11>(v["nps"], c);
    if (v.contains("csat")) s.csat = counts<5>(v["csat"], c);
    set_ces(s, v, c);
    for (const auto& [k, item] : v.items())
        if (k != "nps" && k != "csat" && k != "ces_scale" && k != "ces_low_is_easy" && k != "ces")
            s.unknown[k] = dump_unknown(item);
    return s;
}

json opt_survey(const std::optional<Survey>& s) { return s ? survey_json(*s) : json(nullptr); }
std::optional<Survey> opt_survey_from(const json& v, Check& c) {
    if (v.is_null()) return std::nullopt;
    return survey_from(v, c);
}

template <typename Enum, typename Parse>
Enum enum_from(const json& v, Parse parse, Check& c) {
    auto e = parse(text(v, c));
    if (!e) {
        c.bad();
        return Enum{};
    }
    return *e;
}

// Assigns a read value only when all of it was good.
template <typename M, typename V>
void assign(M& member, V&& value, const Check& c) {
    if (c.ok) member = std::forward<V>(value);
}

// ---- Field tables ---------------------------------------------------------------

template <typename T>
struct FieldDef {
    const char* key;
    json (*get)(const T&);
    void (*set)(T&, const json&, Check&);   // changes nothing when the value is bad
};

template <typename T>
struct UnknownDef {
    const char* prefix;             // "" for the entity's own unknown keys, "evidence." for a nested object's
    UnknownFields* (*get)(T&);
};

template <typename T>
struct Table {
    std::vector<FieldDef<T>> fields;
    std::vector<UnknownDef<T>> unknowns;
    std::vector<const char*> reserved;   // keys of the format that are not fields (id, children)
};

#define JM_TEXT(T, KEY, M) FieldDef<T>{KEY, [](const T& x) { return json(x.M); }, [](T& x, const json& v, Check& c) { assign(x.M, text(v, c), c); }}
#define JM_LIST(T, KEY, M) \
    FieldDef<T>{KEY, [](const T& x) { return json(x.M); }, [](T& x, const json& v, Check& c) { assign(x.M, text_list(v, c), c); }}
#define JM_NUMBER(T, KEY, M) \
    FieldDef<T>{KEY, [](const T& x) { return opt(x.M); }, [](T& x, const json& v, Check& c) { assign(x.M, opt_number(v, c), c); }}
#define JM_COUNT(T, KEY, M) \
    FieldDef<T>{KEY, [](const T& x) { return opt(x.M); }, [](T& x, const json& v, Check& c) { assign(x.M, opt_count(v, c), c); }}
#define JM_UNKNOWN(T, PREFIX, M) UnknownDef<T>{PREFIX, [](T& x) { return &x.M; }}

const Table<Map>& map_table() {
    static const Table<Map> t{
        {JM_TEXT(Map, "title", title), JM_TEXT(Map, "description", description), JM_TEXT(Map, "objective", objective),
         JM_TEXT(Map, "segment", segment), JM_TEXT(Map, "author", author), JM_TEXT(Map, "currency", currency),
         FieldDef<Map>{"card_detail", [](const Map& x) { return json(card_detail_key(x.card_detail)); },
                       [](Map& x, const json& v, Check& c) { assign(x.card_detail, enum_from<CardDetail>(v, card_detail_from_key, c), c); }}},
        {JM_UNKNOWN(Map, "", unknown)},
        {"format", "version", "id", "created", "modified", "lineage", "lanes", "stages", "personas", "period", "period_previous"}};
    return t;
}

const Table<Period>& period_table() {
    static const Table<Period> t{
        {JM_TEXT(Period, "label", label), JM_NUMBER(Period, "customers_start", customers_start),
         JM_NUMBER(Period, "customers_lost", customers_lost), JM_NUMBER(Period, "customers_acquired", customers_acquired),
         JM_NUMBER(Period, "revenue_start", revenue_start), JM_NUMBER(Period, "revenue_expansion", revenue_expansion),
         JM_NUMBER(Period, "revenue_contraction", revenue_contraction), JM_NUMBER(Period, "revenue_churned", revenue_churned),
         JM_NUMBER(Period, "arpa", arpa), JM_NUMBER(Period, "gross_margin", gross_margin), JM_NUMBER(Period, "cac", cac)},
        {JM_UNKNOWN(Period, "", unknown)},
        {}};
    return t;
}

const Table<Persona>& persona_table() {
    static const Table<Persona> t{
        {JM_TEXT(Persona, "name", name),
         FieldDef<Persona>{"kind", [](const Persona& x) { return json(persona_kind_key(x.kind)); },
                           [](Persona& x, const json& v, Check& c) { assign(x.kind, enum_from<PersonaKind>(v, persona_kind_from_key, c), c); }},
         FieldDef<Persona>{"role", [](const Persona& x) { return json(committee_role_key(x.role)); },
                           [](Persona& x, const json& v, Check& c) { assign(x.role, enum_from<CommitteeRole>(v, committee_role_from_key, c), c); }},
         JM_TEXT(Persona, "job_title", job_title), JM_TEXT(Persona, "goals", goals), JM_TEXT(Persona, "needs", needs),
         JM_TEXT(Persona, "research_channels", research_channels), JM_TEXT(Persona, "expectations", expectations),
         JM_TEXT(Persona, "loyalty_factors", loyalty_factors),
         JM_TEXT(Persona, "firmographics.company_size", firmographics.company_size),
         JM_TEXT(Persona, "firmographics.industry", firmographics.industry),
         JM_TEXT(Persona, "firmographics.region", firmographics.region), JM_TEXT(Persona, "color", color)},
        {JM_UNKNOWN(Persona, "", unknown), JM_UNKNOWN(Persona, "firmographics.", firmographics.unknown)},
        {"id", "firmographics"}};
    return t;
}

const Table<Stage>& stage_table() {
    static const Table<Stage> t{
        {JM_TEXT(Stage, "name", name), JM_TEXT(Stage, "description", description), JM_TEXT(Stage, "goal", goal),
         JM_TEXT(Stage, "owner", owner), JM_TEXT(Stage, "business_voice", business_voice),
         JM_COUNT(Stage, "funnel_count", funnel_count), JM_COUNT(Stage, "funnel_count_previous", funnel_count_previous),
         JM_TEXT(Stage, "handoff.from_team", handoff.from_team), JM_TEXT(Stage, "handoff.to_team", handoff.to_team),
         JM_TEXT(Stage, "handoff.agreement", handoff.agreement),
         FieldDef<Stage>{"survey", [](const Stage& x) { return opt_survey(x.survey); },
                         [](Stage& x, const json& v, Check& c) { assign(x.survey, opt_survey_from(v, c), c); }},
         FieldDef<Stage>{"survey_previous", [](const Stage& x) { return opt_survey(x.survey_previous); },
                         [](Stage& x, const json& v, Check& c) { assign(x.survey_previous, opt_survey_from(v, c), c); }}},
        {JM_UNKNOWN(Stage, "", unknown), JM_UNKNOWN(Stage, "handoff.", handoff.unknown)},
        {"id", "kpis", "touchpoints", "handoff"}};
    return t;
}

const Table<Kpi>& kpi_table() {
    static const Table<Kpi> t{
        {JM_TEXT(Kpi, "name", name), JM_TEXT(Kpi, "unit", unit), JM_NUMBER(Kpi, "current", current),
         JM_NUMBER(Kpi, "target", target), JM_NUMBER(Kpi, "previous", previous),
         FieldDef<Kpi>{"direction", [](const Kpi& x) { return json(kpi_direction_key(x.direction)); },
                       [](Kpi& x, const json& v, Check& c) { assign(x.direction, enum_from<KpiDirection>(v, kpi_direction_from_key, c), c); }}},
        {JM_UNKNOWN(Kpi, "", unknown)},
        {"id"}};
    return t;
}

const Table<Touchpoint>& touchpoint_table() {
    static const Table<Touchpoint> t{
        {JM_TEXT(Touchpoint, "title", title), JM_TEXT(Touchpoint, "description", description),
         JM_TEXT(Touchpoint, "doing", doing), JM_TEXT(Touchpoint, "thinking", thinking),
         JM_TEXT(Touchpoint, "channel", channel), JM_TEXT(Touchpoint, "owner", owner),
         JM_TEXT(Touchpoint, "backstage", backstage), JM_LIST(Touchpoint, "persona_ids", persona_ids),
         FieldDef<Touchpoint>{"friction", [](const Touchpoint& x) { return json(x.friction); },
                              [](Touchpoint& x, const json& v, Check& c) { assign(x.friction, static_cast<int>(integer(v, 0, 5, c)), c); }},
         FieldDef<Touchpoint>{"emotion", [](const Touchpoint& x) { return json(x.emotion); },
                              [](Touchpoint& x, const json& v, Check& c) { assign(x.emotion, static_cast<int>(integer(v, -2, 2, c)), c); }},
         FieldDef<Touchpoint>{"target_friction", [](const Touchpoint& x) { return opt(x.target_friction); },
                              [](Touchpoint& x, const json& v, Check& c) { assign(x.target_friction, opt_int(v, 0, 5, c), c); }},
         FieldDef<Touchpoint>{"target_emotion", [](const Touchpoint& x) { return opt(x.target_emotion); },
                              [](Touchpoint& x, const json& v, Check& c) { assign(x.target_emotion, opt_int(v, -2, 2, c), c); }},
         JM_LIST(Touchpoint, "pains", pains), JM_LIST(Touchpoint, "opportunities", opportunities),
         JM_LIST(Touchpoint, "evidence.quotes", evidence.quotes), JM_TEXT(Touchpoint, "evidence.source", evidence.source),
         FieldDef<Touchpoint>{"survey.nps", [](const Touchpoint& x) { return json(x.survey.nps); },
                              [](Touchpoint& x, const json& v, Check& c) { assign(x.survey.nps, counts<11>(v, c), c); }},
         FieldDef<Touchpoint>{"survey.csat", [](const Touchpoint& x) { return json(x.survey.csat); },
                              [](Touchpoint& x, const json& v, Check& c) { assign(x.survey.csat, counts<5>(v, c), c); }},
         FieldDef<Touchpoint>{"survey.ces", [](const Touchpoint& x) { return ces_json(x.survey); },
                              [](Touchpoint& x, const json& v, Check& c) { set_ces(x.survey, v, c); }},
         FieldDef<Touchpoint>{"survey_previous", [](const Touchpoint& x) { return opt_survey(x.survey_previous); },
                              [](Touchpoint& x, const json& v, Check& c) { assign(x.survey_previous, opt_survey_from(v, c), c); }},
         JM_COUNT(Touchpoint, "volume", volume)},
        {JM_UNKNOWN(Touchpoint, "", unknown), JM_UNKNOWN(Touchpoint, "evidence.", evidence.unknown),
         JM_UNKNOWN(Touchpoint, "survey.", survey.unknown)},
        {"id", "evidence", "survey"}};
    return t;
}

#undef JM_TEXT
#undef JM_LIST
#undef JM_NUMBER
#undef JM_COUNT
#undef JM_UNKNOWN

template <typename T>
bool is_field_key(const Table<T>& t, const std::string& key) {
    for (const auto& f : t.fields)
        if (key == f.key) return true;
    return false;
}

template <typename T>
FieldList fields_with(const T& x, const Table<T>& t) {
    FieldList out;
    out.reserve(t.fields.size() + 2);
    for (const auto& f : t.fields) out.emplace_back(f.key, f.get(x));
    for (const auto& u : t.unknowns) {
        for (const auto& [k, value] : *u.get(const_cast<T&>(x))) {
            std::string key = u.prefix + k;
            if (!is_field_key(t, key)) out.emplace_back(std::move(key), parse_unknown(value));
        }
    }
    return out;
}

template <typename T>
bool set_with(T& x, const Table<T>& t, const std::string& key, const json& value) {
    for (const auto& f : t.fields) {
        if (key != f.key) continue;
        Check c;
        f.set(x, value, c);
        return c.ok;
    }
    // An unknown key: a nested object's (longest prefix) or the entity's own.
    const UnknownDef<T>* target = nullptr;
    std::string rest;
    for (const auto& u : t.unknowns) {
        const std::string prefix = u.prefix;
        if (key.size() > prefix.size() && key.compare(0, prefix.size(), prefix) == 0 &&
            (!target || prefix.size() > std::string(target->prefix).size())) {
            target = &u;
            rest = key.substr(prefix.size());
        }
    }
    if (!target || rest.empty()) return false;
    for (const char* r : t.reserved)
        if (rest == r && std::string(target->prefix).empty()) return false;
    for (const auto& f : t.fields) {   // "survey" of a touchpoint is a group of fields, not an unknown key
        const std::string k = f.key;
        if (std::string(target->prefix).empty() && k.size() > rest.size() && k.compare(0, rest.size(), rest) == 0 &&
            k[rest.size()] == '.')
            return false;
    }
    UnknownFields& fields = *target->get(x);
    if (value.is_null()) fields.erase(rest);
    else fields[rest] = dump_unknown(value);
    return true;
}

// Builds an entity from a fields object; false on any bad field.
template <typename T>
bool build(T& x, const json& fields) {
    if (fields.is_null()) return true;
    if (!fields.is_object()) return false;
    for (const auto& [k, v] : fields.items())
        if (!set_field(x, k, v)) return false;
    return true;
}

template <typename Vec, typename IdOf>
int insert_index(const Vec& list, const Change& c, IdOf id_of) {
    const int size = static_cast<int>(list.size());
    if (!c.prev_id.empty()) {
        for (int i = 0; i < size; ++i)
            if (id_of(list[i]) == c.prev_id) return i + 1;
    }
    if (c.index >= 0) return std::min(c.index, size);
    return c.prev_id.empty() ? 0 : size;
}

template <typename Vec, typename IdOf>
int find_index(const Vec& list, const std::string& id, IdOf id_of) {
    for (int i = 0; i < static_cast<int>(list.size()); ++i)
        if (id_of(list[i]) == id) return i;
    return -1;
}

const auto kById = [](const auto& item) -> const std::string& { return item.id; };
const auto kLaneId = [](Lane l) { return std::string(lane_key(l)); };

Change undo_add(EntityKind kind, const std::string& id, const std::string& parent, int index, json fields) {
    Change u;
    u.kind = kind;
    u.op = ChangeOp::Add;
    u.id = id;
    u.parent = parent;
    u.index = index;
    u.new_value = std::move(fields);
    return u;
}

}  // namespace

// ---- Names ----------------------------------------------------------------------

const char* entity_kind_key(EntityKind kind) {
    switch (kind) {
        case EntityKind::Map: return "map";
        case EntityKind::Period: return "period";
        case EntityKind::Lane: return "lane";
        case EntityKind::Persona: return "persona";
        case EntityKind::Stage: return "stage";
        case EntityKind::Kpi: return "kpi";
        case EntityKind::Touchpoint: return "touchpoint";
    }
    return "map";
}

const char* change_op_key(ChangeOp op) {
    switch (op) {
        case ChangeOp::Add: return "add";
        case ChangeOp::Remove: return "remove";
        case ChangeOp::Move: return "move";
        case ChangeOp::Set: return "set";
    }
    return "set";
}

std::optional<EntityKind> entity_kind_from_key(const std::string& key) {
    for (EntityKind k : {EntityKind::Map, EntityKind::Period, EntityKind::Lane, EntityKind::Persona, EntityKind::Stage,
                         EntityKind::Kpi, EntityKind::Touchpoint})
        if (key == entity_kind_key(k)) return k;
    return std::nullopt;
}

std::optional<ChangeOp> change_op_from_key(const std::string& key) {
    for (ChangeOp op : {ChangeOp::Add, ChangeOp::Remove, ChangeOp::Move, ChangeOp::Set})
        if (key == change_op_key(op)) return op;
    return std::nullopt;
}

json change_to_json(const Change& c) {
    json j = json::object();
    j["kind"] = entity_kind_key(c.kind);
    j["op"] = change_op_key(c.op);
    j["id"] = c.id;
    if (!c.parent.empty()) j["parent"] = c.parent;
    if (!c.from_parent.empty()) j["from_parent"] = c.from_parent;
    if (c.op == ChangeOp::Set) {
        j["field"] = c.field;
        j["old"] = c.old_value;
        j["new"] = c.new_value;
    }
    if (c.op == ChangeOp::Remove) j["old"] = c.old_value;
    if (c.op == ChangeOp::Add) j["new"] = c.new_value;
    if (c.op == ChangeOp::Add || c.op == ChangeOp::Move) {
        j["after"] = c.prev_id;
        j["index"] = c.index;
    }
    return j;
}

std::optional<Change> change_from_json(const json& j) {
    auto text_at = [&j](const char* key) -> const json* {
        auto it = j.find(key);
        return it != j.end() && it->is_string() ? &*it : nullptr;
    };
    auto text_or_empty = [&](const char* key) {
        const json* v = text_at(key);
        return v ? v->get<std::string>() : std::string();
    };
    if (!j.is_object()) return std::nullopt;
    const json* kind_key = text_at("kind");
    const json* op_key = text_at("op");
    const json* id = text_at("id");
    if (!kind_key || !op_key || !id) return std::nullopt;
    auto kind = entity_kind_from_key(kind_key->get<std::string>());
    auto op = change_op_from_key(op_key->get<std::string>());
    if (!kind || !op) return std::nullopt;
    Change c;
    c.kind = *kind;
    c.op = *op;
    c.id = id->get<std::string>();
    c.parent = text_or_empty("parent");
    c.from_parent = text_or_empty("from_parent");
    c.field = text_or_empty("field");
    if (j.contains("old")) c.old_value = j["old"];
    if (j.contains("new")) c.new_value = j["new"];
    c.prev_id = text_or_empty("after");
    auto index = j.find("index");
    if (index != j.end() && index->is_number_integer()) c.index = index->get<int>();
    return c;
}

// ---- Fields -----------------------------------------------------------------------

FieldList fields_of(const Map& m) { return fields_with(m, map_table()); }
FieldList fields_of(const Period& p) { return fields_with(p, period_table()); }
FieldList fields_of(const Persona& p) { return fields_with(p, persona_table()); }
FieldList fields_of(const Stage& s) { return fields_with(s, stage_table()); }
FieldList fields_of(const Kpi& k) { return fields_with(k, kpi_table()); }
FieldList fields_of(const Touchpoint& t) { return fields_with(t, touchpoint_table()); }

json fields_object(const FieldList& fields) {
    json o = json::object();
    for (const auto& [k, v] : fields) o[k] = v;
    return o;
}

bool set_field(Map& m, const std::string& key, const json& v) { return set_with(m, map_table(), key, v); }
bool set_field(Period& p, const std::string& key, const json& v) { return set_with(p, period_table(), key, v); }
bool set_field(Persona& p, const std::string& key, const json& v) { return set_with(p, persona_table(), key, v); }
bool set_field(Stage& s, const std::string& key, const json& v) { return set_with(s, stage_table(), key, v); }
bool set_field(Kpi& k, const std::string& key, const json& v) { return set_with(k, kpi_table(), key, v); }
bool set_field(Touchpoint& t, const std::string& key, const json& v) { return set_with(t, touchpoint_table(), key, v); }

// ---- ChangeApplier -------------------------------------------------------------------

ChangeApplier::ChangeApplier(Map& map) : map_(map) {
    std::size_t n = 0;
    for (const auto& s : map_.stages) n += s.touchpoints.size();
    tp_stage_.reserve(n);
    for (const auto& s : map_.stages) {
        for (const auto& t : s.touchpoints) tp_stage_.emplace(t.id, s.id);
        for (const auto& k : s.kpis) kpi_stage_.emplace(k.id, s.id);
    }
}

int ChangeApplier::stage_index(const std::string& id) const { return find_index(map_.stages, id, kById); }

Stage* ChangeApplier::stage(const std::string& id) {
    const int i = stage_index(id);
    return i < 0 ? nullptr : &map_.stages[i];
}

bool ChangeApplier::has(EntityKind kind, const std::string& id) const {
    switch (kind) {
        case EntityKind::Map: return id.empty();
        case EntityKind::Period: return id == "period" || (id == "period_previous" && map_.period_previous);
        case EntityKind::Lane: {
            auto lane = lane_from_key(id);
            return lane && std::find(map_.lanes.begin(), map_.lanes.end(), *lane) != map_.lanes.end();
        }
        case EntityKind::Persona: return find_persona(map_, id) != nullptr;
        case EntityKind::Stage: return stage_index(id) >= 0;
        case EntityKind::Kpi: return kpi_stage_.count(id) > 0;
        case EntityKind::Touchpoint: return tp_stage_.count(id) > 0;
    }
    return false;
}

std::string ChangeApplier::parent_of(EntityKind kind, const std::string& id) const {
    const auto& index = kind == EntityKind::Kpi ? kpi_stage_ : tp_stage_;
    if (kind != EntityKind::Kpi && kind != EntityKind::Touchpoint) return {};
    auto it = index.find(id);
    return it == index.end() ? std::string() : it->second;
}

std::vector<std::string> ChangeApplier::order(EntityKind kind, const std::string& parent) const {
    std::vector<std::string> out;
    switch (kind) {
        case EntityKind::Lane:
            for (Lane l : map_.lanes) out.push_back(lane_key(l));
            break;
        case EntityKind::Persona:
            for (const auto& p : map_.personas) out.push_back(p.id);
            break;
        case EntityKind::Stage:
            for (const auto& s : map_.stages) out.push_back(s.id);
            break;
        case EntityKind::Kpi:
        case EntityKind::Touchpoint: {
            const int si = stage_index(parent);
            if (si < 0) break;
            const Stage& s = map_.stages[si];
            if (kind == EntityKind::Kpi)
                for (const auto& k : s.kpis) out.push_back(k.id);
            else
                for (const auto& t : s.touchpoints) out.push_back(t.id);
            break;
        }
        default: break;
    }
    return out;
}

std::optional<FieldList> ChangeApplier::fields(EntityKind kind, const std::string& id) const {
    switch (kind) {
        case EntityKind::Map: return fields_of(map_);
        case EntityKind::Period:
            if (id == "period") return fields_of(map_.period);
            if (id == "period_previous" && map_.period_previous) return fields_of(*map_.period_previous);
            return std::nullopt;
        case EntityKind::Lane: return has(kind, id) ? std::optional<FieldList>(FieldList{}) : std::nullopt;
        case EntityKind::Persona: {
            const Persona* p = find_persona(map_, id);
            return p ? std::optional<FieldList>(fields_of(*p)) : std::nullopt;
        }
        case EntityKind::Stage: {
            const int si = stage_index(id);
            return si >= 0 ? std::optional<FieldList>(fields_of(map_.stages[si])) : std::nullopt;
        }
        case EntityKind::Kpi:
        case EntityKind::Touchpoint: {
            const int si = stage_index(parent_of(kind, id));
            if (si < 0) return std::nullopt;
            const Stage& s = map_.stages[si];
            if (kind == EntityKind::Kpi) {
                const int i = find_index(s.kpis, id, kById);
                return i >= 0 ? std::optional<FieldList>(fields_of(s.kpis[i])) : std::nullopt;
            }
            const int i = find_index(s.touchpoints, id, kById);
            return i >= 0 ? std::optional<FieldList>(fields_of(s.touchpoints[i])) : std::nullopt;
        }
    }
    return std::nullopt;
}

std::optional<json> ChangeApplier::field(EntityKind kind, const std::string& id, const std::string& key) const {
    auto list = fields(kind, id);
    if (!list) return std::nullopt;
    for (auto& [k, v] : *list)
        if (k == key) return std::move(v);
    return json(nullptr);   // an unknown key the entity does not have
}

bool ChangeApplier::apply(const Change& c, std::vector<Change>* undo) {
    switch (c.op) {
        case ChangeOp::Set: return apply_set(c, undo);
        case ChangeOp::Add: return apply_add(c, undo);
        case ChangeOp::Remove: return apply_remove(c, undo);
        case ChangeOp::Move: return apply_move(c, undo);
    }
    return false;
}

bool ChangeApplier::apply_set(const Change& c, std::vector<Change>* undo) {
    std::optional<json> before = field(c.kind, c.id, c.field);
    if (!before) return false;
    bool ok = false;
    switch (c.kind) {
        case EntityKind::Map: ok = set_field(map_, c.field, c.new_value); break;
        case EntityKind::Period:
            ok = set_field(c.id == "period" ? map_.period : *map_.period_previous, c.field, c.new_value);
            break;
        case EntityKind::Lane: ok = false; break;
        case EntityKind::Persona: ok = set_field(*find_persona(map_, c.id), c.field, c.new_value); break;
        case EntityKind::Stage: ok = set_field(*stage(c.id), c.field, c.new_value); break;
        case EntityKind::Kpi: {
            Stage* s = stage(parent_of(c.kind, c.id));
            ok = set_field(s->kpis[find_index(s->kpis, c.id, kById)], c.field, c.new_value);
            break;
        }
        case EntityKind::Touchpoint: {
            Stage* s = stage(parent_of(c.kind, c.id));
            ok = set_field(s->touchpoints[find_index(s->touchpoints, c.id, kById)], c.field, c.new_value);
            break;
        }
    }
    if (ok && undo) {
        Change u = c;
        u.old_value = c.new_value;
        u.new_value = std::move(*before);
        undo->push_back(std::move(u));
    }
    return ok;
}

bool ChangeApplier::apply_add(const Change& c, std::vector<Change>* undo) {
    if (has(c.kind, c.id) || (c.kind != EntityKind::Period && c.kind != EntityKind::Map && c.id.empty())) return false;
    Change u;
    u.kind = c.kind;
    u.op = ChangeOp::Remove;
    u.id = c.id;
    switch (c.kind) {
        case EntityKind::Map: return false;
        case EntityKind::Period: {
            if (c.id != "period_previous") return false;
            Period p;
            if (!build(p, c.new_value)) return false;
            map_.period_previous = std::move(p);
            break;
        }
        case EntityKind::Lane: {
            auto lane = lane_from_key(c.id);
            if (!lane) return false;
            map_.lanes.insert(map_.lanes.begin() + insert_index(map_.lanes, c, kLaneId), *lane);
            break;
        }
        case EntityKind::Persona: {
            Persona p;
            p.id = c.id;
            if (!build(p, c.new_value)) return false;
            map_.personas.insert(map_.personas.begin() + insert_index(map_.personas, c, kById), std::move(p));
            break;
        }
        case EntityKind::Stage: {
            Stage s;
            s.id = c.id;
            if (!build(s, c.new_value)) return false;
            map_.stages.insert(map_.stages.begin() + insert_index(map_.stages, c, kById), std::move(s));
            break;
        }
        case EntityKind::Kpi: {
            Stage* s = stage(c.parent);
            Kpi k;
            k.id = c.id;
            if (!s || !build(k, c.new_value)) return false;
            s->kpis.insert(s->kpis.begin() + insert_index(s->kpis, c, kById), std::move(k));
            kpi_stage_[c.id] = c.parent;
            u.parent = c.parent;
            break;
        }
        case EntityKind::Touchpoint: {
            Stage* s = stage(c.parent);
            Touchpoint t;
            t.id = c.id;
            if (!s || !build(t, c.new_value)) return false;
            s->touchpoints.insert(s->touchpoints.begin() + insert_index(s->touchpoints, c, kById), std::move(t));
            tp_stage_[c.id] = c.parent;
            u.parent = c.parent;
            break;
        }
    }
    if (undo) undo->push_back(std::move(u));
    return true;
}

bool ChangeApplier::apply_remove(const Change& c, std::vector<Change>* undo) {
    if (!has(c.kind, c.id) || c.kind == EntityKind::Map || (c.kind == EntityKind::Period && c.id == "period")) return false;
    switch (c.kind) {
        case EntityKind::Map: return false;
        case EntityKind::Period:
            if (undo) undo->push_back(undo_add(c.kind, c.id, "", -1, fields_object(fields_of(*map_.period_previous))));
            map_.period_previous.reset();
            return true;
        case EntityKind::Lane: {
            const int i = find_index(map_.lanes, c.id, kLaneId);
            if (undo) undo->push_back(undo_add(c.kind, c.id, "", i, json::object()));
            map_.lanes.erase(map_.lanes.begin() + i);
            return true;
        }
        case EntityKind::Persona: {
            const int i = find_index(map_.personas, c.id, kById);
            if (undo) undo->push_back(undo_add(c.kind, c.id, "", i, fields_object(fields_of(map_.personas[i]))));
            map_.personas.erase(map_.personas.begin() + i);
            return true;
        }
        case EntityKind::Stage: {
            const int i = stage_index(c.id);
            Stage& s = map_.stages[i];
            // Reverted backwards: the stage comes back first, then its cards and KPIs in order.
            for (int k = static_cast<int>(s.touchpoints.size()) - 1; k >= 0; --k) {
                if (undo) undo->push_back(undo_add(EntityKind::Touchpoint, s.touchpoints[k].id, s.id, k,
                                                   fields_object(fields_of(s.touchpoints[k]))));
                tp_stage_.erase(s.touchpoints[k].id);
            }
            for (int k = static_cast<int>(s.kpis.size()) - 1; k >= 0; --k) {
                if (undo) undo->push_back(undo_add(EntityKind::Kpi, s.kpis[k].id, s.id, k, fields_object(fields_of(s.kpis[k]))));
                kpi_stage_.erase(s.kpis[k].id);
            }
            if (undo) undo->push_back(undo_add(c.kind, c.id, "", i, fields_object(fields_of(s))));
            map_.stages.erase(map_.stages.begin() + i);
            return true;
        }
        case EntityKind::Kpi:
        case EntityKind::Touchpoint: {
            const std::string parent = parent_of(c.kind, c.id);
            Stage* s = stage(parent);
            if (c.kind == EntityKind::Kpi) {
                const int i = find_index(s->kpis, c.id, kById);
                if (undo) undo->push_back(undo_add(c.kind, c.id, parent, i, fields_object(fields_of(s->kpis[i]))));
                s->kpis.erase(s->kpis.begin() + i);
                kpi_stage_.erase(c.id);
            } else {
                const int i = find_index(s->touchpoints, c.id, kById);
                if (undo) undo->push_back(undo_add(c.kind, c.id, parent, i, fields_object(fields_of(s->touchpoints[i]))));
                s->touchpoints.erase(s->touchpoints.begin() + i);
                tp_stage_.erase(c.id);
            }
            return true;
        }
    }
    return false;
}

bool ChangeApplier::apply_move(const Change& c, std::vector<Change>* undo) {
    if (!has(c.kind, c.id) || c.prev_id == c.id) return false;
    Change u;
    u.kind = c.kind;
    u.op = ChangeOp::Move;
    u.id = c.id;
    auto move_in = [&](auto& list, auto id_of) {
        const int i = find_index(list, c.id, id_of);
        auto item = std::move(list[i]);
        list.erase(list.begin() + i);
        list.insert(list.begin() + insert_index(list, c, id_of), std::move(item));
        u.index = i;
    };
    switch (c.kind) {
        case EntityKind::Map:
        case EntityKind::Period: return false;
        case EntityKind::Lane: move_in(map_.lanes, kLaneId); break;
        case EntityKind::Persona: move_in(map_.personas, kById); break;
        case EntityKind::Stage: move_in(map_.stages, kById); break;
        case EntityKind::Kpi:
        case EntityKind::Touchpoint: {
            const std::string from = parent_of(c.kind, c.id);
            const std::string to = c.parent.empty() ? from : c.parent;
            Stage* target = stage(to);
            if (!target) return false;
            Stage* source = stage(from);
            auto carry = [&](auto& from_list, auto& to_list, auto& index) {
                const int i = find_index(from_list, c.id, kById);
                auto item = std::move(from_list[i]);
                from_list.erase(from_list.begin() + i);
                to_list.insert(to_list.begin() + insert_index(to_list, c, kById), std::move(item));
                index[c.id] = to;
                u.index = i;
            };
            if (c.kind == EntityKind::Kpi) carry(source->kpis, target->kpis, kpi_stage_);
            else carry(source->touchpoints, target->touchpoints, tp_stage_);
            u.parent = from;
            u.from_parent = to;
            break;
        }
    }
    if (undo) undo->push_back(std::move(u));
    return true;
}

std::size_t apply_change_list(Map& map, const std::vector<Change>& changes) {
    ChangeApplier applier(map);
    std::size_t applied = 0;
    for (const auto& c : changes) applied += applier.apply(c) ? 1 : 0;
    return applied;
}

// ---- The command -----------------------------------------------------------------------

namespace {

std::size_t json_bytes(const json& j) {
    std::size_t n = sizeof(json);
    if (j.is_string()) n += heap_bytes(j.get_ref<const std::string&>());
    else if (j.is_array())
        for (const auto& v : j) n += json_bytes(v);
    else if (j.is_object())
        for (const auto& [k, v] : j.items()) n += 48 + heap_bytes(std::string(k)) + json_bytes(v);
    return n;
}

std::size_t change_bytes(const Change& c) {
    return sizeof(Change) + heap_bytes(c.id) + heap_bytes(c.parent) + heap_bytes(c.from_parent) + heap_bytes(c.field) +
           heap_bytes(c.prev_id) + json_bytes(c.old_value) + json_bytes(c.new_value) - 2 * sizeof(json);
}

// Holds the changes (for apply and redo) and, once applied, the exact undo
// record ChangeApplier wrote: Sets with the values they replaced, and Adds and
// Moves with exact indexes. revert() applies that record backwards, which
// restores every list position, so redo after undo meets the very state the
// first apply met and gives the same map again.
class ApplyChanges : public Command {
public:
    ApplyChanges(std::vector<Change> changes, std::string label, std::string merge_key)
        : changes_(std::move(changes)), label_(std::move(label)), merge_key_(std::move(merge_key)) {
        if (label_.empty()) label_ = i18n::tr("Apply changes");
    }
    std::string label() const override { return label_; }
    std::string merge_key() const override { return merge_key_; }
    // The later list was applied on top of ours: redo replays both in order, undo
    // reverts its record and then ours.
    bool merge_with(const Command& next) override {
        const auto* later = dynamic_cast<const ApplyChanges*>(&next);
        if (!later || !applied_ || !later->applied_) return false;
        changes_.insert(changes_.end(), later->changes_.begin(), later->changes_.end());
        undo_.insert(undo_.end(), later->undo_.begin(), later->undo_.end());
        effect_ = effect_ || later->effect_;
        return true;
    }
    void apply(Map& map) override {
        if (applied_) return;
        ChangeApplier applier(map);
        undo_.clear();
        effect_ = false;
        for (const auto& c : changes_) effect_ = applier.apply(c, &undo_) || effect_;
        applied_ = true;
    }
    void revert(Map& map) override {
        if (!applied_) return;
        ChangeApplier applier(map);
        for (auto it = undo_.rbegin(); it != undo_.rend(); ++it) applier.apply(*it);
        undo_.clear();
        undo_.shrink_to_fit();
        applied_ = false;
    }
    bool had_effect() const override { return effect_; }
    std::size_t memory_bytes() const override {
        std::size_t n = sizeof(*this) + heap_bytes(label_);
        for (const auto& c : changes_) n += change_bytes(c);
        for (const auto& c : undo_) n += change_bytes(c);
        return n;
    }

private:
    std::vector<Change> changes_;
    std::vector<Change> undo_;
    std::string label_;
    std::string merge_key_;
    bool applied_ = false;
    bool effect_ = false;
};

}  // namespace

std::unique_ptr<Command> apply_changes(const Map& map, std::vector<Change> changes, std::string label, std::string merge_key) {
    (void)map;
    if (changes.empty()) return nullptr;
    return std::make_unique<ApplyChanges>(std::move(changes), std::move(label), std::move(merge_key));
}

}  // namespace jm
