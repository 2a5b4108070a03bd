#pragma once

#include "ui/editor_state.h"

namespace jm::ui {

// The map canvas, filling the space left by the side panels.
void draw_canvas(EditorState& st);

}  // namespace jm::ui
