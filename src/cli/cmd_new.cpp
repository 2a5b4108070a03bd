// `journeymap new --template NAME[.LANG] [--lang LANG]`: starts a map from one of
// the templates built into the program (English unless a language is asked
// for), with its own id and today's date, and prints it.
#include <algorithm>
#include <ctime>
#include <optional>
#include <ostream>

#include "cli/command.h"
#include "i18n/i18n.h"
#include "io/map_json.h"
#include "io/templates.h"
#include "metrics/text_format.h"

namespace jm::cli {

namespace {

std::string help() {
    return usage_lines({"journeymap new [--template NAME[.LANG]] [--lang LANG] [--title TITLE] > FILE",
                        "journeymap new --list-templates [--lang LANG]"}) +
           "\n" +
           help_text("Prints a new journey map, made from a built-in template, to standard output.\n"
                     "The map gets a fresh id, and its created and modified times are set to now (UTC).") +
           "\n" +
           help_text("Every template comes in English (en), Spanish (es), Brazilian Portuguese (pt-BR)\n"
                     "and Simplified Chinese (zh-CN); the versions of one template are the same map in\n"
                     "another language. The frameworks come from articles in Spanish (saas-journey,\n"
                     "b2b-lifecycle), Portuguese (acnce-funnel) and Chinese (b2b-journey-exit), whose\n"
                     "versions use the article's own stage names.") +
           "\n" + help_text("Options:") +
           help_option("  --template NAME   ", "the template to start from (default: blank); NAME.LANG picks\n"
                                               "a language, e.g. saas-journey.es") +
           // Here --lang is new's own (main.cpp leaves it to the command): it picks the
           // template's language, and the messages' language as everywhere else.
           help_option("  --lang LANG       ", "the language of the template: en (default), es, pt-BR, zh-CN\n"
                                               "(es-MX, pt, zh_CN... are understood too), and of messages") +
           help_option("  --title TITLE     ", "the map's title (default: the template's)") +
           help_option("  --list-templates  ", "list the templates with their titles, every language or LANG's") +
           "\n" + help_text("Examples:") +
           "  journeymap new --template saas-journey > journey.json          " + help_text("(English)") +
           "  journeymap new --template saas-journey --lang es > recorrido.json\n"
           "  journeymap new --template acnce-funnel.pt-BR > jornada.json\n"
           "\n" +
           help_text("Exit status: 0 done, 1 the template is damaged, 2 wrong arguments, unknown template\n"
                     "or unknown language.");
}

struct Options {
    std::string template_name = "blank";
    std::optional<std::string> language;   // --lang, as given
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
        std::string option = arg.substr(0, arg.find('='));
        if (option != "--template" && option != "--title" && option != "--lang") {
            error = arg.rfind("-", 0) == 0
                        ? i18n::trf("unknown option '{option}'", {{"option", arg}})
                        : i18n::trf("unexpected argument '{argument}' (the map is printed; redirect it to a file)",
                                    {{"argument", arg}});
            return false;
        }
        if (const auto eq = arg.find('='); eq != std::string::npos) {
            value = arg.substr(eq + 1);
        } else if (i + 1 < args.size()) {
            value = args[++i];
        } else {
            error = i18n::trf("option {option} needs a value", {{"option", arg}});
            return false;
        }
        if (option == "--template") out.template_name = value;
        else if (option == "--lang") out.language = value;
        else out.title = value;
    }
    return true;
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
    return out;
}

std::string template_ids() {
    std::vector<std::string> ids;
    for (const auto& t : templates_for("en")) ids.push_back(t.id);
    return join(ids);
}

// One line per template version: its name (for --template), its title, and
// whether it is in the language of its source article.
int list_templates(const std::optional<std::string>& language, Io& io) {
    const std::vector<TemplateInfo> shown = language ? templates_for(*language) : template_catalogue();
    std::size_t width = 0;
    for (const auto& t : shown) width = std::max(width, t.name.size());
    for (const auto& t : shown) {
        const LoadResult loaded = load_map_json(t.json);
        io.out << t.name << std::string(width + 2 - t.name.size(), ' ')
               << (loaded.ok() ? loaded.map->title
                               : i18n::trf("(damaged: {problem})", {{"problem", loaded.problems.front().message}}))
               << (!t.source_language.empty() && t.language == t.source_language
                       ? std::string("  ") + i18n::tr("(language of its source article)")
                       : std::string())
               << "\n";
    }
    return kOk;
}

int run_new(const std::vector<std::string>& args, Io& io) {
    Options options;
    std::string error;
    if (!parse(args, options, error)) {
        io.err << "journeymap new: " << error << "\n\n" << help();
        return kUsage;
    }
    std::string language = "en";
    if (options.language) {
        language = template_language(*options.language);
        if (language.empty()) {
            io.err << "journeymap new: "
                   << i18n::trf("unknown language '{language}'; templates come in {languages}",
                                {{"languages", join(template_languages())}, {"language", *options.language}})
                   << "\n";
            return kUsage;
        }
    }
    if (options.list) return list_templates(options.language ? std::optional(language) : std::nullopt, io);
    const std::optional<TemplateInfo> tpl = find_template(options.template_name, language);
    if (!tpl) {
        io.err << "journeymap new: "
               << i18n::trf("unknown template '{name}'; available: {templates}, each in {languages} (NAME.LANG or "
                            "--lang LANG)\n(see 'journeymap new --list-templates')",
                            {{"templates", template_ids()}, {"languages", join(template_languages())},
                             {"name", options.template_name}})
               << "\n";
        return kUsage;
    }
    if (options.language && tpl->language != language) {
        if (tpl->name == options.template_name || tpl->id != options.template_name) {
            // Two languages asked for: the message takes neither (main.cpp set the
            // messages to --lang's), but the environment's.
            i18n::set_language(environment_language());
            io.err << "journeymap new: "
                   << trf_once("--template {name} and --lang {language} ask for two different languages",
                               {{"name", options.template_name}, {"language", *options.language}})
                   << "\n";
            return kUsage;
        }
        io.err << "journeymap new: "
               << i18n::trf("note: template '{id}' has no {language} version; using {name}",
                            {{"id", tpl->id}, {"language", language}, {"name", tpl->name}})
               << "\n";
    }
    LoadResult loaded = load_map_json(tpl->json);
    if (!loaded.ok()) {
        io.err << "journeymap new: " << i18n::trf("the built-in template '{name}' is damaged:", {{"name", tpl->name}})
               << "\n";
        for (const auto& p : loaded.problems)
            io.err << "  " << (p.path.empty() ? i18n::tr("(document)") : p.path) << ": " << p.message << "\n";
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
    "new", "print a new map made from a built-in template (--list-templates)", help, run_new}};

}  // namespace

}  // namespace jm::cli
