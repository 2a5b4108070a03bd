#include "app/presenting.h"

#include "imgui.h"
#include "platform/platform.h"
#include "ui/presentation.h"
#include "ui/theme.h"

namespace jm {

void watch_fullscreen(AppState& app) {
    // Called between frames: only note what happened; the next frame acts on it.
    platform::on_fullscreen_changed([&app](bool fullscreen) {
        app.present.fullscreen = fullscreen;
        if (!fullscreen && app.present.active) app.present.leave_requested = true;   // the browser's own Escape
    });
}

void start_presenting(AppState& app) {
    if (app.present.active) return;
    ui::begin_presentation(app.present, app.ed);
    ui::apply_theme(ui::Theme::HighContrast);
    ++app.present.fullscreen_requests;
    platform::request_fullscreen(true);   // may be refused: the mode works in the window as well
}

void stop_presenting(AppState& app) {
    if (!app.present.active) return;
    ui::end_presentation(app.present, app.ed);
    ui::apply_theme(app.theme);
    platform::request_fullscreen(false);   // nothing to do when the browser refused it or already left
}

bool draw_presenting(AppState& app) {
    ui::Presentation& pr = app.present;
    if (!pr.active) {
        if (!ImGui::IsKeyPressed(ImGuiKey_F5, false) || ImGui::GetIO().WantTextInput) return false;
        start_presenting(app);
    }
    if (pr.leave_requested) {
        stop_presenting(app);
        return false;
    }
    if (ui::draw_presentation(pr, app.ed)) platform::request_frames(100);   // the pan is still moving
    if (pr.leave_requested) {   // Escape or Leave this frame: the editor is back from the next one
        stop_presenting(app);
        platform::request_frames(100);
    }
    return true;
}

}  // namespace jm
