// Presentation mode's framing, free of ImGui so it is tested natively: which
// zoom makes the map readable on a projector, whether the whole map fits the
// width at that size or is shown stage by stage, where each stage is framed,
// how far the map scrolls, and the smooth pan from one frame to the next.
//
// World units are the canvas layout's (1 unit = 1 CSS pixel at 100%), so body
// text is `body_font_size * zoom` CSS pixels on screen.
#pragma once

#include "ui/core/geometry.h"

namespace jm::ui {

// What the framing needs from the canvas layout and the screen.
struct PresentationInput {
    float label_width = 150;      // the sticky column of lane names, at the left
    float stage_width = 272;      // one stage column
    int stage_count = 0;
    float content_height = 0;     // from the top of the headers to the bottom of the last lane
    float body_font_size = 17;    // card titles and lane items, in world units
    Vec2 viewport;                // the screen area the map is drawn in, CSS pixels
};

struct PresentationOptions {
    float min_body_px = 18;       // body text is never smaller than this
    float comfort_body_px = 22;   // stage by stage: body text at this size when the stage fits the width
    float max_zoom = 2.0f;        // a small map fitted to a wide screen grows no further
    float margin = 24;            // CSS pixels left and right of a map fitted to the width
};

enum class PresentationMode {
    WholeMap,       // every stage fits the width with readable text
    StageByStage,   // readable text needs more width: one stage at a time, neighbours beside it
};

class PresentationPlan {
public:
    PresentationPlan(const PresentationInput& in, const PresentationOptions& options = {});

    PresentationMode mode() const { return mode_; }
    float zoom() const { return zoom_; }
    float body_px() const { return in_.body_font_size * zoom_; }
    int stage_count() const { return in_.stage_count; }

    // The stage index `current + delta`, kept within the map (0 when it has none).
    int step(int current, int delta) const;
    // The farthest the map scrolls down (world units) for the whole of it to be seen.
    float max_scroll() const;
    // The view that presents `stage`, scrolled `scroll` world units down (clamped).
    View frame(int stage, float scroll = 0) const;
    // The world column of `stage` (its header down to the last lane).
    Rect stage_column(int stage) const;

private:
    PresentationInput in_;
    PresentationOptions opt_;
    PresentationMode mode_ = PresentationMode::WholeMap;
    float zoom_ = 1;

    float map_width() const { return in_.label_width + in_.stage_count * in_.stage_width; }
};

// A pan (and zoom) that eases towards its target: each frame covers the same
// share of what is left (half of it every `half_life_s` seconds), and it lands
// exactly on the target once less than half a CSS pixel remains.
struct PanAnimation {
    View target;
    bool running = false;
    float half_life_s = 0.08f;

    void start(const View& from_now_to) {
        target = from_now_to;
        running = true;
    }
    // Moves `view` towards the target by `dt_s` seconds; returns true while it still moves.
    bool advance(View& view, float dt_s);
};

}  // namespace jm::ui
