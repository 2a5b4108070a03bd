// The editor's panels and windows, one file each in src/ui/.
#pragma once

#include "ui/editor_state.h"

namespace jm::ui {

void draw_personas_panel(EditorState& st);     // personas_panel.cpp: personas, view-as, lanes
void draw_persona_dialogs(EditorState& st);    // personas_panel.cpp: "delete this persona?"
void draw_inspector(EditorState& st);          // inspector*.cpp: the selected item's fields
void draw_history_window(EditorState& st);     // history_window.cpp
void draw_find_bar(EditorState& st);           // find_bar.cpp
void draw_shortcuts_window(EditorState& st);   // shortcuts_window.cpp
void draw_status_bar(EditorState& st);         // status_bar.cpp
// `text` cut at a character boundary, with "…", to fit `width` in the current font.
std::string shortened(const std::string& text, float width);   // status_bar.cpp
void draw_metrics_window(EditorState& st);     // metrics_window.cpp

// Keyboard shortcuts that act on the map (not while a text field has focus).
void handle_shortcuts(EditorState& st);        // shortcuts.cpp

}  // namespace jm::ui
