// The terminal rendering of MapMetrics: one section per kind of metric, columns
// aligned by display width so Chinese names line up too.
#include <algorithm>
#include <initializer_list>
#include <sstream>
#include <vector>

#include "i18n/i18n.h"
#include "metrics/metrics_json.h"
#include "metrics/saturating.h"
#include "metrics/text_format.h"

namespace jm {

namespace {

struct Column {
    std::string title;   // translated
    std::size_t width;   // at least this wide, and as wide as the title
    bool right = false;
};

// The widest of some texts, in columns: a column of translated words (health,
// KPI status) is as wide as its longest word, so none is cut.
std::size_t widest(std::size_t at_least, std::initializer_list<std::string> texts) {
    for (const auto& t : texts) at_least = std::max(at_least, display_width(t));
    return at_least;
}

class Table {
public:
    explicit Table(std::vector<Column> columns) : columns_(std::move(columns)) {
        for (auto& c : columns_) c.width = std::max(c.width, display_width(c.title));
    }
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

std::string tr(const char* english) { return i18n::tr(english); }

// A row label, indented and padded to `width` columns (by display width, so a
// Chinese label lines up too). `width` is widest() of the section's labels plus
// the space after them.
std::string label(const std::string& text, std::size_t width) {
    return "  " + text + std::string(width - display_width(text), ' ');
}

std::string value(const Figure& f, int decimals, const std::string& suffix = "") {
    return f.value ? with_unit(format_fixed(*f.value, decimals), suffix) : tr("n/a");
}

// "12.5%  (was 14.0%, -1.5)" or "n/a: zero customers at start".
std::string with_change(const Figure& f, int decimals, const std::string& suffix) {
    if (!f.value) return i18n::trf("n/a: {reason}", {{"reason", f.unavailable.empty() ? tr("not available") : f.unavailable}});
    const std::string now = with_unit(format_fixed(*f.value, decimals), suffix);
    if (!f.previous) return now;
    const std::string was = with_unit(format_fixed(*f.previous, decimals), suffix);
    if (!f.delta) return i18n::trf("{value}  (was {previous})", {{"value", now}, {"previous", was}});
    return i18n::trf("{value}  (was {previous}, {delta})",
                     {{"value", now}, {"previous", was}, {"delta", format_delta(*f.delta, decimals)}});
}

// "25 answers" ({count}, not trn's {n}: a count of answers may pass 2^53).
std::string answers(const Figure& f) {
    const std::int64_t n = count_from_double(f.base);
    return i18n::trn("{count} answers", n, {{"count", format_count(n)}});
}

void survey_section(std::ostream& out, const SurveyFigures& s) {
    const std::string ease = tr("CES ease");
    const std::size_t width = widest(9, {ease}) + 1;
    out << label("NPS", width) << with_change(s.nps, 1, "");
    if (s.nps.value)
        out << "   "
            << i18n::trf("{answers}: {promoters} promoters, {passives} passives, {detractors} detractors",
                         {{"answers", answers(s.nps)},
                          {"promoters", format_count(s.promoters)},
                          {"passives", format_count(s.passives)},
                          {"detractors", format_count(s.detractors)}});
    out << "\n" << label("CSAT", width) << with_change(s.csat, 1, "%");
    if (s.csat.value) out << "   " << answers(s.csat);
    out << "\n" << label("CES", width) << with_change(s.ces_mean, 2, "");
    if (s.ces_mean.value)
        out << " "
            << i18n::trf("on 1..{scale} ({easiest} = easiest)",
                         {{"scale", std::to_string(s.ces_scale)},
                          {"easiest", s.ces_low_is_easy ? "1" : std::to_string(s.ces_scale)}})
            << "   " << answers(s.ces_mean);
    out << "\n" << label(ease, width) << with_change(s.ces_ease, 1, "/100") << "\n";
}

void business_section(std::ostream& out, const Map& map, const BusinessMetrics& b) {
    std::string when = b.period.empty() ? tr("this period") : b.period;
    if (!b.previous_period.empty()) when = trf_once("{period} vs {previous}", {{"period", when}, {"previous", b.previous_period}});
    out << "\n" << i18n::trf("BUSINESS ({period})", {{"period", when}}) << "\n";
    const std::string money = map.currency.empty() ? "" : " " + map.currency;
    const std::string churn = tr("Churn rate"), retention = tr("Retention rate"), nrr = tr("Net revenue retention");
    const std::size_t width = widest(21, {churn, retention, nrr}) + 1;
    out << label(churn, width) << with_change(b.churn_rate, 1, "%") << "\n";
    out << label(retention, width) << with_change(b.retention_rate, 1, "%") << "\n";
    out << label(nrr, width) << with_change(b.net_revenue_retention, 1, "%") << "\n";
    out << label("CLV", width) << with_change(b.clv, 0, money) << "\n";
    out << "  (" << tr(kClvFormula) << ")\n";
}

void funnel_section(std::ostream& out, const Map& map, const FunnelMetrics& f) {
    out << "\n" << tr("FUNNEL") << "\n";
    Table t({{tr("Stage"), 24}, {tr("Customers"), 10, true}, {tr("Conversion"), 11, true}, {tr("Drop-off"), 9, true},
             {tr("Note"), 0}});
    for (const auto& s : f.steps)
        t.row({map.stages[s.stage].name, s.count ? format_count(*s.count) : "-",
               s.stage == 0 ? "" : value(s.conversion, 1, "%"), s.stage == 0 ? "" : value(s.drop_off, 1, "%"),
               s.anomaly.empty() ? "" : "! " + s.anomaly});
    t.print(out);
    out << "  " << i18n::trf("Overall conversion: {value}", {{"value", with_change(f.overall, 1, "%")}});
    if (f.first_stage >= 0 && f.last_stage > f.first_stage)
        out << "  (" << map.stages[f.first_stage].name << " -> " << map.stages[f.last_stage].name << ")";
    out << "\n";
}

void stages_section(std::ostream& out, const Map& map, const MapMetrics& m) {
    out << "\n" << tr("STAGES") << "\n";
    Table t({{tr("Stage"), 24}, {tr("TPs"), 6, true}, {tr("Friction"), 8, true}, {tr("Emotion"), 7, true},
             {"NPS", 6, true}, {"CSAT", 6, true}, {tr("Ease"), 5, true},
             {tr("Health"), widest(8, {tr("good"), tr("warning"), tr("bad"), tr("unknown")})}, {tr("Main reason"), 0}});
    for (std::size_t s = 0; s < m.stages.size(); ++s) {
        const StageMetrics& sm = m.stages[s];
        const RollupMetrics& r = sm.rollup;
        t.row({map.stages[s].name, format_count(r.touchpoints), value(r.mean_friction, 1), value(r.mean_emotion, 1),
               value(r.survey.nps, 0), value(r.survey.csat, 0, "%"), value(r.survey.ces_ease, 0),
               tr(health_key(sm.health.status)), sm.health.reasons.empty() ? "" : sm.health.reasons.front().text});
    }
    t.print(out);
}

void kpis_section(std::ostream& out, const Map& map, const MapMetrics& m) {
    Table t({{tr("Stage"), 18}, {"KPI", 22}, {tr("Current"), 10, true}, {tr("Target"), 10, true},
             {tr("Previous"), 10, true},
             {tr("Status"), widest(10, {tr("on target"), tr("off target"), tr("no target"), tr("no value")})},
             {tr("Trend"), 0}});
    bool any = false;
    for (const auto& sm : m.stages)
        for (const auto& k : sm.kpis) {
            const Kpi& kpi = map.stages[k.stage].kpis[k.index];
            auto num = [&](const std::optional<double>& v) { return v ? format_plain(*v) + kpi.unit : "-"; };
            t.row({map.stages[k.stage].name, kpi.name, num(k.value.value), num(k.target), num(k.value.previous),
                   tr(kpi_status_label(k.status)), tr(kpi_trend_key(k.trend))});
            any = true;
        }
    if (!any) return;
    out << "\n" << tr("KPIS") << "\n";
    t.print(out);
}

void personas_section(std::ostream& out, const Map& map, const MapMetrics& m) {
    if (m.personas.empty()) return;
    out << "\n" << tr("PERSONAS") << "\n";
    Table t({{tr("Persona"), 24}, {tr("TPs"), 6, true}, {tr("Friction"), 8, true}, {tr("Emotion"), 7, true},
             {"NPS", 6, true}, {"CSAT", 6, true}, {tr("Ease"), 5, true}});
    for (std::size_t p = 0; p < m.personas.size(); ++p) {
        const RollupMetrics& r = m.personas[p].rollup;
        t.row({map.personas[p].name, format_count(r.touchpoints), value(r.mean_friction, 1), value(r.mean_emotion, 1),
               value(r.survey.nps, 0), value(r.survey.csat, 0, "%"), value(r.survey.ces_ease, 0)});
    }
    t.print(out);
}

void hotspots_section(std::ostream& out, const Map& map, const Hotspots& h) {
    out << "\n" << i18n::trf("TOP HOTSPOTS (score 0..100: {formula})", {{"formula", tr(kHotspotFormula)}}) << "\n";
    Table t({{"#", 3, true}, {tr("Score"), 5, true}, {tr("Touchpoint"), 24}, {tr("Stage"), 16}, {tr("Why"), 0}});
    for (std::size_t i = 0; i < h.touchpoints.size(); ++i) {
        const Hotspot& e = h.touchpoints[i];
        t.row({std::to_string(i + 1), format_fixed(e.score, 1), map.stages[e.stage].touchpoints[e.touchpoint].title,
               map.stages[e.stage].name, e.why});
    }
    t.print(out);
    if (h.touchpoints.empty()) out << "  " << tr("(no touchpoints to rank)") << "\n";
    out << "\n" << tr("STAGES BY PRIORITY") << "\n";
    Table st({{"#", 3, true}, {tr("Score"), 5, true}, {tr("Stage"), 24}, {tr("Why"), 0}});
    for (std::size_t i = 0; i < h.stages.size(); ++i)
        st.row({std::to_string(i + 1), format_fixed(h.stages[i].score, 1), map.stages[h.stages[i].stage].name,
                h.stages[i].why});
    st.print(out);
}

}  // namespace

std::string metrics_table(const Map& map, const MapMetrics& m) {
    std::ostringstream out;
    out << i18n::trf("METRICS: {title}", {{"title", map.title.empty() ? map.id : map.title}}) << "\n";
    if (!m.persona_filter.empty()) {
        const Persona* p = find_persona(map, m.persona_filter);
        const std::string who = p ? trf_once("{name} ({id})", {{"name", p->name}, {"id", p->id}})
                                  : i18n::trf("{id} (no such persona)", {{"id", m.persona_filter}});
        out << i18n::trf("Persona filter: {persona}", {{"persona", who}}) << "\n";
    }
    out << i18n::trf("{touchpoints}, {stages}, {personas}; mean friction {friction}, mean emotion {emotion}",
                     {{"friction", value(m.totals.mean_friction, 1, "/5")},
                      {"emotion", value(m.totals.mean_emotion, 1)},
                      {"touchpoints", i18n::trn("{n} touchpoints", m.totals.touchpoints)},
                      {"stages", i18n::trn("{n} stages", static_cast<long long>(m.stages.size()))},
                      {"personas", i18n::trn("{n} personas", static_cast<long long>(m.personas.size()))}})
        << "\n\n"
        << i18n::trf("SURVEYS ({scope})", {{"scope", tr(m.persona_filter.empty() ? "whole map" : "touchpoints of this persona")}})
        << "\n";
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
