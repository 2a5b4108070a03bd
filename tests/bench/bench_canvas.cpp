// The canvas's per-edit and per-frame costs on a 10,000-touchpoint map:
// building the layout (once per edit: wrapping every text through the cache),
// re-laying out after one edit, the cache's memory, and the culling and
// hit-tests a frame does. Prints figures; asserts nothing.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "support/large_map.h"
#include "support/realistic_text.h"
#include "ui/core/canvas_layout.h"
#include "support/bench_timing.h"
#include "ui/core/find.h"

using jm::testing::Timing;
using jm::testing::timing_ms;

namespace {

template <typename F>
double median_ms(int runs, F&& f) {
    return timing_ms(runs, f).median;
}

// Realistic card text: titles of 40-120 characters (two in three Spanish,
// Portuguese or English, one in three Chinese), 1-3 pain points per card.
void add_realistic_text(jm::Map& map) {
    jm::testing::RealisticText make(7);
    int n = 0;
    for (auto& stage : map.stages) {
        for (auto& t : stage.touchpoints) {
            t.title = n % 3 == 2 ? make.chinese(40, 120) : make.latin(40, 120);
            t.pains.clear();
            int pains = make.pick(1, 3);
            for (int i = 0; i < pains; ++i) t.pains.push_back((n + i) % 3 == 2 ? make.chinese(12, 40) : make.latin(20, 80));
            ++n;
        }
    }
}

}  // namespace

int main() {
    using namespace jm;
    Map map = testing::make_large_map({.stages = 20, .touchpoints = 10000, .personas = 20});
    add_realistic_text(map);
    std::vector<Lane> lanes = {Lane::Touchpoints, Lane::Doing, Lane::Emotion, Lane::Friction, Lane::Pains,
                               Lane::Opportunities, Lane::Kpis, Lane::Owners};
    // Inter's average advance is about 0.55 em, CJK 1 em.
    const ui::FixedWidthMetric metric(0.55f, 1.0f);
    ui::LayoutMetrics full;
    ui::LayoutMetrics compact;
    compact.card_detail = CardDetail::Compact;

    // A cold layout: every text broken into lines (opening a map, another font).
    ui::CanvasLayout layout;
    Timing cold = timing_ms(7, [&] {
        ui::CanvasLayout fresh;
        fresh.rebuild(map, lanes, full, metric);
        layout = std::move(fresh);
    });
    std::size_t lines = layout.text_cache().all_lines().size();
    std::size_t entries = layout.text_cache().entries();
    std::size_t cache_bytes = layout.text_cache().memory_bytes();
    std::size_t layout_bytes = layout.memory_bytes();

    // Nothing changed (another revision, same text): every text from the cache.
    Timing warm = timing_ms(30, [&] { layout.rebuild(map, lanes, full, metric); });

    // One edit: a character typed into one card's title, then the re-layout.
    int step = 0;
    Timing one_edit = timing_ms(30, [&] {
        std::string& title = map.stages[7].touchpoints[step % 50].title;
        title += (step++ % 2) ? "s" : "!";
        layout.rebuild(map, lanes, full, metric);
    });
    auto stats = layout.text_cache().last_pass();

    ui::CanvasLayout compact_layout;
    Timing compact_cold = timing_ms(7, [&] {
        ui::CanvasLayout fresh;
        fresh.rebuild(map, lanes, compact, metric);
        compact_layout = std::move(fresh);
    });

    // Per frame: culling a 1600x900 viewport at 100% somewhere in the middle.
    ui::Rect view{{3000, 40000}, {4600, 40900}};
    std::size_t visible = 0, visible_items = 0;
    double cull = median_ms(200, [&] {
        visible = visible_items = 0;
        for (int s = 0; s < layout.stage_count(); ++s) {
            if (!layout.stage_column(s).overlaps(view)) continue;
            auto [a, b] = layout.visible_cards(s, view.min.y, view.max.y);
            visible += static_cast<std::size_t>(b - a);
            for (int l = 0; l < static_cast<int>(layout.lanes().size()); ++l) {
                auto [i, j] = layout.visible_items(s, l, view.min.y, view.max.y);
                visible_items += static_cast<std::size_t>(j - i);
            }
        }
    });
    ui::Hit hit;
    double hits = median_ms(200, [&] {
        for (int i = 0; i < 1000; ++i) hit = layout.hit_test({3000.0f + i, 40000.0f + i * 0.9f});
    });
    std::size_t found = 0;
    double find = median_ms(20, [&] { found = ui::find_text(map, "Renewal").size(); });

    std::printf("map: 10,000 touchpoints, 20 stages, 20 personas; titles of 40-120 characters (1/3 Chinese), 1-3 pains each\n");
    std::printf("layout, cold cache (open a map):     %8.2f ms median, %7.2f best  (%zu texts, %zu lines)\n", cold.median,
                cold.best, entries, lines);
    std::printf("layout, compact detail, cold:        %8.2f ms median, %7.2f best\n", compact_cold.median, compact_cold.best);
    std::printf("layout, nothing changed (warm):      %8.2f ms median, %7.2f best\n", warm.median, warm.best);
    std::printf("re-layout after one title edit:      %8.2f ms median, %7.2f best  (%zu texts from the cache, %zu laid out)\n",
                one_edit.median, one_edit.best, stats.hits, stats.misses);
    std::printf("text cache memory:                   %8.2f MB  (whole layout %.2f MB)\n", cache_bytes / 1048576.0,
                layout_bytes / 1048576.0);
    std::printf("visible-card culling (per frame):    %8.4f ms  (%zu cards, %zu lane items visible)\n", cull, visible,
                visible_items);
    std::printf("1,000 hit-tests:                     %8.4f ms\n", hits);
    std::printf("find \"Renewal\" (%zu hits, capped):  %8.3f ms\n", found, find);
    std::printf("content size: %.0f x %.0f world px (full detail); %.0f px tall in compact\n", layout.content().width(),
                layout.content().height(), compact_layout.content().height());
    return hit.kind == ui::HitKind::None && visible == 0;
}
