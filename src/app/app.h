// The editor application: owns the open document and the UI state, and draws
// one ImGui frame at a time. Platform code (platform/web) creates it, feeds it
// input through ImGui and calls draw(); the JavaScript API comes in through api_call().
#pragma once

#include <string>

#include "imgui.h"
#include "model/map.h"

namespace jm {

class App {
public:
    App();
    ~App();
    void init();
    void draw();
    ImVec4 background_color() const;

    // window.journeymap.<name>(...args): args is a JSON array, the result JSON.
    std::string api_call(const std::string& name, const std::string& args_json);

private:
    struct State;
    State* s_;
};

}  // namespace jm
