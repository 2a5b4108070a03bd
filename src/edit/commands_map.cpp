// Replacing the whole document: open, import or new as one undoable step.
#include "i18n/i18n.h"
#include "edit/commands.h"

namespace jm {

namespace {

// Holds the map that is not in the editor: the new one before apply, the old
// one after. Swapping keeps a single copy and restores either side exactly.
class ReplaceMap : public Command {
public:
    ReplaceMap(Map after, std::string label) : other_(std::move(after)), label_(std::move(label)) {
        if (label_.empty()) label_ = i18n::tr("Replace map");
    }
    std::string label() const override { return label_; }
    void apply(Map& m) override { std::swap(m, other_); }
    void revert(Map& m) override { std::swap(m, other_); }
    std::size_t memory_bytes() const override { return sizeof(*this) + heap_bytes(other_) + heap_bytes(label_); }

private:
    Map other_;
    std::string label_;
};

}  // namespace

std::unique_ptr<Command> replace_map(const Map& before, Map after, std::string label) {
    if (before == after) return nullptr;
    return std::make_unique<ReplaceMap>(std::move(after), std::move(label));
}

}  // namespace jm
