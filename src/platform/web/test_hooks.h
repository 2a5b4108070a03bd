// Browser-test hooks, built only with JM_TEST_HOOKS (no-ops otherwise):
// - every ImGui item of the last frame, with its label and the rectangle a user
//   can see and click, published to the page as JSON (window.journeymap._testItems()),
//   so tests click and type into real widgets by name;
// - on request, the text a frame drew, window by window (window.journeymap._readText()),
//   so tests read messages, dialogs and the status bar as a user reads them.
#pragma once

namespace jm::web {

void install_test_hooks();
void publish_test_items();   // after each frame
void begin_text_capture();   // after ImGui::NewFrame: starts capturing when a test asked for this frame's text
void end_text_capture();     // before ImGui::Render: publishes what was captured

}  // namespace jm::web
