#include "app/app.h"

#include "app/app_state.h"
#include "app/app_windows.h"
#include "app/browser_store.h"
#include "app/session.h"
#include "platform/platform.h"
#include "ui/canvas.h"
#include "ui/new_map_dialog.h"
#include "ui/panels.h"
#include "ui/theme.h"

namespace jm {

namespace {

constexpr float kSidePanelWidth = 250;
constexpr float kInspectorWidth = 380;

void layout_panels(AppState& app) {
    ui::EditorState& ed = app.ed;
    const float status_h = ImGui::GetFrameHeight() + 8;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float body_h = avail.y - status_h;
    if (ed.show_personas) {
        ImGui::BeginChild("Personas and lanes", {kSidePanelWidth, body_h}, ImGuiChildFlags_Borders);
        ui::draw_personas_panel(ed);
        ImGui::EndChild();
        ImGui::SameLine(0, 0);
    }
    float canvas_w = avail.x - (ed.show_personas ? kSidePanelWidth : 0) - (ed.show_inspector ? kInspectorWidth : 0);
    ImGui::BeginChild("Canvas area", {canvas_w, body_h});
    ui::draw_canvas(ed);
    ImGui::EndChild();
    if (ed.show_inspector) {
        ImGui::SameLine(0, 0);
        ImGui::BeginChild("Inspector", {kInspectorWidth, body_h}, ImGuiChildFlags_Borders);
        ui::draw_inspector(ed);
        ImGui::EndChild();
    }
    ImGui::BeginChild("Status bar", {0, status_h}, ImGuiChildFlags_None, ImGuiWindowFlags_NoScrollbar);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 4);
    ImGui::Indent(10);
    ui::draw_status_bar(ed);
    ImGui::EndChild();
}

}  // namespace

App::App() : store_(std::make_unique<BrowserStore>()), s_(std::make_unique<AppState>(AppState{.library = Library(*store_)})) {}
App::~App() = default;

void App::init() {
    ui::apply_theme(s_->theme);
    platform::on_file_dropped([this](const std::string& name, const std::string& bytes, double size) { open_file(*s_, name, bytes, size); });
    platform::on_storage_changed([this](const std::string& key) { on_storage_changed(*s_, key); });
    platform::on_storage_committed([this](int ticket, const std::string& error) { storage_committed(*s_, ticket, error); });
    platform::on_storage_flush([this] { flush_autosave(*s_); });
    start_session(*s_);
}

ImVec4 App::background_color() const { return ImGui::ColorConvertU32ToFloat4(ui::palette().canvas_bg); }

void App::draw() {
    AppState& app = *s_;
    ui::EditorState& ed = app.ed;
    ed.refresh_derived();
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
    layout_panels(app);
    ImGui::End();

    ui::draw_find_bar(ed);
    ui::draw_history_window(ed);
    ui::draw_shortcuts_window(ed);
    ui::draw_metrics_window(ed);
    ui::draw_persona_dialogs(ed);
    draw_app_windows(app);
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
    s_->ed.notify("Exported " + job.file_name + " (" + std::to_string(job.width) + " x " + std::to_string(job.height) + " px)");
    s_->png_job.reset();
}

}  // namespace jm
