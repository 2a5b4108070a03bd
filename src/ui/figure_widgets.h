// One metric on screen: value, base, change since last period, and the formula
// in a tooltip; "not available" says why instead of showing a zero.
#pragma once

#include "metrics/figure.h"
#include "metrics/survey.h"

namespace jm::ui {

// A table row (inside a 2-column BeginTable) for one figure. `label` is shown as
// given (translate it first); `base_name` names what the figure counts, in English:
// "answers", "touchpoints", "customers" or "revenue".
void figure_row(const char* label, const Figure& f, const char* base_name = "answers");

// NPS, CSAT and CES of a set of survey figures, as figure rows.
void survey_rows(const SurveyFigures& s);

// "42.0", "-10", "12.5 %" for a figure's value in its unit.
std::string format_figure(const Figure& f);

}  // namespace jm::ui
