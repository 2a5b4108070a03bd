// Editing one paragraph field of the map (a description, a pain point...) as one
// typing session: which field is open, what it held, and how each change the
// user types reaches the map. Plain C++ over jm_core, so it is tested natively;
// the inspector draws the field and the platform puts a real text box over it
// (src/ui/paragraph_field.cpp, src/platform/web/web_text_overlay.cpp).
//
// Rules:
// - Every change is sent at once through the same undoable command as any other
//   inspector edit (set_touchpoint / set_stage / set_persona / set_map_info, with
//   the same label and merge key), so the map updates live; the session opens and
//   closes the merge window, so a whole session is one undo step.
// - Leaving the field (Escape, Tab, a click elsewhere) keeps the text.
// - A list item (a pain point, an opportunity, a quote) is never kept empty: when
//   its text becomes empty (or only spaces) it leaves the list, when text comes
//   back it returns to its place. A new item ("+ Add pain point") enters the list
//   with its first character.
// - When something else changes the map during a session (an undo, a file
//   opened), the session ends without writing: the map's change wins.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "edit/command.h"
#include "edit/history.h"
#include "model/map.h"

namespace jm::ui {

// Every paragraph text the inspector edits.
enum class ParagraphSlot {
    // a touchpoint's
    Description, Doing, Thinking, Backstage, Pains, Opportunities, Quotes,
    // a stage's
    StageDescription, Goal, BusinessVoice, HandoffAgreement,
    // a persona's
    Goals, Needs, ResearchChannels, Expectations, LoyaltyFactors,
    // the map's
    MapDescription, Objective,
};

enum class ParagraphOwner { Touchpoint, Stage, Persona, Map };
ParagraphOwner owner_of(ParagraphSlot slot);
bool is_list(ParagraphSlot slot);                 // pains, opportunities, quotes
const char* field_name(ParagraphSlot slot);       // as undo labels say it: "description", "pains"

// Which text: the item's id ("" for the map), the slot, and for a list the
// position of the item (items.size() names an item not yet in the list).
struct ParagraphField {
    ParagraphSlot slot = ParagraphSlot::MapDescription;
    std::string id;
    int index = -1;
    bool operator==(const ParagraphField&) const = default;
    // A stable name for the field, e.g. "tp-1/description" or "tp-1/pains/2".
    std::string key() const;
};

// The field's text in `map`; for a list, "" at index == size (a new item).
// nullopt when the item or list position no longer exists.
std::optional<std::string> paragraph_text(const Map& map, const ParagraphField& field);

// For lists: how many items the field's list has (nullopt: the item is gone).
std::optional<std::size_t> list_size(const Map& map, const ParagraphField& field);

// The command that removes the list item `field` names (nullptr when there is none).
std::unique_ptr<Command> remove_list_item(const Map& map, const ParagraphField& field);

// Why a session ended.
enum class ParagraphEnd { Escape, Tab, ShiftTab, Enter, Elsewhere, Gone };

class ParagraphSession {
public:
    // Starts editing `field` (a session already open is ended first, keeping its
    // text). False when the field does not exist.
    bool begin(Map& map, History& history, const ParagraphField& field);

    // The user's text now: applied to the map as one more change of this
    // session's undo step. Ignored when no session is open or nothing changed.
    void type(Map& map, History& history, const std::string& text);

    // Ends the session, keeping the text: a list item left empty is not in the
    // list. Closes the merge window, so the next edit is a new undo step.
    void end(Map& map, History& history, ParagraphEnd why);

    // True while a session is open and the map holds what the session wrote:
    // false once something else changed the map (check once per frame, then end).
    bool in_step_with(const Map& map, const History& history) const;

    bool open() const { return open_; }
    bool editing(const ParagraphField& field) const { return open_ && field_ == field; }
    const ParagraphField& field() const { return field_; }
    const std::string& text() const { return text_; }
    const std::string& text_at_start() const { return start_text_; }
    // Bumped by begin(): the platform's text box restarts when it changes.
    std::uint64_t generation() const { return generation_; }
    // For lists: whether the item is in the list now (a new, still empty one is not).
    bool in_list() const { return in_list_; }
    ParagraphEnd last_end() const { return last_end_; }

    // The height the text box reported for its content (CSS px, 0 = not known yet).
    float content_height = 0;

private:
    void write(Map& map, History& history, const std::string& text);

    bool open_ = false;
    ParagraphField field_;
    std::string text_, start_text_;
    bool in_list_ = false;
    std::uint64_t revision_ = 0;     // the history's revision after our last write
    std::uint64_t generation_ = 0;
    ParagraphEnd last_end_ = ParagraphEnd::Elsewhere;
};

// A paragraph field's height: its content (or `min_lines` lines when shorter),
// plus the frame's padding, never more than `max_height` (0: no limit).
float paragraph_height(float content_height, float line_height, float min_lines, float padding_y, float max_height = 0);

// True for text that shows nothing: empty, or only spaces, tabs and line breaks.
bool blank(const std::string& text);

}  // namespace jm::ui
