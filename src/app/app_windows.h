// The app's own UI: the menu bar and the dialogs about files and the library.
#pragma once

#include "app/app_state.h"

namespace jm {

void draw_main_menu(AppState& app);      // app_windows.cpp
void draw_app_windows(AppState& app);    // app_dialogs.cpp
void open_file_picker(AppState& app);

}  // namespace jm
