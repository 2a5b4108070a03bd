// Dialogs: file problems, replace-or-keep-both, another tab's save, the
// library of maps, and About.
#include <algorithm>
#include <cstdio>
#include <string>

#include "i18n/i18n.h"
#include "app/app_windows.h"
#include "app/session.h"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "platform/platform.h"
#include "ui/core/window_title.h"
#include "ui/icons.h"
#include "ui/theme.h"

namespace jm {

namespace {

ImVec4 warning_color() { return ImGui::ColorConvertU32ToFloat4(ui::palette().warning); }

void centre_next() {
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, {0.5f, 0.5f});
}

void load_errors_dialog(AppState& app) {
    const std::string title = ui::window_title(i18n::tr("Could not open the file"), "Could not open the file");
    if (app.show_load_errors) {
        ImGui::OpenPopup(title.c_str());
        app.show_load_errors = false;
    }
    centre_next();
    ImGui::SetNextWindowSize({720, 0});
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::PushFont(ui::heading_font(), 0.0f);
    ImGui::TextWrapped("%s", app.load_error_title.c_str());
    ImGui::PopFont();
    ImGui::TextWrapped("%s", i18n::trn("Nothing was changed: your open map and the library are as they were. {n} problems found:",
                                       static_cast<long long>(app.load_errors.size())).c_str());
    ImGui::BeginChild("problems", {0, std::min(360.0f, 40.0f + 30.0f * app.load_errors.size())}, ImGuiChildFlags_Borders);
    for (const auto& p : app.load_errors) {
        ImGui::TextColored(warning_color(), "%s", p.path.empty() ? i18n::tr("(file)") : p.path.c_str());
        ImGui::SameLine();
        ImGui::TextWrapped("%s", p.message.c_str());
    }
    ImGui::EndChild();
    if (ImGui::Button(i18n::tr("OK"), {120, 0}) || ImGui::IsKeyPressed(ImGuiKey_Escape) || ImGui::IsKeyPressed(ImGuiKey_Enter)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void open_notices_dialog(AppState& app) {
    const std::string title = ui::window_title(i18n::tr("Opened, with a note"), "Opened, with a note");
    if (app.show_open_notices) {
        ImGui::OpenPopup(title.c_str());
        app.show_open_notices = false;
    }
    centre_next();
    ImGui::SetNextWindowSize({720, 0});
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::PushFont(ui::heading_font(), 0.0f);
    ImGui::TextWrapped(i18n::tr("\"%s\" is open."), app.opened_name.c_str());
    ImGui::PopFont();
    for (std::string notice : app.open_notices) {
        if (!notice.empty() && notice[0] >= 'a' && notice[0] <= 'z') notice[0] = static_cast<char>(notice[0] - 'a' + 'A');   // a sentence here
        ImGui::Bullet();
        ImGui::TextWrapped("%s", notice.c_str());
    }
    if (ImGui::Button(i18n::tr("OK"), {120, 0}) || ImGui::IsKeyPressed(ImGuiKey_Escape) || ImGui::IsKeyPressed(ImGuiKey_Enter)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void replace_dialog(AppState& app) {
    // The title changes with the language, the popup does not.
    const std::string title_bar = ui::window_title(i18n::tr("This map is already in your library"), "This map is already in your library");
    if (app.ask_replace) {
        ImGui::OpenPopup(title_bar.c_str());
        app.ask_replace = false;
    }
    centre_next();
    if (!ImGui::BeginPopupModal(title_bar.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    const char* title = app.pending_open ? app.pending_open->title.c_str() : "";
    ImGui::TextWrapped(i18n::tr("The file holds \"%s\", and your library has a map with the same id."), title);
    ImGui::TextUnformatted(i18n::tr("Replace the library's copy with the file, or keep both?"));
    if (ImGui::Button(i18n::tr("Replace with the file"))) {
        resolve_replace(app, true);
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(i18n::tr("Keep both"))) {
        resolve_replace(app, false);
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(i18n::tr("Cancel")) || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
        app.pending_open.reset();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void other_tab_banner(AppState& app) {
    if (!app.other_tab_changed) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos({vp->WorkPos.x + vp->WorkSize.x / 2, vp->WorkPos.y + 44}, ImGuiCond_Always, {0.5f, 0});
    ImGui::Begin(ui::window_title(i18n::tr("Changed in another tab"), "Changed in another tab").c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse);
    ImGui::TextColored(warning_color(), "%s", i18n::tr(ICON_WARNING "  Another tab saved this map."));
    ImGui::TextUnformatted(i18n::tr("Autosave is paused here so neither tab overwrites the other."));
    if (ImGui::Button(i18n::tr("Load the other tab's version"))) reload_from_other_tab(app);
    ImGui::SameLine();
    if (ImGui::Button(i18n::tr("Keep mine as a copy"))) keep_mine_as_copy(app);
    ImGui::End();
}

void library_row(AppState& app, const LibraryEntry& e) {
    ImGui::PushID(e.id.c_str());
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    bool current = e.id == app.ed.doc.map.id;
    if (e.damaged) {
        ImGui::TextColored(warning_color(), "%s %s", ICON_WARNING, i18n::trf("Damaged: {id}", {{"id", e.id}}).c_str());
        ImGui::TextWrapped("%s", e.damage.c_str());
    } else if (app.rename_id == e.id) {
        ImGui::SetNextItemWidth(-1);
        if (app.rename_focus) {
            ImGui::SetKeyboardFocusHere();
            app.rename_focus = false;
        }
        if (ImGui::IsKeyPressed(ImGuiKey_Escape)) app.rename_id.clear();
        if (ImGui::InputText("##rename-library", &app.rename_text, ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll)) {
            std::string error = app.library.rename(e.id, app.rename_text);
            if (current && error.empty()) app.ed.doc.map.title = app.rename_text;
            app.rename_id.clear();
            refresh_library(app);
        }
    } else {
        if (ImGui::Selectable((e.title + (current ? std::string("  ") + i18n::tr("(open)") : std::string()) + "##open").c_str(), current)) open_from_library(app, e.id);
    }
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(i18n::number(e.stages).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(i18n::number(e.touchpoints).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(i18n::date_time(e.modified).c_str());   // stored in UTC, shown in local time
    ImGui::TableNextColumn();
    if (e.damaged) {
        if (ImGui::SmallButton(i18n::tr(ICON_DOWNLOAD " Raw text"))) {
            platform::download_file(e.id + ".damaged.json", "application/json", app.library.raw_text(e.id).value_or(""));
        }
    } else {
        if (ImGui::SmallButton(i18n::tr("Rename"))) {
            app.rename_id = e.id;
            app.rename_text = e.title;
            app.rename_focus = true;
        }
        ImGui::SameLine();
        if (ImGui::SmallButton(i18n::tr("Duplicate"))) {
            std::string error;
            app.library.duplicate(e.id, error);
            if (!error.empty()) app.ed.notify(i18n::trf("Could not duplicate: {reason}", {{"reason", i18n::tr(error.c_str())}}));   // a fixed reason from the library
            refresh_library(app);
        }
    }
    ImGui::SameLine();
    const std::string confirm_title = ui::window_title(i18n::tr("Delete this map?"), "Delete this map?");
    if (ImGui::SmallButton(i18n::tr("Delete"))) ImGui::OpenPopup(confirm_title.c_str());
    if (ImGui::BeginPopupModal(confirm_title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::Text(i18n::tr("Delete \"%s\" from this browser?"), e.title.c_str());
        ImGui::TextUnformatted(i18n::tr("You can undo this until you close the page. Download it first to keep a file."));
        if (ImGui::Button(i18n::tr("Delete"))) {
            delete_from_library(app, e.id);
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button(i18n::tr("Cancel")) || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    ImGui::PopID();
}

void library_window(AppState& app) {
    if (!app.show_library) return;
    ImGui::SetNextWindowSize({900, 520}, ImGuiCond_FirstUseEver);
    centre_next();
    if (ImGui::Begin(ui::window_title(i18n::tr("Library"), "Library").c_str(), &app.show_library)) {
        ImGui::TextWrapped("%s", i18n::tr("Maps kept in this browser (localStorage). They stay on this machine: download a map to back it up or share it."));
        if (!app.deleted.empty()) {
            if (ImGui::Button(i18n::tr(ICON_UNDO " Undo delete"))) undo_library_delete(app);
            ImGui::SameLine();
        }
        if (ImGui::Button(i18n::tr(ICON_NEW " New map..."))) app.ed.show_new_map = true;
        ImGui::SameLine();
        if (ImGui::Button(i18n::tr(ICON_OPEN " Open file..."))) open_file_picker(app);
        // One table per language: its fixed columns take their widths when it is first made.
        if (ImGui::BeginTable(("maps##" + i18n::language()).c_str(), 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY)) {
            // Fixed columns as wide as their heading and buttons in the language in use.
            const auto fits = [](const char* text, float least) { return std::max(least, ImGui::CalcTextSize(text).x + 12); };
            const float buttons = ImGui::CalcTextSize(i18n::tr("Rename")).x + ImGui::CalcTextSize(i18n::tr("Duplicate")).x +
                                  ImGui::CalcTextSize(i18n::tr("Delete")).x + 6 * ImGui::GetStyle().FramePadding.x +
                                  2 * ImGui::GetStyle().ItemSpacing.x + 12;
            ImGui::TableSetupColumn(i18n::tr("Map"));
            ImGui::TableSetupColumn(i18n::tr("Stages"), ImGuiTableColumnFlags_WidthFixed, fits(i18n::tr("Stages"), 70));
            ImGui::TableSetupColumn(i18n::tr("Touchpoints"), ImGuiTableColumnFlags_WidthFixed, fits(i18n::tr("Touchpoints"), 110));
            // As wide as its heading or a long date ("Sep 28, 2026, 12:58 PM": "sept" in Spanish), in the language in use.
            const float date_w = ImGui::CalcTextSize(i18n::date_time("2026-09-28T12:58:00Z").c_str()).x + 12;
            ImGui::TableSetupColumn(i18n::tr("Modified"), ImGuiTableColumnFlags_WidthFixed, std::max(date_w, fits(i18n::tr("Modified"), 160)));
            ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, std::max(250.0f, buttons));
            ImGui::TableHeadersRow();
            auto entries = app.library_entries;   // a row's action may refresh the list
            for (const auto& e : entries) library_row(app, e);
            ImGui::EndTable();
        }
    }
    ImGui::End();
}

void about_dialog(AppState& app) {
    const std::string title = ui::window_title(i18n::tr("About Journey Map"), "About Journey Map");
    if (app.show_about) {
        ImGui::OpenPopup(title.c_str());
        app.show_about = false;
    }
    centre_next();
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::PushFont(ui::heading_font(), 0.0f);
    ImGui::Text(i18n::tr("Journey Map %s"), JM_VERSION);
    ImGui::PopFont();
    ImGui::TextUnformatted(i18n::tr("B2B customer journey maps in your browser: offline, private, with real CX metrics."));
    ImGui::TextUnformatted(i18n::tr("Your maps stay on this machine unless you download and share them."));
    ImGui::TextDisabled(i18n::tr("Dear ImGui %s, nlohmann/json, Inter, Droid Sans Fallback, Font Awesome 4.7"), IMGUI_VERSION);
    if (ImGui::Button(i18n::tr("Close"), {120, 0}) || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace

void draw_app_windows(AppState& app) {
    load_errors_dialog(app);
    open_notices_dialog(app);
    replace_dialog(app);
    other_tab_banner(app);
    library_window(app);
    about_dialog(app);
}

}  // namespace jm
