// The files of tests/data, read whole, for the loader tests.
#pragma once

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

namespace jm::testing {

// tests/data/<relative> as bytes; fails the test when the file is missing.
inline std::string read_data(const std::string& relative) {
    std::ifstream f(std::string(JM_SOURCE_DIR) + "/tests/data/" + relative, std::ios::binary);
    REQUIRE(f.good());
    std::ostringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

}  // namespace jm::testing
