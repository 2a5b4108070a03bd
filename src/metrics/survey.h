// Survey metrics from answer distributions: NPS, CSAT and CES (mean, distribution
// and a normalized ease score). Roll-ups add distributions together and compute
// the figures once from the sums, never by averaging percentages.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "metrics/figure.h"
#include "model/map.h"

namespace jm {

inline constexpr const char* kNpsFormula = "NPS = % promoters (9-10) - % detractors (0-6)";
inline constexpr const char* kCsatFormula = "CSAT = answers 4 or 5 / all answers x 100";
inline constexpr const char* kCesMeanFormula = "CES = mean answer on the CES scale";
inline constexpr const char* kCesEaseFormula =
    "ease = mean over answers of 100 x steps from the hardest end / (scale - 1)";

// Answer counts that can be summed. CES answers are kept per scale and stored
// easiest-first (index 0 = the easiest answer) whatever end the survey called easy,
// so that surveys of both orientations add up.
struct SurveyCounts {
    std::array<std::int64_t, 11> nps{};    // answers 0..10
    std::array<std::int64_t, 5> csat{};    // answers 1..5
    std::array<std::int64_t, 5> ces5{};    // 5-point answers, easiest first
    std::array<std::int64_t, 7> ces7{};    // 7-point answers, easiest first
    bool ces_low_is_easy_seen = false;     // orientations the CES answers arrived in
    bool ces_high_is_easy_seen = false;
    bool negative_count = false;           // a count below zero: figures are not available
    bool ces_mismatch = false;             // CES counts that do not fit the declared scale
    // A sum of these counts passed the 64-bit range and stopped at its end
    // (saturating.h): the figures of that survey are not available.
    bool nps_overflow = false, csat_overflow = false, ces_overflow = false;

    SurveyCounts() = default;
    // The answers of one survey. Copies rather than zeroing and adding: the
    // per-touchpoint loop reads the counts straight back, and a load that must
    // wait for a block of zeroing stores is what made that loop slow.
    explicit SurveyCounts(const Survey& survey);

    void add(const Survey& survey);
    void add(const SurveyCounts& other);

private:
    void add_ces_answers(const Survey& survey);
};

// Why a survey value is absent.
enum class SurveyGap : std::uint8_t { None, NoAnswers, NegativeCount, CesMismatch, MixedScales, TooManyAnswers };
const char* survey_gap_reason(SurveyGap gap);   // "no answers", ...

// Answer counts and their totals saturate (saturating.h); a figure whose counts
// or totals passed the 64-bit range is not available (TooManyAnswers).

// The numbers of SurveyFigures without their text: what the per-touchpoint loop
// stores (ten thousand full figures would cost more than computing them).
struct SurveySummary {
    std::int64_t promoters = 0, passives = 0, detractors = 0;  // NPS answers 9-10, 7-8, 0-6
    std::int64_t csat_answers = 0, satisfied = 0;              // all CSAT answers, answers 4-5
    std::int64_t ces_answers = 0;
    std::optional<double> nps, csat, ces_mean, ces_ease;       // absent with the matching gap
    std::optional<double> previous_nps, previous_csat, previous_ces_mean, previous_ces_ease;
    SurveyGap nps_gap = SurveyGap::None, csat_gap = SurveyGap::None;
    SurveyGap ces_mean_gap = SurveyGap::None, ces_ease_gap = SurveyGap::None;
    int ces_scale = 0;                     // 5 or 7 when the CES answers share one scale, else 0
    bool ces_low_is_easy = true;           // orientation of ces_mean
};

struct SurveyFigures {
    Figure nps;                            // -100..100, base = NPS answers
    std::int64_t promoters = 0, passives = 0, detractors = 0;
    Figure csat;                           // 0..100 %, base = CSAT answers
    std::int64_t satisfied = 0;            // answers 4 or 5
    Figure ces_mean;                       // 1..ces_scale, read with ces_low_is_easy
    Figure ces_ease;                       // 0..100, 100 = every answer at the easy end
    int ces_scale = 0;                     // scale of ces_mean; 0 when no answers or mixed scales
    bool ces_low_is_easy = true;           // orientation ces_mean and the distribution are given in
};

// Values for `current`, with the previous period's when `previous` is given. The
// CES mean is compared only on the same scale; the ease score across scales.
SurveySummary summarize(const SurveyCounts& current, const SurveyCounts* previous);

// The full figures: formulas, bases, reasons, previous values and deltas.
SurveyFigures survey_figures(const SurveySummary& summary);
SurveyFigures survey_figures(const SurveyCounts& current, const SurveyCounts* previous);

// The orientation a set of CES answers is reported in: as answered when all of them
// agree, otherwise "low is easy".
bool reported_low_is_easy(const SurveyCounts& counts);

// The CES distribution on `scale` (5 or 7), answer 1 first, in the given orientation.
std::vector<std::int64_t> ces_distribution(const SurveyCounts& counts, int scale, bool low_is_easy);

// Totals, saturating at the ends of the 64-bit range.
std::int64_t nps_answers(const SurveyCounts& counts);
std::int64_t csat_answers(const SurveyCounts& counts);
std::int64_t ces_answers(const SurveyCounts& counts);

}  // namespace jm
