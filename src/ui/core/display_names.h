// Names the editor shows for values the file stores as keys: a channel
// ("search", "sales call"), a friction level (3) and a field that Find matched
// ("business_voice").
// The file keeps the keys; only what is drawn is in the UI's language.
#pragma once

#include <string>
#include <string_view>

namespace jm::ui {

// One of known_channels() in the UI's language ("search" -> "búsqueda");
// any other channel as the user typed it.
std::string channel_name(std::string_view channel);

// The short badge of a friction level on cards and in the poster's legend:
// "F3" in English, Spanish and Portuguese, "摩擦3" in Chinese.
std::string friction_badge(int level);

// A FindHit's field ("title", "business_voice", ...) by the label the
// inspector gives it ("Title", "Voice of the business"), in the UI's language;
// an unknown field as it is.
std::string find_field_name(std::string_view field);

}  // namespace jm::ui
