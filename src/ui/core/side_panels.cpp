#include "ui/core/side_panels.h"

#include <algorithm>

namespace jm::ui {

PanelMode panel_mode(float width, const SidePanelMetrics& m) {
    return width < m.overlay_below ? PanelMode::Overlay : PanelMode::Docked;
}

PanelPlacement place_panels(float width, bool show_personas, bool show_inspector, const SidePanelMetrics& m) {
    PanelPlacement p;
    p.mode = panel_mode(width, m);
    width = std::max(width, 0.0f);
    if (p.mode == PanelMode::Docked) {
        float x = 0;
        if (show_personas) {
            p.personas = {x, m.personas_w};
            x += m.personas_w;
        }
        const float inspector_w = show_inspector ? m.inspector_w : 0;
        p.canvas = {x, std::max(width - x - inspector_w, 0.0f)};
        if (show_inspector) p.inspector = {p.canvas.right(), inspector_w};
        return p;
    }
    p.strip = {0, std::min(m.strip_w, width)};
    p.canvas = {p.strip.right(), std::max(width - p.strip.w, 0.0f)};
    if (show_personas) p.personas = {p.canvas.x, std::min(m.personas_w, p.canvas.w)};
    if (show_inspector) {
        // As wide as docked, narrower on a very small window so some map stays in sight.
        const float w = std::clamp(p.canvas.w - m.min_map_w, std::min(240.0f, p.canvas.w), m.inspector_w);
        p.inspector = {p.canvas.right() - w, w};
        p.canvas_covered_right = w;
    }
    return p;
}

std::string selection_key(const Selection& selection) {
    switch (selection.kind()) {
        case SelectionKind::None: return "";
        case SelectionKind::Map: return "map";
        case SelectionKind::Stage: return "stage:" + selection.stage();
        case SelectionKind::Persona: return "persona:" + selection.persona();
        case SelectionKind::Touchpoints: {
            std::string key = "cards";
            for (const auto& id : selection.touchpoints()) key += ":" + id;
            return key;
        }
    }
    return "";
}

void SidePanels::update(float width, const std::string& selection, bool dragging, bool& show_personas, bool& show_inspector) {
    const PanelMode mode = panel_mode(width, m_);
    if (!started_ || mode != mode_) {
        if (mode == PanelMode::Overlay) {
            if (started_) {   // the docked layout's panels, for when the window is wide again
                docked_personas_ = show_personas;
                docked_inspector_ = show_inspector;
            }
            show_personas = false;
            show_inspector = !selection.empty();
        } else if (started_) {
            show_personas = docked_personas_;
            show_inspector = docked_inspector_;
        }
        started_ = true;
        mode_ = mode;
        seen_selection_ = selection;
        return;
    }
    if (mode_ != PanelMode::Overlay || dragging || selection == seen_selection_) return;
    seen_selection_ = selection;
    show_inspector = !selection.empty();
}

bool SidePanels::escape(bool selection_empty, bool& show_personas, bool& show_inspector) const {
    if (mode_ != PanelMode::Overlay) return false;
    if (show_personas) {
        show_personas = false;
        return true;
    }
    if (show_inspector && selection_empty) {
        show_inspector = false;
        return true;
    }
    return false;
}

void SidePanels::pressed_map(bool& show_personas) const {
    if (mode_ == PanelMode::Overlay) show_personas = false;
}

void SidePanels::clicked_map(const std::string& selection, bool& show_inspector) {
    if (mode_ != PanelMode::Overlay) return;
    if (selection != seen_selection_ || !selection.empty()) show_inspector = !selection.empty();
    seen_selection_ = selection;
}

}  // namespace jm::ui
