// The editor's UI language: chosen from the browser's languages on the first
// visit, changed from View > Language at once (between two frames, so no string
// of a frame is translated twice differently), and remembered in this browser.
#pragma once

#include <functional>
#include <string>

namespace jm {

struct AppState;

// The remembered language, else the best of the browser's. Call once at start.
// The web build carries English only: another language's catalogue is fetched
// first, and the editor draws nothing until it is in (or could not be had).
// `then` runs once the language is set: at once, or when the fetch ends (the
// session starts there, so a first map is made in the user's language).
void start_language(AppState& app, std::function<void()> then);
// False while the start language's catalogue is on its way.
bool language_ready(const AppState& app);

// Switches to `code` from the next frame on; the map, the selection and the undo
// history are untouched.
void choose_language(AppState& app, const std::string& code);

// At the start of a frame: makes a chosen language current.
void apply_language_choice(AppState& app);

// View > Language: one item per language, in its own name.
void language_menu(AppState& app);

}  // namespace jm
