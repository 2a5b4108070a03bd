#include "app/update_prompt.h"

#include "app/session.h"
#include "i18n/i18n.h"
#include "imgui.h"
#include "platform/platform.h"
#include "platform/web/web_update.h"
#include "ui/icons.h"

namespace jm {

namespace {

struct PromptState {
    bool later = false;       // "Later": hidden until a new version waits again
    bool reloading = false;   // "Reload" was pressed: storing the map, then reloading
    bool applied = false;     // the reload was asked of the page (it goes away soon)
    bool forced = false;      // "Reload anyway": the map could not be stored
    bool was_waiting = false;
};

PromptState& state() {
    static PromptState s;
    return s;
}

// The open map is on disk: nothing pending, no save on its way.
bool map_stored(const AppState& app) {
    return app.ed.doc.revision() == app.stored_revision && app.commit_ticket == 0;
}

// The map cannot be stored now: the storage refused it, or another tab saved
// it and autosave is paused until the user decides (reloading would lose this
// tab's version).
bool cannot_store(const AppState& app) {
    return !map_stored(app) && (app.other_tab_changed || !app.storage_error.empty() || !platform::storage_available());
}

}  // namespace

void draw_update_prompt(AppState& app) {
    PromptState& s = state();
    const bool waiting = platform::update_waiting();
    if (waiting && !s.was_waiting) s.later = false;   // a newer version than the one put off
    s.was_waiting = waiting;
    if (!waiting || s.later) return;

    if (s.reloading && !s.applied) {
        if (map_stored(app) || s.forced) {
            s.applied = true;
            platform::apply_update();
        } else if (!cannot_store(app)) {
            flush_autosave(app);             // writes the pending change now (no-op while one is on its way)
            platform::request_frames(300);   // the storage's answer wakes the page; keep looking until then
        }
    }

    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const ImGuiStyle& style = ImGui::GetStyle();
    // Bottom centre, above the status bar: out of the way of the menus and the map's headers.
    const float above_status = ImGui::GetFrameHeightWithSpacing() + style.WindowPadding.y * 2;
    ImGui::SetNextWindowPos({vp->WorkPos.x + vp->WorkSize.x / 2, vp->WorkPos.y + vp->WorkSize.y - above_status}, ImGuiCond_Always, {0.5f, 1});
    ImGui::SetNextWindowBgAlpha(1.0f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {style.WindowPadding.x * 1.5f, style.WindowPadding.y * 1.2f});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, style.Colors[ImGuiCol_PopupBg]);
    ImGui::Begin("###update-prompt", nullptr, flags);
    if (s.applied) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(i18n::tr("Reloading…"));
    } else if (s.reloading && cannot_store(app)) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(i18n::tr(ICON_WARNING "  This map could not be stored in this browser: download it first, or reload anyway."));
        ImGui::SameLine();
        if (ImGui::Button(i18n::tr("Reload anyway##update"))) s.forced = true;
        ImGui::SameLine();
        if (ImGui::Button(i18n::tr("Later##update"))) s = PromptState{.later = true, .was_waiting = true};
    } else if (s.reloading) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(i18n::tr("Saving the map before reloading…"));
    } else {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(i18n::tr("A new version is ready"));
        ImGui::SameLine();
        if (ImGui::Button(i18n::tr(ICON_RENEWAL "  Reload##update"))) {
            s.reloading = true;
            flush_autosave(app);
            platform::request_frames(300);
        }
        ImGui::SameLine();
        if (ImGui::Button(i18n::tr("Later##update"))) s.later = true;
    }
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
}

}  // namespace jm
