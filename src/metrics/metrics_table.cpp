// The terminal rendering of MapMetrics: one section per kind of metric, columns
// aligned by display width so Chinese names line up too.
#include <sstream>
#include <vector>

#include "metrics/metrics_json.h"
#include "metrics/saturating.h"
#include "metrics/text_format.h"

namespace jm {

namespace {

struct Column {
    std::string title;
    std::size_t width;
    bool right = false;
};

class Table {
public:
    explicit Table(std::vector<Column> columns) : columns_(std::move(columns)) {}
    void row(const std::vector<std::string>& cells) { rows_.push_back(cells); }
    void print(std::ostream& out) const {
        line(out, titles());
        for (const auto& r : rows_) line(out, r);
    }

private:
    std::vector<std::string> titles() const {
        std::vector<std::string> t;
        for (const auto& c : columns_) t.push_back(c.title);
        return t;
    }
    void line(std::ostream& out, const std::vector<std::string>& cells) const {
        std::string text = " ";
        for (std::size_t i = 0; i < columns_.size(); ++i) {
            const std::string cell = i < cells.size() ? cells[i] : "";
            const bool last = i + 1 == columns_.size();
            text += " " + (last && !columns_[i].right ? cell : fit_column(cell, columns_[i].width, columns_[i].right));
        }
        while (!text.empty() && text.back() == ' ') text.pop_back();
        out << text << "\n";
    }
    std::vector<Column> columns_;
    std::vector<std::vector<std::string>> rows_;
};

std::string value(const Figure& f, int decimals, const std::string& suffix = "") {
    return f.value ? format_fixed(*f.value, decimals) + suffix : "n/a";
}

// "12.5%  (was 14.0%, -1.5)" or "n/a: zero customers at start".
std::string with_change(const Figure& f, int decimals, const std::string& suffix) {
    if (!f.value) return "n/a: " + (f.unavailable.empty() ? std::string("not available") : f.unavailable);
    std::string s = format_fixed(*f.value, decimals) + suffix;
    if (f.previous) {
        s += "  (was " + format_fixed(*f.previous, decimals) + suffix;
        if (f.delta) s += ", " + format_delta(*f.delta, decimals);
        s += ")";
    }
    return s;
}

std::string plural(std::int64_t n, const char* noun) {
    return format_count(n) + " " + noun + (n == 1 ? "" : "s");
}

std::string answers(const Figure& f) {
    return format_count(count_from_double(f.base)) + (f.base == 1 ? " answer" : " answers");
}

void survey_section(std::ostream& out, const SurveyFigures& s) {
    out << "  NPS       " << with_change(s.nps, 1, "");
    if (s.nps.value)
        out << "   " << answers(s.nps) << ": " << format_count(s.promoters) << " promoters, " << format_count(s.passives)
            << " passives, " << format_count(s.detractors) << " detractors";
    out << "\n  CSAT      " << with_change(s.csat, 1, "%");
    if (s.csat.value) out << "   " << answers(s.csat);
    out << "\n  CES       " << with_change(s.ces_mean, 2, "");
    if (s.ces_mean.value)
        out << " on 1.." << s.ces_scale << " (" << (s.ces_low_is_easy ? "1" : std::to_string(s.ces_scale))
            << " = easiest)   " << answers(s.ces_mean);
    out << "\n  CES ease  " << with_change(s.ces_ease, 1, "/100") << "\n";
}

void business_section(std::ostream& out, const Map& map, const BusinessMetrics& b) {
    std::string when = b.period.empty() ? "this period" : b.period;
    if (!b.previous_period.empty()) when += " vs " + b.previous_period;
    out << "\nBUSINESS (" << when << ")\n";
    const std::string money = map.currency.empty() ? "" : " " + map.currency;
    out << "  Churn rate            " << with_change(b.churn_rate, 1, "%") << "\n";
    out << "  Retention rate        " << with_change(b.retention_rate, 1, "%") << "\n";
    out << "  Net revenue retention " << with_change(b.net_revenue_retention, 1, "%") << "\n";
    out << "  CLV                   " << with_change(b.clv, 0, money) << "\n";
    out << "  (" << kClvFormula << ")\n";
}

void funnel_section(std::ostream& out, const Map& map, const FunnelMetrics& f) {
    out << "\nFUNNEL\n";
    Table t({{"Stage", 24}, {"Customers", 10, true}, {"Conversion", 11, true}, {"Drop-off", 9, true}, {"Note", 0}});
    for (const auto& s : f.steps)
        t.row({map.stages[s.stage].name, s.count ? format_count(*s.count) : "-",
               s.stage == 0 ? "" : value(s.conversion, 1, "%"), s.stage == 0 ? "" : value(s.drop_off, 1, "%"),
               s.anomaly.empty() ? "" : "! " + s.anomaly});
    t.print(out);
    out << "  Overall conversion: " << with_change(f.overall, 1, "%");
    if (f.first_stage >= 0 && f.last_stage > f.first_stage)
        out << "  (" << map.stages[f.first_stage].name << " -> " << map.stages[f.last_stage].name << ")";
    out << "\n";
}

void stages_section(std::ostream& out, const Map& map, const MapMetrics& m) {
    out << "\nSTAGES\n";
    Table t({{"Stage", 24}, {"TPs", 6, true}, {"Friction", 8, true}, {"Emotion", 7, true}, {"NPS", 6, true},
             {"CSAT", 6, true}, {"Ease", 5, true}, {"Health", 8}, {"Main reason", 0}});
    for (std::size_t s = 0; s < m.stages.size(); ++s) {
        const StageMetrics& sm = m.stages[s];
        const RollupMetrics& r = sm.rollup;
        t.row({map.stages[s].name, format_count(r.touchpoints), value(r.mean_friction, 1), value(r.mean_emotion, 1),
               value(r.survey.nps, 0), value(r.survey.csat, 0, "%"), value(r.survey.ces_ease, 0),
               health_key(sm.health.status), sm.health.reasons.empty() ? "" : sm.health.reasons.front().text});
    }
    t.print(out);
}

void kpis_section(std::ostream& out, const Map& map, const MapMetrics& m) {
    Table t({{"Stage", 18}, {"KPI", 22}, {"Current", 10, true}, {"Target", 10, true}, {"Previous", 10, true},
             {"Status", 10}, {"Trend", 0}});
    bool any = false;
    for (const auto& sm : m.stages)
        for (const auto& k : sm.kpis) {
            const Kpi& kpi = map.stages[k.stage].kpis[k.index];
            auto num = [&](const std::optional<double>& v) { return v ? format_plain(*v) + kpi.unit : "-"; };
            t.row({map.stages[k.stage].name, kpi.name, num(k.value.value), num(k.target), num(k.value.previous),
                   kpi_status_label(k.status), kpi_trend_key(k.trend)});
            any = true;
        }
    if (!any) return;
    out << "\nKPIS\n";
    t.print(out);
}

void personas_section(std::ostream& out, const Map& map, const MapMetrics& m) {
    if (m.personas.empty()) return;
    out << "\nPERSONAS\n";
    Table t({{"Persona", 24}, {"TPs", 6, true}, {"Friction", 8, true}, {"Emotion", 7, true}, {"NPS", 6, true},
             {"CSAT", 6, true}, {"Ease", 5, true}});
    for (std::size_t p = 0; p < m.personas.size(); ++p) {
        const RollupMetrics& r = m.personas[p].rollup;
        t.row({map.personas[p].name, format_count(r.touchpoints), value(r.mean_friction, 1), value(r.mean_emotion, 1),
               value(r.survey.nps, 0), value(r.survey.csat, 0, "%"), value(r.survey.ces_ease, 0)});
    }
    t.print(out);
}

void hotspots_section(std::ostream& out, const Map& map, const Hotspots& h) {
    out << "\nTOP HOTSPOTS (score 0..100: " << kHotspotFormula << ")\n";
    Table t({{"#", 3, true}, {"Score", 5, true}, {"Touchpoint", 24}, {"Stage", 16}, {"Why", 0}});
    for (std::size_t i = 0; i < h.touchpoints.size(); ++i) {
        const Hotspot& e = h.touchpoints[i];
        t.row({std::to_string(i + 1), format_fixed(e.score, 1), map.stages[e.stage].touchpoints[e.touchpoint].title,
               map.stages[e.stage].name, e.why});
    }
    t.print(out);
    if (h.touchpoints.empty()) out << "  (no touchpoints to rank)\n";
    out << "\nSTAGES BY PRIORITY\n";
    Table st({{"#", 3, true}, {"Score", 5, true}, {"Stage", 24}, {"Why", 0}});
    for (std::size_t i = 0; i < h.stages.size(); ++i)
        st.row({std::to_string(i + 1), format_fixed(h.stages[i].score, 1), map.stages[h.stages[i].stage].name,
                h.stages[i].why});
    st.print(out);
}

}  // namespace

std::string metrics_table(const Map& map, const MapMetrics& m) {
    std::ostringstream out;
    out << "METRICS: " << (map.title.empty() ? map.id : map.title) << "\n";
    if (!m.persona_filter.empty()) {
        const Persona* p = find_persona(map, m.persona_filter);
        out << "Persona filter: " << (p ? p->name + " (" + p->id + ")" : m.persona_filter + " (no such persona)") << "\n";
    }
    out << plural(m.totals.touchpoints, "touchpoint") << ", " << plural(m.stages.size(), "stage") << ", "
        << plural(m.personas.size(), "persona") << "; mean friction " << value(m.totals.mean_friction, 1, "/5")
        << ", mean emotion " << value(m.totals.mean_emotion, 1) << "\n\nSURVEYS ("
        << (m.persona_filter.empty() ? "whole map" : "touchpoints of this persona") << ")\n";
    survey_section(out, m.totals.survey);
    business_section(out, map, m.business);
    funnel_section(out, map, m.funnel);
    stages_section(out, map, m);
    kpis_section(out, map, m);
    personas_section(out, map, m);
    hotspots_section(out, map, m.hotspots);
    return out.str();
}

}  // namespace jm
