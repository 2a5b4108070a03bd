#include "ui/core/canvas_layout.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace jm::ui {

int text_lane_lines(const Stage& stage, Lane lane) {
    int lines = 0;
    switch (lane) {
        case Lane::Doing:
            for (const auto& t : stage.touchpoints) lines += t.doing.empty() ? 0 : 1;
            break;
        case Lane::Thinking:
            for (const auto& t : stage.touchpoints) lines += t.thinking.empty() ? 0 : 1;
            break;
        case Lane::Backstage:
            for (const auto& t : stage.touchpoints) lines += t.backstage.empty() ? 0 : 1;
            break;
        case Lane::Pains:
            for (const auto& t : stage.touchpoints) lines += static_cast<int>(t.pains.size());
            break;
        case Lane::Opportunities:
            for (const auto& t : stage.touchpoints) lines += static_cast<int>(t.opportunities.size());
            break;
        case Lane::Channels: {
            std::set<std::string> channels;
            for (const auto& t : stage.touchpoints)
                if (!t.channel.empty()) channels.insert(t.channel);
            lines = static_cast<int>(channels.size());
            break;
        }
        case Lane::Kpis: lines = static_cast<int>(stage.kpis.size()) * 2; break;
        default: break;
    }
    return lines;
}

namespace {

float fixed_lane_height(Lane lane) {
    switch (lane) {
        case Lane::Emotion: return 180;
        case Lane::Friction: return 96;
        case Lane::Owners: return 112;
        default: return 0;
    }
}

}  // namespace

CanvasLayout::CanvasLayout(const Map& map, const std::vector<Lane>& lanes, LayoutMetrics metrics) : m_(metrics) {
    int max_cards = 0;
    for (const auto& s : map.stages) {
        stage_cards_.push_back(static_cast<int>(s.touchpoints.size()));
        max_cards = std::max(max_cards, stage_cards_.back());
    }
    float y = m_.header_height;
    for (Lane lane : lanes) {
        float h = fixed_lane_height(lane);
        if (lane == Lane::Touchpoints) {
            touch_lane_ = static_cast<int>(lanes_.size());
            h = 2 * m_.padding + max_cards * card_pitch() + m_.add_button_height;
        } else if (h == 0) {
            int lines = 1;
            for (const auto& s : map.stages) lines = std::max(lines, text_lane_lines(s, lane));
            lines = std::min(lines, m_.max_text_lines);
            h = std::max(64.0f, 2 * m_.padding + lines * m_.text_line_height);
        }
        lanes_.push_back({lane, y, y + h});
        y += h;
    }
    lanes_bottom_ = y;
}

int CanvasLayout::lane_index(Lane lane) const {
    for (int i = 0; i < static_cast<int>(lanes_.size()); ++i)
        if (lanes_[i].lane == lane) return i;
    return -1;
}

Rect CanvasLayout::content() const {
    float right = stage_left(stage_count()) + m_.add_stage_width;
    return {{0, 0}, {right, std::max(lanes_bottom_, m_.header_height + 80)}};
}

Rect CanvasLayout::stage_column(int stage) const {
    return {{stage_left(stage), 0}, {stage_left(stage + 1), std::max(lanes_bottom_, m_.header_height)}};
}

Rect CanvasLayout::stage_header(int stage) const {
    return {{stage_left(stage), 0}, {stage_left(stage + 1), m_.header_height}};
}

Rect CanvasLayout::cell(int stage, int lane) const {
    const LaneBox& box = lanes_[lane];
    return {{stage_left(stage), box.top}, {stage_left(stage + 1), box.bottom}};
}

Rect CanvasLayout::card(int stage, int index) const {
    float x = stage_left(stage) + (m_.stage_width - m_.card_width) / 2;
    float y = lanes_[touch_lane_].top + m_.padding + index * card_pitch();
    return {{x, y}, {x + m_.card_width, y + m_.card_height}};
}

Rect CanvasLayout::add_card_button(int stage) const {
    Rect below = card(stage, stage_cards_[stage]);
    return {below.min, {below.max.x, below.min.y + m_.add_button_height - 6}};
}

Rect CanvasLayout::add_stage_button() const {
    float x = stage_left(stage_count()) + 8;
    return {{x, 8}, {x + m_.add_stage_width - 16, m_.header_height - 8}};
}

std::pair<int, int> CanvasLayout::visible_cards(int stage, float world_top, float world_bottom) const {
    if (touch_lane_ < 0) return {0, 0};
    float first_top = lanes_[touch_lane_].top + m_.padding;
    int n = stage_cards_[stage];
    int first = static_cast<int>(std::floor((world_top - first_top - m_.card_height) / card_pitch())) + 1;
    int last = static_cast<int>(std::floor((world_bottom - first_top) / card_pitch())) + 1;
    return {std::clamp(first, 0, n), std::clamp(last, 0, n)};
}

Hit CanvasLayout::hit_test(Vec2 p) const {
    if (p.x < m_.lane_label_width || p.y < 0) return {};
    int stage = static_cast<int>((p.x - m_.lane_label_width) / m_.stage_width);
    if (stage >= stage_count()) {
        return add_stage_button().contains(p) ? Hit{HitKind::AddStage} : Hit{};
    }
    if (p.y < m_.header_height) return {HitKind::StageHeader, stage};
    for (int lane = 0; lane < static_cast<int>(lanes_.size()); ++lane) {
        if (p.y < lanes_[lane].top || p.y >= lanes_[lane].bottom) continue;
        if (lane == touch_lane_) {
            float rel = p.y - (lanes_[lane].top + m_.padding);
            int index = static_cast<int>(std::floor(rel / card_pitch()));
            if (rel >= 0 && index < stage_cards_[stage] && card(stage, index).contains(p))
                return {HitKind::Card, stage, index, lane};
            if (add_card_button(stage).contains(p)) return {HitKind::AddCard, stage, -1, lane};
        }
        return {HitKind::Cell, stage, -1, lane};
    }
    return {};
}

DropTarget CanvasLayout::drop_target(Vec2 p) const {
    if (stage_count() == 0 || touch_lane_ < 0) return {};
    int stage = std::clamp(static_cast<int>(std::floor((p.x - m_.lane_label_width) / m_.stage_width)), 0, stage_count() - 1);
    float rel = p.y - (lanes_[touch_lane_].top + m_.padding) + m_.card_gap / 2;
    // Insert before the card whose upper half the pointer is over.
    int index = static_cast<int>(std::floor(rel / card_pitch() + 0.5f));
    return {stage, std::clamp(index, 0, stage_cards_[stage])};
}

int CanvasLayout::stage_insert_index(float x) const {
    int index = static_cast<int>(std::floor((x - m_.lane_label_width) / m_.stage_width + 0.5f));
    return std::clamp(index, 0, stage_count());
}

std::vector<std::string> CanvasLayout::cards_in(const Rect& r, const Map& map) const {
    std::vector<std::string> ids;
    if (touch_lane_ < 0) return ids;
    for (int s = 0; s < stage_count(); ++s) {
        if (!stage_column(s).overlaps(r)) continue;
        auto [first, last] = visible_cards(s, r.min.y, r.max.y);
        for (int i = first; i < last; ++i)
            if (card(s, i).overlaps(r)) ids.push_back(map.stages[s].touchpoints[i].id);
    }
    return ids;
}

}  // namespace jm::ui
