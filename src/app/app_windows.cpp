// The app's menu bar and its dialogs: files, the library, errors, conflicts, About.
#include "i18n/i18n.h"
#include "app/app_windows.h"

#include <cstdio>

#include "app/compare_file.h"
#include "app/merge_files.h"
#include "app/presenting.h"
#include "app/session.h"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "app/language.h"
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
    if (!ImGui::BeginMenu(i18n::tr("File"))) return;
    if (ImGui::MenuItem(i18n::tr(ICON_NEW "  New map..."), "Ctrl+N")) ed.show_new_map = true;
    if (ImGui::MenuItem(i18n::tr(ICON_OPEN "  Open file..."), "Ctrl+O")) open_file_picker(app);
    if (ImGui::MenuItem(i18n::tr(ICON_HANDOFF "  Compare with file..."), "Alt+C")) pick_file_to_compare(app);
    ImGui::SetItemTooltip("%s", i18n::tr("What this map added, removed, moved and changed since another version of it (a file): shown on the map"));
    if (ImGui::MenuItem(i18n::tr(ICON_BOOK "  Library..."))) {
        refresh_library(app);
        app.show_library = true;
    }
    if (ImGui::MenuItem(i18n::tr(ICON_MERGE "  Merge files..."))) pick_files_to_merge(app);
    ImGui::SetItemTooltip("%s", i18n::tr("Bring the groups' copies of this map back into it: pick all their files at once"));
    ImGui::Separator();
    if (ImGui::MenuItem(i18n::tr(ICON_DOWNLOAD "  Download map"), "Ctrl+S")) download_current(app);
    if (ImGui::MenuItem(i18n::tr(ICON_LINK "  Copy share link"), "Ctrl+Shift+L")) copy_share_link(app);
    if (ImGui::MenuItem(room_is_on(app.live) ? i18n::tr(ICON_USERS "  Live session...") : i18n::tr(ICON_USERS "  Start a live session...")))
        open_start_room(app);
    ImGui::SetItemTooltip("%s", i18n::tr("A link that opens this map, read-only, in any browser. The map travels inside the link: no server sees it."));
    if (ImGui::BeginMenu(i18n::tr(ICON_IMAGE "  Export"))) {
        if (ImGui::MenuItem(i18n::tr("Mermaid journey (.mmd)"))) {
            platform::download_file(download_name(ed.doc.map, ".mmd"), "text/plain", export_mermaid(ed.doc.map));
        }
        if (ImGui::MenuItem(i18n::tr("Spreadsheet (.csv)"))) {
            platform::download_file(download_name(ed.doc.map, ".csv"), "text/csv", export_csv(ed.doc.map));
        }
        // Spreadsheets in Spanish and Portuguese expect semicolons and decimal commas.
        const CsvDialect local = csv_dialect_for_language(i18n::language());
        if (local.delimiter != ',' && ImGui::MenuItem(i18n::tr("Spreadsheet in this language (.csv; semicolons)"))) {
            platform::download_file(download_name(ed.doc.map, ".csv"), "text/csv", export_csv(ed.doc.map, local));
        }
        if (local.delimiter != ',') ImGui::SetItemTooltip("%s", i18n::tr("Semicolons between cells and decimal commas, as Excel opens them in this language"));
        if (ImGui::MenuItem(i18n::tr("Image of the whole map (.png)"))) ui::request_png_export(ed, download_name(ed.doc.map, ".png"));
        ImGui::EndMenu();
    }
    ImGui::TextDisabled("%s", i18n::tr("Open also imports .mmd and .csv files"));
    ImGui::EndMenu();
}

void edit_menu(AppState& app) {
    ui::EditorState& ed = app.ed;
    if (!ImGui::BeginMenu(i18n::tr("Edit"))) return;
    History& h = ed.doc.history;
    // The step's label comes from the command that made it (see History).
    std::string undo_label = h.can_undo() ? i18n::trf("Undo {action}", {{"action", h.undo_label()}}) : i18n::tr("Undo");
    std::string redo_label = h.can_redo() ? i18n::trf("Redo {action}", {{"action", h.redo_label()}}) : i18n::tr("Redo");
    if (ImGui::MenuItem((ICON_UNDO "  " + undo_label + "###undo").c_str(), "Ctrl+Z", false, h.can_undo())) ui::undo(ed);
    if (ImGui::MenuItem((ICON_REDO "  " + redo_label + "###redo").c_str(), "Ctrl+Shift+Z", false, h.can_redo())) ui::redo(ed);
    ImGui::Separator();
    bool cards = ed.selection.kind() == ui::SelectionKind::Touchpoints;
    if (ImGui::MenuItem(i18n::tr(ICON_CUT "  Cut cards"), "Ctrl+X", false, cards)) ImGui::SetClipboardText(ui::cut_selection(ed).c_str());
    if (ImGui::MenuItem(i18n::tr(ICON_COPY "  Copy cards"), "Ctrl+C", false, cards)) ImGui::SetClipboardText(ui::copy_selection(ed).c_str());
    if (ImGui::MenuItem(i18n::tr(ICON_PASTE "  Paste cards"), "Ctrl+V")) {
        std::string error;
        int n = ui::paste_cards(ed, ImGui::GetClipboardText() ? ImGui::GetClipboardText() : "", error);
        ed.notify(n ? i18n::trn("Pasted {n} cards", n) : error);
    }
    if (ImGui::MenuItem(i18n::tr(ICON_CLONE "  Duplicate"), "Ctrl+D", false, cards)) ui::duplicate_selection(ed);
    if (ImGui::MenuItem(i18n::tr(ICON_TRASH "  Delete"), "Del", false, !ed.selection.empty() && ed.selection.kind() != ui::SelectionKind::Map))
        ui::delete_selection(ed);
    ImGui::Separator();
    if (ImGui::MenuItem(i18n::tr(ICON_SEARCH "  Find..."), "Ctrl+F")) {
        ed.show_find = true;
        ed.focus_find = true;
    }
    if (ImGui::MenuItem(i18n::tr(ICON_HISTORY "  History"), nullptr, ed.show_history)) ed.show_history = !ed.show_history;
    ImGui::EndMenu();
}

void view_menu(AppState& app) {
    ui::EditorState& ed = app.ed;
    if (!ImGui::BeginMenu(i18n::tr("View"))) return;
    if (ImGui::MenuItem(i18n::tr(ICON_FIT "  Fit to screen"), "Shift+1")) ui::fit_to_screen(ed);
    if (ImGui::MenuItem(i18n::tr("      Zoom 100%"), "Shift+0")) ui::zoom_to(ed, 1.0f);
    if (ImGui::MenuItem(i18n::tr(ICON_ZOOM_IN "  Zoom in"), "Ctrl+=")) ui::zoom_to(ed, ed.view.zoom * 1.25f);
    if (ImGui::MenuItem(i18n::tr(ICON_ZOOM_OUT "  Zoom out"), "Ctrl+-")) ui::zoom_to(ed, ed.view.zoom / 1.25f);
    ImGui::Separator();
    if (ImGui::MenuItem(i18n::tr(ICON_DEMO "  Present"), "F5")) start_presenting(app);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", i18n::tr("Full screen, large type, stage by stage; Escape leaves"));
    ImGui::Separator();
    if (ImGui::MenuItem(i18n::tr(ICON_SUN "  Light theme (projector)"), nullptr, app.theme == ui::Theme::Light)) {
        app.theme = ui::Theme::Light;
        ui::apply_theme(app.theme);
    }
    if (ImGui::MenuItem(i18n::tr(ICON_MOON "  Dark theme"), nullptr, app.theme == ui::Theme::Dark)) {
        app.theme = ui::Theme::Dark;
        ui::apply_theme(app.theme);
    }
    language_menu(app);
    ImGui::Separator();
    ImGui::MenuItem(i18n::tr("Personas and lanes panel"), nullptr, &ed.show_personas);
    ImGui::MenuItem(i18n::tr("Inspector"), nullptr, &ed.show_inspector);
    ImGui::MenuItem(i18n::tr("Metrics"), nullptr, &ed.show_metrics);
    ImGui::MenuItem(i18n::tr("History"), nullptr, &ed.show_history);
    ImGui::EndMenu();
}

void map_menu(AppState& app) {
    ui::EditorState& ed = app.ed;
    if (!ImGui::BeginMenu(i18n::tr("Map"))) return;
    if (ImGui::MenuItem(i18n::tr(ICON_PLUS "  Add stage"))) ui::add_stage(ed, static_cast<int>(ed.doc.map.stages.size()));
    bool has_stage = !ed.doc.map.stages.empty();
    if (ImGui::MenuItem(i18n::tr(ICON_PLUS "  Add touchpoint"), nullptr, false, has_stage)) {
        std::string stage = ed.doc.map.stages.front().id;
        if (ed.selection.kind() == ui::SelectionKind::Stage) stage = ed.selection.stage();
        ui::add_touchpoint(ed, stage);
    }
    if (ImGui::MenuItem(i18n::tr(ICON_USER "  Add persona"))) ui::add_persona(ed);
    ImGui::Separator();
    if (ImGui::MenuItem(i18n::tr(ICON_COG "  Map details and business figures"))) {
        ed.selection.select_map();
        ed.show_inspector = true;
    }
    if (ImGui::MenuItem(i18n::tr(ICON_CHART "  Metrics and hotspots"), nullptr, ed.show_metrics)) ed.show_metrics = !ed.show_metrics;
    ImGui::EndMenu();
}

void help_menu(AppState& app) {
    if (!ImGui::BeginMenu(i18n::tr("Help"))) return;
    if (ImGui::MenuItem(i18n::tr(ICON_KEYBOARD "  Keyboard shortcuts"), "F1")) app.ed.show_shortcuts = true;
    if (ImGui::MenuItem(i18n::tr("About Journey Map"))) app.show_about = true;
    ImGui::EndMenu();
}

// Right side of the menu bar: the map's title, unsaved-to-file marker, save state.
void title_area(AppState& app) {
    const Map& map = app.ed.doc.map;
    const std::string name = map.title.empty() ? i18n::tr("Untitled journey") : map.title;
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
        ImGui::SetTooltip(i18n::tr("%s%s* = changes since the last download or open"), shown != name ? name.c_str() : "", shown != name ? "\n" : "");
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
    ImGui::TextUnformatted(i18n::tr("Journey Map"));
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
