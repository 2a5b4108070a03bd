// PNG export: renders a draw list into an offscreen framebuffer with the same
// ImGui renderer, reads the pixels back and lets the page encode and download
// them (canvas.toBlob compresses PNG natively, no encoder in the wasm).
#include <emscripten.h>
#include <GLES3/gl3.h>

#include <vector>

#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "platform/platform.h"

namespace {

EM_JS(void, js_save_png, (const unsigned char* rgba, int width, int height, const char* name), {
    JM.savePng(HEAPU8.slice(rgba, rgba + width * height * 4), width, height, UTF8ToString(name));
});

}  // namespace

namespace jm::platform {

int max_image_size() {
    GLint tex = 0, rb = 0;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &tex);
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &rb);
    int limit = std::min(tex, rb);
    return std::min(limit > 0 ? limit : 4096, 8192);
}

void save_png(const ImDrawList& draw_list, int width, int height, ImU32 background, const std::string& file_name) {
    GLuint tex = 0, fbo = 0;
    glGenTextures(1, &tex);
    glBindTexture(GL_TEXTURE_2D, tex);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glGenFramebuffers(1, &fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex, 0);
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE) {
        ImVec4 bg = ImGui::ColorConvertU32ToFloat4(background);
        glViewport(0, 0, width, height);
        glClearColor(bg.x, bg.y, bg.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImDrawData data;
        data.Valid = true;
        data.CmdListsCount = 1;
        data.CmdLists.push_back(const_cast<ImDrawList*>(&draw_list));
        data.TotalVtxCount = draw_list.VtxBuffer.Size;
        data.TotalIdxCount = draw_list.IdxBuffer.Size;
        data.DisplayPos = ImVec2(0, 0);
        data.DisplaySize = ImVec2(float(width), float(height));
        data.FramebufferScale = ImVec2(1, 1);
        data.Textures = nullptr;   // the frame just rendered uploaded the font texture
        ImGui_ImplOpenGL3_RenderDrawData(&data);
        std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * height * 4);
        glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
        // GL rows run bottom-up; images top-down.
        std::vector<unsigned char> row(static_cast<std::size_t>(width) * 4);
        for (int y = 0; y < height / 2; ++y) {
            unsigned char* a = pixels.data() + static_cast<std::size_t>(y) * width * 4;
            unsigned char* b = pixels.data() + static_cast<std::size_t>(height - 1 - y) * width * 4;
            std::copy(a, a + row.size(), row.data());
            std::copy(b, b + row.size(), a);
            std::copy(row.data(), row.data() + row.size(), b);
        }
        js_save_png(pixels.data(), width, height, file_name.c_str());
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteFramebuffers(1, &fbo);
    glDeleteTextures(1, &tex);
}

}  // namespace jm::platform
