#include "ui/editor_state.h"

#include "imgui.h"

namespace jm::ui {

void Document::run(std::unique_ptr<Command> command) {
    if (command) history.execute(map, std::move(command));
}

void Document::undo() { history.undo(map); }
void Document::redo() { history.redo(map); }

void Document::replace(Map next) {
    map = std::move(next);
    history.clear();
    ++replaced_;
}

void EditorState::refresh_derived() {
    if (derived_revision == doc.revision() && derived_lanes == doc.map.lanes && derived_persona == view_as_persona) return;
    layout = CanvasLayout(doc.map, doc.map.lanes);
    metrics = compute_metrics(doc.map, MetricsOptions{.persona_id = view_as_persona});
    derived_revision = doc.revision();
    derived_lanes = doc.map.lanes;
    derived_persona = view_as_persona;
}

void EditorState::notify(const std::string& text) {
    notice = text;
    notice_time = ImGui::GetTime();
}

}  // namespace jm::ui
