// Undo and redo for a map: a list of steps, each one command or a group of
// commands made as one action. Large enough for a whole workshop.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "edit/command.h"

namespace jm {

class History {
public:
    static constexpr std::size_t kDefaultLimit = 5000;

    explicit History(std::size_t limit = kDefaultLimit) : limit_(limit) {}

    // Applies `command` and records it. It merges into the newest step when their
    // merge keys are equal and not empty and break_merge() was not called since.
    // Anything that was undone can no longer be redone.
    void execute(Map& map, std::unique_ptr<Command> command);
    bool undo(Map& map);
    bool redo(Map& map);
    bool can_undo() const { return position_ > 0; }
    bool can_redo() const { return position_ < steps_.size(); }
    std::string undo_label() const;
    std::string redo_label() const;

    // Every step's label, oldest first, and how many of them are applied.
    std::vector<std::string> labels() const;
    std::size_t position() const { return position_; }
    // Undoes or redoes until `position` steps are applied.
    bool jump_to(Map& map, std::size_t position);

    // Ends the current merge: the next edit starts a new step even with the same key.
    void break_merge() { merge_open_ = false; }

    // Everything executed between begin_group and end_group is one step.
    // Groups nest; the outermost label wins; an empty group records nothing.
    void begin_group(const std::string& label);
    void end_group();

    // True while undo/redo replays commands: nothing records then.
    bool is_replaying() const { return replaying_; }

    void mark_saved();
    bool dirty() const;
    // Increases on every execute, undo and redo; caches and autosave key off it.
    std::uint64_t revision() const { return revision_; }

    std::size_t size() const { return steps_.size(); }
    std::size_t limit() const { return limit_; }
    std::size_t memory_bytes() const;
    void clear();

private:
    struct Step {
        std::string label;
        std::vector<std::unique_ptr<Command>> commands;   // applied in order, reverted in reverse
    };

    void push_step(Step step);
    void drop_oldest();

    std::vector<Step> steps_;
    std::size_t position_ = 0;
    std::size_t limit_;
    bool merge_open_ = false;
    bool replaying_ = false;
    int group_depth_ = 0;
    Step group_;
    // Where the last save was, counted in steps applied; -1 once no position can
    // return to it (the saved step was dropped or cut off by new edits).
    long long saved_position_ = 0;
    std::uint64_t revision_ = 0;
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
