#include <cstring>
#include <string>

#include "i18n/i18n.h"
#include "imgui.h"
#include "ui/core/window_title.h"
#include "ui/panels.h"
#include "ui/shortcuts.h"
#include "ui/theme.h"

namespace jm::ui {

void draw_shortcuts_window(EditorState& st) {
    if (!st.show_shortcuts) return;
    ImGui::SetNextWindowSize({720, 620}, ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, {0.5f, 0.5f});
    // The title in the language; "###" keeps the window's id (size, position) across languages.
    const std::string title = window_title(i18n::tr("Keyboard shortcuts"), "Keyboard shortcuts");
    if (ImGui::Begin(title.c_str(), &st.show_shortcuts, ImGuiWindowFlags_NoCollapse)) {
        const char* group = "";
        if (ImGui::BeginTable("shortcuts", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
            ImGui::TableSetupColumn("##keys", ImGuiTableColumnFlags_WidthFixed, 280);
            ImGui::TableSetupColumn("##action");   // no header row: the columns have ids only
            for (const auto& row : shortcut_help()) {
                if (std::strcmp(group, row.group) != 0) {
                    group = row.group;
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    ImGui::PushFont(heading_font(), 0.0f);
                    ImGui::TextUnformatted(i18n::tr(group));
                    ImGui::PopFont();
                }
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(i18n::tr(row.keys));   // key names have no entry and stay as they are
                ImGui::TableNextColumn();
                ImGui::TextWrapped("%s", i18n::tr(row.action));
            }
            ImGui::EndTable();
        }
        if (ImGui::IsWindowFocused() && ImGui::IsKeyPressed(ImGuiKey_Escape)) st.show_shortcuts = false;
    }
    ImGui::End();
}

}  // namespace jm::ui
