// Plain 2-D maths for the canvas, free of ImGui so the layout logic is tested natively.
#pragma once

#include <algorithm>

namespace jm::ui {

struct Vec2 {
    float x = 0, y = 0;
    Vec2 operator+(Vec2 o) const { return {x + o.x, y + o.y}; }
    Vec2 operator-(Vec2 o) const { return {x - o.x, y - o.y}; }
    Vec2 operator*(float s) const { return {x * s, y * s}; }
    bool operator==(const Vec2&) const = default;
};

struct Rect {
    Vec2 min, max;
    float width() const { return max.x - min.x; }
    float height() const { return max.y - min.y; }
    Vec2 center() const { return {(min.x + max.x) / 2, (min.y + max.y) / 2}; }
    bool contains(Vec2 p) const { return p.x >= min.x && p.x < max.x && p.y >= min.y && p.y < max.y; }
    bool overlaps(const Rect& o) const { return min.x < o.max.x && o.min.x < max.x && min.y < o.max.y && o.min.y < max.y; }
    // The rectangle spanned by two corners given in any order (a rubber band).
    static Rect from_corners(Vec2 a, Vec2 b) {
        return {{std::min(a.x, b.x), std::min(a.y, b.y)}, {std::max(a.x, b.x), std::max(a.y, b.y)}};
    }
    bool operator==(const Rect&) const = default;
};

// Pan and zoom: screen = origin + (world - offset) * zoom.
struct View {
    Vec2 offset;        // world point shown at the canvas's top-left corner
    float zoom = 1.0f;

    static constexpr float kMinZoom = 0.1f;
    static constexpr float kMaxZoom = 3.0f;

    Vec2 to_screen(Vec2 world, Vec2 origin) const { return origin + (world - offset) * zoom; }
    Vec2 to_world(Vec2 screen, Vec2 origin) const { return offset + (screen - origin) * (1.0f / zoom); }
    Rect to_screen(const Rect& r, Vec2 origin) const { return {to_screen(r.min, origin), to_screen(r.max, origin)}; }
    Rect visible_world(Vec2 origin, Vec2 size) const { return {to_world(origin, origin), to_world(origin + size, origin)}; }

    // Zooms by `factor` keeping the world point under `screen_point` where it is.
    void zoom_at(Vec2 screen_point, Vec2 origin, float factor) {
        Vec2 anchor = to_world(screen_point, origin);
        zoom = std::clamp(zoom * factor, kMinZoom, kMaxZoom);
        offset = anchor - (screen_point - origin) * (1.0f / zoom);
    }

    void pan_by_screen(Vec2 delta) { offset = offset - delta * (1.0f / zoom); }

    // Shows all of `content` in a viewport of `size`, with a margin, centred.
    void fit(const Rect& content, Vec2 size, float margin = 24.0f) {
        float w = std::max(content.width(), 1.0f), h = std::max(content.height(), 1.0f);
        float zx = (size.x - 2 * margin) / w, zy = (size.y - 2 * margin) / h;
        zoom = std::clamp(std::min(zx, zy), kMinZoom, 1.0f);
        Vec2 shown = size * (1.0f / zoom);
        offset = {content.min.x - (shown.x - w) / 2, content.min.y - std::min((shown.y - h) / 2, margin / zoom)};
    }

    // Scrolls the least needed so `r` (world) is inside the viewport.
    void reveal(const Rect& r, Vec2 size, float margin = 40.0f) {
        Rect vis = {offset, offset + size * (1.0f / zoom)};
        float m = margin / zoom;
        if (r.min.x - m < vis.min.x) offset.x = r.min.x - m;
        else if (r.max.x + m > vis.max.x) offset.x = r.max.x + m - size.x / zoom;
        if (r.min.y - m < vis.min.y) offset.y = r.min.y - m;
        else if (r.max.y + m > vis.max.y) offset.y = r.max.y + m - size.y / zoom;
    }
};

}  // namespace jm::ui
