// A new version of the site, waiting to take over (the service worker that
// scripts/finish_site.mjs generates; web/boot.js registers it and watches for
// updates). Plain declarations, no Emscripten: the app (app/update_prompt.cpp)
// calls these; web_update.cpp implements them for the browser.
#pragma once

namespace jm::platform {

// True once a newer version of the editor is installed and waits for this page
// to let it take over (web/boot.js reports it through jm_update_waiting).
bool update_waiting();

// Lets the waiting version take over and reloads the page once it has. Call it
// only after the open map has been stored: the page is gone afterwards.
void apply_update();

}  // namespace jm::platform
