#include "ui/png_export.h"

#include <algorithm>

#include "ui/canvas_paint.h"
#include "ui/poster.h"
#include "ui/theme.h"

namespace jm::ui {

void request_png_export(EditorState& st, const std::string& file_name) { st.png_request = file_name; }

float png_scale(float content_width, float content_height, int max_side) {
    float fit = std::min(max_side / std::max(content_width, 1.0f), max_side / std::max(content_height, 1.0f));
    return std::min(2.0f, fit);
}

std::unique_ptr<PngJob> build_png_job(EditorState& st, int max_side) {
    if (st.png_request.empty()) return nullptr;
    st.refresh_derived();
    const Rect content = st.layout.content();
    const std::string date = utc_now_iso().substr(0, 10);
    const float width = std::max(content.width(), kPosterMinWidth);
    const float header = poster_header_height(st, width, date);
    const float scale = png_scale(width, header + content.height(), max_side);
    auto job = std::make_unique<PngJob>();
    job->width = std::max(1, static_cast<int>(width * scale));
    job->height = std::max(1, static_cast<int>((header + content.height()) * scale));
    job->background = palette().canvas_bg;
    job->file_name = st.png_request;
    job->scale = scale;
    job->draw_list = std::make_unique<ImDrawList>(ImGui::GetDrawListSharedData());
    ImDrawList* dl = job->draw_list.get();
    dl->_ResetForNewFrame();
    dl->PushTexture(ImGui::GetIO().Fonts->TexRef);
    dl->PushClipRect({0, 0}, {float(job->width), float(job->height)});
    paint_poster_header(dl, st, {0, 0}, scale, width, date);
    const float map_top = header * scale;
    Paint p{.dl = dl, .st = &st, .view = View{content.min, scale}, .origin = {0, map_top},
            .size = {float(job->width), float(job->height) - map_top}, .interactive = false};
    paint_map(p);
    dl->PopClipRect();
    st.png_request.clear();
    return job;
}

}  // namespace jm::ui
