// Fuzz target: the map file loader (File > Open, drop, the library, the CLI).
// Any bytes either load into a map that keeps every promise of fuzz_checks.h, or
// are refused with at least one problem and no map.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_checks.h"
#include "io/map_json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const jm::LoadResult loaded = jm::load_map_json(jm::fuzz::as_text(data, size));
    jm::fuzz::require(loaded.problems.size() <= jm::kMaxProblems, "more problems reported than kMaxProblems");
    if (!loaded.ok()) {
        jm::fuzz::require(!loaded.problems.empty(), "a file that does not load names no problem");
        return 0;
    }
    jm::fuzz::require(loaded.problems.empty(), "a map loaded although problems were reported");
    jm::fuzz::check_map(*loaded.map);
    return 0;
}
