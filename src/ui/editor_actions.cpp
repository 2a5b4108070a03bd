#include "ui/editor_actions.h"

#include <algorithm>
#include <map>

#include "edit/commands.h"
#include "i18n/i18n.h"
#include "edit/paste.h"
#include "io/map_json.h"
#include "io/text_encoding.h"
#include "ui/theme.h"

namespace jm::ui {

namespace {

std::string quoted(const std::string& name) { return "'" + short_label(name) + "'"; }

// Where pasted or duplicated cards go: after the focused card, else at the end of
// the selected stage, else at the end of the first stage.
std::pair<std::string, int> insertion_point(const EditorState& st) {
    const Map& map = st.doc.map;
    if (st.selection.kind() == SelectionKind::Touchpoints) {
        TouchpointRef at = locate_touchpoint(map, st.selection.focus());
        if (at) return {map.stages[at.stage].id, at.index + 1};
    }
    if (st.selection.kind() == SelectionKind::Stage) {
        if (const Stage* s = find_stage(map, st.selection.stage())) return {s->id, static_cast<int>(s->touchpoints.size())};
    }
    if (!map.stages.empty()) return {map.stages.front().id, static_cast<int>(map.stages.front().touchpoints.size())};
    return {"", 0};
}

void insert_cards(EditorState& st, const std::string& stage_id, int index, std::vector<Touchpoint> cards) {
    std::vector<std::string> ids;
    for (const auto& c : cards) ids.push_back(c.id);
    st.doc.run(add_touchpoints(stage_id, index, std::move(cards)));
    st.selection.clear();
    st.selection.add_touchpoints(ids);
}

}  // namespace

void undo(EditorState& st) {
    st.doc.undo();
    st.selection.prune(st.doc.map);
}

void redo(EditorState& st) {
    st.doc.redo();
    st.selection.prune(st.doc.map);
}

void add_stage(EditorState& st, int index) {
    Stage stage;
    stage.id = new_id(st.doc.map, "stage");
    stage.name = i18n::tr("New stage");
    st.doc.run(jm::add_stage(stage, index));
    st.selection.select_stage(stage.id);
    st.refresh_derived();
    reveal_stage(st, stage.id);
    begin_rename_stage(st, stage.id);
}

void delete_stage(EditorState& st, const std::string& id) {
    st.doc.run(jm::delete_stage(st.doc.map, id));
    st.selection.prune(st.doc.map);
}

void move_stage_to(EditorState& st, const std::string& id, int index) {
    const Map& map = st.doc.map;
    auto it = std::find_if(map.stages.begin(), map.stages.end(), [&](const Stage& s) { return s.id == id; });
    if (it == map.stages.end()) return;
    int from = static_cast<int>(it - map.stages.begin());
    // `index` is a gap between columns; removing the stage first shifts later gaps left.
    int to = index > from ? index - 1 : index;
    if (to != from) st.doc.run(jm::move_stage(map, id, to));
}

void begin_rename_stage(EditorState& st, const std::string& id) {
    const Stage* stage = find_stage(st.doc.map, id);
    if (!stage) return;
    st.renaming_stage = id;
    st.rename_buffer = stage->name;
    st.rename_focus = true;
    st.rename_escape_cancels = false;   // the double-click on a header sets it
}

void commit_rename_stage(EditorState& st) {
    const Stage* stage = find_stage(st.doc.map, st.renaming_stage);
    if (stage && stage->name != st.rename_buffer) {
        Stage after = *stage;
        after.name = st.rename_buffer;
        st.doc.run(set_stage(st.doc.map, after, i18n::trf("Rename stage {old} to {new}", {{"old", quoted(stage->name)}, {"new", quoted(after.name)}}), ""));
    }
    st.renaming_stage.clear();
}

void add_touchpoint(EditorState& st, const std::string& stage_id) {
    const Stage* stage = find_stage(st.doc.map, stage_id);
    if (!stage) return;
    Touchpoint t;
    t.id = new_id(st.doc.map, "tp");
    t.title = i18n::tr("New touchpoint");
    t.owner = stage->owner;
    if (!st.view_as_persona.empty()) t.persona_ids.push_back(st.view_as_persona);
    std::string id = t.id;
    st.doc.run(add_touchpoints(stage_id, static_cast<int>(stage->touchpoints.size()), {t}));
    st.selection.select_touchpoint(id);
    st.show_inspector = true;
    st.focus_inspector_title = true;
    st.refresh_derived();
    select_and_reveal(st, id);
}

void move_selected_cards(EditorState& st, const std::string& stage_id, int index) {
    if (st.selection.kind() != SelectionKind::Touchpoints) return;
    st.doc.run(move_touchpoints(st.doc.map, st.selection.touchpoints(), stage_id, index));
}

void delete_selection(EditorState& st) {
    switch (st.selection.kind()) {
        case SelectionKind::Touchpoints:
            st.doc.run(delete_touchpoints(st.doc.map, st.selection.touchpoints()));
            break;
        case SelectionKind::Stage: delete_stage(st, st.selection.stage()); break;
        case SelectionKind::Persona: request_delete_persona(st, st.selection.persona()); return;
        default: return;
    }
    st.selection.prune(st.doc.map);
}

void duplicate_selection(EditorState& st) {
    if (st.selection.kind() != SelectionKind::Touchpoints) return;
    std::vector<Touchpoint> copies;
    for (const auto& id : st.selection.touchpoints())
        if (const Touchpoint* t = find_touchpoint(st.doc.map, id)) copies.push_back(*t);
    auto [stage_id, index] = insertion_point(st);
    std::vector<std::string> ids = fresh_card_ids(st.doc.map, copies.size());
    for (std::size_t i = 0; i < copies.size(); ++i) copies[i].id = ids[i];
    HistoryGroup group(st.doc.history, i18n::trn("Duplicate {n} cards", static_cast<long long>(copies.size())));
    insert_cards(st, stage_id, index, std::move(copies));
}

std::string copy_selection(EditorState& st) {
    if (st.selection.kind() != SelectionKind::Touchpoints) return "";
    const Map& map = st.doc.map;
    Map clip;
    // The clipboard's holder map: paste takes only its cards, so its names are never shown.
    clip.id = "clipboard";                          // i18n: not shown (an id)
    clip.title = "Cards copied from " + map.title;  // i18n: not shown (the clipboard's holder map)
    Stage holder{.id = "clipboard-stage", .name = "Copied cards"};   // i18n: not shown (the clipboard's holder stage)
    for (const auto& id : st.selection.touchpoints()) {
        const Touchpoint* t = find_touchpoint(map, id);
        if (!t) continue;
        holder.touchpoints.push_back(*t);
        for (const auto& pid : t->persona_ids)
            if (!find_persona(clip, pid))
                if (const Persona* p = find_persona(map, pid)) clip.personas.push_back(*p);
    }
    clip.stages.push_back(std::move(holder));
    return save_map_json(clip);
}

std::string cut_selection(EditorState& st) {
    std::string text = copy_selection(st);
    if (!text.empty()) {
        st.doc.run(delete_touchpoints(st.doc.map, st.selection.touchpoints()));
        st.selection.prune(st.doc.map);
    }
    return text;
}

int paste_cards(EditorState& st, const std::string& text, std::string& error) {
    if (st.doc.read_only) {
        error = i18n::tr("This shared map is read-only: Save a copy to edit it");
        return 0;
    }
    // A clipboard holds text, never Windows-1252 bytes: broken text (a lone UTF-16
    // surrogate reaches here as invalid UTF-8, web/input.js) is refused, not guessed at.
    if (std::size_t bad = first_invalid_utf8(text); bad != std::string::npos) {
        error = i18n::trf("The clipboard holds no journey-map cards: its text is broken (not valid Unicode at byte {byte})",
                          {{"byte", i18n::number(static_cast<double>(bad))}});
        return 0;
    }
    LoadResult loaded = load_map_json(text);
    if (!loaded.ok()) {
        // The first problem says why (not JSON, too large, too deep...).
        error = loaded.problems.empty()
                    ? std::string(i18n::tr("The clipboard holds no journey-map cards"))
                    : i18n::trf("The clipboard holds no journey-map cards: {problem}", {{"problem", loaded.problems.front().message}});
        return 0;
    }
    std::vector<Touchpoint> cards = cards_of(*loaded.map);
    if (cards.empty()) {
        error = i18n::tr("The copied map has no cards.");
        return 0;
    }
    auto [stage_id, index] = insertion_point(st);
    if (stage_id.empty()) {
        error = i18n::tr("Add a stage first: cards are pasted into a stage.");
        return 0;
    }
    int n = static_cast<int>(cards.size());
    HistoryGroup group(st.doc.history, i18n::trn("Paste {n} cards", n));
    AdoptedCards adopted = adopt_cards(st.doc.map, *loaded.map, std::move(cards));
    for (auto& persona : adopted.new_personas)
        st.doc.run(jm::add_persona(std::move(persona), static_cast<int>(st.doc.map.personas.size())));
    insert_cards(st, stage_id, index, std::move(adopted.cards));
    return n;
}

void add_persona(EditorState& st) {
    Persona p;
    p.id = new_id(st.doc.map, "persona");
    p.name = i18n::tr("New persona");
    p.color = persona_palette_hex(static_cast<int>(st.doc.map.personas.size()));
    std::string id = p.id;
    st.doc.run(jm::add_persona(p, static_cast<int>(st.doc.map.personas.size())));
    st.selection.select_persona(id);
    st.show_inspector = true;
    st.focus_inspector_title = true;
}

int cards_involving(const Map& map, const std::string& persona_id) {
    int n = 0;
    for (const auto& s : map.stages)
        for (const auto& t : s.touchpoints)
            n += std::find(t.persona_ids.begin(), t.persona_ids.end(), persona_id) != t.persona_ids.end();
    return n;
}

void request_delete_persona(EditorState& st, const std::string& id) {
    if (cards_involving(st.doc.map, id) == 0) delete_persona(st, id);
    else st.confirm_delete_persona = id;
}

void delete_persona(EditorState& st, const std::string& id) {
    st.doc.run(jm::delete_persona(st.doc.map, id));
    if (st.view_as_persona == id) st.view_as_persona.clear();
    st.selection.prune(st.doc.map);
}

void select_and_reveal(EditorState& st, const std::string& touchpoint_id) {
    TouchpointRef at = locate_touchpoint(st.doc.map, touchpoint_id);
    if (!at) return;
    st.selection.select_touchpoint(touchpoint_id);
    st.refresh_derived();
    if (st.layout.lane_index(Lane::Touchpoints) < 0) return;
    // Clear of the sticky stage headers above and lane names at the left.
    Rect card = st.layout.card(at.stage, at.index);
    const Rect wanted = {{card.min.x - st.layout.metrics().lane_label_width, card.min.y - st.layout.header_height()}, card.max};
    st.view.reveal(wanted, st.canvas_size, 12.0f);
}

void reveal_stage(EditorState& st, const std::string& stage_id) {
    const Map& map = st.doc.map;
    for (int s = 0; s < static_cast<int>(map.stages.size()); ++s)
        if (map.stages[s].id == stage_id) st.view.reveal(st.layout.stage_header(s), st.canvas_size);
}

void fit_to_screen(EditorState& st) {
    st.refresh_derived();
    st.view.fit(st.layout.content(), st.canvas_size);
}

void show_start_of_map(EditorState& st) {
    st.refresh_derived();
    st.view.fit(st.layout.content(), st.canvas_size);
    if (st.view.zoom >= kReadableZoom) return;
    // Too small to read from the back of a room: readable size, from the first stage.
    st.view.zoom = kReadableZoom;
    st.view.offset = {st.layout.content().min.x - 16 / kReadableZoom, st.layout.content().min.y - 16 / kReadableZoom};
}

void zoom_to(EditorState& st, float zoom) {
    Vec2 centre = st.canvas_origin + st.canvas_size * 0.5f;
    st.view.zoom_at(centre, st.canvas_origin, zoom / st.view.zoom);
}

void move_focus(EditorState& st, Direction dir) {
    const Map& map = st.doc.map;
    std::string from = st.selection.kind() == SelectionKind::Touchpoints ? st.selection.focus() : "";
    if (from.empty()) {
        for (const auto& s : map.stages)
            if (!s.touchpoints.empty()) {
                select_and_reveal(st, s.touchpoints.front().id);
                return;
            }
        return;
    }
    std::string next = neighbour_card(map, from, dir);
    if (!next.empty()) select_and_reveal(st, next);
}

}  // namespace jm::ui
