#include "io/migrate.h"

#include <cstdint>
#include <cstdio>
#include <map>

#include "io/map_json.h"

namespace jm {

namespace {

using nlohmann::json;

// A map id for a version 0 file, which had none: derived from the content, so
// that upgrading the same file twice gives the same map while two different
// files do not collide in the browser library, where maps are kept by id.
std::string content_id(const json& doc) {
    std::uint64_t h = 14695981039346656037ULL;   // FNV-1a, 64 bits
    for (unsigned char c : doc.dump(-1, ' ', false, json::error_handler_t::replace)) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "map-%08llx", static_cast<unsigned long long>(h & 0xffffffffULL));
    return buf;
}

// Version 0 (the prototype's format) differs from version 1 in four ways:
//   - no "format" marker; "journeymap_version": 0 instead of "version";
//   - the map's title is "name", and there is no map id;
//   - touchpoints sit in one top-level list, each naming its stage in "stage";
//   - emotion is on a 1..5 scale (3 = neutral) instead of -2..+2.
std::string migrate_0_to_1(json& doc) {
    json out = json::object();
    out["format"] = "journeymap";
    out["version"] = 1;
    out["id"] = doc.contains("id") ? doc["id"] : json(content_id(doc));
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
        // Any number moves down by 3 (4.0 -> 1.0 too); validation then judges the result.
        if (tp.contains("emotion") && tp["emotion"].is_number_integer()) tp["emotion"] = tp["emotion"].get<long long>() - 3;
        else if (tp.contains("emotion") && tp["emotion"].is_number_float()) tp["emotion"] = tp["emotion"].get<double>() - 3.0;
        stages[it->second]["touchpoints"].push_back(tp);
    }
    out["stages"] = stages;
    out["personas"] = doc.value("personas", json::array());
    // Every other key already had its version 1 meaning (description, author,
    // created, modified...) or is unknown and kept: a migration never drops data.
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        static const char* const kReplaced[] = {"journeymap_version", "name", "id", "stages", "touchpoints", "personas"};
        bool replaced = false;
        for (const char* k : kReplaced) replaced = replaced || it.key() == k;
        if (!replaced) out[it.key()] = it.value();
    }
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
