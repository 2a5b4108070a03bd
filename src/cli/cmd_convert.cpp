// `journeymap convert IN OUT`: between map files (JSON), Mermaid journey
// diagrams and CSV, with the formats taken from the file extensions.
#include <ctime>
#include <optional>
#include <ostream>
#include <tuple>

#include "cli/command.h"
#include "i18n/i18n.h"
#include "io/csv.h"
#include "io/map_json.h"
#include "io/mermaid.h"

namespace jm::cli {

namespace {

std::string help() {
    return usage_lines({"journeymap convert IN OUT [--from FORMAT] [--to FORMAT]"}) + "\n" +
           help_text("Converts a journey map between formats. FORMAT is json (a map file), mermaid\n"
                     "(a Mermaid 'journey' diagram) or csv (one row per touchpoint). Formats come\n"
                     "from the extensions: .json, .mmd or .mermaid, .csv; --from and --to override\n"
                     "them, and are required for '-' (standard input for IN, standard output for OUT).\n"
                     "OUT is replaced atomically; nothing is written when IN has problems.") +
           "\n" +
           help_text("Mermaid and CSV hold less than a map file: converting to them keeps stages,\n"
                     "touchpoints and personas (see README). A map made from Mermaid or CSV gets a\n"
                     "fresh id and today's date.") +
           "\n" + help_text("Problems are printed to standard error, one per line:") +
           "  journey.mmd: line 3: task 'Pay' has no score: ...\n"
           "  touchpoints.csv: row 4, column 8: friction must be a whole number from 0 to 5, got '7'\n"
           "  map.json: /stages/0/name: must be a string, got a number\n"
           "\n" +
           help_text("IN may be UTF-8 or Windows-1252 (read as such, with a note on standard error);\n"
                     "OUT is always UTF-8. In CSV output, a text cell that a spreadsheet would run as\n"
                     "a formula (starting with = + - @, tab or CR) gets a leading apostrophe, which\n"
                     "CSV input takes off again.") +
           "\n" +
           help_text("Exit status: 0 done, 1 IN is not valid (or over a limit: see README, \"Limits\n"
                     "and encodings\"), 2 wrong arguments, 3 a file cannot be read or written.");
}

enum class Format { Json, Mermaid, Csv };

std::optional<Format> format_named(const std::string& name) {
    if (name == "json") return Format::Json;
    if (name == "mermaid" || name == "mmd") return Format::Mermaid;
    if (name == "csv") return Format::Csv;
    return std::nullopt;
}

std::optional<Format> format_of_path(const std::string& path) {
    const auto dot = path.find_last_of('.');
    const auto slash = path.find_last_of('/');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return std::nullopt;
    std::string ext = path.substr(dot + 1);
    for (char& c : ext)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return format_named(ext);
}

struct Options {
    std::string in, out;
    std::optional<Format> from, to;
};

bool parse(const std::vector<std::string>& args, Options& o, std::string& error) {
    std::vector<std::string> files;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string arg = args[i], value;
        const bool is_from = arg == "--from" || arg.rfind("--from=", 0) == 0;
        if (!is_from && arg != "--to" && arg.rfind("--to=", 0) != 0) {
            if (arg.size() > 1 && arg[0] == '-') {
                error = i18n::trf("unknown option '{option}'", {{"option", arg}});
                return false;
            }
            files.push_back(arg);
            continue;
        }
        if (const auto eq = arg.find('='); eq != std::string::npos) value = arg.substr(eq + 1);
        else if (i + 1 < args.size()) value = args[++i];
        else {
            error = i18n::trf("option {option} needs a value (json, mermaid or csv)", {{"option", arg}});
            return false;
        }
        const auto format = format_named(value);
        if (!format) {
            error = i18n::trf("unknown format '{format}' (use json, mermaid or csv)", {{"format", value}});
            return false;
        }
        (is_from ? o.from : o.to) = format;
    }
    if (files.size() != 2) {
        error = i18n::tr(files.empty() ? "missing IN and OUT" : files.size() < 2 ? "missing OUT" : "too many files: give one IN and one OUT");
        return false;
    }
    o.in = files[0];
    o.out = files[1];
    if (!o.from) o.from = format_of_path(o.in);
    if (!o.to) o.to = format_of_path(o.out);
    for (const auto& [path, format, option] : {std::tuple{o.in, o.from, "--from"}, std::tuple{o.out, o.to, "--to"}}) {
        if (format) continue;
        error = path == "-" ? i18n::trf("{option} is required with '-'", {{"option", option}})
                            : i18n::trf("cannot tell the format of '{file}' from its extension (.json, .mmd, .mermaid, "
                                        ".csv); use {option}",
                                        {{"option", option}, {"file", path}});
        return false;
    }
    return true;
}

// The map in IN, or nullopt after printing its problems as "NAME: where: message".
template <typename Import>
std::optional<Map> from_text(const Import& imported, const std::string& name, Io& io) {
    print_notices(imported.notices, name, io);
    for (const auto& p : imported.problems) io.err << name << ": " << p.where() << ": " << p.message << "\n";
    return imported.map;
}

std::optional<Map> read_map(const std::string& text, Format format, const std::string& name, Io& io) {
    if (format == Format::Mermaid) return from_text(import_mermaid(text), name, io);
    if (format == Format::Csv) return from_text(import_csv(text), name, io);
    LoadResult loaded = load_map_json(text);
    print_notices(loaded.notices, name, io);
    for (const auto& p : loaded.problems) io.err << name << ": " << (p.path.empty() ? "" : p.path + ": ") << p.message << "\n";
    return std::move(loaded.map);
}

std::string write_map(const Map& map, Format format) {
    if (format == Format::Mermaid) return export_mermaid(map);
    if (format == Format::Csv) return export_csv(map);
    return save_map_json(map);
}

int run_convert(const std::vector<std::string>& args, Io& io) {
    Options o;
    std::string error, text;
    if (!parse(args, o, error)) {
        io.err << "journeymap convert: " << error << "\n\n" << help();
        return kUsage;
    }
    const std::string in_name = o.in == "-" ? "<stdin>" : o.in;
    if (const int status = read_input(o.in, io, text, error); status != kOk) {
        io.err << "journeymap convert: " << in_name << ": " << error << "\n";
        return status;
    }
    std::optional<Map> map = read_map(text, *o.from, in_name, io);
    if (!map) {
        io.err << i18n::trf("{file}: not converted", {{"file", in_name}}) << "\n";
        return kInvalid;
    }
    if (*o.from != Format::Json) {   // text formats carry no identity: the map is new
        map->id = new_id(*map, "map");
        map->created = map->modified = jm::utc_now_iso();
    }
    const std::string out = write_map(*map, *o.to);
    if (o.out == "-") {
        io.out << out;
        return io.out.flush() ? kOk : kIoError;
    }
    if (!write_file_atomic(o.out, out, error)) {
        io.err << "journeymap convert: " << o.out << ": " << error << "\n";
        return kIoError;
    }
    return kOk;
}

const CommandRegistration registration{Command{
    "convert", "convert between map files, Mermaid journey diagrams and CSV", help, run_convert}};

}  // namespace

}  // namespace jm::cli
