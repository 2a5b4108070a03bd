// Upgrading map files written by older versions, one step at a time
// (version N to N+1), before validation. Each step documents what changed.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace jm {

// The version a parsed file declares: "version" (1 or 1.0...) in a file marked
// "format": "journeymap", "journeymap_version" for the pre-release version 0.
// kFormatVersion for anything else: no marker, the current version, a newer
// one or no whole number (validation then reports what is wrong).
int migration_source_version(const nlohmann::json& doc);

// Upgrades `doc` in place from `from` to the current version. "" on success,
// else why it cannot be upgraded (the document is then left half-way: discard it).
std::string migrate_to_current(nlohmann::json& doc, int from);

}  // namespace jm
