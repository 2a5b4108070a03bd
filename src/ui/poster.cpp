#include "ui/poster.h"

#include <algorithm>
#include <cstdio>

#include "i18n/i18n.h"
#include "metrics/stage_health.h"
#include "ui/canvas_paint.h"
#include "ui/core/display_names.h"
#include "ui/core/text_layout.h"
#include "ui/icons.h"
#include "ui/stage_badges.h"
#include "ui/theme.h"

namespace jm::ui {

namespace {

// Sizes in world units.
constexpr float kPad = 28, kTitleSize = 32, kTitleLine = 40, kInfoSize = 16, kInfoLine = 26;
constexpr float kLegendSize = 15, kLegendLine = 30, kGap = 14, kSectionGap = 34;

// Lays out (and, with a draw list, paints) runs of text and chips left to
// right, wrapping to a new line when one would pass the right edge. With no
// draw list it only measures, so height and painting never disagree.
class Flow {
public:
    Flow(ImDrawList* dl, ImVec2 origin, float scale, float left, float right, float top)
        : dl_(dl), origin_(origin), s_(scale), left_(left), right_(right), x_(left), y_(top) {}

    float width_of(const std::string& text) const {
        return canvas_font() ? canvas_font()->CalcTextSizeA(kLegendSize, FLT_MAX, 0.0f, text.c_str()).x : text.size() * 8.0f;
    }

    // Keeps the next `w` units on this line, else starts a new one.
    void reserve(float w) {
        if (x_ > left_ && x_ + w > right_) newline();
    }
    void newline() {
        x_ = left_;
        y_ += kLegendLine;
    }
    void gap(float w) { x_ += w; }

    void text(const std::string& s, ImU32 color) {
        const float w = width_of(s);
        reserve(w);
        if (dl_) dl_->AddText(canvas_font(), kLegendSize * s_, at(x_, y_ + (kLegendLine - kLegendSize) / 2 - 2), color, s.c_str());
        x_ += w;
    }

    // Text on a rounded chip of `bg`.
    void chip(const std::string& s, ImU32 bg, ImU32 fg, ImU32 border) {
        const float w = width_of(s) + 14;
        reserve(w);
        if (dl_) {
            ImVec2 a = at(x_, y_ + 3), b = at(x_ + w, y_ + kLegendLine - 5);
            dl_->AddRectFilled(a, b, bg, 4 * s_);
            if (border) dl_->AddRect(a, b, border, 4 * s_);
            dl_->AddText(canvas_font(), kLegendSize * s_, at(x_ + 7, y_ + (kLegendLine - kLegendSize) / 2 - 2), fg, s.c_str());
        }
        x_ += w;
    }

    void dot(ImU32 color) {
        reserve(16);
        if (dl_) dl_->AddCircleFilled(at(x_ + 7, y_ + kLegendLine / 2 - 1), 7 * s_, color);
        x_ += 16;
    }

    float bottom() const { return y_ + kLegendLine; }

private:
    ImVec2 at(float x, float y) const { return {origin_.x + x * s_, origin_.y + y * s_}; }

    ImDrawList* dl_;
    ImVec2 origin_;
    float s_, left_, right_, x_, y_;
};

// "Exported 2026-11-24 · 7 stages · 42 touchpoints · Viewing as Ana (CFO)"
std::string info_line(const EditorState& st, const std::string& date) {
    const Map& map = st.doc.map;
    constexpr const char* kDot = "  \xC2\xB7  ";
    std::string s = i18n::trf("Exported {date}", {{"date", date}}) + kDot +
                    i18n::trn("{n} stages", static_cast<long long>(map.stages.size())) + kDot +
                    i18n::trn("{n} touchpoints", static_cast<long long>(touchpoint_count(map))) + kDot;
    const Persona* viewer = st.view_as_persona.empty() ? nullptr : find_persona(map, st.view_as_persona);
    s += viewer ? i18n::trf("Viewing as {persona} (other personas' cards faded)", {{"persona", viewer->name}})
                : std::string(i18n::tr("All personas"));
    return s;
}

WrappedText title_lines(const EditorState& st, float width) {
    const std::string& title = st.doc.map.title.empty() ? std::string(i18n::tr("Untitled journey")) : st.doc.map.title;
    return wrap_text(title, canvas_text_metric(), {.max_width = width - 2 * kPad, .font_size = kTitleSize});
}

// The legend, from `top`; returns its bottom (world units from the block's top).
float legend(ImDrawList* dl, const EditorState& st, ImVec2 origin, float scale, float width, float top) {
    const Palette& pal = palette();
    Flow f(dl, origin, scale, kPad, width - kPad, top);
    f.text(i18n::tr("Friction (how hard for the customer):"), pal.card_text);
    f.gap(kGap);
    for (int level = 0; level <= 5; ++level) {
        f.chip(friction_badge(level).c_str(), friction_color(level), friction_text_color(level), pal.card_border);
        f.gap(6);
    }
    f.text(i18n::tr(" 0 none, 5 blocking"), pal.card_muted);
    f.gap(kSectionGap);
    f.text(i18n::tr("Emotion:"), pal.card_text);
    f.gap(kGap);
    for (int e = -2; e <= 2; ++e) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%s %+d", icon::for_emotion(e), e);
        f.text(buf, pal.card_muted);
        f.gap(kGap);
    }
    f.newline();
    f.text(i18n::tr("Stage health:"), pal.card_text);
    f.gap(kGap);
    for (Health h : {Health::Good, Health::Warning, Health::Bad, Health::Unknown}) {
        f.chip(health_label(h), pal.header_bg, health_color(h), 0);
        f.gap(8);
    }
    const Map& map = st.doc.map;
    if (!map.personas.empty()) {
        f.gap(kSectionGap - 8);
        f.text(i18n::tr("Personas:"), pal.card_text);
        f.gap(kGap);
        for (const Persona& p : map.personas) {
            f.reserve(16 + 6 + f.width_of(p.name));
            f.dot(persona_color(p));
            f.gap(6);
            f.text(p.name, pal.card_text);
            f.gap(kGap + 4);
        }
    }
    return f.bottom();
}

}  // namespace

float poster_header_height(const EditorState& st, float width, const std::string& date) {
    (void)date;   // the info line is one line whatever the date
    const float title_h = std::max<std::size_t>(1, title_lines(st, width).lines.size()) * kTitleLine;
    const float top = kPad + title_h + kInfoLine + 10;
    return legend(nullptr, st, {0, 0}, 1, width, top) + kPad;
}

void paint_poster_header(ImDrawList* dl, const EditorState& st, ImVec2 origin, float scale, float width,
                         const std::string& date) {
    const Palette& pal = palette();
    const float height = poster_header_height(st, width, date);
    auto at = [&](float x, float y) { return ImVec2{origin.x + x * scale, origin.y + y * scale}; };
    dl->AddRectFilled(at(0, 0), at(width, height), pal.canvas_bg);
    dl->AddLine(at(kPad, height - 1), at(width - kPad, height - 1), pal.card_border, std::max(1.0f, scale));

    const std::string& title = st.doc.map.title.empty() ? std::string(i18n::tr("Untitled journey")) : st.doc.map.title;
    const WrappedText lines = title_lines(st, width);
    ImFont* font = canvas_font();
    float y = kPad;
    for (const TextLine& l : lines.lines) {
        const std::string line = line_text(title, l);
        dl->AddText(font, kTitleSize * scale, at(kPad, y + (kTitleLine - kTitleSize) / 2), pal.card_text, line.c_str());
        y += kTitleLine;
    }
    if (lines.lines.empty()) y += kTitleLine;
    dl->AddText(font, kInfoSize * scale, at(kPad, y + 4), pal.card_muted, info_line(st, date).c_str());
    legend(dl, st, origin, scale, width, y + kInfoLine + 10);
}

}  // namespace jm::ui
