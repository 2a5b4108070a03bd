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

// Page title shown in the browser tab.
void set_window_title(const std::string& title);

// Tells the page whether leaving it would lose work (beforeunload prompt).
void set_unsaved_work(bool unsaved);

}  // namespace jm::platform
