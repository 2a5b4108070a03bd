// Window and popup titles in the UI's language with an id that stays the same
// in every language: ImGui's "Visible text###StableId" form. The id keeps the
// window's place, size and open state across a language switch, and a popup
// opened with OpenPopup(title) is the one BeginPopupModal(title) draws, whatever
// the language (ImGui hashes only the part from "###").
#pragma once

#include <string>
#include <string_view>

namespace jm::ui {

// `shown` + "###" + `id`. `id` is the English title by convention ("History"),
// so that browser tests and the test hook name the window the same way in
// every language. Build it once per frame; `shown` must hold no '/' (ImGui
// separates a child window's name from its parent's with one).
std::string window_title(std::string_view shown, std::string_view id);

// A window's name without the visible part of any "Visible###Id" segment of
// its path: "Historial###History" -> "History", "Historial###History/Child_1A2B3C4D"
// -> "History/Child_1A2B3C4D"; names without "###" are returned as they are.
// The test hook (src/platform/web/test_hooks.cpp) publishes window names this way.
std::string stable_window_name(std::string_view name);

}  // namespace jm::ui
