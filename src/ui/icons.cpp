#include "ui/icons.h"

#include <cstring>

namespace jm::ui::icon {

// Keyed by the channel as the file stores it (ui/core/display_names.h gives the name shown).
const char* for_channel(const char* channel) {
    struct Pair { const char* name; const char* glyph; };
    static const Pair kPairs[] = {
        {"search", ICON_SEARCH}, {"ads", ICON_ADS}, {"web", ICON_WEB}, {"social", ICON_SOCIAL}, {"email", ICON_EMAIL},   // i18n: not shown (stored channel keys)
        {"event", ICON_EVENT}, {"webinar", ICON_WEBINAR}, {"sales call", ICON_PHONE}, {"phone", ICON_PHONE}, {"demo", ICON_DEMO},   // i18n: not shown (stored channel keys)
        {"proposal", ICON_PROPOSAL}, {"contract", ICON_CONTRACT}, {"onboarding session", ICON_ONBOARDING}, {"in-app", ICON_IN_APP},   // i18n: not shown (stored channel keys)
        {"support ticket", ICON_SUPPORT}, {"chat", ICON_CHAT}, {"community", ICON_COMMUNITY}, {"renewal meeting", ICON_RENEWAL},   // i18n: not shown (stored channel keys)
        {"partner", ICON_PARTNER}, {"review site", ICON_REVIEW},   // i18n: not shown (stored channel keys)
    };
    for (const auto& p : kPairs)
        if (std::strcmp(p.name, channel) == 0) return p.glyph;
    return ICON_UNKNOWN_CHANNEL;
}

const char* for_emotion(int emotion) {
    if (emotion < 0) return ICON_FROWN;
    if (emotion > 0) return ICON_SMILE;
    return ICON_MEH;
}

}  // namespace jm::ui::icon
