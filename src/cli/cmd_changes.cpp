// `journeymap changes MAP`: the map as the by-id changes that build it from an
// empty map (edit/room_stream.h), as JSON. The live room's server seeds a new
// room with them (scripts/room.sh MAP), the same list the editor sends when it
// starts a room.
#include <ostream>

#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "edit/room_stream.h"
#include "i18n/i18n.h"

namespace jm::cli {

int load_map_for(const std::string& command, const std::string& path, Io& io, Map& out);   // cmd_diff.cpp

namespace {

std::string help() {
    return usage_lines({"journeymap changes MAP"}) + "\n" +
           help_text("Prints MAP as the changes that build it from an empty map, one per stage,\n"
                     "touchpoint, KPI, persona, lane and field, as JSON: {\"map\": {id, title, created,\n"
                     "modified}, \"changes\": [...]}. A live room is seeded with them\n"
                     "(scripts/room.sh MAP).") +
           "\n" + help_text("Exit status: 0 printed, 2 wrong arguments or a file that is not a valid map,\n"
                            "3 the file cannot be read.");
}

int run_changes(const std::vector<std::string>& args, Io& io) {
    if (args.size() != 1 || (args[0].size() > 1 && args[0][0] == '-')) {
        io.err << "journeymap changes: " << i18n::tr("give one map file") << "\n\n" << help();
        return kUsage;
    }
    Map map;
    if (const int status = load_map_for("changes", args[0], io, map); status != kOk) return status;
    nlohmann::json changes = nlohmann::json::array();
    for (const Change& c : changes_from_empty(map)) changes.push_back(change_to_json(c));
    const nlohmann::json out = {
        {"map", {{"id", map.id}, {"title", map.title}, {"created", map.created}, {"modified", map.modified},
                 {"lineage", lineage_to_json(map.lineage)}}},
        {"changes", std::move(changes)}};
    io.out << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return kOk;
}

const CommandRegistration registration{Command{"changes", "print a map as the changes that build it (a live room's seed)", help, run_changes}};

}  // namespace

}  // namespace jm::cli
