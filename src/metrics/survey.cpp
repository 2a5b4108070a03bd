#include "metrics/survey.h"

#include <numeric>
#include <optional>

namespace jm {

namespace {

template <std::size_t N>
std::int64_t total(const std::array<std::int64_t, N>& a) {
    return std::accumulate(a.begin(), a.end(), std::int64_t{0});
}

template <std::size_t N>
void add_counts(std::array<std::int64_t, N>& to, const std::array<std::int64_t, N>& from) {
    for (std::size_t i = 0; i < N; ++i) to[i] += from[i];
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
void add_ces(std::array<std::int64_t, N>& to, const std::vector<std::int64_t>& answers, bool low_is_easy) {
    for (std::size_t i = 0; i < N; ++i) to[low_is_easy ? i : N - 1 - i] += answers[i];
}

// Sum over answers of the steps from the hardest end (0..N-1), easiest-first counts.
template <std::size_t N>
std::int64_t ease_steps(const std::array<std::int64_t, N>& easiest_first) {
    std::int64_t steps = 0;
    for (std::size_t i = 0; i < N; ++i) steps += easiest_first[i] * static_cast<std::int64_t>(N - 1 - i);
    return steps;
}

// One period's values, written into the current or the previous slots of a summary.
struct PeriodValues {
    std::optional<double> nps, csat, ces_mean, ces_ease;
    SurveyGap nps_gap = SurveyGap::None, csat_gap = SurveyGap::None;
    SurveyGap ces_mean_gap = SurveyGap::None, ces_ease_gap = SurveyGap::None;
    int scale = 0;   // of the CES answers: 5 or 7, 0 when none, -1 when both scales have answers
};

PeriodValues values_of(const SurveyCounts& c, bool low_is_easy, SurveySummary* counts_out) {
    std::int64_t detractors = 0;
    for (int i = 0; i <= 6; ++i) detractors += c.nps[i];
    const std::int64_t passives = c.nps[7] + c.nps[8], promoters = c.nps[9] + c.nps[10];
    const std::int64_t nps_n = promoters + passives + detractors;
    const std::int64_t satisfied = c.csat[3] + c.csat[4], csat_n = total(c.csat);
    const std::int64_t five = total(c.ces5), seven = total(c.ces7), ces_n = five + seven;
    if (counts_out) {
        counts_out->promoters = promoters;
        counts_out->passives = passives;
        counts_out->detractors = detractors;
        counts_out->csat_answers = csat_n;
        counts_out->satisfied = satisfied;
        counts_out->ces_answers = ces_n;
    }
    PeriodValues v;
    v.scale = five > 0 && seven > 0 ? -1 : five > 0 ? 5 : seven > 0 ? 7 : 0;
    if (c.negative_count) {
        v.nps_gap = v.csat_gap = v.ces_mean_gap = v.ces_ease_gap = SurveyGap::NegativeCount;
        return v;
    }
    if (nps_n == 0) v.nps_gap = SurveyGap::NoAnswers;
    else v.nps = 100.0 * static_cast<double>(promoters - detractors) / static_cast<double>(nps_n);
    if (csat_n == 0) v.csat_gap = SurveyGap::NoAnswers;
    else v.csat = 100.0 * static_cast<double>(satisfied) / static_cast<double>(csat_n);
    if (c.ces_mismatch) {
        v.ces_mean_gap = v.ces_ease_gap = SurveyGap::CesMismatch;
    } else if (ces_n == 0) {
        v.ces_mean_gap = v.ces_ease_gap = SurveyGap::NoAnswers;
    } else {
        // Steps are out of 4 on the 5-point scale and out of 6 on the 7-point one:
        // in twelfths, 3 per step and 2 per step, summed exactly in integers.
        const std::int64_t steps5 = ease_steps(c.ces5), steps7 = ease_steps(c.ces7);
        const double n = static_cast<double>(ces_n);
        v.ces_ease = 100.0 * static_cast<double>(3 * steps5 + 2 * steps7) / (12.0 * n);
        // With one scale N, the answer read "low is easy" is N - steps and read
        // "high is easy" is 1 + steps, so the mean follows from the same sum.
        if (v.scale < 0) {
            v.ces_mean_gap = SurveyGap::MixedScales;
        } else {
            const double mean_steps = static_cast<double>(v.scale == 5 ? steps5 : steps7) / n;
            v.ces_mean = low_is_easy ? v.scale - mean_steps : 1.0 + mean_steps;
        }
    }
    return v;
}

Figure figure_of(const std::optional<double>& value, SurveyGap gap, std::int64_t n, const char* formula,
                 const char* unit, const std::optional<double>& previous) {
    const double base = static_cast<double>(n);
    Figure f = value ? make_figure(*value, base, formula, unit)
                     : unavailable_figure(survey_gap_reason(gap), base, formula, unit);
    set_previous(f, previous);
    return f;
}

}  // namespace

SurveyCounts::SurveyCounts(const Survey& s) : nps(s.nps), csat(s.csat) {
    negative_count = (or_all(s.nps) | or_all(s.csat)) < 0;
    add_ces_answers(s);
}

void SurveyCounts::add(const Survey& s) {
    add_counts(nps, s.nps);
    add_counts(csat, s.csat);
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
    if (s.ces_scale == 5) add_ces(ces5, s.ces, s.ces_low_is_easy);
    else add_ces(ces7, s.ces, s.ces_low_is_easy);
    (s.ces_low_is_easy ? ces_low_is_easy_seen : ces_high_is_easy_seen) = true;
}

void SurveyCounts::add(const SurveyCounts& o) {
    add_counts(nps, o.nps);
    add_counts(csat, o.csat);
    add_counts(ces5, o.ces5);
    add_counts(ces7, o.ces7);
    ces_low_is_easy_seen = ces_low_is_easy_seen || o.ces_low_is_easy_seen;
    ces_high_is_easy_seen = ces_high_is_easy_seen || o.ces_high_is_easy_seen;
    negative_count = negative_count || o.negative_count;
    ces_mismatch = ces_mismatch || o.ces_mismatch;
}

std::int64_t nps_answers(const SurveyCounts& c) { return total(c.nps); }
std::int64_t csat_answers(const SurveyCounts& c) { return total(c.csat); }
std::int64_t ces_answers(const SurveyCounts& c) { return total(c.ces5) + total(c.ces7); }

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
    f.nps = figure_of(s.nps, s.nps_gap, s.promoters + s.passives + s.detractors, kNpsFormula, "points", s.previous_nps);
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
    }
    return "";
}

}  // namespace jm
