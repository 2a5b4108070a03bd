// platform.h for the browser: thin calls into the page's JM object (web/*.js).
#include <emscripten.h>

#include <cstdlib>
#include <map>

#include "imgui.h"
#include "platform/platform.h"
#include "platform/web/web_state.h"

namespace {

// Strings returned by EM_JS functions are malloc'ed by the page; take and free them.
std::string take_string(char* p) {
    if (!p) return {};
    std::string s(p);
    std::free(p);
    return s;
}

EM_JS(double, js_now, (), { return performance.now(); });
EM_JS(void, js_request_frame, (), { JM.requestFrame(); });
EM_JS(void, js_download, (const char* name, const char* mime, const char* data, int size), {
    JM.download(UTF8ToString(name), UTF8ToString(mime), HEAPU8.slice(data, data + size));
});
EM_JS(void, js_pick_file, (const char* accept, int request), { JM.pickFile(UTF8ToString(accept), request); });
EM_JS(char*, js_storage_set, (const char* key, const char* value), {
    return JM.cString(JM.storage.set(UTF8ToString(key), UTF8ToString(value)));
});
EM_JS(char*, js_storage_get, (const char* key), {
    var v = JM.storage.get(UTF8ToString(key));
    return v === null ? 0 : JM.cString(v);
});
EM_JS(char*, js_storage_remove, (const char* key), { return JM.cString(JM.storage.remove(UTF8ToString(key))); });
EM_JS(char*, js_storage_keys, (const char* prefix), {
    return JM.cString(JM.storage.keys(UTF8ToString(prefix)).join("\n"));
});
EM_JS(int, js_storage_available, (), { return JM.storage.available() ? 1 : 0; });
EM_JS(void, js_set_title, (const char* title), { document.title = UTF8ToString(title); });
EM_JS(void, js_set_unsaved, (int unsaved), { JM.unsavedWork = !!unsaved; });

std::map<int, std::function<void(const std::string&, const std::string&)>> g_pickers;
int g_next_picker = 1;
constexpr int kDropRequest = 0;   // files dropped on the page arrive as this request
std::function<void(const std::string&)> g_storage_changed;

jm::platform::StorageResult storage_result(std::string error) {
    return {error.empty(), std::move(error)};
}

}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void jm_file_opened(int request, const char* name, const char* data, int size) {
    auto it = g_pickers.find(request);
    if (it == g_pickers.end()) return;
    it->second(name, std::string(data, static_cast<std::size_t>(size)));
}

extern "C" EMSCRIPTEN_KEEPALIVE void jm_file_picker_closed(int request) {
    if (request != kDropRequest) g_pickers.erase(request);
}

extern "C" EMSCRIPTEN_KEEPALIVE void jm_storage_changed(const char* key) {
    if (g_storage_changed) g_storage_changed(key);
}

namespace jm::platform {

double now_ms() { return js_now(); }

void request_frames(double for_ms) {
    jm::web::keep_drawing(js_now() + for_ms, 2);
    js_request_frame();
}

void set_clipboard_text(const std::string& text) { ImGui::SetClipboardText(text.c_str()); }

std::string clipboard_text() {
    const char* text = ImGui::GetClipboardText();
    return text ? text : "";
}

void download_file(const std::string& file_name, const std::string& mime, const std::string& bytes) {
    js_download(file_name.c_str(), mime.c_str(), bytes.data(), static_cast<int>(bytes.size()));
}

void pick_file(const std::string& accept, std::function<void(const std::string&, const std::string&)> on_open) {
    int request = g_next_picker++;
    g_pickers[request] = std::move(on_open);
    js_pick_file(accept.c_str(), request);
}

void on_file_dropped(std::function<void(const std::string&, const std::string&)> on_drop) {
    g_pickers[kDropRequest] = std::move(on_drop);
}

void on_storage_changed(std::function<void(const std::string& key)> handler) { g_storage_changed = std::move(handler); }

StorageResult storage_set(const std::string& key, const std::string& value) {
    return storage_result(take_string(js_storage_set(key.c_str(), value.c_str())));
}

std::optional<std::string> storage_get(const std::string& key) {
    char* p = js_storage_get(key.c_str());
    if (!p) return std::nullopt;
    return take_string(p);
}

StorageResult storage_remove(const std::string& key) {
    return storage_result(take_string(js_storage_remove(key.c_str())));
}

std::vector<std::string> storage_keys(const std::string& prefix) {
    std::string joined = take_string(js_storage_keys(prefix.c_str()));
    std::vector<std::string> keys;
    std::size_t start = 0;
    while (start < joined.size()) {
        std::size_t end = joined.find('\n', start);
        if (end == std::string::npos) end = joined.size();
        keys.push_back(joined.substr(start, end - start));
        start = end + 1;
    }
    return keys;
}

bool storage_available() { return js_storage_available() != 0; }

void set_window_title(const std::string& title) { js_set_title(title.c_str()); }

void set_unsaved_work(bool unsaved) { js_set_unsaved(unsaved ? 1 : 0); }

}  // namespace jm::platform
