// Glanceable text for stage headers and KPI lines, from the metrics engine.
// Status is never conveyed by colour alone: each level has its own symbol and word.
#pragma once

#include <string>

#include "imgui.h"
#include "ui/editor_state.h"

namespace jm::ui {

struct StageBadge {
    std::string text;   // e.g. "▲ Warning · 2 buyers missing"
    ImU32 color;
};

StageBadge stage_badge(const EditorState& st, int stage);

// Buyer-side personas with no touchpoint in this stage (the persona warning).
std::vector<const Persona*> missing_buyers(const Map& map, int stage);

// "12.5 % (target 15) ✗ off target, improving"
std::string kpi_summary(const Kpi& kpi);

// Health symbol and word: "✓ Good", "▲ Warning", "✖ Bad", "? Not enough data".
const char* health_label(Health h);
ImU32 health_color(Health h);

}  // namespace jm::ui
