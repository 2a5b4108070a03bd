// platform.h's translation catalogues for the browser. The wasm carries English
// only; another language's catalogue (assets/i18n/<code>.json, copied to the
// site as i18n/<code>.json) is fetched the first time that language is wanted,
// so an English visitor downloads no translation. The single-file build carries
// every catalogue inline (scripts/single_file.py), as it does the fonts.
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

// The requests still waiting, by language: a second request for the same one
// waits for the same fetch.
std::map<std::string, std::vector<Done>>& waiting() {
    static std::map<std::string, std::vector<Done>> w;
    return w;
}

// Fetches the text and hands it to jm_catalogue_arrived (null when it could not
// be had: offline with no copy, a missing file, an HTTP error).
EM_JS(void, js_fetch_catalogue, (const char* code_ptr), {
    const code = UTF8ToString(code_ptr);
    const url = "i18n/" + code + ".json";
    const deliver = (text) => {
        const m = JM.module;
        const c = m._malloc(lengthBytesUTF8(code) + 1);
        stringToUTF8(code, c, lengthBytesUTF8(code) + 1);
        let t = 0;
        if (text !== null) {
            const n = lengthBytesUTF8(text) + 1;
            t = m._malloc(n);
            stringToUTF8(text, t, n);
        }
        m._jm_catalogue_arrived(c, t);
        m._free(c);
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
        .then(deliver, (err) => { console.warn("catalogue " + code + ": " + err); deliver(null); });
});

}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void jm_catalogue_arrived(const char* code, const char* text) {
    auto it = waiting().find(code);
    if (it == waiting().end()) return;
    const std::vector<Done> done = std::move(it->second);
    waiting().erase(it);
    const std::optional<std::string> result = text ? std::optional<std::string>(text) : std::nullopt;
    for (const Done& d : done) d(result);
}

namespace jm::platform {

void fetch_catalogue(const std::string& code, std::function<void(std::optional<std::string>)> done) {
    auto& queue = waiting()[code];
    queue.push_back(std::move(done));
    if (queue.size() == 1) js_fetch_catalogue(code.c_str());
}

}  // namespace jm::platform
