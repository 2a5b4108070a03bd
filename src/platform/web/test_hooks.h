// Browser-test hook: every ImGui item of the last frame, with its label and
// rectangle, published to the page as JSON (window.JM.testItems()), so tests
// click and type into real widgets by name. Built only with JM_TEST_HOOKS.
#pragma once

namespace jm::web {

void install_test_hooks();
void publish_test_items();   // after each frame

}  // namespace jm::web
