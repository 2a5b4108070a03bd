#include "metrics/business.h"

#include <cmath>

#include "i18n/i18n.h"
#include "metrics/text_format.h"

namespace jm {

namespace {

// What is wrong with an input that must be given, finite and not negative.
enum class Input { Usable, NotGiven, NotFinite, Negative };

Input check(const std::optional<double>& v) {
    if (!v) return Input::NotGiven;
    if (!std::isfinite(*v)) return Input::NotFinite;
    if (*v < 0) return Input::Negative;
    return Input::Usable;
}

// Why an input is not usable: "customers lost not given". `not_given` is the
// sentence for a missing value (some add a hint: "(enter 0 if there was none)").
// `name` is an English key ("customers at start"), shown translated (ARPA and
// CAC, abbreviations, have no translation and stay as they are).
std::string input_problem(Input problem, const std::optional<double>& v, const char* name,
                          const char* not_given = "{input} not given") {
    const std::string input = i18n::tr(name);
    if (problem == Input::NotGiven) return i18n::trf(not_given, {{"input", input}});
    if (problem == Input::NotFinite) return i18n::trf("{input} is not a finite number", {{"input", input}});
    return i18n::trf("{input} ({value}) is negative", {{"value", format_plain(*v)}, {"input", input}});
}

// Checks an input that must be given, finite and not negative; sets `why` otherwise.
bool usable(const std::optional<double>& v, const char* name, std::string& why,
            const char* not_given = "{input} not given") {
    const Input problem = check(v);
    if (problem == Input::Usable) return true;
    why = input_problem(problem, v, name, not_given);
    return false;
}

double base_of(const std::optional<double>& v) { return v && std::isfinite(*v) && *v > 0 ? *v : 0; }

// a + b for a reason's text; two values near the largest double add up to infinity.
std::string format_sum(double a, double b) {
    const double sum = a + b;
    return std::isfinite(sum) ? format_plain(sum) : format_plain(a) + " + " + format_plain(b);
}

}  // namespace

Figure churn_rate(const Period& p) {
    const double base = base_of(p.customers_start);
    std::string why;
    if (!usable(p.customers_start, "customers at start", why) || !usable(p.customers_lost, "customers lost", why))
        return unavailable_figure(why, base, kChurnFormula, "%");
    const double start = *p.customers_start, lost = *p.customers_lost;
    if (start == 0) return unavailable_figure(i18n::tr("zero customers at start"), 0, kChurnFormula, "%");
    if (lost > start)
        return unavailable_figure(i18n::trf("lost ({lost}) > customers at start ({start})",
                                            {{"lost", format_plain(lost)}, {"start", format_plain(start)}}),
                                  base, kChurnFormula, "%");
    return make_figure(100.0 * (lost / start), start, kChurnFormula, "%");   // 100 x lost alone may overflow
}

Figure retention_rate(const Period& p) {
    Figure churn = churn_rate(p);
    if (!churn.value) return unavailable_figure(churn.unavailable, churn.base, kRetentionFormula, "%");
    return make_figure(100.0 - *churn.value, churn.base, kRetentionFormula, "%");
}

Figure net_revenue_retention(const Period& p) {
    const double base = base_of(p.revenue_start);
    std::string why;
    if (!usable(p.revenue_start, "revenue at start", why))
        return unavailable_figure(why, base, kNrrFormula, "%");
    // Components are required rather than taken as 0, so a missing input never
    // passes for "none"; the reason tells the user to enter 0 when there was none.
    constexpr const char* kNoneIsZero = "{input} not given (enter 0 if there was none)";
    if (!usable(p.revenue_expansion, "revenue expansion", why, kNoneIsZero) ||
        !usable(p.revenue_contraction, "revenue contraction", why, kNoneIsZero) ||
        !usable(p.revenue_churned, "churned revenue", why, kNoneIsZero))
        return unavailable_figure(why, base, kNrrFormula, "%");
    const double start = *p.revenue_start;
    if (start == 0) return unavailable_figure(i18n::tr("zero revenue at start"), 0, kNrrFormula, "%");
    const double lost = *p.revenue_contraction + *p.revenue_churned;   // infinite only when > start
    if (lost > start)
        return unavailable_figure(i18n::trf("contraction + churned revenue ({lost}) > revenue at start ({start})",
                                            {{"lost", format_sum(*p.revenue_contraction, *p.revenue_churned)},
                                             {"start", format_plain(start)}}),
                                  base, kNrrFormula, "%");
    // As shares of the start revenue, so that revenues near the largest double
    // still give a figure where (start + expansion - lost) would overflow.
    const double share = 1.0 + *p.revenue_expansion / start - (*p.revenue_contraction / start + *p.revenue_churned / start);
    return make_figure(100.0 * share, start, kNrrFormula, "%");
}

Figure customer_lifetime_value(const Period& p) {
    Figure churn = churn_rate(p);
    const double base = churn.base;
    if (!churn.value)
        return unavailable_figure(i18n::trf("churn rate not available: {reason}", {{"reason", churn.unavailable}}), base,
                                  kClvFormula, "money");
    if (*churn.value == 0)
        return unavailable_figure(i18n::tr("churn rate is 0%: the lifetime has no end"), base, kClvFormula, "money");
    std::string why;
    if (!usable(p.arpa, "ARPA", why)) return unavailable_figure(why, base, kClvFormula, "money");
    if (!p.gross_margin) return unavailable_figure(i18n::tr("gross margin not given"), base, kClvFormula, "money");
    const double margin = *p.gross_margin;
    if (!std::isfinite(margin) || margin < 0 || margin > 1)
        return unavailable_figure(i18n::trf("gross margin {value} outside 0..1", {{"value", format_plain(margin)}}), base,
                                  kClvFormula, "money");
    if (!usable(p.cac, "CAC", why, "{input} not given (enter 0 to leave acquisition cost out)"))
        return unavailable_figure(why, base, kClvFormula, "money");
    return make_figure(*p.arpa * margin / (*churn.value / 100.0) - *p.cac, base, kClvFormula, "money");
}

BusinessMetrics business_metrics(const Period& current, const Period* previous) {
    BusinessMetrics b;
    b.period = current.label;
    b.churn_rate = churn_rate(current);
    b.retention_rate = retention_rate(current);
    b.net_revenue_retention = net_revenue_retention(current);
    b.clv = customer_lifetime_value(current);
    if (previous) {
        b.previous_period = previous->label;
        set_previous(b.churn_rate, churn_rate(*previous).value);
        set_previous(b.retention_rate, retention_rate(*previous).value);
        set_previous(b.net_revenue_retention, net_revenue_retention(*previous).value);
        set_previous(b.clv, customer_lifetime_value(*previous).value);
    }
    return b;
}

}  // namespace jm
