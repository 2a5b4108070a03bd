// platform.h's full screen for the browser: the Fullscreen API on the whole
// page (so the hidden text field used for typing stays inside it), and the
// page's fullscreenchange event reported back to the app, which is how leaving
// full screen with the browser's own Escape also leaves presentation mode.
#include <emscripten.h>

#include <functional>
#include <utility>

#include "platform/platform.h"

namespace {

// Installed once, at the first use: listens for the page entering and leaving
// full screen. F5 starts presentation mode in the editor (View > Present), so
// the browser's "reload the page" on F5 alone is turned off; Ctrl+F5 and
// Shift+F5 still reload.
EM_JS(void, js_fullscreen_install, (), {
    if (JM.fullscreenInstalled) return;
    JM.fullscreenInstalled = true;
    JM.fullscreenRequests = 0;
    JM.fullscreenError = "";
    document.addEventListener("fullscreenchange", () => {
        if (!JM.module) return;
        JM.module._jm_fullscreen_changed(document.fullscreenElement ? 1 : 0);
        if (JM.wake) JM.wake(); else JM.requestFrame();
    });
    window.addEventListener("keydown", (e) => {
        if (e.key === "F5" && !e.ctrlKey && !e.shiftKey && !e.altKey && !e.metaKey) e.preventDefault();
    }, true);
});

EM_JS(void, js_request_fullscreen, (int on), {
    const el = document.documentElement;
    if (on) {
        JM.fullscreenRequests++;
        if (document.fullscreenElement || !el.requestFullscreen) return;
        // Refused without a user gesture or by policy: the editor presents in the window.
        el.requestFullscreen({ navigationUI: "hide" }).catch((err) => { JM.fullscreenError = String((err && err.message) || err); });
    } else if (document.fullscreenElement && document.exitFullscreen) {
        document.exitFullscreen().catch(() => {});
    }
});

std::function<void(bool)>& handler() {
    static std::function<void(bool)> h;
    return h;
}

}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void jm_fullscreen_changed(int fullscreen) {
    if (handler()) handler()(fullscreen != 0);
}

namespace jm::platform {

void request_fullscreen(bool on) {
    js_fullscreen_install();
    js_request_fullscreen(on ? 1 : 0);
}

void on_fullscreen_changed(std::function<void(bool fullscreen)> on_change) {
    handler() = std::move(on_change);
    js_fullscreen_install();
}

}  // namespace jm::platform
