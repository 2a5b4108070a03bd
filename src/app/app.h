// The editor application: owns the open document, the browser library and the
// UI state, and draws one ImGui frame at a time. Platform code (platform/web)
// creates it, feeds it input through ImGui and calls draw(); the JavaScript API
// comes in through api_call().
#pragma once

#include <memory>
#include <string>

#include "imgui.h"

namespace jm {

struct AppState;
class BrowserStore;

class App {
public:
    App();
    ~App();
    void init();
    void draw();
    void after_render();   // work that needs the frame's GPU state (the PNG export)
    ImVec4 background_color() const;

    // window.journeymap.<name>(...args): args is a JSON array, the result JSON.
    std::string api_call(const std::string& name, const std::string& args_json);

private:
    std::unique_ptr<BrowserStore> store_;
    std::unique_ptr<AppState> s_;
};

}  // namespace jm
