// `journeymap metrics FILE`: every metric of a map, as a table or as JSON.
#include <cstdlib>
#include <ostream>

#include "cli/command.h"
#include "i18n/i18n.h"
#include "io/map_json.h"
#include "metrics/metrics.h"
#include "metrics/metrics_json.h"
#include "metrics/text_format.h"

namespace jm::cli {

namespace {

std::string help() {
    return usage_lines({"journeymap metrics FILE [--format table|json] [--persona ID] [--top N]"}) + "\n" +
           help_text("Computes the metrics of a journey map: NPS, CSAT and CES per touchpoint, stage,\n"
                     "persona and for the whole map; churn, retention, net revenue retention and CLV\n"
                     "with the previous period; the funnel; KPI status; stage health; and the ranked\n"
                     "friction hotspots. A figure that cannot be computed says why.") +
           "\n" + help_text("Options:") +
           help_option("  --format table   ", "a text table for the terminal (default)") +
           help_option("  --format json    ", "the documented JSON document (see README, \"Metrics\")") +
           help_option("  --persona ID     ", "count only the touchpoints that involve this persona") +
           help_option("  --top N          ", "how many touchpoint hotspots to rank (default 20, 0 = all)") + "\n" +
           help_text("Exit status: 0 done, 1 the map is not valid, 2 wrong arguments, 3 the file cannot be read.");
}

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
                error = i18n::trf("option {option} needs a value", {{"option", arg}});
                return false;
            }
        }
        if (arg == "--format") {
            if (value != "json" && value != "table") {
                error = i18n::trf("--format must be 'json' or 'table', got '{value}'", {{"value", value}});
                return false;
            }
            out.json = value == "json";
        } else if (arg == "--persona") {
            if (value.empty()) {
                error = i18n::tr("--persona needs a persona id");
                return false;
            }
            out.metrics.persona_id = value;
        } else if (arg == "--top") {
            char* end = nullptr;
            const long n = std::strtol(value.c_str(), &end, 10);
            if (value.empty() || *end != '\0' || n < 0) {
                error = i18n::trf("--top must be a whole number of 0 or more, got '{value}'", {{"value", value}});
                return false;
            }
            out.metrics.hotspot_limit = static_cast<std::size_t>(n);
        } else if (is_option) {
            error = i18n::trf("unknown option '{option}'", {{"option", arg}});
            return false;
        } else if (have_file) {
            error = trf_once("one FILE only, got '{first}' and '{second}'", {{"first", out.file}, {"second", arg}});
            return false;
        } else {
            out.file = arg;
            have_file = true;
        }
    }
    if (!have_file) error = i18n::tr("missing FILE");
    return have_file;
}

int run_metrics(const std::vector<std::string>& args, Io& io) {
    Options options;
    std::string error;
    if (!parse(args, options, error)) {
        io.err << "journeymap metrics: " << error << "\n\n" << help();
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
        io.err << "journeymap metrics: " << i18n::trf("{file} is not a valid map:", {{"file", options.file}}) << "\n";
        for (const auto& p : loaded.problems)
            io.err << "  " << (p.path.empty() ? i18n::tr("(document)") : p.path) << ": " << p.message << "\n";
        return kInvalid;
    }
    const Map& map = *loaded.map;
    if (!options.metrics.persona_id.empty() && !find_persona(map, options.metrics.persona_id)) {
        const i18n::Args id = {{"id", options.metrics.persona_id}};
        io.err << "journeymap metrics: ";
        if (map.personas.empty()) {
            io.err << i18n::trf("no persona with id '{id}'; the map has no personas", id) << "\n";
        } else {
            io.err << i18n::trf("no persona with id '{id}'; the map has:", id);
            for (const auto& p : map.personas) io.err << "\n  " << p.id << "  (" << p.name << ")";
            io.err << "\n";
        }
        return kUsage;
    }
    if (options.json) {
        // The JSON document is for programs: its texts (reasons, "why") are in
        // English, with English numbers, whatever the language of the messages.
        const std::string language = i18n::language();
        i18n::set_language("en");
        const std::string json = metrics_to_json(map, compute_metrics(map, options.metrics)).dump(2);
        i18n::set_language(language);
        io.out << json << "\n";
    } else {
        io.out << metrics_table(map, compute_metrics(map, options.metrics));
    }
    return kOk;
}

const CommandRegistration registration{Command{
    "metrics", "NPS, CSAT, CES, churn, funnel, KPI status and ranked hotspots of a map", help, run_metrics}};

}  // namespace

}  // namespace jm::cli
