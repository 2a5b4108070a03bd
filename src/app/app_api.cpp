// window.journeymap: the JavaScript API (see README "JavaScript API"). Each call
// takes a JSON array of arguments and returns JSON. Failures are values
// ({ok: false, errors: [...]}) rather than exceptions, and never change the map.
#include <cstdint>
#include <functional>
#include <map>
#include <string_view>

#include <nlohmann/json.hpp>

#include "app/app.h"
#include "app/app_state.h"
#include "app/interchange_files.h"
#include "app/merge_files.h"
#include "app/session.h"
#include "app/template_texts.h"
#include "i18n/i18n.h"
#include "io/csv.h"
#include "io/map_json.h"
#include "io/mermaid.h"
#include "io/templates.h"
#include "metrics/metrics_json.h"
#include "platform/platform.h"
#include "ui/compare_view.h"
#include "ui/core/comparison.h"
#include "ui/editor_actions.h"
#include "ui/new_map_dialog.h"

namespace jm {

namespace {

using nlohmann::json;
using Handler = std::function<json(AppState&, const json& args)>;

json problems_json(const std::vector<LoadProblem>& problems) {
    json errors = json::array();
    for (const auto& p : problems) errors.push_back({{"path", p.path}, {"message", p.message}});
    return errors;
}

std::string arg_string(const json& args, std::size_t i) {
    return args.size() > i && args[i].is_string() ? args[i].get<std::string>() : std::string();
}

// Opens `name`d text as a new map (a map file, Mermaid or CSV).
json open_text(AppState& app, const std::string& name, const std::string& text) {
    ImportResult r = import_file(name, text);
    if (!r.map) return {{"ok", false}, {"errors", problems_json(r.problems)}};
    switch_to(app, std::move(*r.map));
    return {{"ok", true}, {"notices", r.notices}};
}

// loadJSON's text as the page wrote it into this heap (web/api.js): UTF-8 bytes,
// read in place. The same answer as open_text(app, "map.json", text).
json open_map_bytes(AppState& app, std::string_view bytes) {
    LoadResult loaded = load_map_json(bytes);
    if (!loaded.map) return {{"ok", false}, {"errors", problems_json(loaded.problems)}};
    switch_to(app, std::move(*loaded.map));
    return {{"ok", true}, {"notices", loaded.notices}};
}

// How the canvas lays out a card's title, as drawn: its lines (text, width,
// whether "…" follows), the width they may take, and where the card is on
// screen, so browser tests read what is shown rather than assume it.
json card_layout_json(AppState& app, const std::string& id) {
    ui::EditorState& ed = app.ed;
    ed.refresh_derived();
    const TouchpointRef at = locate_touchpoint(ed.doc.map, id);
    if (!at || ed.layout.lane_index(Lane::Touchpoints) < 0) return nullptr;
    const ui::LayoutMetrics& m = ed.layout.metrics();
    const ui::TextBlock& block = ed.layout.card_title(at.stage, at.index);
    const std::string_view text = ed.layout.card_title_text(ed.doc.map, at.stage, at.index);
    json lines = json::array();
    const ui::TextLine* ls = ed.layout.lines(block);
    for (std::uint32_t k = 0; k < block.count; ++k) {
        const std::size_t b = std::min<std::size_t>(ls[k].begin, text.size()), e = std::min<std::size_t>(ls[k].end, text.size());
        lines.push_back({{"text", std::string(text.substr(b, e - b))}, {"width", ls[k].width}, {"ellipsis", ls[k].ellipsis}});
    }
    const ui::Rect card = ed.view.to_screen(ed.layout.card(at.stage, at.index), ed.canvas_origin);
    return {{"lines", lines},
            {"maxWidth", m.card_width - m.card_text_left - m.card_text_right},
            {"firstLineIndent", m.card_icon_width},
            {"zoom", ed.view.zoom},
            {"card", {{"x", card.min.x}, {"y", card.min.y}, {"w", card.width()}, {"h", card.height()}}},
            {"canvas", {{"x", ed.canvas_origin.x}, {"y", ed.canvas_origin.y}, {"w", ed.canvas_size.x}, {"h", ed.canvas_size.y}}}};
}

json library_json(AppState& app) {
    json out = json::array();
    for (const auto& e : app.library.list()) {
        out.push_back({{"id", e.id}, {"title", e.title}, {"stages", e.stages}, {"touchpoints", e.touchpoints},
                       {"modified", e.modified}, {"damaged", e.damaged}});
        if (e.damaged) out.back()["damage"] = e.damage;
    }
    return out;
}

const std::map<std::string, Handler>& handlers() {
    static const std::map<std::string, Handler> table = {
        {"loadJSON", [](AppState& app, const json& a) { return open_text(app, "map.json", arg_string(a, 0)); }},
        // loadJSON(text) from web/api.js: [address, length] of the text's UTF-8, which
        // the page wrote into the heap and frees after the call. Not in the API's list.
        {"_loadJSONBytes", [](AppState& app, const json& a) -> json {
             if (a.size() != 2 || !a[0].is_number_unsigned() || !a[1].is_number_unsigned() || a[0].get<std::uint64_t>() == 0)
                 return {{"ok", false}, {"errors", json::array({{{"path", ""}, {"message", "no text"}}})}};
             const auto* bytes = reinterpret_cast<const char*>(static_cast<std::uintptr_t>(a[0].get<std::uint64_t>()));
             return open_map_bytes(app, std::string_view(bytes, static_cast<std::size_t>(a[1].get<std::uint64_t>())));
         }},
        {"exportJSON", [](AppState& app, const json&) -> json { return save_map_json(app.ed.doc.map); }},
        {"newMap", [](AppState& app, const json& a) -> json {
             std::string error;
             const std::string name = a.empty() ? "blank" : arg_string(a, 0);
             auto map = ui::map_from_template(name, error);
             if (!map) {
                 // A version whose language's templates are still to be fetched: fetch them,
                 // and the same call succeeds once they are in ("retry").
                 const auto t = find_template(name, i18n::language());
                 if (t && !t->json) want_templates(app, t->language);
                 return {{"ok", false}, {"retry", t && !t->json}, {"errors", json::array({{{"path", ""}, {"message", error}}})}};
             }
             switch_to(app, std::move(*map));
             return {{"ok", true}, {"id", app.ed.doc.map.id}};
         }},
        {"undo", [](AppState& app, const json&) -> json {
             bool could = app.ed.doc.history.can_undo();
             ui::undo(app.ed);
             return could;
         }},
        {"redo", [](AppState& app, const json&) -> json {
             bool could = app.ed.doc.history.can_redo();
             ui::redo(app.ed);
             return could;
         }},
        {"canUndo", [](AppState& app, const json&) -> json { return app.ed.doc.history.can_undo(); }},
        {"canRedo", [](AppState& app, const json&) -> json { return app.ed.doc.history.can_redo(); }},
        {"listMaps", [](AppState& app, const json&) { return library_json(app); }},
        {"openMap", [](AppState& app, const json& a) -> json {
             std::string id = arg_string(a, 0);
             if (!app.library.contains(id)) return {{"ok", false}, {"errors", json::array({{{"path", ""}, {"message", "no map with id " + id}}})}};
             open_from_library(app, id);
             return {{"ok", app.ed.doc.map.id == id}};
         }},
        {"deleteMap", [](AppState& app, const json& a) -> json {
             std::string id = arg_string(a, 0);
             if (!app.library.contains(id)) return {{"ok", false}};
             delete_from_library(app, id);
             return {{"ok", true}};
         }},
        {"currentMapId", [](AppState& app, const json&) -> json { return app.ed.doc.map.id; }},
        // The merge whose conflicts panel is open (File > Merge files), for tests.
        {"_merge", [](AppState& app, const json&) -> json {
             if (!app.merge) return {{"open", false}};
             const MergeResult& r = app.merge->result;
             return {{"open", app.show_merge}, {"files", app.merge->names}, {"threeWay", app.merge->three_way},
                     {"unresolved", r.unresolved()}, {"conflicts", conflicts_to_json(r)}};
         }},
        // shareLink() from web/api.js: File > Copy share link, answered asynchronously
        // (JM.share.wait) once the link is made and the clipboard has answered.
        {"_shareLink", [](AppState& app, const json&) -> json {
             const int request = app.share.next_request++;
             copy_share_link(app, request);
             return {{"request", request}};
         }},
        // Share links, for tests and tests/bench/share_links.mjs.
        {"_share", [](AppState& app, const json&) -> json {
             const ShareState& s = app.share;
             return {{"readOnly", app.ed.doc.read_only}, {"shared", s.shared}, {"making", s.making}, {"opening", s.opening != 0},
                     {"linkLength", s.link_length}, {"makeMs", s.make_ms}, {"openMs", s.open_ms}, {"problem", s.problem}};
         }},
        // Compare mode (File > Compare with file): compareWith(text, name) starts it as
        // the menu does, endCompare() ends it, compareState() says where it stands.
        {"compareWith", [](AppState& app, const json& a) -> json {
             const std::string name = a.size() > 1 ? arg_string(a, 1) : "map.json";
             ImportResult r = import_file(name, arg_string(a, 0));
             if (!r.map) return {{"ok", false}, {"errors", problems_json(r.problems)}};
             ui::begin_compare(app.ed, name, std::move(*r.map), std::move(r.notices));
             return {{"ok", true}};
         }},
        {"endCompare", [](AppState& app, const json&) -> json {
             const bool was = app.ed.compare.active();
             ui::end_compare(app.ed);
             return was;
         }},
        {"compareState", [](AppState& app, const json&) -> json {
             ui::sync_comparison(app.ed);
             const ui::CompareState& cs = app.ed.compare;
             if (!cs.current) return {{"comparing", false}};
             const ui::Comparison& c = *cs.current;
             const ui::CompareTotals t = c.totals();
             return {{"comparing", true}, {"file", c.file_name()}, {"related", cs.related}, {"equal", c.equal()},
                     {"listShown", cs.show_list}, {"ghosts", c.ghosts().size()}, {"ghostColumns", c.ghost_plan().columns},
                     {"totals", {{"added", t.added}, {"removed", t.removed}, {"moved", t.moved}, {"changed", t.changed}}},
                     {"counts", counts_to_json(c.diff().counts)}};
         }},
        // The live room: phase, people present, the join link, refused changes (app/live_room.h).
        {"roomState", [](AppState& app, const json&) -> json { return room_state_json(app); }},
        {"saveState", [](AppState& app, const json&) -> json {
             json persistent = nullptr;   // unknown until the browser answers navigator.storage.persist()
             if (app.persistence != platform::Persistence::Unknown) persistent = app.persistence == platform::Persistence::Granted;
             return {{"status", app.save_state}, {"problem", app.ed.save_problem}, {"dirty", app.ed.doc.history.dirty()},
                     {"storage", platform::storage_backend()}, {"persistent", persistent},
                     {"lastSave", {{"slices", app.last_save.slices}, {"sliceMsMax", app.last_save.slice_ms_max},
                                   {"textMs", app.last_save.text_ms}, {"storeMs", app.last_save.store_ms},
                                   {"bytes", app.last_save.bytes}}}};
         }},
        // The whole map, as `journeymap metrics` prints it, whatever persona the canvas shows.
        {"metrics", [](AppState& app, const json&) -> json { return metrics_to_json(app.ed.doc.map, compute_metrics(app.ed.doc.map)); }},
        {"importMermaid", [](AppState& app, const json& a) { return open_text(app, "map.mmd", arg_string(a, 0)); }},
        {"exportMermaid", [](AppState& app, const json&) -> json { return export_mermaid(app.ed.doc.map); }},
        {"importCSV", [](AppState& app, const json& a) { return open_text(app, "map.csv", arg_string(a, 0)); }},
        {"exportCSV", [](AppState& app, const json&) -> json { return export_csv(app.ed.doc.map); }},
        {"version", [](AppState&, const json&) -> json { return JM_VERSION; }},
        {"title", [](AppState& app, const json&) -> json { return app.ed.doc.map.title; }},
        {"_display", [](AppState&, const json&) -> json {
             const ImGuiIO& io = ImGui::GetIO();
             return {{"width", io.DisplaySize.x}, {"height", io.DisplaySize.y}, {"framebuffer_scale", io.DisplayFramebufferScale.x}};
         }},
        {"_viewAs", [](AppState& app, const json&) -> json { return app.ed.view_as_persona; }},
        {"_selection", [](AppState& app, const json&) -> json { return app.ed.selection.touchpoints(); }},
        {"_view", [](AppState& app, const json&) -> json { return {{"zoom", app.ed.view.zoom}, {"x", app.ed.view.offset.x}, {"y", app.ed.view.offset.y}}; }},
        {"_cardLayout", [](AppState& app, const json& a) -> json { return card_layout_json(app, arg_string(a, 0)); }},
        {"_presentation", [](AppState& app, const json&) -> json {
             const ui::Presentation& pr = app.present;
             return {{"presenting", pr.active}, {"stage", pr.stage}, {"stages", app.ed.layout.stage_count()},
                     {"mode", pr.mode == ui::PresentationMode::WholeMap ? "whole map" : "stage by stage"},
                     {"zoom", pr.zoom}, {"bodyPx", pr.body_px}, {"scroll", pr.scroll}, {"maxScroll", pr.max_scroll}, {"moving", pr.pan.running},
                     {"fullscreenRequests", pr.fullscreen_requests}, {"fullscreen", pr.fullscreen},
                     {"cardDetail", app.ed.card_detail == decltype(app.ed.card_detail)::Full ? "full" : "compact"}};
         }},
    };
    return table;
}

}  // namespace

std::string App::api_call(const std::string& name, const std::string& args_json) {
    json args = json::parse(args_json, nullptr, false);
    if (!args.is_array()) args = json::array();
    auto it = handlers().find(name);
    if (it == handlers().end()) return json({{"ok", false}, {"error", "unknown function " + name}}).dump();
    s_->ed.refresh_derived();
    json out = it->second(*s_, args);
    s_->ed.refresh_derived();
    return out.dump();
}

}  // namespace jm
