#include "app/app.h"

#include <nlohmann/json.hpp>

#include "imgui_stdlib.h"
#include "platform/platform.h"
#include "ui/theme.h"

namespace jm {

struct App::State {
    Map map;
    bool show_about = false;
};

App::App() : s_(new State) {}
App::~App() { delete s_; }

void App::init() {
    ui::apply_theme(ui::Theme::Light);
    s_->map.title = "Untitled journey";
    platform::set_window_title(s_->map.title + " - Journey Map");
}

ImVec4 App::background_color() const { return ImGui::ColorConvertU32ToFloat4(ui::palette().canvas_bg); }

void App::draw() {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_MenuBar |
                             ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings;
    ImGui::Begin("Journey Map", nullptr, flags);
    if (ImGui::BeginMenuBar()) {
        ImGui::PushFont(ui::heading_font(), 0.0f);
        ImGui::TextUnformatted("Journey Map");
        ImGui::PopFont();
        if (ImGui::BeginMenu("Help")) {
            if (ImGui::MenuItem("About Journey Map")) s_->show_about = true;
            ImGui::EndMenu();
        }
        ImGui::EndMenuBar();
    }
    ImGui::InputText("Map title", &s_->map.title);
    ImGui::End();

    if (s_->show_about) {
        ImGui::OpenPopup("About Journey Map");
        s_->show_about = false;
    }
    if (ImGui::BeginPopupModal("About Journey Map", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::Text("Journey Map %s", JM_VERSION);
        ImGui::TextUnformatted("B2B customer journey maps, in your browser, offline.");
        ImGui::Text("Dear ImGui %s", IMGUI_VERSION);
        if (ImGui::Button("Close") || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

std::string App::api_call(const std::string& name, const std::string& args_json) {
    nlohmann::json args = nlohmann::json::parse(args_json, nullptr, false);
    if (!args.is_array()) args = nlohmann::json::array();
    nlohmann::json out;
    if (name == "title") {
        out = s_->map.title;
    } else if (name == "version") {
        out = JM_VERSION;
    } else if (name == "_display") {
        const ImGuiIO& io = ImGui::GetIO();
        out = {{"width", io.DisplaySize.x}, {"height", io.DisplaySize.y}, {"framebuffer_scale", io.DisplayFramebufferScale.x}};
    } else {
        out = {{"ok", false}, {"error", "unknown function " + name}};
    }
    return out.dump();
}

}  // namespace jm
