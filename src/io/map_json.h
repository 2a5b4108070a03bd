// The journey map file format: JSON, versioned, validated on load, canonical on save.
// The format is documented in README.md ("Map file format") and in
// assets/schema/journeymap.schema.json; the two and this loader must agree.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/map.h"

namespace jm {

// What this program writes. Version 2 added "lineage" (where a map was forked
// from); a version 1 file is upgraded by its number alone (io/migrate.cpp).
inline constexpr int kFormatVersion = 2;
inline constexpr std::size_t kMaxProblems = 100; // a loader reports at most this many

struct LoadProblem {
    std::string path;      // JSON Pointer into the file ("" for the whole document)
    std::string message;   // plain words, e.g. "friction must be between 0 and 5, got 7"
};

struct LoadResult {
    std::optional<Map> map;             // set only when there are no problems
    std::vector<LoadProblem> problems;  // every problem found, up to kMaxProblems
    std::vector<std::string> notices;   // what the user should know about a map that loaded (e.g. read as Windows-1252)
    int source_version = 0;             // the version the file declared
    bool migrated = false;              // true when an older version was upgraded
    bool ok() const { return map.has_value(); }
};

// Parses and validates a whole file. Never throws; a bad file gives problems and no map.
// The bytes may be in any encoding decode_imported_text accepts (io/text_encoding.h);
// a file over any limit of io/limits.h is refused with a problem naming the limit.
LoadResult load_map_json(std::string_view text);

// The two readers behind load_map_json, for tests and benchmarks. The fast one
// reads a problem-free file of the current version, or of version 1 (whose
// upgrade changes nothing but the number), straight into the model, in one
// pass with no JSON document, and gives nothing back (not even a problem) for
// anything else: a problem, an encoding to convert, an older version to
// migrate, a key given twice. The checked one parses a JSON document, migrates, validates
// and reports every problem; for any file both accept they give the same map.
std::optional<LoadResult> load_map_json_fast(std::string_view text);
LoadResult load_map_json_checked(std::string_view text);

// Canonical text: fixed key order, 2-space indent, UTF-8, trailing "\n".
// The same map always gives the same bytes.
std::string save_map_json(const Map& map);

}  // namespace jm
