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
// where the help window shows them; key names such as "Ctrl+Z" stay as they are.
const std::vector<ShortcutHelp>& shortcut_help() {
    static const std::vector<ShortcutHelp> rows = {
        {"Map", "Ctrl+N", "New map from a template"},
        {"Map", "Ctrl+O", "Open a map file (or drop it on the page)"},
        {"Map", "Ctrl+S", "Download the map as a .journeymap.json file"},
        {"Edit", "Ctrl+Z", "Undo"},
        {"Edit", "Ctrl+Shift+Z / Ctrl+Y", "Redo"},
        {"Edit", "Ctrl+C / Ctrl+X / Ctrl+V", "Copy, cut, paste cards (between maps and tabs too)"},
        {"Edit", "Ctrl+D", "Duplicate the selected cards"},
        {"Edit", "Delete / Backspace", "Delete the selection (a stage goes with its cards)"},
        {"Edit", "Ctrl+F", "Find text anywhere in the map"},
        {"Edit", "F3 / Shift+F3", "Next / previous match"},
        {"Select", "Click, Ctrl+click, Shift+click", "Select a card, toggle it, select a range"},
        {"Select", "Shift+drag on empty space", "Select the cards inside a rectangle"},
        {"Select", "Arrow keys", "Move between cards"},
        {"Select", "Enter", "Edit the selected card's title in the inspector"},
        {"Select", "Escape", "Leave a text field keeping the text; cancel a double-click rename or a drag; clear the selection"},
        {"Canvas", "Double-click empty space", "Add a touchpoint in that stage"},
        {"Canvas", "Double-click a stage header", "Rename the stage in place"},
        {"Canvas", "Drag a card / a stage header", "Move it (to another stage too) / reorder stages"},
        {"View", "Drag empty space, middle drag, wheel", "Pan"},
        {"View", "Ctrl+wheel, pinch", "Zoom towards the pointer"},
        {"View", "Ctrl+= / Ctrl+-", "Zoom in / out"},
        {"View", "Shift+1", "Fit the whole map to the screen"},
        {"View", "Shift+0", "Zoom to 100%"},
        {"Present", "F5", "Present the map: full screen, large type, stage by stage (View > Present)"},
        {"Present", "Right / Page Down / Space, Left / Page Up", "Next, previous stage (Home, End: first, last)"},
        {"Present", "Up / Down, wheel", "Scroll a tall stage"},
        {"Present", "Escape or F5", "Leave presentation mode"},
        {"Help", "F1 or ?", "This list"},
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
