// What the user has selected on the canvas, by stable id, so it survives edits,
// undo and redo (ids that vanish are pruned, never left dangling).
#pragma once

#include <string>
#include <vector>

#include "model/map.h"

namespace jm::ui {

enum class SelectionKind { None, Touchpoints, Stage, Persona, Map };

class Selection {
public:
    SelectionKind kind() const { return kind_; }
    bool empty() const { return kind_ == SelectionKind::None; }
    const std::vector<std::string>& touchpoints() const { return touchpoints_; }
    const std::string& stage() const { return single_; }     // when kind() == Stage
    const std::string& persona() const { return single_; }   // when kind() == Persona
    // The card that keyboard navigation moves from: the one clicked last.
    const std::string& focus() const { return focus_; }

    bool has_touchpoint(const std::string& id) const;
    void select_touchpoint(const std::string& id);          // plain click: only this one
    void toggle_touchpoint(const std::string& id);          // Ctrl+click
    void add_touchpoints(const std::vector<std::string>& ids);
    // Shift+click: everything between the focused card and `id`, in journey order.
    void extend_to(const Map& map, const std::string& id);
    void select_stage(const std::string& id);
    void select_persona(const std::string& id);
    void select_map();
    void clear();
    // Drops ids that no longer exist in `map` (after delete, undo, load).
    void prune(const Map& map);

private:
    SelectionKind kind_ = SelectionKind::None;
    std::vector<std::string> touchpoints_;
    std::string single_;
    std::string focus_;
};

enum class Direction { Left, Right, Up, Down };

// The card next to `id` in `dir`: up/down within its stage, left/right to the
// same position in the neighbouring non-empty stage. Empty when there is none.
std::string neighbour_card(const Map& map, const std::string& id, Direction dir);

}  // namespace jm::ui
