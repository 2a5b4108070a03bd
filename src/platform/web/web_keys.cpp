#include "platform/web/web_keys.h"

#include <cstring>

namespace jm::web {

namespace {

struct KeyName { const char* code; ImGuiKey key; };

// KeyboardEvent.code names the physical key; ImGui's letters follow the user's
// layout, which for shortcuts (Ctrl+Z) is what a user expects on QWERTY-like
// layouts. Letters and digits are handled by pattern below.
constexpr KeyName kKeys[] = {
    {"Tab", ImGuiKey_Tab}, {"ArrowLeft", ImGuiKey_LeftArrow}, {"ArrowRight", ImGuiKey_RightArrow},
    {"ArrowUp", ImGuiKey_UpArrow}, {"ArrowDown", ImGuiKey_DownArrow}, {"PageUp", ImGuiKey_PageUp},
    {"PageDown", ImGuiKey_PageDown}, {"Home", ImGuiKey_Home}, {"End", ImGuiKey_End},
    {"Insert", ImGuiKey_Insert}, {"Delete", ImGuiKey_Delete}, {"Backspace", ImGuiKey_Backspace},
    {"Space", ImGuiKey_Space}, {"Enter", ImGuiKey_Enter}, {"NumpadEnter", ImGuiKey_KeypadEnter},
    {"Escape", ImGuiKey_Escape}, {"ControlLeft", ImGuiKey_LeftCtrl}, {"ControlRight", ImGuiKey_RightCtrl},
    {"ShiftLeft", ImGuiKey_LeftShift}, {"ShiftRight", ImGuiKey_RightShift}, {"AltLeft", ImGuiKey_LeftAlt},
    {"AltRight", ImGuiKey_RightAlt}, {"MetaLeft", ImGuiKey_LeftSuper}, {"MetaRight", ImGuiKey_RightSuper},
    {"ContextMenu", ImGuiKey_Menu}, {"Quote", ImGuiKey_Apostrophe}, {"Comma", ImGuiKey_Comma},
    {"Minus", ImGuiKey_Minus}, {"Period", ImGuiKey_Period}, {"Slash", ImGuiKey_Slash},
    {"Semicolon", ImGuiKey_Semicolon}, {"Equal", ImGuiKey_Equal}, {"BracketLeft", ImGuiKey_LeftBracket},
    {"Backslash", ImGuiKey_Backslash}, {"BracketRight", ImGuiKey_RightBracket}, {"Backquote", ImGuiKey_GraveAccent},
    {"NumpadAdd", ImGuiKey_KeypadAdd}, {"NumpadSubtract", ImGuiKey_KeypadSubtract},
    {"NumpadDecimal", ImGuiKey_KeypadDecimal}, {"F1", ImGuiKey_F1}, {"F2", ImGuiKey_F2}, {"F3", ImGuiKey_F3},
    {"F4", ImGuiKey_F4}, {"F5", ImGuiKey_F5}, {"F6", ImGuiKey_F6}, {"F7", ImGuiKey_F7}, {"F8", ImGuiKey_F8},
    {"F9", ImGuiKey_F9}, {"F10", ImGuiKey_F10}, {"F11", ImGuiKey_F11}, {"F12", ImGuiKey_F12},
};

}  // namespace

ImGuiKey key_from_dom_code(const char* code) {
    if (std::strncmp(code, "Key", 3) == 0 && code[3] >= 'A' && code[3] <= 'Z' && code[4] == 0)
        return static_cast<ImGuiKey>(ImGuiKey_A + (code[3] - 'A'));
    if (std::strncmp(code, "Digit", 5) == 0 && code[5] >= '0' && code[5] <= '9' && code[6] == 0)
        return static_cast<ImGuiKey>(ImGuiKey_0 + (code[5] - '0'));
    if (std::strncmp(code, "Numpad", 6) == 0 && code[6] >= '0' && code[6] <= '9' && code[7] == 0)
        return static_cast<ImGuiKey>(ImGuiKey_Keypad0 + (code[6] - '0'));
    for (const auto& k : kKeys)
        if (std::strcmp(code, k.code) == 0) return k.key;
    return ImGuiKey_None;
}

}  // namespace jm::web
