// The whole map as a PNG for slides and posters: a title block and legend
// (ui/poster.h) above every stage and lane, not just the viewport, at twice the
// on-screen resolution, or smaller when that would pass the browser's largest
// image (the editor then says by how much).
#pragma once

#include <memory>
#include <string>

#include "imgui.h"
#include "ui/editor_state.h"

namespace jm::ui {

void request_png_export(EditorState& st, const std::string& file_name);

struct PngJob {
    std::unique_ptr<ImDrawList> draw_list;
    int width = 0, height = 0;
    ImU32 background = 0;
    std::string file_name;
    float scale = 2;   // picture pixels per screen pixel at 100%
};

// Paints the map into its own draw list during the frame (so its glyphs are
// baked with this frame's font texture). Returns nothing when no export is pending.
std::unique_ptr<PngJob> build_png_job(EditorState& st, int max_side);

// The scale that fits `content` into max_side pixels per side, at most 2.
float png_scale(float content_width, float content_height, int max_side);

}  // namespace jm::ui
