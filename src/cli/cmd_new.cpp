// `journeymap new --template NAME`: starts a map from one of the templates built
// into the program, with its own id and today's date, and prints it.
#include <algorithm>
#include <ctime>
#include <optional>
#include <ostream>

#include "cli/command.h"
#include "io/map_json.h"
#include "io/templates.h"

namespace jm::cli {

namespace {

constexpr const char* kHelp =
    "usage: journeymap new [--template NAME] [--title TITLE] > FILE\n"
    "       journeymap new --list-templates\n"
    "\n"
    "Prints a new journey map, made from a built-in template, to standard output.\n"
    "The map gets a fresh id, and its created and modified times are set to now (UTC).\n"
    "\n"
    "Options:\n"
    "  --template NAME   the template to start from (default: blank)\n"
    "  --title TITLE     the map's title (default: the template's)\n"
    "  --list-templates  list the templates with their titles\n"
    "\n"
    "Exit status: 0 done, 1 the template is damaged, 2 wrong arguments or unknown template.\n";

struct Options {
    std::string template_name = "blank";
    std::optional<std::string> title;
    bool list = false;
};

// Accepts "--name value" and "--name=value".
bool parse(const std::vector<std::string>& args, Options& out, std::string& error) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string arg = args[i], value;
        if (arg == "--list-templates") {
            out.list = true;
            continue;
        }
        if (arg != "--template" && arg != "--title" && arg.rfind("--template=", 0) != 0 && arg.rfind("--title=", 0) != 0) {
            error = arg.rfind("-", 0) == 0 ? "unknown option '" + arg + "'" : "unexpected argument '" + arg + "' (the map is printed; redirect it to a file)";
            return false;
        }
        if (const auto eq = arg.find('='); eq != std::string::npos) {
            value = arg.substr(eq + 1);
            arg = arg.substr(0, eq);
        } else if (i + 1 < args.size()) {
            value = args[++i];
        } else {
            error = "option " + arg + " needs a value";
            return false;
        }
        if (arg == "--template") out.template_name = value;
        else out.title = value;
    }
    return true;
}

const EmbeddedTemplate* find_template(const std::string& name) {
    for (const auto& t : embedded_templates())
        if (name == t.name) return &t;
    return nullptr;
}

std::string template_names() {
    std::string names;
    for (const auto& t : embedded_templates()) names += (names.empty() ? "" : ", ") + std::string(t.name);
    return names;
}

int list_templates(Io& io) {
    std::size_t width = 0;
    for (const auto& t : embedded_templates()) width = std::max(width, std::string(t.name).size());
    for (const auto& t : embedded_templates()) {
        const LoadResult loaded = load_map_json(t.json);
        const std::string name = t.name;
        io.out << name << std::string(width + 2 - name.size(), ' ')
               << (loaded.ok() ? loaded.map->title : "(damaged: " + loaded.problems.front().message + ")") << "\n";
    }
    return kOk;
}

int run_new(const std::vector<std::string>& args, Io& io) {
    Options options;
    std::string error;
    if (!parse(args, options, error)) {
        io.err << "journeymap new: " << error << "\n\n" << kHelp;
        return kUsage;
    }
    if (options.list) return list_templates(io);
    const EmbeddedTemplate* tpl = find_template(options.template_name);
    if (!tpl) {
        io.err << "journeymap new: unknown template '" << options.template_name << "'; available: " << template_names()
               << "\n(see 'journeymap new --list-templates')\n";
        return kUsage;
    }
    LoadResult loaded = load_map_json(tpl->json);
    if (!loaded.ok()) {
        io.err << "journeymap new: the built-in template '" << tpl->name << "' is damaged:\n";
        for (const auto& p : loaded.problems) io.err << "  " << (p.path.empty() ? "(document)" : p.path) << ": " << p.message << "\n";
        return kInvalid;
    }
    Map& map = *loaded.map;
    map.id = new_id(map, "map");
    if (options.title) map.title = *options.title;
    map.created = map.modified = jm::utc_now_iso();
    io.out << save_map_json(map);
    return kOk;
}

const CommandRegistration registration{Command{
    "new", "print a new map made from a built-in template (--list-templates)", kHelp, run_new}};

}  // namespace

}  // namespace jm::cli
