// NPS, CSAT and CES from answer distributions, worked by hand.
#include <catch2/catch.hpp>

#include "metrics/survey.h"

using namespace jm;

namespace {

SurveyFigures figures_of(const Survey& s) { return survey_figures(SurveyCounts(s), nullptr); }

SurveyFigures figures_of(const Survey& s, const Survey& previous) {
    SurveyCounts p(previous);
    return survey_figures(SurveyCounts(s), &p);
}

}  // namespace

TEST_CASE("NPS counts promoters 9-10, passives 7-8, detractors 0-6", "[metrics]") {
    Survey s;
    // answers:  0  1  2  3  4  5  6  7  8  9 10
    s.nps = {0, 0, 0, 2, 0, 0, 1, 2, 1, 3, 1};
    // detractors 2 + 1 = 3, passives 2 + 1 = 3, promoters 3 + 1 = 4, n = 10
    // NPS = 4/10 x 100 - 3/10 x 100 = 40 - 30 = 10
    SurveyFigures f = figures_of(s);
    REQUIRE(f.nps.value == Approx(10.0));
    REQUIRE(f.nps.base == 10);
    REQUIRE(f.promoters == 4);
    REQUIRE(f.passives == 3);
    REQUIRE(f.detractors == 3);
    REQUIRE(f.nps.unavailable.empty());
    REQUIRE(std::string(f.nps.formula).find("promoters") != std::string::npos);

    Survey all_detractors;
    all_detractors.nps[0] = 5;  // 0 - 100% = -100
    REQUIRE(figures_of(all_detractors).nps.value == Approx(-100.0));
    Survey all_promoters;
    all_promoters.nps[9] = 2;   // 100% - 0 = +100
    REQUIRE(figures_of(all_promoters).nps.value == Approx(100.0));
    Survey boundary;
    boundary.nps[6] = 1;        // 6 is a detractor, 7 a passive, 8 a passive, 9 a promoter
    boundary.nps[7] = 1;
    boundary.nps[8] = 1;
    boundary.nps[9] = 1;        // (1 - 1) / 4 = 0
    REQUIRE(figures_of(boundary).nps.value == Approx(0.0));
}

TEST_CASE("CSAT is the share of answers 4 or 5", "[metrics]") {
    Survey s;
    s.csat = {1, 1, 2, 4, 2};  // answers 1..5; n = 10, satisfied = 4 + 2 = 6 -> 60%
    SurveyFigures f = figures_of(s);
    REQUIRE(f.csat.value == Approx(60.0));
    REQUIRE(f.csat.base == 10);
    REQUIRE(f.satisfied == 6);
    REQUIRE(std::string(f.csat.unit) == "%");
}

TEST_CASE("CES mean and ease on a 7-point scale where 1 is easy", "[metrics]") {
    Survey s;
    s.ces_scale = 7;
    s.ces_low_is_easy = true;
    s.ces = {4, 3, 2, 1, 0, 0, 0};
    // mean = (4x1 + 3x2 + 2x3 + 1x4) / 10 = 20 / 10 = 2.0
    // ease per answer a = (7 - a) / 6 x 100: 100, 83.33, 66.67, 50
    // mean ease = (400 + 250 + 133.33 + 50) / 10 = 83.33
    SurveyFigures f = figures_of(s);
    REQUIRE(f.ces_mean.value == Approx(2.0));
    REQUIRE(f.ces_mean.base == 10);
    REQUIRE(f.ces_ease.value == Approx(83.3333).epsilon(1e-4));
    REQUIRE(f.ces_scale == 7);
    REQUIRE(f.ces_low_is_easy);
    REQUIRE(ces_distribution(SurveyCounts(s), 7, true) == std::vector<std::int64_t>{4, 3, 2, 1, 0, 0, 0});
}

TEST_CASE("CES on a 5-point scale where 5 is easy keeps its orientation", "[metrics]") {
    Survey s;
    s.ces_scale = 5;
    s.ces_low_is_easy = false;
    s.ces = {0, 0, 1, 1, 2};
    // mean = (3 + 4 + 5 + 5) / 4 = 17 / 4 = 4.25 (read with 5 = easiest)
    // ease per answer a = (a - 1) / 4 x 100: 50, 75, 100, 100 -> mean 81.25
    SurveyFigures f = figures_of(s);
    REQUIRE(f.ces_mean.value == Approx(4.25));
    REQUIRE(f.ces_ease.value == Approx(81.25));
    REQUIRE_FALSE(f.ces_low_is_easy);
    REQUIRE(f.ces_scale == 5);
    // The distribution comes back as answered, answer 1 first.
    REQUIRE(ces_distribution(SurveyCounts(s), 5, false) == std::vector<std::int64_t>{0, 0, 1, 1, 2});
}

TEST_CASE("surveys without answers are not available, never zero", "[metrics]") {
    SurveyFigures f = figures_of(Survey{});
    for (const Figure* fig : {&f.nps, &f.csat, &f.ces_mean, &f.ces_ease}) {
        REQUIRE_FALSE(fig->value);
        REQUIRE(fig->unavailable == "no answers");
        REQUIRE(fig->base == 0);
    }
}

TEST_CASE("impossible survey input is reported, not computed", "[metrics]") {
    Survey negative;
    negative.nps = {5, 0, 0, 0, 0, 0, 0, 0, 0, -1, 3};
    SurveyFigures f = figures_of(negative);
    REQUIRE_FALSE(f.nps.value);
    REQUIRE(f.nps.unavailable == "negative answer count");

    Survey wrong_size;
    wrong_size.ces_scale = 7;
    wrong_size.ces = {1, 2, 3, 4, 5};  // 5 counts for a 7-point scale
    f = figures_of(wrong_size);
    REQUIRE_FALSE(f.ces_mean.value);
    REQUIRE(f.ces_mean.unavailable == "CES counts do not match the CES scale");
    REQUIRE_FALSE(f.ces_ease.value);

    Survey bad_scale;
    bad_scale.ces_scale = 10;
    bad_scale.ces.assign(10, 1);
    REQUIRE(figures_of(bad_scale).ces_ease.unavailable == "CES counts do not match the CES scale");
}

TEST_CASE("previous-period survey gives previous values and deltas", "[metrics]") {
    Survey now;
    now.nps = {0, 0, 0, 2, 0, 0, 1, 2, 1, 3, 1};  // NPS 10 (see above)
    now.csat = {0, 0, 0, 1, 1};                   // 100%
    now.ces_scale = 5;
    now.ces = {2, 0, 0, 0, 0};                    // mean 1, ease 100
    Survey before;
    before.nps[10] = 5;                           // 5 promoters, 5 detractors -> NPS 0
    before.nps[0] = 5;
    before.csat = {1, 0, 0, 0, 1};                // 1 of 2 satisfied -> 50%
    before.ces_scale = 5;
    before.ces = {0, 0, 2, 0, 0};                 // mean 3, ease 50
    SurveyFigures f = figures_of(now, before);
    REQUIRE(f.nps.previous == Approx(0.0));
    REQUIRE(f.nps.delta == Approx(10.0));
    REQUIRE(f.csat.previous == Approx(50.0));
    REQUIRE(f.csat.delta == Approx(50.0));
    REQUIRE(f.ces_mean.previous == Approx(3.0));
    REQUIRE(f.ces_mean.delta == Approx(-2.0));    // 1 - 3: less effort
    REQUIRE(f.ces_ease.delta == Approx(50.0));    // 100 - 50

    // A previous mean on another scale is not comparable; the ease score still is.
    before.ces_scale = 7;
    before.ces = {0, 0, 0, 2, 0, 0, 0};           // answer 4 of 7 -> ease (7-4)/6 = 50
    f = figures_of(now, before);
    REQUIRE_FALSE(f.ces_mean.previous);
    REQUIRE_FALSE(f.ces_mean.delta);
    REQUIRE(f.ces_ease.previous == Approx(50.0));

    // Previous without answers: no previous value, no delta, current unchanged.
    f = figures_of(now, Survey{});
    REQUIRE(f.nps.value == Approx(10.0));
    REQUIRE_FALSE(f.nps.previous);
    REQUIRE_FALSE(f.nps.delta);
}

TEST_CASE("CES answers of both orientations add up on one scale", "[metrics]") {
    Survey low;  // 1 = easy: two answers "1" (easiest)
    low.ces_scale = 5;
    low.ces = {2, 0, 0, 0, 0};
    Survey high;  // 5 = easy: two answers "5" (also easiest)
    high.ces_scale = 5;
    high.ces_low_is_easy = false;
    high.ces = {0, 0, 0, 0, 2};
    SurveyCounts sum(low);
    sum.add(SurveyCounts(high));
    SurveyFigures f = survey_figures(sum, nullptr);
    // Mixed orientations are reported "low is easy": four answers of 1 -> mean 1, ease 100.
    REQUIRE(f.ces_low_is_easy);
    REQUIRE(f.ces_mean.value == Approx(1.0));
    REQUIRE(f.ces_ease.value == Approx(100.0));
    REQUIRE(ces_distribution(sum, 5, true) == std::vector<std::int64_t>{4, 0, 0, 0, 0});
}

TEST_CASE("CES across 5- and 7-point scales has an ease score but no mean", "[metrics]") {
    Survey five;
    five.ces_scale = 5;
    five.ces = {0, 0, 2, 0, 0};        // answer 3 of 5 -> ease (5-3)/4 = 50
    Survey seven;
    seven.ces_scale = 7;
    seven.ces = {0, 0, 0, 0, 0, 0, 2}; // answer 7 of 7, 1 easy -> ease 0
    SurveyCounts sum(five);
    sum.add(SurveyCounts(seven));
    SurveyFigures f = survey_figures(sum, nullptr);
    REQUIRE(f.ces_ease.value == Approx(25.0));  // (2 x 50 + 2 x 0) / 4
    REQUIRE(f.ces_ease.base == 4);
    REQUIRE_FALSE(f.ces_mean.value);
    REQUIRE(f.ces_mean.unavailable.find("mixed 5- and 7-point") != std::string::npos);
    REQUIRE(f.ces_scale == 0);
}
