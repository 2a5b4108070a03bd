#include "platform/web/web_state.h"

#include <emscripten.h>

#include <string>

#include "imgui.h"
#include "platform/platform.h"
#include "platform/web/test_hooks.h"
#include "ui/theme.h"

namespace jm::web {

namespace {

std::string g_clipboard;
struct FontData { void* data = nullptr; int size = 0; };
FontData g_fonts[4];
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

// Fonts arrive one by one (role 0 regular, 1 bold, 2 CJK, 3 icons); both text
// fonts get the CJK and icon glyphs merged in, so any label can hold them.
void add_font(void* data, int size, int role) {
    if (role < 0 || role > 3) return;
    g_fonts[role] = {data, size};
    for (const auto& f : g_fonts)
        if (!f.data) return;
    ImGuiIO& io = ImGui::GetIO();
    for (int text_role : {0, 1}) {
        ImFontConfig cfg;
        cfg.FontDataOwnedByAtlas = true;
        ImFont* font = io.Fonts->AddFontFromMemoryTTF(g_fonts[text_role].data, g_fonts[text_role].size, 0.0f, &cfg);
        for (int merged : {2, 3}) {
            ImFontConfig m;
            m.MergeMode = true;
            m.FontDataOwnedByAtlas = text_role == 0;   // shared buffers: the atlas frees them once
            if (merged == 3) m.GlyphOffset.y = 1.0f;   // Font Awesome sits slightly high next to Inter
            io.Fonts->AddFontFromMemoryTTF(g_fonts[merged].data, g_fonts[merged].size, 0.0f, &m);
        }
        if (text_role == 0) io.FontDefault = font;
        else jm::ui::set_heading_font(font);
    }
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
