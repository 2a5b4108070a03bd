// What the editor needs from the machine it runs on. The web implementation is
// in platform/web/; the app and the UI call only these functions, so no
// Emscripten code leaks past this folder.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "imgui.h"

namespace jm::platform {

// Milliseconds since some fixed point; only differences matter.
double now_ms();

// Asks for more frames: the app draws only on input, on resize and while this is
// asked for (animations), so an idle map burns no battery.
void request_frames(double for_ms);

// System clipboard. Reading is only possible inside a paste gesture, so the web
// platform hands pasted text over through this buffer.
void set_clipboard_text(const std::string& text);
std::string clipboard_text();

// Saves bytes as a file the user downloads (a Blob URL on the web).
void download_file(const std::string& file_name, const std::string& mime, const std::string& bytes);

// Opens the system file picker; `on_open(name, bytes)` runs later, once per file chosen.
void pick_file(const std::string& accept, std::function<void(const std::string&, const std::string&)> on_open);

// Files dropped anywhere on the page: `on_drop(name, bytes)` runs once per file.
void on_file_dropped(std::function<void(const std::string&, const std::string&)> on_drop);

// Persistent key-value storage (localStorage on the web).
struct StorageResult {
    bool ok = false;
    std::string error;   // "quota exceeded", "storage unavailable", ...
};
StorageResult storage_set(const std::string& key, const std::string& value);
std::optional<std::string> storage_get(const std::string& key);
StorageResult storage_remove(const std::string& key);
std::vector<std::string> storage_keys(const std::string& prefix);
bool storage_available();
// Another tab of the same site changed `key` (the browser's storage event).
void on_storage_changed(std::function<void(const std::string& key)> handler);

// Renders `draw_list` (in pixels, origin 0,0) into an offscreen image of
// width x height and saves it as a PNG the user downloads. Call after the frame
// that built the list was rendered, so its glyphs are in the font texture.
void save_png(const ImDrawList& draw_list, int width, int height, ImU32 background, const std::string& file_name);
// The largest image side the renderer can produce.
int max_image_size();

// Page title shown in the browser tab.
void set_window_title(const std::string& title);

// Tells the page whether leaving it would lose work (beforeunload prompt).
void set_unsaved_work(bool unsaved);

}  // namespace jm::platform
