#pragma once

#include <optional>
#include <string>

#include "model/map.h"

namespace jm::ui {

// A new map from an embedded template, with a fresh id and creation time.
std::optional<Map> map_from_template(const std::string& name, std::string& error);

// The "New map" modal; opens when `open` is set. Returns the map the user picked.
std::optional<Map> draw_new_map_dialog(bool& open);

}  // namespace jm::ui
