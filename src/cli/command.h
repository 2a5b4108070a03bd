// Subcommands of `journeymap`. Each lives in its own cmd_<name>.cpp and adds
// itself to the registry with a static CommandRegistration, so adding one touches
// no other file.
#pragma once

#include <functional>
#include <initializer_list>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace jm::cli {

// Exit codes, as a Unix user expects them.
enum Exit : int {
    kOk = 0,
    kInvalid = 1,   // the input was read but is not valid (validate found problems)
    kUsage = 2,     // wrong arguments
    kIoError = 3,   // a file could not be read or written
};

// The exit code for several files: an unreadable file outranks an invalid one,
// which outranks success.
inline int worse_exit(int so_far, int status) {
    auto rank = [](int code) { return code == kIoError ? 2 : code == kInvalid ? 1 : 0; };
    return rank(status) > rank(so_far) ? status : so_far;
}

struct Io {
    std::istream& in;
    std::ostream& out;
    std::ostream& err;
};

struct Command {
    std::string name;
    std::string summary;   // one line for `journeymap --help`, in English: shown through i18n::tr
    std::string (*usage)();   // full help for `journeymap help NAME` / `NAME --help`, in the language in use
    std::function<int(const std::vector<std::string>& args, Io& io)> run;
};

std::vector<Command>& registry();

struct CommandRegistration {
    explicit CommandRegistration(Command c) { registry().push_back(std::move(c)); }
};

// Reads a whole file, or standard input when `path` is "-". Returns kOk;
// kInvalid when it is larger than limits::kMaxFileBytes (no more than that is
// ever held in memory; the rest is counted for the message and dropped);
// kIoError when it cannot be read. `error` says why when it is not kOk.
int read_input(const std::string& path, Io& io, std::string& text, std::string& error);

// What a loader said the user should know about a file that loaded (e.g. that
// it was read as Windows-1252), on standard error as "NAME: note: ...".
void print_notices(const std::vector<std::string>& notices, const std::string& name, Io& io);

// One of i18n::languages() for a language tag as users and POSIX locales write
// it ("es", "pt_BR.UTF-8", "zh"); "en" for C and POSIX; nothing for a language
// we do not speak.
std::optional<std::string> known_language(const std::string& tag);

// The language the environment asks messages in: the first of LC_ALL,
// LC_MESSAGES and LANG that is set and not empty, as POSIX orders them; English
// when none is, or for C, POSIX or a language we do not speak. `--lang CODE`
// (main.cpp) wins over it.
std::string environment_language();

// Pieces of a usage text in the language in use (i18n::tr). Command names,
// option names and examples stay as they are; the prose is translated.
//   usage_lines({"journeymap fmt [--check] FILE...", "journeymap fmt [--check] -"})
//     "usage: journeymap fmt [--check] FILE...\n       journeymap fmt [--check] -\n"
std::string usage_lines(std::initializer_list<const char*> synopses);
// A paragraph (English key, lines broken with "\n" as the language needs) and its newline.
std::string help_text(const char* english);
// An option and its description: `column` is the option as typed, padded to
// where descriptions start ("  --check   "); the description's further lines
// (broken with "\n") are indented to line up under its first.
std::string help_option(const char* column, const char* english);

// Options given as "--name VALUE" or "--name=VALUE".
// Whether `arg` is option `name` in either spelling.
bool is_option(const std::string& arg, const std::string& name);
// The value of the option at args[i] (moving `i` past a separate value); false,
// with `error` set, when it has none.
bool option_value(const std::vector<std::string>& args, std::size_t& i, const std::string& name, std::string& value,
                  std::string& error);
// `--format text|json`: sets `json`; false, with `error` set, for any other value.
bool text_or_json(const std::string& value, bool& json, std::string& error);

// Writes `text` to `path` atomically (temporary file, then rename), so a failed
// write never leaves half a map behind.
bool write_file_atomic(const std::string& path, const std::string& text, std::string& error);

}  // namespace jm::cli
