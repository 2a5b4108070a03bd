// Adding, deleting and moving personas. Deleting one strips its id from every
// touchpoint in the same step and remembers each spot, so undo is exact.
#include <algorithm>
#include <unordered_map>

#include "i18n/i18n.h"
#include "edit/command_support.h"
#include "edit/commands.h"
#include "edit/move_command.h"

namespace jm {

using namespace edit_detail;

namespace {

class AddPersona : public Command {
public:
    AddPersona(Persona p, int index)
        : persona_(std::move(p)), id_(persona_.id), index_(index), label_(i18n::trf("Add persona {name}", {{"name", quoted(persona_.name)}})) {}
    std::string label() const override { return label_; }
    void apply(Map& m) override {
        in_map_ = ids_are_free(m, {&persona_.id});
        if (in_map_) m.personas.insert(m.personas.begin() + clamp_index(index_, m.personas.size()), std::move(persona_));
    }
    void revert(Map& m) override {
        if (!in_map_) return;
        int i = index_of(m.personas, id_);
        if (i >= 0) {
            persona_ = std::move(m.personas[i]);
            m.personas.erase(m.personas.begin() + i);
        }
        in_map_ = false;
    }
    bool had_effect() const override { return in_map_; }
    std::size_t memory_bytes() const override {
        return sizeof(*this) + heap_bytes(persona_) + heap_bytes(id_) + heap_bytes(label_);
    }

private:
    Persona persona_;   // empty while it is in the map
    std::string id_;
    int index_;
    std::string label_;
    bool in_map_ = false;
};

class DeletePersona : public Command {
public:
    // Where the deleted id stood in one touchpoint's persona_ids (ascending;
    // more than one only if the file repeated it).
    struct Mention {
        std::string touchpoint_id;
        std::vector<int> positions;
    };

    DeletePersona(std::string id, std::string label) : id_(std::move(id)), label_(std::move(label)) {}
    std::string label() const override { return label_; }
    void apply(Map& m) override {
        index_ = index_of(m.personas, id_);
        if (index_ < 0) return;
        persona_ = std::move(m.personas[index_]);
        m.personas.erase(m.personas.begin() + index_);
        strip_mentions(m);
    }
    void revert(Map& m) override {
        if (index_ < 0) return;
        m.personas.insert(m.personas.begin() + clamp_index(index_, m.personas.size()), std::move(persona_));
        restore_mentions(m);
        persona_ = Persona{};
        index_ = -1;
    }
    bool had_effect() const override { return index_ >= 0; }
    std::size_t memory_bytes() const override {
        std::size_t n = sizeof(*this) + heap_bytes(id_) + heap_bytes(label_) + heap_bytes(persona_);
        n += mentions_.capacity() * sizeof(Mention);
        for (const auto& x : mentions_) n += heap_bytes(x.touchpoint_id) + x.positions.capacity() * sizeof(int);
        return n;
    }

private:
    void strip_mentions(Map& m) {
        mentions_.clear();
        for (auto& stage : m.stages)
            for (auto& t : stage.touchpoints) {
                Mention mention{t.id, {}};
                for (int i = 0; i < static_cast<int>(t.persona_ids.size()); ++i)
                    if (t.persona_ids[i] == id_) mention.positions.push_back(i);
                if (mention.positions.empty()) continue;
                std::erase(t.persona_ids, id_);
                mentions_.push_back(std::move(mention));
            }
    }
    void restore_mentions(Map& m) {
        std::unordered_map<std::string_view, const Mention*> by_touchpoint;
        for (const auto& x : mentions_) by_touchpoint.emplace(x.touchpoint_id, &x);
        for (auto& stage : m.stages)
            for (auto& t : stage.touchpoints) {
                auto hit = by_touchpoint.find(t.id);
                if (hit == by_touchpoint.end()) continue;
                // Ascending positions: each insert lands where the id was.
                for (int at : hit->second->positions)
                    t.persona_ids.insert(t.persona_ids.begin() + clamp_index(at, t.persona_ids.size()), id_);
            }
        mentions_.clear();
    }

    std::string id_;
    std::string label_;
    Persona persona_;                // while deleted
    int index_ = -1;                 // where it stood; -1 when not applied
    std::vector<Mention> mentions_;  // while deleted
};

std::size_t touchpoints_naming(const Map& map, const std::string& persona_id) {
    std::size_t n = 0;
    for (const auto& s : map.stages)
        for (const auto& t : s.touchpoints)
            n += std::find(t.persona_ids.begin(), t.persona_ids.end(), persona_id) != t.persona_ids.end();
    return n;
}

}  // namespace

std::unique_ptr<Command> add_persona(Persona persona, int index) {
    return std::make_unique<AddPersona>(std::move(persona), index);
}

std::unique_ptr<Command> delete_persona(const Map& map, const std::string& id) {
    const Persona* persona = find_persona(map, id);
    if (!persona) return nullptr;
    const std::size_t n = touchpoints_naming(map, id);
    std::string label = n ? i18n::trn("Delete persona {name} (on {n} touchpoints)", static_cast<long long>(n), {{"name", quoted(persona->name)}})
                          : i18n::trf("Delete persona {name}", {{"name", quoted(persona->name)}});
    return std::make_unique<DeletePersona>(id, std::move(label));
}

std::unique_ptr<Command> move_persona(const Map& map, const std::string& id, int new_index) {
    const Persona* persona = find_persona(map, id);
    if (!persona) return nullptr;
    return make_move(map, &Map::personas, id, new_index, i18n::trf("Move persona {name}", {{"name", quoted(persona->name)}}));
}

}  // namespace jm
