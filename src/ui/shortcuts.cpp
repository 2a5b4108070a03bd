// Keyboard shortcuts for the map. The table is also what the "Keyboard
// shortcuts" window (F1) lists, so the help can never disagree with the code.
#include "ui/shortcuts.h"

#include "i18n/i18n.h"
#include "imgui.h"
#include "imgui_internal.h"   // IsKeyChordPressed with repeat
#include "ui/editor_actions.h"
#include "ui/panels.h"

namespace jm::ui {

// The groups, actions and key descriptions are English message keys, translated
// where the help window shows them (tr_later marks them); key names such as
// "Ctrl+Z" have no entry and stay as they are.
const std::vector<ShortcutHelp>& shortcut_help() {
    static const std::vector<ShortcutHelp> rows = {
        {i18n::tr_later("Map"), i18n::tr_later("Ctrl+N"), i18n::tr_later("New map from a template")},
        {i18n::tr_later("Map"), i18n::tr_later("Ctrl+O"), i18n::tr_later("Open a map file (or drop it on the page)")},
        {i18n::tr_later("Map"), i18n::tr_later("Ctrl+S"), i18n::tr_later("Download the map as a .journeymap.json file")},
        // Handled by the app (app/share_link.cpp), which makes the link.
        {i18n::tr_later("Map"), i18n::tr_later("Ctrl+Shift+L"), i18n::tr_later("Copy a share link: it opens the map, read-only, in any browser")},
        {i18n::tr_later("Map"), i18n::tr_later("Alt+C"), i18n::tr_later("Compare with a file: what changed since that version (while comparing: show or hide the list)")},
        {i18n::tr_later("Edit"), i18n::tr_later("Ctrl+Z"), i18n::tr_later("Undo")},
        {i18n::tr_later("Edit"), i18n::tr_later("Ctrl+Shift+Z / Ctrl+Y"), i18n::tr_later("Redo")},
        {i18n::tr_later("Edit"), i18n::tr_later("Ctrl+C / Ctrl+X / Ctrl+V"), i18n::tr_later("Copy, cut, paste cards (between maps and tabs too)")},
        {i18n::tr_later("Edit"), i18n::tr_later("Ctrl+D"), i18n::tr_later("Duplicate the selected cards")},
        {i18n::tr_later("Edit"), i18n::tr_later("Delete / Backspace"), i18n::tr_later("Delete the selection (a stage goes with its cards)")},
        {i18n::tr_later("Edit"), i18n::tr_later("Ctrl+F"), i18n::tr_later("Find text anywhere in the map")},
        {i18n::tr_later("Edit"), i18n::tr_later("F3 / Shift+F3"), i18n::tr_later("Next / previous match")},
        {i18n::tr_later("Select"), i18n::tr_later("Click, Ctrl+click, Shift+click"), i18n::tr_later("Select a card, toggle it, select a range")},
        {i18n::tr_later("Select"), i18n::tr_later("Shift+drag on empty space"), i18n::tr_later("Select the cards inside a rectangle")},
        {i18n::tr_later("Select"), i18n::tr_later("Arrow keys"), i18n::tr_later("Move between cards")},
        {i18n::tr_later("Select"), i18n::tr_later("Enter"), i18n::tr_later("Edit the selected card's title in the inspector")},
        {i18n::tr_later("Select"), i18n::tr_later("Escape"), i18n::tr_later("Leave a text field keeping the text; cancel a double-click rename or a drag; clear the selection")},
        {i18n::tr_later("Canvas"), i18n::tr_later("Double-click empty space"), i18n::tr_later("Add a touchpoint in that stage")},
        {i18n::tr_later("Canvas"), i18n::tr_later("Double-click a stage header"), i18n::tr_later("Rename the stage in place")},
        {i18n::tr_later("Canvas"), i18n::tr_later("Drag a card / a stage header"), i18n::tr_later("Move it (to another stage too) / reorder stages")},
        {i18n::tr_later("View"), i18n::tr_later("Drag empty space, middle drag, wheel"), i18n::tr_later("Pan")},
        {i18n::tr_later("View"), i18n::tr_later("Ctrl+wheel, pinch"), i18n::tr_later("Zoom towards the pointer")},
        {i18n::tr_later("View"), i18n::tr_later("Ctrl+= / Ctrl+-"), i18n::tr_later("Zoom in / out")},
        {i18n::tr_later("View"), i18n::tr_later("Shift+1"), i18n::tr_later("Fit the whole map to the screen")},
        {i18n::tr_later("View"), i18n::tr_later("Shift+0"), i18n::tr_later("Zoom to 100%")},
        {i18n::tr_later("Present"), i18n::tr_later("F5"), i18n::tr_later("Present the map: full screen, large type, stage by stage (View > Present)")},
        {i18n::tr_later("Present"), i18n::tr_later("Right / Page Down / Space, Left / Page Up"), i18n::tr_later("Next, previous stage (Home, End: first, last)")},
        {i18n::tr_later("Present"), i18n::tr_later("Up / Down, wheel"), i18n::tr_later("Scroll a tall stage")},
        {i18n::tr_later("Present"), i18n::tr_later("Escape or F5"), i18n::tr_later("Leave presentation mode")},
        {i18n::tr_later("Help"), i18n::tr_later("F1 or ?"), i18n::tr_later("This list")},
    };
    return rows;
}

namespace {

bool pressed(ImGuiKeyChord chord, bool repeat = false) {
    return ImGui::IsKeyChordPressed(chord, repeat ? ImGuiInputFlags_Repeat : ImGuiInputFlags_None);
}

void find_next(EditorState& st, int step) {
    st.show_find = true;
    st.find_step = step;
}

}  // namespace

void handle_shortcuts(EditorState& st) {
    ImGuiIO& io = ImGui::GetIO();
    // Shortcuts that work even while typing.
    if (pressed(ImGuiMod_Ctrl | ImGuiKey_F)) {
        st.show_find = true;
        st.focus_find = true;
    }
    if (pressed(ImGuiKey_F3)) find_next(st, 1);
    if (pressed(ImGuiMod_Shift | ImGuiKey_F3)) find_next(st, -1);
    if (pressed(ImGuiKey_F1)) st.show_shortcuts = !st.show_shortcuts;
    if (pressed(ImGuiMod_Ctrl | ImGuiKey_S)) st.request_download = true;
    if (pressed(ImGuiMod_Ctrl | ImGuiKey_O)) st.request_open = true;
    if (pressed(ImGuiMod_Ctrl | ImGuiKey_N)) st.show_new_map = true;
    if (io.WantTextInput) return;   // a text field owns the keyboard (its own undo, copy, arrows)

    if (pressed(ImGuiMod_Ctrl | ImGuiKey_Z, true)) undo(st);
    if (pressed(ImGuiMod_Ctrl | ImGuiMod_Shift | ImGuiKey_Z, true) || pressed(ImGuiMod_Ctrl | ImGuiKey_Y, true)) redo(st);
    if (pressed(ImGuiMod_Alt | ImGuiKey_C)) {   // the app opens the picker (a file belongs to it)
        if (st.compare.active()) st.compare.show_list = !st.compare.show_list;
        else st.compare.request_pick = true;
    }
    if (pressed(ImGuiMod_Ctrl | ImGuiKey_D)) duplicate_selection(st);
    if (pressed(ImGuiKey_Delete) || pressed(ImGuiKey_Backspace)) delete_selection(st);
    if (pressed(ImGuiMod_Ctrl | ImGuiKey_C)) {
        std::string text = copy_selection(st);
        if (!text.empty()) {
            ImGui::SetClipboardText(text.c_str());
            st.notify(i18n::trn("Copied {n} cards", static_cast<long long>(st.selection.touchpoints().size())));
        }
    }
    if (pressed(ImGuiMod_Ctrl | ImGuiKey_X)) {
        std::size_t n = st.selection.touchpoints().size();
        std::string text = cut_selection(st);
        if (!text.empty()) {
            ImGui::SetClipboardText(text.c_str());
            st.notify(i18n::trn("Cut {n} cards", static_cast<long long>(n)));
        }
    }
    if (pressed(ImGuiMod_Ctrl | ImGuiKey_V)) {
        std::string error;
        int n = paste_cards(st, ImGui::GetClipboardText() ? ImGui::GetClipboardText() : "", error);
        st.notify(n > 0 ? i18n::trn("Pasted {n} cards", n) : error);
    }
    if (pressed(ImGuiKey_LeftArrow, true)) move_focus(st, Direction::Left);
    if (pressed(ImGuiKey_RightArrow, true)) move_focus(st, Direction::Right);
    if (pressed(ImGuiKey_UpArrow, true)) move_focus(st, Direction::Up);
    if (pressed(ImGuiKey_DownArrow, true)) move_focus(st, Direction::Down);
    if (pressed(ImGuiKey_Enter) || pressed(ImGuiKey_KeypadEnter)) {
        if (st.selection.kind() == SelectionKind::Stage) begin_rename_stage(st, st.selection.stage());
        else if (!st.selection.empty()) {
            st.show_inspector = true;
            st.focus_inspector_title = true;
        }
    }
    if (pressed(ImGuiKey_Escape)) {
        if (st.drag.kind != DragState::Kind::None) st.drag = {};
        else st.selection.clear();
    }
    if (pressed(ImGuiMod_Ctrl | ImGuiKey_Equal, true)) zoom_to(st, st.view.zoom * 1.25f);
    if (pressed(ImGuiMod_Ctrl | ImGuiKey_Minus, true)) zoom_to(st, st.view.zoom / 1.25f);
    if (pressed(ImGuiMod_Shift | ImGuiKey_1)) fit_to_screen(st);
    if (pressed(ImGuiMod_Shift | ImGuiKey_0)) zoom_to(st, 1.0f);
    if (pressed(ImGuiMod_Shift | ImGuiKey_Slash)) st.show_shortcuts = !st.show_shortcuts;   // "?"
}

}  // namespace jm::ui
