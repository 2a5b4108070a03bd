// Business metrics of a period (churn, retention, net revenue retention, CLV),
// each compared with the previous period. Rates are in percent.
#pragma once

#include <string>

#include "metrics/figure.h"
#include "model/map.h"

namespace jm {

inline constexpr const char* kChurnFormula = "churn rate = customers lost / customers at start x 100";
inline constexpr const char* kRetentionFormula =
    "retention rate = 100 - churn rate (same cohort, customers acquired ignored)";
inline constexpr const char* kNrrFormula =
    "NRR = (revenue at start + expansion - contraction - churned revenue) / revenue at start x 100";
inline constexpr const char* kClvFormula = "CLV = ARPA x gross margin / churn rate - CAC";

struct BusinessMetrics {
    std::string period;             // label of the current period
    std::string previous_period;    // label of the previous one, if any
    Figure churn_rate;              // %, base = customers at start
    Figure retention_rate;          // %, base = customers at start
    Figure net_revenue_retention;   // %, base = revenue at start
    Figure clv;                     // money per customer, base = customers at start
};

Figure churn_rate(const Period& period);
Figure retention_rate(const Period& period);
Figure net_revenue_retention(const Period& period);
Figure customer_lifetime_value(const Period& period);

// All of the above for `current`, with values and deltas from `previous` when given.
BusinessMetrics business_metrics(const Period& current, const Period* previous);

}  // namespace jm
