// `journeymap metrics FILE`: every metric of a map, as a table or as JSON.
#include <cstdlib>
#include <ostream>

#include "cli/command.h"
#include "io/map_json.h"
#include "metrics/metrics.h"
#include "metrics/metrics_json.h"

namespace jm::cli {

namespace {

constexpr const char* kHelp =
    "usage: journeymap metrics FILE [--format table|json] [--persona ID] [--top N]\n"
    "\n"
    "Computes the metrics of a journey map: NPS, CSAT and CES per touchpoint, stage,\n"
    "persona and for the whole map; churn, retention, net revenue retention and CLV\n"
    "with the previous period; the funnel; KPI status; stage health; and the ranked\n"
    "friction hotspots. A figure that cannot be computed says why.\n"
    "\n"
    "Options:\n"
    "  --format table   a text table for the terminal (default)\n"
    "  --format json    the documented JSON document (see README, \"Metrics\")\n"
    "  --persona ID     count only the touchpoints that involve this persona\n"
    "  --top N          how many touchpoint hotspots to rank (default 20, 0 = all)\n"
    "\n"
    "Exit status: 0 done, 1 the map is not valid, 2 wrong arguments, 3 the file cannot be read.\n";

struct Options {
    std::string file;
    bool json = false;
    MetricsOptions metrics;
};

// Accepts "--name value" and "--name=value". False with a message on bad input.
bool parse(const std::vector<std::string>& args, Options& out, std::string& error) {
    bool have_file = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string arg = args[i], value;
        const bool is_option = arg.size() > 2 && arg.rfind("--", 0) == 0;
        if (is_option) {
            const auto eq = arg.find('=');
            if (eq != std::string::npos) {
                value = arg.substr(eq + 1);
                arg = arg.substr(0, eq);
            } else if (i + 1 < args.size()) {
                value = args[++i];
            } else {
                error = "option " + arg + " needs a value";
                return false;
            }
        }
        if (arg == "--format") {
            if (value != "json" && value != "table") {
                error = "--format must be 'json' or 'table', got '" + value + "'";
                return false;
            }
            out.json = value == "json";
        } else if (arg == "--persona") {
            if (value.empty()) {
                error = "--persona needs a persona id";
                return false;
            }
            out.metrics.persona_id = value;
        } else if (arg == "--top") {
            char* end = nullptr;
            const long n = std::strtol(value.c_str(), &end, 10);
            if (value.empty() || *end != '\0' || n < 0) {
                error = "--top must be a whole number of 0 or more, got '" + value + "'";
                return false;
            }
            out.metrics.hotspot_limit = static_cast<std::size_t>(n);
        } else if (is_option) {
            error = "unknown option '" + arg + "'";
            return false;
        } else if (have_file) {
            error = "one FILE only, got '" + out.file + "' and '" + arg + "'";
            return false;
        } else {
            out.file = arg;
            have_file = true;
        }
    }
    if (!have_file) error = "missing FILE";
    return have_file;
}

int run_metrics(const std::vector<std::string>& args, Io& io) {
    Options options;
    std::string error;
    if (!parse(args, options, error)) {
        io.err << "journeymap metrics: " << error << "\n\n" << kHelp;
        return kUsage;
    }
    std::string text;
    if (const int status = read_input(options.file, io, text, error); status != kOk) {
        io.err << "journeymap metrics: " << options.file << ": " << error << "\n";
        return status;
    }
    const LoadResult loaded = load_map_json(text);
    print_notices(loaded.notices, options.file, io);
    if (!loaded.ok()) {
        io.err << "journeymap metrics: " << options.file << " is not a valid map:\n";
        for (const auto& p : loaded.problems)
            io.err << "  " << (p.path.empty() ? "(document)" : p.path) << ": " << p.message << "\n";
        return kInvalid;
    }
    const Map& map = *loaded.map;
    if (!options.metrics.persona_id.empty() && !find_persona(map, options.metrics.persona_id)) {
        io.err << "journeymap metrics: no persona with id '" << options.metrics.persona_id << "'";
        if (map.personas.empty()) {
            io.err << "; the map has no personas\n";
        } else {
            io.err << "; the map has:";
            for (const auto& p : map.personas) io.err << "\n  " << p.id << "  (" << p.name << ")";
            io.err << "\n";
        }
        return kUsage;
    }
    const MapMetrics metrics = compute_metrics(map, options.metrics);
    if (options.json) io.out << metrics_to_json(map, metrics).dump(2) << "\n";
    else io.out << metrics_table(map, metrics);
    return kOk;
}

const CommandRegistration registration{Command{
    "metrics", "NPS, CSAT, CES, churn, funnel, KPI status and ranked hotspots of a map", kHelp, run_metrics}};

}  // namespace

}  // namespace jm::cli
