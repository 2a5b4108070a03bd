#include "app/panel_layout.h"

#include <algorithm>
#include <string_view>

#include "app/app_state.h"
#include "i18n/i18n.h"
#include "imgui.h"
#include "imgui_internal.h"   // SetKeyOwner: an Escape that closed a panel goes no further
#include "ui/canvas.h"
#include "ui/icons.h"
#include "ui/panels.h"
#include "ui/theme.h"

namespace jm {

namespace {

bool escape_reaches_panels(const ui::EditorState& ed) {
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    if (!ImGui::IsKeyPressed(ImGuiKey_Escape, false) || ImGui::GetIO().WantTextInput) return false;
    if (ed.drag.kind != ui::DragState::Kind::None || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return false;
    // Not when another window has the keyboard (Find, History, Keyboard shortcuts...).
    return !g.NavWindow || (g.NavWindow->RootWindow && std::string_view(g.NavWindow->RootWindow->Name) == "Journey Map");
}

// A button of the icon strip: `open` shown pressed, a click opens or closes.
void strip_button(const char* label, const char* tooltip, bool& open) {
    const float w = ImGui::GetContentRegionAvail().x;
    const bool was_open = open;
    if (was_open) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    if (ImGui::Button(label, {w, w})) open = !open;
    if (was_open) ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tooltip);
}

void draw_strip(ui::EditorState& ed, float width, float height) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {5, 8});
    ImGui::BeginChild("Panels", {width, height}, ImGuiChildFlags_Borders, ImGuiWindowFlags_NoScrollbar);
    ImGui::PopStyleVar();
    strip_button(ICON_USERS "##strip-personas", i18n::tr("Personas and lanes"), ed.show_personas);
    strip_button(ICON_SLIDERS "##strip-inspector", i18n::tr("Inspector: the selected card, stage or persona, or the map's details"), ed.show_inspector);
    ImGui::EndChild();
}

// A soft shadow at the sides of a panel over the map, in a child window of its own
// submitted just before the panel and overlapping it. That also keeps the panel's
// background, border and scrollbar in the panel's own draw list, over the map: ImGui
// draws a child's decorations into its parent's draw list, under every sibling, when
// the child does not overlap the child submitted before it (imgui #4493).
void overlay_shadow(const char* name, ImVec2 pos, ImVec2 size) {
    constexpr int kSpread = 10;
    ImGui::SetCursorScreenPos({pos.x - kSpread, pos.y});
    ImGui::BeginChild(name, {size.x + 2 * kSpread, size.y}, ImGuiChildFlags_None,
                      ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoSavedSettings);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float rounding = ImGui::GetStyle().ChildRounding;
    for (int i = 1; i <= kSpread; ++i) {
        const int alpha = (ui::current_theme() == ui::Theme::Dark ? 90 : 40) * (kSpread + 1 - i) / (2 * kSpread);
        dl->AddRect({pos.x - i, pos.y - i}, {pos.x + size.x + i, pos.y + size.y + i}, IM_COL32(0, 0, 0, alpha), rounding + i, 0, 1.0f);
    }
    ImGui::EndChild();
}

// A panel over the canvas: opaque, with a bar that names it and a close button that
// stays in sight however far the panel scrolls. `name` is the child window's id (the
// same in every language); its bar shows the translation.
void begin_overlay(const char* name, const char* shadow, const char* close_label, const char* close_tip, ImVec2 pos, ImVec2 size, bool& open) {
    overlay_shadow(shadow, pos, size);
    ImGui::SetCursorScreenPos(pos);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::GetStyleColorVec4(ImGuiCol_WindowBg));
    ImGui::PushStyleColor(ImGuiCol_Border, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::BeginChild(name, size, ImGuiChildFlags_Borders, ImGuiWindowFlags_MenuBar);
    ImGui::PopStyleColor(2);
    if (ImGui::BeginMenuBar()) {
        ImGui::PushFont(ui::heading_font(), 0.0f);
        ImGui::TextUnformatted(i18n::tr(name));
        ImGui::PopFont();
        const float button_w = ImGui::CalcTextSize(close_label, nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x;
        ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowWidth() - button_w - ImGui::GetStyle().WindowPadding.x));
        if (ImGui::Button(close_label)) open = false;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", close_tip);
        ImGui::EndMenuBar();
    }
}

// A shared map is read, not edited (app/share_link.h): its panels show it, disabled.
void draw_side_panel(ui::EditorState& ed, void (*draw)(ui::EditorState&)) {
    ImGui::BeginDisabled(ed.doc.read_only);
    draw(ed);
    ImGui::EndDisabled();
}

void draw_docked(ui::EditorState& ed, const ui::PanelPlacement& p, float body_h) {
    if (p.personas.shown()) {
        ImGui::BeginChild("Personas and lanes", {p.personas.w, body_h}, ImGuiChildFlags_Borders);
        draw_side_panel(ed, ui::draw_personas_panel);
        ImGui::EndChild();
        ImGui::SameLine(0, 0);
    }
    ImGui::BeginChild("Canvas area", {p.canvas.w, body_h});
    ui::draw_canvas(ed);
    ImGui::EndChild();
    if (p.inspector.shown()) {
        ImGui::SameLine(0, 0);
        ImGui::BeginChild("Inspector", {p.inspector.w, body_h}, ImGuiChildFlags_Borders);
        draw_side_panel(ed, ui::draw_inspector);
        ImGui::EndChild();
    }
}

// An inspector that has just opened over the map keeps the card it shows in sight beside it.
void keep_card_beside_inspector(ui::EditorState& ed, const ui::PanelPlacement& p) {
    if (!p.inspector.shown() || p.mode != ui::PanelMode::Overlay || ed.selection.kind() != ui::SelectionKind::Touchpoints) return;
    const TouchpointRef at = locate_touchpoint(ed.doc.map, ed.selection.focus());
    ed.refresh_derived();
    if (!at || ed.layout.lane_index(Lane::Touchpoints) < 0) return;
    const ui::Vec2 seen = {std::max(p.canvas.w - p.canvas_covered_right, 1.0f), ed.canvas_size.y};
    ed.view.reveal(ed.layout.card(at.stage, at.index), seen);
}

void draw_overlays(ui::EditorState& ed, const ui::PanelPlacement& p, ImVec2 top, float body_h) {
    draw_strip(ed, p.strip.w, body_h);
    ImGui::SameLine(0, 0);
    ImGui::BeginChild("Canvas area", {p.canvas.w, body_h});
    ui::draw_canvas(ed);
    // A press on the map closes the personas panel; a click (no drag) that leaves
    // something selected opens the inspector, even on what was selected already.
    if (ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows | ImGuiHoveredFlags_AllowWhenBlockedByActiveItem)) {
        const ImGuiIO& io = ImGui::GetIO();
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) || ImGui::IsMouseClicked(ImGuiMouseButton_Right))
            ed.side_panels.pressed_map(ed.show_personas);
        if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && io.MouseDragMaxDistanceSqr[0] < io.MouseDragThreshold * io.MouseDragThreshold) {
            const bool was_open = ed.show_inspector;
            ed.side_panels.clicked_map(ui::selection_key(ed.selection), ed.show_inspector);
            if (!was_open && ed.show_inspector)
                keep_card_beside_inspector(ed, ui::place_panels(p.strip.w + p.canvas.w, ed.show_personas, true, ed.side_panels.metrics()));
        }
    }
    ImGui::EndChild();

    // The panels go over the canvas, drawn after it so they are on top (and hovered first).
    const ui::PanelPlacement now = ui::place_panels(p.strip.w + p.canvas.w, ed.show_personas, ed.show_inspector, ed.side_panels.metrics());
    if (now.personas.shown()) {
        begin_overlay("Personas and lanes", "Shadow of personas and lanes", i18n::tr(ICON_TIMES "  Close##close-personas"),
                      i18n::tr("Close this panel (Escape, or a click on the map)"),
                      {top.x + now.personas.x, top.y}, {now.personas.w, body_h}, ed.show_personas);
        draw_side_panel(ed, ui::draw_personas_panel);
        ImGui::EndChild();
    }
    if (now.inspector.shown()) {
        begin_overlay("Inspector", "Shadow of the inspector", i18n::tr(ICON_TIMES "  Close##close-inspector"),
                      i18n::tr("Close the inspector and see the whole map"),
                      {top.x + now.inspector.x, top.y}, {now.inspector.w, body_h}, ed.show_inspector);
        draw_side_panel(ed, ui::draw_inspector);
        ImGui::EndChild();
    }
    ed.canvas_covered_right = now.canvas_covered_right;
    ImGui::SetCursorScreenPos({top.x, top.y + body_h});
}

}  // namespace

void update_side_panels(AppState& app) {
    ui::EditorState& ed = app.ed;
    const float width = ImGui::GetMainViewport()->WorkSize.x;
    const bool was_open = ed.show_inspector;
    ed.side_panels.update(width, ui::selection_key(ed.selection), ed.drag.kind != ui::DragState::Kind::None, ed.show_personas,
                          ed.show_inspector);
    if (escape_reaches_panels(ed) && ed.side_panels.escape(ed.selection.empty(), ed.show_personas, ed.show_inspector))
        ImGui::SetKeyOwner(ImGuiKey_Escape, ImHashStr("side panels"), ImGuiInputFlags_LockThisFrame);   // not also a cleared selection
    const ui::PanelPlacement p = ui::place_panels(width, ed.show_personas, ed.show_inspector, ed.side_panels.metrics());
    ed.canvas_covered_right = p.canvas_covered_right;
    if (!was_open) keep_card_beside_inspector(ed, p);
}

void layout_panels(AppState& app) {
    ui::EditorState& ed = app.ed;
    const float status_h = ImGui::GetFrameHeight() + 8;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const float body_h = avail.y - status_h;
    const ui::PanelPlacement p = ui::place_panels(avail.x, ed.show_personas, ed.show_inspector, ed.side_panels.metrics());
    if (p.mode == ui::PanelMode::Docked) draw_docked(ed, p, body_h);
    else draw_overlays(ed, p, top, body_h);
    ImGui::BeginChild("Status bar", {0, status_h}, ImGuiChildFlags_None, ImGuiWindowFlags_NoScrollbar);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 4);
    ImGui::Indent(10);
    ui::draw_status_bar(ed);
    ImGui::EndChild();
}

}  // namespace jm
