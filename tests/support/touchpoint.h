// A touchpoint with only what the metrics tests vary: friction and emotion.
#pragma once

#include <string>

#include "model/map.h"

namespace jm::testing {

inline Touchpoint touchpoint(const std::string& id, int friction, int emotion) {
    Touchpoint tp;
    tp.id = id;
    tp.title = "Title " + id;
    tp.friction = friction;
    tp.emotion = emotion;
    return tp;
}

}  // namespace jm::testing
