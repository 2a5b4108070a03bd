// The canvas's per-edit and per-frame costs on a 10,000-touchpoint map:
// building the layout (once per edit) and the culling and hit-tests a frame does.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "support/large_map.h"
#include "ui/core/canvas_layout.h"
#include "ui/core/find.h"

namespace {

template <typename F>
double median_ms(int runs, F&& f) {
    std::vector<double> t;
    for (int i = 0; i < runs; ++i) {
        auto a = std::chrono::steady_clock::now();
        f();
        t.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - a).count());
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

}  // namespace

int main() {
    using namespace jm;
    Map map = testing::make_large_map({.stages = 20, .touchpoints = 10000, .personas = 20});
    std::vector<Lane> lanes = {Lane::Touchpoints, Lane::Doing, Lane::Emotion, Lane::Friction, Lane::Pains,
                               Lane::Opportunities, Lane::Kpis, Lane::Owners};
    ui::CanvasLayout layout;
    double build = median_ms(50, [&] { layout = ui::CanvasLayout(map, lanes); });
    // A 1600x900 viewport at 100% somewhere in the middle of the map.
    ui::Rect view{{3000, 20000}, {4600, 20900}};
    std::size_t visible = 0;
    double cull = median_ms(200, [&] {
        visible = 0;
        for (int s = 0; s < layout.stage_count(); ++s) {
            if (!layout.stage_column(s).overlaps(view)) continue;
            auto [a, b] = layout.visible_cards(s, view.min.y, view.max.y);
            visible += static_cast<std::size_t>(b - a);
        }
    });
    ui::Hit hit;
    double hits = median_ms(200, [&] {
        for (int i = 0; i < 1000; ++i) hit = layout.hit_test({3000.0f + i, 20000.0f + i * 0.9f});
    });
    std::size_t found = 0;
    double find = median_ms(20, [&] { found = ui::find_text(map, "Renewal").size(); });
    std::printf("map: 10,000 touchpoints, 20 stages, 20 personas\n");
    std::printf("layout build (once per edit):        %8.3f ms\n", build);
    std::printf("visible-card culling (per frame):    %8.4f ms  (%zu cards visible of 10,000)\n", cull, visible);
    std::printf("1,000 hit-tests:                     %8.4f ms\n", hits);
    std::printf("find \"Renewal\" (%zu hits, capped):  %8.3f ms\n", found, find);
    std::printf("content size: %.0f x %.0f world px\n", layout.content().width(), layout.content().height());
    return hit.kind == ui::HitKind::None && visible == 0;
}
