#include "app/language.h"

#include "imgui.h"

#include "app/app_state.h"
#include "i18n/i18n.h"
#include "platform/platform.h"
#include "platform/settings.h"
#include "ui/icons.h"

namespace jm {

namespace {

constexpr const char* kSetting = "language";

void use_language(const std::string& code) {
    i18n::set_language(code);
    platform::set_document_language(i18n::language());
}

}  // namespace

void start_language(AppState&) {
    const auto remembered = platform::setting(kSetting);
    const std::string code = remembered ? i18n::best_language({*remembered}) : i18n::best_language(platform::preferred_languages());
    use_language(code);
}

void choose_language(AppState& app, const std::string& code) {
    app.chosen_language = code;
    platform::request_frames(100);
}

void apply_language_choice(AppState& app) {
    if (app.chosen_language.empty()) return;
    if (app.chosen_language != i18n::language()) {
        use_language(app.chosen_language);
        platform::remember_setting(kSetting, i18n::language());
    }
    app.chosen_language.clear();
}

void language_menu(AppState& app) {
    if (!ImGui::BeginMenu(i18n::tr(ICON_WEB "  Language"))) return;
    for (const i18n::Language& l : i18n::languages()) {
        // Each in its own name, so a user lost in a foreign UI still finds theirs.
        if (ImGui::MenuItem(l.native_name, nullptr, i18n::language() == l.code)) choose_language(app, l.code);
    }
    ImGui::EndMenu();
}

}  // namespace jm
