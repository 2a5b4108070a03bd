#include "app/template_texts.h"

#include <optional>
#include <string>
#include <utility>

#include "app/app_state.h"
#include "i18n/i18n.h"
#include "io/templates.h"
#include "platform/platform.h"
#include "platform/settings.h"

namespace jm {

void want_templates(AppState& app, const std::string& code, std::function<void()> then) {
    if (has_template_texts(code)) {
        if (then) then();
        return;
    }
    platform::fetch_templates(code, [&app, code, then = std::move(then)](std::optional<std::string> text) {
        if (!text || !add_template_texts(*text) || !has_template_texts(code))
            app.ed.notify(i18n::trf("The templates in {language} could not be loaded.", {{"language", i18n::native_name(code)}}));
        if (then) then();
        platform::request_frames(100);
    });
}

void want_all_templates(AppState& app) {
    for (const std::string& code : template_languages()) want_templates(app, code);
}

}  // namespace jm
