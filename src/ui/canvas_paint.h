// Draws the map (headers, lanes, cards, curves) into an ImDrawList for a given
// view. The interactive canvas and the PNG export both use it; it only reads.
#pragma once

#include "imgui.h"
#include "ui/editor_state.h"

namespace jm::ui {

struct Paint {
    ImDrawList* dl = nullptr;
    const EditorState* st = nullptr;
    View view;
    ImVec2 origin;          // screen position of the canvas's top-left corner
    ImVec2 size;            // canvas size on screen
    bool interactive = true;   // false for the PNG export: no hover, no selection, no sticky headers
    std::string hovered_card;  // id, for the hover outline
};

void paint_map(const Paint& p);

// Text clipped to `max_width` with an ellipsis; returns true if it was clipped.
bool draw_text_ellipsis(ImDrawList* dl, float size, ImVec2 pos, float max_width, ImU32 color, const std::string& text);

// How much a font must shrink at this zoom; cards switch to a simple form below it.
inline constexpr float kDetailZoom = 0.35f;
// Labels (stage names, lane names) never shrink below this many pixels.
inline constexpr float kMinLabelPixels = 12.0f;

}  // namespace jm::ui
