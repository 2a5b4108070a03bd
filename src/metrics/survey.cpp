#include "metrics/survey.h"

#include <optional>

#include "i18n/i18n.h"
#include "metrics/saturating.h"

namespace jm {

namespace {

template <std::size_t N>
std::int64_t total(const std::array<std::int64_t, N>& a, bool& overflow) {
    std::int64_t sum = 0;
    for (auto c : a) sum = saturating_add(sum, c, overflow);
    return sum;
}

// to += from, element by element, saturating. This runs for every touchpoint and
// each of its personas, so the common case (nothing overflows) is a branch-free
// loop the compiler vectorizes: the sums wrap in unsigned arithmetic (defined),
// and a signed overflow shows as a result whose sign differs from both operands'.
// Only when one did is the sum redone saturating.
template <std::size_t N>
void add_counts(std::array<std::int64_t, N>& to, const std::array<std::int64_t, N>& from, bool& overflow) {
    std::array<std::int64_t, N> sum;
    std::int64_t wrapped = 0;   // sign bit set when a sum wrapped
    for (std::size_t i = 0; i < N; ++i) {
        sum[i] = static_cast<std::int64_t>(static_cast<std::uint64_t>(to[i]) + static_cast<std::uint64_t>(from[i]));
        wrapped |= (to[i] ^ sum[i]) & (from[i] ^ sum[i]);
    }
    if (wrapped >= 0) {
        to = sum;
        return;
    }
    for (std::size_t i = 0; i < N; ++i) to[i] = saturating_add(to[i], from[i], overflow);
}

// OR of all the counts: negative exactly when one of them is (the sign bit
// survives), and a branch-free loop the compiler vectorizes.
template <typename Counts>
std::int64_t or_all(const Counts& a) {
    std::int64_t bits = 0;
    for (auto c : a) bits |= c;
    return bits;
}

// Copies answers 1..N into `to` easiest first.
template <std::size_t N>
void add_ces(std::array<std::int64_t, N>& to, const std::vector<std::int64_t>& answers, bool low_is_easy,
             bool& overflow) {
    for (std::size_t i = 0; i < N; ++i) {
        std::int64_t& slot = to[low_is_easy ? i : N - 1 - i];
        slot = saturating_add(slot, answers[i], overflow);
    }
}

// Sum over answers of the steps from the hardest end (0..N-1), easiest-first
// counts. In doubles: up to N - 1 steps per answer would pass the 64-bit range
// long before the counts do, and the result is only ever divided into a mean.
template <std::size_t N>
double ease_steps(const std::array<std::int64_t, N>& easiest_first) {
    double steps = 0;
    for (std::size_t i = 0; i < N; ++i) steps += static_cast<double>(easiest_first[i]) * static_cast<double>(N - 1 - i);
    return steps;
}

// One period's values, written into the current or the previous slots of a summary.
struct PeriodValues {
    std::optional<double> nps, csat, ces_mean, ces_ease;
    SurveyGap nps_gap = SurveyGap::None, csat_gap = SurveyGap::None;
    SurveyGap ces_mean_gap = SurveyGap::None, ces_ease_gap = SurveyGap::None;
    int scale = 0;   // of the CES answers: 5 or 7, 0 when none, -1 when both scales have answers
};

// The gap of a figure whose counts are not negative and fit the scale.
SurveyGap count_gap(bool overflow, std::int64_t answers) {
    return overflow ? SurveyGap::TooManyAnswers : answers == 0 ? SurveyGap::NoAnswers : SurveyGap::None;
}

// The totals one period's figures are computed from, and whether they passed the
// 64-bit range (counted from the distributions' own flags too).
struct Totals {
    std::int64_t detractors = 0, passives = 0, promoters = 0, nps = 0;
    std::int64_t satisfied = 0, csat = 0;
    std::int64_t five = 0, seven = 0, ces = 0;
    bool nps_over = false, csat_over = false, ces_over = false;
};

struct PlainAdd {
    std::int64_t operator()(std::int64_t a, std::int64_t b, bool&) const { return a + b; }
};
struct SaturatingAdd {
    std::int64_t operator()(std::int64_t a, std::int64_t b, bool& overflow) const { return saturating_add(a, b, overflow); }
};

template <std::size_t N, typename Add>
std::int64_t sum_of(const std::array<std::int64_t, N>& a, std::size_t first, std::size_t last, Add add, bool& overflow) {
    std::int64_t sum = 0;
    for (std::size_t i = first; i < last; ++i) sum = add(sum, a[i], overflow);
    return sum;
}

template <typename Add>
Totals totals_with(const SurveyCounts& c, Add add) {
    Totals t;
    t.nps_over = c.nps_overflow, t.csat_over = c.csat_overflow, t.ces_over = c.ces_overflow;
    t.detractors = sum_of(c.nps, 0, 7, add, t.nps_over);
    t.passives = sum_of(c.nps, 7, 9, add, t.nps_over);
    t.promoters = sum_of(c.nps, 9, 11, add, t.nps_over);
    t.nps = add(add(t.promoters, t.passives, t.nps_over), t.detractors, t.nps_over);
    t.satisfied = sum_of(c.csat, 3, 5, add, t.csat_over);
    t.csat = sum_of(c.csat, 0, 5, add, t.csat_over);
    t.five = sum_of(c.ces5, 0, 5, add, t.ces_over);
    t.seven = sum_of(c.ces7, 0, 7, add, t.ces_over);
    t.ces = add(t.five, t.seven, t.ces_over);
    return t;
}

// No total adds more than 16 counts, so when every count's magnitude is below
// 2^59 no total can pass 2^63: plain adds then, saturating ones otherwise. This
// runs for every touchpoint, and the check is one vectorized OR.
Totals totals_of(const SurveyCounts& c) {
    std::uint64_t magnitudes = 0;
    auto fold = [&](const auto& counts) {
        for (std::int64_t v : counts) magnitudes |= static_cast<std::uint64_t>(v ^ (v >> 63));   // |v|, or |v| - 1 below 0
    };
    fold(c.nps);
    fold(c.csat);
    fold(c.ces5);
    fold(c.ces7);
    return magnitudes < (std::uint64_t{1} << 59) ? totals_with(c, PlainAdd{}) : totals_with(c, SaturatingAdd{});
}

PeriodValues values_of(const SurveyCounts& c, bool low_is_easy, SurveySummary* counts_out) {
    const Totals t = totals_of(c);
    if (counts_out) {
        counts_out->promoters = t.promoters;
        counts_out->passives = t.passives;
        counts_out->detractors = t.detractors;
        counts_out->csat_answers = t.csat;
        counts_out->satisfied = t.satisfied;
        counts_out->ces_answers = t.ces;
    }
    PeriodValues v;
    v.scale = t.five > 0 && t.seven > 0 ? -1 : t.five > 0 ? 5 : t.seven > 0 ? 7 : 0;
    if (c.negative_count) {
        v.nps_gap = v.csat_gap = v.ces_mean_gap = v.ces_ease_gap = SurveyGap::NegativeCount;
        return v;
    }
    // Differences and ratios in doubles: exact enough for a percentage, and free
    // of overflow whatever the counts.
    v.nps_gap = count_gap(t.nps_over, t.nps);
    if (v.nps_gap == SurveyGap::None)
        v.nps = 100.0 * (static_cast<double>(t.promoters) - static_cast<double>(t.detractors)) / static_cast<double>(t.nps);
    v.csat_gap = count_gap(t.csat_over, t.csat);
    if (v.csat_gap == SurveyGap::None) v.csat = 100.0 * static_cast<double>(t.satisfied) / static_cast<double>(t.csat);
    v.ces_mean_gap = v.ces_ease_gap = c.ces_mismatch ? SurveyGap::CesMismatch : count_gap(t.ces_over, t.ces);
    if (v.ces_ease_gap != SurveyGap::None) return v;
    // Steps are out of 4 on the 5-point scale and out of 6 on the 7-point one:
    // in twelfths, 3 per step and 2 per step.
    const double steps5 = ease_steps(c.ces5), steps7 = ease_steps(c.ces7);
    const double n = static_cast<double>(t.ces);
    v.ces_ease = 100.0 * (3 * steps5 + 2 * steps7) / (12.0 * n);
    // With one scale N, the answer read "low is easy" is N - steps and read
    // "high is easy" is 1 + steps, so the mean follows from the same sum.
    if (v.scale < 0) {
        v.ces_mean_gap = SurveyGap::MixedScales;
    } else {
        const double mean_steps = (v.scale == 5 ? steps5 : steps7) / n;
        v.ces_mean = low_is_easy ? v.scale - mean_steps : 1.0 + mean_steps;
    }
    return v;
}

Figure figure_of(const std::optional<double>& value, SurveyGap gap, std::int64_t n, const char* formula,
                 const char* unit, const std::optional<double>& previous) {
    const double base = static_cast<double>(n);
    Figure f = value ? make_figure(*value, base, formula, unit)
                     : unavailable_figure(i18n::tr(survey_gap_reason(gap)), base, formula, unit);
    set_previous(f, previous);
    return f;
}

}  // namespace

SurveyCounts::SurveyCounts(const Survey& s) : nps(s.nps), csat(s.csat) {
    negative_count = (or_all(s.nps) | or_all(s.csat)) < 0;
    add_ces_answers(s);
}

void SurveyCounts::add(const Survey& s) {
    add_counts(nps, s.nps, nps_overflow);
    add_counts(csat, s.csat, csat_overflow);
    negative_count = negative_count || (or_all(s.nps) | or_all(s.csat)) < 0;
    add_ces_answers(s);
}

void SurveyCounts::add_ces_answers(const Survey& s) {
    if (s.ces.empty()) return;
    if ((s.ces_scale != 5 && s.ces_scale != 7) || s.ces.size() != static_cast<std::size_t>(s.ces_scale)) {
        ces_mismatch = true;
        return;
    }
    negative_count = negative_count || or_all(s.ces) < 0;
    if (s.ces_scale == 5) add_ces(ces5, s.ces, s.ces_low_is_easy, ces_overflow);
    else add_ces(ces7, s.ces, s.ces_low_is_easy, ces_overflow);
    (s.ces_low_is_easy ? ces_low_is_easy_seen : ces_high_is_easy_seen) = true;
}

void SurveyCounts::add(const SurveyCounts& o) {
    add_counts(nps, o.nps, nps_overflow);
    add_counts(csat, o.csat, csat_overflow);
    add_counts(ces5, o.ces5, ces_overflow);
    add_counts(ces7, o.ces7, ces_overflow);
    nps_overflow = nps_overflow || o.nps_overflow;
    csat_overflow = csat_overflow || o.csat_overflow;
    ces_overflow = ces_overflow || o.ces_overflow;
    ces_low_is_easy_seen = ces_low_is_easy_seen || o.ces_low_is_easy_seen;
    ces_high_is_easy_seen = ces_high_is_easy_seen || o.ces_high_is_easy_seen;
    negative_count = negative_count || o.negative_count;
    ces_mismatch = ces_mismatch || o.ces_mismatch;
}

std::int64_t nps_answers(const SurveyCounts& c) {
    bool overflow = false;
    return total(c.nps, overflow);
}

std::int64_t csat_answers(const SurveyCounts& c) {
    bool overflow = false;
    return total(c.csat, overflow);
}

std::int64_t ces_answers(const SurveyCounts& c) {
    bool overflow = false;
    return saturating_add(total(c.ces5, overflow), total(c.ces7, overflow), overflow);
}

bool reported_low_is_easy(const SurveyCounts& c) { return !(c.ces_high_is_easy_seen && !c.ces_low_is_easy_seen); }

std::vector<std::int64_t> ces_distribution(const SurveyCounts& c, int scale, bool low_is_easy) {
    std::vector<std::int64_t> out;
    auto copy = [&](const auto& easiest_first) {
        const std::size_t n = easiest_first.size();
        for (std::size_t i = 0; i < n; ++i) out.push_back(easiest_first[low_is_easy ? i : n - 1 - i]);
    };
    if (scale == 5) copy(c.ces5);
    else if (scale == 7) copy(c.ces7);
    return out;
}

SurveySummary summarize(const SurveyCounts& current, const SurveyCounts* previous) {
    SurveySummary s;
    s.ces_low_is_easy = reported_low_is_easy(current);
    const PeriodValues v = values_of(current, s.ces_low_is_easy, &s);
    s.nps = v.nps;
    s.csat = v.csat;
    s.ces_mean = v.ces_mean;
    s.ces_ease = v.ces_ease;
    s.nps_gap = v.nps_gap;
    s.csat_gap = v.csat_gap;
    s.ces_mean_gap = v.ces_mean_gap;
    s.ces_ease_gap = v.ces_ease_gap;
    s.ces_scale = v.scale > 0 ? v.scale : 0;
    if (!previous) return s;
    // The previous mean is read in the current orientation, and only on the same
    // scale: a 5-point mean says nothing about a 7-point one.
    const PeriodValues p = values_of(*previous, s.ces_low_is_easy, nullptr);
    s.previous_nps = p.nps;
    s.previous_csat = p.csat;
    s.previous_ces_ease = p.ces_ease;
    if (v.scale > 0 && p.scale == v.scale) s.previous_ces_mean = p.ces_mean;
    return s;
}

SurveyFigures survey_figures(const SurveySummary& s) {
    SurveyFigures f;
    f.promoters = s.promoters;
    f.passives = s.passives;
    f.detractors = s.detractors;
    f.satisfied = s.satisfied;
    f.ces_scale = s.ces_scale;
    f.ces_low_is_easy = s.ces_low_is_easy;
    bool overflow = false;   // already a TooManyAnswers gap in s.nps_gap when set
    const std::int64_t nps_n = saturating_add(saturating_add(s.promoters, s.passives, overflow), s.detractors, overflow);
    f.nps = figure_of(s.nps, s.nps_gap, nps_n, kNpsFormula, "points", s.previous_nps);
    f.csat = figure_of(s.csat, s.csat_gap, s.csat_answers, kCsatFormula, "%", s.previous_csat);
    f.ces_mean = figure_of(s.ces_mean, s.ces_mean_gap, s.ces_answers, kCesMeanFormula, "", s.previous_ces_mean);
    f.ces_ease = figure_of(s.ces_ease, s.ces_ease_gap, s.ces_answers, kCesEaseFormula, "/100", s.previous_ces_ease);
    return f;
}

SurveyFigures survey_figures(const SurveyCounts& current, const SurveyCounts* previous) {
    return survey_figures(summarize(current, previous));
}

const char* survey_gap_reason(SurveyGap gap) {
    switch (gap) {
        case SurveyGap::None: return "";
        case SurveyGap::NoAnswers: return "no answers";
        case SurveyGap::NegativeCount: return "negative answer count";
        case SurveyGap::CesMismatch: return "CES counts do not match the CES scale";
        case SurveyGap::MixedScales: return "mixed 5- and 7-point answers (see the ease score)";
        case SurveyGap::TooManyAnswers: return "answer counts too large to add up (the total passes 9.2e18)";
    }
    return "";
}

}  // namespace jm
