// web_share_link.h for the browser: thin calls into JM.share (web/share_link.js),
// whose asynchronous answers come back through the jm_share_* functions below.
#include <emscripten.h>

#include <cstdlib>
#include <map>
#include <utility>

#include "platform/web/web_share_link.h"

namespace {

EM_JS(void, js_share_deflate, (int request, const char* data, int size), {
    JM.share.deflate(request, HEAPU8.slice(data, data + size));
});
EM_JS(void, js_share_inflate, (int request, const char* data, int size, double max_bytes), {
    JM.share.inflate(request, HEAPU8.slice(data, data + size), max_bytes);
});
EM_JS(char*, js_share_page_address, (), { return JM.cString(JM.share.pageAddress()); });
EM_JS(char*, js_share_page_fragment, (), { return JM.cString(JM.share.pageFragment()); });
EM_JS(void, js_share_clear_fragment, (), { JM.share.clearFragment(); });
EM_JS(void, js_share_watch_fragment, (), { JM.share.watchFragment(); });
EM_JS(void, js_share_copy_later, (int ticket), { JM.share.copyLater(ticket); });
EM_JS(void, js_share_copy_now, (int ticket, const char* text), { JM.share.copyNow(ticket, UTF8ToString(text)); });
EM_JS(void, js_share_answer, (int request, const char* json), { JM.share.answer(request, UTF8ToString(json)); });

std::map<int, jm::platform::BytesDone> g_transforms;
int g_next_transform = 1;
std::map<int, std::function<void(bool)>> g_copies;
int g_next_copy = 1;
std::function<void(const std::string&)> g_on_fragment;

std::string taken(char* text) {
    std::string out = text ? text : "";
    std::free(text);
    return out;
}

}  // namespace

// A deflate or inflate finished: `size` bytes at `data`, or `error` (not empty).
extern "C" EMSCRIPTEN_KEEPALIVE void jm_share_bytes_done(int request, const char* data, int size, const char* error) {
    auto it = g_transforms.find(request);
    if (it == g_transforms.end()) return;
    jm::platform::BytesDone done = std::move(it->second);
    g_transforms.erase(it);
    done(std::string(data, static_cast<std::size_t>(size)), error ? error : "");
}

extern "C" EMSCRIPTEN_KEEPALIVE void jm_share_copied(int ticket, int copied) {
    auto it = g_copies.find(ticket);
    if (it == g_copies.end()) return;
    auto done = std::move(it->second);
    g_copies.erase(it);
    if (done) done(copied != 0);
}

extern "C" EMSCRIPTEN_KEEPALIVE void jm_share_fragment_changed() {
    if (g_on_fragment) g_on_fragment(jm::platform::page_fragment());
}

namespace jm::platform {

void deflate_raw(const std::string& bytes, BytesDone done) {
    const int request = g_next_transform++;
    g_transforms[request] = std::move(done);
    js_share_deflate(request, bytes.data(), static_cast<int>(bytes.size()));
}

void inflate_raw(const std::string& bytes, std::size_t max_bytes, BytesDone done) {
    const int request = g_next_transform++;
    g_transforms[request] = std::move(done);
    js_share_inflate(request, bytes.data(), static_cast<int>(bytes.size()), static_cast<double>(max_bytes));
}

std::string page_address() { return taken(js_share_page_address()); }
std::string page_fragment() { return taken(js_share_page_fragment()); }
void clear_page_fragment() { js_share_clear_fragment(); }

void on_page_fragment_changed(std::function<void(const std::string& fragment)> on_change) {
    g_on_fragment = std::move(on_change);
    js_share_watch_fragment();
}

int begin_clipboard_text(std::function<void(bool copied)> done) {
    const int ticket = g_next_copy++;
    g_copies[ticket] = std::move(done);
    js_share_copy_later(ticket);
    return ticket;
}

void finish_clipboard_text(int ticket, const std::string& text) { js_share_copy_now(ticket, text.c_str()); }

void answer_share_request(int request, const std::string& json) { js_share_answer(request, json.c_str()); }

}  // namespace jm::platform
