#include "ui/canvas_paint.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "ui/icons.h"
#include "ui/stage_badges.h"
#include "ui/theme.h"

namespace jm::ui {

namespace {

constexpr float kBaseFont = 17.0f;

ImVec2 iv(Vec2 v) { return {v.x, v.y}; }

ImU32 with_alpha(ImU32 c, float a) {
    ImVec4 f = ImGui::ColorConvertU32ToFloat4(c);
    f.w *= a;
    return ImGui::ColorConvertFloat4ToU32(f);
}

ImU32 hex_color(const std::string& hex, ImU32 fallback) {
    unsigned r, g, b;
    if (hex.size() == 7 && std::sscanf(hex.c_str(), "#%02x%02x%02x", &r, &g, &b) == 3) return IM_COL32(r, g, b, 255);
    return fallback;
}

bool involves(const Touchpoint& t, const std::string& persona) {
    return persona.empty() || std::find(t.persona_ids.begin(), t.persona_ids.end(), persona) != t.persona_ids.end();
}

struct Painter {
    const Paint& p;
    const Map& map;
    const CanvasLayout& L;
    const Palette& pal;
    float zoom;
    float font;       // text size on screen
    Rect vis;         // visible world rectangle

    explicit Painter(const Paint& paint)
        : p(paint), map(paint.st->doc.map), L(paint.st->layout), pal(palette()), zoom(paint.view.zoom),
          font(kBaseFont * paint.view.zoom),
          vis(paint.view.visible_world({paint.origin.x, paint.origin.y}, {paint.size.x, paint.size.y})) {}

    ImVec2 S(Vec2 w) const { return iv(p.view.to_screen(w, {p.origin.x, p.origin.y})); }
    float sx(float world_x) const { return S({world_x, 0}).x; }
    float sy(float world_y) const { return S({0, world_y}).y; }
    bool detailed() const { return zoom >= kDetailZoom; }

    std::pair<int, int> visible_stages() const {
        int first = 0, last = L.stage_count();
        while (first < last && L.stage_column(first).max.x < vis.min.x) ++first;
        while (last > first && L.stage_column(last - 1).min.x > vis.max.x) --last;
        return {first, last};
    }

    void text(ImVec2 pos, ImU32 color, const std::string& s, float size = 0) const {
        p.dl->AddText(nullptr, size > 0 ? size : font, pos, color, s.c_str());
    }

    void lanes_background() const {
        const auto& lanes = L.lanes();
        Rect c = L.content();
        for (std::size_t i = 0; i < lanes.size(); ++i) {
            ImVec2 a = S({0, lanes[i].top}), b = S({c.max.x, lanes[i].bottom});
            p.dl->AddRectFilled(a, b, i % 2 ? pal.lane_alt_bg : pal.lane_bg);
            p.dl->AddLine({a.x, b.y}, b, pal.grid_line);
        }
        auto [first, last] = visible_stages();
        for (int s = first; s <= last && s <= L.stage_count(); ++s) {
            float x = sx(L.stage_column(std::min(s, L.stage_count() - 1)).min.x + (s == L.stage_count() ? L.metrics().stage_width : 0));
            if (L.stage_count() == 0) break;
            p.dl->AddLine({x, sy(0)}, {x, sy(c.max.y)}, pal.grid_line, 1.0f);
        }
    }

    void card(int s, int i) const {
        const Touchpoint& t = map.stages[s].touchpoints[i];
        Rect r = L.card(s, i);
        ImVec2 a = S(r.min), b = S(r.max);
        bool selected = p.interactive && p.st->selection.has_touchpoint(t.id);
        bool hovered = p.interactive && p.hovered_card == t.id;
        float alpha = involves(t, p.st->view_as_persona) ? 1.0f : 0.25f;
        float round = 6 * zoom;
        p.dl->AddRectFilled(a, b, with_alpha(pal.card_bg, alpha), round);
        // Friction stripe on the left: colour and, when detailed, the number.
        p.dl->AddRectFilled(a, {a.x + 7 * zoom, b.y}, with_alpha(friction_color(t.friction), alpha), round, ImDrawFlags_RoundCornersLeft);
        ImU32 border = selected ? pal.selection : hovered ? pal.hover : pal.card_border;
        p.dl->AddRect(a, b, with_alpha(border, alpha), round, 0, selected ? 3.0f : 1.0f);
        if (!detailed()) return;

        float pad = 10 * zoom, x0 = a.x + 7 * zoom + pad, w = b.x - x0 - pad;
        ImU32 fg = with_alpha(pal.card_text, alpha), muted = with_alpha(pal.card_muted, alpha);
        // Line 1: channel icon and title.
        std::string title = std::string(icon::for_channel(t.channel.c_str())) + "  " + (t.title.empty() ? "(untitled)" : t.title);
        draw_text_ellipsis(p.dl, font, {x0, a.y + pad * 0.8f}, w, fg, title);
        // Line 2: friction badge, emotion face, persona chips.
        float y2 = a.y + pad * 0.8f + font * 1.45f;
        char buf[32];
        std::snprintf(buf, sizeof buf, "F%d", t.friction);
        ImVec2 badge_a = {x0, y2}, badge_b = {x0 + font * 1.9f, y2 + font * 1.25f};
        p.dl->AddRectFilled(badge_a, badge_b, with_alpha(friction_color(t.friction), alpha), 4 * zoom);
        p.dl->AddRect(badge_a, badge_b, with_alpha(pal.card_border, alpha), 4 * zoom);
        ImVec2 tsz = ImGui::CalcTextSize(buf);
        float k = font / ImGui::GetFontSize();
        text({badge_a.x + (badge_b.x - badge_a.x - tsz.x * k) / 2, y2 + font * 0.12f}, with_alpha(friction_text_color(t.friction), alpha), buf);
        std::snprintf(buf, sizeof buf, "%s %+d", icon::for_emotion(t.emotion), t.emotion);
        text({badge_b.x + 8 * zoom, y2 + font * 0.12f}, muted, buf);
        persona_chips(t, {b.x - pad, y2 + font * 0.62f}, alpha);
    }

    void persona_chips(const Touchpoint& t, ImVec2 right_center, float alpha) const {
        float r = font * 0.55f, x = right_center.x - r;
        int shown = 0;
        for (auto it = t.persona_ids.rbegin(); it != t.persona_ids.rend(); ++it) {
            const Persona* persona = find_persona(map, *it);
            if (!persona) continue;
            if (shown == 4) {
                text({x - r, right_center.y - font * 0.5f}, with_alpha(pal.card_muted, alpha), "+");
                break;
            }
            ImU32 c = with_alpha(hex_color(persona->color, pal.card_muted), alpha);
            p.dl->AddCircleFilled({x, right_center.y}, r, c);
            std::string initial = persona->name.empty() ? "?" : persona->name.substr(0, 1);
            if (static_cast<unsigned char>(initial[0]) < 0x80)
                text({x - font * 0.3f, right_center.y - font * 0.45f}, IM_COL32(255, 255, 255, int(255 * alpha)), initial, font * 0.85f);
            x -= r * 2.3f;
            ++shown;
        }
    }

    void cards() const {
        int lane = L.lane_index(Lane::Touchpoints);
        if (lane < 0) return;
        auto [first, last] = visible_stages();
        for (int s = first; s < last; ++s) {
            auto [a, b] = L.visible_cards(s, vis.min.y, vis.max.y);
            for (int i = a; i < b; ++i) card(s, i);
            if (p.interactive && detailed()) {
                Rect add = L.add_card_button(s);
                if (add.overlaps(vis)) {
                    p.dl->AddRect(S(add.min), S(add.max), pal.grid_line, 6 * zoom, 0, 1.0f);
                    text({S(add.min).x + 10 * zoom, S(add.min).y + 5 * zoom}, pal.card_muted, ICON_PLUS "  Add touchpoint");
                }
            }
        }
    }

    void text_lines(int s, const LaneBox& box, const std::vector<std::pair<std::string, const Touchpoint*>>& lines,
                    const char* bullet) const {
        const auto& m = L.metrics();
        Rect cell = L.cell(s, L.lane_index(box.lane));
        float y = box.top + m.padding;
        int max_lines = static_cast<int>((box.bottom - box.top - 2 * m.padding) / m.text_line_height);
        int n = static_cast<int>(lines.size());
        for (int i = 0; i < n; ++i) {
            if (i == max_lines - 1 && n > max_lines) {
                char more[48];
                std::snprintf(more, sizeof more, "+%d more", n - i);
                text(S({cell.min.x + m.padding, y}), pal.card_muted, more);
                break;
            }
            float alpha = lines[i].second && !involves(*lines[i].second, p.st->view_as_persona) ? 0.3f : 1.0f;
            std::string line = std::string(bullet) + " " + lines[i].first;
            draw_text_ellipsis(p.dl, font, S({cell.min.x + m.padding, y}), (m.stage_width - 2 * m.padding) * zoom,
                               with_alpha(pal.card_text, alpha), line);
            y += m.text_line_height;
        }
    }

    void text_lane(const LaneBox& box) const {
        auto [first, last] = visible_stages();
        for (int s = first; s < last; ++s) {
            const Stage& st = map.stages[s];
            std::vector<std::pair<std::string, const Touchpoint*>> lines;
            const char* bullet = "\xe2\x80\xa2";  // •
            switch (box.lane) {
                case Lane::Doing:
                    for (const auto& t : st.touchpoints) if (!t.doing.empty()) lines.push_back({t.doing, &t});
                    break;
                case Lane::Thinking:
                    bullet = ICON_COMMENT;
                    for (const auto& t : st.touchpoints) if (!t.thinking.empty()) lines.push_back({t.thinking, &t});
                    break;
                case Lane::Backstage:
                    for (const auto& t : st.touchpoints) if (!t.backstage.empty()) lines.push_back({t.backstage, &t});
                    break;
                case Lane::Pains:
                    bullet = ICON_BOLT;
                    for (const auto& t : st.touchpoints) for (const auto& x : t.pains) lines.push_back({x, &t});
                    break;
                case Lane::Opportunities:
                    bullet = ICON_IDEA;
                    for (const auto& t : st.touchpoints) for (const auto& x : t.opportunities) lines.push_back({x, &t});
                    break;
                case Lane::Channels: {
                    std::set<std::string> seen;
                    for (const auto& t : st.touchpoints)
                        if (!t.channel.empty() && seen.insert(t.channel).second)
                            lines.push_back({std::string(icon::for_channel(t.channel.c_str())) + "  " + t.channel, nullptr});
                    bullet = "";
                    break;
                }
                case Lane::Kpis: kpi_lines(st, lines); bullet = ""; break;
                default: break;
            }
            text_lines(s, box, lines, bullet);
        }
    }

    void kpi_lines(const Stage& st, std::vector<std::pair<std::string, const Touchpoint*>>& lines) const {
        for (const auto& k : st.kpis) {
            lines.push_back({k.name, nullptr});
            lines.push_back({kpi_summary(k), nullptr});
        }
    }

    void owners_lane(const LaneBox& box) const {
        const auto& m = L.metrics();
        auto [first, last] = visible_stages();
        for (int s = first; s < last; ++s) {
            const Stage& st = map.stages[s];
            Rect cell = L.cell(s, L.lane_index(box.lane));
            float w = (m.stage_width - 2 * m.padding) * zoom;
            float y = box.top + m.padding;
            draw_text_ellipsis(p.dl, font, S({cell.min.x + m.padding, y}), w, pal.card_text,
                               std::string(ICON_USERS "  ") + (st.owner.empty() ? "No owner" : st.owner));
            y += m.text_line_height * 1.2f;
            if (!st.handoff.to_team.empty() || !st.handoff.agreement.empty()) {
                std::string to = st.handoff.to_team.empty() ? "next stage" : st.handoff.to_team;
                draw_text_ellipsis(p.dl, font, S({cell.min.x + m.padding, y}), w, pal.card_muted, std::string(ICON_HANDOFF "  Hands off to ") + to);
                y += m.text_line_height;
                draw_text_ellipsis(p.dl, font * 0.9f, S({cell.min.x + m.padding, y}), w, pal.card_muted, st.handoff.agreement);
            }
        }
    }

    void friction_lane(const LaneBox& box) const {
        const auto& m = L.metrics();
        auto [first, last] = visible_stages();
        for (int s = first; s < last; ++s) {
            const auto& tps = map.stages[s].touchpoints;
            Rect cell = L.cell(s, L.lane_index(box.lane));
            float x0 = cell.min.x + m.padding, x1 = cell.max.x - m.padding;
            float y0 = box.top + m.padding, mid = y0 + 34;
            if (tps.empty()) {
                text(S({x0, y0 + 6}), pal.card_muted, "No touchpoints");
                continue;
            }
            double sum = 0;
            int n = 0;
            for (const auto& t : tps)
                if (involves(t, p.st->view_as_persona)) { sum += t.friction; ++n; }
            double mean = n ? sum / n : 0;
            int level = static_cast<int>(std::lround(mean));
            p.dl->AddRectFilled(S({x0, y0}), S({x1, mid}), friction_color(level), 4 * zoom);
            char buf[48];
            std::snprintf(buf, sizeof buf, n ? "Mean friction %.1f / 5" : "No touchpoints for this persona", mean);
            if (detailed()) text(S({x0 + 8, y0 + 7}), friction_text_color(level), buf);
            // One cell per touchpoint, in card order, when they fit.
            int count = static_cast<int>(tps.size());
            float cw = (x1 - x0) / count;
            if (cw < 3) continue;
            for (int i = 0; i < count; ++i) {
                float a = x0 + i * cw;
                float alpha = involves(tps[i], p.st->view_as_persona) ? 1.0f : 0.25f;
                p.dl->AddRectFilled(S({a + 1, mid + 6}), S({a + cw - 1, box.bottom - m.padding}),
                                   with_alpha(friction_color(tps[i].friction), alpha), 2 * zoom);
                if (detailed() && cw * zoom > font) {
                    std::snprintf(buf, sizeof buf, "%d", tps[i].friction);
                    text(S({a + cw / 2 - 4, mid + 12}), with_alpha(friction_text_color(tps[i].friction), alpha), buf);
                }
            }
        }
    }

    // Emotion -2..+2 to a y inside the lane.
    float emotion_y(const LaneBox& box, double emotion) const {
        float top = box.top + 20, bottom = box.bottom - 20;
        return static_cast<float>(top + (2.0 - emotion) / 4.0 * (bottom - top));
    }

    // Points of one curve across the visible stages (plus one each side so the
    // line enters and leaves the viewport). Many cards per stage: the stage mean.
    std::vector<ImVec2> emotion_points(const LaneBox& box, const std::string& persona, bool target) const {
        std::vector<ImVec2> pts;
        auto [first, last] = visible_stages();
        first = std::max(0, first - 1);
        last = std::min(L.stage_count(), last + 1);
        const float w = L.metrics().stage_width;
        for (int s = first; s < last; ++s) {
            const auto& tps = map.stages[s].touchpoints;
            float left = L.stage_column(s).min.x;
            std::vector<const Touchpoint*> mine;
            for (const auto& t : tps)
                if (involves(t, persona)) mine.push_back(&t);
            auto value = [&](const Touchpoint* t) { return double(target && t->target_emotion ? *t->target_emotion : t->emotion); };
            if (mine.size() > 12) {
                double sum = 0;
                for (auto* t : mine) sum += value(t);
                pts.push_back(S({left + w / 2, emotion_y(box, sum / mine.size())}));
                continue;
            }
            for (std::size_t i = 0; i < mine.size(); ++i) {
                float x = left + (i + 0.5f) / mine.size() * w;
                pts.push_back(S({x, emotion_y(box, value(mine[i]))}));
            }
        }
        return pts;
    }

    void dashed(const std::vector<ImVec2>& pts, ImU32 c, float thick) const {
        for (std::size_t i = 1; i < pts.size(); ++i) {
            ImVec2 a = pts[i - 1], b = pts[i];
            float len = std::hypot(b.x - a.x, b.y - a.y), dash = 8;
            for (float t = 0; t < len; t += dash * 2) {
                float t1 = std::min(t + dash, len);
                p.dl->AddLine({a.x + (b.x - a.x) * t / len, a.y + (b.y - a.y) * t / len},
                              {a.x + (b.x - a.x) * t1 / len, a.y + (b.y - a.y) * t1 / len}, c, thick);
            }
        }
    }

    void emotion_lane(const LaneBox& box) const {
        Rect c = L.content();
        // Guides at +2, 0 and -2.
        for (int e : {2, 0, -2}) {
            float y = sy(emotion_y(box, e));
            p.dl->AddLine({sx(L.metrics().lane_label_width), y}, {sx(c.max.x), y}, with_alpha(pal.grid_line, e == 0 ? 1.0f : 0.6f));
        }
        auto draw_curve = [&](const std::string& persona, ImU32 color) {
            auto target = emotion_points(box, persona, true);
            dashed(target, with_alpha(color, 0.7f), 2.0f);
            auto pts = emotion_points(box, persona, false);
            if (pts.size() > 1) p.dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), color, 0, 3.0f);
            for (const auto& pt : pts) p.dl->AddCircleFilled(pt, 4.5f, color);
        };
        if (!p.st->view_as_persona.empty()) {
            draw_curve("", with_alpha(pal.card_muted, 0.5f));
            const Persona* persona = find_persona(map, p.st->view_as_persona);
            draw_curve(p.st->view_as_persona, persona ? hex_color(persona->color, pal.selection) : pal.selection);
        } else {
            draw_curve("", pal.selection);
        }
    }

    void lane_contents() const {
        for (const auto& box : L.lanes()) {
            if (box.bottom < vis.min.y || box.top > vis.max.y) continue;
            switch (box.lane) {
                case Lane::Touchpoints: cards(); break;
                case Lane::Emotion: emotion_lane(box); break;
                case Lane::Friction: friction_lane(box); break;
                case Lane::Owners: owners_lane(box); break;
                default: if (detailed()) text_lane(box); break;
            }
        }
    }

    void stage_headers() const {
        const auto& m = L.metrics();
        auto [first, last] = visible_stages();
        // Sticky: headers stay at the top of the canvas while scrolling down.
        float top_world = p.interactive ? std::max(0.0f, vis.min.y) : 0.0f;
        for (int s = first; s < last; ++s) {
            const Stage& st = map.stages[s];
            Rect h = L.stage_header(s);
            ImVec2 a = S({h.min.x + 2, top_world + 2}), b = S({h.max.x - 2, top_world + m.header_height - 4});
            bool selected = p.interactive && p.st->selection.kind() == SelectionKind::Stage && p.st->selection.stage() == st.id;
            p.dl->AddRectFilled(a, b, pal.header_bg, 6 * zoom);
            if (selected) p.dl->AddRect(a, b, pal.selection, 6 * zoom, 0, 3.0f);
            float w = b.x - a.x - 20 * zoom;
            if (p.st->renaming_stage != st.id)
                draw_text_ellipsis(p.dl, std::max(font * 1.2f, kMinLabelPixels), {a.x + 10 * zoom, a.y + 8 * zoom}, w, pal.header_text,
                                   st.name.empty() ? "(unnamed stage)" : st.name);
            if (!detailed()) continue;
            std::string owner = st.owner.empty() ? "No owner" : st.owner;
            draw_text_ellipsis(p.dl, font * 0.9f, {a.x + 10 * zoom, a.y + 8 * zoom + font * 1.45f}, w, with_alpha(pal.header_text, 0.8f), owner);
            StageBadge badge = stage_badge(*p.st, s);
            draw_text_ellipsis(p.dl, font * 0.9f, {a.x + 10 * zoom, a.y + 8 * zoom + font * 2.7f}, w, badge.color, badge.text);
        }
        if (p.interactive && detailed()) {
            Rect add = L.add_stage_button();
            ImVec2 a = S({add.min.x, top_world + add.min.y}), b = S({add.max.x, top_world + add.max.y});
            p.dl->AddRect(a, b, pal.grid_line, 6 * zoom, 0, 1.5f);
            ImVec2 tsz = ImGui::CalcTextSize(ICON_PLUS);
            text({(a.x + b.x - tsz.x * zoom) / 2, (a.y + b.y - font) / 2}, pal.lane_label, ICON_PLUS, font * 1.2f);
        }
    }

    void lane_labels() const {
        const auto& m = L.metrics();
        // Sticky: lane names stay at the left edge while panning right.
        float left = p.interactive ? std::max(0.0f, vis.min.x) : 0.0f;
        for (std::size_t i = 0; i < L.lanes().size(); ++i) {
            const LaneBox& box = L.lanes()[i];
            ImVec2 a = S({left, box.top}), b = S({left + m.lane_label_width, box.bottom});
            p.dl->AddRectFilled(a, b, i % 2 ? pal.lane_alt_bg : pal.lane_bg);
            p.dl->AddLine({b.x, a.y}, b, pal.grid_line, 2.0f);
            draw_text_ellipsis(p.dl, std::max(font * 0.95f, kMinLabelPixels), {a.x + 10 * zoom, a.y + 10 * zoom},
                               (m.lane_label_width - 16) * zoom, pal.lane_label, lane_label(box.lane));
            if (detailed()) {
                if (box.lane == Lane::Emotion) {
                    text({b.x - 26 * zoom, sy(emotion_y(box, 2)) - font / 2}, pal.card_muted, "+2", font * 0.8f);
                    text({b.x - 22 * zoom, sy(emotion_y(box, 0)) - font / 2}, pal.card_muted, "0", font * 0.8f);
                    text({b.x - 26 * zoom, sy(emotion_y(box, -2)) - font / 2}, pal.card_muted, "-2", font * 0.8f);
                }
            }
        }
        // The corner above the lane names.
        float top = p.interactive ? std::max(0.0f, vis.min.y) : 0.0f;
        p.dl->AddRectFilled(S({left, top}), S({left + m.lane_label_width, top + m.header_height}), pal.canvas_bg);
        if (detailed())
            draw_text_ellipsis(p.dl, font * 0.85f, S({left + 10, top + 12}), (m.lane_label_width - 16) * zoom, pal.card_muted,
                               map.title.empty() ? "Untitled journey" : map.title);
    }
};

}  // namespace

bool draw_text_ellipsis(ImDrawList* dl, float size, ImVec2 pos, float max_width, ImU32 color, const std::string& text) {
    if (text.empty() || max_width <= 0) return false;
    ImFont* font = ImGui::GetFont();
    ImVec2 full = font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.c_str());
    const char* end = text.c_str() + text.size();
    bool clipped = full.x > max_width;
    if (clipped) {
        static const char* kEllipsis = "\xe2\x80\xa6";
        float avail = max_width - font->CalcTextSizeA(size, FLT_MAX, 0.0f, kEllipsis).x;
        const char* cut = text.c_str();
        font->CalcTextSizeA(size, std::max(avail, 0.0f), 0.0f, text.c_str(), end, &cut);
        // CalcTextSizeA stops at a whole code point; never split one anyway.
        while (cut > text.c_str() && (static_cast<unsigned char>(*cut) & 0xC0) == 0x80) --cut;
        std::string shown(text.c_str(), cut);
        shown += kEllipsis;
        dl->AddText(font, size, pos, color, shown.c_str());
    } else {
        dl->AddText(font, size, pos, color, text.c_str(), end);
    }
    return clipped;
}

void paint_map(const Paint& p) {
    Painter painter(p);
    painter.lanes_background();
    painter.lane_contents();
    painter.stage_headers();
    painter.lane_labels();
}

}  // namespace jm::ui
