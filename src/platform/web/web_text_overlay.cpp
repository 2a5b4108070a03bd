// platform.h's text box over paragraph fields, for the browser: a <textarea>
// that web/text_overlay.js places over the field. What the user types comes back
// through jm_text_overlay_input / jm_text_overlay_leave and waits in a queue
// until the app reads it at the start of the next frame.
#include <emscripten.h>

#include <cstring>
#include <utility>

#include "platform/platform.h"

namespace {

std::vector<jm::platform::TextOverlayEvent> g_events;
jm::platform::TextOverlay g_shown;   // what the page was last told
bool g_visible = false;

EM_JS(void, js_overlay_show, (unsigned generation, const char* text, const char* label, float x, float y, float w, float h,
                              float cx0, float cy0, float cx1, float cy1, float font_size, float line_height, float pad_x,
                              float pad_y, float rounding, float max_height, float sample_width, const char* sample,
                              unsigned bg, unsigned fg, unsigned border, unsigned selection, int multi_line, int caret), {
    JM.textOverlay.show({
        generation: generation, text: UTF8ToString(text), label: UTF8ToString(label),
        x: x, y: y, w: w, h: h, clip: [cx0, cy0, cx1, cy1],
        fontSize: font_size, lineHeight: line_height, padX: pad_x, padY: pad_y, rounding: rounding, maxHeight: max_height,
        sampleWidth: sample_width, sample: UTF8ToString(sample),
        background: bg, color: fg, border: border, selection: selection, multiLine: !!multi_line, caret: caret,
    });
});
EM_JS(void, js_overlay_hide, (), { JM.textOverlay.hide(); });

bool same_place(const jm::platform::TextOverlay& a, const jm::platform::TextOverlay& b) {
    return a.generation == b.generation && a.x == b.x && a.y == b.y && a.w == b.w && a.h == b.h && a.clip_x0 == b.clip_x0 &&
           a.clip_y0 == b.clip_y0 && a.clip_x1 == b.clip_x1 && a.clip_y1 == b.clip_y1 && a.font_size == b.font_size &&
           a.line_height == b.line_height && a.padding_x == b.padding_x && a.padding_y == b.padding_y &&
           a.rounding == b.rounding && a.max_height == b.max_height && a.sample_width == b.sample_width &&
           a.background == b.background &&
           a.text_color == b.text_color && a.border == b.border && a.selection == b.selection &&
           a.multi_line == b.multi_line && a.label == b.label;
}

}  // namespace

extern "C" {

// Each change of the text box's text (composing: an IME composition is under way).
EMSCRIPTEN_KEEPALIVE void jm_text_overlay_input(const char* text, float content_height, int composing) {
    g_events.push_back({.kind = jm::platform::TextOverlayEvent::Kind::Input, .text = text ? text : "",
                        .composing = composing != 0, .content_height = content_height});
}

// The user left the text box: 0 Escape, 1 Tab, 2 Shift+Tab, 3 Enter (single-paragraph items), 4 elsewhere.
EMSCRIPTEN_KEEPALIVE void jm_text_overlay_leave(int how, const char* text, float content_height) {
    using Leave = jm::platform::TextOverlayEvent::Leave;
    Leave leave = how == 0 ? Leave::Escape : how == 1 ? Leave::Tab : how == 2 ? Leave::ShiftTab : how == 3 ? Leave::Enter : Leave::Elsewhere;
    g_events.push_back({.kind = jm::platform::TextOverlayEvent::Kind::Leave, .leave = leave, .text = text ? text : "",
                        .content_height = content_height});
    g_visible = false;   // the page hid it already
}

}  // extern "C"

namespace jm::platform {

void text_overlay_show(const TextOverlay& overlay) {
    if (g_visible && same_place(overlay, g_shown)) return;
    g_shown = overlay;
    g_visible = true;
    js_overlay_show(overlay.generation, overlay.text.c_str(), overlay.label.c_str(), overlay.x, overlay.y, overlay.w, overlay.h,
                    overlay.clip_x0, overlay.clip_y0, overlay.clip_x1, overlay.clip_y1, overlay.font_size, overlay.line_height,
                    overlay.padding_x, overlay.padding_y, overlay.rounding, overlay.max_height, overlay.sample_width,
                    kTextOverlaySample, overlay.background,
                    overlay.text_color, overlay.border, overlay.selection, overlay.multi_line ? 1 : 0, overlay.caret);
}

void text_overlay_hide() {
    if (!g_visible) return;
    g_visible = false;
    js_overlay_hide();
}

std::vector<TextOverlayEvent> text_overlay_events() { return std::exchange(g_events, {}); }

}  // namespace jm::platform
