// How long loading (parse + validate) and saving (canonical text) take for large
// maps, and how big the files are. Prints figures; asserts nothing about time.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "io/map_json.h"
#include "support/large_map.h"

namespace {

using Clock = std::chrono::steady_clock;

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

template <typename F>
double time_ms(F&& f) {
    const auto start = Clock::now();
    f();
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Returns false when the saved map does not load back equal: the figures would mean nothing.
bool bench(int touchpoints, int runs) {
    const jm::Map map = jm::testing::make_large_map({.stages = 20, .touchpoints = touchpoints, .personas = 20});
    std::string text = jm::save_map_json(map);
    std::vector<double> load_ms, save_ms, fast_ms, checked_ms;
    bool equal = true;
    for (int i = 0; i < runs; ++i) {
        std::string saved;
        save_ms.push_back(time_ms([&] { saved = jm::save_map_json(map); }));
        jm::LoadResult loaded;
        load_ms.push_back(time_ms([&] { loaded = jm::load_map_json(text); }));
        equal = equal && saved == text && loaded.ok() && *loaded.map == map;
        // The two readers behind load_map_json: the fast one (straight into the
        // model) and the checked one (a JSON document, then validation).
        std::optional<jm::LoadResult> fast;
        fast_ms.push_back(time_ms([&] { fast = jm::load_map_json_fast(text); }));
        checked_ms.push_back(time_ms([&] { loaded = jm::load_map_json_checked(text); }));
        equal = equal && fast && *fast->map == map && loaded.ok() && *loaded.map == map;
    }
    std::printf("%6d touchpoints: %10zu bytes (%7.1f KiB), load %8.2f ms, save %8.2f ms  (median of %d runs)%s\n",
                touchpoints, text.size(), text.size() / 1024.0, median(load_ms), median(save_ms), runs,
                equal ? "" : "  ROUND TRIP FAILED");
    std::printf("%6s  parse: fast reader %8.2f ms, checked reader (JSON document + validation) %8.2f ms\n", "",
                median(fast_ms), median(checked_ms));
    return equal;
}

}  // namespace

int main() {
    std::printf("bench_io: 20 stages, 20 personas, every touchpoint with surveys, pains and personas\n");
    bool ok = bench(1000, 9);
    ok = bench(10000, 5) && ok;
    return ok ? 0 : 1;
}
