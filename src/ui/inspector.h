// Inspector sections, one per kind of selection.
#pragma once

#include "ui/editor_state.h"

namespace jm::ui {

void stage_inspector(EditorState& st, const Stage& stage);       // inspector_details.cpp
void persona_inspector(EditorState& st, const Persona& persona);  // inspector_details.cpp
void map_inspector(EditorState& st);                              // inspector_details.cpp

}  // namespace jm::ui
