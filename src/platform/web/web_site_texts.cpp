// settings.h's texts by need for the browser: the site's files the wasm does
// not carry. A language's translation catalogue (assets/i18n/<code>.json, in the
// site as i18n/<code>.json) and its templates (templates/<code>.json, bundled by
// scripts/bundle_templates.cmake) are fetched the first time they are wanted, so
// an English visitor downloads no translation and only the English templates.
// The single-file build carries them all inline (scripts/single_file.py), as it
// does the fonts.
#include <emscripten.h>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "platform/settings.h"

namespace {

using Done = std::function<void(std::optional<std::string>)>;

// The requests still waiting, by path: a second request for the same file
// waits for the same fetch.
std::map<std::string, std::vector<Done>>& waiting() {
    static std::map<std::string, std::vector<Done>> w;
    return w;
}

// Fetches the file and hands its text to jm_site_text_arrived (null when it
// could not be had: offline with no copy, a missing file, an HTTP error).
EM_JS(void, js_fetch_site_text, (const char* path_ptr), {
    const url = UTF8ToString(path_ptr);
    const deliver = (text) => {
        const m = JM.module;
        const p = m._malloc(lengthBytesUTF8(url) + 1);
        stringToUTF8(url, p, lengthBytesUTF8(url) + 1);
        let t = 0;
        if (text !== null) {
            const n = lengthBytesUTF8(text) + 1;
            t = m._malloc(n);
            stringToUTF8(text, t, n);
        }
        m._jm_site_text_arrived(p, t);
        m._free(p);
        if (t) m._free(t);
        if (JM.wake) JM.wake(); else JM.requestFrame();
    };
    const inline = window.JM_EMBEDDED && window.JM_EMBEDDED[url];
    if (inline) {
        const bin = atob(inline);
        const bytes = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
        setTimeout(() => deliver(new TextDecoder().decode(bytes)), 0);
        return;
    }
    fetch(url)
        .then((r) => { if (!r.ok) throw new Error(url + ": HTTP " + r.status); return r.text(); })
        .then(deliver, (err) => { console.warn(url + ": " + err); deliver(null); });
});

void fetch_site_text(const std::string& path, Done done) {
    auto& queue = waiting()[path];
    queue.push_back(std::move(done));
    if (queue.size() == 1) js_fetch_site_text(path.c_str());
}

}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void jm_site_text_arrived(const char* path, const char* text) {
    auto it = waiting().find(path);
    if (it == waiting().end()) return;
    const std::vector<Done> done = std::move(it->second);
    waiting().erase(it);
    const std::optional<std::string> result = text ? std::optional<std::string>(text) : std::nullopt;
    for (const Done& d : done) d(result);
}

namespace jm::platform {

void fetch_catalogue(const std::string& code, Done done) { fetch_site_text("i18n/" + code + ".json", std::move(done)); }

void fetch_templates(const std::string& code, Done done) {
    fetch_site_text("templates/" + code + ".json", std::move(done));
}

}  // namespace jm::platform
