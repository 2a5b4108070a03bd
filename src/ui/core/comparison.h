// Compare mode: the open map seen against another version of it, a file the
// user picked (File > Compare with file...). It is diff(file, open map)
// (edit/map_diff.h): "added" is what only the open map has, "removed" what
// only the file has; "moved" and "changed" say where it was and what it said
// in the file. What the views need is made here once per revision of the open
// map, never per frame: a mark per card and per stage by index (the canvas
// reads one per visible card), the entities by id (the inspector), the removed
// items with the place their ghost takes on the canvas (a GhostPlan for the
// layout), the rows of the Compare list, and the counts for the status bar.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "edit/map_change.h"
#include "edit/map_diff.h"
#include "model/map.h"
#include "ui/core/canvas_layout.h"

namespace jm::ui {

// What an item of the open map has compared with the file. Bits: a card can be
// moved and changed at once.
enum CompareMark : std::uint8_t {
    kMarkNone = 0,
    kMarkAdded = 1,     // in the open map only
    kMarkMoved = 2,     // to another stage, or to another place in its list
    kMarkChanged = 4,   // at least one of its fields differs
    kMarkKpis = 8,      // a stage: one of its KPIs was added, removed, moved or changed
};

struct FieldDiff {
    std::string key;                   // the file format's key: "title", "survey.nps" (edit/map_change.h)
    nlohmann::json file_value, map_value;
};

// An entity of the open map that differs from the file.
struct EntityDiff {
    EntityKind kind = EntityKind::Map;
    std::string id;                    // "" for the map; "period" / "period_previous"; a lane's key
    std::uint8_t marks = kMarkNone;
    std::string stage;                 // a touchpoint or KPI: its stage in the open map
    std::string from_stage;            // a moved touchpoint or KPI: its stage in the file
    int from_index = -1;               // moved: its place in its list in the file (0 = first)
    std::vector<FieldDiff> fields;     // changed: each field that differs, in the format's order
};

// An entity only the file has, drawn faded (a ghost) where it was.
struct Ghost {
    EntityKind kind = EntityKind::Map;
    std::string id;
    std::string name;                  // its title or name in the file
    std::string stage;                 // a touchpoint or KPI: its stage in the file
    int file_index = -1;               // its place in its list in the file
    int column = -1;                   // a stage (or a card of a stage) the open map does not have: its ghost column
    int card = -1;                     // a touchpoint: its index in ghost_plan().cards; -1 when not drawn
};

// The Compare list, in groups of one kind each.
enum class CompareGroup : std::uint8_t { Stages, Cards, Kpis, Surveys, Personas, BusinessFigures, MapFields, Lanes };
inline constexpr int kCompareGroups = 8;

struct CompareRow {
    CompareGroup group = CompareGroup::Cards;
    int entity = -1;                   // index into entities(); -1 for a ghost or a heading
    int ghost = -1;                    // index into ghosts(); -1 for an entity or a heading
    int field = -1;                    // map fields and business figures: one row per field (its index in fields)
    bool heading() const { return entity < 0 && ghost < 0; }
};

// Over every kind but surveys (a survey is a field of a card or a stage).
struct CompareTotals {
    int added = 0, removed = 0, moved = 0, changed = 0;
};

class Comparison {
public:
    Comparison(std::string file_name, Map file);

    // Compares again when the open map's `revision` is not the one compared
    // last; true when it did.
    bool update(const Map& open, std::uint64_t revision);

    const std::string& file_name() const { return file_name_; }
    const Map& file() const { return file_; }
    const MapDiff& diff() const { return diff_; }
    bool equal() const { return diff_.equal(); }
    std::uint64_t revision() const { return revision_; }
    CompareTotals totals() const;

    // The canvas, by index in the open map as compared (out of range: kMarkNone).
    std::uint8_t card_mark(int stage, int index) const;
    std::uint8_t stage_mark(int stage) const;
    const GhostPlan& ghost_plan() const { return plan_; }
    const Ghost* ghost_of_card(int k) const;       // k: index into ghost_plan().cards
    const Ghost* ghost_of_column(int column) const;

    // The inspector and tooltips: nullptr when the entity does not differ.
    const EntityDiff* entity(EntityKind kind, const std::string& id) const;
    const std::vector<EntityDiff>& entities() const { return entities_; }
    const std::vector<Ghost>& ghosts() const { return ghosts_; }
    // The KPIs of a stage of the open map that differ (indexes into entities())
    // and those its version in the file has that the open map has not (into ghosts()).
    struct StageKpis {
        std::vector<int> entities, ghosts;
    };
    const StageKpis* kpis_of(const std::string& stage_id) const;

    // The Compare list: groups in CompareGroup's order, each a heading row and
    // then its items in the map's order.
    const std::vector<CompareRow>& rows() const { return rows_; }
    int group_size(CompareGroup g) const { return group_sizes_[static_cast<int>(g)]; }   // its items

private:
    void build(const Map& open);
    EntityDiff& entity_for(EntityKind kind, const std::string& id);
    void place_ghosts(const Map& open);
    void mark_canvas(const Map& open);
    void make_rows(const Map& open);

    std::string file_name_;
    Map file_;
    MapDiff diff_;
    std::uint64_t revision_ = 0;
    bool compared_ = false;
    std::vector<EntityDiff> entities_;
    std::vector<Ghost> ghosts_;
    std::array<std::unordered_map<std::string, int>, 7> by_id_;   // per EntityKind: id -> index into entities_
    std::vector<int> card_base_;               // cards before each stage of the open map (size stages + 1)
    std::vector<std::uint8_t> card_marks_;     // per card of the open map
    std::vector<std::uint8_t> stage_marks_;    // per stage of the open map
    GhostPlan plan_;
    std::vector<int> plan_ghost_;              // per plan card: index into ghosts_
    std::vector<int> column_ghost_;            // per ghost column: index into ghosts_
    std::unordered_map<std::string, StageKpis> kpis_;
    std::vector<CompareRow> rows_;
    std::array<int, kCompareGroups> group_sizes_{};
};

// One kind's counts for the status bar: "+3 -1 ~2 moved 1", only what is not 0.
std::string kind_counts_text(const KindCounts& counts);
// "Cards: +3 -1 ~2 moved 1 | Stages: +1 | Business figures: ~2", the kinds that
// differ in the order of the Compare list; "No differences" when none does.
std::string counts_text(const DiffCounts& counts);

}  // namespace jm::ui
