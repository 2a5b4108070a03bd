// Where everything sits on the canvas, in world units (1 unit = 1 pixel at 100%).
// Stages are columns; shown lanes are rows; touchpoint cards stack in the
// Touchpoints lane. Computed once per edit (not per frame) and answers
// hit-tests in O(1) per stage, so a 10,000-card map stays fluid.
#pragma once

#include <string>
#include <vector>

#include "model/map.h"
#include "ui/core/geometry.h"

namespace jm::ui {

struct LayoutMetrics {
    float lane_label_width = 150;  // sticky column of lane names at the left
    float header_height = 96;      // stage headers
    float stage_width = 272;
    float card_width = 248;
    float card_height = 78;
    float card_gap = 10;
    float padding = 12;
    float add_button_height = 34;  // "+ Add touchpoint" under each stage's cards
    float text_line_height = 24;   // one item in a text lane
    float add_stage_width = 64;    // the "+" column after the last stage
    int max_text_lines = 12;       // a text lane grows up to this many lines, then clips
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

class CanvasLayout {
public:
    CanvasLayout() = default;
    CanvasLayout(const Map& map, const std::vector<Lane>& lanes, LayoutMetrics metrics = {});

    const LayoutMetrics& metrics() const { return m_; }
    int stage_count() const { return static_cast<int>(stage_cards_.size()); }
    const std::vector<LaneBox>& lanes() const { return lanes_; }
    int lane_index(Lane lane) const;   // -1 when hidden

    Rect content() const;              // everything, including the add-stage column
    Rect stage_column(int stage) const;
    Rect stage_header(int stage) const;
    Rect cell(int stage, int lane) const;
    Rect card(int stage, int index) const;    // requires the Touchpoints lane shown
    Rect add_card_button(int stage) const;
    Rect add_stage_button() const;
    // The first and one-past-last card indices of `stage` that overlap `world` rows.
    std::pair<int, int> visible_cards(int stage, float world_top, float world_bottom) const;

    Hit hit_test(Vec2 world) const;
    DropTarget drop_target(Vec2 world) const;          // for dragging cards
    int stage_insert_index(float world_x) const;        // for dragging a stage header (0..stage_count)
    std::vector<std::string> cards_in(const Rect& world, const Map& map) const;  // rubber band

private:
    LayoutMetrics m_;
    std::vector<int> stage_cards_;   // card count per stage
    std::vector<LaneBox> lanes_;
    int touch_lane_ = -1;
    float lanes_bottom_ = 0;

    float stage_left(int stage) const { return m_.lane_label_width + stage * m_.stage_width; }
    float card_pitch() const { return m_.card_height + m_.card_gap; }
};

// How many text lines a text lane needs for one stage (one per non-empty item).
int text_lane_lines(const Stage& stage, Lane lane);

}  // namespace jm::ui
