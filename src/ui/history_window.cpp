// The History panel: every undo step by its label; clicking one jumps there.
#include "i18n/i18n.h"
#include "imgui.h"
#include "ui/core/window_title.h"
#include "ui/panels.h"

namespace jm::ui {

void draw_history_window(EditorState& st) {
    if (!st.show_history) return;
    ImGui::SetNextWindowSize({360, 460}, ImGuiCond_FirstUseEver);
    const std::string title = window_title(i18n::tr("History"), "History");   // "History" in tests, in every language
    if (ImGui::Begin(title.c_str(), &st.show_history)) {
        History& h = st.doc.history;
        auto labels = h.labels();
        std::size_t pos = h.position();
        ImGui::TextDisabled("%s", i18n::trn("{n} steps, {size} KB", static_cast<long long>(labels.size()),
                                            {{"size", i18n::number(h.memory_bytes() / 1024.0, 1)}}).c_str());
        ImGui::Separator();
        if (ImGui::Selectable(i18n::tr("Opened map"), pos == 0)) {
            h.jump_to(st.doc.map, 0);
            st.selection.prune(st.doc.map);
        }
        for (std::size_t i = 0; i < labels.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            bool undone = i + 1 > pos;
            if (undone) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            if (ImGui::Selectable(labels[i].c_str(), i + 1 == pos)) {
                h.jump_to(st.doc.map, i + 1);
                st.selection.prune(st.doc.map);
            }
            if (undone) ImGui::PopStyleColor();
            ImGui::PopID();
        }
        if (ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - 4) ImGui::SetScrollHereY(1.0f);
    }
    ImGui::End();
}

}  // namespace jm::ui
