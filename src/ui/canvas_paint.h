// Draws the map (headers, lanes, cards, curves) into an ImDrawList for a given
// view. The interactive canvas and the PNG export both use it; it only reads.
// Text comes from the layout's cached lines (wrapped once per edit at 100%),
// drawn at the zoom's size: nothing is measured per frame.
#pragma once

#include "imgui.h"
#include "ui/core/text_layout.h"
#include "ui/editor_state.h"

namespace jm::ui {

struct Paint {
    ImDrawList* dl = nullptr;
    const EditorState* st = nullptr;
    View view;
    ImVec2 origin;          // screen position of the canvas's top-left corner
    ImVec2 size;            // canvas size on screen
    bool interactive = true;   // false for the PNG export: no hover, no selection, no sticky headers
    bool sticky_labels = false;  // lane names stay at the left edge without interactive (presentation mode)
    std::string hovered_card;  // id, for the hover outline
};

void paint_map(const Paint& p);

// A persona's colour as the canvas draws it (its "#rrggbb", else a muted grey).
ImU32 persona_color(const Persona& persona);

// Text clipped to `max_width` with an ellipsis; returns true if it was clipped.
bool draw_text_ellipsis(ImDrawList* dl, float size, ImVec2 pos, float max_width, ImU32 color, const std::string& text);

// The font the canvas draws with, and its glyph advances for the layout's line
// breaker. The metric's key changes when the font does (the fonts arrive after
// the first frames), which makes the layout wrap every text again.
ImFont* canvas_font();
const TextMetric& canvas_text_metric();

// Below this zoom text would be smaller than 6 px: lines are drawn as grey bars
// and cards in their simple form.
inline constexpr float kDetailZoom = 0.35f;
// Labels (stage names, lane names) never shrink below this many pixels.
inline constexpr float kMinLabelPixels = 12.0f;

// The card-detail switch in the corner above the lane names (world units from
// the corner's top-left), drawn by the painter and clicked through canvas.cpp.
Rect card_detail_switch(const CanvasLayout& layout, bool compact_half);

}  // namespace jm::ui
