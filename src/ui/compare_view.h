// Compare mode on screen: the bar over the canvas ("Comparing with <file>: 3
// added, 1 removed..."), the Compare window that lists every difference by kind,
// the inspector's "Compared with the file" section, the tooltips and colours of
// the canvas marks. The model is ui/core/comparison.h, kept in
// EditorState::compare; the file picker is the app's (app/compare_file.h).
#pragma once

#include <string>
#include <vector>

#include "imgui.h"
#include "ui/editor_state.h"

namespace jm::ui {

struct Ghost;   // ui/core/comparison.h

// Starts comparing the open map with `file` (named `file_name`), replacing a
// comparison under way; the Compare window opens.
void begin_compare(EditorState& ed, std::string file_name, Map file, std::vector<std::string> notices);
void end_compare(EditorState& ed);

// Brings the comparison up to the document's revision (once per revision) and
// gives the layout its ghosts; ends it when another map was opened. Called
// before the canvas paints, so marks, ghosts and the map always agree.
void sync_comparison(EditorState& ed);

// The bar at the top of the canvas area, while comparing.
void draw_compare_bar(EditorState& ed);
// The Compare window (Alt+C shows or hides it while comparing).
void draw_compare_window(EditorState& ed);
// The inspector's section "Compared with the file" for what it shows: the
// selected card, stage or persona, or the map itself; nothing when not comparing.
void draw_compare_section(EditorState& ed);

// The status bar's count per kind ("Cards: +3 -1 ~2 moved 1 | Stages: +1"), or
// "No differences"; "" when not comparing.
std::string compare_counts_text(const EditorState& ed);

// Colours of the marks, from the theme's palette.
struct CompareColors {
    ImU32 added, removed, moved, changed;
};
CompareColors compare_colors();

// The lines a card's, stage's or ghost's tooltip starts with while comparing.
void card_compare_tooltip(const EditorState& ed, const std::string& touchpoint_id);
void stage_compare_tooltip(const EditorState& ed, const std::string& stage_id);
void ghost_tooltip(const EditorState& ed, const Ghost& ghost);

}  // namespace jm::ui
