#include "app/font_needs.h"

#include "model/map.h"
#include "platform/platform.h"
#include "ui/core/text_layout.h"

namespace jm {

bool needs_cjk_font(char32_t c) {
    // The Unicode blocks where Droid Sans Fallback has glyphs (fonts-droid-fallback).
    struct Block { char32_t first, last; };
    static constexpr Block kBlocks[] = {
        {0x0E3F, 0x0E3F},     // Thai baht sign, which the font carries
        {0x1100, 0x11FF},     // Hangul jamo
        {0x202A, 0x202D},     // bidi embedding controls (drawn as nothing)
        {0x3000, 0x33FF},     // CJK symbols and punctuation, kana, bopomofo, Hangul compatibility jamo, enclosed, compatibility
        {0x3400, 0x4DBF},     // CJK unified ideographs extension A
        {0x4E00, 0x9FFF},     // CJK unified ideographs
        {0xF900, 0xFAFF},     // CJK compatibility ideographs
        {0xFE10, 0xFE1F},     // vertical forms
        {0xFE30, 0xFE6F},     // CJK compatibility forms, small form variants
        {0xFF00, 0xFFEF},     // halfwidth and fullwidth forms
    };
    if (c < 0x0E3F) return false;   // ASCII, Latin, Greek, Cyrillic...: the UI fonts
    for (const Block& b : kBlocks)
        if (c >= b.first && c <= b.last) return true;
    return false;
}

bool text_needs_cjk_font(std::string_view utf8) {
    for (std::size_t i = 0; i < utf8.size();) {
        // Every code point from U+0E3F on starts with a byte >= 0xE0: skip the rest
        // (ASCII, two-byte Latin, Greek, Cyrillic) without decoding.
        if (static_cast<unsigned char>(utf8[i]) < 0xE0) {
            ++i;
            continue;
        }
        char32_t c;
        i += static_cast<std::size_t>(ui::decode_utf8(utf8, i, c));
        if (needs_cjk_font(c)) return true;
    }
    return false;
}

namespace {

bool any(const std::vector<std::string>& texts) {
    for (const std::string& t : texts)
        if (text_needs_cjk_font(t)) return true;
    return false;
}

template <typename... Texts>
bool any_of(const Texts&... texts) {
    return (text_needs_cjk_font(texts) || ...);
}

bool lists_need_cjk(const Touchpoint& t) { return any(t.pains) || any(t.opportunities) || any(t.evidence.quotes); }

}  // namespace

bool map_needs_cjk_font(const Map& map) {
    if (any_of(map.title, map.description, map.objective, map.segment, map.author, map.currency, map.period.label))
        return true;
    if (map.period_previous && text_needs_cjk_font(map.period_previous->label)) return true;
    for (const Persona& p : map.personas) {
        if (any_of(p.name, p.job_title, p.goals, p.needs, p.research_channels, p.expectations, p.loyalty_factors,
                   p.firmographics.company_size, p.firmographics.industry, p.firmographics.region))
            return true;
    }
    for (const Stage& s : map.stages) {
        if (any_of(s.name, s.description, s.goal, s.owner, s.business_voice, s.handoff.from_team, s.handoff.to_team,
                   s.handoff.agreement))
            return true;
        for (const Kpi& k : s.kpis)
            if (any_of(k.name, k.unit)) return true;
        for (const Touchpoint& t : s.touchpoints) {
            if (any_of(t.title, t.description, t.doing, t.thinking, t.channel, t.owner, t.backstage, t.evidence.source) ||
                lists_need_cjk(t))
                return true;
        }
    }
    return false;
}

bool language_needs_cjk_font(std::string_view code) {
    const std::string_view primary = code.substr(0, code.find_first_of("-_"));
    return primary == "zh" || primary == "ja";   // i18n: not shown (language codes)
}

void load_fonts_by_need(const std::string& ui_language, const Map& map, std::uint64_t revision) {
    // One editor per page: the state of the last look is the page's.
    static bool requested = false;
    static bool looked = false;
    static std::uint64_t looked_revision = 0;
    static std::string looked_map_id;
    if (requested) return;   // the platform takes it from here (the whole font when needed)
    bool need = language_needs_cjk_font(ui_language);
    if (!need && (!looked || revision != looked_revision || map.id != looked_map_id)) {
        looked = true;
        looked_revision = revision;
        looked_map_id = map.id;
        need = map_needs_cjk_font(map);
    }
    if (!need) return;
    platform::request_cjk_font();
    requested = true;
}

}  // namespace jm
