#include "ui/core/display_names.h"

#include "i18n/i18n.h"
#include "model/map.h"

namespace jm::ui {

std::string channel_name(std::string_view channel) {
    for (const std::string& known : known_channels())
        if (known == channel) return i18n::tr(known.c_str());   // the key is the stored channel
    return std::string(channel);
}

std::string friction_badge(int level) { return i18n::trf("F{n}", {{"n", i18n::number(level)}}); }

std::string find_field_name(std::string_view field) {
    struct Pair { std::string_view field; const char* label; };
    // The labels are the inspector's (src/ui/inspector*.cpp), so the user finds
    // the field under the same name.
    static constexpr Pair kLabels[] = {
        {"title", "Title"},
        {"description", "Description"},
        {"doing", "Doing"},
        {"thinking", "Thinking"},
        {"channel", "Channel"},
        {"owner", "Owner"},
        {"backstage", "Backstage"},
        {"pains", "Pain points"},
        {"opportunities", "Opportunities"},
        {"evidence", "Evidence (quotes)"},
        {"name", "Name"},
        {"goal", "Goal"},
        {"business_voice", "Voice of the business"},
        {"kpis", "KPIs"},
        {"handoff", "Agreement / SLA"},
        {"job_title", "Job title"},
        {"goals", "Goals"},
        {"needs", "Needs and pains"},
        {"expectations", "Expectations"},
        {"objective", "Objective"},
    };
    for (const Pair& p : kLabels)
        if (p.field == field) return i18n::tr(p.label);
    return std::string(field);
}

}  // namespace jm::ui
