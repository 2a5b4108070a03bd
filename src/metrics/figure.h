// One reported number together with what a reader needs to trust it: the
// sample size or denominator behind it, how it is computed, why it is missing,
// and how it moved since the previous period. Metrics never return NaN and
// never a silent zero: a figure that cannot be computed has no value and says why.
#pragma once

#include <optional>
#include <string>

namespace jm {

struct Figure {
    std::optional<double> value;       // absent when the figure cannot be computed
    double base = 0;                   // sample size or denominator behind value
    std::string unavailable;           // why value is absent ("no answers"); empty when present
    const char* formula = "";          // how value is computed, in words for the user
    const char* unit = "";             // "%", "points", "/5", "money", "" ...
    std::optional<double> previous;    // the same figure for the previous period
    std::optional<double> delta;       // value - previous, when both exist

    bool available() const { return value.has_value(); }
};

// A computed figure. A non-finite value or base becomes "not available" rather
// than leaking a NaN or an infinity: "result too large to represent" for an
// infinity (inputs near the largest double, 1.8e308, overflow on the way),
// "result is undefined (not a number)" for a NaN. The base is then 0 unless finite.
Figure make_figure(double value, double base, const char* formula, const char* unit);

// A figure that cannot be computed, with the reason in plain words.
Figure unavailable_figure(std::string reason, double base, const char* formula, const char* unit);

// Records the previous period's value and the change since then.
void set_previous(Figure& figure, std::optional<double> previous);

}  // namespace jm
