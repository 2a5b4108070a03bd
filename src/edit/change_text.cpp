// Words for changes shown to a person (edit/change_text.h).
#include "edit/change_text.h"

#include <cstring>

#include "edit/commands.h"
#include "i18n/i18n.h"

namespace jm {

const char* kind_label(EntityKind kind) {
    switch (kind) {
        case EntityKind::Map: return i18n::tr("Map");
        case EntityKind::Period: return i18n::tr("Business figures");
        case EntityKind::Lane: return i18n::tr("Lane");
        case EntityKind::Persona: return i18n::tr("Persona");
        case EntityKind::Stage: return i18n::tr("Stage");
        case EntityKind::Kpi: return i18n::tr("KPI");
        case EntityKind::Touchpoint: return i18n::tr("Touchpoint");
    }
    return "";
}

std::string entity_name(EntityKind kind, const std::string& id, const std::vector<const Map*>& maps) {
    std::string name;
    for (const Map* m : maps) {
        if (!name.empty()) break;
        switch (kind) {
            case EntityKind::Persona:
                if (const Persona* p = find_persona(*m, id)) name = p->name;
                break;
            case EntityKind::Stage:
                if (const Stage* s = find_stage(*m, id)) name = s->name;
                break;
            case EntityKind::Touchpoint:
                if (const Touchpoint* t = find_touchpoint(*m, id)) name = t->title;
                break;
            case EntityKind::Kpi:
                for (const auto& s : m->stages)
                    for (const auto& k : s.kpis)
                        if (k.id == id) name = k.name;
                break;
            case EntityKind::Lane:
                if (auto lane = lane_from_key(id)) name = i18n::tr(lane_label(*lane));
                break;
            default: break;
        }
    }
    return name;
}

std::string entity_label(EntityKind kind, const std::string& id, const std::vector<const Map*>& maps) {
    const std::string name = entity_name(kind, id, maps);
    std::string out = kind_label(kind);
    if (!name.empty()) out += " \"" + short_label(name) + "\"";
    if (kind != EntityKind::Map && kind != EntityKind::Lane) out += " (" + id + ")";
    return out;
}

namespace {

struct FieldName {
    const char* key;
    const char* label;   // a catalogue key
};

// The format's keys with the editor's words for them; a key shared by several
// kinds ("name", "owner") means the same everywhere.
constexpr FieldName kFieldNames[] = {
    {"title", "Title"}, {"description", "Description"}, {"objective", "Objective"}, {"segment", "Segment"},
    {"author", "Author"}, {"currency", "Currency"}, {"card_detail", "Card detail"}, {"name", "Name"},
    {"kind", "Persona type"}, {"role", "Committee role"}, {"job_title", "Job title"}, {"goals", "Goals"},
    {"needs", "Needs"}, {"research_channels", "Researches via"}, {"expectations", "Expectations"},
    {"loyalty_factors", "Loyalty factors"}, {"firmographics.company_size", "Company size"},
    {"firmographics.industry", "Industry"}, {"firmographics.region", "Region"}, {"color", "Colour"},
    {"goal", "Goal"}, {"owner", "Owner"}, {"business_voice", "Business voice"}, {"funnel_count", "Funnel count"},
    {"funnel_count_previous", "Previous funnel count"}, {"handoff.from_team", "From team"},
    {"handoff.to_team", "To team"}, {"handoff.agreement", "Agreement / SLA"}, {"survey", "Stage-level survey"},
    {"survey_previous", "Previous survey"}, {"unit", "Unit"}, {"current", "Current"}, {"target", "Target"},
    {"previous", "Previous"}, {"direction", "Direction"}, {"doing", "Doing"}, {"thinking", "Thinking"},
    {"channel", "Channel"}, {"backstage", "Backstage"}, {"persona_ids", "Personas"}, {"friction", "Friction"},
    {"emotion", "Emotion"}, {"target_friction", "Target friction"}, {"target_emotion", "Target emotion"},
    {"pains", "Pain points"}, {"opportunities", "Opportunities"}, {"evidence.quotes", "Quotes"},
    {"evidence.source", "Data source"}, {"survey.nps", "NPS answers"}, {"survey.csat", "CSAT answers (1-5)"},
    {"survey.ces", "CES answers (effort)"}, {"volume", "Volume"}, {"label", "Period"},
    {"customers_start", "Customers at start"}, {"customers_lost", "Customers lost"},
    {"customers_acquired", "Customers acquired"}, {"revenue_start", "Revenue at start"},
    {"revenue_expansion", "Expansion"}, {"revenue_contraction", "Contraction"}, {"revenue_churned", "Churned revenue"},
    {"arpa", "ARPA"}, {"gross_margin", "Gross margin"}, {"cac", "CAC"}, {"@stage", "Stage"},
};

}  // namespace

std::string field_label(EntityKind kind, const std::string& key) {
    if (key.empty()) return kind_label(kind);
    for (const auto& f : kFieldNames)
        if (key == f.key) return i18n::tr(f.label);
    return key;
}

std::string value_text(const nlohmann::json& value, std::size_t max_chars) {
    if (value.is_null()) return "-";
    if (value.is_string()) return short_label(value.get<std::string>(), max_chars);
    if (value.is_array() && !value.empty() && value.front().is_string()) {
        std::string joined;
        for (const auto& item : value) {
            if (!joined.empty()) joined += "; ";
            joined += item.is_string() ? item.get<std::string>() : item.dump();
        }
        return short_label(joined, max_chars);
    }
    return short_label(value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), max_chars);
}

}  // namespace jm
