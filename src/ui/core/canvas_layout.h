// Where everything sits on the canvas, in world units (1 unit = 1 pixel at 100%).
// Stages are columns; shown lanes are rows; touchpoint cards stack in the
// Touchpoints lane. Text is wrapped here, once per edit (never per frame), at
// the base font sizes: zooming scales the cached lines, it never breaks them
// again (glyph advances scale linearly with the font size).
//
// Heights follow the text: a card grows with its title's lines, a stage header
// with the longest stage name, and each lane row is as tall as its tallest cell
// across all stages (all, not only the visible ones, so rows stay put while
// panning). Cards and lane items are found by binary search over prefix sums,
// so hit-tests and culling cost O(log n) per stage whatever the heights.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "model/map.h"
#include "ui/core/geometry.h"
#include "ui/core/text_cache.h"
#include "ui/core/text_layout.h"

namespace jm::ui {

// CardDetail (model/map.h): compact stops card titles and lane items after
// `compact_lines` lines with "…"; full shows all of it.

struct LayoutMetrics {
    float lane_label_width = 150;  // sticky column of lane names at the left
    float header_height = 96;      // a stage header whose name fits on one line
    float stage_width = 272;
    float card_width = 248;
    float card_height = 66;        // a card whose title fits on one line (title, badge row, padding)
    float card_gap = 10;
    float padding = 12;
    float add_button_height = 34;  // "+ Add touchpoint" under each stage's cards
    float add_stage_width = 64;    // the "+" column after the last stage
    float min_text_lane_height = 64;

    // Text, at 100% zoom.
    float font_size = 17;           // card titles and lane items
    float line_height = 22;         // one line of a card title or a lane item
    float small_font_size = 15.3f;  // hand-off agreements
    float small_line_height = 20;
    float item_gap = 4;             // between two items of a text lane
    float bullet_indent = 24;       // lane items: the bullet's gutter; the text wraps beside it
    float name_font_size = 20;      // stage names
    float name_line_height = 25;
    float header_inset = 2;         // the header box inside its column
    float header_text_left = 10;    // from the header box to its text
    float header_name_top = 8;
    float card_text_left = 17;      // friction stripe (7) and padding (10)
    float card_text_right = 10;
    float card_title_top = 8;
    float card_icon_width = 24;     // the channel icon before the title's first line

    CardDetail card_detail = CardDetail::Full;
    int compact_lines = 3;
};

struct LaneBox {
    Lane lane;
    float top = 0, bottom = 0;
};

enum class HitKind { None, StageHeader, Card, AddCard, Cell, AddStage };

struct Hit {
    HitKind kind = HitKind::None;
    int stage = -1;   // index into map.stages
    int index = -1;   // card index within the stage (Card)
    int lane = -1;    // index into layout.lanes (Card, AddCard, Cell)
};

struct DropTarget {
    int stage = -1;   // where dragged cards would land
    int index = 0;    // insertion index within that stage
};

// Where the text of a lane item comes from (the layout keeps references, not copies).
enum class ItemSource : std::uint8_t { Doing, Thinking, Backstage, Pain, Opportunity, Channel, KpiName, Agreement, Derived };
// The glyph drawn in the item's gutter (the painter picks it).
enum class Bullet : std::uint8_t { None, Blank, Dot, Comment, Bolt, Idea, Channel, Users, Handoff };
enum class ItemStyle : std::uint8_t { Body, Muted, Small };

// One item of a text lane's cell: a pain, a KPI line, an owner...
struct CellItem {
    TextBlock text;
    float top = 0;                 // world y of its first line, from the lane's top
    std::int32_t touchpoint = -1;  // index within the stage (persona dimming), or -1
    std::uint32_t sub = 0;         // pain / opportunity / KPI index, or index of a derived string
    ItemSource source = ItemSource::Derived;
    Bullet bullet = Bullet::None;
    ItemStyle style = ItemStyle::Body;
};

// Compare mode (ui/core/comparison.h): room on the canvas for the cards and
// stages only the compared file has, drawn faded where they were. A ghost card
// takes a slot of the base card height (its title on one line) in its stage,
// before the card `before` of the map (the stage's card count: after the last);
// a ghost card of a stage the map no longer has goes in that stage's ghost
// column, after the map's stages and the "+" column. The map's own cards keep
// their indexes: hit-tests, drops and keyboard moves never see a ghost.
struct GhostPlan {
    struct Card {
        int stage = 0;    // a stage of the map, or stage_count() + k for ghost column k
        int before = 0;   // in a stage of the map: the index of the card it goes before
        bool operator==(const Card&) const = default;
    };
    std::vector<Card> cards;   // ghosts with the same place are drawn in the list's order
    int columns = 0;           // ghost columns (stages only the file has)
    bool empty() const { return cards.empty() && columns == 0; }
    bool operator==(const GhostPlan&) const = default;
};

// Text for a KPI line ("12 % (target 15) ✓ on target"); the editor passes its own.
using KpiText = std::function<std::string(const Kpi&)>;
std::string default_kpi_text(const Kpi& kpi);

class CanvasLayout {
public:
    CanvasLayout() = default;
    // Lays out with a fixed-width metric (0.5 em narrow, 1 em wide): for tests and tools.
    CanvasLayout(const Map& map, const std::vector<Lane>& lanes, LayoutMetrics metrics = {});

    // Lays out again in place, keeping the text cache: only texts that changed
    // (or whose width or font size changed) are broken into lines again.
    void rebuild(const Map& map, const std::vector<Lane>& lanes, const LayoutMetrics& metrics,
                 const TextMetric& metric, const KpiText& kpi_text = {});

    const LayoutMetrics& metrics() const { return m_; }
    int stage_count() const { return static_cast<int>(stage_cards_.size()); }
    const std::vector<LaneBox>& lanes() const { return lanes_; }
    int lane_index(Lane lane) const;   // -1 when hidden
    float header_height() const { return header_height_; }

    Rect content() const;              // everything, including the add-stage column
    Rect stage_column(int stage) const;
    Rect stage_header(int stage) const;
    Rect cell(int stage, int lane) const;
    Rect card(int stage, int index) const;    // requires the Touchpoints lane shown; index == count: the slot after the last
    Rect add_card_button(int stage) const;
    Rect add_stage_button() const;
    // The first and one-past-last card indices of `stage` that overlap `world` rows.
    std::pair<int, int> visible_cards(int stage, float world_top, float world_bottom) const;

    Hit hit_test(Vec2 world) const;
    DropTarget drop_target(Vec2 world) const;          // for dragging cards
    int stage_insert_index(float world_x) const;        // for dragging a stage header (0..stage_count)
    std::vector<std::string> cards_in(const Rect& world, const Map& map) const;  // rubber band

    // --- Text -------------------------------------------------------------------
    const TextLine* lines(const TextBlock& block) const { return cache_.lines(block); }
    // A card's title: its lines start at card(stage, index).min + (card_text_left, card_title_top),
    // the first one card_icon_width further right.
    const TextBlock& card_title(int stage, int index) const;
    std::string_view card_title_text(const Map& map, int stage, int index) const;   // "(untitled)" when empty
    // A stage's name: lines from stage_header(stage).min + (header_inset + header_text_left, header_inset + header_name_top).
    const TextBlock& stage_name(int stage) const;
    std::string_view stage_name_text(const Map& map, int stage) const;              // "(unnamed stage)" when empty
    float header_owner_top() const;   // world y of the owner line under the names (same for every stage)
    // The items of a text lane's cell, and the range of them that overlaps `world` rows.
    std::pair<int, int> cell_items(int stage, int lane) const;
    std::pair<int, int> visible_items(int stage, int lane, float world_top, float world_bottom) const;
    const CellItem& item(int index) const { return items_[index]; }
    Rect item_rect(int stage, int lane, int index) const;   // the item's text box (gutter excluded)
    std::string_view item_text(const Map& map, int stage, const CellItem& item) const;
    float item_font_size(const CellItem& item) const;
    float item_line_height(const CellItem& item) const;

    // --- Ghosts (compare mode) -----------------------------------------------------
    // The plan the next rebuild lays out (an empty plan: none). Entries out of
    // range are clamped, so a plan made for the map one edit ago is still safe.
    void set_ghosts(GhostPlan plan) { plan_ = std::move(plan); }
    const GhostPlan& ghosts() const { return plan_; }
    int ghost_columns() const { return laid_columns_; }
    Rect ghost_column(int column) const;
    Rect ghost_header(int column) const;
    Rect ghost_card(int k) const;   // k: index into ghosts().cards
    // The ghost cards of a stage of the map, or of column k at stage_count() + k,
    // that overlap `world` rows: positions for ghost_at(), top to bottom.
    std::pair<int, int> visible_ghosts(int slot, float world_top, float world_bottom) const;
    int ghost_at(int position) const { return ghost_order_[position]; }   // -> index into ghosts().cards

    const TextLayoutCache& text_cache() const { return cache_; }
    // Bytes the layout holds: its own arrays plus the text cache.
    std::size_t memory_bytes() const;

private:
    LayoutMetrics m_;
    TextLayoutCache cache_;
    std::vector<int> stage_cards_;     // card count per stage
    std::vector<int> card_base_;       // cards before each stage (size stages + 1)
    std::vector<float> card_tops_;     // per stage: count + 1 tops from the first card's top (the last: end of the stack)
    std::vector<float> card_heights_;  // per card, indexed by card_base_[stage] + index
    std::vector<TextBlock> titles_;    // per card, indexed by card_base_[stage] + index
    std::vector<TextBlock> names_;     // per stage
    std::vector<int> cell_first_;      // per (lane, stage): first item; size lanes * stages + 1
    std::vector<CellItem> items_;
    std::vector<std::string> derived_; // texts the map does not hold ("No owner", KPI summaries)
    std::vector<LaneBox> lanes_;
    GhostPlan plan_;
    std::vector<float> ghost_tops_;    // per ghost card, from the first card's top
    std::vector<int> ghost_first_;     // per stage and column: its first ghost card (size stages + columns + 1)
    std::vector<int> ghost_slot_;      // per ghost card: the stage or column it was laid out in (clamped)
    std::vector<int> ghost_before_;    // per ghost card: the card it goes before (clamped)
    std::vector<int> ghost_order_;     // ghost cards by slot, then place: what ghost_first_ ranges index
    int laid_columns_ = 0;
    int touch_lane_ = -1;
    float lanes_bottom_ = 0;
    float header_height_ = 96;
    float name_lines_height_ = 25;

    float stage_left(int stage) const { return m_.lane_label_width + stage * m_.stage_width; }
    float ghost_left(int column) const { return stage_left(stage_count()) + m_.add_stage_width + column * m_.stage_width; }
    const float* tops(int stage) const { return card_tops_.data() + card_base_[stage] + stage; }
    float first_card_top() const { return lanes_[touch_lane_].top + m_.padding; }
    float card_height_for(int stage, int index) const;
    // Text lanes while they are built: each lane's items, stage after stage.
    struct LaneBuild {
        Lane lane = Lane::Doing;
        int index = 0;                 // in lanes_
        std::vector<CellItem> items;
        std::vector<int> first;        // per stage: its first item in `items`
        float y = 0, tallest = 0;
        std::size_t reserve = 0;       // items last time
    };
    std::vector<LaneBuild> builds_;    // kept between rebuilds for their capacity
    void lay_out_stage_texts(const Map& map, int stage, const KpiText& kpi_text);
};

}  // namespace jm::ui
