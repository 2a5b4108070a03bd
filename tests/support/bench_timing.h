// Timing for the benchmarks: median and best of `runs`. On a shared machine the
// best run is the cost without other processes in the way, the median what a
// user meets. The benchmarks print these; nothing asserts on them.
#pragma once

#include <algorithm>
#include <chrono>
#include <vector>

namespace jm::testing {

struct Timing {
    double median = 0, best = 0;
};

template <typename F>
Timing timing_ms(int runs, F&& f) {
    std::vector<double> t;
    for (int i = 0; i < runs; ++i) {
        auto a = std::chrono::steady_clock::now();
        f();
        t.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - a).count());
    }
    std::sort(t.begin(), t.end());
    return {t[t.size() / 2], t.front()};
}

}  // namespace jm::testing
