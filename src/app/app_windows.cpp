// The app's menu bar and its dialogs: files, the library, errors, conflicts, About.
#include "app/app_windows.h"

#include <cstdio>

#include "app/presenting.h"
#include "app/session.h"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "io/csv.h"
#include "io/mermaid.h"
#include "platform/platform.h"
#include "ui/editor_actions.h"
#include "ui/icons.h"
#include "ui/panels.h"
#include "ui/png_export.h"
#include "ui/theme.h"

namespace jm {

namespace {

void file_menu(AppState& app) {
    ui::EditorState& ed = app.ed;
    if (!ImGui::BeginMenu("File")) return;
    if (ImGui::MenuItem(ICON_NEW "  New map...", "Ctrl+N")) ed.show_new_map = true;
    if (ImGui::MenuItem(ICON_OPEN "  Open file...", "Ctrl+O")) open_file_picker(app);
    if (ImGui::MenuItem(ICON_BOOK "  Library...")) {
        refresh_library(app);
        app.show_library = true;
    }
    ImGui::Separator();
    if (ImGui::MenuItem(ICON_DOWNLOAD "  Download map", "Ctrl+S")) download_current(app);
    if (ImGui::BeginMenu(ICON_IMAGE "  Export")) {
        if (ImGui::MenuItem("Mermaid journey (.mmd)")) {
            platform::download_file(download_name(ed.doc.map, ".mmd"), "text/plain", export_mermaid(ed.doc.map));
        }
        if (ImGui::MenuItem("Spreadsheet (.csv)")) {
            platform::download_file(download_name(ed.doc.map, ".csv"), "text/csv", export_csv(ed.doc.map));
        }
        if (ImGui::MenuItem("Image of the whole map (.png)")) ui::request_png_export(ed, download_name(ed.doc.map, ".png"));
        ImGui::EndMenu();
    }
    ImGui::TextDisabled("Open also imports .mmd and .csv files");
    ImGui::EndMenu();
}

void edit_menu(AppState& app) {
    ui::EditorState& ed = app.ed;
    if (!ImGui::BeginMenu("Edit")) return;
    History& h = ed.doc.history;
    std::string undo_label = h.can_undo() ? "Undo " + h.undo_label() : "Undo";
    std::string redo_label = h.can_redo() ? "Redo " + h.redo_label() : "Redo";
    if (ImGui::MenuItem((ICON_UNDO "  " + undo_label + "###undo").c_str(), "Ctrl+Z", false, h.can_undo())) ui::undo(ed);
    if (ImGui::MenuItem((ICON_REDO "  " + redo_label + "###redo").c_str(), "Ctrl+Shift+Z", false, h.can_redo())) ui::redo(ed);
    ImGui::Separator();
    bool cards = ed.selection.kind() == ui::SelectionKind::Touchpoints;
    if (ImGui::MenuItem(ICON_CUT "  Cut cards", "Ctrl+X", false, cards)) ImGui::SetClipboardText(ui::cut_selection(ed).c_str());
    if (ImGui::MenuItem(ICON_COPY "  Copy cards", "Ctrl+C", false, cards)) ImGui::SetClipboardText(ui::copy_selection(ed).c_str());
    if (ImGui::MenuItem(ICON_PASTE "  Paste cards", "Ctrl+V")) {
        std::string error;
        int n = ui::paste_cards(ed, ImGui::GetClipboardText() ? ImGui::GetClipboardText() : "", error);
        ed.notify(n ? "Pasted " + std::to_string(n) + " card(s)" : error);
    }
    if (ImGui::MenuItem(ICON_CLONE "  Duplicate", "Ctrl+D", false, cards)) ui::duplicate_selection(ed);
    if (ImGui::MenuItem(ICON_TRASH "  Delete", "Del", false, !ed.selection.empty() && ed.selection.kind() != ui::SelectionKind::Map))
        ui::delete_selection(ed);
    ImGui::Separator();
    if (ImGui::MenuItem(ICON_SEARCH "  Find...", "Ctrl+F")) {
        ed.show_find = true;
        ed.focus_find = true;
    }
    if (ImGui::MenuItem(ICON_HISTORY "  History", nullptr, ed.show_history)) ed.show_history = !ed.show_history;
    ImGui::EndMenu();
}

void view_menu(AppState& app) {
    ui::EditorState& ed = app.ed;
    if (!ImGui::BeginMenu("View")) return;
    if (ImGui::MenuItem(ICON_FIT "  Fit to screen", "Shift+1")) ui::fit_to_screen(ed);
    if (ImGui::MenuItem("      Zoom 100%", "Shift+0")) ui::zoom_to(ed, 1.0f);
    if (ImGui::MenuItem(ICON_ZOOM_IN "  Zoom in", "Ctrl+=")) ui::zoom_to(ed, ed.view.zoom * 1.25f);
    if (ImGui::MenuItem(ICON_ZOOM_OUT "  Zoom out", "Ctrl+-")) ui::zoom_to(ed, ed.view.zoom / 1.25f);
    ImGui::Separator();
    if (ImGui::MenuItem(ICON_DEMO "  Present", "F5")) start_presenting(app);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Full screen, large type, stage by stage; Escape leaves");
    ImGui::Separator();
    if (ImGui::MenuItem(ICON_SUN "  Light theme (projector)", nullptr, app.theme == ui::Theme::Light)) {
        app.theme = ui::Theme::Light;
        ui::apply_theme(app.theme);
    }
    if (ImGui::MenuItem(ICON_MOON "  Dark theme", nullptr, app.theme == ui::Theme::Dark)) {
        app.theme = ui::Theme::Dark;
        ui::apply_theme(app.theme);
    }
    ImGui::Separator();
    ImGui::MenuItem("Personas and lanes panel", nullptr, &ed.show_personas);
    ImGui::MenuItem("Inspector", nullptr, &ed.show_inspector);
    ImGui::MenuItem("Metrics", nullptr, &ed.show_metrics);
    ImGui::MenuItem("History", nullptr, &ed.show_history);
    ImGui::EndMenu();
}

void map_menu(AppState& app) {
    ui::EditorState& ed = app.ed;
    if (!ImGui::BeginMenu("Map")) return;
    if (ImGui::MenuItem(ICON_PLUS "  Add stage")) ui::add_stage(ed, static_cast<int>(ed.doc.map.stages.size()));
    bool has_stage = !ed.doc.map.stages.empty();
    if (ImGui::MenuItem(ICON_PLUS "  Add touchpoint", nullptr, false, has_stage)) {
        std::string stage = ed.doc.map.stages.front().id;
        if (ed.selection.kind() == ui::SelectionKind::Stage) stage = ed.selection.stage();
        ui::add_touchpoint(ed, stage);
    }
    if (ImGui::MenuItem(ICON_USER "  Add persona")) ui::add_persona(ed);
    ImGui::Separator();
    if (ImGui::MenuItem(ICON_COG "  Map details and business figures")) {
        ed.selection.select_map();
        ed.show_inspector = true;
    }
    if (ImGui::MenuItem(ICON_CHART "  Metrics and hotspots", nullptr, ed.show_metrics)) ed.show_metrics = !ed.show_metrics;
    ImGui::EndMenu();
}

void help_menu(AppState& app) {
    if (!ImGui::BeginMenu("Help")) return;
    if (ImGui::MenuItem(ICON_KEYBOARD "  Keyboard shortcuts", "F1")) app.ed.show_shortcuts = true;
    if (ImGui::MenuItem("About Journey Map")) app.show_about = true;
    ImGui::EndMenu();
}

// Right side of the menu bar: the map's title, unsaved-to-file marker, save state.
void title_area(AppState& app) {
    const Map& map = app.ed.doc.map;
    const std::string name = map.title.empty() ? "Untitled journey" : map.title;
    const char* mark = app.ed.doc.history.dirty() ? "  *" : "";
    const float status_w = ImGui::CalcTextSize(app.ed.save_status.c_str()).x + 80;
    ImGui::PushFont(ui::heading_font(), 0.0f);
    // On a narrow window a long title gives way (cut with "…") so the save state stays in sight.
    const float room = ImGui::GetWindowWidth() - ImGui::GetCursorPosX() - 20 - status_w - ImGui::CalcTextSize(mark).x;
    const std::string shown = ui::shortened(name, std::max(room, 80.0f));
    const std::string title = shown + mark;
    const float w = ImGui::CalcTextSize(title.c_str()).x + status_w;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX() + 20, ImGui::GetWindowWidth() - w));
    ImGui::TextUnformatted(title.c_str());
    ImGui::PopFont();
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s%s* = changes since the last download or open", shown != name ? name.c_str() : "", shown != name ? "\n" : "");
    ImGui::SameLine();
    ImVec4 c = app.ed.save_problem ? ImGui::ColorConvertU32ToFloat4(ui::palette().warning) : ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
    ImGui::TextColored(c, "%s %s", app.ed.save_problem ? ICON_WARNING : ICON_CHECK, app.ed.save_status.c_str());
}

}  // namespace

void open_file_picker(AppState& app) {
    platform::pick_file(".json,.mmd,.mermaid,.csv,application/json,text/csv,text/plain",
                        [&app](const std::string& name, const std::string& bytes, double size) { open_file(app, name, bytes, size); });
}

void draw_main_menu(AppState& app) {
    if (!ImGui::BeginMenuBar()) return;
    ImGui::PushFont(ui::heading_font(), 0.0f);
    ImGui::TextUnformatted("Journey Map");
    ImGui::PopFont();
    file_menu(app);
    edit_menu(app);
    view_menu(app);
    map_menu(app);
    help_menu(app);
    title_area(app);
    ImGui::EndMenuBar();
}

}  // namespace jm
