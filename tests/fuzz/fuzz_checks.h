// What every fuzz target checks once an input has become a map. Each check is a
// promise the product makes, so a broken promise aborts (libFuzzer then keeps the
// input as a crash) with a message saying which promise and where:
//   - a loaded map saves, loads back equal, and saves to the same bytes again;
//   - Mermaid and CSV exports never throw and read back with every card;
//   - no metric is NaN or infinite, a missing figure always says why, and the
//     metrics JSON can be written (it throws on text that is not UTF-8).
// The checks abort in every build type: they must not vanish with NDEBUG, since
// the corpus replay runs them in the ordinary Release build too.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "model/map.h"

namespace jm::fuzz {

// Prints "fuzz check failed: <what>: <detail>" to stderr and aborts.
[[noreturn]] void fail(std::string_view what, std::string_view detail = {});

inline void require(bool ok, std::string_view what, std::string_view detail = {}) {
    if (!ok) fail(what, detail);
}

// libFuzzer's bytes as text, without copying.
inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// save -> load -> equal -> save gives the same bytes. Returns the saved text.
std::string check_round_trip(const Map& map);

// export_mermaid and export_csv succeed and import back with the same stages and
// cards (the formats' documented promise for the project's own exports).
void check_exports(const Map& map);

// compute_metrics (whole map, and filtered by the first persona when there is
// one): every number finite and in its range, every missing figure with a reason;
// the metrics JSON (same rules, and strict UTF-8) and the text table written
// without an exception.
void check_metrics(const Map& map);

// All three, for a map an importer or the loader accepted.
void check_map(const Map& map);

}  // namespace jm::fuzz
