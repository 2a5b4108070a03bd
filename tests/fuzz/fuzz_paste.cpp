// Fuzz target: pasting cards from the clipboard (Ctrl+V in the editor).
//
// The editor's paste (ui::paste_cards in src/ui/editor_actions.cpp) is ImGui-side
// code, so this target runs the same steps through the core functions it is
// made of: the clipboard text is read as a map file; edit/paste.h adopts its
// cards (fresh ids, personas matched by id, then by name, else added); all of it
// is one History group, pasted at the end of the target's first stage.
//
// The pasted map must keep every promise of fuzz_checks.h (so no card names a
// persona the map lacks and no id is used twice: the loader refuses both), undo
// must give back the map before the paste exactly, and redo the pasted one.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "edit/commands.h"
#include "edit/history.h"
#include "edit/paste.h"
#include "fuzz/fuzz_checks.h"
#include "io/map_json.h"
#include "io/templates.h"

namespace {

using namespace jm;

// The map the cards are pasted into: a template with stages, cards and personas,
// so that persona matching by id and by name both get exercised.
const Map& target_map() {
    static const Map map = [] {
        for (const EmbeddedTemplate& t : embedded_templates()) {
            LoadResult r = load_map_json(t.json);
            if (r.ok() && !r.map->stages.empty() && !r.map->personas.empty()) return *r.map;
        }
        fuzz::fail("no embedded template has stages and personas to paste into");
    }();
    return map;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const LoadResult clip = load_map_json(fuzz::as_text(data, size));
    if (!clip.ok()) return 0;   // "The clipboard holds no journey-map cards."
    std::vector<Touchpoint> cards = cards_of(*clip.map);
    if (cards.empty()) return 0;

    const Map& before = target_map();
    Map map = before;
    History history;
    const std::size_t pasted = cards.size();
    {
        HistoryGroup group(history, "Paste");
        AdoptedCards adopted = adopt_cards(map, *clip.map, std::move(cards));
        for (Persona& p : adopted.new_personas)
            history.execute(map, add_persona(std::move(p), static_cast<int>(map.personas.size())));
        const Stage& first = map.stages.front();
        history.execute(map, add_touchpoints(first.id, static_cast<int>(first.touchpoints.size()), std::move(adopted.cards)));
    }
    fuzz::require(touchpoint_count(map) == touchpoint_count(before) + pasted, "paste lost or added cards");
    fuzz::require(history.size() == 1, "a paste is not one undo step");
    fuzz::check_map(map);

    const Map after = map;
    fuzz::require(history.undo(map) && map == before, "undoing a paste does not restore the map");
    fuzz::require(history.redo(map) && map == after, "redoing a paste does not give the pasted map");
    return 0;
}
