// `journeymap`: the command-line companion of the editor.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <vector>

#include "cli/command.h"
#include "io/limits.h"

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
            error = "is a folder, not a file";
            return kIoError;
        }
        file.open(path, std::ios::binary);
        if (!file) {
            error = "cannot open file";
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
        error = "read error";
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
    for (const auto& notice : notices) io.err << name << ": note: " << notice << "\n";
}

bool write_file_atomic(const std::string& path, const std::string& text, std::string& error) {
    const std::string tmp = path + ".tmp~";
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        if (!f || !(f << text) || !f.flush()) {
            error = "cannot write " + tmp;
            std::remove(tmp.c_str());
            return false;
        }
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        error = "cannot replace " + path;
        std::remove(tmp.c_str());
        return false;
    }
    return true;
}

}  // namespace jm::cli

namespace {

using jm::cli::Command;
using jm::cli::registry;

const Command* find_command(const std::string& name) {
    for (const auto& c : registry())
        if (c.name == name) return &c;
    return nullptr;
}

void print_help(std::ostream& out) {
    auto commands = registry();
    std::sort(commands.begin(), commands.end(), [](auto& a, auto& b) { return a.name < b.name; });
    out << "usage: journeymap COMMAND [ARGS...]\n\n"
           "Work with journey map files (*.journeymap.json) from the command line.\n\n"
           "Commands:\n";
    for (const auto& c : commands) {
        out << "  " << c.name << std::string(c.name.size() < 12 ? 12 - c.name.size() : 1, ' ') << c.summary << "\n";
    }
    out << "\nOptions:\n  -h, --help    show this help\n  --version     print the version\n\n"
           "Run 'journeymap help COMMAND' for a command's own options. A FILE of '-' is standard input.\n";
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    jm::cli::Io io{std::cin, std::cout, std::cerr};
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
            std::cerr << "journeymap: unknown command '" << args[1] << "'\n";
            return jm::cli::kUsage;
        }
        std::cout << c->usage;
        return jm::cli::kOk;
    }
    const Command* c = find_command(first);
    if (!c) {
        std::cerr << "journeymap: unknown command '" << first << "' (see 'journeymap --help')\n";
        return jm::cli::kUsage;
    }
    args.erase(args.begin());
    if (std::find(args.begin(), args.end(), "--help") != args.end() ||
        std::find(args.begin(), args.end(), "-h") != args.end()) {
        std::cout << c->usage;
        return jm::cli::kOk;
    }
    return c->run(args, io);
}
