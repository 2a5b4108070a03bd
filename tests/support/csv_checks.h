// Checks shared by the CSV tests: a text that must import, one that must not.
#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "io/csv.h"

namespace jm::testing {

// The map `text` imports to; fails the test (showing every problem) when it does not.
inline jm::Map imported(const std::string& text) {
    jm::CsvImport r = jm::import_csv(text);
    INFO(text);
    for (const auto& p : r.problems) INFO(p.where() + ": " + p.message);
    REQUIRE(r.problems.empty());
    REQUIRE(r.map);
    return *r.map;
}

// The problems of a text that must not import, as "where: what".
inline std::vector<std::string> where_and_what(const std::string& text) {
    jm::CsvImport r = jm::import_csv(text);
    CHECK_FALSE(r.map);
    std::vector<std::string> out;
    for (const auto& p : r.problems) out.push_back(p.where() + ": " + p.message);
    return out;
}

}  // namespace jm::testing
