// `journeymap merge BASE OURS THEIRS... -o OUT`: the workshop groups' copies of
// a map merged back into one by id (edit/map_merge.h). A conflict left open
// stops the merge before anything is written.
#include <ostream>

#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "edit/change_text.h"
#include "edit/commands.h"
#include "edit/map_merge.h"
#include "i18n/i18n.h"
#include "io/map_json.h"

namespace jm::cli {

// Defined in cmd_diff.cpp.
int load_map_for(const std::string& command, const std::string& path, Io& io, Map& out);

namespace {

std::string help() {
    return usage_lines({"journeymap merge BASE OURS THEIRS... -o OUT [--prefer ours|theirs] [--format text|json]",
                        "journeymap merge --base none OURS THEIRS... -o OUT [...]"}) +
           "\n" +
           help_text("Merges the copies of a map that groups changed (OURS, THEIRS...) by id, field by\n"
                     "field, against BASE, the version they all started from. A change made in one\n"
                     "copy only is taken; the same change in two is taken once; every group's new\n"
                     "cards are kept, in order within each stage. Two different changes of one\n"
                     "field, a change to something another copy deleted, and a card moved to\n"
                     "different stages are conflicts: they are printed, and nothing is written\n"
                     "unless --prefer settles them. The THEIRS files are merged in the order given.") +
           "\n" + help_text("Options:") +
           help_option("  -o OUT            ", "the merged map's file (written whole, or not at all; '-' prints it)") +
           help_option("  --prefer ours     ", "settle every conflict with OURS' value (the merge so far)") +
           help_option("  --prefer theirs   ", "settle every conflict with the value of the file merged in") +
           help_option("  --base none       ", "no common version (a file without lineage): a two-way\n"
                                               "merge that keeps everything of every file; any field with\n"
                                               "different values is a conflict") +
           help_option("  --base FILE       ", "BASE given as an option; the files that follow are OURS THEIRS...") +
           help_option("  --format json     ", "the report as JSON, always in English") + "\n" +
           help_text("Exit status: 0 merged and written, 1 conflicts left (nothing written), 2 wrong\n"
                     "arguments or a file that is not a valid map, 3 a file cannot be read or written.");
}

struct Options {
    std::vector<std::string> files;
    std::string out;
    std::string base;         // from --base; "none" = two-way
    bool base_given = false;
    std::optional<MergeChoice> prefer;
    bool json = false;
};

bool parse(const std::vector<std::string>& args, Options& out, std::string& error) {
    bool options_done = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        std::string value;
        if (!options_done && arg == "--") {
            options_done = true;
        } else if (!options_done && (arg == "-o" || is_option(arg, "--output"))) {
            if (!option_value(args, i, arg == "-o" ? "-o" : "--output", out.out, error)) return false;
        } else if (!options_done && is_option(arg, "--prefer")) {
            if (!option_value(args, i, "--prefer", value, error)) return false;
            if (value != "ours" && value != "theirs") {
                error = i18n::trf("--prefer must be 'ours' or 'theirs', got '{value}'", {{"value", value}});
                return false;
            }
            out.prefer = value == "ours" ? MergeChoice::Ours : MergeChoice::Theirs;
        } else if (!options_done && is_option(arg, "--base")) {
            if (!option_value(args, i, "--base", out.base, error)) return false;
            out.base_given = true;
        } else if (!options_done && is_option(arg, "--format")) {
            if (!option_value(args, i, "--format", value, error) || !text_or_json(value, out.json, error)) return false;
        } else if (!options_done && arg.size() > 1 && arg[0] == '-') {
            error = i18n::trf("unknown option '{option}'", {{"option", arg}});
            return false;
        } else {
            out.files.push_back(arg);
        }
    }
    if (!out.base_given) {
        if (out.files.empty()) {
            error = i18n::tr("give BASE, OURS and at least one THEIRS");
            return false;
        }
        out.base = out.files.front();
        out.files.erase(out.files.begin());
    }
    if (out.files.size() < 2) {
        error = i18n::tr("give BASE, OURS and at least one THEIRS");
        return false;
    }
    if (out.out.empty()) {
        error = i18n::tr("missing -o OUT, the file to write the merged map to");
        return false;
    }
    return true;
}

std::string what_text(const Conflict& c, const std::string& ours, const std::string& theirs) {
    const i18n::Args args{{"ours", ours}, {"theirs", theirs}};
    if (c.what == "changed") return i18n::trf("changed differently in {ours} and in {theirs}", args);
    if (c.what == "added") return i18n::trf("added in {ours} and in {theirs} with different values", args);
    if (c.what == "deleted_ours") return i18n::trf("deleted in {ours}, changed in {theirs}", args);
    if (c.what == "deleted_theirs") return i18n::trf("changed in {ours}, deleted in {theirs}", args);
    if (c.what == "stage_deleted") return i18n::trf("{theirs} puts it in a stage deleted in {ours}", args);
    return i18n::trf("moved to different stages in {ours} and in {theirs}", args);
}

int run_merge(const std::vector<std::string>& args, Io& io) {
    Options options;
    std::string error;
    if (!parse(args, options, error)) {
        io.err << "journeymap merge: " << error << "\n\n" << help();
        return kUsage;
    }
    std::optional<Map> base;
    if (options.base != "none") {
        base.emplace();
        if (const int status = load_map_for("merge", options.base, io, *base); status != kOk) return status;
    }
    Map ours;
    if (const int status = load_map_for("merge", options.files[0], io, ours); status != kOk) return status;
    std::vector<Map> theirs(options.files.size() - 1);
    for (std::size_t i = 1; i < options.files.size(); ++i)
        if (const int status = load_map_for("merge", options.files[i], io, theirs[i - 1]); status != kOk) return status;

    const bool two_way = !base;
    MergeResult result = merge(std::move(base), std::move(ours), std::move(theirs));
    const std::size_t found = result.conflicts.size();
    if (options.prefer && result.unresolved() > 0) resolve_all(result, *options.prefer);
    const bool written = result.unresolved() == 0;

    std::ostream& report = options.out == "-" ? io.err : io.out;
    if (options.json) {
        nlohmann::json unified = nlohmann::json::array();
        for (const auto& u : result.unified)
            unified.push_back({{"side", u.side}, {"theirs_id", u.theirs_id}, {"ours_id", u.ours_id}, {"name", u.name}});
        nlohmann::json j{{"written", written},
                         {"output", written ? nlohmann::json(options.out) : nlohmann::json(nullptr)},
                         {"two_way", two_way},
                         {"conflicts", conflicts_to_json(result)},
                         {"unresolved", result.unresolved()},
                         {"unified_personas", unified}};
        report << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    } else {
        const std::vector<const Map*> maps{&result.merged, &result.inputs->ours};
        for (std::size_t i = 0; i < result.conflicts.size(); ++i) {
            const Conflict& c = result.conflicts[i];
            if (c.resolved) continue;
            const std::string ours_name = c.side == 1 ? options.files[0] : i18n::tr("the merge so far");
            const std::string theirs_name = options.files[static_cast<std::size_t>(c.side)];
            std::vector<const Map*> with_theirs = maps;
            with_theirs.push_back(&result.inputs->theirs[static_cast<std::size_t>(c.side) - 1]);
            report << i18n::trf("Conflict {n}:", {{"n", std::to_string(i + 1)}}) << " "
                   << entity_label(c.kind, c.id, with_theirs) << (c.field.empty() ? "" : " · " + c.field) << "\n"
                   << "  " << what_text(c, ours_name, theirs_name) << "\n"
                   << "    " << i18n::tr("base:") << " " << value_text(c.base) << "\n"
                   << "    " << i18n::tr("ours:") << " " << value_text(c.ours) << "\n"
                   << "    " << i18n::tr("theirs:") << " " << value_text(c.theirs) << "\n";
        }
        for (const auto& u : result.unified)
            report << i18n::trf("Persona \"{name}\" was added in two files; kept once (id {id})",
                                {{"name", u.name}, {"id", u.ours_id}})
                   << "\n";
        if (!written) {
            report << i18n::trn("{n} conflicts left: nothing was written. Settle them with --prefer ours or --prefer theirs, or in the editor.",
                                static_cast<long long>(result.unresolved()))
                   << "\n";
        } else if (found > 0) {
            report << i18n::trn("{n} conflicts settled with --prefer", static_cast<long long>(found)) << "\n";
        }
    }
    if (!written) return kInvalid;
    const std::string text = save_map_json(result.merged);
    if (options.out == "-") {
        io.out << text;
        return kOk;
    }
    if (!write_file_atomic(options.out, text, error)) {
        io.err << "journeymap merge: " << error << "\n";
        return kIoError;
    }
    if (!options.json)
        report << i18n::trn("{file}: {n} files merged", static_cast<long long>(options.files.size()),
                            {{"file", options.out}})
               << "\n";
    return kOk;
}

const CommandRegistration registration{
    Command{"merge", "merge the groups' copies of a map by id (three-way, or two-way with --base none)", help, run_merge}};

}  // namespace

}  // namespace jm::cli
