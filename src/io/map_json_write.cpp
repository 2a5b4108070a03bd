// Writing a map file in canonical form: keys in a fixed order (the format's
// order, then unknown keys sorted), 2-space indent, UTF-8, a final newline;
// absent values, empty strings and lists, and all-default objects are left out.
// The same map always gives the same bytes, so map files diff well in git.
#include <utility>

#include <nlohmann/json.hpp>

#include "io/map_json.h"

namespace jm {

namespace {

using Ordered = nlohmann::ordered_json;

class Writer {
public:
    explicit Writer(Ordered& obj) : obj_(obj) {}
    Writer& text(const char* key, const std::string& v) {
        if (!v.empty()) obj_[key] = v;
        return *this;
    }
    Writer& always(const char* key, Ordered v) {
        obj_[key] = std::move(v);
        return *this;
    }
    Writer& list(const char* key, const std::vector<std::string>& v) {
        if (!v.empty()) obj_[key] = v;
        return *this;
    }
    template <typename T>
    Writer& opt(const char* key, const std::optional<T>& v) {
        if (v) obj_[key] = *v;
        return *this;
    }
    Writer& object(const char* key, Ordered v) {
        if (!v.empty()) obj_[key] = std::move(v);
        return *this;
    }
    // Unknown keys go last, sorted (std::map order), exactly as they were read.
    void unknown(const UnknownFields& u) {
        for (const auto& [k, text] : u) {
            if (obj_.contains(k)) continue;   // a known key always wins
            Ordered value = Ordered::parse(text, nullptr, false);
            // Values the loader kept are always JSON; anything else is kept as text
            // rather than written as something the loader could not read back.
            obj_[k] = value.is_discarded() ? Ordered(text) : std::move(value);
        }
    }

private:
    Ordered& obj_;
};

Ordered survey(const Survey& s) {
    Ordered o = Ordered::object();
    Survey blank;
    if (s == blank) return o;
    Writer w(o);
    bool any_nps = false, any_csat = false;
    for (auto c : s.nps) any_nps = any_nps || c != 0;
    for (auto c : s.csat) any_csat = any_csat || c != 0;
    if (any_nps) w.always("nps", s.nps);
    if (any_csat) w.always("csat", s.csat);
    w.always("ces_scale", s.ces_scale);
    if (!s.ces_low_is_easy) w.always("ces_low_is_easy", false);
    if (!s.ces.empty()) w.always("ces", s.ces);
    w.unknown(s.unknown);
    return o;
}

Ordered kpi(const Kpi& k) {
    Ordered o = Ordered::object();
    Writer(o).always("id", k.id).always("name", k.name).text("unit", k.unit).opt("current", k.current).opt("target", k.target)
        .opt("previous", k.previous);
    if (k.direction != KpiDirection::HigherIsBetter) o["direction"] = kpi_direction_key(k.direction);
    Writer(o).unknown(k.unknown);
    return o;
}

Ordered touchpoint(const Touchpoint& t) {
    Ordered o = Ordered::object();
    Writer w(o);
    w.always("id", t.id).always("title", t.title).text("description", t.description).text("doing", t.doing)
        .text("thinking", t.thinking).text("channel", t.channel).text("owner", t.owner).text("backstage", t.backstage)
        .list("persona_ids", t.persona_ids);
    if (t.friction != 0) w.always("friction", t.friction);
    if (t.emotion != 0) w.always("emotion", t.emotion);
    w.opt("target_friction", t.target_friction).opt("target_emotion", t.target_emotion).list("pains", t.pains)
        .list("opportunities", t.opportunities);
    Ordered ev = Ordered::object();
    Writer(ev).list("quotes", t.evidence.quotes).text("source", t.evidence.source).unknown(t.evidence.unknown);
    w.object("evidence", std::move(ev)).object("survey", survey(t.survey));
    if (t.survey_previous) w.always("survey_previous", survey(*t.survey_previous));
    w.opt("volume", t.volume).unknown(t.unknown);
    return o;
}

Ordered stage(const Stage& s) {
    Ordered o = Ordered::object();
    Writer w(o);
    w.always("id", s.id).always("name", s.name).text("description", s.description).text("goal", s.goal).text("owner", s.owner)
        .text("business_voice", s.business_voice);
    if (!s.kpis.empty()) {
        Ordered kpis = Ordered::array();
        for (const auto& k : s.kpis) kpis.push_back(kpi(k));
        w.always("kpis", std::move(kpis));
    }
    w.opt("funnel_count", s.funnel_count).opt("funnel_count_previous", s.funnel_count_previous);
    Ordered h = Ordered::object();
    Writer(h).text("from_team", s.handoff.from_team).text("to_team", s.handoff.to_team).text("agreement", s.handoff.agreement)
        .unknown(s.handoff.unknown);
    w.object("handoff", std::move(h));
    if (s.survey) w.always("survey", survey(*s.survey));
    if (s.survey_previous) w.always("survey_previous", survey(*s.survey_previous));
    if (!s.touchpoints.empty()) {
        Ordered tps = Ordered::array();
        for (const auto& t : s.touchpoints) tps.push_back(touchpoint(t));
        w.always("touchpoints", std::move(tps));
    }
    w.unknown(s.unknown);
    return o;
}

Ordered persona(const Persona& p) {
    Ordered o = Ordered::object();
    Writer w(o);
    w.always("id", p.id).always("name", p.name).always("kind", persona_kind_key(p.kind)).always("role", committee_role_key(p.role))
        .text("job_title", p.job_title).text("goals", p.goals).text("needs", p.needs).text("research_channels", p.research_channels)
        .text("expectations", p.expectations).text("loyalty_factors", p.loyalty_factors);
    Ordered f = Ordered::object();
    Writer(f).text("company_size", p.firmographics.company_size).text("industry", p.firmographics.industry)
        .text("region", p.firmographics.region).unknown(p.firmographics.unknown);
    w.object("firmographics", std::move(f)).text("color", p.color).unknown(p.unknown);
    return o;
}

Ordered lineage(const Lineage& l) {
    Ordered o = Ordered::object();
    if (!l.bases.empty()) {
        Ordered bases = Ordered::array();
        for (const auto& a : l.bases) {
            Ordered b = Ordered::object();
            Writer(b).always("id", a.id).always("hash", a.hash).text("forked", a.forked).unknown(a.unknown);
            bases.push_back(std::move(b));
        }
        o["bases"] = std::move(bases);
    }
    Writer(o).unknown(l.unknown);
    return o;
}

Ordered period(const Period& p) {
    Ordered o = Ordered::object();
    Writer(o).text("label", p.label).opt("customers_start", p.customers_start).opt("customers_lost", p.customers_lost)
        .opt("customers_acquired", p.customers_acquired).opt("revenue_start", p.revenue_start)
        .opt("revenue_expansion", p.revenue_expansion).opt("revenue_contraction", p.revenue_contraction)
        .opt("revenue_churned", p.revenue_churned).opt("arpa", p.arpa).opt("gross_margin", p.gross_margin).opt("cac", p.cac)
        .unknown(p.unknown);
    return o;
}

}  // namespace

std::string save_map_json(const Map& m) {
    Ordered o = Ordered::object();
    Writer w(o);
    w.always("format", "journeymap").always("version", kFormatVersion).always("id", m.id).always("title", m.title)
        .text("description", m.description).text("objective", m.objective).text("segment", m.segment).text("author", m.author)
        .text("currency", m.currency).text("created", m.created).text("modified", m.modified)
        .object("lineage", lineage(m.lineage));
    Ordered lanes = Ordered::array();
    for (Lane l : m.lanes) lanes.push_back(lane_key(l));
    w.always("lanes", std::move(lanes));
    if (m.card_detail != CardDetail::Full) w.always("card_detail", card_detail_key(m.card_detail));
    Ordered stages = Ordered::array();
    for (const auto& s : m.stages) stages.push_back(stage(s));
    w.always("stages", std::move(stages));
    Ordered personas = Ordered::array();
    for (const auto& p : m.personas) personas.push_back(persona(p));
    w.always("personas", std::move(personas)).object("period", period(m.period));
    if (m.period_previous) w.always("period_previous", period(*m.period_previous));
    w.unknown(m.unknown);
    return o.dump(2, ' ', false, Ordered::error_handler_t::replace) + "\n";
}

}  // namespace jm
