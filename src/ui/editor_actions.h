// The editor's verbs, shared by menus, keyboard shortcuts, the canvas and the
// JavaScript API. Each turns into edit commands (one undo step) and keeps the
// selection and the view sensible afterwards.
#pragma once

#include <string>
#include <vector>

#include "ui/editor_state.h"

namespace jm::ui {

void undo(EditorState& st);
void redo(EditorState& st);

void add_stage(EditorState& st, int index);
void delete_stage(EditorState& st, const std::string& id);
void move_stage_to(EditorState& st, const std::string& id, int index);
void begin_rename_stage(EditorState& st, const std::string& id);
void commit_rename_stage(EditorState& st);

// Adds an empty touchpoint at the end of a stage, selects it and focuses its title.
void add_touchpoint(EditorState& st, const std::string& stage_id);
void move_selected_cards(EditorState& st, const std::string& stage_id, int index);
void delete_selection(EditorState& st);
void duplicate_selection(EditorState& st);

// Cards travel through the system clipboard as a small map file (map JSON), so
// they paste into another map, another tab or a text editor.
std::string copy_selection(EditorState& st);           // returns the clipboard text ("" if nothing selected)
std::string cut_selection(EditorState& st);
// Pastes cards from clipboard text after the focused card (or into the selected
// stage, or the first stage). Returns how many cards were pasted; 0 with `error` set otherwise.
int paste_cards(EditorState& st, const std::string& text, std::string& error);

void add_persona(EditorState& st);
void delete_persona(EditorState& st, const std::string& id);
// Deletes at once when no card involves the persona; otherwise asks first
// (draw_persona_dialogs shows the question).
void request_delete_persona(EditorState& st, const std::string& id);
int cards_involving(const Map& map, const std::string& persona_id);

// Selects a card and scrolls the canvas so it is visible.
void select_and_reveal(EditorState& st, const std::string& touchpoint_id);
void reveal_stage(EditorState& st, const std::string& stage_id);
void fit_to_screen(EditorState& st);
// What a newly opened map shows: all of it if that stays readable, else its start.
void show_start_of_map(EditorState& st);
inline constexpr float kReadableZoom = 0.75f;
void zoom_to(EditorState& st, float zoom);     // about the canvas centre

// Keyboard navigation between cards with the arrow keys.
void move_focus(EditorState& st, Direction dir);

}  // namespace jm::ui
