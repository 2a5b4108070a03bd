#include "i18n/i18n.h"
#include "ui/paragraph_field.h"

#include <algorithm>

#include "imgui.h"
#include "imgui_internal.h"   // ItemAdd, ButtonBehavior, SetFocusID, tabbing state
#include "platform/platform.h"
#include "ui/canvas_paint.h"
#include "ui/core/text_layout.h"
#include "ui/icons.h"
#include "ui/inspector_fields.h"

namespace jm::ui {

namespace {

// `c` painted over the panel's background: the text box must be opaque, or the
// frame ImGui drew under it would show through.
ImU32 opaque_over_panel(ImGuiCol col) {
    const ImGuiStyle& style = ImGui::GetStyle();
    ImVec4 f = style.Colors[col];
    ImVec4 b = style.Colors[ImGuiCol_ChildBg].w > 0.5f ? style.Colors[ImGuiCol_ChildBg] : style.Colors[ImGuiCol_WindowBg];
    ImVec4 out(f.x * f.w + b.x * (1 - f.w), f.y * f.w + b.y * (1 - f.w), f.z * f.w + b.z * (1 - f.w), 1.0f);
    return ImGui::ColorConvertFloat4ToU32(out);
}

// The field itself: an inputable item (Tab stops at it) whose height follows its
// wrapped text. `name` is the accessible name of the text box.
void draw_paragraph(EditorState& st, const char* id_label, const ParagraphField& field, float width, float min_lines,
                    bool multi_line, const std::string& name) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImGuiID id = window->GetID(id_label);
    bool editing = st.paragraph.editing(field);
    const std::string text = editing ? st.paragraph.text() : paragraph_text(st.doc.map, field).value_or("");

    const float font_size = ImGui::GetFontSize(), line_h = ImGui::GetTextLineHeight();
    const ImVec2 pad = style.FramePadding;
    WrappedText wrapped = wrap_text(text, canvas_text_metric(), {.max_width = width - 2 * pad.x - 2, .font_size = font_size});
    float content = wrapped.height(line_h);
    if (editing && st.paragraph.content_height > 0) content = st.paragraph.content_height;   // as the text box wraps it
    const float height = paragraph_height(content, line_h, min_lines, pad.y) + 2;                // + the borders

    const ImVec2 pos = window->DC.CursorPos;
    const ImRect bb(pos, {pos.x + width, pos.y + height});
    ImGui::ItemSize(bb, pad.y);
    const bool visible = ImGui::ItemAdd(bb, id, nullptr, ImGuiItemFlags_Inputable);
    IMGUI_TEST_ENGINE_ITEM_INFO(id, id_label, g.LastItemData.StatusFlags);
    bool hovered = false, held = false;
    const bool pressed = visible && ImGui::ButtonBehavior(bb, id, &hovered, &held);
    if ((pressed || g.NavActivateId == id) && !editing) {
        editing = st.paragraph.begin(st.doc.map, st.doc.history, field);
        if (editing) ImGui::SetFocusID(id, window);
        // A click puts the caret where it was made; Tab puts it at the end.
        st.paragraph_caret = -1;
        if (editing && pressed && g.NavActivateId != id) {
            const ImVec2 m = ImGui::GetMousePos();
            const std::size_t at = caret_at(text, wrapped.lines, canvas_text_metric(), font_size, line_h,
                                            m.x - (bb.Min.x + pad.x + 1), m.y - (bb.Min.y + pad.y + 1));
            st.paragraph_caret = static_cast<int>(utf16_offset(text, at));
        }
    }
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);

    if (editing) {
        st.paragraph_drawn = true;
        if (g.NavId != id) ImGui::SetFocusID(id, window);   // Tab continues from here
        platform::TextOverlay o;
        o.generation = static_cast<unsigned>(st.paragraph.generation());
        o.text = st.paragraph.text();
        o.label = name;
        o.x = bb.Min.x;
        o.y = bb.Min.y;
        o.w = bb.GetWidth();
        o.h = bb.GetHeight();
        o.clip_x0 = window->ClipRect.Min.x;
        o.clip_y0 = window->ClipRect.Min.y;
        o.clip_x1 = window->ClipRect.Max.x;
        o.clip_y1 = window->ClipRect.Max.y;
        o.font_size = font_size;
        o.line_height = line_h;
        o.padding_x = pad.x;
        o.padding_y = pad.y;
        o.rounding = style.FrameRounding;
        o.sample_width = ImGui::CalcTextSize(platform::kTextOverlaySample).x;
        o.background = opaque_over_panel(ImGuiCol_FrameBg);
        o.text_color = ImGui::GetColorU32(ImGuiCol_Text);
        o.border = ImGui::GetColorU32(ImGuiCol_NavCursor);
        o.selection = ImGui::GetColorU32(ImGuiCol_TextSelectedBg);
        o.multi_line = multi_line;
        o.caret = st.paragraph_caret;
        platform::text_overlay_show(o);
    }
    if (!visible) return;

    const ImU32 bg = ImGui::GetColorU32(hovered && !editing ? ImGuiCol_FrameBgHovered : ImGuiCol_FrameBg);
    ImGui::RenderFrame(bb.Min, bb.Max, bg, true, style.FrameRounding);
    if (editing) {
        window->DrawList->AddRect(bb.Min, bb.Max, ImGui::GetColorU32(ImGuiCol_NavCursor), style.FrameRounding, 0, 2.0f);
        return;   // the text box shows the text
    }
    const ImVec4 clip(bb.Min.x, bb.Min.y, bb.Max.x, bb.Max.y);
    const ImU32 col = ImGui::GetColorU32(ImGuiCol_Text);
    float y = bb.Min.y + pad.y + 1;
    for (const TextLine& line : wrapped.lines) {
        if (y > window->ClipRect.Max.y) break;
        if (y + line_h >= window->ClipRect.Min.y) {
            const std::string drawn = line_text(text, line);
            window->DrawList->AddText(nullptr, font_size, {bb.Min.x + pad.x + 1, y}, col, drawn.data(), drawn.data() + drawn.size(), 0, &clip);
        }
        y += line_h;
    }
}

ParagraphEnd end_reason(platform::TextOverlayEvent::Leave leave) {
    using Leave = platform::TextOverlayEvent::Leave;
    switch (leave) {
        case Leave::Escape: return ParagraphEnd::Escape;
        case Leave::Tab: return ParagraphEnd::Tab;
        case Leave::ShiftTab: return ParagraphEnd::ShiftTab;
        case Leave::Enter: return ParagraphEnd::Enter;
        case Leave::Elsewhere: return ParagraphEnd::Elsewhere;
    }
    return ParagraphEnd::Elsewhere;
}

// Tab in the text box moves to the next (Shift+Tab: previous) field of the
// inspector, as it would from an ImGui text field. The request is made here, at
// the start of the frame, rather than by replaying a Tab key: ImGui tabs from an
// active item only, and the field just left is no longer active, so a replayed
// key would land on that same field again on some frames.
void tab_from_field_left(int dir) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    if (g.NavWindow == nullptr || g.NavId == 0) return;   // the field kept NavId while it was edited
    ImGui::NavMoveRequestSubmit(ImGuiDir_None, dir < 0 ? ImGuiDir_Up : ImGuiDir_Down,
                                ImGuiNavMoveFlags_IsTabbing | ImGuiNavMoveFlags_Activate,
                                ImGuiScrollFlags_KeepVisibleEdgeX | ImGuiScrollFlags_KeepVisibleEdgeY);
    g.NavTabbingDir = dir;
    g.NavTabbingCounter = -1;
}

}  // namespace

void paragraph_field(EditorState& st, const char* label, const ParagraphField& field, float min_lines) {
    const char* shown = i18n::tr(label);   // the id stays the English label's, the same in every language
    field_label(shown);
    const float width = ImGui::CalcItemWidth();
    draw_paragraph(st, (std::string("##") + label).c_str(), field, width, min_lines, true, shown);
}

void paragraph_list(EditorState& st, const char* label, ParagraphSlot slot, const std::string& id,
                    const std::vector<std::string>& items, const char* add_label) {
    ImGui::PushID(label);
    const char* shown = i18n::tr(label);
    ImGui::TextUnformatted(shown);
    // The item being typed that is not in the list (new, or emptied) keeps its row.
    const ParagraphSession& s = st.paragraph;
    const bool pending = s.open() && s.field().slot == slot && s.field().id == id && !s.in_list();
    const std::size_t rows = items.size() + (pending ? 1 : 0);
    for (std::size_t r = 0; r < rows; ++r) {
        const bool virtual_row = pending && r == static_cast<std::size_t>(s.field().index);
        ParagraphField field{slot, id, static_cast<int>(r)};
        ImGui::PushID(static_cast<int>(r));
        const float width = ImGui::GetContentRegionAvail().x - 40;
        draw_paragraph(st, "##item", field, width, 1, false, std::string(shown) + " " + std::to_string(r + 1));
        if (!virtual_row) {
            ImGui::SameLine();
            if (ImGui::Button(ICON_TIMES "##remove")) {
                if (st.paragraph.open()) st.paragraph.end(st.doc.map, st.doc.history, ParagraphEnd::Elsewhere);
                st.doc.run(remove_list_item(st.doc.map, field));
                platform::text_overlay_hide();
                ImGui::PopID();
                break;
            }
            ImGui::SetItemTooltip("%s", i18n::tr("Remove"));
        }
        ImGui::PopID();
    }
    if (ImGui::SmallButton(i18n::tr(add_label))) {
        // The new item gets the cursor; it enters the list with its first character.
        const int at = static_cast<int>(list_size(st.doc.map, {slot, id}).value_or(items.size()));
        if (st.paragraph.begin(st.doc.map, st.doc.history, {slot, id, at})) st.paragraph_drawn = true;
        st.paragraph_caret = -1;
    }
    ImGui::PopID();
}

void apply_paragraph_input(EditorState& st) {
    ParagraphSession& s = st.paragraph;
    Map& map = st.doc.map;
    History& history = st.doc.history;
    for (const platform::TextOverlayEvent& e : platform::text_overlay_events()) {
        if (!s.open()) continue;   // what an edit that already ended still reported
        s.content_height = e.content_height;
        if (e.kind == platform::TextOverlayEvent::Kind::Input) {
            if (!e.composing) s.type(map, history, e.text);   // an IME's unconfirmed text is not the user's yet
            continue;
        }
        s.type(map, history, e.text);
        s.end(map, history, end_reason(e.leave));
        if (e.leave == platform::TextOverlayEvent::Leave::Tab) tab_from_field_left(+1);
        if (e.leave == platform::TextOverlayEvent::Leave::ShiftTab) tab_from_field_left(-1);
    }
    if (s.open()) {
        if (!s.in_step_with(map, history)) {
            s.end(map, history, ParagraphEnd::Gone);
            platform::text_overlay_hide();
        } else if (!st.paragraph_drawn || ImGui::GetTopMostAndVisiblePopupModal() != nullptr) {
            s.end(map, history, ParagraphEnd::Elsewhere);
            platform::text_overlay_hide();
        }
    }
    st.paragraph_drawn = false;
}

void continue_tab_order() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    if (g.NavMoveScoringItems && (g.NavMoveFlags & ImGuiNavMoveFlags_IsTabbing) && !(g.NavMoveFlags & ImGuiNavMoveFlags_FocusApi) &&
        g.NavTabbingDir == 0 && g.NavId != 0 && g.NavWindow == ImGui::GetCurrentWindow())
        g.NavTabbingDir = +1;
}

void escape_keeps_text(const char* label) {
    const ImGuiID id = ImGui::GetID(label);
    if (ImGui::GetActiveID() == id && ImGui::IsKeyPressed(ImGuiKey_Escape, false)) ImGui::ClearActiveID();
}

}  // namespace jm::ui
