#pragma once

#include "imgui.h"

namespace jm::web {

// Maps KeyboardEvent.code to ImGui's key; ImGuiKey_None for keys ImGui has no name for.
ImGuiKey key_from_dom_code(const char* code);

}  // namespace jm::web
