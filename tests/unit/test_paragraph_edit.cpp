// Paragraph fields (ui/core/paragraph_edit): a typing session is one undo step,
// leaving keeps the text, list items are never kept empty, and a session that
// the map moved away from ends without writing.
#include <catch2/catch.hpp>

#include "edit/commands.h"
#include "edit/history.h"
#include "ui/core/paragraph_edit.h"

using namespace jm;
using namespace jm::ui;

namespace {

Map sample() {
    Map m;
    m.id = "m";
    m.title = "Map";
    m.description = "About the map";
    Stage s{.id = "s", .name = "Decisión", .description = "Old stage text"};
    s.touchpoints.push_back(Touchpoint{.id = "t", .title = "Demo call", .description = "Before"});
    s.touchpoints[0].pains = {"Slow legal review", "Unclear price"};
    m.stages.push_back(s);
    m.personas.push_back(Persona{.id = "p", .name = "Ana", .goals = "Fewer tools"});
    return m;
}

const Touchpoint& card(const Map& m) { return m.stages[0].touchpoints[0]; }

// Sends `text` one character at a time, as the text box reports each input.
void type_slowly(ParagraphSession& s, Map& m, History& h, const std::string& start, const std::string& text) {
    std::string now = start;
    for (char c : text) {
        now += c;
        s.type(m, h, now);
    }
}

}  // namespace

TEST_CASE("a paragraph session is one undo step, and leaving with Escape keeps the text", "[paragraph]") {
    Map m = sample();
    History h;
    ParagraphSession s;
    ParagraphField f{ParagraphSlot::Description, "t"};
    REQUIRE(s.begin(m, h, f));
    CHECK(s.text() == "Before");
    type_slowly(s, m, h, "Before", ", y después la revisión del contrato");
    CHECK(card(m).description == "Before, y después la revisión del contrato");   // live: the map follows each key
    s.end(m, h, ParagraphEnd::Escape);
    CHECK_FALSE(s.open());
    CHECK(card(m).description == "Before, y después la revisión del contrato");
    REQUIRE(h.size() == 1);
    CHECK(h.undo_label() == "Edit description of 'Demo call'");
    h.undo(m);
    CHECK(card(m).description == "Before");
    h.redo(m);
    CHECK(card(m).description == "Before, y después la revisión del contrato");
}

TEST_CASE("two sessions of the same field are two undo steps", "[paragraph]") {
    Map m = sample();
    History h;
    ParagraphSession s;
    ParagraphField f{ParagraphSlot::Goals, "p"};
    REQUIRE(s.begin(m, h, f));
    s.type(m, h, "Fewer tools, one invoice");
    s.end(m, h, ParagraphEnd::Tab);
    REQUIRE(s.begin(m, h, f));
    s.type(m, h, "决策更快");
    s.end(m, h, ParagraphEnd::Elsewhere);
    CHECK(h.size() == 2);
    CHECK(m.personas[0].goals == "决策更快");
    h.undo(m);
    CHECK(m.personas[0].goals == "Fewer tools, one invoice");
}

TEST_CASE("a session does not merge into an earlier edit of the same field made elsewhere", "[paragraph]") {
    Map m = sample();
    History h;
    Stage st = m.stages[0];
    st.description = "typed in another widget";
    h.execute(m, set_stage(m, st, "Edit description of stage 'Decisión'", "s/description"));
    ParagraphSession s;
    REQUIRE(s.begin(m, h, {ParagraphSlot::StageDescription, "s"}));
    s.type(m, h, "from the text box");
    s.end(m, h, ParagraphEnd::Escape);
    CHECK(h.size() == 2);
}

TEST_CASE("the map's own paragraphs use the map command", "[paragraph]") {
    Map m = sample();
    History h;
    ParagraphSession s;
    REQUIRE(s.begin(m, h, {ParagraphSlot::Objective, ""}));
    s.type(m, h, "Shorter onboarding");
    s.end(m, h, ParagraphEnd::Escape);
    CHECK(m.objective == "Shorter onboarding");
    CHECK(h.undo_label() == "Edit map objective");
}

TEST_CASE("a new list item enters the list with its first character and is one undo step", "[paragraph]") {
    Map m = sample();
    History h;
    ParagraphSession s;
    ParagraphField f{ParagraphSlot::Pains, "t", 2};   // "+ Add pain point": the position after the last
    REQUIRE(s.begin(m, h, f));
    CHECK_FALSE(s.in_list());
    CHECK(card(m).pains.size() == 2);   // nothing empty is ever stored
    s.type(m, h, " ");                  // only a space: still not an item
    CHECK(card(m).pains.size() == 2);
    type_slowly(s, m, h, " ", "No sé quién aprueba");
    CHECK(card(m).pains.size() == 3);
    CHECK(card(m).pains[2] == " No sé quién aprueba");
    s.end(m, h, ParagraphEnd::Escape);
    REQUIRE(h.size() == 1);
    h.undo(m);
    CHECK(card(m).pains.size() == 2);
}

TEST_CASE("a list item left empty is removed, never kept as an empty string", "[paragraph]") {
    Map m = sample();
    History h;
    ParagraphSession s;

    SECTION("a new item abandoned before any text") {
        REQUIRE(s.begin(m, h, {ParagraphSlot::Opportunities, "t", 0}));
        s.end(m, h, ParagraphEnd::Escape);
        CHECK(card(m).opportunities.empty());
        CHECK(h.size() == 0);
    }
    SECTION("an existing item whose text was deleted: gone at once, back at its place when typed again") {
        REQUIRE(s.begin(m, h, {ParagraphSlot::Pains, "t", 0}));
        s.type(m, h, "");
        CHECK(card(m).pains == std::vector<std::string>{"Unclear price"});
        s.type(m, h, "L");
        CHECK(card(m).pains == std::vector<std::string>{"L", "Unclear price"});
        s.type(m, h, "  ");
        s.end(m, h, ParagraphEnd::Elsewhere);
        CHECK(card(m).pains == std::vector<std::string>{"Unclear price"});
        REQUIRE(h.size() == 1);   // the whole session, removal included
        h.undo(m);
        CHECK(card(m).pains == std::vector<std::string>{"Slow legal review", "Unclear price"});
    }
    SECTION("an empty item a file brought is removed when left") {
        Map withEmpty = m;
        withEmpty.stages[0].touchpoints[0].pains.push_back("");
        REQUIRE(s.begin(withEmpty, h, {ParagraphSlot::Pains, "t", 2}));
        CHECK(s.in_list());
        s.end(withEmpty, h, ParagraphEnd::Tab);
        CHECK(withEmpty.stages[0].touchpoints[0].pains.size() == 2);
    }
    SECTION("remove_list_item") {
        h.execute(m, remove_list_item(m, {ParagraphSlot::Pains, "t", 1}));
        CHECK(card(m).pains == std::vector<std::string>{"Slow legal review"});
        CHECK(remove_list_item(m, {ParagraphSlot::Pains, "t", 5}) == nullptr);
    }
}

TEST_CASE("a session the map moved away from ends without writing", "[paragraph]") {
    Map m = sample();
    History h;
    ParagraphSession s;
    ParagraphField f{ParagraphSlot::Doing, "t"};
    REQUIRE(s.begin(m, h, f));
    s.type(m, h, "Reads the proposal");
    CHECK(s.in_step_with(m, h));
    h.undo(m);   // e.g. Edit > Undo from the menu while the box was open
    CHECK_FALSE(s.in_step_with(m, h));
    s.end(m, h, ParagraphEnd::Gone);
    CHECK(card(m).doing.empty());
    CHECK(h.can_redo());   // the undone step is still there to redo

    CHECK_FALSE(s.begin(m, h, {ParagraphSlot::Doing, "no-such-card"}));
    CHECK_FALSE(s.begin(m, h, {ParagraphSlot::Pains, "t", 7}));
}

TEST_CASE("field keys and texts", "[paragraph]") {
    Map m = sample();
    CHECK(ParagraphField{ParagraphSlot::Description, "t"}.key() == "t/description");
    CHECK(ParagraphField{ParagraphSlot::Pains, "t", 1}.key() == "t/pains/1");
    CHECK(ParagraphField{ParagraphSlot::MapDescription, ""}.key() == "map/description");
    CHECK(paragraph_text(m, {ParagraphSlot::MapDescription, ""}) == "About the map");
    CHECK(paragraph_text(m, {ParagraphSlot::Pains, "t", 1}) == "Unclear price");
    CHECK(paragraph_text(m, {ParagraphSlot::Pains, "t", 2}) == "");
    CHECK_FALSE(paragraph_text(m, {ParagraphSlot::Pains, "t", 3}).has_value());
    CHECK(paragraph_text(m, {ParagraphSlot::Goals, "p"}) == "Fewer tools");
    CHECK(blank(" \n\t"));
    CHECK_FALSE(blank(" a"));
}

TEST_CASE("a paragraph field grows with its content", "[paragraph]") {
    CHECK(paragraph_height(0, 20, 2, 4) == Approx(48));      // empty: its minimum lines
    CHECK(paragraph_height(200, 20, 2, 4) == Approx(208));   // ten lines of text
    CHECK(paragraph_height(2000, 20, 2, 4, 500) == Approx(500));
}
