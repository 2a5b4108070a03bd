// Everything the editor's panels share: the open document with its history, the
// selection, the view, and values derived from the map (layout, metrics) that are
// recomputed when the document's revision changes, never per frame.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "edit/command.h"
#include "edit/history.h"
#include "metrics/metrics.h"
#include "model/map.h"
#include "ui/core/canvas_layout.h"
#include "ui/core/compare_state.h"
#include "ui/core/find.h"
#include "ui/core/geometry.h"
#include "ui/core/paragraph_edit.h"
#include "ui/core/selection.h"
#include "ui/core/side_panels.h"

namespace jm::ui {

// The open map and its undo history. Every change goes through run().
struct Document {
    Map map;
    History history;
    // A map shown to be read (a share link's, not saved yet): run, undo and redo
    // change nothing. Opening another map (replace) ends it.
    bool read_only = false;

    Document() { history.set_clock(utc_now_iso); }   // edits stamp `modified`

    // Executes a command (nullptr, which factories return for a missing id, is ignored).
    void run(std::unique_ptr<Command> command);
    void undo();
    void redo();
    // A peer's edit in a live room: applied, not on this user's undo stack (History::apply_unrecorded).
    void apply_remote(std::unique_ptr<Command> command);
    std::uint64_t revision() const { return history.revision() + replaced_; }
    // Opens another map: a fresh history, nothing to undo into the previous map.
    void replace(Map map);

private:
    std::uint64_t replaced_ = 0;   // bumps the revision when the history restarts
};

// A dragged card (or cards) or stage header, while the mouse button is down.
struct DragState {
    enum class Kind { None, Cards, Stage, Pan, RubberBand } kind = Kind::None;
    Vec2 start_screen;           // where the press happened
    Vec2 start_world;
    bool moved = false;          // passed the drag threshold
    std::string stage_id;        // Stage drags
};

// Someone else in a live room who has an item selected (app/live_room.h).
struct PeerMark {
    std::string name;
    std::uint32_t colour = 0;   // ImU32
};

struct EditorState {
    Document doc;
    Selection selection;
    View view;
    Vec2 canvas_origin, canvas_size;  // where the canvas was drawn last frame (screen)
    float canvas_covered_right = 0;   // of that, the width an overlay inspector covers (small screens):
                                      // canvas_size is the part in sight, for fit, reveal and zoom
    bool fit_pending = true;          // fit the map to the canvas on the next frame
    std::string view_as_persona;      // "" = everyone; else dims what that persona does not touch
    CompareState compare;             // File > Compare with file: the open map against another version
    // A live room (app/live_room.h): who else has each card or stage selected,
    // outlined in their colour; the status bar's "Live - 12 people" and its click.
    std::unordered_map<std::string, std::vector<PeerMark>> peer_marks;
    std::string live_status;
    bool live_status_clicked = false;
    DragState drag;

    // A persona whose deletion waits for the user's confirmation (cards refer to it).
    std::string confirm_delete_persona;

    // In-place rename of a stage header.
    std::string renaming_stage;
    std::string rename_buffer;
    bool rename_focus = false;

    // Panels and windows.
    // What these mean, docked beside the map or over it on a small screen: side_panels.
    bool show_personas = true;
    bool show_inspector = true;
    SidePanels side_panels;
    bool show_history = false;
    bool show_metrics = false;
    bool show_find = false;
    bool focus_find = false;
    bool show_shortcuts = false;
    bool show_about = false;
    bool show_new_map = false;
    bool focus_inspector_title = false;   // Enter on a card
    // The paragraph field being typed in (a text box over it, ui/paragraph_field.h),
    // and whether a frame drew that field (else the text box closes).
    ParagraphSession paragraph;
    bool paragraph_drawn = false;
    int paragraph_caret = -1;   // where the text box opens its caret (UTF-16 units); -1: at the end
    // A stage rename started by double-click: only that one cancels with Escape.
    bool rename_escape_cancels = false;
    std::string find_query;
    int find_current = -1;
    std::vector<FindHit> find_hits;        // of find_query in the map at find_hits_revision
    std::uint64_t find_hits_revision = ~0ull;
    std::string find_hits_query;
    int find_step = 0;                    // F3 / Shift+F3 asked for the next / previous match

    // Requests the app (which owns files and storage) carries out this frame.
    bool request_download = false;
    bool request_open = false;

    // How much text cards and lane items show now: the map's choice (Map::card_detail,
    // taken over whenever the map's value changes), or a mode's own (presentation
    // shows every word) until the mode gives it back.
    CardDetail card_detail = CardDetail::Full;
    CardDetail synced_detail = CardDetail::Full;

    // Derived from the document; see refresh_derived().
    CanvasLayout layout;
    MapMetrics metrics;
    std::uint64_t derived_revision = ~0ull;
    std::vector<Lane> derived_lanes;
    std::string derived_persona;
    std::string derived_language;   // the UI language the derived texts were made in
    std::uint64_t derived_layout_revision = ~0ull;   // the layout's own inputs: revision, font, detail
    std::uint64_t derived_font_key = 0;
    CardDetail derived_detail = CardDetail::Full;

    // File > Export > PNG: the file name while an export waits for the next frame.
    std::string png_request;

    // Where the map is kept, as the app reports it ("Saved", "Not saved: storage is full").
    std::string save_status;
    bool save_problem = false;

    // A message for the status bar ("Pasted 3 cards"), with when it was set and
    // whether the user has clicked or typed since (status_bar.cpp: it stays 4 s,
    // and then until they do, so a slow machine or a glance away never hides it unread).
    std::string notice;
    double notice_time = 0;
    bool notice_seen = false;

    // Recomputes layout and metrics if the document changed since last time. The
    // layout (text wrapped through its cache) is also redone when the lanes, the
    // canvas font or the card detail change; metrics when the persona filter does.
    void refresh_derived();
    void notify(const std::string& text);
};

}  // namespace jm::ui
