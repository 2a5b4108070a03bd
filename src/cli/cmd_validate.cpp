// `journeymap validate FILE...`: checks map files and reports every problem
// with its place in the file, one line each, in a form editors and CI can parse.
#include <ostream>

#include "cli/command.h"
#include "i18n/i18n.h"
#include "io/map_json.h"

namespace jm::cli {

namespace {

std::string help() {
    return usage_lines({"journeymap validate FILE..."}) + "\n" +
           help_text("Checks that each FILE is a valid journey map: JSON syntax, the format marker and\n"
                     "version, required fields, types, ranges, allowed values, unique ids and persona\n"
                     "references. Prints one line per problem to standard output:") +
           "\n"
           "  FILE: /stages/0/touchpoints/2/friction: friction must be between 0 and 5, got 7\n"
           "\n" +
           help_text("The middle part is a JSON Pointer to the value at fault (left out when the\n"
                     "problem concerns the whole file). A good file prints 'FILE: ok'. A FILE of '-'\n"
                     "is standard input, named <stdin> in messages. Files of an older format version\n"
                     "are valid when they can be upgraded; 'journeymap fmt' writes them upgraded.\n"
                     "A file in Windows-1252 instead of UTF-8 is read as such, with a note on\n"
                     "standard error ('FILE: note: read as Windows-1252: ...'); a file over a limit\n"
                     "(64 MiB, 64 levels of nesting, 100,000 touchpoints...; see README, \"Limits and\n"
                     "encodings\") is not valid, and the problem names the limit.") +
           "\n" +
           help_text("Exit status: 0 every file is valid, 1 a file is not valid, 2 wrong arguments,\n"
                     "3 a file cannot be read (this wins over 1).");
}

std::string display_name(const std::string& path) { return path == "-" ? "<stdin>" : path; }

// Returns the exit status for this one file.
int validate_one(const std::string& path, Io& io) {
    const std::string name = display_name(path);
    std::string text, error;
    if (const int status = read_input(path, io, text, error); status != kOk) {
        // A file over the size limit is a problem of the file, listed like the others.
        if (status == kInvalid) io.out << name << ": " << error << "\n";
        else io.err << "journeymap validate: " << name << ": " << error << "\n";
        return status;
    }
    const LoadResult loaded = load_map_json(text);
    print_notices(loaded.notices, name, io);
    if (loaded.ok()) {
        if (loaded.migrated)
            io.out << i18n::trf("{file}: ok (version {version} file; 'journeymap fmt' upgrades it to version {current})",
                                {{"version", std::to_string(loaded.source_version)},
                                 {"current", std::to_string(kFormatVersion)},
                                 {"file", name}});
        else
            io.out << i18n::trf("{file}: ok", {{"file", name}});
        io.out << "\n";
        return kOk;
    }
    for (const auto& p : loaded.problems) {
        io.out << name << ": ";
        if (!p.path.empty()) io.out << p.path << ": ";
        io.out << p.message << "\n";
    }
    if (loaded.problems.size() >= kMaxProblems)
        io.out << i18n::trf("{file}: stopped after {count} problems; fix these and run again",
                            {{"count", std::to_string(kMaxProblems)}, {"file", name}})
               << "\n";
    return kInvalid;
}

int run_validate(const std::vector<std::string>& args, Io& io) {
    std::vector<std::string> files;
    bool options_done = false;
    for (const auto& arg : args) {
        if (!options_done && arg == "--") {
            options_done = true;
        } else if (!options_done && arg.size() > 1 && arg[0] == '-') {
            io.err << "journeymap validate: " << i18n::trf("unknown option '{option}'", {{"option", arg}}) << "\n\n"
                   << help();
            return kUsage;
        } else {
            files.push_back(arg);
        }
    }
    if (files.empty()) {
        io.err << "journeymap validate: " << i18n::tr("missing FILE") << "\n\n" << help();
        return kUsage;
    }
    int result = kOk;
    for (const auto& file : files) result = worse_exit(result, validate_one(file, io));
    return result;
}

const CommandRegistration registration{Command{
    "validate", "check map files and list every problem with its place in the file", help, run_validate}};

}  // namespace

}  // namespace jm::cli
