// Runs saved inputs through a fuzz target's LLVMFuzzerTestOneInput without
// libFuzzer: the corpus replay that ctest runs on every native build, so that
// every seed keeps passing and every crash ever found stays fixed.
//
//   replay_<target> PATH...   PATH is a file or a folder (its files, recursively)
//
// Each input's name is printed before it runs, so a crash (an abort from
// fuzz_checks, or a sanitizer report) names the file that caused it.
// Exits 1 when no input was found: a misspelt folder must not pass as "nothing failed".
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> inputs_under(const fs::path& path) {
    std::vector<fs::path> out;
    if (fs::is_regular_file(path)) {
        out.push_back(path);
    } else if (fs::is_directory(path)) {
        for (const auto& entry : fs::recursive_directory_iterator(path))
            if (entry.is_regular_file()) out.push_back(entry.path());
    }
    std::sort(out.begin(), out.end());   // the same order on every machine
    return out;
}

std::vector<std::uint8_t> read_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t ran = 0;
    for (int i = 1; i < argc; ++i) {
        for (const fs::path& file : inputs_under(argv[i])) {
            std::printf("replay %s\n", file.string().c_str());
            std::fflush(stdout);   // the name must be out before a crash
            std::vector<std::uint8_t> bytes = read_bytes(file);
            // libFuzzer never passes a null pointer; an empty vector's data() may be one.
            bytes.reserve(1);
            LLVMFuzzerTestOneInput(bytes.data(), bytes.size());
            ++ran;
        }
    }
    if (ran == 0) {
        std::fprintf(stderr, "replay: no inputs found in the paths given\n");
        return 1;
    }
    std::printf("replayed %zu inputs\n", ran);
    return 0;
}
