#include "metrics/figure.h"

#include <cmath>

#include "i18n/i18n.h"

namespace jm {

Figure make_figure(double value, double base, const char* formula, const char* unit) {
    if (std::isnan(value) || std::isnan(base))
        return unavailable_figure(i18n::tr("result is undefined (not a number)"), base, formula, unit);
    if (!std::isfinite(value) || !std::isfinite(base))
        return unavailable_figure(i18n::tr("result too large to represent"), base, formula, unit);
    Figure f;
    f.value = value;
    f.base = base;
    f.formula = formula;
    f.unit = unit;
    return f;
}

Figure unavailable_figure(std::string reason, double base, const char* formula, const char* unit) {
    Figure f;
    f.base = std::isfinite(base) ? base : 0;
    f.unavailable = std::move(reason);
    f.formula = formula;
    f.unit = unit;
    return f;
}

void set_previous(Figure& figure, std::optional<double> previous) {
    figure.previous.reset();
    figure.delta.reset();
    if (!previous || !std::isfinite(*previous)) return;
    figure.previous = previous;
    if (figure.value) {
        double d = *figure.value - *previous;
        if (std::isfinite(d)) figure.delta = d;
    }
}

}  // namespace jm
