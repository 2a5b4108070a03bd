#include "ui/editor_state.h"

#include "i18n/i18n.h"
#include "imgui.h"
#include "ui/canvas_paint.h"
#include "ui/stage_badges.h"

namespace jm::ui {

void Document::run(std::unique_ptr<Command> command) {
    if (command && !read_only) history.execute(map, std::move(command));
}

void Document::undo() {
    if (!read_only) history.undo(map);
}
void Document::redo() {
    if (!read_only) history.redo(map);
}
void Document::apply_remote(std::unique_ptr<Command> command) {
    if (command && !read_only) history.apply_unrecorded(map, std::move(command));
}

void Document::replace(Map next) {
    read_only = false;
    map = std::move(next);
    history.clear();
    ++replaced_;
}

void EditorState::refresh_derived() {
    if (doc.map.card_detail != synced_detail) card_detail = synced_detail = doc.map.card_detail;   // opened, switched, undone
    const TextMetric& text_metric = canvas_text_metric();
    const std::uint64_t font_key = text_metric.key();
    // Texts of the layout and of the metrics (reasons, "why") are in the UI's language.
    const bool language_changed = derived_language != i18n::language();
    derived_language = i18n::language();
    if (derived_layout_revision != doc.revision() || derived_lanes != doc.map.lanes || derived_font_key != font_key ||
        derived_detail != card_detail || language_changed) {
        LayoutMetrics m;
        m.card_detail = card_detail;
        layout.rebuild(doc.map, doc.map.lanes, m, text_metric, kpi_summary);
        derived_layout_revision = doc.revision();
        derived_lanes = doc.map.lanes;
        derived_font_key = font_key;
        derived_detail = card_detail;
    }
    if (derived_revision != doc.revision() || derived_persona != view_as_persona || language_changed) {
        metrics = compute_metrics(doc.map, MetricsOptions{.persona_id = view_as_persona});
        derived_revision = doc.revision();
        derived_persona = view_as_persona;
    }
}

void EditorState::notify(const std::string& text) {
    notice = text;
    notice_time = ImGui::GetTime();
    notice_seen = false;
}

}  // namespace jm::ui
