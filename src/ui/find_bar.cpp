// Find (Ctrl+F): a small window over the canvas; Enter or F3 jumps to the next
// match, selects it and scrolls it into view.
#include "i18n/i18n.h"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "ui/core/display_names.h"
#include "ui/core/find.h"
#include "ui/editor_actions.h"
#include "ui/icons.h"
#include "ui/panels.h"

namespace jm::ui {

namespace {

void jump_to(EditorState& st, const FindHit& hit) {
    switch (hit.where) {
        case FindHit::Where::Touchpoint: select_and_reveal(st, hit.id); break;
        case FindHit::Where::Stage:
            st.selection.select_stage(hit.id);
            reveal_stage(st, hit.id);
            break;
        case FindHit::Where::Persona: st.selection.select_persona(hit.id); break;
        case FindHit::Where::Map: st.selection.select_map(); break;
    }
    st.show_inspector = true;
}

const char* where_name(FindHit::Where w) {
    switch (w) {
        case FindHit::Where::Touchpoint: return i18n::tr("Touchpoint");
        case FindHit::Where::Stage: return i18n::tr("Stage");
        case FindHit::Where::Persona: return i18n::tr("Persona");
        default: return i18n::tr("Map");
    }
}

}  // namespace

void draw_find_bar(EditorState& st) {
    if (!st.show_find) return;
    ImVec2 pos = {st.canvas_origin.x + st.canvas_size.x - 16, st.canvas_origin.y + 12};
    ImGui::SetNextWindowPos(pos, ImGuiCond_Always, {1.0f, 0.0f});
    ImGui::SetNextWindowSize({440, 0});
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                             ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize;
    if (!ImGui::Begin("Find", nullptr, flags)) {   // i18n: not shown (no title bar: the window's id)
        ImGui::End();
        return;
    }
    if (st.focus_find) {
        ImGui::SetKeyboardFocusHere();
        st.focus_find = false;
    }
    ImGui::SetNextItemWidth(270);
    bool enter = ImGui::InputTextWithHint("##find-query", i18n::tr(ICON_SEARCH "  Find in map"), &st.find_query, ImGuiInputTextFlags_EnterReturnsTrue);
    if (ImGui::IsItemEdited()) st.find_current = -1;
    // Found again only when the query or the map changed, never per frame.
    if (st.find_hits_revision != st.doc.revision() || st.find_hits_query != st.find_query) {
        st.find_hits = find_text(st.doc.map, st.find_query);
        st.find_hits_revision = st.doc.revision();
        st.find_hits_query = st.find_query;
    }
    const std::vector<FindHit>& hits = st.find_hits;
    int n = static_cast<int>(hits.size());
    ImGui::SameLine();
    if (ImGui::Button(ICON_ARROW_UP "##find-prev")) st.find_step = -1;
    ImGui::SameLine();
    if (ImGui::Button(ICON_ARROW_DOWN "##find-next")) st.find_step = 1;
    ImGui::SameLine();
    if (ImGui::Button(ICON_TIMES "##find-close") || (ImGui::IsKeyPressed(ImGuiKey_Escape) && ImGui::IsWindowFocused(ImGuiFocusedFlags_ChildWindows))) {
        st.show_find = false;
    }
    if (enter) {
        st.find_step = ImGui::GetIO().KeyShift ? -1 : 1;
        ImGui::SetKeyboardFocusHere(-1);   // keep typing in the field after Enter
    }
    if (st.find_step != 0 && n > 0) {
        st.find_current = ((st.find_current < 0 && st.find_step < 0 ? 0 : st.find_current) + st.find_step + n) % n;
        jump_to(st, hits[st.find_current]);
    }
    st.find_step = 0;
    if (st.find_query.empty()) ImGui::TextDisabled("%s", i18n::tr("Type to search titles, notes, pains, personas..."));
    else if (n == 0) ImGui::TextUnformatted(i18n::tr("No matches"));
    else {
        int shown = st.find_current >= 0 ? st.find_current : 0;
        const std::string line = i18n::trf("{current} of {count}  -  {where}: {field}",
                                           {{"current", i18n::number(st.find_current + 1 > 0 ? st.find_current + 1 : 0)},
                                            {"count", i18n::number(n) + (n >= 500 ? "+" : "")},
                                            {"where", where_name(hits[shown].where)},
                                            {"field", find_field_name(hits[shown].field)}});
        ImGui::TextUnformatted(line.c_str());
    }
    ImGui::End();
}

}  // namespace jm::ui
