// platform/web/web_update.h for the browser. web/boot.js registers the service
// worker (sw.js, made by scripts/finish_site.mjs with workbox-build). When a new
// build is deployed the browser installs its service worker next to the running
// one, where it waits; boot.js then calls jm_update_waiting(1), and the editor
// shows "A new version is ready - Reload" (app/update_prompt.cpp). After the
// autosave has been stored, the editor calls apply_update(): JM.update.apply()
// asks the waiting worker to take over (the SKIP_WAITING message workbox
// understands) and reloads the page when it controls it.
#include <emscripten.h>

#include "platform/web/web_update.h"

namespace {

bool g_waiting = false;

EM_JS(void, js_update_apply, (), {
    if (JM.update && JM.update.apply) JM.update.apply();
    else location.reload();
});

}  // namespace

// From web/boot.js: 1 when a new version waits, 0 when it went away (it became
// redundant, e.g. another tab made it take over and it was replaced).
extern "C" EMSCRIPTEN_KEEPALIVE void jm_update_waiting(int waiting) { g_waiting = waiting != 0; }

namespace jm::platform {

bool update_waiting() { return g_waiting; }

void apply_update() { js_update_apply(); }

}  // namespace jm::platform
