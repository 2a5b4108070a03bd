// No English reaches the screen around the catalogue: every string literal of
// src/ui and src/app that holds a word (two letters or more) goes through
// tr()/trf()/trn() (or i18n::tr_later(), translated where shown), or is one of
// the explicit exemptions below: an ImGui id, an argument that is an id or a
// key by the function's contract (the short table kIdArguments), a term that
// stays as it is in every language (kKeptTerms), or a line marked
// `// i18n: not shown (reason)`. And every key given to tr() and its kin is in
// the English catalogue, so a typo or a forgotten catalogue entry fails here too.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "i18n/i18n.h"

namespace fs = std::filesystem;

namespace {

// Functions whose argument at `arg` is an id, a key or a machine value by
// contract, never text for the user. `only_with_more`: only when more
// arguments follow (TreeNode(str_id, fmt, ...) vs TreeNode(label)).
struct IdArgument {
    const char* function;
    int arg;
    const char* why;
    bool only_with_more = false;
};
constexpr IdArgument kIdArguments[] = {
    {"BeginChild", 0, "child window id"},
    {"BeginTable", 0, "table id"},
    {"PushID", 0, "id"},
    {"GetID", 0, "id"},
    {"InvisibleButton", 0, "id"},
    {"ImHashStr", 0, "id"},
    {"BeginPopup", 0, "id of a non-modal popup (no title)"},
    {"OpenPopup", 0, "popup id (a modal's title comes from BeginPopupModal)"},
    {"IsPopupOpen", 0, "popup id"},
    {"TreeNode", 0, "id, when a format follows", true},
    {"MenuItem", 1, "keyboard shortcut: key names stay"},
    {"window_title", 1, "a window's stable id (ui/core/window_title.h)"},
    {"begin_overlay", 0, "child window id"},
    {"begin_overlay", 1, "child window id"},
    {"escape_keeps_text", 0, "id"},
    {"period_editor", 0, "id"},
    {"new_id", 1, "prefix of a new id"},
    {"map_from_template", 0, "template id"},
    {"download_file", 1, "MIME type"},
    {"download_name", 1, "file extension"},
    {"pick_file", 0, "accepted file types"},
    {"pick_files", 0, "accepted file types"},
    {"ends_with", 1, "file extension"},
    {"figure_row", 2, "key of the figure's base, translated by figure_row"},
    {"strcmp", 1, "compared with a key"},
};

// Functions that translate their argument themselves (tr() inside): the literal
// is a catalogue key, checked as tr()'s are.
constexpr IdArgument kTranslatedByCallee[] = {
    {"paragraph_field", 1, "label"},
    {"paragraph_list", 1, "label"},
    {"paragraph_list", 5, "add button's label"},
    {"commit_touchpoint", 3, "field name of the undo step"},
    {"commit_stage", 3, "field name of the undo step"},
    {"commit_persona", 3, "field name of the undo step"},
    {"commit_map", 2, "field name of the undo step"},
};

// Names that stay as they are in every language: the product, formats, metric
// acronyms. Removed from a literal before looking for words.
constexpr const char* kKeptTerms[] = {"Journey Map", "Dear ImGui", "Mermaid", "JSON", "CSV", "PNG", "NPS", "CSAT",
                                      "CES", "NRR", "CLV", "ARPA", "CAC", "KPIs", "KPI"};

// Keyboard key names: they stay in every language, so a key made of them
// (i18n::tr_later("Ctrl+Shift+Z / Ctrl+Y")) needs no catalogue entry.
constexpr const char* kKeyNames[] = {"Ctrl", "Shift", "Alt", "Enter", "Escape", "Space", "Delete", "Del", "Backspace",
                                     "Home", "End", "Page Up", "Page Down", "Up", "Down", "Left", "Right", "Tab"};

// Files left out, with the reason.
constexpr const char* kSkippedFiles[] = {
    "app_api.cpp",   // the JavaScript API: its strings are API names and English results for scripts, never drawn
};

constexpr const char* kMarker = "i18n: not shown";

bool is_tr(std::string_view f) { return f == "tr" || f == "trf" || f == "trn" || f == "tr_later"; }

struct Frame {
    std::string function;   // empty for a grouping parenthesis
    int arg = 0;
    int braces = 0;
};

struct Literal {
    int line = 0;
    std::string text;               // as written in the source, escapes included, adjacent pieces joined
    std::string function;           // innermost named call around it
    int arg = 0;                    // its argument index there
    bool followed_by_comma = false; // more arguments follow
    bool marked = false;            // the line carries the marker
};

// C++'s escapes decoded: the catalogue holds the text itself.
std::string unescape(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '\\' || i + 1 >= s.size()) {
            out += s[i];
            continue;
        }
        const char c = s[++i];
        switch (c) {
            case 'n': out += '\n'; break;
            case 't': out += '\t'; break;
            case 'r': out += '\r'; break;
            case 'x': {
                int v = 0, n = 0;
                while (i + 1 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) && n < 2) {
                    v = v * 16 + std::stoi(std::string(1, s[++i]), nullptr, 16);
                    ++n;
                }
                out += static_cast<char>(v);
                break;
            }
            default:
                if (c >= '0' && c <= '7') {
                    int v = c - '0', n = 1;
                    while (i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '7' && n < 3) v = v * 8 + (s[++i] - '0'), ++n;
                    out += static_cast<char>(v);
                } else {
                    out += c;   // \" \\ \' \?
                }
        }
    }
    return out;
}

// The part of a label ImGui shows: before "##".
std::string visible_part(const std::string& text) {
    const std::size_t ids = text.find("##");
    return ids == std::string::npos ? text : text.substr(0, ids);
}

std::string without(std::string s, const char* const* first, const char* const* last) {
    for (; first != last; ++first)
        for (std::size_t at = s.find(*first); at != std::string::npos; at = s.find(*first)) s.replace(at, std::strlen(*first), " ");
    return s;
}

// True when a (decoded) text holds a word: two ASCII letters in a row, once
// printf conversions, hex colours and the kept terms are taken out.
bool has_word(std::string text, bool key_names_too = false) {
    static const std::regex printf_spec(R"(%[-+ #0]*(\d+|\*)?(\.(\d+|\*))?(hh|h|ll|l|z|j|t|L)?[diouxXeEfFgGaAcspn%])");
    static const std::regex colour(R"(#[0-9A-Fa-f]{6}([0-9A-Fa-f]{2})?\b)");
    text = std::regex_replace(text, printf_spec, " ");
    text = std::regex_replace(text, colour, " ");
    text = without(text, std::begin(kKeptTerms), std::end(kKeptTerms));
    if (key_names_too) text = without(text, std::begin(kKeyNames), std::end(kKeyNames));
    for (std::size_t i = 0; i + 1 < text.size(); ++i)
        if (std::isalpha(static_cast<unsigned char>(text[i])) && std::isalpha(static_cast<unsigned char>(text[i + 1]))) return true;
    return false;
}

// Every string literal of a C++ source, with the call it is an argument of.
std::vector<Literal> literals_of(const std::string& src) {
    std::vector<Literal> out;
    std::vector<Frame> stack;
    std::vector<int> marked_lines;   // lines whose comment carries the marker
    std::vector<int> marker_only;    // lines that hold nothing but such a comment
    int line = 1;
    bool line_has_code = false;
    std::string last_ident;          // the identifier just before, if the last token was one
    Literal* open_literal = nullptr; // the literal a following adjacent literal joins
    const auto at_line_start_directive = [&](std::size_t i) {
        std::size_t j = src.rfind('\n', i == 0 ? 0 : i - 1);
        j = j == std::string::npos ? 0 : j + 1;
        while (j < i && (src[j] == ' ' || src[j] == '\t')) ++j;
        return j == i;
    };
    for (std::size_t i = 0; i < src.size();) {
        const char c = src[i];
        if (c == '\n') {
            ++line;
            line_has_code = false;
            ++i;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r') {
            ++i;
            continue;
        }
        if (src.compare(i, 2, "//") == 0) {
            const std::size_t end = std::min(src.find('\n', i), src.size());
            if (src.substr(i, end - i).find(kMarker) != std::string::npos) {
                marked_lines.push_back(line);
                if (!line_has_code) marker_only.push_back(line);
            }
            i = end;
            continue;
        }
        if (src.compare(i, 2, "/*") == 0) {
            const std::size_t end = src.find("*/", i + 2);
            const std::size_t stop = end == std::string::npos ? src.size() : end + 2;
            line += static_cast<int>(std::count(src.begin() + i, src.begin() + stop, '\n'));
            i = stop;
            continue;
        }
        if (c == '#' && at_line_start_directive(i) && src.compare(i, 8, "#include") == 0) {
            i = std::min(src.find('\n', i), src.size());
            continue;
        }
        line_has_code = true;
        if (c == '\'') {   // a character literal
            std::size_t j = i + 1;
            while (j < src.size() && src[j] != '\'') j += src[j] == '\\' ? 2 : 1;
            i = j + 1;
            last_ident.clear();
            open_literal = nullptr;
            continue;
        }
        const bool raw = c == 'R' && i + 1 < src.size() && src[i + 1] == '"';
        if (c == '"' || raw) {
            std::string text;
            const int start_line = line;
            if (raw) {
                const std::size_t paren = src.find('(', i + 2);
                const std::string close = ")" + src.substr(i + 2, paren - i - 2) + "\"";
                const std::size_t end = src.find(close, paren);
                text = src.substr(paren + 1, end - paren - 1);
                line += static_cast<int>(std::count(text.begin(), text.end(), '\n'));
                i = end + close.size();
            } else {
                std::size_t j = i + 1;
                while (j < src.size() && src[j] != '"') {
                    if (src[j] == '\\') text += src[j++];
                    text += src[j++];
                }
                i = j + 1;
            }
            if (open_literal) {
                open_literal->text += text;   // "a" "b" is one literal
            } else {
                Literal lit;
                lit.line = start_line;
                lit.text = text;
                for (auto f = stack.rbegin(); f != stack.rend(); ++f)
                    if (!f->function.empty()) {
                        lit.function = f->function;
                        lit.arg = f->arg;
                        break;
                    }
                out.push_back(lit);
                open_literal = &out.back();
            }
            last_ident.clear();
            continue;
        }
        if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
            std::size_t j = i;
            while (j < src.size() && (std::isalnum(static_cast<unsigned char>(src[j])) || src[j] == '_')) ++j;
            const std::string ident = src.substr(i, j - i);
            i = j;
            // u8"..", L"..": a prefix, not a name.
            if ((ident == "u8" || ident == "L" || ident == "u" || ident == "U") && i < src.size() && src[i] == '"') continue;
            last_ident = ident;
            // A macro between two literals (ICON_X "  Add") keeps the pieces apart: fine, both are seen.
            open_literal = nullptr;
            continue;
        }
        if (src.compare(i, 2, "::") == 0) {   // a qualified name: its last part is the name
            i += 2;
            continue;
        }
        if (open_literal && c == ',') open_literal->followed_by_comma = true;
        open_literal = nullptr;
        if (c == '(') {
            stack.push_back({last_ident, 0, 0});
        } else if (c == ')') {
            if (!stack.empty()) stack.pop_back();
        } else if (c == ',') {
            if (!stack.empty() && stack.back().braces == 0) ++stack.back().arg;
        } else if (c == '{') {
            if (!stack.empty()) ++stack.back().braces;
        } else if (c == '}') {
            if (!stack.empty() && stack.back().braces > 0) --stack.back().braces;
        }
        last_ident.clear();
        ++i;
    }
    for (Literal& l : out)
        l.marked = std::find(marked_lines.begin(), marked_lines.end(), l.line) != marked_lines.end() ||
                   std::find(marker_only.begin(), marker_only.end(), l.line - 1) != marker_only.end();
    return out;
}

const nlohmann::json& english_messages() {
    static const nlohmann::json messages = nlohmann::json::parse(jm::i18n::catalogue_text("en")).at("messages");
    return messages;
}

// A literal given to tr() and its kin as the key: in the English catalogue,
// unless it is only key names or kept terms (tr() returns those as they are).
bool key_in_catalogue(const std::string& literal) {
    std::string key = unescape(visible_part(literal));
    if (!has_word(key, true)) return true;
    const auto& messages = english_messages();
    if (messages.contains(key)) return true;
    // A label after an icon macro: tr() drops the icon and the spaces after it.
    key.erase(0, key.find_first_not_of(' '));
    return messages.contains(key);
}

template <std::size_t N>
const IdArgument* find_argument(const IdArgument (&table)[N], const Literal& l) {
    for (const IdArgument& a : table)
        if (l.function == a.function && l.arg == a.arg && (!a.only_with_more || l.followed_by_comma)) return &a;
    return nullptr;
}

// What is wrong with one literal, or an empty string.
std::string problem_with(const Literal& l) {
    if (is_tr(l.function)) {
        if (l.arg == 0)
            return key_in_catalogue(l.text) ? "" : "a key missing from assets/i18n/en.json";
        // trf("...", {{"name", value}}): a placeholder's name is an id; a value must not be English.
        static const std::regex name(R"([a-z0-9_]+)");
        if (l.followed_by_comma && std::regex_match(l.text, name)) return "";
    }
    if (find_argument(kTranslatedByCallee, l)) return key_in_catalogue(l.text) ? "" : "a key missing from assets/i18n/en.json";
    if (!has_word(unescape(visible_part(l.text)))) return "";
    if (find_argument(kIdArguments, l)) return "";
    static const std::regex extension(R"((\.[A-Za-z0-9]+)+)");
    if (std::regex_match(l.text, extension)) return "";   // ".csv", ".journeymap.json"
    if (l.marked) return "";
    return "English outside tr()";
}

std::vector<fs::path> sources() {
    std::vector<fs::path> out;
    for (const char* dir : {"src/ui", "src/app"})
        for (const auto& e : fs::directory_iterator(fs::path(JM_SOURCE_DIR) / dir)) {
            const fs::path& p = e.path();
            if (!e.is_regular_file() || (p.extension() != ".cpp" && p.extension() != ".h")) continue;
            if (std::any_of(std::begin(kSkippedFiles), std::end(kSkippedFiles), [&](const char* f) { return p.filename() == f; })) continue;
            out.push_back(p);
        }
    std::sort(out.begin(), out.end());
    return out;
}

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<std::string> problems_in(const std::string& file_name, const std::string& src) {
    std::vector<std::string> out;
    for (const Literal& l : literals_of(src)) {
        const std::string why = problem_with(l);
        if (!why.empty()) out.push_back(file_name + ":" + std::to_string(l.line) + ": \"" + l.text + "\" (" + why + ")");
    }
    return out;
}

}  // namespace

TEST_CASE("no English literal in src/ui and src/app goes around the catalogue", "[i18n][lint]") {
    const auto files = sources();
    REQUIRE(files.size() > 20);
    std::vector<std::string> problems;
    std::size_t literals = 0;
    for (const fs::path& p : files) {
        const std::string src = read_all(p);
        literals += literals_of(src).size();
        const auto found = problems_in(fs::relative(p, JM_SOURCE_DIR).generic_string(), src);
        problems.insert(problems.end(), found.begin(), found.end());
    }
    REQUIRE(literals > 500);
    std::string report;
    for (const auto& p : problems) report += p + "\n";
    INFO("Wrap each in i18n::tr()/trf()/trn() and add it to the catalogues (build/i18n/add_keys.py), or, if it is never\n"
         "shown, mark its line `// i18n: not shown (reason)`:\n" << report);
    REQUIRE(problems.empty());
}

TEST_CASE("the literal check tells ids, keys and visible English apart", "[i18n][lint]") {
    const auto check = [](const std::string& code) { return problems_in("x.cpp", code); };
    // Visible English is caught, wherever it sits, with its line.
    REQUIRE(check("void f() {\n  ImGui::Button(\"Save all\");\n}") == std::vector<std::string>{"x.cpp:2: \"Save all\" (English outside tr())"});
    REQUIRE(check("ImGui::Begin(\"History\");").size() == 1);             // a window title is shown
    REQUIRE(check("ImGui::BeginPopupModal(\"Delete it?\");").size() == 1);
    REQUIRE(check("ImGui::Text(\"%d of %d\", a, b);").size() == 1);
    REQUIRE(check("std::string s = \"Hello \" + name;").size() == 1);
    REQUIRE(check("ImGui::Button(\"Go##x\");").size() == 1);             // the part before ## is shown
    REQUIRE(check("i18n::trf(\"Damaged: {id}\", {{\"id\", \"many more\"}});").size() == 1);   // a value is no placeholder name
    REQUIRE(check("TreeNode(\"Open me\");").size() == 1);                // a TreeNode's only argument is its label
    // Through the catalogue, or not text.
    REQUIRE(check("ImGui::Button(i18n::tr(\"Cancel\"));").empty());
    REQUIRE(check("i18n::trf(\"Damaged: {id}\", {{\"id\", e.id}});").empty());
    REQUIRE(check("ImGui::Button(i18n::tr(ICON_PLUS \"  Add stage##x\"));").empty());
    REQUIRE(check("ImGui::Button(\"##close\"); ImGui::Text(\"%s: %d\", a, b); ImGui::Text(\"\\xef\\x80\\xa3\");").empty());
    REQUIRE(check("ImGui::BeginChild(\"Canvas area\"); ImGui::BeginTable(\"hotspots\", 4); ImGui::PushID(\"row\");").empty());
    REQUIRE(check("ImGui::TreeNode(\"coverage\", \"%s\", text);").empty());
    REQUIRE(check("ImGui::MenuItem(i18n::tr(\"Find...\"), \"Ctrl+F\");").empty());
    REQUIRE(check("download_file(name + \".csv\", \"text/csv\", text); f(\".journeymap.json\");").empty());
    REQUIRE(check("figure_row(\"NPS\", f); s += \" - Journey Map\"; const char* c = \"#CC79A7\";").empty());
    REQUIRE(check("app.save_state = \"Saving...\";   // i18n: not shown (the JS API's state, in English)").empty());
    REQUIRE(check("// i18n: not shown (a storage key)\nconst char* k = \"language\";").empty());
    REQUIRE(check("const char* k = \"language\";\n// i18n: not shown (too late)").size() == 1);
    // A key must be in the catalogue; key names need no entry.
    REQUIRE(check("ImGui::Button(i18n::tr(\"No such message in any catalogue\"));") ==
            std::vector<std::string>{"x.cpp:1: \"No such message in any catalogue\" (a key missing from assets/i18n/en.json)"});
    REQUIRE(check("paragraph_field(st, \"Not a label we have\", f);").size() == 1);
    REQUIRE(check("i18n::tr_later(\"Ctrl+Shift+Z / Ctrl+Y\"); i18n::tr_later(\"Undo\");").empty());
}
