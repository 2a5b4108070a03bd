// Loading a map file: parse, migrate older versions, then validate everything
// and report every problem with its JSON Pointer. Only a clean file gives a map.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "i18n/i18n.h"
#include "io/content_hash.h"
#include "io/json_reader.h"
#include "io/limits.h"
#include "io/map_json.h"
#include "io/migrate.h"
#include "io/text_encoding.h"

namespace jm {

namespace {

// A value quoted in a message, cut short: a file may hold megabytes where a marker belongs.
std::string shown(const Json& v) { return limits::excerpt(v.dump(-1, ' ', false, Json::error_handler_t::replace)); }

class MapReader {
public:
    explicit MapReader(std::vector<LoadProblem>& problems) : r_(problems) {}

    Map read(const Json& doc) {
        Map m;
        read_id(doc, "", m.id);
        r_.text(doc, "", "title", m.title, true);
        r_.text(doc, "", "description", m.description);
        r_.text(doc, "", "objective", m.objective);
        r_.text(doc, "", "segment", m.segment);
        r_.text(doc, "", "author", m.author);
        r_.text(doc, "", "currency", m.currency);
        r_.text(doc, "", "created", m.created);
        r_.text(doc, "", "modified", m.modified);
        if (auto it = doc.find("lineage"); it != doc.end()) m.lineage = lineage(*it, "/lineage");
        m.lanes = doc.contains("lanes") ? lanes(doc["lanes"], "/lanes") : default_lanes();
        enumeration(doc, "", "card_detail", m.card_detail, card_detail_from_key, "\"full\", \"compact\"");
        // Stages before personas, as in the file, so that problems come in file
        // order and a duplicate id names the earlier place as its first use.
        // Persona references are checked once the personas are known.
        if (auto it = doc.find("stages"); it != doc.end()) {
            if (!it->is_array()) r_.problem("/stages", i18n::trf("must be a list, got {kind}", {{"kind", kind_of(*it)}}));
            else if (r_.within(it->size(), limits::kMaxStages, "/stages", "stages", "per map"))
                for (std::size_t i = 0; i < it->size(); ++i) m.stages.push_back(stage((*it)[i], pointer_join("/stages", i)));
        } else {
            r_.problem("/stages", i18n::trf("missing required field \"{field}\"", {{"field", "stages"}}));
        }
        if (auto it = doc.find("personas"); it != doc.end()) {
            if (!it->is_array()) r_.problem("/personas", i18n::trf("must be a list, got {kind}", {{"kind", kind_of(*it)}}));
            else if (r_.within(it->size(), limits::kMaxPersonas, "/personas", "personas", "per map"))
                for (std::size_t i = 0; i < it->size(); ++i) m.personas.push_back(persona((*it)[i], pointer_join("/personas", i)));
        } else {
            r_.problem("/personas", i18n::trf("missing required field \"{field}\"", {{"field", "personas"}}));
        }
        check_persona_refs(m.personas);
        if (doc.contains("period")) m.period = period(doc["period"], "/period");
        if (doc.contains("period_previous")) m.period_previous = period(doc["period_previous"], "/period_previous");
        m.unknown = JsonReader::unknown(doc, {"format", "version", "id", "title", "description", "objective", "segment", "author",
                                              "currency", "created", "modified", "lineage", "lanes", "card_detail", "stages", "personas",
                                              "period", "period_previous"});
        return m;
    }

private:
    JsonReader r_;
    std::map<std::string, std::string> ids_;   // id -> where it was first used
    struct PersonaRef {
        std::string path;   // where the reference is, e.g. /stages/0/touchpoints/1/persona_ids/0
        std::string id;
    };
    std::vector<PersonaRef> persona_refs_;
    std::size_t touchpoints_ = 0;   // in the stages read so far, for the limit per map

    void check_persona_refs(const std::vector<Persona>& personas) {
        std::set<std::string> known;
        for (const auto& p : personas) known.insert(p.id);
        for (const auto& ref : persona_refs_)
            if (!known.count(ref.id))
                r_.problem(ref.path, i18n::trf("refers to persona \"{id}\", which this map does not have", {{"id", limits::excerpt(ref.id)}}));
    }

    void claim_id(const std::string& id, const std::string& path) {
        if (id.empty()) {
            r_.problem(path, i18n::tr("an id must not be empty"));
            return;
        }
        auto [it, fresh] = ids_.emplace(id, path);
        if (!fresh) r_.problem(path, i18n::trf("duplicate id \"{id}\" (first used at {path})", {{"path", it->second}, {"id", limits::excerpt(id)}}));
    }

    void read_id(const Json& obj, const std::string& path, std::string& id) {
        if (!obj.contains("id")) {
            r_.problem(pointer_join(path, "id"), i18n::trf("missing required field \"{field}\"", {{"field", "id"}}));
            return;
        }
        r_.text(obj, path, "id", id);
        if (obj["id"].is_string()) claim_id(id, pointer_join(path, "id"));
    }

    template <typename Enum, typename Parse>
    void enumeration(const Json& obj, const std::string& path, const char* key, Enum& out, Parse parse, const char* allowed) {
        auto it = obj.find(key);
        if (it == obj.end()) return;
        std::string p = pointer_join(path, key);
        if (!it->is_string()) {
            r_.problem(p, i18n::trf("must be one of {allowed}, got {kind}", {{"allowed", allowed}, {"kind", kind_of(*it)}}));
            return;
        }
        auto v = parse(it->get<std::string>());
        if (!v) r_.problem(p, i18n::trf("unknown value \"{value}\"; allowed: {allowed}", {{"allowed", allowed}, {"value", limits::excerpt(it->get<std::string>())}}));
        else out = *v;
    }

    std::vector<Lane> lanes(const Json& j, const std::string& path) {
        std::vector<Lane> out;
        if (!j.is_array()) {
            r_.problem(path, i18n::trf("must be a list of lane names, got {kind}", {{"kind", kind_of(j)}}));
            return default_lanes();
        }
        for (std::size_t i = 0; i < j.size(); ++i) {
            std::string p = pointer_join(path, i);
            auto lane = j[i].is_string() ? lane_from_key(j[i].get<std::string>()) : std::nullopt;
            if (!lane) {
                r_.problem(p, i18n::trf("unknown lane {value}; allowed: {allowed}",
                                         {{"allowed", "touchpoints, doing, thinking, emotion, friction, "
                                                      "pains, opportunities, channels, backstage, kpis, owners"},
                                          {"value", shown(j[i])}}));
            } else if (std::find(out.begin(), out.end(), *lane) != out.end()) {
                r_.problem(p, i18n::trf("lane \"{lane}\" is listed twice", {{"lane", j[i].get<std::string>()}}));
            } else {
                out.push_back(*lane);
            }
        }
        return out;
    }

    Persona persona(const Json& j, const std::string& path) {
        Persona p;
        if (!r_.object(j, path)) return p;
        read_id(j, path, p.id);
        r_.text(j, path, "name", p.name, true);
        enumeration(j, path, "kind", p.kind, persona_kind_from_key, "\"buyer\", \"user\"");
        enumeration(j, path, "role", p.role, committee_role_from_key,
                    "\"decision_maker\", \"champion\", \"influencer\", \"procurement\", \"end_user\", \"other\"");
        r_.text(j, path, "job_title", p.job_title);
        r_.text(j, path, "goals", p.goals);
        r_.text(j, path, "needs", p.needs);
        r_.text(j, path, "research_channels", p.research_channels);
        r_.text(j, path, "expectations", p.expectations);
        r_.text(j, path, "loyalty_factors", p.loyalty_factors);
        if (auto it = j.find("firmographics"); it != j.end()) {
            std::string fp = pointer_join(path, "firmographics");
            if (r_.object(*it, fp)) {
                r_.text(*it, fp, "company_size", p.firmographics.company_size);
                r_.text(*it, fp, "industry", p.firmographics.industry);
                r_.text(*it, fp, "region", p.firmographics.region);
                p.firmographics.unknown = JsonReader::unknown(*it, {"company_size", "industry", "region"});
            }
        }
        r_.text(j, path, "color", p.color);
        if (!p.color.empty() && !is_hex_colour(p.color))
            r_.problem(pointer_join(path, "color"), i18n::trf("color must look like #RRGGBB, got \"{value}\"", {{"value", limits::excerpt(p.color)}}));
        p.unknown = JsonReader::unknown(j, {"id", "name", "kind", "role", "job_title", "goals", "needs", "research_channels",
                                            "expectations", "loyalty_factors", "firmographics", "color"});
        return p;
    }

    Kpi kpi(const Json& j, const std::string& path) {
        Kpi k;
        if (!r_.object(j, path)) return k;
        read_id(j, path, k.id);
        r_.text(j, path, "name", k.name, true);
        r_.text(j, path, "unit", k.unit);
        r_.number(j, path, "current", k.current);
        r_.number(j, path, "target", k.target);
        r_.number(j, path, "previous", k.previous);
        enumeration(j, path, "direction", k.direction, kpi_direction_from_key, "\"higher\", \"lower\"");
        k.unknown = JsonReader::unknown(j, {"id", "name", "unit", "current", "target", "previous", "direction"});
        return k;
    }

    Survey survey(const Json& j, const std::string& path) {
        Survey s;
        if (!r_.object(j, path)) return s;
        std::vector<std::int64_t> v;
        if (r_.counts(j, path, "nps", v, 11)) std::copy(v.begin(), v.end(), s.nps.begin());
        if (r_.counts(j, path, "csat", v, 5)) std::copy(v.begin(), v.end(), s.csat.begin());
        std::optional<int> scale;
        r_.optional_integer(j, path, "ces_scale", scale, 0, 1000);
        if (scale) s.ces_scale = *scale;
        if (s.ces_scale != 5 && s.ces_scale != 7) {
            r_.problem(pointer_join(path, "ces_scale"), i18n::trf("ces_scale must be 5 or 7, got {value}", {{"value", std::to_string(s.ces_scale)}}));
            s.ces_scale = 7;
        }
        r_.boolean(j, path, "ces_low_is_easy", s.ces_low_is_easy);
        if (j.contains("ces")) r_.counts(j, path, "ces", s.ces, static_cast<std::size_t>(s.ces_scale));
        s.unknown = JsonReader::unknown(j, {"nps", "csat", "ces_scale", "ces_low_is_easy", "ces"});
        return s;
    }

    Touchpoint touchpoint(const Json& j, const std::string& path) {
        Touchpoint t;
        if (!r_.object(j, path)) return t;
        read_id(j, path, t.id);
        r_.text(j, path, "title", t.title, true);
        r_.text(j, path, "description", t.description);
        r_.text(j, path, "doing", t.doing);
        r_.text(j, path, "thinking", t.thinking);
        r_.text(j, path, "channel", t.channel);
        r_.text(j, path, "owner", t.owner);
        r_.text(j, path, "backstage", t.backstage);
        r_.text_list(j, path, "persona_ids", t.persona_ids);
        for (std::size_t i = 0; i < t.persona_ids.size(); ++i)
            persona_refs_.push_back({pointer_join(pointer_join(path, "persona_ids"), i), t.persona_ids[i]});
        r_.integer(j, path, "friction", t.friction, 0, 5);
        r_.integer(j, path, "emotion", t.emotion, -2, 2);
        r_.optional_integer(j, path, "target_friction", t.target_friction, 0, 5);
        r_.optional_integer(j, path, "target_emotion", t.target_emotion, -2, 2);
        r_.text_list(j, path, "pains", t.pains);
        r_.text_list(j, path, "opportunities", t.opportunities);
        if (auto it = j.find("evidence"); it != j.end()) {
            std::string ep = pointer_join(path, "evidence");
            if (r_.object(*it, ep)) {
                r_.text_list(*it, ep, "quotes", t.evidence.quotes);
                r_.text(*it, ep, "source", t.evidence.source);
                t.evidence.unknown = JsonReader::unknown(*it, {"quotes", "source"});
            }
        }
        if (j.contains("survey")) t.survey = survey(j["survey"], pointer_join(path, "survey"));
        if (j.contains("survey_previous")) t.survey_previous = survey(j["survey_previous"], pointer_join(path, "survey_previous"));
        r_.count(j, path, "volume", t.volume);
        t.unknown = JsonReader::unknown(j, {"id", "title", "description", "doing", "thinking", "channel", "owner", "backstage",
                                            "persona_ids", "friction", "emotion", "target_friction", "target_emotion", "pains",
                                            "opportunities", "evidence", "survey", "survey_previous", "volume"});
        return t;
    }

    Stage stage(const Json& j, const std::string& path) {
        Stage s;
        if (!r_.object(j, path)) return s;
        read_id(j, path, s.id);
        r_.text(j, path, "name", s.name, true);
        r_.text(j, path, "description", s.description);
        r_.text(j, path, "goal", s.goal);
        r_.text(j, path, "owner", s.owner);
        r_.text(j, path, "business_voice", s.business_voice);
        if (auto it = j.find("kpis"); it != j.end()) {
            std::string kp = pointer_join(path, "kpis");
            if (!it->is_array()) r_.problem(kp, i18n::trf("must be a list, got {kind}", {{"kind", kind_of(*it)}}));
            else if (r_.within(it->size(), limits::kMaxListItems, kp, "KPIs", "per stage"))
                for (std::size_t i = 0; i < it->size(); ++i) s.kpis.push_back(kpi((*it)[i], pointer_join(kp, i)));
        }
        r_.count(j, path, "funnel_count", s.funnel_count);
        r_.count(j, path, "funnel_count_previous", s.funnel_count_previous);
        if (auto it = j.find("handoff"); it != j.end()) {
            std::string hp = pointer_join(path, "handoff");
            if (r_.object(*it, hp)) {
                r_.text(*it, hp, "from_team", s.handoff.from_team);
                r_.text(*it, hp, "to_team", s.handoff.to_team);
                r_.text(*it, hp, "agreement", s.handoff.agreement);
                s.handoff.unknown = JsonReader::unknown(*it, {"from_team", "to_team", "agreement"});
            }
        }
        if (j.contains("survey")) s.survey = survey(j["survey"], pointer_join(path, "survey"));
        if (j.contains("survey_previous")) s.survey_previous = survey(j["survey_previous"], pointer_join(path, "survey_previous"));
        if (auto it = j.find("touchpoints"); it != j.end()) {
            std::string tp = pointer_join(path, "touchpoints");
            if (!it->is_array()) {
                r_.problem(tp, i18n::trf("must be a list, got {kind}", {{"kind", kind_of(*it)}}));
            } else if (touchpoints_ + it->size() > limits::kMaxTouchpoints) {
                // Reported once, at the stage that goes over; later stages are not counted again.
                if (touchpoints_ <= limits::kMaxTouchpoints)
                    r_.problem(tp, i18n::trf("too many touchpoints: the limit is {limit} touchpoints per map (with this stage, the map has {count})",
                                         {{"limit", i18n::localize_number(limits::with_thousands(limits::kMaxTouchpoints))},
                                          {"count", i18n::localize_number(limits::with_thousands(touchpoints_ + it->size()))}}));
                touchpoints_ = limits::kMaxTouchpoints + 1;
            } else {
                touchpoints_ += it->size();
                for (std::size_t i = 0; i < it->size() && !r_.full(); ++i)
                    s.touchpoints.push_back(touchpoint((*it)[i], pointer_join(tp, i)));
            }
        }
        s.unknown = JsonReader::unknown(j, {"id", "name", "description", "goal", "owner", "business_voice", "kpis", "funnel_count",
                                            "funnel_count_previous", "handoff", "survey", "survey_previous", "touchpoints"});
        return s;
    }

    // Where the map was forked from (format version 2). The ids named here are
    // other maps' (or this map's own, as it was): they are not claimed.
    Lineage lineage(const Json& j, const std::string& path) {
        Lineage l;
        if (!r_.object(j, path)) return l;
        if (auto it = j.find("bases"); it != j.end()) {
            std::string bp = pointer_join(path, "bases");
            if (!it->is_array()) r_.problem(bp, i18n::trf("must be a list, got {kind}", {{"kind", kind_of(*it)}}));
            else if (r_.within(it->size(), limits::kMaxListItems, bp, "entries", "per list"))
                for (std::size_t i = 0; i < it->size(); ++i) l.bases.push_back(ancestor((*it)[i], pointer_join(bp, i)));
        }
        l.unknown = JsonReader::unknown(j, {"bases"});
        return l;
    }

    Ancestor ancestor(const Json& j, const std::string& path) {
        Ancestor a;
        if (!r_.object(j, path)) return a;
        const bool has_id = j.contains("id") && j["id"].is_string();
        r_.text(j, path, "id", a.id, true);
        if (has_id && j["id"].get_ref<const std::string&>().empty()) r_.problem(pointer_join(path, "id"), i18n::tr("an id must not be empty"));
        const bool has_hash = j.contains("hash") && j["hash"].is_string();
        r_.text(j, path, "hash", a.hash, true);
        // Judged once read: a text over the length limit has had its problem.
        if (has_hash && a.hash == j["hash"].get_ref<const std::string&>() && !is_content_hash(a.hash))
            r_.problem(pointer_join(path, "hash"),
                       i18n::trf("must be a content hash, 64 lowercase hexadecimal digits (SHA-256), got \"{value}\"",
                                 {{"value", limits::excerpt(a.hash)}}));
        r_.text(j, path, "forked", a.forked);
        a.unknown = JsonReader::unknown(j, {"id", "hash", "forked"});
        return a;
    }

    Period period(const Json& j, const std::string& path) {
        Period p;
        if (!r_.object(j, path)) return p;
        r_.text(j, path, "label", p.label);
        r_.number(j, path, "customers_start", p.customers_start);
        r_.number(j, path, "customers_lost", p.customers_lost);
        r_.number(j, path, "customers_acquired", p.customers_acquired);
        r_.number(j, path, "revenue_start", p.revenue_start);
        r_.number(j, path, "revenue_expansion", p.revenue_expansion);
        r_.number(j, path, "revenue_contraction", p.revenue_contraction);
        r_.number(j, path, "revenue_churned", p.revenue_churned);
        r_.number(j, path, "arpa", p.arpa);
        r_.number(j, path, "gross_margin", p.gross_margin);
        r_.number(j, path, "cac", p.cac);
        p.unknown = JsonReader::unknown(j, {"label", "customers_start", "customers_lost", "customers_acquired", "revenue_start",
                                            "revenue_expansion", "revenue_contraction", "revenue_churned", "arpa", "gross_margin", "cac"});
        return p;
    }
};

// The format marker and version; false when the file cannot be read as a map at all.
bool check_header(const Json& doc, LoadResult& result) {
    JsonReader r(result.problems);
    auto fmt = doc.find("format");
    if (fmt == doc.end()) {
        r.problem("/format", i18n::tr("missing required field \"format\": this is not a journey map file"));
        return false;
    }
    if (!fmt->is_string() || fmt->get<std::string>() != "journeymap") {
        r.problem("/format", i18n::trf("wrong format marker {value}: a journey map file has \"format\": \"journeymap\"", {{"value", shown(*fmt)}}));
        return false;
    }
    auto ver = doc.find("version");
    // 1.0 is accepted like 1, as JSON Schema's "integer" (and every JavaScript program) sees it.
    const bool whole = ver != doc.end() && (ver->is_number_integer() ||
                                            (ver->is_number_float() && std::floor(ver->get<double>()) == ver->get<double>() &&
                                             std::abs(ver->get<double>()) < 1e9));
    if (!whole) {
        r.problem("/version", ver == doc.end() ? i18n::trf("missing required field \"{field}\"", {{"field", "version"}})
                                            : i18n::trf("version must be a whole number, got {value}", {{"value", shown(*ver)}}));
        return false;
    }
    long long v = ver->is_number_float() ? static_cast<long long>(ver->get<double>()) : ver->get<long long>();
    result.source_version = static_cast<int>(v);
    if (v > kFormatVersion) {
        r.problem("/version", i18n::trf("made by a newer version: {version}; this program reads up to version {supported}. Update the editor to open it.",
                                        {{"version", std::to_string(v)}, {"supported", std::to_string(kFormatVersion)}}));
        return false;
    }
    if (v < 1) {
        r.problem("/version", i18n::trf("version must be 1 or more, got {value}", {{"value", std::to_string(v)}}));
        return false;
    }
    return true;
}

// The bytes as a JSON document, once they pass the limits and the encoding
// check; nothing (with the problem in `result`) otherwise. The decoded text is
// freed on return, before the map is read out of the document.
std::optional<Json> parse_document(std::string_view bytes, LoadResult& result) {
    if (bytes.size() > limits::kMaxFileBytes) {
        result.problems.push_back({"", limits::file_too_large(bytes.size())});
        return std::nullopt;
    }
    const DecodedText decoded = decode_imported_text(bytes);
    if (!decoded.utf8) {
        result.problems.push_back({"", decoded.line > 0 ? i18n::trf("line {line}: {problem}", {{"line", std::to_string(decoded.line)},
                                                                                                {"problem", decoded.problem}})
                                                        : decoded.problem});
        return std::nullopt;
    }
    if (!decoded.notice.empty()) result.notices.push_back(decoded.notice);
    if (auto deep = nesting_problem(*decoded.utf8)) {
        result.problems.push_back({"", *deep});
        return std::nullopt;
    }
    std::string error;
    auto parsed = parse_json(*decoded.utf8, error);
    if (!parsed) result.problems.push_back({"", error});
    return parsed;
}

}  // namespace

LoadResult load_map_json_checked(std::string_view bytes) {
    LoadResult result;
    auto parsed = parse_document(bytes, result);
    if (!parsed) return result;
    Json doc = std::move(*parsed);
    if (!doc.is_object()) {
        result.problems.push_back({"", i18n::trf("a map file must be a JSON object, got {kind}", {{"kind", kind_of(doc)}})});
        return result;
    }
    int from = migration_source_version(doc);
    if (from < kFormatVersion) {
        result.source_version = from;
        std::string why = migrate_to_current(doc, from);
        if (!why.empty()) {
            result.problems.push_back({"", i18n::trf("cannot upgrade this version {version} file: {reason}", {{"version", std::to_string(from)}, {"reason", why}})});
            return result;
        }
        result.migrated = true;
    }
    int declared = result.source_version;
    if (!check_header(doc, result)) return result;
    if (result.migrated) result.source_version = declared;
    MapReader reader(result.problems);
    Map map = reader.read(doc);
    if (result.problems.empty()) result.map = std::move(map);
    return result;
}

// A problem-free file of the current version is read by the fast reader
// (map_json_fast.cpp), which gives up at anything else; this reader then reads
// it again and reports every problem, so messages never depend on which ran.
LoadResult load_map_json(std::string_view bytes) {
    if (auto fast = load_map_json_fast(bytes)) return std::move(*fast);
    return load_map_json_checked(bytes);
}

}  // namespace jm
