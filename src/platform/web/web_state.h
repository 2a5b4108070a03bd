// State the browser backend keeps between frames: fonts, clipboard, frame pacing.
#pragma once

namespace jm::web {

void install_platform_hooks();          // ImGui clipboard and IME callbacks
void add_font(void* data, int size, int role);
void set_pasted_text(const char* utf8);
void frame_done();                      // after each drawn frame: counters, test hooks
bool wants_more_frames(double now_ms);
void keep_drawing(double until_ms, int min_frames);  // input arrived or an animation runs

}  // namespace jm::web
