// The interactive canvas: pan, zoom, select, drag cards and stages, add and
// rename in place. Each visible card and header is an ImGui item (an invisible
// button with the item's id pushed), so ImGui does hover, click, double-click
// and drag, and browser tests can find them by label.
#include "i18n/i18n.h"
#include "ui/canvas.h"

#include <algorithm>
#include <cmath>

#include "edit/commands.h"
#include "imgui.h"
#include "imgui_internal.h"   // GetActiveID, ClearActiveID: Escape in the rename field
#include "imgui_stdlib.h"
#include "ui/canvas_paint.h"
#include "ui/compare_view.h"
#include "ui/core/comparison.h"
#include "ui/core/display_names.h"
#include "ui/editor_actions.h"
#include "ui/theme.h"

namespace jm::ui {

namespace {

ImVec2 iv(Vec2 v) { return {v.x, v.y}; }
Vec2 vv(ImVec2 v) { return {v.x, v.y}; }

struct Canvas {
    EditorState& st;
    ImVec2 origin, size;
    Vec2 o;

    Canvas(EditorState& s, ImVec2 origin_, ImVec2 size_) : st(s), origin(origin_), size(size_), o(vv(origin_)) {}

    Vec2 world(ImVec2 screen) const { return st.view.to_world(vv(screen), o); }
    ImVec2 screen(Vec2 w) const { return iv(st.view.to_screen(w, o)); }
    Rect visible() const { return st.view.visible_world(o, vv(size)); }

    // An invisible button over a world rectangle; returns true when pressed.
    bool item(const char* label, const Rect& r) {
        ImVec2 a = screen(r.min), b = screen(r.max);
        ImGui::SetCursorScreenPos(a);
        return ImGui::InvisibleButton(label, {std::max(b.x - a.x, 1.0f), std::max(b.y - a.y, 1.0f)},
                                      ImGuiButtonFlags_MouseButtonLeft);
    }

    void wheel() {
        ImGuiIO& io = ImGui::GetIO();
        if (!ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem)) return;
        if (io.MouseWheel == 0 && io.MouseWheelH == 0) return;
        if (io.KeyCtrl) {
            st.view.zoom_at(vv(io.MousePos), o, std::pow(1.15f, io.MouseWheel));
        } else if (io.KeyShift) {
            st.view.pan_by_screen({io.MouseWheel * 60, 0});
        } else {
            st.view.pan_by_screen({io.MouseWheelH * 60, io.MouseWheel * 60});
        }
    }

    // Middle-drag pans from anywhere on the canvas.
    void middle_pan() {
        if (ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) && ImGui::IsMouseDragging(ImGuiMouseButton_Middle, 0)) {
            st.view.pan_by_screen(vv(ImGui::GetIO().MouseDelta));
        }
    }

    void background() {
        ImGui::SetCursorScreenPos(origin);
        ImGui::SetNextItemAllowOverlap();
        ImGui::InvisibleButton("canvas-background", size, ImGuiButtonFlags_MouseButtonLeft);
        ImGuiIO& io = ImGui::GetIO();
        if (ImGui::IsItemActivated()) {
            st.drag = {};
            st.drag.start_screen = vv(io.MousePos);
            st.drag.start_world = world(io.MousePos);
            st.drag.kind = (io.KeyShift || io.KeyCtrl) ? DragState::Kind::RubberBand : DragState::Kind::Pan;
        }
        if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 3)) {
            st.drag.moved = true;
            if (st.drag.kind == DragState::Kind::Pan) st.view.pan_by_screen(vv(io.MouseDelta));
        }
        if (ImGui::IsItemDeactivated()) {
            if (st.drag.kind == DragState::Kind::RubberBand && st.drag.moved) {
                Rect band = Rect::from_corners(st.drag.start_world, world(io.MousePos));
                if (!io.KeyCtrl && !io.KeyShift) st.selection.clear();
                st.selection.add_touchpoints(st.layout.cards_in(band, st.doc.map));
            } else if (!st.drag.moved) {
                background_click(world(io.MousePos));
            }
            st.drag = {};
        }
        if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
            Hit hit = st.layout.hit_test(world(io.MousePos));
            if (hit.kind == HitKind::Cell && st.layout.lanes()[hit.lane].lane == Lane::Touchpoints && !st.doc.read_only)
                add_touchpoint(st, st.doc.map.stages[hit.stage].id);
        }
    }

    void background_click(Vec2 w) {
        Hit hit = st.layout.hit_test(w);
        if (hit.kind == HitKind::Cell || hit.kind == HitKind::None) st.selection.clear();
    }

    // One card as an ImGui item (an invisible button labelled with its title).
    // Its ImGui id comes from the card's id alone ("###"), so a card held in a
    // drag stays held when its title changes (a peer renaming it in a live room).
    void card_item(int s, int i) {
        const Touchpoint& t = st.doc.map.stages[s].touchpoints[i];
        ImGui::PushID(t.id.c_str());
        std::string label = (t.title.empty() ? std::string(i18n::tr("(untitled)")) : t.title) + "###card";
        item(label.c_str(), st.layout.card(s, i));
        card_behaviour(t.id);
        if (ImGui::IsItemActive()) held_card() = t.id;
        else if (held_card() == t.id) held_card().clear();
        ImGui::PopID();
    }

    // The card whose button is held down: it stays an item until released.
    static std::string& held_card() {
        static std::string id;
        return id;
    }

    void cards() {
        const Map& map = st.doc.map;
        const auto& L = st.layout;
        if (L.lane_index(Lane::Touchpoints) < 0) return;
        Rect vis = visible();
        ImGuiIO& io = ImGui::GetIO();
        if (st.view.zoom < kDetailZoom) {
            // Zoomed far out a thousand cards may show: only the card under the
            // pointer (and a card held down) is an item; the rest is paint.
            if (!held_card().empty()) {
                TouchpointRef at = locate_touchpoint(map, held_card());
                if (at) card_item(at.stage, at.index);
                else held_card().clear();
            }
            Vec2 mouse = vv(io.MousePos);
            if (Rect{o, o + vv(size)}.contains(mouse)) {
                Hit h = L.hit_test(world(io.MousePos));
                if (h.kind == HitKind::Card && h.stage < static_cast<int>(map.stages.size()) &&
                    h.index < static_cast<int>(map.stages[h.stage].touchpoints.size()) &&
                    map.stages[h.stage].touchpoints[h.index].id != held_card())
                    card_item(h.stage, h.index);
            }
            return;
        }
        const std::string add_card_label = std::string("+ ") + i18n::tr("Add touchpoint") + "##add-card";
        for (int s = 0; s < L.stage_count(); ++s) {
            if (!L.stage_column(s).overlaps(vis)) continue;
            const Stage& stage = map.stages[s];
            auto [first, last] = L.visible_cards(s, vis.min.y, vis.max.y);
            for (int i = first; i < last && i < static_cast<int>(stage.touchpoints.size()); ++i) card_item(s, i);
            if (st.doc.read_only) continue;
            ImGui::PushID(stage.id.c_str());
            if (item(add_card_label.c_str(), L.add_card_button(s))) add_touchpoint(st, stage.id);
            ImGui::PopID();
        }
    }

    void card_behaviour(const std::string& id) {
        ImGuiIO& io = ImGui::GetIO();
        if (ImGui::IsItemHovered()) st_hovered = id;
        if (ImGui::IsItemActivated()) {
            if (io.KeyCtrl) st.selection.toggle_touchpoint(id);
            else if (io.KeyShift) st.selection.extend_to(st.doc.map, id);
            else if (!st.selection.has_touchpoint(id)) st.selection.select_touchpoint(id);
            st.drag = {};
            st.drag.kind = DragState::Kind::Cards;
            st.drag.start_screen = vv(io.MousePos);
            st.drag.start_world = world(io.MousePos);
        }
        if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 6)) st.drag.moved = true;
        if (ImGui::IsItemDeactivated()) {
            if (st.drag.moved && st.selection.has_touchpoint(id)) {
                DropTarget drop = st.layout.drop_target(world(io.MousePos));
                if (drop.stage >= 0) move_selected_cards(st, st.doc.map.stages[drop.stage].id, drop.index);
            } else if (!io.KeyCtrl && !io.KeyShift) {
                st.selection.select_touchpoint(id);   // a click without drag: only this card
            }
            st.drag = {};
        }
        if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
            st.selection.select_touchpoint(id);
            st.focus_inspector_title = true;
            st.show_inspector = true;
        }
        if (ImGui::IsItemHovered() && !st.drag.moved && ImGui::GetCurrentContext() != nullptr) card_tooltip(id);
    }

    void card_tooltip(const std::string& id) {
        if (!ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal)) return;
        const Touchpoint* t = find_touchpoint(st.doc.map, id);
        if (!t) return;
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
        card_compare_tooltip(st, id);   // compare mode: added, moved from where, changed fields
        ImGui::PushFont(heading_font(), 0.0f);
        ImGui::TextUnformatted(t->title.c_str());
        ImGui::PopFont();
        if (!t->description.empty()) ImGui::TextUnformatted(t->description.c_str());
        ImGui::Text(i18n::tr("Channel: %s   Owner: %s"), t->channel.empty() ? "-" : channel_name(t->channel).c_str(), t->owner.empty() ? "-" : t->owner.c_str());
        ImGui::Text(i18n::tr("Friction %d / 5   Emotion %+d"), t->friction, t->emotion);
        for (const auto& pain : t->pains) ImGui::BulletText(i18n::tr("Pain: %s"), pain.c_str());
        for (const auto& idea : t->opportunities) ImGui::BulletText(i18n::tr("Idea: %s"), idea.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }

    void stage_headers() {
        const Map& map = st.doc.map;
        const auto& L = st.layout;
        Rect vis = visible();
        ImGuiIO& io = ImGui::GetIO();
        float top = std::max(0.0f, vis.min.y);   // headers are sticky
        for (int s = 0; s < L.stage_count(); ++s) {
            Rect h = L.stage_header(s);
            if (!h.overlaps({{vis.min.x, 0}, {vis.max.x, h.max.y}})) continue;
            Rect sticky = {{h.min.x, top}, {h.max.x, top + h.height()}};
            const Stage& stage = map.stages[s];
            ImGui::PushID(stage.id.c_str());
            if (st.renaming_stage == stage.id) {
                rename_field(stage, sticky);
                ImGui::PopID();
                continue;
            }
            std::string label = (stage.name.empty() ? std::string(i18n::tr("(unnamed stage)")) : stage.name) + "##stage";
            ImGui::SetNextItemAllowOverlap();   // the "+" between headers sits on top
            item(label.c_str(), sticky);
            if (ImGui::IsItemActivated()) {
                st.selection.select_stage(stage.id);
                st.drag = {};
                st.drag.kind = DragState::Kind::Stage;
                st.drag.stage_id = stage.id;
                st.drag.start_world = world(io.MousePos);
            }
            if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 8)) st.drag.moved = true;
            if (ImGui::IsItemDeactivated()) {
                if (st.drag.moved) move_stage_to(st, stage.id, L.stage_insert_index(world(io.MousePos).x));
                st.drag = {};
            }
            if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) && !st.doc.read_only) {
                begin_rename_stage(st, stage.id);
                st.rename_escape_cancels = true;   // the only rename Escape may cancel
            }
            if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal)) stage_tooltip(stage, st.compare.active() ? st.compare.current->stage_mark(s) : 0);
            ImGui::PopID();
        }
        // A shared map open to be read (app/share_link.h) offers nothing to add.
        if (st.view.zoom >= kDetailZoom && !st.doc.read_only) between_stage_buttons(top);
        if (st.view.zoom >= kDetailZoom && !st.doc.read_only) {
            Rect add = L.add_stage_button();
            Rect sticky = {{add.min.x, top + add.min.y}, {add.max.x, top + add.max.y}};
            if (item((std::string("+ ") + i18n::tr("Add stage") + "##canvas").c_str(), sticky)) add_stage(st, L.stage_count());
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", i18n::tr("Add a stage at the end"));
        }
    }

    void stage_tooltip(const Stage& stage, std::uint8_t mark) {
        if (stage.description.empty() && mark == kMarkNone) return;
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
        if (mark != kMarkNone) stage_compare_tooltip(st, stage.id);
        if (mark != kMarkNone && !stage.description.empty()) ImGui::Separator();
        if (!stage.description.empty()) ImGui::TextUnformatted(stage.description.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }

    // Compare mode: cards and stages only the file has, as items that show what
    // they were (a tooltip) but cannot be selected or edited; dragging one pans.
    void ghost_item(const std::string& id, const std::string& name, const char* kind_id, const Rect& r, const Ghost& g) {
        ImGui::PushID(kind_id);
        ImGui::PushID(id.c_str());
        item(((name.empty() ? std::string(i18n::tr("(untitled)")) : name) + "##ghost").c_str(), r);
        if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 3)) st.view.pan_by_screen(vv(ImGui::GetIO().MouseDelta));
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort) && ImGui::BeginTooltip()) {
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
            ghost_tooltip(st, g);
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
        ImGui::PopID();
        ImGui::PopID();
    }

    void ghosts() {
        if (!st.compare.active() || st.view.zoom < kDetailZoom) return;
        const Comparison& cmp = *st.compare.current;
        const auto& L = st.layout;
        const Rect vis = visible();
        const float top = std::max(0.0f, vis.min.y);   // headers are sticky
        for (int k = 0; k < L.ghost_columns(); ++k) {
            const Rect h = L.ghost_header(k);
            if (!L.ghost_column(k).overlaps(vis)) continue;
            if (const Ghost* g = cmp.ghost_of_column(k)) ghost_item(g->id, g->name, "ghost-stage", {{h.min.x, top}, {h.max.x, top + h.height()}}, *g);   // i18n: not shown (an id)
        }
        if (L.lane_index(Lane::Touchpoints) < 0) return;
        for (int slot = 0; slot < L.stage_count() + L.ghost_columns(); ++slot) {
            const Rect column = slot < L.stage_count() ? L.stage_column(slot) : L.ghost_column(slot - L.stage_count());
            if (!column.overlaps(vis)) continue;
            auto [a, b] = L.visible_ghosts(slot, vis.min.y, vis.max.y);
            for (int pos = a; pos < b; ++pos) {
                const int k = L.ghost_at(pos);
                if (const Ghost* g = cmp.ghost_of_card(k)) ghost_item(g->id, g->name, "ghost-card", L.ghost_card(k), *g);   // i18n: not shown (an id)
            }
        }
    }

    // A small "+" on the line between two stage headers inserts a stage there.
    void between_stage_buttons(float top) {
        const auto& L = st.layout;
        const float r = 11;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const std::string insert_label = std::string("+ ") + i18n::tr("Insert stage") + "##between";
        for (int s = 1; s < L.stage_count(); ++s) {
            float x = L.stage_column(s).min.x;
            Rect hit = {{x - r, top + L.header_height() - 2 * r - 4}, {x + r, top + L.header_height() - 4}};
            ImGui::PushID(s);
            if (item(insert_label.c_str(), hit)) add_stage(st, s);
            bool hovered = ImGui::IsItemHovered();
            if (hovered) ImGui::SetTooltip("%s", i18n::tr("Insert a stage here"));
            ImGui::PopID();
            ImVec2 c = screen(hit.center());
            float radius = r * st.view.zoom;
            const Palette& pal = palette();
            dl->AddCircleFilled(c, radius, hovered ? pal.selection : pal.header_bg);
            dl->AddCircle(c, radius, pal.header_text, 0, 1.5f);
            dl->AddLine({c.x - radius * 0.5f, c.y}, {c.x + radius * 0.5f, c.y}, pal.header_text, 2.0f);
            dl->AddLine({c.x, c.y - radius * 0.5f}, {c.x, c.y + radius * 0.5f}, pal.header_text, 2.0f);
        }
    }

    // The card-detail switch in the corner above the lane names (sticky, like the corner).
    void detail_switch() {
        if (st.view.zoom < kDetailZoom) return;
        Rect vis = visible();
        Vec2 corner = {std::max(0.0f, vis.min.x), std::max(0.0f, vis.min.y)};
        for (bool compact : {false, true}) {
            Rect r = card_detail_switch(st.layout, compact);
            Rect w = {corner + r.min, corner + r.max};
            if (item(compact ? i18n::tr("Compact##card-detail") : i18n::tr("Full##card-detail"), w)) {
                MapInfo info = map_info(st.doc.map);
                info.card_detail = compact ? CardDetail::Compact : CardDetail::Full;
                st.doc.run(set_map_info(st.doc.map, info, compact ? i18n::tr("Card detail: compact") : i18n::tr("Card detail: full"), ""));
                st.card_detail = info.card_detail;   // also when the map already had it (a mode had overridden it)
                st.refresh_derived();
            }
            if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort))
                ImGui::SetTooltip("%s", compact ? i18n::tr("Compact: card titles and lane items stop after 3 lines with \xe2\x80\xa6")
                                                : i18n::tr("Full: every text on the map shown whole; cards and rows grow to fit"));
        }
    }

    void rename_field(const Stage& stage, const Rect& r) {
        ImVec2 a = screen(r.min);
        ImGui::SetCursorScreenPos({a.x + 8, a.y + 8});
        ImGui::SetNextItemWidth((r.width() - 16) * st.view.zoom);
        if (st.rename_focus) {
            ImGui::SetKeyboardFocusHere();
            st.rename_focus = false;
        }
        // Escape cancels a rename started by double-click (the old name stays, exactly as
        // it was: nothing was written); one the editor started (a new stage, Enter on a
        // selected stage) keeps what was typed. Handled before ImGui's own Escape, which
        // would put the old text back into the buffer.
        const char* label = i18n::tr("Stage name##rename");
        if (ImGui::GetActiveID() == ImGui::GetID(label) && ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
            ImGui::ClearActiveID();
            if (st.rename_escape_cancels) st.renaming_stage.clear();
            else commit_rename_stage(st);
            return;
        }
        bool enter = ImGui::InputText(label, &st.rename_buffer, ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
        if (enter) {
            commit_rename_stage(st);
        } else if (ImGui::IsKeyPressed(ImGuiKey_Escape)) {
            if (st.rename_escape_cancels) st.renaming_stage.clear();   // cancel: nothing changed
            else commit_rename_stage(st);
        } else if (ImGui::IsItemDeactivated()) {
            commit_rename_stage(st);     // clicking elsewhere keeps the new name
        }
        (void)stage;
    }

    void drag_feedback() {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        ImGuiIO& io = ImGui::GetIO();
        const Palette& pal = palette();
        const auto& L = st.layout;
        if (st.drag.kind == DragState::Kind::RubberBand && st.drag.moved) {
            ImVec2 a = screen(st.drag.start_world);
            dl->AddRectFilled(a, io.MousePos, pal.hover);
            dl->AddRect(a, io.MousePos, pal.selection, 0, 0, 1.5f);
        }
        if (st.drag.kind == DragState::Kind::Cards && st.drag.moved && L.stage_count() > 0) {
            DropTarget drop = L.drop_target(world(io.MousePos));
            Rect slot = L.card(drop.stage, drop.index);
            float y = slot.min.y - L.metrics().card_gap / 2;
            dl->AddLine(screen({slot.min.x, y}), screen({slot.max.x, y}), pal.drop_target, 4.0f);
            ImGui::SetTooltip("%s", i18n::trn("Move {n} cards", static_cast<long long>(st.selection.touchpoints().size())).c_str());
        }
        if (st.drag.kind == DragState::Kind::Stage && st.drag.moved) {
            int index = L.stage_insert_index(world(io.MousePos).x);
            float x = L.metrics().lane_label_width + index * L.metrics().stage_width;
            dl->AddLine(screen({x, visible().min.y}), screen({x, visible().max.y}), pal.drop_target, 4.0f);
        }
    }

    std::string st_hovered;
};

}  // namespace

void draw_canvas(EditorState& st) {
    draw_compare_bar(st);   // compare mode: what the map is compared with, over the map
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
    ImGui::BeginChild("Map canvas", {0, 0}, ImGuiChildFlags_None, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImVec2 size = ImGui::GetContentRegionAvail();
    st.refresh_derived();   // the layout must match the map this frame draws
    sync_comparison(st);    // ... and its marks and ghosts the map
    st.canvas_origin = vv(origin);
    st.canvas_size = {std::max(size.x - st.canvas_covered_right, 1.0f), size.y};   // the part in sight
    if (st.fit_pending && size.x > 50 && size.y > 50) {
        show_start_of_map(st);
        st.fit_pending = false;
    }

    // Items (invisible buttons, the rename field) go on top of the painted map.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    Canvas c(st, origin, size);
    c.wheel();
    c.middle_pan();
    c.background();
    // Sticky controls first: the first item under the pointer takes the click,
    // and a card scrolled beneath a sticky header or switch must not take it.
    c.detail_switch();
    c.stage_headers();
    c.cards();
    c.ghosts();

    // Clicks above may have edited the map (a new card, a moved stage): lay it out again before painting.
    st.refresh_derived();
    sync_comparison(st);
    dl->ChannelsSetCurrent(0);
    dl->PushClipRect(origin, {origin.x + size.x, origin.y + size.y}, true);
    dl->AddRectFilled(origin, {origin.x + size.x, origin.y + size.y}, palette().canvas_bg);
    Paint p{.dl = dl, .st = &st, .view = st.view, .origin = origin, .size = size, .interactive = true, .hovered_card = c.st_hovered};
    paint_map(p);
    dl->ChannelsSetCurrent(1);
    c.drag_feedback();
    if (st.doc.map.stages.empty()) {
        const char* hint = i18n::tr("This map has no stages yet. Click + to add the first stage, or use File > New map for a template.");
        ImVec2 tsz = ImGui::CalcTextSize(hint);
        dl->AddText({origin.x + (size.x - tsz.x) / 2, origin.y + size.y / 2}, palette().card_muted, hint);
    }
    dl->PopClipRect();
    dl->ChannelsMerge();
    ImGui::EndChild();
}

}  // namespace jm::ui
