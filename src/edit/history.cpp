#include "edit/history.h"

namespace jm {

void History::execute(Map& map, std::unique_ptr<Command> command) {
    if (!command || replaying_) return;
    command->apply(map);
    ++revision_;
    if (group_depth_ > 0) {
        // Inside a group, continuous edits of one thing still fold together.
        auto& cmds = group_.commands;
        if (!cmds.empty() && !command->merge_key().empty() && cmds.back()->merge_key() == command->merge_key() &&
            cmds.back()->merge_with(*command))
            return;
        cmds.push_back(std::move(command));
        return;
    }
    bool at_top = position_ == steps_.size() && position_ > 0;
    if (merge_open_ && at_top && steps_.back().commands.size() == 1) {
        Command& top = *steps_.back().commands.back();
        if (!command->merge_key().empty() && top.merge_key() == command->merge_key() && top.merge_with(*command)) {
            steps_.back().label = top.label();
            // A merged edit changes the step the save point may sit on.
            if (saved_position_ == static_cast<long long>(position_)) saved_position_ = -1;
            return;
        }
    }
    Step step;
    step.label = command->label();
    bool mergeable = !command->merge_key().empty();
    step.commands.push_back(std::move(command));
    push_step(std::move(step));
    merge_open_ = mergeable;
}

void History::push_step(Step step) {
    if (position_ < steps_.size()) {
        steps_.erase(steps_.begin() + static_cast<long>(position_), steps_.end());
        if (saved_position_ > static_cast<long long>(position_)) saved_position_ = -1;   // that future is gone
    }
    steps_.push_back(std::move(step));
    ++position_;
    while (steps_.size() > limit_) drop_oldest();
}

void History::drop_oldest() {
    steps_.erase(steps_.begin());
    --position_;
    if (saved_position_ == 0) saved_position_ = -1;   // the saved state can no longer be reached
    else if (saved_position_ > 0) --saved_position_;
}

bool History::undo(Map& map) {
    if (!can_undo()) return false;
    merge_open_ = false;
    replaying_ = true;
    Step& step = steps_[--position_];
    for (auto it = step.commands.rbegin(); it != step.commands.rend(); ++it) (*it)->revert(map);
    replaying_ = false;
    ++revision_;
    return true;
}

bool History::redo(Map& map) {
    if (!can_redo()) return false;
    merge_open_ = false;
    replaying_ = true;
    Step& step = steps_[position_++];
    for (auto& c : step.commands) c->apply(map);
    replaying_ = false;
    ++revision_;
    return true;
}

std::string History::undo_label() const { return can_undo() ? steps_[position_ - 1].label : std::string(); }
std::string History::redo_label() const { return can_redo() ? steps_[position_].label : std::string(); }

std::vector<std::string> History::labels() const {
    std::vector<std::string> out;
    out.reserve(steps_.size());
    for (const auto& s : steps_) out.push_back(s.label);
    return out;
}

bool History::jump_to(Map& map, std::size_t position) {
    if (position > steps_.size()) return false;
    while (position_ > position) undo(map);
    while (position_ < position) redo(map);
    return true;
}

void History::begin_group(const std::string& label) {
    if (group_depth_++ == 0) {
        group_ = Step{label, {}};
        merge_open_ = false;
    }
}

void History::end_group() {
    if (group_depth_ == 0 || --group_depth_ > 0) return;
    if (!group_.commands.empty()) push_step(std::move(group_));
    group_ = Step{};
    merge_open_ = false;
}

void History::mark_saved() {
    saved_position_ = static_cast<long long>(position_);
    merge_open_ = false;   // a later edit must not fold into the saved step
}

bool History::dirty() const { return saved_position_ != static_cast<long long>(position_); }

std::size_t History::memory_bytes() const {
    std::size_t n = sizeof(*this);
    for (const auto& s : steps_) {
        n += sizeof(Step) + s.label.capacity();
        for (const auto& c : s.commands) n += c->memory_bytes();
    }
    return n;
}

void History::clear() {
    steps_.clear();
    position_ = 0;
    saved_position_ = 0;
    merge_open_ = false;
    group_depth_ = 0;
    group_ = Step{};
    ++revision_;
}

}  // namespace jm
