// The editor's body under the menu bar: the personas and lanes panel, the canvas,
// the inspector and the status bar. From 1400 CSS px of width the panels are
// docked beside the canvas; below, the map gets the width and the panels open
// over its edges (which and when: ui/core/side_panels.h).
#pragma once

namespace jm {

struct AppState;

// Early in the frame, before the shortcuts: fits the panels to the window's width
// and to the selection, and lets Escape close an open overlay.
void update_side_panels(AppState& app);

// Draws the body: panels, canvas and status bar.
void layout_panels(AppState& app);

}  // namespace jm
