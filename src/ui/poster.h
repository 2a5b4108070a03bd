// The title block and legend of the exported picture (File > Export > Image of
// the whole map): a printed map must say on its own which map it is, when it
// was exported, for whom (the persona filter), and what its colours and symbols
// mean (friction scale, emotion faces, stage health, persona colours).
#pragma once

#include <string>

#include "imgui.h"
#include "ui/editor_state.h"

namespace jm::ui {

// Height, in world units (the map's 100% pixels), of the block for a picture
// `width` world units wide; the legend wraps onto more lines on a narrow map.
float poster_header_height(const EditorState& st, float width, const std::string& date);

// Paints the block at `origin` (picture pixels), `scale` picture pixels per world unit.
void paint_poster_header(ImDrawList* dl, const EditorState& st, ImVec2 origin, float scale, float width,
                         const std::string& date);

// The narrowest picture the block reads well in (world units).
inline constexpr float kPosterMinWidth = 900.0f;

}  // namespace jm::ui
