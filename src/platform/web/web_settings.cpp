// settings.h for the browser.
#include <emscripten.h>

#include <cstdlib>

#include "platform/settings.h"

namespace {

// Each returns a malloc'ed string (freed here) or 0. localStorage may be
// disabled (private mode, a policy): then settings live for the session only.
EM_JS(char*, js_setting, (const char* name), {
    try {
        const v = window.localStorage.getItem("jm-setting:" + UTF8ToString(name));
        return v === null ? 0 : JM.cString(v);
    } catch (e) { return 0; }
});
EM_JS(void, js_remember_setting, (const char* name, const char* value), {
    try { window.localStorage.setItem("jm-setting:" + UTF8ToString(name), UTF8ToString(value)); } catch (e) { }
});
EM_JS(char*, js_preferred_languages, (), {
    const list = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || "en"];
    return JM.cString(list.join("\n"));
});
EM_JS(void, js_set_document_language, (const char* code), {
    document.documentElement.lang = UTF8ToString(code);
    const box = JM.textOverlay && JM.textOverlay.element();
    if (box) box.lang = document.documentElement.lang;
});

std::string take(char* p) {
    if (!p) return {};
    std::string s(p);
    std::free(p);
    return s;
}

}  // namespace

namespace jm::platform {

std::optional<std::string> setting(const std::string& name) {
    char* p = js_setting(name.c_str());
    if (!p) return std::nullopt;
    return take(p);
}

void remember_setting(const std::string& name, const std::string& value) { js_remember_setting(name.c_str(), value.c_str()); }

std::vector<std::string> preferred_languages() {
    std::vector<std::string> out;
    // One tag a line. Split by hand: <sstream> would bring the iostream
    // machinery into the wasm for this one loop.
    const std::string lines = take(js_preferred_languages());
    for (std::size_t start = 0; start < lines.size();) {
        std::size_t end = lines.find('\n', start);
        if (end == std::string::npos) end = lines.size();
        if (end > start) out.push_back(lines.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

void set_document_language(const std::string& code) { js_set_document_language(code.c_str()); }

}  // namespace jm::platform
