// Field widgets for the inspector. Each edits a copy of the item and, when the
// user changed something, sends one command named after the field; typing or
// dragging merges into one undo step until the widget is released.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "edit/commands.h"
#include "ui/editor_state.h"

namespace jm::ui {

// Sends `after` as an edit of the touchpoint / stage / persona / map details,
// merging with the previous edit of the same field while the widget stays active.
void commit_touchpoint(EditorState& st, const Touchpoint& before, const Touchpoint& after, const char* field);
void commit_stage(EditorState& st, const Stage& before, const Stage& after, const char* field);
void commit_persona(EditorState& st, const Persona& before, const Persona& after, const char* field);
void commit_map(EditorState& st, const MapInfo& after, const char* field);

// After any field widget: closes the merge window when the widget is released.
void end_field(EditorState& st);

// Widgets that return true when the value changed this frame. In each text
// field Escape leaves the field and keeps what was typed. Paragraphs (multi-line
// texts, lists of pain points...) are in ui/paragraph_field.h.
bool text_field(const char* label, std::string& value);
bool optional_number(const char* label, std::optional<double>& value, const char* format = "%.2f");
bool optional_count(const char* label, std::optional<std::int64_t>& value);
bool friction_slider(const char* label, int& friction);
bool emotion_picker(const char* label, int& emotion);
bool channel_combo(const char* label, std::string& channel);
bool team_field(const char* label, std::string& team, const Map& map);

// Answer counts of one survey (NPS 0-10, CSAT 1-5, CES on 5 or 7 points).
bool survey_editor(Survey& survey);
// An optional survey: a checkbox to have one, then its counts.
bool previous_survey_editor(std::optional<Survey>& previous);

// The inspector's title: what kind of item, then its name in large type.
void inspector_heading(const char* kind, const std::string& name);

// A label column to the left of each widget, as in a property sheet.
void field_label(const char* text);

}  // namespace jm::ui
