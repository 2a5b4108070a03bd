// Running the built `journeymap` as a user does, for the CLI tests: a private
// temporary folder, shell quoting, and the exit code with both output streams.
#pragma once

#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>

namespace jm::testing {

inline std::string slurp(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::ostringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

inline std::string data_path(const std::string& relative) { return std::string(JM_SOURCE_DIR) + "/tests/data/" + relative; }
inline std::string data(const std::string& relative) { return slurp(data_path(relative)); }

inline std::string shell_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// A folder of its own (ctest runs test cases in parallel), removed with what is in it.
struct TempDir {
    std::string path;
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "jm_cli_XXXXXX").string();
        REQUIRE(mkdtemp(pattern.data()) != nullptr);
        path = pattern;
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::string file(const std::string& name, const std::string& text) const {
        const std::string p = path + "/" + name;
        std::ofstream(p, std::ios::binary) << text;
        return p;
    }
};

struct Run {
    int code = -1;
    std::string out;   // standard output
    std::string err;   // standard error
};

// The environment the CLI tests run `journeymap` in: LC_ALL=C, so that its
// messages are in English whatever language the machine running the tests is
// set to (LANG=es_ES.UTF-8 would make them Spanish).
inline constexpr const char* kEnglishEnvironment = "LC_ALL=C";

// Runs `journeymap ARGS` with standard input from `stdin_path`, with the
// variables of `environment` ("NAME=value ...", as a shell command line takes them).
inline Run run_cli(const TempDir& dir, const std::string& args, const std::string& stdin_path = "/dev/null",
                   const std::string& environment = kEnglishEnvironment) {
    const std::string err_path = dir.path + "/.stderr";
    const std::string command = environment + " " + shell_quote(JM_CLI_PATH) + " " + args + " < " +
                                shell_quote(stdin_path) + " 2> " + shell_quote(err_path);
    Run r;
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe);
    char buf[4096];
    for (std::size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;) r.out.append(buf, n);
    const int status = pclose(pipe);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.err = slurp(err_path);
    std::filesystem::remove(err_path);
    return r;
}

}  // namespace jm::testing
