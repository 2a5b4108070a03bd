// Words for changes, merge conflicts and comparisons shown to a person: the kind
// of an entity, the entity by its name, a field of the file format by its label
// in the editor, and a field value as short text. Shared by `journeymap diff`
// and `merge`, the Compare view and the merge conflicts panel.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "edit/map_change.h"
#include "model/map.h"

namespace jm {

// "Touchpoint", "Stage", "Business figures"... (translated).
const char* kind_label(EntityKind kind);

// The entity's name in the first map of `maps` that has it ("" when none has).
std::string entity_name(EntityKind kind, const std::string& id, const std::vector<const Map*>& maps);

// `Touchpoint "Demo call" (tp-1)`: the kind, the name and the id (for text output).
std::string entity_label(EntityKind kind, const std::string& id, const std::vector<const Map*>& maps);

// The label of a field key (edit/map_change.h) as the inspector names it:
// "title" -> "Title", "survey.nps" -> "NPS answers (0-10)"; a key the editor
// does not know (a field another tool added) is shown as it is.
std::string field_label(EntityKind kind, const std::string& key);

// A field value as short text: strings as they are, lists joined, null as "-",
// anything else as compact JSON; cut to `max_chars` characters.
std::string value_text(const nlohmann::json& value, std::size_t max_chars = 60);

}  // namespace jm
