// Where the editor's side panels go, free of ImGui so it is tested natively.
//
// On a wide screen (1400 CSS px and more) the "Personas and lanes" panel and the
// inspector are docked beside the canvas, as they always were. On a narrower one
// the map gets the screen: the left panel becomes a strip of icons, and both
// panels open as overlays over the canvas's edges only when wanted: the inspector
// when something is selected (or from the View menu or the strip), the personas
// panel from the strip or the View menu. Crossing the width back and forth (a
// window resize) gives the docked layout back the panels it had; the selection
// and undo are not touched.
#pragma once

#include <string>

#include "ui/core/selection.h"

namespace jm::ui {

enum class PanelMode { Docked, Overlay };

struct SidePanelMetrics {
    float overlay_below = 1400;   // a window narrower than this (CSS px) gets the overlay layout
    float personas_w = 250;       // the personas and lanes panel, docked or over the canvas
    float inspector_w = 380;      // the inspector, docked or over the canvas
    float strip_w = 44;           // the icon strip that stands in for the left panel
    float min_map_w = 160;        // an overlay inspector leaves at least this much of the map in sight
};

// One panel's horizontal place, in CSS px from the window's left edge; w == 0: not drawn.
struct PanelSpan {
    float x = 0, w = 0;
    bool shown() const { return w > 0; }
    float right() const { return x + w; }
};

// Where everything goes across a window `width` px wide.
struct PanelPlacement {
    PanelMode mode = PanelMode::Docked;
    PanelSpan strip;      // Overlay: the icon strip at the left edge
    PanelSpan personas;   // Docked: beside the canvas; Overlay: over its left edge
    PanelSpan canvas;
    PanelSpan inspector;  // Docked: beside the canvas; Overlay: over its right edge
    // How much of the canvas's right side the inspector covers (Overlay), so fitting,
    // revealing a card and zooming about the centre use the part that is seen.
    float canvas_covered_right = 0;
};

PanelMode panel_mode(float width, const SidePanelMetrics& m = {});
PanelPlacement place_panels(float width, bool show_personas, bool show_inspector, const SidePanelMetrics& m = {});

// A short text that changes whenever what is selected changes ("" = nothing).
std::string selection_key(const Selection& selection);

// Which panels are open, kept across frames. The editor's show_personas and
// show_inspector stay the flags everything else reads and sets (View menu,
// "open the inspector" actions); this decides what they mean in each layout.
class SidePanels {
public:
    SidePanels() = default;
    explicit SidePanels(const SidePanelMetrics& m) : m_(m) {}

    // Once a frame, before anything reads the flags. Switches the layout when the
    // width crosses the threshold (each layout gets back its own open panels; the
    // overlay layout starts with the personas panel closed and the inspector open
    // only when something is selected). In the overlay layout, a new selection
    // opens the inspector and an emptied one closes it, once no drag is under way
    // (a card being dragged is not covered up in the middle of the move).
    void update(float width, const std::string& selection, bool dragging, bool& show_personas, bool& show_inspector);

    // Escape with no text field, drag or dialog taking it: closes the personas
    // overlay, else an inspector overlay with nothing selected in it (a selection
    // is cleared by Escape, which closes the inspector through update()).
    // Returns whether it closed something (the key is then used up).
    bool escape(bool selection_empty, bool& show_personas, bool& show_inspector) const;

    // A press on the map (not on a panel): closes the personas overlay.
    void pressed_map(bool& show_personas) const;
    // A click on the map (released without dragging) that leaves something selected
    // opens the inspector overlay, even when that was selected already (it may have
    // been closed since).
    void clicked_map(const std::string& selection, bool& show_inspector);

    PanelMode mode() const { return mode_; }
    const SidePanelMetrics& metrics() const { return m_; }

private:
    SidePanelMetrics m_;
    bool started_ = false;
    PanelMode mode_ = PanelMode::Docked;
    bool docked_personas_ = true, docked_inspector_ = true;   // kept while the overlay layout is on
    std::string seen_selection_;
};

}  // namespace jm::ui
