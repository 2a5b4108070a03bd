#include "ui/core/canvas_layout.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_set>

#include "i18n/i18n.h"
#include "ui/core/display_names.h"

namespace jm::ui {

namespace {

// What an empty title or stage name shows, in the UI's language (the layout is
// rebuilt when the language changes).
std::string_view untitled() { return i18n::tr("(untitled)"); }
std::string_view unnamed_stage() { return i18n::tr("(unnamed stage)"); }
const TextBlock kNoText{};

float fixed_lane_height(Lane lane) {
    switch (lane) {
        case Lane::Emotion: return 180;
        case Lane::Friction: return 96;
        default: return 0;
    }
}

bool is_text_lane(Lane lane) { return lane != Lane::Touchpoints && fixed_lane_height(lane) == 0; }

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g", v);
    return buf;
}

}  // namespace

std::string default_kpi_text(const Kpi& k) {
    std::string s = k.current ? number(*k.current) + (k.unit.empty() ? "" : " " + k.unit) : "no value";
    if (k.target) s += " (target " + number(*k.target) + ")";
    return s;
}

CanvasLayout::CanvasLayout(const Map& map, const std::vector<Lane>& lanes, LayoutMetrics metrics) {
    static const FixedWidthMetric fixed;
    rebuild(map, lanes, metrics, fixed);
}

float CanvasLayout::card_height_for(int stage, int index) const { return card_heights_[card_base_[stage] + index]; }

// Every text lane's cells for one stage, in one walk over its touchpoints (a
// touchpoint is large: one walk per lane would read the whole map once per lane).
void CanvasLayout::lay_out_stage_texts(const Map& map, int s, const KpiText& kpi_text) {
    const Stage& stage = map.stages[s];
    const int max_lines = m_.card_detail == CardDetail::Compact ? m_.compact_lines : 0;
    const float full_width = m_.stage_width - 2 * m_.padding;
    for (LaneBuild& b : builds_) {
        b.first.push_back(static_cast<int>(b.items.size()));
        b.y = 0;
    }
    auto add = [&](LaneBuild& b, std::string_view text, ItemSource source, int tp, std::uint32_t sub, Bullet bullet,
                   ItemStyle style) {
        if (text.empty()) return;
        CellItem it;
        it.source = source;
        it.touchpoint = tp;
        it.sub = sub;
        it.bullet = bullet;
        it.style = style;
        WrapOptions o;
        o.max_width = full_width - (bullet == Bullet::None ? 0 : m_.bullet_indent);
        o.font_size = item_font_size(it);
        o.max_lines = max_lines;
        it.text = cache_.get(text, o);
        it.top = b.y;
        b.y += it.text.count * item_line_height(it) + m_.item_gap;
        b.items.push_back(it);
    };
    auto derived = [&](LaneBuild& b, std::string text, Bullet bullet, ItemStyle style) {
        derived_.push_back(std::move(text));
        add(b, derived_.back(), ItemSource::Derived, -1, static_cast<std::uint32_t>(derived_.size() - 1), bullet, style);
    };
    LaneBuild* by_lane[kLaneCount] = {};
    for (LaneBuild& b : builds_) by_lane[static_cast<int>(b.lane)] = &b;
    LaneBuild* doing = by_lane[static_cast<int>(Lane::Doing)];
    LaneBuild* thinking = by_lane[static_cast<int>(Lane::Thinking)];
    LaneBuild* backstage = by_lane[static_cast<int>(Lane::Backstage)];
    LaneBuild* pains = by_lane[static_cast<int>(Lane::Pains)];
    LaneBuild* opportunities = by_lane[static_cast<int>(Lane::Opportunities)];
    LaneBuild* channels = by_lane[static_cast<int>(Lane::Channels)];
    std::unordered_set<std::string_view> seen_channels;
    const auto& tps = stage.touchpoints;
    for (int i = 0; i < static_cast<int>(tps.size()); ++i) {
        const Touchpoint& t = tps[i];
        if (doing) add(*doing, t.doing, ItemSource::Doing, i, 0, Bullet::Dot, ItemStyle::Body);
        if (thinking) add(*thinking, t.thinking, ItemSource::Thinking, i, 0, Bullet::Comment, ItemStyle::Body);
        if (backstage) add(*backstage, t.backstage, ItemSource::Backstage, i, 0, Bullet::Dot, ItemStyle::Body);
        if (pains)
            for (std::size_t k = 0; k < t.pains.size(); ++k)
                add(*pains, t.pains[k], ItemSource::Pain, i, static_cast<std::uint32_t>(k), Bullet::Bolt, ItemStyle::Body);
        if (opportunities)
            for (std::size_t k = 0; k < t.opportunities.size(); ++k)
                add(*opportunities, t.opportunities[k], ItemSource::Opportunity, i, static_cast<std::uint32_t>(k), Bullet::Idea,
                    ItemStyle::Body);
        if (channels && !t.channel.empty() && seen_channels.insert(t.channel).second) {
            // Shown in the UI's language ("search" -> "búsqueda"); the map keeps the key.
            derived_.push_back(channel_name(t.channel));
            add(*channels, derived_.back(), ItemSource::Channel, i, static_cast<std::uint32_t>(derived_.size() - 1), Bullet::Channel,
                ItemStyle::Body);
        }
    }
    if (LaneBuild* kpis = by_lane[static_cast<int>(Lane::Kpis)]) {
        for (std::size_t k = 0; k < stage.kpis.size(); ++k) {
            if (stage.kpis[k].name.empty()) derived(*kpis, "KPI", Bullet::None, ItemStyle::Body);
            else add(*kpis, stage.kpis[k].name, ItemSource::KpiName, -1, static_cast<std::uint32_t>(k), Bullet::None, ItemStyle::Body);
            derived(*kpis, kpi_text ? kpi_text(stage.kpis[k]) : default_kpi_text(stage.kpis[k]), Bullet::None, ItemStyle::Muted);
        }
    }
    if (LaneBuild* owners = by_lane[static_cast<int>(Lane::Owners)]) {
        derived(*owners, stage.owner.empty() ? std::string(i18n::tr("No owner")) : stage.owner, Bullet::Users, ItemStyle::Body);
        if (!stage.handoff.to_team.empty() || !stage.handoff.agreement.empty()) {
            derived(*owners,
                    stage.handoff.to_team.empty() ? std::string(i18n::tr("Hands off to the next stage"))
                                                  : i18n::trf("Hands off to {team}", {{"team", stage.handoff.to_team}}),
                    Bullet::Handoff, ItemStyle::Muted);
            add(*owners, stage.handoff.agreement, ItemSource::Agreement, -1, 0, Bullet::Blank, ItemStyle::Small);
        }
    }
    for (LaneBuild& b : builds_)
        if (b.items.size() > static_cast<std::size_t>(b.first.back())) b.tallest = std::max(b.tallest, b.y - m_.item_gap);
}

void CanvasLayout::rebuild(const Map& map, const std::vector<Lane>& lanes, const LayoutMetrics& metrics,
                           const TextMetric& metric, const KpiText& kpi_text) {
    m_ = metrics;
    cache_.begin_pass(metric);
    const int S = static_cast<int>(map.stages.size());
    const int max_lines = m_.card_detail == CardDetail::Compact ? m_.compact_lines : 0;
    stage_cards_.assign(S, 0);
    card_base_.assign(S + 1, 0);
    names_.assign(S, {});
    for (int s = 0; s < S; ++s) {
        stage_cards_[s] = static_cast<int>(map.stages[s].touchpoints.size());
        card_base_[s + 1] = card_base_[s] + stage_cards_[s];
    }
    items_.clear();
    derived_.clear();
    lanes_.clear();
    touch_lane_ = -1;

    // Stage names: the header grows to the longest.
    WrapOptions name_opts;
    name_opts.max_width = m_.stage_width - 2 * (m_.header_inset + m_.header_text_left);
    name_opts.font_size = m_.name_font_size;
    name_opts.max_lines = max_lines;
    std::uint32_t name_lines = 1;
    for (int s = 0; s < S; ++s) {
        std::string_view name = stage_name_text(map, s);
        names_[s] = cache_.get(name, name_opts);
        name_lines = std::max(name_lines, names_[s].count);
    }
    name_lines_height_ = name_lines * m_.name_line_height;
    header_height_ = m_.header_height + (name_lines - 1) * m_.name_line_height;

    // Ghost cards (compare mode), clamped to this map and put in order: by the
    // stage or column they go in, then by the card they go before.
    laid_columns_ = std::max(0, plan_.columns);
    const int slots = S + laid_columns_;
    const int G = slots > 0 ? static_cast<int>(plan_.cards.size()) : 0;
    ghost_slot_.assign(G, 0);
    ghost_tops_.assign(G, 0);
    ghost_before_.assign(G, 0);
    ghost_order_.resize(G);
    ghost_first_.assign(slots + 1, 0);
    for (int k = 0; k < G; ++k) {
        const GhostPlan::Card& g = plan_.cards[k];
        ghost_slot_[k] = std::clamp(g.stage, 0, slots - 1);
        ghost_before_[k] = ghost_slot_[k] < S ? std::clamp(g.before, 0, stage_cards_[ghost_slot_[k]]) : 0;
        ghost_order_[k] = k;
    }
    std::stable_sort(ghost_order_.begin(), ghost_order_.end(), [&](int a, int b) {
        return ghost_slot_[a] != ghost_slot_[b] ? ghost_slot_[a] < ghost_slot_[b] : ghost_before_[a] < ghost_before_[b];
    });
    for (int k = 0; k < G; ++k) ++ghost_first_[ghost_slot_[k] + 1];
    for (int slot = 0; slot < slots; ++slot) ghost_first_[slot + 1] += ghost_first_[slot];
    const float ghost_step = m_.card_height + m_.card_gap;

    // Cards: each as tall as its title, ghosts between them.
    const bool cards_shown = std::find(lanes.begin(), lanes.end(), Lane::Touchpoints) != lanes.end();
    titles_.assign(card_base_[S], {});
    card_heights_.assign(card_base_[S], 0);
    card_tops_.assign(card_base_[S] + S, 0);
    float tallest_stack = 0;
    WrapOptions title_opts;
    title_opts.max_width = m_.card_width - m_.card_text_left - m_.card_text_right;
    title_opts.font_size = m_.font_size;
    title_opts.max_lines = max_lines;
    title_opts.first_line_indent = m_.card_icon_width;
    for (int s = 0; s < S; ++s) {
        const auto& tps = map.stages[s].touchpoints;
        float* t = card_tops_.data() + card_base_[s] + s;
        TextBlock* title = titles_.data() + card_base_[s];
        float* height = card_heights_.data() + card_base_[s];
        float y = 0;
        int g = ghost_first_[s];
        const int g_end = ghost_first_[s + 1];
        for (int i = 0; i < stage_cards_[s]; ++i) {
            for (; g < g_end && ghost_before_[ghost_order_[g]] <= i; ++g, y += ghost_step) ghost_tops_[ghost_order_[g]] = y;
            t[i] = y;
            std::uint32_t n = 1;
            if (cards_shown) {
                title[i] = cache_.get(tps[i].title.empty() ? untitled() : std::string_view(tps[i].title), title_opts);
                n = std::max<std::uint32_t>(1, title[i].count);
            }
            height[i] = m_.card_height + (n - 1) * m_.line_height;
            y += height[i] + m_.card_gap;
        }
        for (; g < g_end; ++g, y += ghost_step) ghost_tops_[ghost_order_[g]] = y;
        t[stage_cards_[s]] = y;
        tallest_stack = std::max(tallest_stack, y);
    }
    for (int slot = S; slot < slots; ++slot) {   // ghost columns: their cards one under the other
        float y = 0;
        for (int g = ghost_first_[slot]; g < ghost_first_[slot + 1]; ++g, y += ghost_step) ghost_tops_[ghost_order_[g]] = y;
        tallest_stack = std::max(tallest_stack, y);
    }

    // Text lanes: every cell of every shown text lane, one stage at a time.
    const int L = static_cast<int>(lanes.size());
    std::size_t text_lanes = 0;
    for (Lane lane : lanes) text_lanes += is_text_lane(lane);
    builds_.resize(text_lanes);
    std::size_t next = 0;
    for (int l = 0; l < L; ++l) {
        if (!is_text_lane(lanes[l])) continue;
        LaneBuild& b = builds_[next++];
        b.lane = lanes[l];
        b.index = l;
        b.items.clear();
        b.items.reserve(b.reserve);
        b.first.clear();
        b.tallest = 0;
    }
    for (int s = 0; s < S; ++s) lay_out_stage_texts(map, s, kpi_text);

    // Lanes, top to bottom; text lanes as tall as their tallest cell. Items go
    // into one array, lane after lane, stage after stage.
    cell_first_.assign(static_cast<std::size_t>(L) * S + 1, 0);
    std::size_t total = 0;
    for (const LaneBuild& b : builds_) total += b.items.size();
    items_.reserve(total);
    float y = header_height_;
    next = 0;
    for (int l = 0; l < L; ++l) {
        Lane lane = lanes[l];
        float h = fixed_lane_height(lane);
        if (lane == Lane::Touchpoints) {
            touch_lane_ = l;
            h = 2 * m_.padding + tallest_stack + m_.add_button_height;
        }
        const int base = static_cast<int>(items_.size());
        if (is_text_lane(lane)) {
            const LaneBuild& b = builds_[next++];
            for (int s = 0; s < S; ++s) cell_first_[static_cast<std::size_t>(l) * S + s] = base + b.first[s];
            items_.insert(items_.end(), b.items.begin(), b.items.end());
            builds_[next - 1].reserve = b.items.size();
            std::vector<CellItem>().swap(builds_[next - 1].items);   // only while building
            h = std::max(m_.min_text_lane_height, 2 * m_.padding + b.tallest);
        } else {
            for (int s = 0; s < S; ++s) cell_first_[static_cast<std::size_t>(l) * S + s] = base;
        }
        lanes_.push_back({lane, y, y + h});
        y += h;
    }
    cell_first_[static_cast<std::size_t>(L) * S] = static_cast<int>(items_.size());
    lanes_bottom_ = y;
}

int CanvasLayout::lane_index(Lane lane) const {
    for (int i = 0; i < static_cast<int>(lanes_.size()); ++i)
        if (lanes_[i].lane == lane) return i;
    return -1;
}

Rect CanvasLayout::content() const {
    float right = ghost_left(laid_columns_);
    return {{0, 0}, {right, std::max(lanes_bottom_, header_height_ + 80)}};
}

Rect CanvasLayout::stage_column(int stage) const {
    return {{stage_left(stage), 0}, {stage_left(stage + 1), std::max(lanes_bottom_, header_height_)}};
}

Rect CanvasLayout::stage_header(int stage) const {
    return {{stage_left(stage), 0}, {stage_left(stage + 1), header_height_}};
}

Rect CanvasLayout::cell(int stage, int lane) const {
    const LaneBox& box = lanes_[lane];
    return {{stage_left(stage), box.top}, {stage_left(stage + 1), box.bottom}};
}

Rect CanvasLayout::card(int stage, int index) const {
    float x = stage_left(stage) + (m_.stage_width - m_.card_width) / 2;
    int n = stage_cards_[stage];
    index = std::clamp(index, 0, n);
    float y = first_card_top() + tops(stage)[index];
    float h = index < n ? card_height_for(stage, index) : m_.card_height;
    return {{x, y}, {x + m_.card_width, y + h}};
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
    if (touch_lane_ < 0 || stage < 0 || stage >= stage_count()) return {0, 0};
    const float* t = tops(stage);
    const int n = stage_cards_[stage];
    const float top = world_top - first_card_top(), bottom = world_bottom - first_card_top();
    // First card whose bottom is below `top`; first card whose top is at or below `bottom`.
    const float* h = card_heights_.data() + card_base_[stage];
    int first = static_cast<int>(std::partition_point(t, t + n, [&](const float& ti) {
                                     std::ptrdiff_t i = &ti - t;
                                     return ti + h[i] <= top;
                                 }) - t);
    int last = static_cast<int>(std::partition_point(t, t + n, [&](float ti) { return ti < bottom; }) - t);
    return {first, std::max(first, last)};
}

Hit CanvasLayout::hit_test(Vec2 p) const {
    if (p.x < m_.lane_label_width || p.y < 0) return {};
    int stage = static_cast<int>((p.x - m_.lane_label_width) / m_.stage_width);
    if (stage >= stage_count()) {
        return add_stage_button().contains(p) ? Hit{HitKind::AddStage} : Hit{};
    }
    if (p.y < header_height_) return {HitKind::StageHeader, stage};
    for (int lane = 0; lane < static_cast<int>(lanes_.size()); ++lane) {
        if (p.y < lanes_[lane].top || p.y >= lanes_[lane].bottom) continue;
        if (lane == touch_lane_) {
            const float* t = tops(stage);
            const int n = stage_cards_[stage];
            float rel = p.y - first_card_top();
            int index = static_cast<int>(std::upper_bound(t, t + n, rel) - t) - 1;
            if (index >= 0 && index < n && card(stage, index).contains(p)) return {HitKind::Card, stage, index, lane};
            if (add_card_button(stage).contains(p)) return {HitKind::AddCard, stage, -1, lane};
        }
        return {HitKind::Cell, stage, -1, lane};
    }
    return {};
}

DropTarget CanvasLayout::drop_target(Vec2 p) const {
    if (stage_count() == 0 || touch_lane_ < 0) return {};
    int stage = std::clamp(static_cast<int>(std::floor((p.x - m_.lane_label_width) / m_.stage_width)), 0, stage_count() - 1);
    const float* t = tops(stage);
    const int n = stage_cards_[stage];
    const float* h = card_heights_.data() + card_base_[stage];
    float rel = p.y - first_card_top();
    // Insert before the first card whose middle is below the pointer.
    int index = static_cast<int>(std::partition_point(t, t + n, [&](const float& ti) {
                                     std::ptrdiff_t i = &ti - t;
                                     return ti + h[i] / 2 <= rel;
                                 }) - t);
    return {stage, index};
}

int CanvasLayout::stage_insert_index(float x) const {
    int index = static_cast<int>(std::floor((x - m_.lane_label_width) / m_.stage_width + 0.5f));
    return std::clamp(index, 0, stage_count());
}

std::vector<std::string> CanvasLayout::cards_in(const Rect& r, const Map& map) const {
    std::vector<std::string> ids;
    if (touch_lane_ < 0) return ids;
    for (int s = 0; s < stage_count() && s < static_cast<int>(map.stages.size()); ++s) {
        if (!stage_column(s).overlaps(r)) continue;
        auto [first, last] = visible_cards(s, r.min.y, r.max.y);
        for (int i = first; i < last && i < static_cast<int>(map.stages[s].touchpoints.size()); ++i)
            if (card(s, i).overlaps(r)) ids.push_back(map.stages[s].touchpoints[i].id);
    }
    return ids;
}

Rect CanvasLayout::ghost_column(int column) const {
    return {{ghost_left(column), 0}, {ghost_left(column + 1), std::max(lanes_bottom_, header_height_)}};
}

Rect CanvasLayout::ghost_header(int column) const { return {{ghost_left(column), 0}, {ghost_left(column + 1), header_height_}}; }

Rect CanvasLayout::ghost_card(int k) const {
    if (k < 0 || k >= static_cast<int>(ghost_tops_.size())) return {};
    const int slot = ghost_slot_[k];
    const float left = slot < stage_count() ? stage_left(slot) : ghost_left(slot - stage_count());
    const float x = left + (m_.stage_width - m_.card_width) / 2;
    const float y = (touch_lane_ >= 0 ? first_card_top() : 0) + ghost_tops_[k];
    return {{x, y}, {x + m_.card_width, y + m_.card_height}};
}

std::pair<int, int> CanvasLayout::visible_ghosts(int slot, float world_top, float world_bottom) const {
    if (touch_lane_ < 0 || slot < 0 || slot + 1 >= static_cast<int>(ghost_first_.size())) return {0, 0};
    const int* begin = ghost_order_.data() + ghost_first_[slot];
    const int* end = ghost_order_.data() + ghost_first_[slot + 1];
    const float top = world_top - first_card_top(), bottom = world_bottom - first_card_top();
    const int* first = std::partition_point(begin, end, [&](int k) { return ghost_tops_[k] + m_.card_height <= top; });
    const int* last = std::partition_point(first, end, [&](int k) { return ghost_tops_[k] < bottom; });
    return {static_cast<int>(first - ghost_order_.data()), static_cast<int>(last - ghost_order_.data())};
}

const TextBlock& CanvasLayout::card_title(int stage, int index) const {
    if (stage < 0 || stage >= stage_count() || index < 0 || index >= stage_cards_[stage]) return kNoText;
    return titles_[card_base_[stage] + index];
}

std::string_view CanvasLayout::card_title_text(const Map& map, int stage, int index) const {
    if (stage < 0 || stage >= static_cast<int>(map.stages.size())) return {};
    const auto& tps = map.stages[stage].touchpoints;
    if (index < 0 || index >= static_cast<int>(tps.size())) return {};
    return tps[index].title.empty() ? untitled() : std::string_view(tps[index].title);
}

const TextBlock& CanvasLayout::stage_name(int stage) const {
    return stage >= 0 && stage < static_cast<int>(names_.size()) ? names_[stage] : kNoText;
}

std::string_view CanvasLayout::stage_name_text(const Map& map, int stage) const {
    if (stage < 0 || stage >= static_cast<int>(map.stages.size())) return {};
    const std::string& name = map.stages[stage].name;
    return name.empty() ? unnamed_stage() : std::string_view(name);
}

float CanvasLayout::header_owner_top() const {
    return m_.header_inset + m_.header_name_top + name_lines_height_ + 2;
}

std::pair<int, int> CanvasLayout::cell_items(int stage, int lane) const {
    const int S = stage_count();
    if (stage < 0 || stage >= S || lane < 0 || lane >= static_cast<int>(lanes_.size())) return {0, 0};
    std::size_t c = static_cast<std::size_t>(lane) * S + stage;
    return {cell_first_[c], cell_first_[c + 1]};
}

std::pair<int, int> CanvasLayout::visible_items(int stage, int lane, float world_top, float world_bottom) const {
    auto [a, b] = cell_items(stage, lane);
    if (a == b) return {a, b};
    const float base = lanes_[lane].top + m_.padding;
    const float top = world_top - base, bottom = world_bottom - base;
    auto begin = items_.begin() + a, end = items_.begin() + b;
    auto first = std::partition_point(begin, end, [&](const CellItem& it) {
        return it.top + it.text.count * item_line_height(it) <= top;
    });
    auto last = std::partition_point(first, end, [&](const CellItem& it) { return it.top < bottom; });
    return {static_cast<int>(first - items_.begin()), static_cast<int>(last - items_.begin())};
}

Rect CanvasLayout::item_rect(int stage, int lane, int index) const {
    const CellItem& it = items_[index];
    float x = stage_left(stage) + m_.padding + (it.bullet == Bullet::None ? 0 : m_.bullet_indent);
    float y = lanes_[lane].top + m_.padding + it.top;
    return {{x, y}, {stage_left(stage + 1) - m_.padding, y + it.text.count * item_line_height(it)}};
}

std::string_view CanvasLayout::item_text(const Map& map, int stage, const CellItem& it) const {
    if (it.source == ItemSource::Derived || it.source == ItemSource::Channel)   // a channel: its name as shown
        return it.sub < derived_.size() ? std::string_view(derived_[it.sub]) : std::string_view();
    if (stage < 0 || stage >= static_cast<int>(map.stages.size())) return {};
    const Stage& st = map.stages[stage];
    if (it.source == ItemSource::KpiName) return it.sub < st.kpis.size() ? std::string_view(st.kpis[it.sub].name) : std::string_view();
    if (it.source == ItemSource::Agreement) return st.handoff.agreement;
    if (it.touchpoint < 0 || it.touchpoint >= static_cast<int>(st.touchpoints.size())) return {};
    const Touchpoint& t = st.touchpoints[it.touchpoint];
    switch (it.source) {
        case ItemSource::Doing: return t.doing;
        case ItemSource::Thinking: return t.thinking;
        case ItemSource::Backstage: return t.backstage;
        case ItemSource::Channel: return t.channel;
        case ItemSource::Pain: return it.sub < t.pains.size() ? std::string_view(t.pains[it.sub]) : std::string_view();
        case ItemSource::Opportunity:
            return it.sub < t.opportunities.size() ? std::string_view(t.opportunities[it.sub]) : std::string_view();
        default: return {};
    }
}

float CanvasLayout::item_font_size(const CellItem& it) const {
    return it.style == ItemStyle::Small ? m_.small_font_size : m_.font_size;
}

float CanvasLayout::item_line_height(const CellItem& it) const {
    return it.style == ItemStyle::Small ? m_.small_line_height : m_.line_height;
}

std::size_t CanvasLayout::memory_bytes() const {
    std::size_t n = cache_.memory_bytes();
    n += stage_cards_.capacity() * sizeof(int) + card_base_.capacity() * sizeof(int) + card_tops_.capacity() * sizeof(float);
    n += titles_.capacity() * sizeof(TextBlock) + names_.capacity() * sizeof(TextBlock) + card_heights_.capacity() * sizeof(float);
    n += plan_.cards.capacity() * sizeof(GhostPlan::Card) + ghost_tops_.capacity() * sizeof(float) +
         (ghost_first_.capacity() + ghost_slot_.capacity() + ghost_before_.capacity() + ghost_order_.capacity()) * sizeof(int);
    n += cell_first_.capacity() * sizeof(int) + items_.capacity() * sizeof(CellItem);
    n += derived_.capacity() * sizeof(std::string) + lanes_.capacity() * sizeof(LaneBox);
    for (const auto& d : derived_) n += d.capacity() > 15 ? d.capacity() + 1 : 0;
    return n;
}

}  // namespace jm::ui
