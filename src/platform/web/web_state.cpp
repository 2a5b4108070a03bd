#include "platform/web/web_state.h"

#include <emscripten.h>

#include <cstdlib>
#include <string>
#include <utility>

#include "app/font_needs.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "platform/platform.h"
#include "platform/web/test_hooks.h"
#include "ui/theme.h"

namespace jm::web {

namespace {

std::string g_clipboard;
double g_frames_until_ms = 0;  // keep drawing until this time
int g_settle_frames = 0;       // and at least this many more frames

EM_JS(void, js_write_clipboard, (const char* text), {
    JM.writeClipboard(UTF8ToString(text));
});

EM_JS(void, js_place_text_input, (float x, float y, float line_height), {
    JM.placeTextInput(x, y, line_height);
});

const char* get_clipboard(ImGuiContext*) { return g_clipboard.c_str(); }

void set_clipboard(ImGuiContext*, const char* text) {
    g_clipboard = text ? text : "";
    js_write_clipboard(g_clipboard.c_str());
}

// Moves the hidden text element under the caret so an IME's candidate window
// opens next to the text being typed.
void set_ime_data(ImGuiContext*, ImGuiViewport*, ImGuiPlatformImeData* data) {
    if (data->WantVisible) js_place_text_input(data->InputPos.x, data->InputPos.y, data->InputLineHeight);
}

// --- Fonts by need -----------------------------------------------------------
// The page hands fonts over by role (web/boot.js): the UI fonts before the first
// frame, the CJK font when asked for (JM.fonts.request), first its common
// characters, then the whole font. Every one but the two text fonts is merged
// into both, so any label can hold icons and Chinese.
enum FontRole { kRegular = 0, kBold = 1, kCjkCommon = 2, kIcons = 3, kCjkFull = 4 };
struct FontData { void* data = nullptr; int size = 0; };
FontData g_waiting[5];             // by role: fonts that arrived before the text fonts could be built
ImFont* g_text_fonts[2] = {};      // regular and bold, once built
// How far the CJK font has come. Each step is asked for once; a step the page
// could not fetch stays "loading" (its text keeps its fallback glyphs).
enum class Cjk { None, CommonLoading, Common, FullLoading, Full };
Cjk g_cjk = Cjk::None;

EM_JS(void, js_request_font, (int role), { JM.fonts.request(role); });

void request_cjk(bool full) {
    if (!full && g_cjk == Cjk::None) {
        g_cjk = Cjk::CommonLoading;
        js_request_font(kCjkCommon);
    } else if (full && g_cjk == Cjk::Common) {
        g_cjk = Cjk::FullLoading;
        js_request_font(kCjkFull);
    }
}

// ImGui found no glyph for `c` in any source of a font (it draws the fallback
// glyph instead): when the CJK font has it, ask for the next step. Called once
// per missing code point and baked size; merging a font discards the bakes, so
// a character the common subset lacks misses again and brings the whole font.
void glyph_missing(ImWchar c) {
    if (!jm::needs_cjk_font(c)) return;
    if (g_cjk == Cjk::None) request_cjk(false);
    else if (g_cjk == Cjk::Common) request_cjk(true);
}

// The stb_truetype loader, with a look at every glyph no source of a font has.
const ImFontLoader* g_stb_loader = nullptr;
ImFontLoader g_loader;

bool load_glyph(ImFontAtlas* atlas, ImFontConfig* src, ImFontBaked* baked, void* loader_data, ImWchar c,
                ImFontGlyph* out_glyph, float* out_advance_x) {
    if (g_stb_loader->FontBakedLoadGlyph(atlas, src, baked, loader_data, c, out_glyph, out_advance_x)) return true;
    // ImGui asks the sources in order: a miss in the last one is a miss in all.
    ImFont* font = baked->ContainerFont;
    if (font && !font->Sources.empty() && font->Sources.back() == src) glyph_missing(c);
    return false;
}

void install_font_loader(ImFontAtlas* atlas) {
    if (g_stb_loader) return;
    g_stb_loader = ImFontAtlasGetFontLoaderForStbTruetype();
    g_loader = *g_stb_loader;
    g_loader.Name = "stb_truetype (fonts by need)";
    g_loader.FontBakedLoadGlyph = load_glyph;
    atlas->SetFontLoader(&g_loader);
}

// Merges `data` into `font`, which may have been drawn already. ImGui 1.92.2b
// crashes merging into a font with bakes (fixed in 1.92.6, ocornut/imgui#9162),
// so they go first; and MergeMode merges into the atlas' last font, so `font`
// is moved there for the call. The atlas keeps its own copy of the data.
void merge_into(ImFont* font, const void* data, int size, const char* name, float glyph_offset_y) {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    ImFontAtlasFontDiscardBakes(atlas, font, 0);
    ImFont** slot = atlas->Fonts.find(font);
    if (slot == atlas->Fonts.end()) return;
    std::swap(*slot, atlas->Fonts.back());
    ImFontConfig cfg;
    cfg.MergeMode = true;
    cfg.DstFont = font;
    cfg.FontDataOwnedByAtlas = false;   // copied: the caller frees `data`
    cfg.GlyphOffset.y = glyph_offset_y;
    ImFormatString(cfg.Name, IM_ARRAYSIZE(cfg.Name), "%s", name);
    atlas->AddFontFromMemoryTTF(const_cast<void*>(data), size, 0.0f, &cfg);   // at the text font's size
    std::swap(*slot, atlas->Fonts.back());
}

void merge_cjk(void* data, int size, FontRole role) {
    const bool full = role == kCjkFull;
    if (g_cjk == Cjk::Full || (!full && g_cjk == Cjk::Common)) {   // a late duplicate
        std::free(data);
        return;
    }
    for (ImFont* font : g_text_fonts)
        merge_into(font, data, size, full ? "Droid Sans Fallback" : "Droid Sans Fallback (common characters)", 0.0f);
    std::free(data);
    g_cjk = full ? Cjk::Full : Cjk::Common;
}

void build_ui_fonts() {
    ImGuiIO& io = ImGui::GetIO();
    install_font_loader(io.Fonts);
    static const char* const kNames[2] = {"Inter Regular", "Inter SemiBold"};
    for (int text_role : {kRegular, kBold}) {
        ImFontConfig cfg;
        cfg.FontDataOwnedByAtlas = false;
        ImFormatString(cfg.Name, IM_ARRAYSIZE(cfg.Name), "%s", kNames[text_role]);
        ImFont* font = io.Fonts->AddFontFromMemoryTTF(g_waiting[text_role].data, g_waiting[text_role].size, 0.0f, &cfg);
        g_text_fonts[text_role] = font;
        // Font Awesome sits slightly high next to Inter.
        merge_into(font, g_waiting[kIcons].data, g_waiting[kIcons].size, "Font Awesome", 1.0f);
        if (text_role == kRegular) io.FontDefault = font;
        else jm::ui::set_heading_font(font);
    }
    for (int role : {kRegular, kBold, kIcons}) {
        std::free(g_waiting[role].data);
        g_waiting[role] = {};
    }
    for (FontRole role : {kCjkCommon, kCjkFull}) {   // fetched with the UI fonts
        FontData cjk = std::exchange(g_waiting[role], FontData{});
        if (cjk.data) merge_cjk(cjk.data, cjk.size, role);
    }
}

}  // namespace

void install_platform_hooks() {
    ImGuiPlatformIO& pio = ImGui::GetPlatformIO();
    pio.Platform_GetClipboardTextFn = get_clipboard;
    pio.Platform_SetClipboardTextFn = set_clipboard;
    pio.Platform_SetImeDataFn = set_ime_data;
#if JM_TEST_HOOKS
    install_test_hooks();
#endif
}

// Fonts arrive one by one: 0 regular, 1 bold and 3 icons before the first frame,
// 2 the CJK font's common characters and 4 the whole CJK font when the editor
// asks for them (or 2 with the first ones, for a Chinese UI). The text fonts are
// built once 0, 1 and 3 are here; a CJK font is merged into both at once, or
// then. Between frames only. `data` was malloc'ed; it is freed here (the atlas
// keeps its own copies).
void add_font(void* data, int size, int role) {
    if (!data || size <= 0 || role < kRegular || role > kCjkFull) {
        std::free(data);
        return;
    }
    if (g_text_fonts[kRegular]) {
        if (role == kCjkCommon || role == kCjkFull) merge_cjk(data, size, static_cast<FontRole>(role));
        else std::free(data);   // the UI fonts come once
        return;
    }
    std::free(g_waiting[role].data);   // a repeat replaces the first
    g_waiting[role] = {data, size};
    if (g_waiting[kRegular].data && g_waiting[kBold].data && g_waiting[kIcons].data) build_ui_fonts();
}

void set_pasted_text(const char* utf8) { g_clipboard = utf8 ? utf8 : ""; }

void frame_done() {
#if JM_TEST_HOOKS
    publish_test_items();
#endif
    if (g_settle_frames > 0) --g_settle_frames;
}

bool wants_more_frames(double now_ms) {
    return g_settle_frames > 0 || now_ms < g_frames_until_ms;
}

void keep_drawing(double until_ms, int min_frames) {
    if (until_ms > g_frames_until_ms) g_frames_until_ms = until_ms;
    if (min_frames > g_settle_frames) g_settle_frames = min_frames;
}

}  // namespace jm::web

namespace jm::platform {

void request_cjk_font() { jm::web::request_cjk(false); }

}  // namespace jm::platform
