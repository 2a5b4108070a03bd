#include "ui/theme.h"

#include "io/json_reader.h"

namespace jm::ui {

namespace {

Theme g_theme = Theme::Light;
ImFont* g_heading = nullptr;

constexpr Palette kLight = {
    .canvas_bg = IM_COL32(246, 247, 249, 255), .grid_line = IM_COL32(214, 218, 224, 255),
    .header_bg = IM_COL32(36, 52, 71, 255), .header_text = IM_COL32(255, 255, 255, 255),
    .lane_bg = IM_COL32(255, 255, 255, 255), .lane_alt_bg = IM_COL32(240, 243, 247, 255),
    .lane_label = IM_COL32(70, 80, 95, 255), .card_bg = IM_COL32(255, 255, 255, 255),
    .card_border = IM_COL32(170, 178, 190, 255), .card_text = IM_COL32(20, 24, 30, 255),
    .card_muted = IM_COL32(90, 98, 110, 255), .selection = IM_COL32(0, 114, 178, 255),
    .hover = IM_COL32(0, 114, 178, 90), .drop_target = IM_COL32(0, 158, 115, 255),
    .warning = IM_COL32(213, 94, 0, 255)};

constexpr Palette kDark = {
    .canvas_bg = IM_COL32(24, 27, 32, 255), .grid_line = IM_COL32(58, 64, 74, 255),
    .header_bg = IM_COL32(48, 66, 90, 255), .header_text = IM_COL32(240, 244, 250, 255),
    .lane_bg = IM_COL32(32, 36, 43, 255), .lane_alt_bg = IM_COL32(38, 43, 51, 255),
    .lane_label = IM_COL32(170, 180, 195, 255), .card_bg = IM_COL32(46, 51, 60, 255),
    .card_border = IM_COL32(90, 98, 112, 255), .card_text = IM_COL32(236, 239, 244, 255),
    .card_muted = IM_COL32(165, 172, 184, 255), .selection = IM_COL32(86, 180, 233, 255),
    .hover = IM_COL32(86, 180, 233, 90), .drop_target = IM_COL32(0, 158, 115, 255),
    .warning = IM_COL32(230, 159, 0, 255)};

// Presentation mode on a projector: white paper, near-black text, darker lines,
// so that washed-out projectors and the back of the room still see every edge.
constexpr Palette kHighContrast = {
    .canvas_bg = IM_COL32(255, 255, 255, 255), .grid_line = IM_COL32(140, 146, 156, 255),
    .header_bg = IM_COL32(18, 28, 42, 255), .header_text = IM_COL32(255, 255, 255, 255),
    .lane_bg = IM_COL32(255, 255, 255, 255), .lane_alt_bg = IM_COL32(234, 238, 244, 255),
    .lane_label = IM_COL32(20, 24, 32, 255), .card_bg = IM_COL32(255, 255, 255, 255),
    .card_border = IM_COL32(70, 78, 92, 255), .card_text = IM_COL32(0, 0, 0, 255),
    .card_muted = IM_COL32(40, 46, 56, 255), .selection = IM_COL32(0, 90, 160, 255),
    .hover = IM_COL32(0, 90, 160, 90), .drop_target = IM_COL32(0, 130, 95, 255),
    .warning = IM_COL32(170, 65, 0, 255)};

// YlOrRd-like sequential ramp: lightness falls monotonically, so it reads in
// greyscale and for every common colour-vision deficiency.
constexpr ImU32 kFriction[6] = {
    IM_COL32(255, 255, 204, 255), IM_COL32(254, 217, 118, 255), IM_COL32(254, 178, 76, 255),
    IM_COL32(253, 141, 60, 255), IM_COL32(227, 26, 28, 255), IM_COL32(128, 0, 38, 255)};

constexpr const char* kOkabeIto[] = {"#E69F00", "#56B4E9", "#009E73", "#F0E442",
                                     "#0072B2", "#D55E00", "#CC79A7", "#000000"};

void common_style(ImGuiStyle& s) {
    s.WindowPadding = ImVec2(12, 10);
    s.FramePadding = ImVec2(8, 5);
    s.ItemSpacing = ImVec2(10, 7);
    s.ItemInnerSpacing = ImVec2(6, 5);
    s.CellPadding = ImVec2(6, 4);
    s.ScrollbarSize = 14;
    s.GrabMinSize = 12;
    s.WindowRounding = 6;
    s.ChildRounding = 6;
    s.FrameRounding = 5;
    s.PopupRounding = 6;
    s.GrabRounding = 5;
    s.TabRounding = 5;
    s.ScrollbarRounding = 7;
    s.WindowBorderSize = 1;
    s.FrameBorderSize = 1;
    s.PopupBorderSize = 1;
    s.FontSizeBase = 17.0f;   // readable on a projector
}

}  // namespace

void apply_theme(Theme theme) {
    g_theme = theme;
    ImGuiStyle& s = ImGui::GetStyle();
    if (theme == Theme::Light || theme == Theme::HighContrast) {
        ImGui::StyleColorsLight(&s);
        ImVec4* c = s.Colors;
        c[ImGuiCol_WindowBg] = ImVec4(0.985f, 0.988f, 0.992f, 1.0f);
        c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
        c[ImGuiCol_MenuBarBg] = ImVec4(0.93f, 0.945f, 0.96f, 1.0f);
        c[ImGuiCol_Border] = ImVec4(0.75f, 0.78f, 0.82f, 1.0f);
        c[ImGuiCol_FrameBg] = ImVec4(1, 1, 1, 1);
        c[ImGuiCol_FrameBgHovered] = ImVec4(0.90f, 0.95f, 1.0f, 1.0f);
        c[ImGuiCol_Button] = ImVec4(0.90f, 0.92f, 0.95f, 1.0f);
        c[ImGuiCol_ButtonHovered] = ImVec4(0.80f, 0.88f, 0.96f, 1.0f);
        c[ImGuiCol_ButtonActive] = ImVec4(0.70f, 0.82f, 0.94f, 1.0f);
        c[ImGuiCol_Header] = ImVec4(0.84f, 0.90f, 0.97f, 1.0f);
        c[ImGuiCol_TitleBg] = ImVec4(0.88f, 0.90f, 0.93f, 1.0f);
        c[ImGuiCol_TitleBgActive] = ImVec4(0.80f, 0.86f, 0.93f, 1.0f);
        c[ImGuiCol_Text] = ImVec4(0.08f, 0.09f, 0.11f, 1.0f);
        c[ImGuiCol_ModalWindowDimBg] = ImVec4(0.10f, 0.12f, 0.16f, 0.35f);
        if (theme == Theme::HighContrast) {
            c[ImGuiCol_WindowBg] = ImVec4(1, 1, 1, 1);
            c[ImGuiCol_Text] = ImVec4(0, 0, 0, 1);
            c[ImGuiCol_TextDisabled] = ImVec4(0.22f, 0.25f, 0.30f, 1.0f);
            c[ImGuiCol_Border] = ImVec4(0.30f, 0.33f, 0.38f, 1.0f);
            c[ImGuiCol_Button] = ImVec4(0.92f, 0.94f, 0.97f, 1.0f);
        }
    } else {
        ImGui::StyleColorsDark(&s);
        ImVec4* c = s.Colors;
        c[ImGuiCol_WindowBg] = ImVec4(0.11f, 0.12f, 0.14f, 1.0f);
        c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
        c[ImGuiCol_MenuBarBg] = ImVec4(0.14f, 0.155f, 0.18f, 1.0f);
        c[ImGuiCol_FrameBg] = ImVec4(0.17f, 0.19f, 0.22f, 1.0f);
        c[ImGuiCol_Button] = ImVec4(0.20f, 0.24f, 0.29f, 1.0f);
        c[ImGuiCol_ButtonHovered] = ImVec4(0.26f, 0.36f, 0.48f, 1.0f);
        c[ImGuiCol_Header] = ImVec4(0.22f, 0.30f, 0.40f, 1.0f);
        c[ImGuiCol_TitleBgActive] = ImVec4(0.19f, 0.26f, 0.35f, 1.0f);
    }
    common_style(s);
}

Theme current_theme() { return g_theme; }

const Palette& palette() {
    switch (g_theme) {
        case Theme::Dark: return kDark;
        case Theme::HighContrast: return kHighContrast;
        default: return kLight;
    }
}

ImU32 friction_color(int friction) {
    if (friction < 0) friction = 0;
    if (friction > 5) friction = 5;
    return kFriction[friction];
}

ImU32 friction_text_color(int friction) {
    return friction >= 4 ? IM_COL32(255, 255, 255, 255) : IM_COL32(20, 20, 20, 255);
}

ImU32 hex_colour(std::string_view hex, ImU32 fallback) {
    if (!is_hex_colour(hex)) return fallback;
    auto channel = [&](std::size_t at) {
        auto digit = [](char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; };
        return static_cast<unsigned>(digit(hex[at]) * 16 + digit(hex[at + 1]));
    };
    return IM_COL32(channel(1), channel(3), channel(5), 255);
}

const char* persona_palette_hex(int index) {
    constexpr int n = sizeof(kOkabeIto) / sizeof(kOkabeIto[0]);
    return kOkabeIto[((index % n) + n) % n];
}

void set_heading_font(ImFont* font) { g_heading = font; }

ImFont* heading_font() { return g_heading ? g_heading : ImGui::GetFont(); }

}  // namespace jm::ui
