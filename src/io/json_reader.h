// Reading checked values out of parsed JSON: every mismatch becomes a problem
// with a JSON Pointer and plain words, and reading goes on so that a file's
// problems are all reported at once.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "io/map_json.h"

namespace jm {

using Json = nlohmann::json;

// "/stages/0/name" from "/stages/0" and "name" (RFC 6901 escaping of ~ and /).
std::string pointer_join(const std::string& base, const std::string& key);
std::string pointer_join(const std::string& base, std::size_t index);

// A persona colour as the format writes it: "#RRGGBB" (either case). Both
// readers use it; a hand check rather than <regex>, which alone added tens of KB
// to the wasm.
bool is_hex_colour(std::string_view text);

// A JSON value's kind in words: "a string", "a number", "an array"...
std::string kind_of(const Json& j);

class JsonReader {
public:
    explicit JsonReader(std::vector<LoadProblem>& problems) : problems_(problems) {}

    void problem(const std::string& path, std::string message);
    bool full() const { return problems_.size() >= kMaxProblems; }

    // An object at `path`; false (with a problem) otherwise.
    bool object(const Json& j, const std::string& path);

    // Fields of `obj`. Required ones report "missing"; optional ones leave `out` as it is.
    // Text longer than limits::kMaxTextChars, and lists longer than
    // limits::kMaxListItems, are problems.
    void text(const Json& obj, const std::string& path, const char* key, std::string& out, bool required = false);
    void integer(const Json& obj, const std::string& path, const char* key, int& out, int lo, int hi, bool required = false);
    void optional_integer(const Json& obj, const std::string& path, const char* key, std::optional<int>& out, int lo, int hi);
    void count(const Json& obj, const std::string& path, const char* key, std::optional<std::int64_t>& out);
    void number(const Json& obj, const std::string& path, const char* key, std::optional<double>& out);
    void boolean(const Json& obj, const std::string& path, const char* key, bool& out);
    void text_list(const Json& obj, const std::string& path, const char* key, std::vector<std::string>& out);
    // An array of counts; `size` > 0 requires exactly that many entries.
    bool counts(const Json& obj, const std::string& path, const char* key, std::vector<std::int64_t>& out, std::size_t size);

    // True when an array of `size` entries at `path` is within `limit`; a problem otherwise.
    bool within(std::size_t size, std::size_t limit, const std::string& path, std::string_view items, std::string_view per);

    // The members of `obj` that are not in `known`, kept verbatim.
    static UnknownFields unknown(const Json& obj, std::initializer_list<const char*> known);

private:
    std::vector<LoadProblem>& problems_;
};

// Parses text; on failure returns nothing and sets `error` ("not JSON: ... at
// line L, column C", or that the text has more than limits::kMaxJsonValues values).
std::optional<Json> parse_json(std::string_view text, std::string& error);

// Why `text` nests '[' and '{' deeper than limits::kMaxNestingDepth, with the line
// and column where it goes too deep; nothing when it does not. One pass outside
// strings, before any parsing: nlohmann's DOM, its copies and its dump()
// recurse once per level, so depth must be bounded before they run.
std::optional<std::string> nesting_problem(std::string_view text);

}  // namespace jm
