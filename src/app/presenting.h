// Presentation mode as the app runs it (View > Present, F5): full screen,
// the light high-contrast theme, and the editor's panels and menus left out
// while ui/presentation.cpp draws the map alone. Escape, F5 or the browser
// leaving full screen end it.
#pragma once

#include "app/app_state.h"

namespace jm {

// Listens for the browser entering and leaving full screen (call once, at start).
void watch_fullscreen(AppState& app);
void start_presenting(AppState& app);
void stop_presenting(AppState& app);
// Starts presenting on F5, and draws presentation mode while it is on. Returns
// true when it drew the frame (the editor then draws nothing).
bool draw_presenting(AppState& app);

}  // namespace jm
