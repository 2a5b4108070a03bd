#pragma once

#include <vector>

namespace jm::ui {

struct ShortcutHelp {
    const char* group;
    const char* keys;
    const char* action;
};

// Every keyboard shortcut, for the help window.
const std::vector<ShortcutHelp>& shortcut_help();

}  // namespace jm::ui
