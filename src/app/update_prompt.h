// "A new version is ready - Reload": shown when a newer build of the site has
// been installed by the service worker and waits (platform/web/web_update.h).
// Reload first stores the open map (the pending autosave, written at once) and
// lets the new version take over only once the storage says it is on disk, so
// nothing typed is lost; "Later" hides the bar until the next new version.
#pragma once

#include "app/app_state.h"

namespace jm {

// Draws the bar when a new version waits, and carries a requested reload
// through (store the map, then reload). Call once per frame, after the panels.
void draw_update_prompt(AppState& app);

}  // namespace jm
