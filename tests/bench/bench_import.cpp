// How long the importers (map JSON, Mermaid, CSV) take on ordinary and hostile
// inputs of about 0.1, 1 and 4 MB, to show that time grows linearly with the
// input (issue 10: a 1 MB Mermaid file with many sections of one name did not
// finish in 2 minutes). Prints figures; asserts nothing about time. CPU time
// is printed beside wall time: on a machine busy with other work it is the
// figure that still says how the cost grows with the input.
//
//   bench_import            every case
//   bench_import WORD       only the cases whose name contains WORD
//   bench_import WORD RUNS  ... timed RUNS times each (default 5; 3 for 4 MB)
//
// "rejected" is an expected outcome for hostile inputs over a limit of
// src/io/limits.h: the point is that the answer comes quickly.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "io/csv.h"
#include "io/map_json.h"
#include "io/mermaid.h"
#include "support/large_map.h"

namespace {

using Clock = std::chrono::steady_clock;

// ---- Inputs: each generator writes lines until the text reaches `bytes` ----------

template <typename Line>
std::string fill(std::string text, std::size_t bytes, Line&& line) {
    for (std::size_t i = 0; text.size() < bytes; ++i) text += line(i);
    return text;
}

std::string mermaid_ordinary(std::size_t bytes) {
    return fill("journey\n  title Ordinary journey\n", bytes, [](std::size_t i) {
        std::string s = i % 50 == 0 ? "  section Stage " + std::to_string(i / 50) + "\n" : "";
        return s + "    Task number " + std::to_string(i) + ": " + std::to_string(i % 5 + 1) + ": Persona " +
               std::to_string(i % 20) + ", Persona " + std::to_string((i + 7) % 20) + "\n";
    });
}

// Every section has the same name: each stage id needs a fresh "-N" suffix.
std::string mermaid_same_sections(std::size_t bytes) {
    return fill("journey\n", bytes, [](std::size_t) { return std::string("  section Awareness\n    Read: 3: Ana\n"); });
}

// Every task a new actor whose name has the same slug ("ana"): one persona id suffix each.
std::string mermaid_same_slug_actors(std::size_t bytes) {
    return fill("journey\n  section S\n", bytes, [](std::size_t i) {
        std::string name = "Ana ";
        for (std::size_t n = i + 1; n > 0; n /= 64) name += "\xE4\xB8" + std::string(1, static_cast<char>(0x80 + n % 64));
        return "    T: 3: " + name + "\n";
    });
}

// One task name made of Mermaid's entity placeholder openings that never close.
std::string mermaid_open_placeholders(std::size_t bytes) {
    return fill("journey\n    ", bytes, [](std::size_t) { return std::string("\xEF\xAC\x82\xC2\xB0\xC2\xB0"); }) + ": 3\n";
}

std::string csv_ordinary(std::size_t bytes) {
    return fill("stage,stage_order,title,description,personas,friction,emotion,pains\n", bytes, [](std::size_t i) {
        const std::string stage = std::to_string(i % 10 + 1);
        return "Stage " + stage + "," + stage + ",Touchpoint " + std::to_string(i) + ",\"Said: \"\"fine, thanks\"\"\",Persona " +
               std::to_string(i % 20) + "; Persona " + std::to_string((i + 3) % 20) + "," + std::to_string(i % 6) + "," +
               std::to_string(static_cast<int>(i % 5) - 2) + ",Slow | Costly\n";
    });
}

// Rows spread over 9,000 stages (under the limit) in turn: each row finds its stage among thousands.
std::string csv_many_stages(std::size_t bytes) {
    return fill("stage,stage_order,title\n", bytes, [](std::size_t i) {
        const std::string n = std::to_string(i % 9000 + 1);
        return "Stage " + n + "," + n + ",T\n";
    });
}

// Stages of one name and a new order each: one list of stages named "A", searched on every row.
std::string csv_one_name_many_orders(std::size_t bytes) {
    return fill("stage,stage_order,title\n", bytes, [](std::size_t i) { return "A," + std::to_string(i % 9000 + 1) + ",T\n"; });
}

std::string json_ordinary(std::size_t bytes) {
    // About 1.1 KB per generated touchpoint.
    const int touchpoints = std::max(1, static_cast<int>(bytes / 1100));
    return jm::save_map_json(jm::testing::make_large_map({.stages = 10, .touchpoints = touchpoints, .personas = 20}));
}

// Nesting inside a field the program does not know, as the fuzzer found.
std::string json_deep_unknown(std::size_t bytes) {
    const std::string head = R"({"format":"journeymap","version":1,"id":"m","title":"T","stages":[],"personas":[],"x":)";
    const std::size_t depth = (bytes - std::min(bytes, head.size())) / 2;
    return head + std::string(depth, '[') + std::string(depth, ']') + "}";
}

// ---- Running ----------------------------------------------------------------------

struct Outcome {
    bool imported = false;
    std::string first_problem;
};

template <typename Result>
Outcome text_outcome(const Result& r) {
    return {r.map.has_value(), r.problems.empty() ? "" : r.problems.front().where() + ": " + r.problems.front().message};
}

Outcome load_outcome(const jm::LoadResult& r) {
    return {r.ok(), r.problems.empty() ? "" : r.problems.front().path + " " + r.problems.front().message};
}

struct Case {
    const char* name;
    std::function<std::string(std::size_t)> make;
    std::function<Outcome(const std::string&)> import;
};

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

void run(const Case& c, std::size_t bytes, int runs) {
    const std::string text = c.make(bytes);
    std::vector<double> ms, cpu_ms;
    Outcome outcome;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        const std::clock_t cpu_start = std::clock();
        outcome = c.import(text);
        cpu_ms.push_back(1000.0 * static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC);
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::string what = outcome.imported ? "imported" : "rejected: " + outcome.first_problem;
    if (what.size() > 60) what = what.substr(0, 57) + "...";
    const double mb = static_cast<double>(text.size()) / 1e6;
    std::printf("%-27s %5.2f MB %9.1f ms %9.1f ms cpu %7.1f cpu ms/MB  %s\n", c.name, mb, median(ms), median(cpu_ms),
                median(cpu_ms) / mb, what.c_str());
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    const std::string filter = argc > 1 ? argv[1] : "";
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 0;
    const auto mermaid = [](const std::string& t) { return text_outcome(jm::import_mermaid(t)); };
    const auto csv = [](const std::string& t) { return text_outcome(jm::import_csv(t)); };
    const auto json = [](const std::string& t) { return load_outcome(jm::load_map_json(t)); };
    const std::vector<Case> cases = {
        {"mermaid ordinary", mermaid_ordinary, mermaid},
        {"mermaid same-name sections", mermaid_same_sections, mermaid},
        {"mermaid same-slug actors", mermaid_same_slug_actors, mermaid},
        {"mermaid open placeholders", mermaid_open_placeholders, mermaid},
        {"csv ordinary", csv_ordinary, csv},
        {"csv 9,000 stages in turn", csv_many_stages, csv},
        {"csv one name, many orders", csv_one_name_many_orders, csv},
        {"json ordinary", json_ordinary, json},
        {"json deep unknown field", json_deep_unknown, json},
    };
    std::printf("bench_import: median time per import (%s), native build\n",
                runs ? (std::to_string(runs) + " runs").c_str() : "5 runs; 3 for 4 MB");
    for (const Case& c : cases) {
        if (std::string(c.name).find(filter) == std::string::npos) continue;
        for (std::size_t bytes : {100'000u, 1'000'000u, 4'000'000u}) run(c, bytes, runs ? runs : bytes > 2'000'000 ? 3 : 5);
    }
    return 0;
}
