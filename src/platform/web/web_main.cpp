// The browser backend: a WebGL2 context, Dear ImGui fed from DOM events that
// web/input.js forwards here, and frames drawn only when something asks for one.
// The page drives the loop (requestAnimationFrame in web/input.js) and calls
// jm_frame(); it says whether more frames are wanted and whether the frame was
// quiet (drew exactly what the frame before drew, with nothing left for ImGui to do).
#include <emscripten.h>
#include <emscripten/html5.h>
#include <GLES3/gl3.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "app/app.h"
#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "imgui_internal.h"
#include "platform/web/test_hooks.h"
#include "platform/web/web_keys.h"
#include "platform/web/web_state.h"

namespace {

jm::App* g_app = nullptr;
EMSCRIPTEN_WEBGL_CONTEXT_HANDLE g_gl = 0;
double g_last_frame_ms = 0;
std::uint64_t g_last_draw_hash = 0;   // the picture the canvas shows (0: unknown, draw it)

// jm_frame's answer, as bits.
constexpr int kWantsMore = 1;   // draw another frame
constexpr int kQuiet = 2;       // this frame changed nothing on screen and ImGui has nothing pending

// ImGui needs another frame of its own: input it has not consumed yet (it
// spreads several events of one kind over frames), or a window it hid this frame
// to measure it (a popup opened by a dropped file shows only on the next frame).
bool imgui_settling() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    if (!g.InputEventsQueue.empty()) return true;
    for (ImGuiWindow* w : g.Windows)
        if (w->Active && (w->HiddenFramesCannotSkipItems > 0 || w->HiddenFramesForRenderOnly > 0)) return true;
    return false;
}

// A hash of everything the frame drew (vertices, indices, clip rectangles), so
// the loop can tell a frame that changed the screen from one that did not.
class DrawHash {
public:
    void add(const void* data, std::size_t size) {
        if (!data || size == 0) {
            mix(0x5A5A5A5A);
            return;
        }
        const auto* p = static_cast<const unsigned char*>(data);
        std::size_t i = 0;
        for (; i + 8 <= size; i += 8) {
            std::uint64_t w;
            std::memcpy(&w, p + i, 8);
            mix(w);
        }
        std::uint64_t tail = 0;
        std::memcpy(&tail, p + i, size - i);
        mix(tail ^ (static_cast<std::uint64_t>(size) << 56));
    }
    std::uint64_t value() const { return h_; }

private:
    void mix(std::uint64_t w) {
        h_ ^= w;
        h_ *= 0x9E3779B97F4A7C15ull;
        h_ ^= h_ >> 29;
    }
    std::uint64_t h_ = 0xCBF29CE484222325ull;
};

std::uint64_t hash_frame(const ImDrawData* dd, const ImVec4& background) {
    DrawHash h;
    if (!dd) return 0;
    h.add(&background, sizeof background);
    h.add(&dd->DisplaySize, sizeof dd->DisplaySize);
    h.add(&dd->FramebufferScale, sizeof dd->FramebufferScale);
    for (const ImDrawList* list : dd->CmdLists) {
        h.add(list->VtxBuffer.Data, static_cast<std::size_t>(list->VtxBuffer.Size) * sizeof(ImDrawVert));
        h.add(list->IdxBuffer.Data, static_cast<std::size_t>(list->IdxBuffer.Size) * sizeof(ImDrawIdx));
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            h.add(&cmd.ClipRect, sizeof cmd.ClipRect);
            const unsigned counts[3] = {cmd.VtxOffset, cmd.IdxOffset, cmd.ElemCount};
            h.add(counts, sizeof counts);
        }
    }
    return h.value() | 1;   // never 0
}

// The font atlas grew or changed this frame: the backend must upload it.
bool textures_pending(const ImDrawData* dd) {
    if (!dd || !dd->Textures) return false;
    for (const ImTextureData* tex : *dd->Textures)
        if (tex->Status == ImTextureStatus_WantCreate || tex->Status == ImTextureStatus_WantUpdates ||
            tex->Status == ImTextureStatus_WantDestroy)
            return true;
    return false;
}

// Benchmarks set JM.alwaysRender to time the rendering of frames that change nothing.
EM_JS(int, js_always_render, (), { return JM.alwaysRender ? 1 : 0; });

bool create_gl_context() {
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = false;
    attrs.antialias = false;          // ImGui anti-aliases its own geometry
    attrs.preserveDrawingBuffer = true;  // lets a screenshot or PNG export read the last frame
    g_gl = emscripten_webgl_create_context("#canvas", &attrs);
    if (g_gl <= 0) return false;
    emscripten_webgl_make_context_current(g_gl);
    return true;
}

}  // namespace

extern "C" {

// Called once the page has measured the canvas; returns 0 when WebGL2 is missing.
EMSCRIPTEN_KEEPALIVE int jm_start(float css_width, float css_height, float dpr) {
    if (!create_gl_context()) return 0;
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout lives in the map and localStorage, not in a file
    io.ConfigInputTextCursorBlink = false;  // a blinking caret would need frames forever
    // No keyboard navigation of widgets: arrow keys move between cards on the
    // canvas (Tab still moves between text fields).
    io.BackendPlatformName = "journeymap_web";
    io.DisplaySize = ImVec2(css_width, css_height);
    io.DisplayFramebufferScale = ImVec2(dpr, dpr);
    jm::web::install_platform_hooks();
    ImGui_ImplOpenGL3_Init("#version 300 es");
    g_app = new jm::App();
    g_app->init();
    return 1;
}

// The page resized the canvas backing store to css size x devicePixelRatio.
EMSCRIPTEN_KEEPALIVE void jm_resize(float css_width, float css_height, float dpr) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(css_width, css_height);
    io.DisplayFramebufferScale = ImVec2(dpr, dpr);
    g_last_draw_hash = 0;   // resizing cleared the canvas: draw the next frame whatever it holds
}

// Adds a font the page fetched (web/boot.js), between frames. `data` was allocated
// with malloc; it is freed once ImGui has its copy. role: 0 = main text, 1 = bold
// headings, 3 = merged icons (these three before the first frame), 2 = the CJK
// font's common characters, 4 = the whole CJK font (merged when the editor asks
// for them: platform::request_cjk_font, or a CJK glyph missing).
EMSCRIPTEN_KEEPALIVE void jm_add_font(void* data, int size, int role) {
    jm::web::add_font(data, size, role);
}

// Draws one frame. Returns kWantsMore while more frames are wanted (input
// settling, animations, ImGui measuring a new window), plus kQuiet when the frame
// drew what the one before drew and ImGui has nothing pending: web/input.js keeps
// drawing until two quiet frames in a row, and then the app is idle.
EMSCRIPTEN_KEEPALIVE int jm_frame(double now_ms) {
    if (!g_app) return 0;
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = g_last_frame_ms > 0 ? static_cast<float>((now_ms - g_last_frame_ms) / 1000.0) : 1.0f / 60.0f;
    if (io.DeltaTime <= 0.0f) io.DeltaTime = 1.0f / 1000.0f;
    if (io.DeltaTime > 0.25f) io.DeltaTime = 0.25f;  // after an idle pause, not a long animation step
    g_last_frame_ms = now_ms;

    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    jm::web::begin_text_capture();
    g_app->draw();
    jm::web::end_text_capture();
    ImGui::Render();

    // A frame that would draw exactly the picture the canvas already shows (its
    // drawing buffer is preserved) is not drawn again: the frames that let hover
    // states and tooltip delays settle cost no GPU work while nothing changes.
    ImDrawData* draw_data = ImGui::GetDrawData();
    const ImVec4 bg = g_app->background_color();
    const std::uint64_t hash = hash_frame(draw_data, bg);
    const bool same_picture = hash == g_last_draw_hash && !textures_pending(draw_data);
    if (!same_picture || js_always_render()) {
        int fb_w = static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x);
        int fb_h = static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y);
        glViewport(0, 0, fb_w, fb_h);
        glClearColor(bg.x, bg.y, bg.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(draw_data);
    }
    g_last_draw_hash = hash;
    g_app->after_render();
    jm::web::frame_done();

    const bool settling = imgui_settling();
    const bool quiet = same_picture && !settling;
    return (jm::web::wants_more_frames(now_ms) || settling ? kWantsMore : 0) | (quiet ? kQuiet : 0);
}

// Input arrived: draw until ImGui settles (hover states, tooltip delays).
EMSCRIPTEN_KEEPALIVE void jm_wake(double now_ms) { jm::web::keep_drawing(now_ms + 700.0, 3); }

EMSCRIPTEN_KEEPALIVE void jm_input_mouse_pos(float x, float y) { ImGui::GetIO().AddMousePosEvent(x, y); }
EMSCRIPTEN_KEEPALIVE void jm_input_mouse_button(int button, int down) { ImGui::GetIO().AddMouseButtonEvent(button, down != 0); }
EMSCRIPTEN_KEEPALIVE void jm_input_mouse_wheel(float dx, float dy) { ImGui::GetIO().AddMouseWheelEvent(dx, dy); }
EMSCRIPTEN_KEEPALIVE void jm_input_mouse_source(int source) {
    ImGui::GetIO().AddMouseSourceEvent(static_cast<ImGuiMouseSource>(source));
}
EMSCRIPTEN_KEEPALIVE void jm_input_focus(int focused) { ImGui::GetIO().AddFocusEvent(focused != 0); }
EMSCRIPTEN_KEEPALIVE void jm_input_text(const char* utf8) { ImGui::GetIO().AddInputCharactersUTF8(utf8); }

// `code` is KeyboardEvent.code ("KeyZ", "ArrowLeft"...); modifiers are sent first
// so that shortcuts see them on the same frame.
EMSCRIPTEN_KEEPALIVE void jm_input_key(const char* code, int down, int ctrl, int shift, int alt, int super) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiMod_Ctrl, ctrl != 0);
    io.AddKeyEvent(ImGuiMod_Shift, shift != 0);
    io.AddKeyEvent(ImGuiMod_Alt, alt != 0);
    io.AddKeyEvent(ImGuiMod_Super, super != 0);
    ImGuiKey key = jm::web::key_from_dom_code(code);
    if (key != ImGuiKey_None) io.AddKeyEvent(key, down != 0);
}

// Text of a paste gesture: becomes the clipboard, then ImGui sees Ctrl+V.
EMSCRIPTEN_KEEPALIVE void jm_input_paste(const char* utf8) {
    jm::web::set_pasted_text(utf8);
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiMod_Ctrl, true);
    io.AddKeyEvent(ImGuiKey_V, true);
    io.AddKeyEvent(ImGuiKey_V, false);
    io.AddKeyEvent(ImGuiMod_Ctrl, false);
}

// True when ImGui has a text field active: the page keeps its hidden text
// element focused then, so IMEs and dead keys compose into it.
EMSCRIPTEN_KEEPALIVE int jm_wants_text_input() { return ImGui::GetIO().WantTextInput ? 1 : 0; }

// The JavaScript API (window.journeymap): a named call with JSON arguments and a
// JSON result. The result is malloc'ed; the page frees it.
EMSCRIPTEN_KEEPALIVE char* jm_api(const char* name, const char* args_json) {
    std::string out = g_app ? g_app->api_call(name, args_json) : std::string("{\"ok\":false,\"error\":\"not started\"}");
    char* buf = static_cast<char*>(std::malloc(out.size() + 1));
    std::memcpy(buf, out.c_str(), out.size() + 1);
    return buf;
}

}  // extern "C"

int main() {
    // Nothing to do until the page calls jm_start: it first fetches the fonts and
    // measures the canvas. Keep the runtime alive after main returns.
    emscripten_exit_with_live_runtime();
    return 0;
}
