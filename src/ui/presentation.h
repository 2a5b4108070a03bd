// Presentation mode: the map alone on the screen for a workshop, at a size the
// back of the room can read, one stage at a time when the whole map would be
// too small. It changes no map data: only the view (zoom, pan), which stage is
// in focus and the card detail, all given back when it ends.
#pragma once

#include "ui/core/presentation_view.h"
#include "ui/editor_state.h"

namespace jm::ui {

struct Presentation {
    bool active = false;
    int stage = 0;                 // the stage in focus
    float scroll = 0;              // world units scrolled down from the headers
    PanAnimation pan;
    bool snap = true;              // the next frame jumps to its framing (just started, or the screen changed size)
    Vec2 viewport;                 // the map's screen area last frame

    // What the last frame used (for the status shown and the test API).
    PresentationMode mode = PresentationMode::WholeMap;
    float zoom = 1;
    float body_px = 0;
    float max_scroll = 0;          // world units

    // Asked by a key or a button this frame; the app (which owns full screen
    // and the theme) carries it out.
    bool leave_requested = false;

    // Full screen, as the app asked for it and as the browser reports it.
    int fullscreen_requests = 0;
    bool fullscreen = false;

    // What presenting replaced, given back when it ends.
    View saved_view;
    CardDetail saved_detail = CardDetail::Full;
};

// Starts presenting from the selected stage (or the selected card's), else the first.
void begin_presentation(Presentation& pr, EditorState& st);
// Gives the editor back its view and card detail.
void end_presentation(Presentation& pr, EditorState& st);

// Draws the presentation over the whole window and handles its keys: Right,
// Page Down or Space for the next stage, Left or Page Up for the previous one,
// Home and End, Up and Down (and the wheel) to scroll, Escape or F5 to leave
// (sets leave_requested). Returns true while the view is still moving.
bool draw_presentation(Presentation& pr, EditorState& st);

// The top hotspot of `stage` under the current persona filter: the index of
// its touchpoint within the stage, or -1 when none of its touchpoints scores.
int stage_top_hotspot(const EditorState& st, int stage, double* score = nullptr);

}  // namespace jm::ui
