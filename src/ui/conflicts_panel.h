// The merge conflicts panel: every conflict of File > Merge files with the
// values of both sides and of the version they started from; one click keeps
// a side (or the base), or a value is edited. Each choice changes the map
// through the merge's own undo step (ui/core/merge_session.h).
#pragma once

#include <vector>

#include "edit/map_change.h"
#include "ui/core/merge_session.h"
#include "ui/editor_state.h"

namespace jm::ui {

// Runs `changes` on the document as the merge's step (folded into it while
// nothing else came in between).
void apply_merge_changes(EditorState& ed, const MergeSession& session, std::vector<Change> changes);

// Draws the panel while `open`; Done (or Escape in the panel) closes it.
void draw_conflicts_panel(EditorState& ed, MergeSession& session, bool& open);

}  // namespace jm::ui
