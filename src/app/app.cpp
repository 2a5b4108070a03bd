#include "app/app.h"

#include "app/app_state.h"
#include "app/app_windows.h"
#include "app/panel_layout.h"
#include "app/browser_store.h"
#include "app/compare_file.h"
#include "app/font_needs.h"
#include "app/language.h"
#include "app/live_room.h"
#include "app/merge_files.h"
#include "app/presenting.h"
#include "app/session.h"
#include "app/share_link.h"
#include "app/template_texts.h"
#include "app/update_prompt.h"
#include "i18n/i18n.h"
#include "platform/platform.h"
#include "ui/canvas.h"
#include "ui/new_map_dialog.h"
#include "ui/paragraph_field.h"
#include "ui/panels.h"
#include "ui/theme.h"

namespace jm {

App::App() : store_(std::make_unique<BrowserStore>()), s_(std::make_unique<AppState>(AppState{.library = Library(*store_)})) {}
App::~App() = default;

void App::init() {
    ui::apply_theme(s_->theme);
    platform::on_file_dropped([this](const std::string& name, const std::string& bytes, double size) { open_file(*s_, name, bytes, size); });
    platform::on_storage_changed([this](const std::string& key) { on_storage_changed(*s_, key); });
    platform::on_storage_committed([this](int ticket, const std::string& error) { storage_committed(*s_, ticket, error); });
    platform::on_storage_flush([this] { flush_autosave(*s_); });
    watch_fullscreen(*s_);
    // The UI language's catalogue, then (when there is no map to reopen, so the
    // first map is made from one) its templates, then the session: the editor
    // draws nothing until then.
    start_language(*s_, [this] {
        auto start = [this] {
            start_session(*s_);
            s_->session_started = true;
            platform::announce_ready();
        };
        // A share link in the page's address opens its map instead (app/share_link.h).
        open_share_link_at_start(*s_, [this, start](bool shown) {
            if (shown) {
                s_->session_started = true;
                platform::announce_ready();
            } else if (s_->library.last_open().empty()) {
                want_templates(*s_, i18n::language(), start);
            } else {
                start();
            }
        });
    });
}

ImVec4 App::background_color() const { return ImGui::ColorConvertU32ToFloat4(ui::palette().canvas_bg); }

void App::draw() {
    AppState& app = *s_;
    ui::EditorState& ed = app.ed;
    if (!language_ready(app) || !app.session_started) return;   // no English flash, no empty map before the first one
    apply_language_choice(app);      // before any string of this frame is translated
    live_room_frame(app);            // the room's traffic, before anything reads the map
    ui::apply_paragraph_input(ed);   // what was typed in a paragraph's text box, before anything draws
    load_fonts_by_need(i18n::language(), ed.doc.map, ed.doc.revision());
    ed.refresh_derived();
    if (draw_presenting(app)) {   // presentation mode: the map alone, no menus, panels or editing shortcuts
        if (autosave_tick(app, platform::now_ms())) platform::request_frames(300);
        return;
    }
    update_side_panels(app);   // docked or over the map, by the window's width; before Escape is read
    ui::handle_shortcuts(ed);

    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_MenuBar |
                             ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings |
                             ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
    ImGui::Begin("Journey Map", nullptr, flags);
    ImGui::PopStyleVar(3);
    draw_main_menu(app);
    draw_shared_map_bar(app);
    layout_panels(app);
    ImGui::End();

    ui::draw_find_bar(ed);
    ui::draw_history_window(ed);
    ui::draw_shortcuts_window(ed);
    ui::draw_metrics_window(ed);
    ui::draw_persona_dialogs(ed);
    draw_app_windows(app);
    draw_interchange_update_dialog(app);
    draw_merge_panel(app);
    draw_compare(app);
    draw_update_prompt(app);
    draw_share_windows(app);
    draw_live_room_windows(app);
    if (ed.show_new_map) want_all_templates(app);   // the dialog offers every language's version
    if (auto map = ui::draw_new_map_dialog(ed.show_new_map)) switch_to(app, std::move(*map));
    if (ed.request_download) download_current(app);
    if (ed.request_open) open_file_picker(app);
    ed.request_download = ed.request_open = false;

    app.png_job = ui::build_png_job(ed, platform::max_image_size());

    // Keep drawing until the pending autosave has been made (about a second, and a
    // few frames more for a large map); the storage's answer wakes the page itself.
    if (autosave_tick(app, platform::now_ms())) platform::request_frames(300);
}

void App::after_render() {
    if (!s_->png_job) return;
    const ui::PngJob& job = *s_->png_job;
    platform::save_png(*job.draw_list, job.width, job.height, job.background, job.file_name);
    // Pixel sizes in plain digits, as image sizes are written.
    const std::string width = std::to_string(job.width), height = std::to_string(job.height);
    if (job.scale < 2.0f) {   // never silently smaller than asked: say how much and why
        s_->ed.notify(i18n::trf("Exported {file} ({width} x {height} px, {scale}% of screen size: the browser makes images up to {max} px a side)",
                                {{"file", job.file_name}, {"width", width}, {"height", height},
                                 {"scale", std::to_string(static_cast<int>(job.scale * 100 + 0.5f))},
                                 {"max", std::to_string(platform::max_image_size())}}));
    } else {
        s_->ed.notify(i18n::trf("Exported {file} ({width} x {height} px)", {{"file", job.file_name}, {"width", width}, {"height", height}}));
    }
    s_->png_job.reset();
}

}  // namespace jm
