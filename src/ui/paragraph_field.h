// Paragraph fields of the inspector (descriptions, doing, thinking, pains...):
// the text wrapped inside a frame as tall as the text. A click or Tab opens the
// field for typing: the platform puts a real text box exactly over it
// (platform::text_overlay_show), which wraps as you type, shows IME composition
// and spell-checks; each change goes to the map through the field's undoable
// command and the whole visit is one undo step (ui/core/paragraph_edit.h).
#pragma once

#include <string>
#include <vector>

#include "ui/editor_state.h"

namespace jm::ui {

// The label column, then the field (at least `min_lines` lines tall).
void paragraph_field(EditorState& st, const char* label, const ParagraphField& field, float min_lines = 2);

// A list of short paragraphs (pain points, opportunities, quotes): one field
// per item with a remove button, then `add_label`, which opens a new item for
// typing. An item left empty is not kept.
void paragraph_list(EditorState& st, const char* label, ParagraphSlot slot, const std::string& id,
                    const std::vector<std::string>& items, const char* add_label);

// Start of each frame, before anything is drawn: applies what the text box
// reported (typing, leaving) and closes it when its field was not drawn in the
// last frame (another selection, a panel closed, a dialog on top) or the map
// changed under it (an undo).
void apply_paragraph_input(EditorState& st);

// Start of a panel whose fields Tab moves between: Tab pressed while no field is
// active (after Escape, after leaving a paragraph, after a button) continues
// from the field last used instead of jumping to the first one.
void continue_tab_order();

// Before an ImGui::InputText labelled `label`: Escape leaves the field and keeps
// what was typed (ImGui alone would put back the text it had when activated).
void escape_keeps_text(const char* label);

}  // namespace jm::ui
