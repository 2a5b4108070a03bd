// Where the side panels go on small and wide screens (src/ui/core/side_panels.h).
#include <catch2/catch.hpp>

#include "ui/core/side_panels.h"

using namespace jm::ui;

TEST_CASE("Below 1400 px the panels leave the map the width, from 1400 px they are docked", "[small-screen]") {
    CHECK(panel_mode(1280) == PanelMode::Overlay);
    CHECK(panel_mode(1399) == PanelMode::Overlay);
    CHECK(panel_mode(1400) == PanelMode::Docked);
    CHECK(panel_mode(1600) == PanelMode::Docked);

    SECTION("docked at 1600: 250 | canvas | 380, as before") {
        PanelPlacement p = place_panels(1600, true, true);
        CHECK(p.mode == PanelMode::Docked);
        CHECK_FALSE(p.strip.shown());
        CHECK(p.personas.x == 0);
        CHECK(p.personas.w == 250);
        CHECK(p.canvas.x == 250);
        CHECK(p.canvas.w == 1600 - 250 - 380);
        CHECK(p.inspector.x == 1600 - 380);
        CHECK(p.inspector.w == 380);
        CHECK(p.canvas_covered_right == 0);
    }
    SECTION("docked, panels hidden from the View menu: the canvas takes their room") {
        PanelPlacement p = place_panels(1600, false, false);
        CHECK(p.canvas.x == 0);
        CHECK(p.canvas.w == 1600);
        CHECK_FALSE(p.personas.shown());
        CHECK_FALSE(p.inspector.shown());
    }
    SECTION("at 1280 with nothing open: an icon strip and the map") {
        PanelPlacement p = place_panels(1280, false, false);
        CHECK(p.mode == PanelMode::Overlay);
        CHECK(p.strip.x == 0);
        CHECK(p.strip.w == 44);
        CHECK(p.canvas.x == 44);
        CHECK(p.canvas.w == 1280 - 44);
        CHECK(p.canvas.w > 0.9f * 1280);
    }
    SECTION("at 1280 with both open: overlays over the canvas's edges, the canvas keeps its size") {
        PanelPlacement p = place_panels(1280, true, true);
        CHECK(p.canvas.x == 44);
        CHECK(p.canvas.w == 1280 - 44);
        CHECK(p.personas.x == 44);
        CHECK(p.personas.w == 250);
        CHECK(p.inspector.right() == 1280);
        CHECK(p.inspector.w == 380);
        CHECK(p.canvas_covered_right == 380);
    }
    SECTION("a very narrow window keeps some map beside the inspector") {
        PanelPlacement p = place_panels(500, false, true);
        CHECK(p.inspector.right() == 500);
        CHECK(p.inspector.w >= 240);
        CHECK(p.inspector.w <= 500 - 44 - 160);
        CHECK(p.inspector.x >= p.canvas.x + 160);
    }
}

TEST_CASE("The selection's key changes with what is selected", "[small-screen]") {
    Selection s;
    CHECK(selection_key(s).empty());
    s.select_touchpoint("tp-1");
    const std::string one = selection_key(s);
    CHECK_FALSE(one.empty());
    s.toggle_touchpoint("tp-2");
    CHECK(selection_key(s) != one);
    s.select_stage("stage-1");
    CHECK(selection_key(s) == "stage:stage-1");
    s.select_persona("p-1");
    CHECK(selection_key(s) == "persona:p-1");
    s.select_map();
    CHECK(selection_key(s) == "map");
    s.clear();
    CHECK(selection_key(s).empty());
}

TEST_CASE("The overlay layout opens the inspector for a selection and gives the map back", "[small-screen]") {
    SidePanels panels;
    bool personas = true, inspector = true;   // the editor's defaults
    panels.update(1280, "", false, personas, inspector);
    CHECK(panels.mode() == PanelMode::Overlay);
    CHECK_FALSE(personas);
    CHECK_FALSE(inspector);

    SECTION("selecting a card opens it, clearing the selection closes it") {
        panels.update(1280, "cards:tp-1", false, personas, inspector);
        CHECK(inspector);
        panels.update(1280, "cards:tp-1", false, personas, inspector);
        CHECK(inspector);
        panels.update(1280, "", false, personas, inspector);
        CHECK_FALSE(inspector);
    }
    SECTION("not in the middle of a drag: after it") {
        panels.update(1280, "cards:tp-1", true, personas, inspector);
        CHECK_FALSE(inspector);
        panels.update(1280, "cards:tp-1", false, personas, inspector);
        CHECK(inspector);
    }
    SECTION("closed by its button, a click on the selected card opens it again") {
        panels.update(1280, "cards:tp-1", false, personas, inspector);
        inspector = false;   // the close button
        panels.update(1280, "cards:tp-1", false, personas, inspector);
        CHECK_FALSE(inspector);
        panels.clicked_map("cards:tp-1", inspector);
        CHECK(inspector);
    }
    SECTION("a click on empty map that clears the selection closes it") {
        panels.update(1280, "cards:tp-1", false, personas, inspector);
        panels.clicked_map("", inspector);
        CHECK_FALSE(inspector);
        panels.update(1280, "", false, personas, inspector);
        CHECK_FALSE(inspector);
    }
    SECTION("opened from the View menu with nothing selected (map details), a click on the map keeps it") {
        inspector = true;
        panels.update(1280, "", false, personas, inspector);
        panels.clicked_map("", inspector);
        CHECK(inspector);
        CHECK(panels.escape(true, personas, inspector));   // Escape closes it
        CHECK_FALSE(inspector);
    }
    SECTION("the personas overlay closes on a press on the map or Escape") {
        personas = true;
        panels.pressed_map(personas);
        CHECK_FALSE(personas);
        personas = true;
        inspector = true;
        CHECK(panels.escape(false, personas, inspector));
        CHECK_FALSE(personas);
        CHECK(inspector);   // one Escape, one panel
        CHECK_FALSE(panels.escape(false, personas, inspector));   // the selection's Escape: clears it
        CHECK(inspector);
    }
}

TEST_CASE("Crossing the width keeps each layout's panels", "[small-screen]") {
    SidePanels panels;
    bool personas = true, inspector = true;
    panels.update(1600, "", false, personas, inspector);
    CHECK(panels.mode() == PanelMode::Docked);
    CHECK(personas);
    CHECK(inspector);
    personas = false;   // hidden from the View menu while wide

    panels.update(1200, "cards:tp-1", false, personas, inspector);
    CHECK(panels.mode() == PanelMode::Overlay);
    CHECK_FALSE(personas);
    CHECK(inspector);   // something is selected: shown over the map
    inspector = false;
    personas = true;
    CHECK(panels.escape(true, personas, inspector));   // closes the personas overlay

    panels.update(1500, "cards:tp-1", false, personas, inspector);
    CHECK(panels.mode() == PanelMode::Docked);
    CHECK_FALSE(personas);   // as the user left it when wide
    CHECK(inspector);

    SECTION("docked: selections and Escape do not move panels") {
        inspector = false;
        panels.update(1500, "cards:tp-2", false, personas, inspector);
        CHECK_FALSE(inspector);
        personas = true;
        CHECK_FALSE(panels.escape(true, personas, inspector));
        panels.pressed_map(personas);
        CHECK(personas);
    }
}
