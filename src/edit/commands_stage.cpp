// Adding, deleting and moving stages. A stage lives in exactly one place at a
// time, the map or the command: apply moves it into the map, revert moves it
// back out (and the reverse for delete), so no step holds a second copy.
#include "i18n/i18n.h"
#include "edit/command_support.h"
#include "edit/commands.h"
#include "edit/move_command.h"

namespace jm {

using namespace edit_detail;

namespace {

std::vector<const std::string*> ids_of(const Stage& s) {
    std::vector<const std::string*> ids{&s.id};
    for (const auto& k : s.kpis) ids.push_back(&k.id);
    for (const auto& t : s.touchpoints) ids.push_back(&t.id);
    return ids;
}

class AddStage : public Command {
public:
    AddStage(Stage stage, int index)
        : stage_(std::move(stage)), id_(stage_.id), index_(index), label_(i18n::trf("Add stage {name}", {{"name", quoted(stage_.name)}})) {}
    std::string label() const override { return label_; }
    void apply(Map& m) override {
        in_map_ = ids_are_free(m, ids_of(stage_));
        if (in_map_) m.stages.insert(m.stages.begin() + clamp_index(index_, m.stages.size()), std::move(stage_));
    }
    void revert(Map& m) override {
        if (!in_map_) return;
        int i = index_of(m.stages, id_);
        if (i >= 0) {
            stage_ = std::move(m.stages[i]);
            m.stages.erase(m.stages.begin() + i);
        }
        in_map_ = false;
    }
    bool had_effect() const override { return in_map_; }
    std::size_t memory_bytes() const override { return sizeof(*this) + heap_bytes(stage_) + heap_bytes(id_) + heap_bytes(label_); }

private:
    Stage stage_;   // empty while it is in the map
    std::string id_;
    int index_;
    std::string label_;
    bool in_map_ = false;
};

class DeleteStage : public Command {
public:
    DeleteStage(std::string id, std::string label) : id_(std::move(id)), label_(std::move(label)) {}
    std::string label() const override { return label_; }
    void apply(Map& m) override {
        index_ = index_of(m.stages, id_);
        if (index_ < 0) return;
        stage_ = std::move(m.stages[index_]);
        m.stages.erase(m.stages.begin() + index_);
    }
    void revert(Map& m) override {
        if (index_ < 0) return;
        m.stages.insert(m.stages.begin() + clamp_index(index_, m.stages.size()), std::move(stage_));
        stage_ = Stage{};
        index_ = -1;
    }
    bool had_effect() const override { return index_ >= 0; }
    std::size_t memory_bytes() const override { return sizeof(*this) + heap_bytes(stage_) + heap_bytes(id_) + heap_bytes(label_); }

private:
    std::string id_;
    std::string label_;
    Stage stage_;       // the deleted stage with its touchpoints, while deleted
    int index_ = -1;    // where it stood; -1 when not applied
};

}  // namespace

std::unique_ptr<Command> add_stage(Stage stage, int index) { return std::make_unique<AddStage>(std::move(stage), index); }

std::unique_ptr<Command> delete_stage(const Map& map, const std::string& id) {
    const Stage* stage = find_stage(map, id);
    if (!stage) return nullptr;
    std::string label = stage->touchpoints.empty()
                            ? i18n::trf("Delete stage {name}", {{"name", quoted(stage->name)}})
                            : i18n::trn("Delete stage {name} and {n} touchpoints", static_cast<long long>(stage->touchpoints.size()),
                                        {{"name", quoted(stage->name)}});
    return std::make_unique<DeleteStage>(id, std::move(label));
}

std::unique_ptr<Command> move_stage(const Map& map, const std::string& id, int new_index) {
    const Stage* stage = find_stage(map, id);
    if (!stage) return nullptr;
    return make_move(map, &Map::stages, id, new_index, i18n::trf("Move stage {name}", {{"name", quoted(stage->name)}}));
}

}  // namespace jm
