// Fonts by need. The editor starts with its UI fonts only (Latin, Greek,
// Cyrillic and the icons, about 110 KB); the CJK font (Droid Sans Fallback,
// 4 MB) is fetched the first time Chinese or Japanese text is to be drawn.
// This file finds that moment for the two sources the app knows: the UI
// language and the open map's text (typing, pasting and loading all change the
// map, so its revision covers them). The web backend catches any other text
// (the library's titles, a find query) when ImGui misses a glyph, and fetches
// the whole font when a character the common subset lacks is drawn.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace jm {

struct Map;

// Code points the CJK font draws and the UI fonts do not: CJK ideographs
// (unified, extension A, compatibility), kana, bopomofo, Hangul jamo (not
// Hangul syllables: the font has 3 of them), CJK symbols and punctuation,
// enclosed and compatibility CJK, vertical and small forms, fullwidth forms.
bool needs_cjk_font(char32_t c);
bool text_needs_cjk_font(std::string_view utf8);
// Every text of the map the editor draws: titles, names, descriptions, lists...
bool map_needs_cjk_font(const Map& map);
// A UI language written with CJK characters ("zh-CN", "zh", "ja").
bool language_needs_cjk_font(std::string_view code);

// Once per frame, before anything draws: asks for the CJK font
// (platform::request_cjk_font) when the UI language or the map's text needs
// it. The map is read only when `revision` (or the map) changed since the last
// call, and never again once the font was asked for: nothing per frame.
void load_fonts_by_need(const std::string& ui_language, const Map& map, std::uint64_t revision);

}  // namespace jm
