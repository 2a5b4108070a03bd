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

void add_font(void* data, int size, int role) {
    ImGuiIO& io = ImGui::GetIO();
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = true;
    cfg.MergeMode = role >= 2;   // CJK and icons fill in glyphs the main font lacks
    if (role == 3) cfg.GlyphOffset.y = 1.0f;  // Font Awesome sits slightly high next to Inter
    ImFont* font = io.Fonts->AddFontFromMemoryTTF(data, size, 0.0f, &cfg);
    // Role 1 (bold) is a separate font the UI pushes for headings; keep the regular one default.
    if (role == 0) io.FontDefault = font;
    else if (role == 1) jm::ui::set_heading_font(font);
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
