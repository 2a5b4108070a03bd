#include "ui/png_export.h"

#include <algorithm>

#include "ui/canvas_paint.h"
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
    Rect content = st.layout.content();
    float scale = png_scale(content.width(), content.height(), max_side);
    auto job = std::make_unique<PngJob>();
    job->width = std::max(1, static_cast<int>(content.width() * scale));
    job->height = std::max(1, static_cast<int>(content.height() * scale));
    job->background = palette().canvas_bg;
    job->file_name = st.png_request;
    job->draw_list = std::make_unique<ImDrawList>(ImGui::GetDrawListSharedData());
    ImDrawList* dl = job->draw_list.get();
    dl->_ResetForNewFrame();
    dl->PushTexture(ImGui::GetIO().Fonts->TexRef);
    dl->PushClipRect({0, 0}, {float(job->width), float(job->height)});
    Paint p{.dl = dl, .st = &st, .view = View{content.min, scale}, .origin = {0, 0},
            .size = {float(job->width), float(job->height)}, .interactive = false};
    paint_map(p);
    dl->PopClipRect();
    st.png_request.clear();
    return job;
}

}  // namespace jm::ui
