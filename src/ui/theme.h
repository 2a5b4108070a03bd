// Look and feel: a light theme for projectors and a dark one for screens, both
// with generous sizes so a map reads from the back of a workshop room.
#pragma once

#include <string_view>

#include "imgui.h"

namespace jm::ui {

// HighContrast: a light theme with darker text and lines, for presentation mode.
enum class Theme { Light, Dark, HighContrast };

void apply_theme(Theme theme);
Theme current_theme();

// Colours the canvas uses beyond ImGui's own style, per theme.
struct Palette {
    ImU32 canvas_bg, grid_line, header_bg, header_text, lane_bg, lane_alt_bg, lane_label;
    ImU32 card_bg, card_border, card_text, card_muted, selection, hover, drop_target, warning;
};
const Palette& palette();

// Friction 0..5 on a sequential, colour-blind-safe ramp (pale yellow to dark red).
ImU32 friction_color(int friction);
// Text colour readable on friction_color(friction).
ImU32 friction_text_color(int friction);

// Okabe-Ito qualitative palette for personas (safe for colour-blind viewers).
const char* persona_palette_hex(int index);
// A "#RRGGBB" colour as the map stores it; `fallback` for any other text. By
// hand rather than sscanf, which would bring the scanf machinery into the wasm.
ImU32 hex_colour(std::string_view hex, ImU32 fallback = IM_COL32(128, 128, 128, 255));

void set_heading_font(ImFont* font);
ImFont* heading_font();   // bold; falls back to the default font

}  // namespace jm::ui
