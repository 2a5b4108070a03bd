// Compare mode on screen (ui/compare_view.h).
#include "ui/compare_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "edit/change_text.h"
#include "edit/commands.h"
#include "i18n/i18n.h"
#include "imgui.h"
#include "ui/core/comparison.h"
#include "ui/core/display_names.h"
#include "ui/core/merge_session.h"
#include "ui/core/window_title.h"
#include "ui/editor_actions.h"
#include "ui/icons.h"
#include "ui/panels.h"
#include "ui/theme.h"

namespace jm::ui {

namespace {

using nlohmann::json;

const char* kGlyphAdded = ICON_PLUS;
const char* kGlyphRemoved = ICON_MINUS;
const char* kGlyphMoved = ICON_ARROW_RIGHT;
const char* kGlyphChanged = ICON_CIRCLE;

ImVec4 v4(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

void glyph(const char* g, ImU32 color) {
    ImGui::TextColored(v4(color), "%s", g);
    ImGui::SameLine(0, 6);
}

// Names are looked up in the open map first, then in the file (a removed one is only there).
std::vector<const Map*> both(const EditorState& ed) { return {&ed.doc.map, &ed.compare.current->file()}; }

std::string quoted(const std::string& name) { return "\"" + short_label(name, 48) + "\""; }

std::string period_name(const std::string& id) {
    return id == "period_previous" ? i18n::tr("Previous period") : i18n::tr("This period");   // i18n: not shown (the format's key)
}

// An entity as a person names it: "Demo call", a lane's label, "Previous period".
std::string display_name(const EditorState& ed, EntityKind kind, const std::string& id) {
    if (kind == EntityKind::Map) return i18n::tr("Map");
    if (kind == EntityKind::Period) return period_name(id);
    const std::string name = entity_name(kind, id, both(ed));
    if (kind == EntityKind::Lane) return name.empty() ? id : name;
    return quoted(name.empty() ? std::string(kind == EntityKind::Touchpoint ? i18n::tr("(untitled)") : i18n::tr("(unnamed)")) : name);
}

std::string stage_name(const EditorState& ed, const std::string& id) { return display_name(ed, EntityKind::Stage, id); }

// A field's value as the inspector would show it: personas by name, a channel
// and a committee role in the UI's language, an empty text as "(empty)".
std::string shown_value(const EditorState& ed, const std::string& key, const json& v) {
    if (key == "persona_ids" && v.is_array()) {   // i18n: not shown (the format's key)
        std::string out;
        for (const auto& id : v) {
            if (!id.is_string()) continue;
            const std::string name = entity_name(EntityKind::Persona, id.get<std::string>(), both(ed));
            out += (out.empty() ? "" : ", ") + (name.empty() ? id.get<std::string>() : name);
        }
        return out.empty() ? "-" : short_label(out, 160);
    }
    if (key == "channel" && v.is_string() && !v.get<std::string>().empty()) return channel_name(v.get<std::string>());   // i18n: not shown (the format's key)
    if (key == "role" && v.is_string()) {   // i18n: not shown (the format's key)
        if (auto role = committee_role_from_key(v.get<std::string>())) return i18n::tr(committee_role_label(*role));
    }
    if (v.is_string() && v.get<std::string>().empty()) return i18n::tr("(empty)");
    if (v.is_number() && !v.is_boolean()) {   // 125000, not 125000.0; a decimal comma where the language has one
        const double d = v.get<double>();
        char buf[40];
        std::snprintf(buf, sizeof buf, d == std::floor(d) && std::fabs(d) < 1e15 ? "%.0f" : "%.6g", d);
        return i18n::localize_number(buf);
    }
    return value_text(v, 160);
}

// "moved from "Aware" (card 3 there in the file)": where a moved item was.
std::string moved_text(const EditorState& ed, const EntityDiff& e) {
    const std::string n = i18n::number(e.from_index + 1);
    const bool card = e.kind == EntityKind::Touchpoint;
    if (!e.from_stage.empty() && e.from_stage != e.stage) {
        const i18n::Args args{{"stage", stage_name(ed, e.from_stage)}, {"n", n}};   // i18n: not shown (placeholder names)
        return card ? i18n::trf("Moved from {stage} (card {n} there in the file)", args) : i18n::trf("Moved from {stage} (place {n} there in the file)", args);
    }
    return card ? i18n::trf("Moved within its stage (card {n} in the file)", {{"n", n}}) : i18n::trf("Moved (place {n} in the file)", {{"n", n}});
}

std::string fields_list(const EntityDiff& e, std::size_t most = 4) {
    std::string out;
    for (std::size_t i = 0; i < e.fields.size() && i < most; ++i) out += (i ? ", " : "") + field_label(e.kind, e.fields[i].key);
    if (e.fields.size() > most) out += ", \xe2\x80\xa6";
    return out;
}

// The lines saying what an entity has compared with the file, each with its coloured glyph.
void status_lines(const EditorState& ed, const EntityDiff& e) {
    const CompareColors col = compare_colors();
    if (e.marks & kMarkAdded) {
        glyph(kGlyphAdded, col.added);
        ImGui::TextWrapped("%s", i18n::tr("Added: only in this map, not in the file"));
    }
    if (e.marks & kMarkMoved) {
        glyph(kGlyphMoved, col.moved);
        ImGui::TextWrapped("%s", moved_text(ed, e).c_str());
    }
    if (e.marks & kMarkChanged) {
        glyph(kGlyphChanged, col.changed);
        ImGui::TextWrapped("%s", i18n::trn("Changed: {n} fields", static_cast<long long>(e.fields.size())).c_str());
    }
}

void ghost_line(const EditorState& ed, const Ghost& g) {
    glyph(kGlyphRemoved, compare_colors().removed);
    ImGui::TextWrapped("%s", i18n::trf("{kind} {name}: in the file only (removed here)",
                                       {{"kind", kind_label(g.kind)}, {"name", display_name(ed, g.kind, g.id)}}).c_str());
}

// Field | In the file | In this map.
bool begin_fields_table() {
    if (!ImGui::BeginTable("compare-fields", 3, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) return false;
    ImGui::TableSetupColumn(i18n::tr("Field"), ImGuiTableColumnFlags_WidthStretch, 0.8f);
    ImGui::TableSetupColumn(i18n::tr("In the file"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(i18n::tr("In this map"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableHeadersRow();
    return true;
}

// One row per field; `prefix` names the entity when several share the table (a stage and its KPIs).
void field_rows(const EditorState& ed, const EntityDiff& e, const std::string& prefix) {
    for (const FieldDiff& f : e.fields) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", (prefix + field_label(e.kind, f.key)).c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", shown_value(ed, f.key, f.file_value).c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", shown_value(ed, f.key, f.map_value).c_str());
    }
}

// Everything of one inspector section: entities with their fields, and ghosts.
struct Section {
    std::vector<std::pair<const EntityDiff*, std::string>> entities;   // with the prefix their fields get
    std::vector<const Ghost*> ghosts;
    bool empty() const { return entities.empty() && ghosts.empty(); }
};

Section section_for(const EditorState& ed, EntityKind kind, const std::string& id) {
    const Comparison& c = *ed.compare.current;
    Section s;
    if (const EntityDiff* e = c.entity(kind, id)) s.entities.push_back({e, ""});
    if (kind == EntityKind::Stage) {
        if (const auto* kpis = c.kpis_of(id)) {
            for (int k : kpis->entities) {
                const EntityDiff& e = c.entities()[k];
                s.entities.push_back({&e, kind_label(EntityKind::Kpi) + std::string(" ") + display_name(ed, e.kind, e.id) + " \xc2\xb7 "});
            }
            for (int g : kpis->ghosts) s.ghosts.push_back(&c.ghosts()[g]);
        }
    }
    if (kind == EntityKind::Map) {   // the map's own fields, its business figures, its lanes, and personas only the file has
        for (const char* period : {"period", "period_previous"})   // i18n: not shown (the format's keys)
            if (const EntityDiff* e = c.entity(EntityKind::Period, period)) s.entities.push_back({e, period_name(period) + " \xc2\xb7 "});
        for (const auto& e : c.entities())
            if (e.kind == EntityKind::Lane) s.entities.push_back({&e, ""});
        for (const auto& g : c.ghosts())
            if (g.kind == EntityKind::Period || g.kind == EntityKind::Lane || g.kind == EntityKind::Persona) s.ghosts.push_back(&g);
    }
    return s;
}

// What one row of the Compare list says, after its glyphs.
std::string row_text(const EditorState& ed, const CompareRow& r) {
    const Comparison& c = *ed.compare.current;
    if (r.ghost >= 0) {
        const Ghost& g = c.ghosts()[r.ghost];
        std::string where;
        if ((g.kind == EntityKind::Touchpoint || g.kind == EntityKind::Kpi) && !g.stage.empty())
            where = " \xc2\xb7 " + i18n::trf("was in {stage}", {{"stage", stage_name(ed, g.stage)}});
        return display_name(ed, g.kind, g.id) + where;
    }
    const EntityDiff& e = c.entities()[r.entity];
    if (r.field >= 0) {   // one field of the map or of the business figures: its values right here
        const FieldDiff& f = e.fields[r.field];
        const std::string label = field_label(e.kind, f.key) + (e.kind == EntityKind::Period ? " (" + period_name(e.id) + ")" : "");
        return label + ": " + shown_value(ed, f.key, f.file_value) + " \xe2\x86\x92 " + shown_value(ed, f.key, f.map_value);
    }
    std::string text = display_name(ed, e.kind, e.id);
    if (r.group == CompareGroup::Kpis && !e.stage.empty()) text += " " + i18n::trf("in {stage}", {{"stage", stage_name(ed, e.stage)}});
    if (r.group == CompareGroup::Surveys) {
        std::string keys;
        for (const auto& f : e.fields)
            if (f.key.rfind("survey", 0) == 0) keys += (keys.empty() ? "" : ", ") + field_label(e.kind, f.key);   // i18n: not shown (the format's key)
        return text + " \xc2\xb7 " + keys;
    }
    if (e.marks & kMarkAdded) text += " \xc2\xb7 " + std::string(i18n::tr("only in this map"));
    if (e.marks & kMarkMoved) text += " \xc2\xb7 " + moved_text(ed, e);
    if (e.marks & kMarkChanged) text += " \xc2\xb7 " + fields_list(e);
    return text;
}

void row_glyphs(const Comparison& c, const CompareRow& r) {
    const CompareColors col = compare_colors();
    if (r.ghost >= 0) return glyph(kGlyphRemoved, col.removed);
    const EntityDiff& e = c.entities()[r.entity];
    if (r.field >= 0 || r.group == CompareGroup::Surveys) return glyph(kGlyphChanged, col.changed);
    if (e.marks & kMarkAdded) glyph(kGlyphAdded, col.added);
    if (e.marks & kMarkMoved) glyph(kGlyphMoved, col.moved);
    if (e.marks & kMarkChanged) glyph(kGlyphChanged, col.changed);
}

// Selects what a row names and brings it into sight; a ghost is only shown.
void go_to_row(EditorState& ed, const CompareRow& r) {
    const Comparison& c = *ed.compare.current;
    if (r.ghost >= 0) {
        const Ghost& g = c.ghosts()[r.ghost];
        Rect where{};
        if (g.card >= 0 && g.card < static_cast<int>(ed.layout.ghosts().cards.size())) where = ed.layout.ghost_card(g.card);
        else if (g.kind == EntityKind::Stage && g.column >= 0 && g.column < ed.layout.ghost_columns()) where = ed.layout.ghost_header(g.column);
        else if (g.kind == EntityKind::Kpi && find_stage(ed.doc.map, g.stage)) return reveal_stage(ed, g.stage);
        else if (g.kind == EntityKind::Persona || g.kind == EntityKind::Period || g.kind == EntityKind::Lane) {
            ed.selection.select_map();
            ed.show_inspector = true;
            return;
        }
        if (where.width() > 0) ed.view.reveal(where, ed.canvas_size);
        return;
    }
    const EntityDiff& e = c.entities()[r.entity];
    switch (e.kind) {
        case EntityKind::Touchpoint: select_and_reveal(ed, e.id); break;
        case EntityKind::Stage:
            ed.selection.select_stage(e.id);
            reveal_stage(ed, e.id);
            break;
        case EntityKind::Kpi: {
            if (e.stage.empty()) return;
            const std::string stage = e.stage;
            ed.selection.select_stage(stage);
            reveal_stage(ed, stage);
            break;
        }
        case EntityKind::Persona: ed.selection.select_persona(e.id); break;
        default: ed.selection.select_map(); break;
    }
    ed.show_inspector = true;
}

bool row_selected(const EditorState& ed, const Comparison& c, const CompareRow& r) {
    if (r.entity < 0) return false;
    const EntityDiff& e = c.entities()[r.entity];
    switch (e.kind) {
        case EntityKind::Touchpoint: return ed.selection.kind() == SelectionKind::Touchpoints && ed.selection.has_touchpoint(e.id);
        case EntityKind::Stage: return ed.selection.kind() == SelectionKind::Stage && ed.selection.stage() == e.id;
        case EntityKind::Persona: return ed.selection.kind() == SelectionKind::Persona && ed.selection.persona() == e.id;
        default: return false;
    }
}

const char* group_label(CompareGroup g) {
    switch (g) {
        case CompareGroup::Stages: return i18n::tr("Stages");
        case CompareGroup::Cards: return i18n::tr("Cards");
        case CompareGroup::Kpis: return i18n::tr("KPIs");
        case CompareGroup::Surveys: return i18n::tr("Surveys");
        case CompareGroup::Personas: return i18n::tr("Personas");
        case CompareGroup::BusinessFigures: return i18n::tr("Business figures");
        case CompareGroup::MapFields: return i18n::tr("Map fields");
        case CompareGroup::Lanes: return i18n::tr("Lanes");
    }
    return "";
}

void row_tooltip(const EditorState& ed, const CompareRow& r) {
    const Comparison& c = *ed.compare.current;
    if (r.field >= 0 || !ImGui::BeginTooltip()) return;
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
    if (r.ghost >= 0) {
        ghost_tooltip(ed, c.ghosts()[r.ghost]);
    } else {
        const EntityDiff& e = c.entities()[r.entity];
        status_lines(ed, e);
        if (!e.fields.empty() && begin_fields_table()) {
            field_rows(ed, e, "");
            ImGui::EndTable();
        }
    }
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

void change_list(EditorState& ed) {
    const Comparison& c = *ed.compare.current;
    const auto& rows = c.rows();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const CompareRow& r = rows[i];
            if (r.heading()) {
                ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
                ImGui::TextUnformatted(i18n::trf("{kind} ({n})", {{"kind", group_label(r.group)}, {"n", i18n::number(c.group_size(r.group))}}).c_str());
                ImGui::PopStyleColor();
                continue;
            }
            ImGui::PushID(i);
            ImGui::Indent(8);
            row_glyphs(c, r);
            const std::string text = row_text(ed, r);
            if (ImGui::Selectable((text + "##row").c_str(), row_selected(ed, c, r), ImGuiSelectableFlags_None)) go_to_row(ed, r);
            if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort)) row_tooltip(ed, r);
            ImGui::Unindent(8);
            ImGui::PopID();
        }
    }
}

void legend() {
    const CompareColors col = compare_colors();
    const std::pair<const char*, std::pair<ImU32, const char*>> items[] = {
        {kGlyphAdded, {col.added, i18n::tr("added")}}, {kGlyphRemoved, {col.removed, i18n::tr("removed")}},
        {kGlyphMoved, {col.moved, i18n::tr("moved")}}, {kGlyphChanged, {col.changed, i18n::tr("changed")}}};
    for (const auto& [g, item] : items) {
        glyph(g, item.first);
        ImGui::TextUnformatted(item.second);
        ImGui::SameLine(0, 16);
    }
    ImGui::NewLine();
}

// "3 added, 1 removed, 2 moved, 4 changed".
std::string totals_text(const Comparison& c) {
    const CompareTotals t = c.totals();
    return i18n::trn("{n} added", t.added) + ", " + i18n::trn("{n} removed", t.removed) + ", " + i18n::trn("{n} moved", t.moved) + ", " +
           i18n::trn("{n} changed", t.changed);
}

std::string bar_text(const EditorState& ed) {
    const Comparison& c = *ed.compare.current;
    return c.equal() ? i18n::trf("Comparing with {file}: no differences", {{"file", c.file_name()}})
                     : i18n::trf("Comparing with {file}: {totals}", {{"file", c.file_name()}, {"totals", totals_text(c)}});
}

// A window left where it was when the browser window shrank comes back into sight.
void keep_in_view() {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    const float x = std::max(vp->WorkPos.x, std::min(pos.x, vp->WorkPos.x + vp->WorkSize.x - size.x));
    const float y = std::max(vp->WorkPos.y, std::min(pos.y, vp->WorkPos.y + vp->WorkSize.y - size.y));
    if (x != pos.x || y != pos.y) ImGui::SetWindowPos({x, y});
}

}  // namespace

CompareColors compare_colors() {
    const Palette& pal = palette();
    // Okabe-Ito's reddish purple (the persona palette's seventh): apart from the
    // selection's blue, the added green and the changed orange, for every
    // common colour-vision deficiency.
    return {.added = pal.drop_target, .removed = pal.card_muted, .moved = hex_colour(persona_palette_hex(6)), .changed = pal.warning};
}

void begin_compare(EditorState& ed, std::string file_name, Map file, std::vector<std::string> notices) {
    CompareState& cs = ed.compare;
    cs.related = is_copy_of(file, ed.doc.map);
    cs.current = std::make_shared<Comparison>(std::move(file_name), std::move(file));
    cs.map_id = ed.doc.map.id;
    cs.notices = std::move(notices);
    cs.show_list = true;
    sync_comparison(ed);
    ed.notify(bar_text(ed));
}

void end_compare(EditorState& ed) {
    ed.compare = {};
    if (ed.layout.ghosts().empty()) return;
    ed.layout.set_ghosts({});
    ed.derived_layout_revision = ~0ull;   // lay out again, without the ghosts' room
    ed.refresh_derived();
}

void sync_comparison(EditorState& ed) {
    CompareState& cs = ed.compare;
    if (cs.current && cs.map_id != ed.doc.map.id) end_compare(ed);   // another map was opened: this comparison was about the last one
    if (!cs.current || !cs.current->update(ed.doc.map, ed.doc.revision())) return;
    if (ed.layout.ghosts() == cs.current->ghost_plan()) return;
    ed.layout.set_ghosts(cs.current->ghost_plan());
    ed.derived_layout_revision = ~0ull;
    ed.refresh_derived();
}

void draw_compare_bar(EditorState& ed) {
    if (!ed.compare.active()) return;
    const float h = ImGui::GetFrameHeight() + 8;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, v4(palette().lane_alt_bg));
    ImGui::BeginChild("Compare bar", {0, h}, ImGuiChildFlags_None, ImGuiWindowFlags_NoScrollbar);
    ImGui::PopStyleColor();
    const ImGuiStyle& style = ImGui::GetStyle();
    const char* list_label = ed.compare.show_list ? i18n::tr("Hide list") : i18n::tr("Compare list");
    const char* close_label = i18n::tr("Close##compare-bar");
    const float buttons = ImGui::CalcTextSize(list_label).x + ImGui::CalcTextSize(close_label, nullptr, true).x + 4 * style.FramePadding.x +
                          style.ItemSpacing.x + 12;
    // The part of the bar in sight: an inspector over the map (small screens) covers its right end.
    const float right = ImGui::GetWindowWidth() - ed.canvas_covered_right;
    ImGui::SetCursorPos({10, 4 + style.FramePadding.y});
    glyph(ICON_HANDOFF, compare_colors().moved);
    const std::string text = bar_text(ed) + (ed.compare.related ? "" : std::string("  ") + i18n::tr("(another map, not a copy of this one)"));
    const float room = right - ImGui::GetCursorPosX() - buttons - 10;
    ImGui::TextUnformatted(shortened(text, std::max(room, 40.0f)).c_str());
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s\n\n%s", text.c_str(),
                          i18n::tr("Added: only in this map. Removed: only in the file, shown faded on the map.\n"
                                   "Moved and changed: where it was and what it said in the file."));
    ImGui::SameLine(std::max(right - buttons, ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + style.ItemSpacing.x));
    ImGui::SetCursorPosY(4);
    if (ImGui::Button(list_label)) ed.compare.show_list = !ed.compare.show_list;
    ImGui::SetItemTooltip("%s", i18n::tr("Every difference, by kind (Alt+C)"));
    ImGui::SameLine();
    ImGui::SetCursorPosY(4);
    if (ImGui::Button(close_label)) end_compare(ed);
    else ImGui::SetItemTooltip("%s", i18n::tr("Stop comparing: the marks and the removed items' ghosts go away"));
    ImGui::EndChild();
}

void draw_compare_window(EditorState& ed) {
    if (!ed.compare.active() || !ed.compare.show_list) return;
    // At first in the lower right of the map in sight: the stage headers, the
    // first cards and the inspector (with the selected item's differences) stay seen.
    const Vec2 o = ed.canvas_origin, size = ed.canvas_size;
    const float w = std::clamp(size.x * 0.5f, std::min(360.0f, size.x - 32), 500.0f);
    const float h = std::clamp(size.y * 0.55f, std::min(260.0f, size.y - 32), 440.0f);
    ImGui::SetNextWindowSize({w, h}, ImGuiCond_Appearing);
    ImGui::SetNextWindowPos({o.x + size.x - w - 16, o.y + size.y - h - 16}, ImGuiCond_Appearing);
    const std::string title = window_title(i18n::tr("Compare"), "Compare");
    if (!ImGui::Begin(title.c_str(), nullptr, ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        return;
    }
    keep_in_view();
    const Comparison& c = *ed.compare.current;
    ImGui::TextWrapped("%s", i18n::trf("This map compared with {file}, the other version:", {{"file", c.file_name()}}).c_str());
    legend();
    ImGui::TextDisabled("%s", ui::counts_text(c.diff().counts).c_str());
    if (!ed.compare.related)
        ImGui::TextColored(v4(palette().warning), "%s", i18n::tr("The file is another map, not a copy of this one: most of it shows as added and removed."));
    for (const auto& notice : ed.compare.notices) ImGui::TextColored(v4(palette().warning), "%s", notice.c_str());
    ImGui::Separator();
    const float footer = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
    if (ImGui::BeginChild("changes", {0, -footer})) {
        if (c.equal()) ImGui::TextWrapped("%s", i18n::tr("No differences: this map says exactly what the file says."));
        else change_list(ed);
    }
    ImGui::EndChild();
    bool close = ImGui::Button(i18n::tr("Close##compare-window"));
    ImGui::SetItemTooltip("%s", i18n::tr("Stop comparing: the marks and the removed items' ghosts go away"));
    ImGui::SameLine();
    if (ImGui::Button(i18n::tr("Hide list"))) ed.compare.show_list = false;
    ImGui::SameLine();
    ImGui::TextDisabled("%s", i18n::tr("Escape also stops comparing"));
    if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && ImGui::IsKeyPressed(ImGuiKey_Escape, false)) close = true;
    ImGui::End();
    if (close) end_compare(ed);
}

void draw_compare_section(EditorState& ed) {
    if (!ed.compare.active()) return;
    EntityKind kind = EntityKind::Map;
    std::string id;
    switch (ed.selection.kind()) {
        case SelectionKind::Touchpoints:
            kind = EntityKind::Touchpoint;
            if (ed.selection.touchpoints().empty()) break;
            id = ed.selection.touchpoints().front();   // as the inspector shows it
            break;
        case SelectionKind::Stage:
            kind = EntityKind::Stage;
            id = ed.selection.stage();
            break;
        case SelectionKind::Persona:
            kind = EntityKind::Persona;
            id = ed.selection.persona();
            break;
        default: break;
    }
    const Section s = section_for(ed, kind, id);
    ImGui::PushID("compare-section");
    ImGui::SeparatorText(i18n::tr("Compared with the file"));
    if (s.empty()) {
        ImGui::TextDisabled("%s", i18n::tr(ICON_CHECK "  The same as in the file"));
        ImGui::PopID();
        return;
    }
    bool any_fields = false;
    for (const auto& [e, prefix] : s.entities) {
        if (!(e->kind == kind && e->id == id) && (e->marks & (kMarkAdded | kMarkMoved))) {
            // A KPI or a lane added or moved: one line naming it.
            const CompareColors col = compare_colors();
            glyph(e->marks & kMarkAdded ? kGlyphAdded : kGlyphMoved, e->marks & kMarkAdded ? col.added : col.moved);
            ImGui::TextWrapped("%s %s: %s", kind_label(e->kind), display_name(ed, e->kind, e->id).c_str(),
                               e->marks & kMarkAdded ? i18n::tr("only in this map") : moved_text(ed, *e).c_str());
        } else if (e->kind == kind && e->id == id) {
            status_lines(ed, *e);
        }
        any_fields |= !e->fields.empty();
    }
    for (const Ghost* g : s.ghosts) ghost_line(ed, *g);
    if (any_fields && begin_fields_table()) {
        for (const auto& [e, prefix] : s.entities) field_rows(ed, *e, prefix);
        ImGui::EndTable();
    }
    ImGui::PopID();
}

std::string compare_counts_text(const EditorState& ed) { return ed.compare.active() ? counts_text(ed.compare.current->diff().counts) : std::string(); }

void card_compare_tooltip(const EditorState& ed, const std::string& touchpoint_id) {
    if (!ed.compare.active()) return;
    const EntityDiff* e = ed.compare.current->entity(EntityKind::Touchpoint, touchpoint_id);
    if (!e) return;
    status_lines(ed, *e);
    if (e->marks & kMarkChanged) ImGui::TextDisabled("%s", fields_list(*e, 8).c_str());
    ImGui::Separator();
}

void stage_compare_tooltip(const EditorState& ed, const std::string& stage_id) {
    if (!ed.compare.active()) return;
    const Comparison& c = *ed.compare.current;
    if (const EntityDiff* e = c.entity(EntityKind::Stage, stage_id)) {
        status_lines(ed, *e);
        if (e->marks & kMarkChanged) ImGui::TextDisabled("%s", fields_list(*e, 8).c_str());
    }
    if (const auto* kpis = c.kpis_of(stage_id)) {
        glyph(kGlyphChanged, compare_colors().changed);
        ImGui::TextUnformatted(i18n::trn("{n} KPIs differ from the file", static_cast<long long>(kpis->entities.size() + kpis->ghosts.size())).c_str());
    }
}

void ghost_tooltip(const EditorState& ed, const Ghost& g) {
    glyph(kGlyphRemoved, compare_colors().removed);
    ImGui::TextUnformatted(i18n::tr("Removed: in the file only"));
    ImGui::PushFont(heading_font(), 0.0f);
    ImGui::TextWrapped("%s", display_name(ed, g.kind, g.id).c_str());
    ImGui::PopFont();
    if (g.kind == EntityKind::Touchpoint && !g.stage.empty())
        ImGui::TextDisabled("%s", i18n::trf("In the file: card {n} of {stage}", {{"n", i18n::number(g.file_index + 1)}, {"stage", stage_name(ed, g.stage)}}).c_str());
    else if (g.kind == EntityKind::Stage)
        ImGui::TextDisabled("%s", i18n::trf("In the file: stage {n}", {{"n", i18n::number(g.file_index + 1)}}).c_str());
}

}  // namespace jm::ui
