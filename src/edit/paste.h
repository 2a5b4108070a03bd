// Cards from another map (the clipboard, in the editor's copy format) entering a
// map: the rules Ctrl+V follows, kept here so the editor and the paste fuzzer
// (tests/fuzz/fuzz_paste.cpp) run the same code.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "model/map.h"

namespace jm {

// Ids unused in `map` and distinct from each other, for `n` new cards.
std::vector<std::string> fresh_card_ids(const Map& map, std::size_t n);

// Every card of `source`, stage after stage.
std::vector<Touchpoint> cards_of(const Map& source);

struct AdoptedCards {
    std::vector<Touchpoint> cards;       // with fresh ids and `target`'s persona ids
    std::vector<Persona> new_personas;   // to add before the cards: named by them, missing in `target`
};

// Gives `cards` (taken from `source`) ids unused in `target`, and points each
// persona they name at `target`'s: the same id, else a persona of the same name,
// else a copy of `source`'s persona (under a fresh id when its own is taken); a
// persona `source` lacks too is dropped, so no reference dangles.
AdoptedCards adopt_cards(const Map& target, const Map& source, std::vector<Touchpoint> cards);

}  // namespace jm
