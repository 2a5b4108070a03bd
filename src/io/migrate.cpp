#include "io/migrate.h"

#include <map>

#include "io/map_json.h"

namespace jm {

namespace {

using nlohmann::json;

// Version 0 (the prototype's format) differs from version 1 in four ways:
//   - no "format" marker; "journeymap_version": 0 instead of "version";
//   - the map's title is "name", and there is no map id;
//   - touchpoints sit in one top-level list, each naming its stage in "stage";
//   - emotion is on a 1..5 scale (3 = neutral) instead of -2..+2.
std::string migrate_0_to_1(json& doc) {
    json out = json::object();
    out["format"] = "journeymap";
    out["version"] = 1;
    out["id"] = doc.contains("id") ? doc["id"] : json("migrated-map");
    out["title"] = doc.contains("name") ? doc["name"] : json("Untitled journey");
    json stages = doc.value("stages", json::array());
    if (!stages.is_array()) return "\"stages\" is not a list";
    std::map<std::string, std::size_t> stage_at;
    for (std::size_t i = 0; i < stages.size(); ++i) {
        if (!stages[i].is_object()) return "stage " + std::to_string(i) + " is not an object";
        if (stages[i].contains("id") && stages[i]["id"].is_string()) stage_at[stages[i]["id"].get<std::string>()] = i;
        stages[i]["touchpoints"] = json::array();
    }
    json tps = doc.value("touchpoints", json::array());
    if (!tps.is_array()) return "\"touchpoints\" is not a list";
    for (std::size_t i = 0; i < tps.size(); ++i) {
        json tp = tps[i];
        if (!tp.is_object() || !tp.contains("stage") || !tp["stage"].is_string()) return "touchpoint " + std::to_string(i) + " names no stage";
        auto it = stage_at.find(tp["stage"].get<std::string>());
        if (it == stage_at.end()) return "touchpoint " + std::to_string(i) + " names an unknown stage \"" + tp["stage"].get<std::string>() + "\"";
        tp.erase("stage");
        if (tp.contains("emotion") && tp["emotion"].is_number_integer()) tp["emotion"] = tp["emotion"].get<int>() - 3;
        stages[it->second]["touchpoints"].push_back(tp);
    }
    out["stages"] = stages;
    out["personas"] = doc.value("personas", json::array());
    for (const char* key : {"description", "author", "created", "modified"})
        if (doc.contains(key)) out[key] = doc[key];
    doc = std::move(out);
    return "";
}

}  // namespace

int migration_source_version(const json& doc) {
    if (doc.contains("journeymap_version") && !doc.contains("format")) {
        const json& v = doc["journeymap_version"];
        return v.is_number_integer() ? v.get<int>() : 0;
    }
    return kFormatVersion;
}

std::string migrate_to_current(json& doc, int from) {
    for (int v = from; v < kFormatVersion; ++v) {
        std::string why;
        switch (v) {
            case 0: why = migrate_0_to_1(doc); break;
            default: why = "no upgrade from version " + std::to_string(v); break;
        }
        if (!why.empty()) return why;
    }
    return "";
}

}  // namespace jm
