// The suite itself: catch_discover_tests hands every test case to ctest by its
// name, and ctest splits a name at ';' into two filters that match nothing, so
// such a case "passes" without running. No test case name may hold one.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

TEST_CASE("no test case name holds a semicolon (ctest would skip it)", "[suite]") {
    const std::regex test_case(R"re(TEST_CASE\(\s*"((?:[^"\\]|\\.)*)")re");
    std::vector<std::string> bad;
    int seen = 0;
    for (const auto& entry : fs::directory_iterator(fs::path(JM_SOURCE_DIR) / "tests" / "unit")) {
        if (entry.path().extension() != ".cpp") continue;
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        const std::string s = text.str();
        for (auto it = std::sregex_iterator(s.begin(), s.end(), test_case); it != std::sregex_iterator(); ++it) {
            ++seen;
            if ((*it)[1].str().find(';') != std::string::npos) bad.push_back(entry.path().filename().string() + ": " + (*it)[1].str());
        }
    }
    CHECK(seen > 400);   // the scan found the suite
    INFO("rename these test cases (a ',' or ':' reads the same):");
    for (const auto& b : bad) INFO(b);
    CHECK(bad.empty());
}
