// Find (Ctrl+F) on a 10,000-touchpoint map: the find bar runs find_text on every
// frame it is open, so this is a per-frame cost. Texts as in bench_canvas
// (titles of 40-120 characters, two in three Spanish/Portuguese/English, one in
// three Chinese; 1-3 pains per card) plus a description per card. Also the cost
// of folding alone (ui/core/text_fold.h). Prints figures; asserts nothing.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "support/large_map.h"
#include "support/realistic_text.h"
#include "support/bench_timing.h"
#include "ui/core/find.h"
#include "ui/core/text_fold.h"

using jm::testing::Timing;
using jm::testing::timing_ms;

namespace {

std::size_t add_realistic_text(jm::Map& map) {
    jm::testing::RealisticText make(11);
    int n = 0;
    std::size_t bytes = 0;
    for (auto& stage : map.stages) {
        for (auto& t : stage.touchpoints) {
            t.title = n % 3 == 2 ? make.chinese(40, 120) : make.latin(40, 120);
            t.description = n % 3 == 2 ? make.chinese(20, 60) : make.latin(40, 160);
            t.pains.clear();
            int pains = make.pick(1, 3);
            for (int i = 0; i < pains; ++i) t.pains.push_back((n + i) % 3 == 2 ? make.chinese(12, 40) : make.latin(20, 80));
            bytes += t.title.size() + t.description.size() + t.doing.size() + t.thinking.size() + t.channel.size() +
                     t.owner.size() + t.backstage.size();
            for (const auto& p : t.pains) bytes += p.size();
            for (const auto& o : t.opportunities) bytes += o.size();
            for (const auto& q : t.evidence.quotes) bytes += q.size();
            ++n;
        }
    }
    return bytes;
}

}  // namespace

int main() {
    using namespace jm;
    Map map = testing::make_large_map({.stages = 20, .touchpoints = 10000, .personas = 20});
    const std::size_t bytes = add_realistic_text(map);
    std::printf("map: 10,000 touchpoints, %.2f MB of touchpoint text (1/3 Chinese)\n", bytes / 1048576.0);

    struct Query {
        const char* text;
        const char* note;
    };
    const Query queries[] = {
        {"zzqx", "no match (full scan)"},
        {"REVISAO", "unaccented capitals"},
        {"revisão", "exact spelling"},
        {"决策者", "Chinese"},
        {"Security review", "ASCII, 121 hits"},
    };
    for (const auto& q : queries) {
        std::size_t found = 0;
        Timing t = timing_ms(15, [&] { found = ui::find_text(map, q.text).size(); });
        std::printf("find %-20s %3zu hits%s  %8.2f ms median, %7.2f best   (%s)\n", q.note, found,
                    found >= 500 ? " (cap)" : "      ", t.median, t.best, q.text);
    }

    // Folding alone: every touchpoint text, into one scratch string.
    std::vector<const std::string*> texts;
    for (const auto& s : map.stages) {
        for (const auto& t : s.touchpoints) {
            for (const std::string* f : {&t.title, &t.description, &t.doing, &t.thinking, &t.channel, &t.owner, &t.backstage})
                texts.push_back(f);
            for (const auto& p : t.pains) texts.push_back(&p);
            for (const auto& o : t.opportunities) texts.push_back(&o);
        }
    }
    std::string scratch;
    std::size_t folded = 0;
    Timing fold = timing_ms(15, [&] {
        folded = 0;
        for (const std::string* t : texts) folded += ui::fold_for_search(*t, scratch).size();
    });
    std::printf("fold every touchpoint text:  %.2f MB -> %.2f MB  %8.2f ms median, %7.2f best  (%.0f MB/s)\n", bytes / 1048576.0,
                folded / 1048576.0, fold.median, fold.best, bytes / 1048576.0 / (fold.best / 1000.0));
    std::size_t ranged = 0;
    Timing offsets = timing_ms(5, [&] {
        ranged = 0;
        for (const std::string* t : texts) ranged += ui::fold_with_offsets(*t).source_offset.size();
    });
    std::printf("fold with source offsets:    (for hits only)   %8.2f ms median, %7.2f best\n", offsets.median, offsets.best);
    return 0;
}
