// Undo and redo for a map: a list of steps, each one command or a group of
// commands made as one action. Large enough for a whole workshop.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "edit/command.h"

namespace jm {

class History {
public:
    static constexpr std::size_t kDefaultLimit = 5000;
    static constexpr std::size_t kMinimumLimit = 1000;   // a workshop's worth; smaller limits are raised to it

    explicit History(std::size_t limit = kDefaultLimit);

    // With a clock set, every edit that changes the map (execute, undo, redo)
    // stamps the map's `modified` with it, so that time moves only when the user
    // edits and saving or exporting never changes the document. The editor sets
    // utc_now_iso; without a clock (the default) nothing is stamped.
    using Clock = std::function<std::string()>;
    void set_clock(Clock clock) { clock_ = std::move(clock); }

    // Applies `command` and records it (nullptr is ignored, as is a command whose
    // apply changed nothing, see Command::had_effect). It merges into the newest
    // step when their merge keys are equal and not empty and neither
    // break_merge(), an undo, a save nor a group came in between. Anything
    // undone can no longer be redone. Ignored while a step replays.
    void execute(Map& map, std::unique_ptr<Command> command);

    // Applies an edit that is not this user's (a peer's in a live room): the map
    // changes and the revision moves, but no step records it and nothing is
    // stamped, so undo and redo only ever replay the user's own edits (commands
    // name items by id, so they still find them). The map becomes dirty. False,
    // and nothing applied, while a group is open or a step replays, or when the
    // command changed nothing.
    bool apply_unrecorded(Map& map, std::unique_ptr<Command> command);

    // Undo and redo are refused (false) while a group is open or a step replays.
    bool undo(Map& map);
    bool redo(Map& map);
    bool can_undo() const { return position_ > 0 && idle(); }
    bool can_redo() const { return position_ < steps_.size() && idle(); }
    std::string undo_label() const;   // "" when there is nothing to undo
    std::string redo_label() const;

    // For a History panel: every step's label, oldest first, and how many of
    // them are applied (0 = the state before the oldest step kept).
    std::vector<std::string> labels() const;
    std::size_t position() const { return position_; }
    // Undoes or redoes until `position` steps are applied; false when out of
    // range or refused.
    bool jump_to(Map& map, std::size_t position);

    // Ends the current merge: the next edit starts a new step even with the same
    // key. The UI calls it when a text field or slider is released.
    void break_merge() { merge_open_ = false; }

    // Everything executed between begin_group and end_group is one step, e.g.
    // pasting five cards. Groups nest and fold into the outermost, whose label
    // the step takes (or its only command's label when that is empty); an empty
    // group records nothing.
    void begin_group(const std::string& label);
    void end_group();
    bool in_group() const { return group_depth_ > 0; }

    // True while undo/redo replays commands: nothing records then.
    bool is_replaying() const { return replaying_; }

    // Dirty: the map differs from the last save (or from the state at clear()).
    // Undo past the save point is dirty; redo back to it is clean again; once
    // the saved state is unreachable (dropped by the limit, or its redo branch
    // replaced by new edits) the map stays dirty until the next save.
    void mark_saved();
    bool dirty() const;
    // Increases on every execute, undo, redo and clear; caches and autosave key off it.
    std::uint64_t revision() const { return revision_; }

    std::size_t size() const { return steps_.size(); }
    std::size_t limit() const { return limit_; }
    std::size_t memory_bytes() const;   // estimate: steps, labels and what every command holds
    // Forgets every step, for opening another map; the map counts as saved.
    void clear();

private:
    struct Step {
        std::string label;
        std::vector<std::unique_ptr<Command>> commands;   // applied in order, reverted in reverse
    };

    bool idle() const { return group_depth_ == 0 && !replaying_; }
    void stamp(Map& map) const;
    bool merge_into(std::vector<std::unique_ptr<Command>>& commands, const Command& next);
    void push_step(Step step);
    void drop_oldest();
    static std::size_t step_bytes(const Step& step);

    std::deque<Step> steps_;
    std::size_t position_ = 0;   // steps applied
    std::size_t limit_;
    bool merge_open_ = false;
    bool replaying_ = false;
    int group_depth_ = 0;
    Step group_;
    // Steps applied when the map was saved; -1 once no position returns to that state.
    long long saved_position_ = 0;
    bool unrecorded_since_save_ = false;   // apply_unrecorded changed the map after the last save
    std::uint64_t revision_ = 0;
    Clock clock_;
};

// RAII: the scope's edits are one undo step.
class HistoryGroup {
public:
    HistoryGroup(History& history, const std::string& label) : history_(history) { history_.begin_group(label); }
    ~HistoryGroup() { history_.end_group(); }
    HistoryGroup(const HistoryGroup&) = delete;
    HistoryGroup& operator=(const HistoryGroup&) = delete;

private:
    History& history_;
};

}  // namespace jm
