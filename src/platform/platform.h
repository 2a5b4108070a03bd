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

// Tells the page the editor is ready for its user and its API: the language is
// set and the session has started (a map is open). Once, at start.
void announce_ready();

// Asks for one frame `after_ms` from now (a timer, not frames in between): for
// work due later while the page is idle, such as retrying a failed save.
void request_frame_after(double after_ms);

// System clipboard. Reading is only possible inside a paste gesture, so the web
// platform hands pasted text over through this buffer.
void set_clipboard_text(const std::string& text);
std::string clipboard_text();

// Saves bytes as a file the user downloads (a Blob URL on the web).
void download_file(const std::string& file_name, const std::string& mime, const std::string& bytes);

// A file the user picked or dropped: `on_file(name, bytes, size)`. A file larger
// than limits::kMaxFileBytes is not read (reading it whole could take all the
// tab's memory): its bytes are empty and `size` says how large it is.
using FileHandler = std::function<void(const std::string& name, const std::string& bytes, double size)>;

// Opens the system file picker; `on_open` runs later, once per file chosen.
void pick_file(const std::string& accept, FileHandler on_open);
// The picker with several files allowed: `on_open` once per file, then `on_done`
// once after the last one (also when the picker is closed with none chosen).
void pick_files(const std::string& accept, FileHandler on_open, std::function<void()> on_done);

// Files dropped anywhere on the page: `on_drop` runs once per file.
void on_file_dropped(FileHandler on_drop);

// Persistent key-value storage. On the web it is IndexedDB seen through an
// in-memory mirror loaded before the app starts (web/storage.js): reads are
// synchronous; a write changes the mirror at once and reaches the disk with the
// other writes of the same batch, in one transaction. storage_commit() closes the
// batch (writes left open are committed at the end of the current frame or call);
// its outcome arrives later through on_storage_committed.
struct StorageResult {
    bool ok = false;
    std::string error;   // "browser storage is full", "browser storage is disabled", ...
};
// The error of a write refused because another tab wrote the same map since this one read it.
inline constexpr const char* kStorageConflict = "changed in another tab";
// The error of a batch the disk had no room for.
inline constexpr const char* kStorageFull = "browser storage is full";

StorageResult storage_set(const std::string& key, const std::string& value);
std::optional<std::string> storage_get(const std::string& key);
bool storage_has(const std::string& key);
StorageResult storage_remove(const std::string& key);
std::vector<std::string> storage_keys(const std::string& prefix);
// False when nothing persists (storage refused): maps live in memory until the page closes.
bool storage_available();
// "indexeddb", "localstorage" (IndexedDB refused: the old 5 MB store) or "memory".
std::string storage_backend();

// Closes the current batch of writes and returns its ticket (0: nothing was written).
int storage_commit();
// A batch ended: error is "" once it is on disk, else why not (kStorageConflict,
// "browser storage is full"...). Called between frames.
void on_storage_committed(std::function<void(int ticket, const std::string& error)> handler);
// Another tab of the same site changed `key`; the mirror already holds its value.
void on_storage_changed(std::function<void(const std::string& key)> handler);
// The page is being hidden or closed: pending work should be written now.
void on_storage_flush(std::function<void()> handler);

// Whether the browser keeps the site's storage when the disk runs low.
enum class Persistence { Unknown, Granted, Refused };
Persistence storage_persistence();
// Asks for persistent storage (navigator.storage.persist()); the answer comes later.
void storage_request_persist(std::function<void(Persistence)> on_answer);

// Renders `draw_list` (in pixels, origin 0,0) into an offscreen image of
// width x height and saves it as a PNG the user downloads. Call after the frame
// that built the list was rendered, so its glyphs are in the font texture.
void save_png(const ImDrawList& draw_list, int width, int height, ImU32 background, const std::string& file_name);
// The largest image side the renderer can produce.
int max_image_size();

// Full screen (the Fullscreen API on the web): asks to show the editor on the
// whole screen, or to leave it. The browser may refuse (no user gesture, a
// policy): the app must work either way. on_fullscreen_changed reports what
// really happened, also when the user leaves with the browser's own Escape.
void request_fullscreen(bool on);
void on_fullscreen_changed(std::function<void(bool fullscreen)> handler);

// Fonts by need: the editor starts with Latin, Greek and Cyrillic fonts only.
// This asks for the CJK font (app/font_needs.h says when): on the web its common
// characters are fetched and merged into the running fonts, and the whole font
// follows by itself the first time a character they lack is drawn. Idempotent
// and cheap; the text drawn meanwhile shows fallback glyphs for a moment.
void request_cjk_font();

// Page title shown in the browser tab.
void set_window_title(const std::string& title);

// Tells the page whether leaving it would lose work (beforeunload prompt).
void set_unsaved_work(bool unsaved);

// A real text box over a paragraph field while it is edited (on the web a
// <textarea>, web/text_overlay.js): it wraps while you type, shows IME
// composition and has the browser's spell-check, which ImGui 1.92.2b's text
// fields cannot do. The app shows it every frame the field is drawn (cheap when
// nothing moved) and reads what the user did with text_overlay_events().
struct TextOverlay {
    unsigned generation = 0;        // a new value starts a new edit: text and caret reset, focus taken
    std::string text;               // the field's text when the edit starts
    std::string label;              // for screen readers ("Description")
    float x = 0, y = 0, w = 0, h = 0;                       // the field, CSS px from the canvas' top-left
    float clip_x0 = 0, clip_y0 = 0, clip_x1 = 0, clip_y1 = 0;   // the part that may show (the panel's inside)
    float font_size = 17, line_height = 17, padding_x = 8, padding_y = 5, rounding = 0, max_height = 0;
    // ImGui's width of kTextOverlaySample at font_size: ImGui sizes a font by its
    // line height, CSS by its em, so the box scales its font until they agree.
    float sample_width = 0;
    ImU32 background = 0, text_color = 0, border = 0, selection = 0;
    bool multi_line = true;         // false: Enter leaves the field (list items)
    int caret = -1;                 // where a new edit puts the caret, in UTF-16 units; -1: the end
};
inline constexpr const char* kTextOverlaySample = "The quick brown fox jumps over the lazy dog";
void text_overlay_show(const TextOverlay& overlay);
void text_overlay_hide();

struct TextOverlayEvent {
    enum class Kind { Input, Leave } kind = Kind::Input;
    enum class Leave { Escape, Tab, ShiftTab, Enter, Elsewhere } leave = Leave::Elsewhere;
    std::string text;               // the whole text now
    bool composing = false;         // an IME composition is under way: `text` holds it unconfirmed
    float content_height = 0;       // the wrapped text's height, CSS px, padding excluded
};
// What happened in the text box since the last call, oldest first.
std::vector<TextOverlayEvent> text_overlay_events();

}  // namespace jm::platform
