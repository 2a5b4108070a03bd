// Upgrading map files written by older versions, one step at a time
// (version N to N+1), before validation. Each step documents what changed.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace jm {

// The version a parsed file declares: "version" for version 1 and later,
// "journeymap_version" for the pre-release version 0. kFormatVersion when
// neither is there (validation then reports the missing marker).
int migration_source_version(const nlohmann::json& doc);

// Upgrades `doc` in place from `from` to the current version. "" on success,
// else why it cannot be upgraded (the document is then left half-way: discard it).
std::string migrate_to_current(nlohmann::json& doc, int from);

}  // namespace jm
