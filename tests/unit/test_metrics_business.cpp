// Churn, retention, net revenue retention and CLV, worked by hand, with every
// "not available" case.
#include <catch2/catch.hpp>

#include "metrics/business.h"

using namespace jm;

namespace {

Period full_period() {
    Period p;
    p.label = "2026-Q3";
    p.customers_start = 200;
    p.customers_lost = 10;
    p.customers_acquired = 50;        // ignored by churn and retention
    p.revenue_start = 100000;
    p.revenue_expansion = 15000;
    p.revenue_contraction = 5000;
    p.revenue_churned = 8000;
    p.arpa = 1000;
    p.gross_margin = 0.8;
    p.cac = 4000;
    return p;
}

}  // namespace

TEST_CASE("churn and retention of one cohort", "[metrics]") {
    Period p = full_period();
    // churn = 10 / 200 = 5%; retention = 100 - 5 = 95% (the 50 acquired do not count)
    REQUIRE(churn_rate(p).value == Approx(5.0));
    REQUIRE(churn_rate(p).base == 200);
    REQUIRE(retention_rate(p).value == Approx(95.0));
    p.customers_acquired = 5000;
    REQUIRE(retention_rate(p).value == Approx(95.0));
}

TEST_CASE("net revenue retention", "[metrics]") {
    // (100,000 + 15,000 - 5,000 - 8,000) / 100,000 = 102%
    Figure nrr = net_revenue_retention(full_period());
    REQUIRE(nrr.value == Approx(102.0));
    REQUIRE(nrr.base == 100000);
    REQUIRE(std::string(nrr.formula).find("expansion") != std::string::npos);
}

TEST_CASE("CLV = ARPA x gross margin / churn rate - CAC", "[metrics]") {
    // 1,000 x 0.8 / 0.05 - 4,000 = 16,000 - 4,000 = 12,000
    Figure clv = customer_lifetime_value(full_period());
    REQUIRE(clv.value == Approx(12000.0));
    REQUIRE(std::string(clv.formula) == "CLV = ARPA x gross margin / churn rate - CAC");
    // CAC above the lifetime margin gives a negative CLV, which is a real answer.
    Period p = full_period();
    p.cac = 20000;  // 16,000 - 20,000 = -4,000
    REQUIRE(customer_lifetime_value(p).value == Approx(-4000.0));
}

TEST_CASE("business metrics compare with the previous period", "[metrics]") {
    Period now = full_period();
    Period before = full_period();
    before.label = "2026-Q2";
    before.customers_start = 100;
    before.customers_lost = 10;        // churn 10%, retention 90%
    before.revenue_expansion = 0;      // NRR (100,000 - 13,000) / 100,000 = 87%
    BusinessMetrics b = business_metrics(now, &before);
    REQUIRE(b.period == "2026-Q3");
    REQUIRE(b.previous_period == "2026-Q2");
    REQUIRE(b.churn_rate.previous == Approx(10.0));
    REQUIRE(b.churn_rate.delta == Approx(-5.0));
    REQUIRE(b.retention_rate.delta == Approx(5.0));
    REQUIRE(b.net_revenue_retention.previous == Approx(87.0));
    REQUIRE(b.net_revenue_retention.delta == Approx(15.0));
    // CLV before: 1,000 x 0.8 / 0.10 - 4,000 = 4,000 -> delta +8,000
    REQUIRE(b.clv.previous == Approx(4000.0));
    REQUIRE(b.clv.delta == Approx(8000.0));

    BusinessMetrics alone = business_metrics(now, nullptr);
    REQUIRE_FALSE(alone.churn_rate.previous);
    REQUIRE_FALSE(alone.churn_rate.delta);
    REQUIRE(alone.previous_period.empty());
}

TEST_CASE("churn is not available for empty or impossible input", "[metrics]") {
    Period p = full_period();
    p.customers_start = 0;
    REQUIRE_FALSE(churn_rate(p).value);
    REQUIRE(churn_rate(p).unavailable == "zero customers at start");
    REQUIRE(retention_rate(p).unavailable == "zero customers at start");

    p = full_period();
    p.customers_start = 10;
    p.customers_lost = 12;
    REQUIRE(churn_rate(p).unavailable == "lost (12) > customers at start (10)");
    REQUIRE(churn_rate(p).base == 10);

    p = full_period();
    p.customers_start.reset();
    REQUIRE(churn_rate(p).unavailable == "customers at start not given");
    p = full_period();
    p.customers_lost.reset();
    REQUIRE(churn_rate(p).unavailable == "customers lost not given");
    p = full_period();
    p.customers_lost = -3;
    REQUIRE(churn_rate(p).unavailable == "customers lost (-3) is negative");
}

TEST_CASE("NRR is not available for empty or impossible input", "[metrics]") {
    Period p = full_period();
    p.revenue_start = 0;
    REQUIRE(net_revenue_retention(p).unavailable == "zero revenue at start");
    p = full_period();
    p.revenue_expansion.reset();
    REQUIRE(net_revenue_retention(p).unavailable == "revenue expansion not given (enter 0 if there was none)");
    p = full_period();
    p.revenue_contraction = 60000;
    p.revenue_churned = 50000;
    REQUIRE(net_revenue_retention(p).unavailable ==
            "contraction + churned revenue (110000) > revenue at start (100000)");
    p = full_period();
    p.revenue_start.reset();
    REQUIRE(net_revenue_retention(p).unavailable == "revenue at start not given");
}

TEST_CASE("CLV is not available when an input is missing or impossible", "[metrics]") {
    Period p = full_period();
    p.customers_lost = 0;  // churn 0%: an endless lifetime, not a number
    REQUIRE(churn_rate(p).value == Approx(0.0));
    REQUIRE(customer_lifetime_value(p).unavailable == "churn rate is 0%: the lifetime has no end");

    p = full_period();
    p.gross_margin = 1.4;
    REQUIRE(customer_lifetime_value(p).unavailable == "gross margin 1.4 outside 0..1");
    p.gross_margin = -0.1;
    REQUIRE(customer_lifetime_value(p).unavailable == "gross margin -0.1 outside 0..1");
    p.gross_margin.reset();
    REQUIRE(customer_lifetime_value(p).unavailable == "gross margin not given");

    p = full_period();
    p.arpa.reset();
    REQUIRE(customer_lifetime_value(p).unavailable == "ARPA not given");
    p = full_period();
    p.cac.reset();
    REQUIRE(customer_lifetime_value(p).unavailable == "CAC not given (enter 0 to leave acquisition cost out)");
    p = full_period();
    p.customers_start = 0;
    REQUIRE(customer_lifetime_value(p).unavailable == "churn rate not available: zero customers at start");
}

TEST_CASE("an empty period has every business figure not available", "[metrics]") {
    BusinessMetrics b = business_metrics(Period{}, nullptr);
    for (const Figure* f : {&b.churn_rate, &b.retention_rate, &b.net_revenue_retention, &b.clv}) {
        REQUIRE_FALSE(f->value);
        REQUIRE_FALSE(f->unavailable.empty());
    }
}
