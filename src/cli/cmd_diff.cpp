// `journeymap diff A B`: what changed from map A to map B, by id and field by
// field (edit/map_diff.h): added, removed, moved and changed stages, cards,
// personas, KPIs, surveys, lanes and business figures.
#include <ostream>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "edit/change_text.h"
#include "edit/commands.h"
#include "edit/map_diff.h"
#include "i18n/i18n.h"
#include "io/map_json.h"

namespace jm::cli {

// Shared with cmd_merge.cpp (declared there): loading a map for a command.
int load_map_for(const std::string& command, const std::string& path, Io& io, Map& out) {
    const std::string name = path == "-" ? "<stdin>" : path;
    std::string text, error;
    if (const int status = read_input(path, io, text, error); status != kOk) {
        io.err << "journeymap " << command << ": " << name << ": " << error << "\n";
        return status == kInvalid ? kUsage : status;
    }
    LoadResult loaded = load_map_json(text);
    print_notices(loaded.notices, name, io);
    if (!loaded.ok()) {
        for (const auto& p : loaded.problems)
            io.err << name << ": " << (p.path.empty() ? "" : p.path + ": ") << p.message << "\n";
        io.err << "journeymap " << command << ": " << i18n::trf("{file}: not a valid map", {{"file", name}}) << "\n";
        return kUsage;
    }
    out = std::move(*loaded.map);
    return kOk;
}

namespace {

std::string help() {
    return usage_lines({"journeymap diff A B [--format text|json]"}) + "\n" +
           help_text("Compares two maps by id, field by field: which stages, touchpoints, personas,\n"
                     "KPIs, surveys, lanes and business figures were added (+), removed (-), moved (>)\n"
                     "to another stage or place, or changed (~) from A to B. A card moved is one\n"
                     "move, not a removal and an addition. The maps' id and dates are not compared.") +
           "\n" + help_text("Options:") +
           help_option("  --format text   ", "counts per kind, then one line per change (default)") +
           help_option("  --format json   ", "a JSON document (equal, counts, changes), always in English") + "\n" +
           help_text("Exit status: 0 the maps are the same, 1 they differ, 2 wrong arguments or a\n"
                     "file that is not a valid map, 3 a file cannot be read.");
}

struct Options {
    std::vector<std::string> files;
    bool json = false;
};

bool parse(const std::vector<std::string>& args, Options& out, std::string& error) {
    bool options_done = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (!options_done && arg == "--") {
            options_done = true;
        } else if (!options_done && is_option(arg, "--format")) {
            std::string value;
            if (!option_value(args, i, "--format", value, error) || !text_or_json(value, out.json, error)) return false;
        } else if (!options_done && arg.size() > 1 && arg[0] == '-') {
            error = i18n::trf("unknown option '{option}'", {{"option", arg}});
            return false;
        } else {
            out.files.push_back(arg);
        }
    }
    if (out.files.size() != 2) {
        error = i18n::tr("give two map files, A and B");
        return false;
    }
    return true;
}

void print_counts(const DiffCounts& c, Io& io) {
    const std::pair<const char*, const KindCounts*> rows[] = {
        {"Map fields", &c.map}, {"Lanes", &c.lanes}, {"Personas", &c.personas}, {"Stages", &c.stages},
        {"KPIs", &c.kpis}, {"Touchpoints", &c.touchpoints}, {"Surveys", &c.surveys}, {"Business figures", &c.periods}};
    for (const auto& [label, k] : rows) {
        if (k->total() == 0) continue;
        io.out << "  " << i18n::tr(label) << ": +" << k->added << " -" << k->removed << " >" << k->moved << " ~"
               << k->changed << "\n";
    }
}

std::string stage_name(const std::string& id, const std::vector<const Map*>& maps) {
    for (const Map* m : maps)
        if (const Stage* s = find_stage(*m, id)) return "\"" + short_label(s->name) + "\"";
    return id;
}

void print_change(const Change& c, const std::vector<const Map*>& maps, Io& io) {
    const std::string who = entity_label(c.kind, c.id, maps);
    switch (c.op) {
        case ChangeOp::Add:
            io.out << "+ " << who;
            if (!c.parent.empty()) io.out << " · " << stage_name(c.parent, maps);
            break;
        case ChangeOp::Remove:
            io.out << "- " << who;
            if (!c.parent.empty()) io.out << " · " << stage_name(c.parent, maps);
            break;
        case ChangeOp::Move:
            io.out << "> " << who;
            if (!c.from_parent.empty() && c.from_parent != c.parent)
                io.out << " · " << stage_name(c.from_parent, maps) << " -> " << stage_name(c.parent, maps);
            break;
        case ChangeOp::Set:
            io.out << "~ " << who << " · " << c.field << ": " << value_text(c.old_value) << " -> " << value_text(c.new_value);
            break;
    }
    io.out << "\n";
}

int run_diff(const std::vector<std::string>& args, Io& io) {
    Options options;
    std::string error;
    if (!parse(args, options, error)) {
        io.err << "journeymap diff: " << error << "\n\n" << help();
        return kUsage;
    }
    Map a, b;
    int status = load_map_for("diff", options.files[0], io, a);
    if (status == kOk) status = load_map_for("diff", options.files[1], io, b);
    if (status != kOk) return status;
    const MapDiff d = diff(a, b);
    if (options.json) {
        io.out << diff_to_json(d).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        return d.equal() ? kOk : kInvalid;
    }
    if (d.equal()) {
        io.out << i18n::tr("The maps are the same.") << "\n";
        return kOk;
    }
    io.out << "--- " << options.files[0] << "\n+++ " << options.files[1] << "\n";
    print_counts(d.counts, io);
    io.out << "\n";
    const std::vector<const Map*> maps{&b, &a};
    for (const auto& c : d.changes) print_change(c, maps, io);
    io.out << "\n" << i18n::tr("+ added, - removed, > moved, ~ changed") << "\n";
    io.out << i18n::trn("{n} changes", static_cast<long long>(d.changes.size())) << "\n";
    return kInvalid;
}

const CommandRegistration registration{Command{"diff", "compare two maps: what was added, removed, moved, changed", help, run_diff}};

}  // namespace

}  // namespace jm::cli
