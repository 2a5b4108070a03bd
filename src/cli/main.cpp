// `journeymap`: the command-line companion of the editor.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <vector>

#include "cli/command.h"
#include "i18n/i18n.h"
#include "io/limits.h"
#include "metrics/text_format.h"

namespace jm::cli {

std::vector<Command>& registry() {
    static std::vector<Command> commands;
    return commands;
}

int read_input(const std::string& path, Io& io, std::string& text, std::string& error) {
    std::ifstream file;
    if (path != "-") {
        std::error_code ec;
        if (std::filesystem::is_directory(path, ec)) {
            error = i18n::tr("is a folder, not a file");
            return kIoError;
        }
        file.open(path, std::ios::binary);
        if (!file) {
            error = i18n::tr("cannot open file");
            return kIoError;
        }
    }
    std::istream& in = path == "-" ? io.in : file;
    // In blocks, keeping at most the limit: a file of gigabytes (or an endless
    // pipe) costs time to count, never memory.
    text.clear();
    std::size_t total = 0;
    std::vector<char> block(1 << 16);
    while (in) {
        in.read(block.data(), static_cast<std::streamsize>(block.size()));
        const auto n = static_cast<std::size_t>(in.gcount());
        if (total < limits::kMaxFileBytes) text.append(block.data(), std::min(n, limits::kMaxFileBytes - total));
        total += n;
    }
    if (in.bad()) {
        error = i18n::tr("read error");
        return kIoError;
    }
    if (total > limits::kMaxFileBytes) {
        text.clear();
        error = limits::file_too_large(total);
        return kInvalid;
    }
    return kOk;
}

void print_notices(const std::vector<std::string>& notices, const std::string& name, Io& io) {
    // The file name is the user's: filled in one pass (trf_once), after the notice.
    for (const auto& notice : notices) io.err << trf_once("{file}: note: {note}", {{"file", name}, {"note", notice}}) << "\n";
}

bool is_option(const std::string& arg, const std::string& name) {
    return arg == name || arg.rfind(name + "=", 0) == 0;
}

bool option_value(const std::vector<std::string>& args, std::size_t& i, const std::string& name, std::string& value,
                  std::string& error) {
    const std::string& arg = args[i];
    if (arg.size() > name.size() && arg.compare(0, name.size() + 1, name + "=") == 0) {
        value = arg.substr(name.size() + 1);
        return true;
    }
    if (i + 1 >= args.size()) {
        error = i18n::trf("option {option} needs a value", {{"option", name}});
        return false;
    }
    value = args[++i];
    return true;
}

bool text_or_json(const std::string& value, bool& json, std::string& error) {
    if (value != "text" && value != "json") {
        error = i18n::trf("--format must be 'text' or 'json', got '{value}'", {{"value", value}});
        return false;
    }
    json = value == "json";
    return true;
}

bool write_file_atomic(const std::string& path, const std::string& text, std::string& error) {
    const std::string tmp = path + ".tmp~";
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        if (!f || !(f << text) || !f.flush()) {
            error = i18n::trf("cannot write {file}", {{"file", tmp}});
            std::remove(tmp.c_str());
            return false;
        }
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        error = i18n::trf("cannot replace {file}", {{"file", path}});
        std::remove(tmp.c_str());
        return false;
    }
    return true;
}

std::optional<std::string> known_language(const std::string& tag) {
    const std::string bare = tag.substr(0, tag.find_first_of(".@"));   // "C.UTF-8" -> "C"; "" stays unknown
    if (bare == "C" || bare == "POSIX") return "en";
    std::string code = i18n::best_language({tag});
    if (code != "en") return code;
    // best_language answers English for what it does not know, too.
    std::string primary = bare.substr(0, bare.find_first_of("-_"));
    for (char& c : primary)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (primary == "en") return code;
    return std::nullopt;
}

std::string environment_language() {
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(name);
        if (value && *value) return known_language(value).value_or("en");
    }
    return "en";
}

std::string usage_lines(std::initializer_list<const char*> synopses) {
    std::string out;
    std::string indent;
    for (const char* synopsis : synopses) {
        if (out.empty()) {
            // "usage: " as the language writes it; the next lines align under the first.
            const std::string first = i18n::trf("usage: {synopsis}", {{"synopsis", synopsis}});
            const std::size_t at = first.rfind(synopsis);
            indent.assign(at == std::string::npos ? 0 : display_width(first.substr(0, at)), ' ');
            out = first + "\n";
        } else {
            out += indent + synopsis + "\n";
        }
    }
    return out;
}

std::string help_text(const char* english) { return std::string(i18n::tr(english)) + "\n"; }

std::string help_option(const char* column, const char* english) {
    const std::string text = i18n::tr(english);
    const std::string indent(display_width(column), ' ');
    std::string out = column;
    for (std::size_t at = 0; at <= text.size();) {
        const std::size_t end = std::min(text.find('\n', at), text.size());
        if (at > 0) out += indent;
        out += text.substr(at, end - at) + "\n";
        at = end + 1;
    }
    return out;
}

}  // namespace jm::cli

namespace {

using jm::cli::Command;
using jm::cli::registry;
namespace i18n = jm::i18n;

const Command* find_command(const std::string& name) {
    for (const auto& c : registry())
        if (c.name == name) return &c;
    return nullptr;
}

void print_help(std::ostream& out) {
    auto commands = registry();
    std::sort(commands.begin(), commands.end(), [](auto& a, auto& b) { return a.name < b.name; });
    out << jm::cli::usage_lines({"journeymap COMMAND [ARGS...]"}) << "\n"
        << jm::cli::help_text("Work with journey map files (*.journeymap.json) from the command line.") << "\n"
        << jm::cli::help_text("Commands:");
    for (const auto& c : commands) {
        out << "  " << c.name << std::string(c.name.size() < 12 ? 12 - c.name.size() : 1, ' ')
            << i18n::tr(c.summary.c_str()) << "\n";
    }
    out << "\n"
        << jm::cli::help_text("Options:") << jm::cli::help_option("  -h, --help    ", "show this help")
        << jm::cli::help_option("  --version     ", "print the version")
        << jm::cli::help_option("  --lang LANG   ",
                                "the language of messages: en, es, pt-BR, zh-CN (default: from\n"
                                "LC_ALL, LC_MESSAGES or LANG; JSON output is always English)")
        << "\n"
        << jm::cli::help_text(
               "Run 'journeymap help COMMAND' for a command's own options. A FILE of '-' is standard input.");
}

std::string language_list() {
    std::string out;
    for (const auto& l : i18n::languages()) out += (out.empty() ? "" : ", ") + std::string(l.code);
    return out;
}

struct LangOption {
    bool given = false;
    std::string value;         // the last --lang's value
    bool missing_value = false;
    std::vector<std::string> words;   // the --lang options as given, for `new`
};

// Takes every "--lang CODE" / "--lang=CODE" out of `args` (up to a "--", after
// which everything is a file name).
LangOption take_lang(std::vector<std::string>& args) {
    LangOption lang;
    std::vector<std::string> rest;
    bool options_done = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (options_done || (arg != "--lang" && arg.rfind("--lang=", 0) != 0)) {
            options_done = options_done || arg == "--";
            rest.push_back(arg);
            continue;
        }
        lang.given = true;
        lang.words.push_back(arg);
        if (arg != "--lang") {
            lang.value = arg.substr(7);
        } else if (i + 1 < args.size()) {
            lang.value = args[++i];
            lang.words.push_back(lang.value);
        } else {
            lang.missing_value = true;
        }
    }
    args = std::move(rest);
    return lang;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    jm::cli::Io io{std::cin, std::cout, std::cerr};
    i18n::set_language(jm::cli::environment_language());
    // --lang may stand anywhere; the command never sees it, except `new`, whose
    // own --lang picks the template's language (and, here, the messages' too).
    const LangOption lang = take_lang(args);
    const bool is_new = !args.empty() && args[0] == "new";
    if (lang.given) {
        const std::optional<std::string> code =
            lang.missing_value ? std::nullopt : jm::cli::known_language(lang.value);
        if (code) {
            i18n::set_language(*code);
        } else if (!is_new) {   // `new` says itself what is wrong with its --lang
            std::cerr << "journeymap: "
                      << (lang.missing_value
                              ? i18n::trf("option --lang needs a value: {languages}", {{"languages", language_list()}})
                              : i18n::trf("unknown language '{language}' for --lang; use one of {languages}",
                                          {{"languages", language_list()}, {"language", lang.value}}))
                      << "\n";
            return jm::cli::kUsage;
        }
        if (is_new) args.insert(args.end(), lang.words.begin(), lang.words.end());
    }
    if (args.empty()) {
        print_help(std::cerr);
        return jm::cli::kUsage;
    }
    const std::string first = args[0];
    if (first == "--version" || first == "version") {
        std::cout << "journeymap " << JM_VERSION << "\n";
        return jm::cli::kOk;
    }
    if (first == "-h" || first == "--help") {
        print_help(std::cout);
        return jm::cli::kOk;
    }
    if (first == "help") {
        if (args.size() < 2) {
            print_help(std::cout);
            return jm::cli::kOk;
        }
        const Command* c = find_command(args[1]);
        if (!c) {
            std::cerr << "journeymap: " << i18n::trf("unknown command '{command}'", {{"command", args[1]}}) << "\n";
            return jm::cli::kUsage;
        }
        std::cout << c->usage();
        return jm::cli::kOk;
    }
    const Command* c = find_command(first);
    if (!c) {
        std::cerr << "journeymap: "
                  << i18n::trf("unknown command '{command}' (see 'journeymap --help')", {{"command", first}}) << "\n";
        return jm::cli::kUsage;
    }
    args.erase(args.begin());
    if (std::find(args.begin(), args.end(), "--help") != args.end() ||
        std::find(args.begin(), args.end(), "-h") != args.end()) {
        std::cout << c->usage();
        return jm::cli::kOk;
    }
    return c->run(args, io);
}
