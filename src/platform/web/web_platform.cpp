// platform.h for the browser: thin calls into the page's JM object (web/*.js).
#include <emscripten.h>

#include <functional>
#include <map>

#include "imgui.h"
#include "io/limits.h"
#include "platform/platform.h"
#include "platform/web/web_state.h"

namespace {

EM_JS(double, js_now, (), { return performance.now(); });
EM_JS(void, js_request_frame, (), { JM.requestFrame(); });
EM_JS(void, js_request_frame_after, (double ms), { setTimeout(() => JM.requestFrame(), ms); });
EM_JS(void, js_announce_ready, (), { if (JM.editorReady) JM.editorReady(); });
EM_JS(void, js_download, (const char* name, const char* mime, const char* data, int size), {
    JM.download(UTF8ToString(name), UTF8ToString(mime), HEAPU8.slice(data, data + size));
});
EM_JS(void, js_pick_file, (const char* accept, int request, int multiple), { JM.pickFile(UTF8ToString(accept), request, !!multiple); });
EM_JS(void, js_set_title, (const char* title), { document.title = UTF8ToString(title); });
EM_JS(void, js_set_unsaved, (int unsaved), { JM.unsavedWork = !!unsaved; });

struct Picker {
    jm::platform::FileHandler on_file;
    std::function<void()> on_done;
};
std::map<int, Picker> g_pickers;
int g_next_picker = 1;
constexpr int kDropRequest = 0;   // files dropped on the page arrive as this request

}  // namespace

// `file_size` is the file's size; `size` the bytes read (none for a file over the limit).
extern "C" EMSCRIPTEN_KEEPALIVE void jm_file_opened(int request, const char* name, const char* data, int size, double file_size) {
    auto it = g_pickers.find(request);
    if (it == g_pickers.end()) return;
    it->second.on_file(name, std::string(data, static_cast<std::size_t>(size)), file_size);
}

// The largest file the page reads (web/platform.js asks before reading one).
extern "C" EMSCRIPTEN_KEEPALIVE double jm_max_file_bytes() { return static_cast<double>(jm::limits::kMaxFileBytes); }

extern "C" EMSCRIPTEN_KEEPALIVE void jm_file_picker_closed(int request) {
    auto it = g_pickers.find(request);
    if (request == kDropRequest || it == g_pickers.end()) return;
    auto done = std::move(it->second.on_done);
    g_pickers.erase(it);
    if (done) done();
}

namespace jm::platform {

double now_ms() { return js_now(); }

void request_frames(double for_ms) {
    jm::web::keep_drawing(js_now() + for_ms, 2);
    js_request_frame();
}

void request_frame_after(double after_ms) { js_request_frame_after(after_ms); }

void announce_ready() { js_announce_ready(); }

void set_clipboard_text(const std::string& text) { ImGui::SetClipboardText(text.c_str()); }

std::string clipboard_text() {
    const char* text = ImGui::GetClipboardText();
    return text ? text : "";
}

void download_file(const std::string& file_name, const std::string& mime, const std::string& bytes) {
    js_download(file_name.c_str(), mime.c_str(), bytes.data(), static_cast<int>(bytes.size()));
}

void pick_file(const std::string& accept, FileHandler on_open) {
    int request = g_next_picker++;
    g_pickers[request] = {std::move(on_open), nullptr};
    js_pick_file(accept.c_str(), request, 0);
}

void pick_files(const std::string& accept, FileHandler on_open, std::function<void()> on_done) {
    int request = g_next_picker++;
    g_pickers[request] = {std::move(on_open), std::move(on_done)};
    js_pick_file(accept.c_str(), request, 1);
}

void on_file_dropped(FileHandler on_drop) {
    g_pickers[kDropRequest] = {std::move(on_drop), nullptr};
}

void set_window_title(const std::string& title) { js_set_title(title.c_str()); }

void set_unsaved_work(bool unsaved) { js_set_unsaved(unsaved ? 1 : 0); }

}  // namespace jm::platform
