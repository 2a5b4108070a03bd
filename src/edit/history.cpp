#include "edit/history.h"

#include "i18n/i18n.h"

#include <algorithm>

#include "edit/memory_estimate.h"

namespace jm {

namespace {

// Sets a flag for a scope and clears it however the scope ends.
class FlagScope {
public:
    explicit FlagScope(bool& flag) : flag_(flag) { flag_ = true; }
    ~FlagScope() { flag_ = false; }
    FlagScope(const FlagScope&) = delete;
    FlagScope& operator=(const FlagScope&) = delete;

private:
    bool& flag_;
};

}  // namespace

History::History(std::size_t limit) : limit_(std::max(limit, kMinimumLimit)) {}

void History::stamp(Map& map) const {
    if (clock_) map.modified = clock_();
}

void History::execute(Map& map, std::unique_ptr<Command> command) {
    if (!command || replaying_) return;
    command->apply(map);
    if (!command->had_effect()) return;   // nothing changed, nothing to undo
    ++revision_;
    stamp(map);
    bool mergeable = !command->merge_key().empty();
    if (group_depth_ > 0) {
        if (!merge_into(group_.commands, *command)) group_.commands.push_back(std::move(command));
        merge_open_ = mergeable;
        return;
    }
    // Merging needs the newest step on top (no undo in between: that closes the
    // merge) and made of one command (a group is never extended).
    if (position_ == steps_.size() && position_ > 0 && steps_.back().commands.size() == 1 &&
        merge_into(steps_.back().commands, *command)) {
        steps_.back().label = steps_.back().commands.back()->label();
        return;
    }
    Step step{command->label(), {}};
    step.commands.push_back(std::move(command));
    push_step(std::move(step));
    merge_open_ = mergeable;
}

bool History::apply_unrecorded(Map& map, std::unique_ptr<Command> command) {
    if (!command || !idle()) return false;
    command->apply(map);
    if (!command->had_effect()) return false;
    ++revision_;
    unrecorded_since_save_ = true;
    return true;
}

bool History::merge_into(std::vector<std::unique_ptr<Command>>& commands, const Command& next) {
    if (!merge_open_ || commands.empty()) return false;
    Command& last = *commands.back();
    std::string key = next.merge_key();
    return !key.empty() && last.merge_key() == key && last.merge_with(next);
}

void History::push_step(Step step) {
    if (position_ < steps_.size()) {
        steps_.erase(steps_.begin() + static_cast<std::ptrdiff_t>(position_), steps_.end());
        if (saved_position_ > static_cast<long long>(position_)) saved_position_ = -1;   // that future is gone
    }
    steps_.push_back(std::move(step));
    ++position_;
    while (steps_.size() > limit_) drop_oldest();
}

void History::drop_oldest() {
    steps_.pop_front();
    --position_;
    if (saved_position_ == 0) saved_position_ = -1;   // the saved state can no longer be reached
    else if (saved_position_ > 0) --saved_position_;
}

bool History::undo(Map& map) {
    if (!can_undo()) return false;
    merge_open_ = false;
    {
        FlagScope replaying(replaying_);
        Step& step = steps_[position_ - 1];
        for (auto it = step.commands.rbegin(); it != step.commands.rend(); ++it) (*it)->revert(map);
    }
    --position_;
    ++revision_;
    stamp(map);
    return true;
}

bool History::redo(Map& map) {
    if (!can_redo()) return false;
    merge_open_ = false;
    {
        FlagScope replaying(replaying_);
        for (auto& c : steps_[position_].commands) c->apply(map);
    }
    ++position_;
    ++revision_;
    stamp(map);
    return true;
}

std::string History::undo_label() const { return position_ > 0 ? steps_[position_ - 1].label : std::string(); }
std::string History::redo_label() const { return position_ < steps_.size() ? steps_[position_].label : std::string(); }

std::vector<std::string> History::labels() const {
    std::vector<std::string> out;
    out.reserve(steps_.size());
    for (const auto& s : steps_) out.push_back(s.label);
    return out;
}

bool History::jump_to(Map& map, std::size_t position) {
    if (position > steps_.size() || !idle()) return false;
    while (position_ > position) undo(map);
    while (position_ < position) redo(map);
    return true;
}

void History::begin_group(const std::string& label) {
    if (group_depth_++ > 0) return;   // nested: folds into the outer group
    group_ = Step{label, {}};
    merge_open_ = false;
}

void History::end_group() {
    if (group_depth_ == 0 || --group_depth_ > 0) return;
    Step step = std::move(group_);
    group_ = Step{};
    merge_open_ = false;
    if (step.commands.empty()) return;
    if (step.label.empty()) step.label = step.commands.size() == 1 ? step.commands.front()->label() : std::string(i18n::tr("Several changes"));
    push_step(std::move(step));
}

void History::mark_saved() {
    saved_position_ = static_cast<long long>(position_);
    unrecorded_since_save_ = false;
    merge_open_ = false;   // a later edit must not fold into the saved step
}

bool History::dirty() const {
    if (!group_.commands.empty() || unrecorded_since_save_) return true;   // applied, not yet (or never) a step
    return saved_position_ != static_cast<long long>(position_);
}

std::size_t History::step_bytes(const Step& step) {
    std::size_t n = sizeof(Step) + heap_bytes(step.label) + step.commands.capacity() * sizeof(std::unique_ptr<Command>);
    for (const auto& c : step.commands) n += c->memory_bytes();
    return n;
}

std::size_t History::memory_bytes() const {
    std::size_t n = sizeof(*this) + step_bytes(group_);
    for (const auto& s : steps_) n += step_bytes(s);
    return n;
}

void History::clear() {
    steps_.clear();
    position_ = 0;
    saved_position_ = 0;
    unrecorded_since_save_ = false;
    merge_open_ = false;
    group_depth_ = 0;
    group_ = Step{};
    ++revision_;
}

}  // namespace jm
