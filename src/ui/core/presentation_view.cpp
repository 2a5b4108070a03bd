#include "ui/core/presentation_view.h"

#include <algorithm>
#include <cmath>

namespace jm::ui {

PresentationPlan::PresentationPlan(const PresentationInput& in, const PresentationOptions& options) : in_(in), opt_(options) {
    in_.stage_count = std::max(in_.stage_count, 0);
    in_.body_font_size = std::max(in_.body_font_size, 1.0f);
    in_.viewport.x = std::max(in_.viewport.x, 1.0f);
    in_.viewport.y = std::max(in_.viewport.y, 1.0f);
    const float min_zoom = opt_.min_body_px / in_.body_font_size;
    const float room = std::max(in_.viewport.x - 2 * opt_.margin, 1.0f);
    // The whole map across the width, when its text is still readable there.
    const float fit_all = room / std::max(map_width(), 1.0f);
    if (fit_all >= min_zoom || in_.stage_count <= 1) {
        mode_ = PresentationMode::WholeMap;
        zoom_ = std::max(std::min(fit_all, opt_.max_zoom), min_zoom);
        return;
    }
    // Stage by stage: the lane names and one stage across the width, at a
    // comfortable size when there is room for it, never below the readable one.
    mode_ = PresentationMode::StageByStage;
    const float fit_one = room / (in_.label_width + in_.stage_width);
    const float comfort = std::max(opt_.comfort_body_px / in_.body_font_size, min_zoom);
    zoom_ = std::clamp(fit_one, min_zoom, comfort);
}

int PresentationPlan::step(int current, int delta) const {
    if (in_.stage_count == 0) return 0;
    return std::clamp(current + delta, 0, in_.stage_count - 1);
}

float PresentationPlan::max_scroll() const {
    return std::max(0.0f, in_.content_height - in_.viewport.y / zoom_);
}

Rect PresentationPlan::stage_column(int stage) const {
    const float left = in_.label_width + step(stage, 0) * in_.stage_width;
    return {{left, 0}, {left + in_.stage_width, in_.content_height}};
}

View PresentationPlan::frame(int stage, float scroll) const {
    View v;
    v.zoom = zoom_;
    v.offset.y = std::clamp(scroll, 0.0f, max_scroll());
    const float shown = in_.viewport.x / zoom_;   // world units across the screen
    if (mode_ == PresentationMode::WholeMap) {
        v.offset.x = -(shown - map_width()) / 2;  // centred; the lane names are the map's left edge
        return v;
    }
    // The stage centred in the room the sticky lane names leave, without
    // showing anything past either end of the map.
    const float beside = shown - in_.label_width;
    float x = stage_column(stage).min.x - in_.label_width - (beside - in_.stage_width) / 2;
    x = std::min(x, map_width() - shown);
    v.offset.x = std::max(x, 0.0f);
    return v;
}

bool PanAnimation::advance(View& view, float dt_s) {
    if (!running) return false;
    const float keep = half_life_s > 0 ? std::exp2(-std::max(dt_s, 0.0f) / half_life_s) : 0.0f;
    view.offset = target.offset + (view.offset - target.offset) * keep;
    view.zoom = target.zoom + (view.zoom - target.zoom) * keep;
    // Close enough when what is left is under half a CSS pixel on screen.
    const Vec2 left = (view.offset - target.offset) * target.zoom;
    const float zoom_left = std::fabs(view.zoom - target.zoom) * 1000;   // a 0.05% zoom change moves a 1000 px map by half a pixel
    if (std::fabs(left.x) < 0.5f && std::fabs(left.y) < 0.5f && zoom_left < 0.5f) {
        view = target;
        running = false;
    }
    return running;
}

}  // namespace jm::ui
