// The editor's compare mode (EditorState::compare): the comparison under way
// (ui/core/comparison.h) and what the views ask of the app. Apart from the
// comparison's own header so that the editor state, which every panel
// includes, does not bring in the JSON library.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace jm::ui {

class Comparison;

struct CompareState {
    std::shared_ptr<Comparison> current;   // none: not comparing
    std::string map_id;                    // the open map's id when it began: opening another map ends it
    bool related = true;                   // the file is a version of the open map (same id, or lineage)
    std::vector<std::string> notices;      // what reading the file said (e.g. read as Windows-1252)
    bool show_list = false;                // the Compare window
    bool request_pick = false;             // asked from the keyboard: the app opens the file picker
    bool active() const { return current != nullptr; }
};

}  // namespace jm::ui
