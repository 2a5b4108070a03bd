#include "metrics/business.h"

#include <cmath>

#include "metrics/text_format.h"

namespace jm {

namespace {

// Checks an input that must be given, finite and not negative; sets `why` otherwise.
bool usable(const std::optional<double>& v, const char* name, std::string& why) {
    if (!v) why = std::string(name) + " not given";
    else if (!std::isfinite(*v)) why = std::string(name) + " is not a finite number";
    else if (*v < 0) why = std::string(name) + " (" + format_plain(*v) + ") is negative";
    else return true;
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
    if (start == 0) return unavailable_figure("zero customers at start", 0, kChurnFormula, "%");
    if (lost > start)
        return unavailable_figure("lost (" + format_plain(lost) + ") > customers at start (" + format_plain(start) + ")",
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
    if (!usable(p.revenue_expansion, "revenue expansion", why) ||
        !usable(p.revenue_contraction, "revenue contraction", why) ||
        !usable(p.revenue_churned, "churned revenue", why)) {
        if (why.ends_with("not given")) why += " (enter 0 if there was none)";
        return unavailable_figure(why, base, kNrrFormula, "%");
    }
    const double start = *p.revenue_start;
    if (start == 0) return unavailable_figure("zero revenue at start", 0, kNrrFormula, "%");
    const double lost = *p.revenue_contraction + *p.revenue_churned;   // infinite only when > start
    if (lost > start)
        return unavailable_figure("contraction + churned revenue (" + format_sum(*p.revenue_contraction, *p.revenue_churned) +
                                      ") > revenue at start (" + format_plain(start) + ")",
                                  base, kNrrFormula, "%");
    // As shares of the start revenue, so that revenues near the largest double
    // still give a figure where (start + expansion - lost) would overflow.
    const double share = 1.0 + *p.revenue_expansion / start - (*p.revenue_contraction / start + *p.revenue_churned / start);
    return make_figure(100.0 * share, start, kNrrFormula, "%");
}

Figure customer_lifetime_value(const Period& p) {
    Figure churn = churn_rate(p);
    const double base = churn.base;
    if (!churn.value) return unavailable_figure("churn rate not available: " + churn.unavailable, base, kClvFormula, "money");
    if (*churn.value == 0)
        return unavailable_figure("churn rate is 0%: the lifetime has no end", base, kClvFormula, "money");
    std::string why;
    if (!usable(p.arpa, "ARPA", why)) return unavailable_figure(why, base, kClvFormula, "money");
    if (!p.gross_margin) return unavailable_figure("gross margin not given", base, kClvFormula, "money");
    const double margin = *p.gross_margin;
    if (!std::isfinite(margin) || margin < 0 || margin > 1)
        return unavailable_figure("gross margin " + format_plain(margin) + " outside 0..1", base, kClvFormula, "money");
    if (!usable(p.cac, "CAC", why)) {
        if (why.ends_with("not given")) why += " (enter 0 to leave acquisition cost out)";
        return unavailable_figure(why, base, kClvFormula, "money");
    }
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
