#include "app/language.h"

#include <functional>
#include <optional>
#include <string>

#include "imgui.h"

#include "app/app_state.h"
#include "i18n/i18n.h"
#include "platform/platform.h"
#include "platform/settings.h"
#include "ui/icons.h"

namespace jm {

namespace {

constexpr const char* kSetting = "language";   // i18n: not shown (a storage key)

void use_language(const std::string& code) {
    i18n::set_language(code);
    platform::set_document_language(i18n::language());
}

// Makes `code` the choice; a catalogue the build does not carry is fetched
// first, and the choice waits for it (a failure leaves the language as it is
// and says so). `then` runs once the catalogue is in or could not be had.
void want_language(AppState& app, const std::string& code, std::function<void()> then = {}) {
    app.chosen_language = code;
    if (i18n::has_catalogue(code)) return;
    platform::fetch_catalogue(code, [&app, code, then = std::move(then)](std::optional<std::string> text) {
        if (!text || !i18n::add_catalogue(code, std::move(*text))) {
            if (app.chosen_language == code) app.chosen_language.clear();
            app.ed.notify(i18n::trf("The {language} translation could not be loaded: the editor stays in {current}.",
                                    {{"language", i18n::native_name(code)}, {"current", i18n::native_name(i18n::language())}}));
        }
        if (app.starting_language && app.chosen_language == code) {   // the start language: not a choice to remember
            use_language(code);
            app.chosen_language.clear();
        }
        app.starting_language = false;
        if (then) then();
        platform::request_frames(100);
    });
}

}  // namespace

void start_language(AppState& app, std::function<void()> then) {
    const auto remembered = platform::setting(kSetting);
    const std::string code = remembered ? i18n::best_language({*remembered}) : i18n::best_language(platform::preferred_languages());
    if (i18n::has_catalogue(code)) {
        use_language(code);
        then();
        return;
    }
    app.starting_language = true;
    want_language(app, code, std::move(then));
}

bool language_ready(const AppState& app) { return !app.starting_language; }

void choose_language(AppState& app, const std::string& code) {
    want_language(app, code);
    platform::request_frames(100);
}

void apply_language_choice(AppState& app) {
    if (app.chosen_language.empty() || !i18n::has_catalogue(app.chosen_language)) return;
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
