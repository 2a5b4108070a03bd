// Times compute_metrics on generated maps: median of 50 runs after a warm-up.
// Prints figures only; the target (< 2 ms for 10,000 touchpoints, 20 personas)
// is read by a person, never asserted.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "metrics/metrics.h"
#include "metrics/metrics_json.h"
#include "support/large_map.h"

namespace {

template <typename F>
double median_ms(int runs, F&& f) {
    std::vector<double> ms;
    f();  // warm-up: first-touch page faults are not what a user waits for on every edit
    for (int i = 0; i < runs; ++i) {
        auto t0 = std::chrono::steady_clock::now();
        f();
        auto t1 = std::chrono::steady_clock::now();
        ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

void bench(const char* label, const jm::testing::LargeMapSpec& spec) {
    const jm::Map map = jm::testing::make_large_map(spec);
    std::size_t sink = 0;
    const double all = median_ms(50, [&] { sink += jm::compute_metrics(map).hotspots.touchpoints.size(); });
    jm::MetricsOptions filtered;
    filtered.persona_id = "persona-3";
    const double one = median_ms(50, [&] { sink += jm::compute_metrics(map, filtered).hotspots.candidates; });
    const jm::MapMetrics metrics = jm::compute_metrics(map);
    const double json = median_ms(10, [&] { sink += jm::metrics_to_json(map, metrics).size(); });
    std::printf("%-34s compute_metrics %7.3f ms | with persona filter %7.3f ms | metrics_to_json %8.2f ms  (%zu)\n",
                label, all, one, json, sink % 10);
}

}  // namespace

int main() {
    bench("1,000 touchpoints, 7 stages, 5 personas", {.stages = 7, .touchpoints = 1000, .personas = 5});
    bench("10,000 touchpoints, 20 stages, 20 personas", {.stages = 20, .touchpoints = 10000, .personas = 20});
    return 0;
}
