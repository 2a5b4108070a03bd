#include "io/migrate.h"

#include <cstdint>
#include <cstdio>
#include <limits>
#include <map>

#include "i18n/i18n.h"
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

// Emotion 1..5 (version 0) -> -2..+2: any number moves down by 3 (4.0 -> 1.0
// too), and validation then judges the result. Exactly, for every number JSON
// holds: non-negative integers arrive unsigned and may pass INT64_MAX (read as
// signed they would wrap), and subtracting 3 near INT64_MIN would overflow; a
// result no 64-bit integer holds becomes a double, which validation reports as
// out of range like any other. Anything but a number is left for validation too.
json emotion_0_to_1(const json& emotion) {
    if (emotion.is_number_unsigned()) {
        const std::uint64_t u = emotion.get<std::uint64_t>();
        return u >= 3 ? json(u - 3) : json(static_cast<std::int64_t>(u) - 3);
    }
    if (emotion.is_number_integer()) {
        const std::int64_t v = emotion.get<std::int64_t>();
        return v >= std::numeric_limits<std::int64_t>::min() + 3 ? json(v - 3) : json(static_cast<double>(v) - 3.0);
    }
    if (emotion.is_number_float()) return emotion.get<double>() - 3.0;
    return emotion;
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
    if (!stages.is_array()) return i18n::trf("\"{field}\" is not a list", {{"field", "stages"}});
    std::map<std::string, std::size_t> stage_at;
    for (std::size_t i = 0; i < stages.size(); ++i) {
        if (!stages[i].is_object()) return i18n::trf("stage {index} is not an object", {{"index", std::to_string(i)}});
        if (stages[i].contains("id") && stages[i]["id"].is_string()) stage_at[stages[i]["id"].get<std::string>()] = i;
        stages[i]["touchpoints"] = json::array();
    }
    json tps = doc.value("touchpoints", json::array());
    if (!tps.is_array()) return i18n::trf("\"{field}\" is not a list", {{"field", "touchpoints"}});
    for (std::size_t i = 0; i < tps.size(); ++i) {
        json tp = tps[i];
        if (!tp.is_object() || !tp.contains("stage") || !tp["stage"].is_string()) return i18n::trf("touchpoint {index} names no stage", {{"index", std::to_string(i)}});
        auto it = stage_at.find(tp["stage"].get<std::string>());
        if (it == stage_at.end()) return i18n::trf("touchpoint {index} names an unknown stage \"{stage}\"", {{"index", std::to_string(i)}, {"stage", tp["stage"].get<std::string>()}});
        tp.erase("stage");
        if (tp.contains("emotion")) tp["emotion"] = emotion_0_to_1(tp["emotion"]);
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

// Version 2 added the optional "lineage" (where the map was forked from, for a
// three-way merge); nothing else changed. A version 1 file has no lineage,
// so the upgrade is the number alone, and the fast reader (map_json_fast.cpp)
// reads version 1 files directly. A "lineage" a version 1 file carries anyway
// (written by hand, or by a tool that kept the old number) is read as version
// 2 defines it, and reported when it is not one: a base that is not what it
// claims would mislead a merge more than no base.
std::string migrate_1_to_2(json& doc) {
    doc["version"] = 2;
    return "";
}

}  // namespace

int migration_source_version(const json& doc) {
    if (doc.contains("journeymap_version") && !doc.contains("format")) {
        const json& v = doc["journeymap_version"];
        return v.is_number_integer() ? v.get<int>() : 0;
    }
    // A marked file of an older version; anything else (no marker, a version
    // that is not a whole number, a newer one) is left for validation to report.
    const auto fmt = doc.find("format");
    const auto ver = doc.find("version");
    if (fmt == doc.end() || !fmt->is_string() || fmt->get<std::string>() != "journeymap" || ver == doc.end() || !ver->is_number())
        return kFormatVersion;
    const double v = ver->get<double>();
    for (int older = 1; older < kFormatVersion; ++older)
        if (v == older) return older;   // 1 and 1.0 alike, as check_header takes them
    return kFormatVersion;
}

std::string migrate_to_current(json& doc, int from) {
    for (int v = from; v < kFormatVersion; ++v) {
        std::string why;
        switch (v) {
            case 0: why = migrate_0_to_1(doc); break;
            case 1: why = migrate_1_to_2(doc); break;
            default: why = i18n::trf("no upgrade from version {version}", {{"version", std::to_string(v)}}); break;
        }
        if (!why.empty()) return why;
    }
    return "";
}

}  // namespace jm
