// The merge kept while its conflicts are settled (ui/core/merge_session.h).
#include "ui/core/merge_session.h"

#include <algorithm>

#include "edit/change_text.h"
#include "edit/map_diff.h"
#include "i18n/i18n.h"

namespace jm::ui {

namespace {

bool lineage_names(const Map& m, const std::string& id) {
    return std::any_of(m.lineage.bases.begin(), m.lineage.bases.end(), [&](const Ancestor& a) { return a.id == id; });
}

void name_conflicts(MergeSession& s) {
    s.names_of_conflicts.clear();
    for (const Conflict& c : s.result.conflicts) s.names_of_conflicts.push_back(entity_name(c.kind, c.id, maps_of(s, c)));
}

// What the next merge step must apply: from the map as merged before to the map as merged now.
std::vector<Change> changes_between(const Map& before, const Map& after) { return diff(before, after).changes; }

}  // namespace

std::vector<const Map*> maps_of(const MergeSession& s, const Conflict& c) {
    std::vector<const Map*> maps{&s.result.merged};
    const MergeInputs& in = *s.result.inputs;
    const auto side = static_cast<std::size_t>(c.side);
    if (side >= 1 && side <= in.theirs.size()) maps.push_back(&in.theirs[side - 1]);
    if (in.base) maps.push_back(&*in.base);
    return maps;
}

bool is_copy_of(const Map& copy, const Map& map) {
    return copy.id == map.id || lineage_names(copy, map.id) || lineage_names(map, copy.id);
}

std::vector<Change> begin_merge(MergeSession& session, const Map& open, std::optional<Map> base,
                                std::vector<MergeFile> files, int serial) {
    std::stable_sort(files.begin(), files.end(), [](const MergeFile& a, const MergeFile& b) { return a.name < b.name; });
    session = MergeSession{};
    std::vector<Map> theirs;
    for (auto& f : files) {
        session.names.push_back(f.name);
        theirs.push_back(std::move(f.map));
    }
    session.three_way = base.has_value();
    session.result = merge(std::move(base), open, std::move(theirs));
    session.merge_key = "merge-files:" + std::to_string(serial);
    session.label = i18n::trn("Merge {n} files", static_cast<int>(session.names.size()));
    name_conflicts(session);
    std::vector<Change> changes = changes_between(open, session.result.merged);
    session.changes_applied = changes.size();
    return changes;
}

std::optional<std::vector<Change>> resolve_conflict(MergeSession& session, std::size_t index, MergeChoice choice,
                                                    nlohmann::json edited) {
    const Map before = session.result.merged;
    const bool fits = resolve(session.result, index, choice, std::move(edited));
    name_conflicts(session);
    if (!fits) return std::nullopt;
    return changes_between(before, session.result.merged);
}

std::vector<Change> resolve_all_conflicts(MergeSession& session, MergeChoice choice) {
    const Map before = session.result.merged;
    resolve_all(session.result, choice);
    name_conflicts(session);
    return changes_between(before, session.result.merged);
}

}  // namespace jm::ui
