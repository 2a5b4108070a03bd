#include "i18n/i18n.h"
#include "ui/canvas_paint.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "ui/compare_view.h"
#include "ui/core/comparison.h"
#include "ui/core/display_names.h"
#include "ui/icons.h"
#include "ui/stage_badges.h"
#include "ui/theme.h"

namespace jm::ui {

namespace {

// Glyph advances from the canvas font, for the line breaker. Bound to the
// font's bake at the layout's size before each layout (a baked font pointer is
// only valid for the current frame); advances scale linearly with the size.
class ImGuiTextMetric : public TextMetric {
public:
    void bind() {
        font_ = canvas_font();
        baked_ = font_ ? font_->GetFontBaked(kRefSize) : nullptr;
    }
    float advance(char32_t c, float size) const override {
        if (!baked_) return fallback_.advance(c, size);
        // As ImGui draws: 16-bit code points, the replacement glyph beyond.
        ImWchar w = c > IM_UNICODE_CODEPOINT_MAX ? static_cast<ImWchar>(IM_UNICODE_CODEPOINT_INVALID) : static_cast<ImWchar>(c);
        float a = w < baked_->IndexAdvanceX.Size ? baked_->IndexAdvanceX.Data[w] : -1.0f;
        if (a < 0) a = baked_->GetCharAdvance(w);
        return a * (size / baked_->Size);
    }
    std::uint64_t key() const override {
        ImFont* f = canvas_font();
        if (!f) return fallback_.key();
        return (std::uint64_t{f->FontId} << 16 | static_cast<std::uint64_t>(f->Sources.Size)) + 1;
    }

private:
    static constexpr float kRefSize = 17.0f;
    ImFont* font_ = nullptr;
    ImFontBaked* baked_ = nullptr;
    FixedWidthMetric fallback_{0.55f, 1.0f};
};

ImVec2 iv(Vec2 v) { return {v.x, v.y}; }

ImU32 with_alpha(ImU32 c, float a) {
    ImVec4 f = ImGui::ColorConvertU32ToFloat4(c);
    f.w *= a;
    return ImGui::ColorConvertFloat4ToU32(f);
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
    const Comparison* cmp;   // compare mode: marks and ghosts (ui/compare_view.h); null otherwise
    CompareColors cc;

    explicit Painter(const Paint& paint)
        : p(paint), map(paint.st->doc.map), L(paint.st->layout), pal(palette()), zoom(paint.view.zoom),
          font(paint.st->layout.metrics().font_size * paint.view.zoom),
          vis(paint.view.visible_world({paint.origin.x, paint.origin.y}, {paint.size.x, paint.size.y})),
          cmp(paint.st->compare.current.get()), cc(compare_colors()) {}

    ImVec2 S(Vec2 w) const { return iv(p.view.to_screen(w, {p.origin.x, p.origin.y})); }
    float sx(float world_x) const { return S({world_x, 0}).x; }
    float sy(float world_y) const { return S({0, world_y}).y; }
    bool detailed() const { return zoom >= kDetailZoom; }
    bool sticky_labels() const { return p.interactive || p.sticky_labels; }

    std::pair<int, int> visible_stages() const {
        int first = 0, last = L.stage_count();
        while (first < last && L.stage_column(first).max.x < vis.min.x) ++first;
        while (last > first && L.stage_column(last - 1).min.x > vis.max.x) --last;
        return {first, last};
    }

    void text(ImVec2 pos, ImU32 color, const std::string& s, float size = 0) const {
        p.dl->AddText(canvas_font(), size > 0 ? size : font, pos, color, s.c_str());
    }

    // Cached lines of `block` (laid out at `base_size` in world units), drawn
    // at this zoom from `pos` (screen), `line_h` (world) apart; the first line
    // `indent` (world) further right. Below the readable size: grey bars.
    void lines(const TextBlock& block, std::string_view src, ImVec2 pos, float base_size, float line_h, ImU32 color,
               float indent = 0) const {
        if (block.count == 0) return;
        const TextLine* ls = L.lines(block);
        const float size = base_size * zoom, lh = line_h * zoom;
        const float clip_top = p.origin.y - lh, clip_bottom = p.origin.y + p.size.y;
        const auto n = static_cast<std::uint32_t>(src.size());
        ImFont* f = canvas_font();
        if (!detailed() || !f) {
            ImU32 bar = with_alpha(color, 0.35f);
            if (lh < 3.0f) {   // too small for separate bars: one block per text
                float w = 0;
                for (std::uint32_t k = 0; k < block.count; ++k) w = std::max(w, ls[k].width + (k == 0 ? indent : 0));
                p.dl->AddRectFilled({pos.x, pos.y + lh * 0.2f}, {pos.x + w * zoom, pos.y + lh * (block.count - 0.2f)}, bar);
                return;
            }
            for (std::uint32_t k = 0; k < block.count; ++k) {
                float y = pos.y + k * lh;
                if (y < clip_top) continue;
                if (y > clip_bottom) break;
                float x = pos.x + (k == 0 ? indent * zoom : 0);
                p.dl->AddRectFilled({x, y + lh * 0.3f}, {x + std::max(ls[k].width * zoom, 2.0f), y + lh * 0.7f}, bar, lh * 0.2f);
            }
            return;
        }
        const float dy = (lh - size) / 2;
        for (std::uint32_t k = 0; k < block.count; ++k) {
            float y = pos.y + k * lh;
            if (y < clip_top) continue;
            if (y > clip_bottom) break;
            const TextLine& l = ls[k];
            float x = pos.x + (k == 0 ? indent * zoom : 0);
            std::uint32_t b = std::min(l.begin, n), e = std::min(l.end, n);   // a stale layout never reads past the text
            if (l.filtered) {
                std::string d = drawable_text(src.substr(b, e - b));
                p.dl->AddText(f, size, {x, y + dy}, color, d.data(), d.data() + d.size());
            } else if (e > b) {
                p.dl->AddText(f, size, {x, y + dy}, color, src.data() + b, src.data() + e);
            }
            if (l.ellipsis) p.dl->AddText(f, size, {x + l.width * zoom, y + dy}, color, kEllipsisUtf8);
        }
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

    // In a live room, what others have selected: a ring in each one's colour
    // around the item, one outside the other, and the first one's name on a tag
    // ("Ana +1" when more have it).
    void peer_outlines(const std::string& id, ImVec2 a, ImVec2 b, float round) const {
        if (!p.interactive || p.st->peer_marks.empty()) return;
        auto it = p.st->peer_marks.find(id);
        if (it == p.st->peer_marks.end()) return;
        const float width = std::max(2.0f, 2.5f * zoom);
        float grow = 2.0f * zoom + width;
        for (const PeerMark& peer : it->second) {
            p.dl->AddRect({a.x - grow, a.y - grow}, {b.x + grow, b.y + grow}, peer.colour, round + grow, 0, width);
            grow += width + 1.0f;
        }
        const PeerMark& first = it->second.front();
        const std::string tag = it->second.size() > 1 ? first.name + " +" + std::to_string(it->second.size() - 1) : first.name;
        const float tag_font = std::max(12.0f, font * 0.9f);
        const ImVec2 size = canvas_font()->CalcTextSizeA(tag_font, FLT_MAX, 0.0f, tag.c_str());
        // On the ring's top edge at the right, over the item's own border rather than its neighbour above.
        const ImVec2 ta{b.x + grow - size.x - 8, a.y - grow - size.y * 0.5f}, tb{b.x + grow, a.y - grow + size.y * 0.5f + 2};
        p.dl->AddRectFilled(ta, tb, first.colour, 3);
        p.dl->AddText(canvas_font(), tag_font, {ta.x + 4, ta.y + 1}, IM_COL32_WHITE, tag.c_str());
    }

    void card(int s, int i) const {
        if (s >= static_cast<int>(map.stages.size()) || i >= static_cast<int>(map.stages[s].touchpoints.size())) return;
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
        peer_outlines(t.id, a, b, round);
        if (cmp) compare_marks(cmp->card_mark(s, i), a, b, round);
        const auto& m = L.metrics();
        ImU32 fg = with_alpha(pal.card_text, alpha), muted = with_alpha(pal.card_muted, alpha);
        const float x0 = a.x + m.card_text_left * zoom;
        const float title_y = a.y + m.card_title_top * zoom;
        const TextBlock& title = L.card_title(s, i);
        const float title_h = std::max<std::uint32_t>(1, title.count) * m.line_height * zoom;
        if (!detailed()) {   // too small to read: the title's lines as bars
            lines(title, L.card_title_text(map, s, i), {x0, title_y}, m.font_size, m.line_height, fg, m.card_icon_width);
            return;
        }
        // The channel icon, then the title's lines (the first beside the icon).
        text({x0, title_y + (m.line_height * zoom - font) / 2}, muted, icon::for_channel(t.channel.c_str()));
        lines(title, L.card_title_text(map, s, i), {x0, title_y}, m.font_size, m.line_height, fg, m.card_icon_width);
        // Below the title: friction badge, emotion face, persona chips.
        float y2 = title_y + title_h + 3 * zoom;
        // "F3" ("摩擦3" in Chinese): the badge grows if the language's word is longer.
        const std::string badge = friction_badge(t.friction);
        const ImVec2 tsz = canvas_font()->CalcTextSizeA(font, FLT_MAX, 0.0f, badge.c_str());
        ImVec2 badge_a = {x0, y2}, badge_b = {x0 + std::max(font * 1.9f, tsz.x + font * 0.6f), y2 + font * 1.25f};
        p.dl->AddRectFilled(badge_a, badge_b, with_alpha(friction_color(t.friction), alpha), 4 * zoom);
        p.dl->AddRect(badge_a, badge_b, with_alpha(pal.card_border, alpha), 4 * zoom);
        text({badge_a.x + (badge_b.x - badge_a.x - tsz.x) / 2, y2 + font * 0.12f}, with_alpha(friction_text_color(t.friction), alpha), badge.c_str());
        char buf[32];
        std::snprintf(buf, sizeof buf, "%s %+d", icon::for_emotion(t.emotion), t.emotion);
        text({badge_b.x + 8 * zoom, y2 + font * 0.12f}, muted, buf);
        persona_chips(t, {b.x - 10 * zoom, y2 + font * 0.62f}, alpha);
    }

    // --- Compare mode -----------------------------------------------------------------
    // A round badge with a glyph, straddling the top edge of a card or inside a header.
    void badge(ImVec2 c, float r, ImU32 fill, ImU32 rim, const char* glyph) const {
        p.dl->AddCircleFilled(c, r, fill);
        p.dl->AddCircle(c, r, rim, 0, 1.5f);
        if (!glyph || !detailed()) return;
        const float size = r * 1.3f;
        const ImVec2 tsz = canvas_font()->CalcTextSizeA(size, FLT_MAX, 0.0f, glyph);
        text({c.x - tsz.x / 2, c.y - size / 2}, pal.card_bg, glyph, size);
    }

    // Badges from the right end of a top edge leftwards: added, moved, changed.
    void mark_badges(std::uint8_t mark, ImVec2 right_center, float r, ImU32 rim) const {
        float x = right_center.x - r;
        auto next = [&](ImU32 fill, const char* glyph, float scale = 1.0f) {
            badge({x, right_center.y}, r * scale, fill, rim, glyph);
            x -= r * 2.3f;
        };
        if (mark & kMarkAdded) next(cc.added, ICON_PLUS);
        if (mark & kMarkMoved) next(cc.moved, ICON_ARROW_RIGHT);
        if (mark & (kMarkChanged | kMarkKpis)) next(cc.changed, nullptr, 0.75f);   // a dot
    }

    // An added card gets a coloured ring outside its border (the selection's stays inside).
    void compare_marks(std::uint8_t mark, ImVec2 a, ImVec2 b, float round) const {
        if (mark == kMarkNone) return;
        if (mark & kMarkAdded) {
            const float grow = 3.0f * zoom;
            p.dl->AddRect({a.x - grow, a.y - grow}, {b.x + grow, b.y + grow}, cc.added, round + grow, 0, std::max(2.0f, 2.5f * zoom));
        }
        const float r = std::max(font * 0.6f, 4.0f);
        mark_badges(mark, {b.x - 6 * zoom, a.y + r * 0.25f}, r, pal.card_bg);   // mostly over the gap above, clear of the title
    }

    void dashed_line(ImVec2 a, ImVec2 b, ImU32 c, float thick) const {
        const float len = std::hypot(b.x - a.x, b.y - a.y), dash = 6;
        for (float t = 0; t < len; t += dash * 2) {
            const float t1 = std::min(t + dash, len);
            p.dl->AddLine({a.x + (b.x - a.x) * t / len, a.y + (b.y - a.y) * t / len},
                          {a.x + (b.x - a.x) * t1 / len, a.y + (b.y - a.y) * t1 / len}, c, thick);
        }
    }

    void dashed_rect(ImVec2 a, ImVec2 b, ImU32 c, float thick) const {
        dashed_line(a, {b.x, a.y}, c, thick);
        dashed_line({b.x, a.y}, b, c, thick);
        dashed_line(b, {a.x, b.y}, c, thick);
        dashed_line({a.x, b.y}, a, c, thick);
    }

    // A card only the file has: faded, dashed, its title on one line; not an item to edit.
    void ghost_card(int k) const {
        const Ghost* g = cmp->ghost_of_card(k);
        const Rect r = L.ghost_card(k);
        if (!g || !r.overlaps(vis)) return;
        const ImVec2 a = S(r.min), b = S(r.max);
        p.dl->AddRectFilled(a, b, with_alpha(pal.card_bg, 0.45f), 6 * zoom);
        dashed_rect(a, b, cc.removed, std::max(1.0f, 1.5f * zoom));
        const float rad = std::max(font * 0.6f, 4.0f);
        badge({b.x - 6 * zoom - rad, a.y + rad * 0.25f}, rad, cc.removed, pal.card_bg, ICON_MINUS);
        if (!detailed()) return;
        const auto& m = L.metrics();
        const float x0 = a.x + m.card_text_left * zoom, w = b.x - x0 - m.card_text_right * zoom;
        const std::string title = g->name.empty() ? std::string(i18n::tr("(untitled)")) : g->name;
        draw_text_ellipsis(p.dl, font, {x0, a.y + m.card_title_top * zoom}, w - 2 * rad, with_alpha(pal.card_text, 0.6f), title);
        draw_text_ellipsis(p.dl, font * 0.8f, {x0, a.y + (m.card_title_top + m.line_height + 4) * zoom}, w, pal.card_muted,
                           i18n::tr("Removed: in the file only"));
    }

    // The ghost columns' range on screen (stages only the file has).
    std::pair<int, int> visible_ghost_columns() const {
        int first = 0, last = L.ghost_columns();
        while (first < last && L.ghost_column(first).max.x < vis.min.x) ++first;
        while (last > first && L.ghost_column(last - 1).min.x > vis.max.x) --last;
        return {first, last};
    }

    void ghost_cards(int slot) const {
        auto [a, b] = L.visible_ghosts(slot, vis.min.y, vis.max.y);
        for (int k = a; k < b; ++k) ghost_card(L.ghost_at(k));
    }

    void ghost_columns() const {
        if (!cmp) return;
        auto [first, last] = visible_ghost_columns();
        const Rect c = L.content();
        for (int k = first; k < last; ++k) {
            const Rect col = L.ghost_column(k);
            p.dl->AddRectFilled(S({col.min.x, L.header_height()}), S({col.max.x, c.max.y}), with_alpha(pal.canvas_bg, 0.55f));
            dashed_line(S({col.min.x, std::max(vis.min.y, L.header_height())}), S({col.min.x, std::min(vis.max.y, c.max.y)}), pal.grid_line, 1.5f);
            dashed_line(S({col.max.x, std::max(vis.min.y, L.header_height())}), S({col.max.x, std::min(vis.max.y, c.max.y)}), pal.grid_line, 1.5f);
            if (L.lane_index(Lane::Touchpoints) >= 0) ghost_cards(L.stage_count() + k);
        }
    }

    // A stage only the file has: a faded, dashed header that says so.
    void ghost_header(int k, float top_world) const {
        const Ghost* g = cmp->ghost_of_column(k);
        if (!g) return;
        const auto& m = L.metrics();
        const Rect h = L.ghost_header(k);
        const ImVec2 a = S({h.min.x + m.header_inset, top_world + m.header_inset}), b = S({h.max.x - m.header_inset, top_world + L.header_height() - 4});
        p.dl->AddRectFilled(a, b, pal.canvas_bg, 6 * zoom);
        p.dl->AddRectFilled(a, b, with_alpha(pal.header_bg, 0.18f), 6 * zoom);
        dashed_rect(a, b, cc.removed, 1.5f);
        const float rad = std::max(font * 0.6f, 4.0f);
        badge({b.x - rad - 6 * zoom, a.y + rad + 6 * zoom}, rad, cc.removed, pal.card_bg, ICON_MINUS);
        const float x = a.x + m.header_text_left * zoom, w = b.x - x - m.header_text_left * zoom;
        const std::string name = g->name.empty() ? std::string(i18n::tr("(unnamed stage)")) : g->name;
        draw_text_ellipsis(p.dl, std::max(m.name_font_size * zoom, kMinLabelPixels), {x, a.y + m.header_name_top * zoom}, w - 2 * rad,
                           with_alpha(pal.card_text, 0.65f), name);
        if (detailed())
            draw_text_ellipsis(p.dl, font * 0.9f, S({h.min.x + m.header_inset + m.header_text_left, top_world + L.header_owner_top()}), w,
                               pal.card_muted, i18n::tr("Removed: in the file only"));
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
            ImU32 c = with_alpha(hex_colour(persona->color, pal.card_muted), alpha);
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
            if (cmp) ghost_cards(s);
            if (p.interactive && detailed() && !p.st->doc.read_only) {
                Rect add = L.add_card_button(s);
                if (add.overlaps(vis)) {
                    p.dl->AddRect(S(add.min), S(add.max), pal.grid_line, 6 * zoom, 0, 1.0f);
                    text({S(add.min).x + 10 * zoom, S(add.min).y + 5 * zoom}, pal.card_muted, i18n::tr(ICON_PLUS "  Add touchpoint"));
                }
            }
        }
    }

    const char* bullet_glyph(Bullet b, std::string_view item_text) const {
        switch (b) {
            case Bullet::Dot: return "\xe2\x80\xa2";   // •
            case Bullet::Comment: return ICON_COMMENT;
            case Bullet::Bolt: return ICON_BOLT;
            case Bullet::Idea: return ICON_IDEA;
            case Bullet::Users: return ICON_USERS;
            case Bullet::Handoff: return ICON_HANDOFF;
            case Bullet::Channel: return icon::for_channel(std::string(item_text).c_str());
            default: return nullptr;
        }
    }

    // Every text lane: the items of each visible cell that overlap the viewport.
    void text_lane(int lane) const {
        const auto& m = L.metrics();
        auto [first, last] = visible_stages();
        for (int s = first; s < last; ++s) {
            auto [a, b] = L.visible_items(s, lane, vis.min.y, vis.max.y);
            const auto& tps = map.stages[s].touchpoints;
            for (int k = a; k < b; ++k) {
                const CellItem& it = L.item(k);
                Rect r = L.item_rect(s, lane, k);
                std::string_view src = L.item_text(map, s, it);
                float alpha = 1.0f;
                if (it.touchpoint >= 0 && it.touchpoint < static_cast<int>(tps.size()) && !involves(tps[it.touchpoint], p.st->view_as_persona))
                    alpha = 0.3f;
                ImU32 color = with_alpha(it.style == ItemStyle::Body ? pal.card_text : pal.card_muted, alpha);
                const float lh = L.item_line_height(it), fs = L.item_font_size(it);
                if (detailed()) {
                    // A channel's icon comes from its stored key, not from the name shown.
                    const bool channel = it.bullet == Bullet::Channel && it.touchpoint >= 0 && it.touchpoint < static_cast<int>(tps.size());
                    if (const char* g = bullet_glyph(it.bullet, channel ? std::string_view(tps[it.touchpoint].channel) : src))
                        text(S({r.min.x - m.bullet_indent, r.min.y + (lh - fs) / 2}), with_alpha(pal.card_muted, alpha), g, fs * zoom);
                }
                lines(it.text, src, S(r.min), fs, lh, color);
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
                text(S({x0, y0 + 6}), pal.card_muted, i18n::tr("No touchpoints"));
                continue;
            }
            double sum = 0;
            int n = 0;
            for (const auto& t : tps)
                if (involves(t, p.st->view_as_persona)) { sum += t.friction; ++n; }
            double mean = n ? sum / n : 0;
            int level = static_cast<int>(std::lround(mean));
            p.dl->AddRectFilled(S({x0, y0}), S({x1, mid}), friction_color(level), 4 * zoom);
            if (detailed())
                text(S({x0 + 8, y0 + 7}), friction_text_color(level),
                     n ? i18n::trf("Mean friction {value} / 5", {{"value", i18n::number(mean, 1)}}) : std::string(i18n::tr("No touchpoints for this persona")));
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
                    char buf[16];
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
            draw_curve(p.st->view_as_persona, persona ? hex_colour(persona->color, pal.selection) : pal.selection);
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
                default: text_lane(static_cast<int>(&box - L.lanes().data())); break;
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
            ImVec2 a = S({h.min.x + m.header_inset, top_world + m.header_inset}), b = S({h.max.x - m.header_inset, top_world + L.header_height() - 4});
            bool selected = p.interactive && p.st->selection.kind() == SelectionKind::Stage && p.st->selection.stage() == st.id;
            p.dl->AddRectFilled(a, b, pal.header_bg, 6 * zoom);
            if (selected) p.dl->AddRect(a, b, pal.selection, 6 * zoom, 0, 3.0f);
            peer_outlines(st.id, a, b, 6 * zoom);
            const std::uint8_t mark = cmp ? cmp->stage_mark(s) : kMarkNone;
            if (mark & kMarkAdded) {
                const float grow = 3.0f * zoom;
                p.dl->AddRect({a.x - grow, a.y - grow}, {b.x + grow, b.y + grow}, cc.added, 6 * zoom + grow, 0, std::max(2.0f, 2.5f * zoom));
            }
            const float badge_r = std::max(font * 0.6f, 4.0f);
            if (mark != kMarkNone) mark_badges(mark, {b.x - 6 * zoom, a.y + badge_r + 6 * zoom}, badge_r, pal.header_bg);
            const float tx = h.min.x + m.header_inset + m.header_text_left;
            float w = b.x - a.x - 2 * m.header_text_left * zoom;
            if (p.st->renaming_stage != st.id) {
                if (detailed()) {   // the whole name, wrapped
                    lines(L.stage_name(s), L.stage_name_text(map, s), S({tx, top_world + m.header_inset + m.header_name_top}),
                          m.name_font_size, m.name_line_height, pal.header_text);
                } else {            // zoomed far out: one line at a size still readable
                    draw_text_ellipsis(p.dl, std::max(m.name_font_size * zoom, kMinLabelPixels), {a.x + m.header_text_left * zoom, a.y + 8 * zoom},
                                       w, pal.header_text, std::string(L.stage_name_text(map, s)));
                }
            }
            if (!detailed()) continue;
            const float owner_y = top_world + L.header_owner_top();
            std::string owner = st.owner.empty() ? std::string(i18n::tr("No owner")) : st.owner;
            draw_text_ellipsis(p.dl, font * 0.9f, S({tx, owner_y}), w, with_alpha(pal.header_text, 0.8f), owner);
            StageBadge health = stage_badge(*p.st, s);
            draw_text_ellipsis(p.dl, font * 0.9f, S({tx, owner_y + 21}), w, health.color, health.text);
        }
        if (cmp) {
            auto [gf, gl] = visible_ghost_columns();
            for (int k = gf; k < gl; ++k) ghost_header(k, top_world);
        }
        if (p.interactive && detailed()) {
            Rect add = L.add_stage_button();
            ImVec2 a = S({add.min.x, top_world + add.min.y}), b = S({add.max.x, top_world + add.max.y});
            p.dl->AddRect(a, b, pal.grid_line, 6 * zoom, 0, 1.5f);
            ImVec2 tsz = ImGui::CalcTextSize(ICON_PLUS);
            text({(a.x + b.x - tsz.x * zoom) / 2, (a.y + b.y - font) / 2}, pal.lane_label, ICON_PLUS, font * 1.2f);
        }
    }

    // Two halves, "Full" and "Compact": the card detail (see card_detail_switch).
    void detail_switch(Vec2 corner) const {
        const bool compact = p.st->card_detail == CardDetail::Compact;
        for (bool half : {false, true}) {
            Rect r = card_detail_switch(L, half);
            ImVec2 a = S(corner + r.min), b = S(corner + r.max);
            bool on = half == compact;
            p.dl->AddRectFilled(a, b, on ? pal.selection : pal.lane_bg, 4 * zoom,
                                half ? ImDrawFlags_RoundCornersRight : ImDrawFlags_RoundCornersLeft);
            p.dl->AddRect(a, b, pal.card_border, 4 * zoom, half ? ImDrawFlags_RoundCornersRight : ImDrawFlags_RoundCornersLeft);
            const char* label = half ? i18n::tr("Compact") : i18n::tr("Full");
            float size = font * 0.8f;
            ImVec2 tsz = canvas_font()->CalcTextSizeA(size, FLT_MAX, 0.0f, label);
            const float room = b.x - a.x - 6 * zoom;   // a longer word (Spanish "Completo") is set smaller, never clipped
            if (tsz.x > room && tsz.x > 0) {
                size *= room / tsz.x;
                tsz = canvas_font()->CalcTextSizeA(size, FLT_MAX, 0.0f, label);
            }
            text({(a.x + b.x - tsz.x) / 2, (a.y + b.y - size) / 2}, on ? IM_COL32(255, 255, 255, 255) : pal.lane_label, label, size);
        }
    }

    // A lane taller than the view keeps its name in sight while scrolling down
    // through it: at the top of the lane's visible part (under the sticky stage
    // headers), never below the lane's end.
    float lane_label_y(const LaneBox& box, float label_size) const {
        const float own_top = sy(box.top) + 10 * zoom;
        if (!sticky_labels()) return own_top;
        const float view_top = sy(std::max(0.0f, vis.min.y) + (p.interactive ? L.header_height() : 0.0f)) + 10 * zoom;
        const float last = sy(box.bottom) - 10 * zoom - label_size;
        return std::max(own_top, std::min(view_top, last));
    }

    void lane_labels() const {
        const auto& m = L.metrics();
        // Sticky: lane names stay at the left edge while panning right.
        float left = sticky_labels() ? std::max(0.0f, vis.min.x) : 0.0f;
        for (std::size_t i = 0; i < L.lanes().size(); ++i) {
            const LaneBox& box = L.lanes()[i];
            ImVec2 a = S({left, box.top}), b = S({left + m.lane_label_width, box.bottom});
            p.dl->AddRectFilled(a, b, i % 2 ? pal.lane_alt_bg : pal.lane_bg);
            p.dl->AddLine({b.x, a.y}, b, pal.grid_line, 2.0f);
            const float label_size = std::max(font * 0.95f, kMinLabelPixels);
            draw_text_ellipsis(p.dl, label_size, {a.x + 10 * zoom, lane_label_y(box, label_size)}, (m.lane_label_width - 16) * zoom,
                               pal.lane_label, i18n::tr(lane_label(box.lane)));
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
        p.dl->AddRectFilled(S({left, top}), S({left + m.lane_label_width, top + L.header_height()}), pal.canvas_bg);
        if (detailed())
            draw_text_ellipsis(p.dl, font * 0.85f, S({left + 10, top + 12}), (m.lane_label_width - 16) * zoom, pal.card_muted,
                               map.title.empty() ? std::string(i18n::tr("Untitled journey")) : map.title);
        if (detailed() && p.interactive) detail_switch({left, top});
    }
};

}  // namespace

ImU32 persona_color(const Persona& persona) { return hex_colour(persona.color, palette().card_muted); }

ImFont* canvas_font() {
    if (ImGui::GetCurrentContext() == nullptr) return nullptr;
    ImGuiIO& io = ImGui::GetIO();
    if (io.FontDefault) return io.FontDefault;
    return io.Fonts && io.Fonts->Fonts.Size > 0 ? io.Fonts->Fonts[0] : nullptr;
}

const TextMetric& canvas_text_metric() {
    static ImGuiTextMetric metric;
    metric.bind();
    return metric;
}

Rect card_detail_switch(const CanvasLayout& layout, bool compact_half) {
    const float w = layout.metrics().lane_label_width - 20, h = 24;
    const float top = layout.header_height() - h - 12;
    const float split = 10 + w * 0.4f;
    return compact_half ? Rect{{split, top}, {10 + w, top + h}} : Rect{{10, top}, {split, top + h}};
}

bool draw_text_ellipsis(ImDrawList* dl, float size, ImVec2 pos, float max_width, ImU32 color, const std::string& text) {
    if (text.empty() || max_width <= 0) return false;
    ImFont* font = canvas_font();
    if (!font) return false;
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
    painter.ghost_columns();
    painter.lane_contents();
    painter.stage_headers();
    painter.lane_labels();
}

}  // namespace jm::ui
