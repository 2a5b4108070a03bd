// Metrics as JSON (stable shape, documented in README "Metrics") and as a text
// table for a terminal. Both take the map for names and titles.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "metrics/metrics.h"

namespace jm {

inline constexpr int kMetricsJsonVersion = 1;

// {"value", "base", "unavailable", "formula", "unit", "previous", "delta"}: every key
// always present, null when absent. Numbers are rounded to 4 decimals; never NaN.
nlohmann::json figure_to_json(const Figure& figure);

nlohmann::json metrics_to_json(const Map& map, const MapMetrics& metrics);

std::string metrics_table(const Map& map, const MapMetrics& metrics);

}  // namespace jm
