// `journeymap fmt FILE...`: rewrites map files in canonical form (the bytes the
// editor would save), so that hand-edited or generated files diff cleanly.
#include <ostream>

#include "cli/command.h"
#include "i18n/i18n.h"
#include "io/map_json.h"
#include "metrics/text_format.h"

namespace jm::cli {

namespace {

std::string help() {
    return usage_lines({"journeymap fmt [--check] FILE...", "journeymap fmt [--check] -"}) + "\n" +
           help_text("Rewrites each FILE in canonical form: keys in the format's order (unknown keys\n"
                     "last, sorted), 2-space indent, UTF-8, a final newline, empty and default values\n"
                     "left out. Files of an older format version are upgraded to the current one,\n"
                     "and a file in Windows-1252 is written as UTF-8 (with a note on standard error).\n"
                     "A file is replaced atomically, and only when its text changes. A file that is\n"
                     "not a valid map is never rewritten: its problems are printed instead.") +
           "\n" + help_text("Options:") +
           help_option("  --check   ", "write nothing; report the files that are not in canonical form") +
           help_option("  -         ", "read standard input and write the canonical map to standard output") + "\n" +
           help_text("Exit status: 0 done (with --check: every file is canonical), 1 a file is not\n"
                     "valid (or, with --check, not canonical), 2 wrong arguments, 3 a file cannot be\n"
                     "read or written (this wins over 1).");
}

struct Options {
    bool check = false;
    std::vector<std::string> files;
};

bool parse(const std::vector<std::string>& args, Options& out, std::string& error) {
    bool options_done = false;
    for (const auto& arg : args) {
        if (!options_done && arg == "--") options_done = true;
        else if (!options_done && arg == "--check") out.check = true;
        else if (!options_done && arg.size() > 1 && arg[0] == '-') {
            error = i18n::trf("unknown option '{option}'", {{"option", arg}});
            return false;
        } else out.files.push_back(arg);
    }
    if (out.files.empty()) {
        error = i18n::tr("missing FILE");
        return false;
    }
    for (const auto& f : out.files) {
        if (f == "-" && out.files.size() > 1) {
            error = i18n::tr("'-' (standard input) must be the only FILE");
            return false;
        }
    }
    return true;
}

std::string display_name(const std::string& path) { return path == "-" ? "<stdin>" : path; }

int format_one(const std::string& path, bool check, Io& io) {
    const std::string name = display_name(path);
    std::string text, error;
    if (const int status = read_input(path, io, text, error); status != kOk) {
        io.err << "journeymap fmt: " << name << ": " << error << "\n";
        return status;
    }
    const LoadResult loaded = load_map_json(text);
    print_notices(loaded.notices, name, io);
    if (!loaded.ok()) {
        for (const auto& p : loaded.problems)
            io.err << name << ": " << (p.path.empty() ? "" : p.path + ": ") << p.message << "\n";
        io.err << i18n::trf("{file}: not a valid map, left unchanged", {{"file", name}}) << "\n";
        return kInvalid;
    }
    const std::string canonical = save_map_json(*loaded.map);
    const bool same = canonical == text;
    if (check) {
        if (same) {
            io.out << i18n::trf("{file}: ok", {{"file", name}}) << "\n";
            return kOk;
        }
        // Two texts of the user's (the name and the path): filled in one pass.
        if (loaded.migrated)
            io.out << trf_once("{file}: not in canonical form (version {version} file); run 'journeymap fmt {path}'",
                               {{"file", name}, {"version", std::to_string(loaded.source_version)}, {"path", path}});
        else
            io.out << trf_once("{file}: not in canonical form; run 'journeymap fmt {path}'", {{"file", name}, {"path", path}});
        io.out << "\n";
        return kInvalid;
    }
    if (path == "-") {
        io.out << canonical;
        return kOk;
    }
    if (same) {
        io.out << i18n::trf("{file}: already canonical", {{"file", name}}) << "\n";
        return kOk;
    }
    if (!write_file_atomic(path, canonical, error)) {
        io.err << "journeymap fmt: " << name << ": " << error << "\n";
        return kIoError;
    }
    if (loaded.migrated)
        io.out << i18n::trf("{file}: upgraded from version {version} and formatted",
                            {{"version", std::to_string(loaded.source_version)}, {"file", name}});
    else
        io.out << i18n::trf("{file}: formatted", {{"file", name}});
    io.out << "\n";
    return kOk;
}

int run_fmt(const std::vector<std::string>& args, Io& io) {
    Options options;
    std::string error;
    if (!parse(args, options, error)) {
        io.err << "journeymap fmt: " << error << "\n\n" << help();
        return kUsage;
    }
    int result = kOk;
    for (const auto& file : options.files) result = worse_exit(result, format_one(file, options.check, io));
    return result;
}

const CommandRegistration registration{Command{
    "fmt", "rewrite map files in canonical form (--check: only report)", help, run_fmt}};

}  // namespace

}  // namespace jm::cli
