#include "edit/paste.h"

#include <algorithm>
#include <map>

namespace jm {

namespace {

// The persona a pasted card's persona id stands for in the target map.
class PersonaMatcher {
public:
    PersonaMatcher(const Map& target, const Map& source) : target_(target), source_(source) {}

    std::string resolve(const std::string& pid) {
        if (auto it = resolved_.find(pid); it != resolved_.end()) return it->second;
        std::string id;
        if (find_persona(target_, pid)) id = pid;   // the same persona: ids are stable across maps
        else if (const Persona* theirs = find_persona(source_, pid)) id = match_or_add(*theirs);
        resolved_[pid] = id;
        return id;
    }

    std::vector<Persona> added;

private:
    std::string match_or_add(const Persona& theirs) {
        auto same_name = std::find_if(target_.personas.begin(), target_.personas.end(),
                                      [&](const Persona& p) { return p.name == theirs.name; });
        if (same_name != target_.personas.end()) return same_name->id;
        Persona copy = theirs;
        // Keep the id unless something else in the target (or an earlier copy) uses it.
        auto taken = [&](const std::string& id) {
            return id_in_use(target_, id) ||
                   std::any_of(added.begin(), added.end(), [&](const Persona& p) { return p.id == id; });
        };
        while (taken(copy.id)) copy.id = new_id(target_, "persona");   // random: ends at once
        added.push_back(copy);
        return copy.id;
    }

    const Map& target_;
    const Map& source_;
    std::map<std::string, std::string> resolved_;   // source persona id -> target id ("" = drop)
};

}  // namespace

std::vector<std::string> fresh_card_ids(const Map& map, std::size_t n) {
    std::vector<std::string> ids;
    while (ids.size() < n) {
        std::string id = new_id(map, "tp");
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    }
    return ids;
}

std::vector<Touchpoint> cards_of(const Map& source) {
    std::vector<Touchpoint> cards;
    for (const Stage& s : source.stages)
        for (const Touchpoint& t : s.touchpoints) cards.push_back(t);
    return cards;
}

AdoptedCards adopt_cards(const Map& target, const Map& source, std::vector<Touchpoint> cards) {
    PersonaMatcher personas(target, source);
    const std::vector<std::string> ids = fresh_card_ids(target, cards.size());
    for (std::size_t i = 0; i < cards.size(); ++i) {
        Touchpoint& card = cards[i];
        card.id = ids[i];
        std::vector<std::string> mine;
        for (const std::string& pid : card.persona_ids) {
            const std::string id = personas.resolve(pid);
            if (!id.empty() && std::find(mine.begin(), mine.end(), id) == mine.end()) mine.push_back(id);
        }
        card.persona_ids = std::move(mine);
    }
    return {std::move(cards), std::move(personas.added)};
}

}  // namespace jm
