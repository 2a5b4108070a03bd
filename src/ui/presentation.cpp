// Presentation mode's screen: a band at the top with the stage in focus, its
// health, its top hotspot and the persona filter in large type, and under it
// the map framed by PresentationPlan (src/ui/core/presentation_view.h), painted
// by the canvas painter without any editing controls. Stages other than the
// one in focus are veiled, so the room knows where to look.
#include "i18n/i18n.h"
#include "ui/presentation.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "imgui.h"
#include "ui/canvas_paint.h"
#include "ui/core/text_layout.h"
#include "ui/icons.h"
#include "ui/stage_badges.h"
#include "ui/theme.h"

namespace jm::ui {

namespace {

#ifndef ICON_ARROW_LEFT
#define ICON_ARROW_LEFT "\xef\x81\xa0"   // U+F060
#endif

// Type sizes in the band (CSS pixels): all of it reads from the back of a room.
constexpr float kCounterPx = 22;
constexpr float kNamePx = 30;
constexpr float kInfoPx = 24;
constexpr float kPad = 20;

// Glyph advances of the current ImGui font at its current size, for the
// project's line breaker: ImGui's own wrapping breaks Chinese text only at
// 、 and 。, so a long Chinese stage name would run off the screen.
class FontMetric : public TextMetric {
public:
    FontMetric() : baked_(ImGui::GetFontBaked()) {}
    FontMetric(ImFont* font, float size) : baked_(font->GetFontBaked(size)) {}
    float advance(char32_t c, float size) const override {
        ImWchar w = c > IM_UNICODE_CODEPOINT_MAX ? static_cast<ImWchar>(IM_UNICODE_CODEPOINT_INVALID) : static_cast<ImWchar>(c);
        return baked_->GetCharAdvance(w) * (size / baked_->Size);
    }

private:
    ImFontBaked* baked_;
};

// `text` in the current font, wrapped to the room left in the column: every
// word is shown, on as many lines as it needs. Disabled text is muted.
void wrapped(std::string_view text, bool muted = false) {
    FontMetric metric;
    WrapOptions o;
    o.max_width = std::max(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 2);
    o.font_size = ImGui::GetFontSize();
    WrappedText w = wrap_text(text, metric, o);
    if (muted) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    for (const TextLine& l : w.lines) {
        const std::string shown = line_text(text, l);
        ImGui::TextUnformatted(shown.c_str(), shown.c_str() + shown.size());
    }
    if (muted) ImGui::PopStyleColor();
}

int first_stage_of_selection(const EditorState& st) {
    const Map& map = st.doc.map;
    std::string stage_id;
    if (st.selection.kind() == SelectionKind::Stage) stage_id = st.selection.stage();
    else if (st.selection.kind() == SelectionKind::Touchpoints && !st.selection.focus().empty()) {
        TouchpointRef at = locate_touchpoint(map, st.selection.focus());
        if (at) return at.stage;
    }
    for (int s = 0; s < static_cast<int>(map.stages.size()); ++s)
        if (map.stages[s].id == stage_id) return s;
    return 0;
}

// A rounded label with a coloured fill and dark text: the health of the stage
// (symbol and word, never colour alone).
void pill(const char* text, ImU32 fill, float size) {
    ImGui::PushFont(heading_font(), size);
    ImVec2 t = ImGui::CalcTextSize(text);
    ImVec2 pad = {size * 0.5f, size * 0.2f};
    ImVec2 a = ImGui::GetCursorScreenPos();
    ImVec2 b = {a.x + t.x + 2 * pad.x, a.y + t.y + 2 * pad.y};
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(a, b, fill, size * 0.4f);
    dl->AddRect(a, b, IM_COL32(0, 0, 0, 255), size * 0.4f, 0, 1.5f);
    dl->AddText({a.x + pad.x, a.y + pad.y}, IM_COL32(0, 0, 0, 255), text);
    ImGui::Dummy({b.x - a.x, b.y - a.y});
    ImGui::PopFont();
}

float pill_width(const char* text, float size) {
    ImGui::PushFont(heading_font(), size);
    float w = ImGui::CalcTextSize(text).x + size;
    ImGui::PopFont();
    return w;
}

// Moves the cursor so that an item `w` wide ends at the column's right edge.
void align_right(float w) {
    float room = ImGui::GetContentRegionAvail().x;
    if (room > w) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + room - w);
}

struct Screen {
    Presentation& pr;
    EditorState& st;
    const Map& map;
    int stages;

    void go_to(int stage) {
        if (stages == 0) return;
        int next = std::clamp(stage, 0, stages - 1);
        if (next != pr.stage) pr.scroll = 0;   // each stage is read from its top
        pr.stage = next;
    }

    void keys(float page_world) {
        auto pressed = [](ImGuiKey k) { return ImGui::IsKeyPressed(k, true); };
        if (pressed(ImGuiKey_RightArrow) || pressed(ImGuiKey_PageDown) || pressed(ImGuiKey_Space)) go_to(pr.stage + 1);
        if (pressed(ImGuiKey_LeftArrow) || pressed(ImGuiKey_PageUp)) go_to(pr.stage - 1);
        if (pressed(ImGuiKey_Home)) go_to(0);
        if (pressed(ImGuiKey_End)) go_to(stages - 1);
        // A screenful at a time, with a little of the last one kept for context.
        if (pressed(ImGuiKey_DownArrow)) pr.scroll += page_world * 0.85f;
        if (pressed(ImGuiKey_UpArrow)) pr.scroll -= page_world * 0.85f;
        if (ImGui::IsKeyPressed(ImGuiKey_Escape, false) || ImGui::IsKeyPressed(ImGuiKey_F5, false)) pr.leave_requested = true;
    }

    // Previous, "Stage 3 of 7", next, leave: for a mouse or a touch screen (the keys do the same).
    void navigation() {
        const ImGuiStyle& style = ImGui::GetStyle();
        const float h = ImGui::GetFrameHeight();
        const float w = h * 1.5f;
        const char* leave = i18n::tr(ICON_TIMES "  Leave##Leave presentation");
        const std::string counter =
            stages == 0 ? std::string()
                        : i18n::trf("Stage {current} of {total}", {{"current", i18n::number(pr.stage + 1)}, {"total", i18n::number(stages)}});
        ImGui::PushFont(nullptr, kCounterPx);
        const float counter_w = ImGui::CalcTextSize(counter.c_str()).x;
        ImGui::PopFont();
        const float leave_w = ImGui::CalcTextSize(leave, nullptr, true).x + style.FramePadding.x * 2;
        align_right(counter_w + 2 * w + leave_w + 3 * style.ItemSpacing.x + style.ItemSpacing.x);
        ImGui::BeginDisabled(pr.stage <= 0);
        if (ImGui::Button(ICON_ARROW_LEFT "##Previous stage", {w, h})) go_to(pr.stage - 1);
        ImGui::EndDisabled();
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", i18n::tr("Previous stage (Left arrow, Page Up)"));
        ImGui::SameLine();
        ImGui::PushFont(nullptr, kCounterPx);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (h - ImGui::GetFontSize()) / 2 - 1);
        ImGui::TextUnformatted(counter.c_str());
        ImGui::PopFont();
        ImGui::SameLine();
        ImGui::BeginDisabled(pr.stage >= stages - 1);
        if (ImGui::Button(ICON_ARROW_RIGHT "##Next stage", {w, h})) go_to(pr.stage + 1);
        ImGui::EndDisabled();
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", i18n::tr("Next stage (Right arrow, Page Down, Space)"));
        ImGui::SameLine(0, 2 * style.ItemSpacing.x);
        if (ImGui::Button(leave)) pr.leave_requested = true;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", i18n::tr("Leave presentation mode (Escape or F5)"));
    }

    // The band at the top: the stage's name and top hotspot on the left; the
    // navigation, the stage's health and the persona filter on the right.
    void band() {
        const float width = ImGui::GetContentRegionAvail().x;
        const float right_w = std::clamp(width * 0.28f, 300.0f, 460.0f);
        ImGui::SetCursorPos({kPad, 10});
        ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, {kPad / 2, 0});
        if (!ImGui::BeginTable("presentation-band", 2, ImGuiTableFlags_None, {width - 2 * kPad, 0})) {
            ImGui::PopStyleVar();
            return;
        }
        ImGui::TableSetupColumn("##stage", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("##status", ImGuiTableColumnFlags_WidthFixed, right_w);
        ImGui::TableNextRow();

        // Left: the stage's name and its top hotspot; every word, wrapped.
        ImGui::TableNextColumn();
        if (stages == 0) {
            ImGui::PushFont(heading_font(), kNamePx);
            wrapped(map.title.empty() ? i18n::tr("Untitled journey") : map.title);
            ImGui::PopFont();
            ImGui::PushFont(nullptr, kInfoPx);
            wrapped(i18n::tr("This map has no stages yet."));
            ImGui::PopFont();
        } else {
            const Stage& stage = map.stages[pr.stage];
            ImGui::PushFont(heading_font(), kNamePx);
            wrapped(stage.name.empty() ? i18n::tr("(unnamed stage)") : stage.name);
            ImGui::PopFont();
            ImGui::PushFont(nullptr, kInfoPx);
            double score = 0;
            int top = stage_top_hotspot(st, pr.stage, &score);
            if (top >= 0) {
                const Touchpoint& t = stage.touchpoints[top];
                wrapped(std::string(ICON_FIRE "  ") +
                        i18n::trf("Top hotspot: {title}  (score {score}, friction {friction}/5)",
                                  {{"score", i18n::number(score)},
                                   {"friction", i18n::number(t.friction)},
                                   {"title", t.title.empty() ? std::string(i18n::tr("(untitled)")) : t.title}}));
            } else {
                wrapped(i18n::tr(ICON_FIRE "  Top hotspot: none in this stage"));
            }
            ImGui::PopFont();
        }

        // Right: navigation; the health of the stage and the persona filter.
        ImGui::TableNextColumn();
        navigation();
        ImGui::Dummy({0, 2});
        if (stages > 0) {
            Health h = pr.stage < static_cast<int>(st.metrics.stages.size()) ? st.metrics.stages[pr.stage].health.status : Health::Unknown;
            const char* label = health_label(h);
            align_right(pill_width(label, kInfoPx));
            pill(label, health_color(h), kInfoPx);
        }
        persona_filter();
        ImGui::EndTable();
        ImGui::PopStyleVar();
    }

    void persona_filter() {
        ImGui::PushFont(nullptr, kInfoPx);
        const Persona* p = st.view_as_persona.empty() ? nullptr : find_persona(map, st.view_as_persona);
        std::string text = p ? std::string(ICON_EYE "  ") +
                                   i18n::trf("Viewing as {persona}", {{"persona", p->name.empty() ? std::string(i18n::tr("(unnamed persona)")) : p->name}})
                             : std::string(i18n::tr(ICON_USERS "  All personas"));
        const float dot = p ? ImGui::GetFontSize() * 0.9f : 0;
        const float room = ImGui::GetContentRegionAvail().x;
        const float w = std::min(ImGui::CalcTextSize(text.c_str()).x + dot, room);
        align_right(w);
        if (p) {
            ImVec2 c = ImGui::GetCursorScreenPos();
            float r = ImGui::GetFontSize() * 0.32f;
            ImGui::GetWindowDrawList()->AddCircleFilled({c.x + r, c.y + ImGui::GetFontSize() * 0.55f}, r, persona_color(*p));
            ImGui::GetWindowDrawList()->AddCircle({c.x + r, c.y + ImGui::GetFontSize() * 0.55f}, r, IM_COL32(0, 0, 0, 255), 0, 1.5f);
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + dot);
        }
        wrapped(text);
        ImGui::PopFont();
    }

    // The corner above the lane names holds the map's title: wrapped here, where
    // the editor's canvas shortens it to one line.
    void corner_title(ImDrawList* dl, ImVec2 origin, ImVec2 size) {
        const View& v = st.view;
        const auto& m = st.layout.metrics();
        const Vec2 o = {origin.x, origin.y};
        const float left = std::max(0.0f, v.visible_world(o, {size.x, size.y}).min.x);
        const Vec2 a = v.to_screen(Vec2{left, 0}, o), b = v.to_screen(Vec2{left + m.lane_label_width, st.layout.header_height()}, o);
        if (b.y <= origin.y) return;
        dl->AddRectFilled({a.x, a.y}, {b.x, b.y}, palette().canvas_bg);
        ImFont* font = canvas_font();
        if (!font) return;
        const float px = m.font_size * 0.85f * v.zoom;
        FontMetric metric(font, px);
        WrapOptions wrap;
        wrap.max_width = (m.lane_label_width - 20) * v.zoom;
        wrap.font_size = px;
        const std::string title = map.title.empty() ? std::string(i18n::tr("Untitled journey")) : map.title;
        WrappedText w = wrap_text(title, metric, wrap);
        float y = a.y + 12 * v.zoom;
        for (const TextLine& l : w.lines) {
            if (y + px > b.y) break;
            const std::string line = line_text(title, l);
            dl->AddText(font, px, {a.x + 10 * v.zoom, y}, palette().card_muted, line.c_str());
            y += px * 1.25f;
        }
    }

    // Veils every stage but the one in focus, and outlines that one.
    void focus_veil(ImDrawList* dl, ImVec2 origin, ImVec2 size) {
        if (stages < 2) return;
        const Palette& pal = palette();
        const View& v = st.view;
        const Vec2 o = {origin.x, origin.y};
        const Rect vis = v.visible_world(o, {size.x, size.y});
        const float labels_right = v.to_screen(Vec2{std::max(0.0f, vis.min.x) + st.layout.metrics().lane_label_width, 0}, o).x;
        const float bottom = std::min(origin.y + size.y, v.to_screen(Vec2{0, st.layout.content().max.y}, o).y);
        ImVec4 bg = ImGui::ColorConvertU32ToFloat4(pal.canvas_bg);
        bg.w = 0.62f;
        const ImU32 veil = ImGui::ColorConvertFloat4ToU32(bg);
        for (int s = 0; s < stages; ++s) {
            Rect col = st.layout.stage_column(s);
            float a = std::max(v.to_screen(col.min, o).x, labels_right), b = v.to_screen(col.max, o).x;
            if (b <= a) continue;
            if (s == pr.stage) {
                dl->AddRect({a + 1.5f, origin.y + 1.5f}, {b - 1.5f, bottom - 1.5f}, pal.selection, 0, 0, 3.0f);
                continue;
            }
            dl->AddRectFilled({a, origin.y}, {b, bottom}, veil);
        }
    }

    // Returns true while the view still moves towards its framing.
    bool map_area() {
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
        ImGui::BeginChild("Presented map", {0, 0}, ImGuiChildFlags_None, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
        ImGui::PopStyleVar();
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        const ImVec2 size = ImGui::GetContentRegionAvail();
        const auto& L = st.layout;
        PresentationInput in;
        in.label_width = L.metrics().lane_label_width;
        in.stage_width = L.metrics().stage_width;
        in.stage_count = L.stage_count();
        in.content_height = L.content().max.y;
        in.body_font_size = L.metrics().font_size;
        in.viewport = {size.x, size.y};
        PresentationPlan plan(in);
        pr.mode = plan.mode();
        pr.zoom = plan.zoom();
        pr.body_px = plan.body_px();
        pr.max_scroll = plan.max_scroll();

        // Keys and the wheel, then where the view should be.
        if (!pr.snap) keys(size.y / plan.zoom());
        ImGui::SetCursorScreenPos(origin);
        ImGui::InvisibleButton("##presented-map", {std::max(size.x, 1.0f), std::max(size.y, 1.0f)});
        ImGuiIO& io = ImGui::GetIO();
        if (ImGui::IsItemHovered() && io.MouseWheel != 0) pr.scroll -= io.MouseWheel * 80 / plan.zoom();
        if (ImGui::IsItemClicked(ImGuiMouseButton_Left) && stages > 0) {   // a click on a stage presents it
            Vec2 w = st.view.to_world({io.MousePos.x, io.MousePos.y}, {origin.x, origin.y});
            int s = static_cast<int>(std::floor((w.x - in.label_width) / in.stage_width));
            if (s >= 0 && s < stages && w.x > st.view.visible_world({origin.x, origin.y}, {size.x, size.y}).min.x + in.label_width) go_to(s);
        }
        pr.scroll = std::clamp(pr.scroll, 0.0f, plan.max_scroll());
        const View target = plan.frame(pr.stage, pr.scroll);
        if (pr.viewport.x != size.x || pr.viewport.y != size.y) pr.snap = true;   // full screen came or went
        pr.viewport = {size.x, size.y};
        bool moving = false;
        if (pr.snap) {
            st.view = target;
            pr.pan.running = false;
            pr.snap = false;
        } else {
            if (!pr.pan.running || pr.pan.target.offset != target.offset || pr.pan.target.zoom != target.zoom) pr.pan.start(target);
            moving = pr.pan.advance(st.view, std::min(io.DeltaTime, 1.0f / 30));
        }

        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->PushClipRect(origin, {origin.x + size.x, origin.y + size.y}, true);
        dl->AddRectFilled(origin, {origin.x + size.x, origin.y + size.y}, palette().canvas_bg);
        Paint p{.dl = dl, .st = &st, .view = st.view, .origin = origin, .size = size, .interactive = false, .sticky_labels = true};
        paint_map(p);
        corner_title(dl, origin, size);
        focus_veil(dl, origin, size);
        dl->PopClipRect();
        ImGui::EndChild();
        return moving;
    }
};

}  // namespace

int stage_top_hotspot(const EditorState& st, int stage, double* score) {
    const Map& map = st.doc.map;
    if (stage < 0 || stage >= static_cast<int>(map.stages.size()) || stage >= static_cast<int>(st.metrics.stages.size())) return -1;
    const StageMetrics& sm = st.metrics.stages[stage];
    int best = -1;
    double best_score = 0;
    for (std::size_t i = 0; i < sm.touchpoint_total && i < map.stages[stage].touchpoints.size(); ++i) {
        double s = st.metrics.priority(sm.first_touchpoint + i);
        if (s > best_score) {   // ties keep map order, as the ranking does
            best_score = s;
            best = static_cast<int>(i);
        }
    }
    if (score) *score = best_score;
    return best;
}

void begin_presentation(Presentation& pr, EditorState& st) {
    pr.active = true;
    pr.leave_requested = false;
    pr.saved_view = st.view;
    pr.saved_detail = st.card_detail;
    st.card_detail = CardDetail::Full;   // every word of every card, on the wall
    st.drag = {};
    st.refresh_derived();
    pr.stage = std::clamp(first_stage_of_selection(st), 0, std::max(0, st.layout.stage_count() - 1));
    pr.scroll = 0;
    pr.snap = true;
    pr.pan.running = false;
}

void end_presentation(Presentation& pr, EditorState& st) {
    if (!pr.active) return;
    pr.active = false;
    pr.leave_requested = false;
    pr.pan.running = false;
    st.view = pr.saved_view;
    st.card_detail = pr.saved_detail;
    st.refresh_derived();
}

bool draw_presentation(Presentation& pr, EditorState& st) {
    st.refresh_derived();
    const int stages = st.layout.stage_count();
    pr.stage = stages == 0 ? 0 : std::clamp(pr.stage, 0, stages - 1);
    Screen screen{pr, st, st.doc.map, stages};

    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
    ImGui::Begin("Presentation", nullptr,   // i18n: not shown (no decoration: the window's id)
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::PopStyleVar(3);
    screen.band();
    // A line under the band, then the map.
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 8);
    ImVec2 a = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddLine({vp->Pos.x, a.y}, {vp->Pos.x + vp->Size.x, a.y}, IM_COL32(0, 0, 0, 255), 2.0f);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 2);
    bool moving = screen.map_area();
    ImGui::End();
    return moving;
}

}  // namespace jm::ui
