// platform.h's storage for the browser: calls into JM.storage (web/storage.js),
// which keeps IndexedDB's records in an in-memory mirror. Values cross as bytes
// (UTF-8), never as JS strings, so an 11 MB map costs a copy, not a transcoding.
#include <emscripten.h>

#include <cstdlib>
#include <functional>

#include "platform/platform.h"

namespace {

std::string take_string(char* p) {
    if (!p) return {};
    std::string s(p);
    std::free(p);
    return s;
}

EM_JS(char*, js_storage_set, (const char* key, const char* data, int size), {
    return JM.cString(JM.storage.set(UTF8ToString(key), HEAPU8.slice(data, data + size)));
});
// The value is copied into a malloc'ed buffer whose size goes to *size; 0 when absent.
EM_JS(char*, js_storage_get, (const char* key, int* size), {
    var v = JM.storage.get(UTF8ToString(key));
    if (v === undefined) return 0;
    var p = _malloc(v.length + 1);
    HEAPU8.set(v, p);
    HEAP32[size >> 2] = v.length;
    return p;
});
EM_JS(int, js_storage_has, (const char* key), { return JM.storage.has(UTF8ToString(key)) ? 1 : 0; });
EM_JS(char*, js_storage_remove, (const char* key), { return JM.cString(JM.storage.remove(UTF8ToString(key))); });
EM_JS(char*, js_storage_keys, (const char* prefix), {
    return JM.cString(JM.storage.keys(UTF8ToString(prefix)).join("\n"));
});
EM_JS(int, js_storage_available, (), { return JM.storage.available() ? 1 : 0; });
EM_JS(int, js_storage_commit, (), { return JM.storage.commit(); });
EM_JS(void, js_storage_request_persist, (), { JM.storage.requestPersist(); });
EM_JS(int, js_storage_persisted, (), { return JM.storage.persisted === null ? -1 : (JM.storage.persisted ? 1 : 0); });
EM_JS(char*, js_storage_backend, (), { return JM.cString(JM.storage.backend); });

std::function<void(const std::string&)> g_changed;
std::function<void(int, const std::string&)> g_committed;
std::function<void()> g_flush;
std::function<void(int)> g_persisted;

}  // namespace

// Another tab committed `key` (BroadcastChannel; the storage event in the localStorage fallback).
extern "C" EMSCRIPTEN_KEEPALIVE void jm_storage_changed(const char* key) {
    if (g_changed) g_changed(key);
}

// Transaction `ticket` ended: error is "" when it is on disk.
extern "C" EMSCRIPTEN_KEEPALIVE void jm_storage_committed(int ticket, const char* error) {
    if (g_committed) g_committed(ticket, error ? error : "");
}

// The page is being hidden or closed: write what is pending now.
extern "C" EMSCRIPTEN_KEEPALIVE void jm_storage_flush() {
    if (g_flush) g_flush();
}

// The answer to navigator.storage.persist(): 1 granted, 0 refused, -1 not offered.
extern "C" EMSCRIPTEN_KEEPALIVE void jm_storage_persisted(int state) {
    if (g_persisted) g_persisted(state);
}

namespace jm::platform {

StorageResult storage_set(const std::string& key, const std::string& value) {
    std::string error = take_string(js_storage_set(key.c_str(), value.data(), static_cast<int>(value.size())));
    return {error.empty(), error};
}

std::optional<std::string> storage_get(const std::string& key) {
    int size = 0;
    char* p = js_storage_get(key.c_str(), &size);
    if (!p) return std::nullopt;
    std::string value(p, static_cast<std::size_t>(size));
    std::free(p);
    return value;
}

bool storage_has(const std::string& key) { return js_storage_has(key.c_str()) != 0; }

StorageResult storage_remove(const std::string& key) {
    std::string error = take_string(js_storage_remove(key.c_str()));
    return {error.empty(), error};
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

std::string storage_backend() { return take_string(js_storage_backend()); }

int storage_commit() { return js_storage_commit(); }

void on_storage_committed(std::function<void(int ticket, const std::string& error)> handler) {
    g_committed = std::move(handler);
}

void on_storage_changed(std::function<void(const std::string& key)> handler) { g_changed = std::move(handler); }

void on_storage_flush(std::function<void()> handler) { g_flush = std::move(handler); }

Persistence storage_persistence() {
    int state = js_storage_persisted();
    return state < 0 ? Persistence::Unknown : state ? Persistence::Granted : Persistence::Refused;
}

void storage_request_persist(std::function<void(Persistence)> on_answer) {
    g_persisted = [on_answer = std::move(on_answer)](int state) {
        on_answer(state < 0 ? Persistence::Unknown : state ? Persistence::Granted : Persistence::Refused);
    };
    js_storage_request_persist();
}

}  // namespace jm::platform
