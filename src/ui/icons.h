// Font Awesome 4.7 glyphs (Debian's fonts-font-awesome), merged into the UI font.
// Macros, so labels concatenate at compile time: ICON_PLUS " Add stage".
#pragma once

#define ICON_SEARCH "\xef\x80\x82"  // U+F002
#define ICON_ADS "\xef\x82\xa1"  // U+F0A1
#define ICON_WEB "\xef\x82\xac"  // U+F0AC
#define ICON_SOCIAL "\xef\x87\xa0"  // U+F1E0
#define ICON_EMAIL "\xef\x83\xa0"  // U+F0E0
#define ICON_EVENT "\xef\x81\xb3"  // U+F073
#define ICON_WEBINAR "\xef\x80\xbd"  // U+F03D
#define ICON_PHONE "\xef\x82\x95"  // U+F095
#define ICON_DEMO "\xef\x84\x88"  // U+F108
#define ICON_PROPOSAL "\xef\x85\x9c"  // U+F15C
#define ICON_CONTRACT "\xef\x81\x84"  // U+F044
#define ICON_ONBOARDING "\xef\x86\x9d"  // U+F19D
#define ICON_IN_APP "\xef\x84\x8b"  // U+F10B
#define ICON_SUPPORT "\xef\x87\x8d"  // U+F1CD
#define ICON_CHAT "\xef\x82\x86"  // U+F086
#define ICON_COMMUNITY "\xef\x83\x80"  // U+F0C0
#define ICON_RENEWAL "\xef\x80\xa1"  // U+F021
#define ICON_PARTNER "\xef\x8a\xb5"  // U+F2B5
#define ICON_REVIEW "\xef\x80\x85"  // U+F005
#define ICON_UNKNOWN_CHANNEL "\xef\x81\x99"  // U+F059
#define ICON_SMILE "\xef\x84\x98"  // U+F118
#define ICON_MEH "\xef\x84\x9a"  // U+F11A
#define ICON_FROWN "\xef\x84\x99"  // U+F119
#define ICON_PLUS "\xef\x81\xa7"  // U+F067
#define ICON_TRASH "\xef\x87\xb8"  // U+F1F8
#define ICON_UNDO "\xef\x83\xa2"  // U+F0E2
#define ICON_REDO "\xef\x80\x9e"  // U+F01E
#define ICON_DOWNLOAD "\xef\x80\x99"  // U+F019
#define ICON_OPEN "\xef\x81\xbc"  // U+F07C
#define ICON_NEW "\xef\x80\x96"  // U+F016
#define ICON_COPY "\xef\x83\x85"  // U+F0C5
#define ICON_CUT "\xef\x83\x84"  // U+F0C4
#define ICON_PASTE "\xef\x83\xaa"  // U+F0EA
#define ICON_FIT "\xef\x81\xa5"  // U+F065
#define ICON_ZOOM_IN "\xef\x80\x8e"  // U+F00E
#define ICON_ZOOM_OUT "\xef\x80\x90"  // U+F010
#define ICON_WARNING "\xef\x81\xb1"  // U+F071
#define ICON_CHECK "\xef\x80\x8c"  // U+F00C
#define ICON_TIMES "\xef\x80\x8d"  // U+F00D
#define ICON_ARROW_UP "\xef\x81\xa2"  // U+F062
#define ICON_ARROW_DOWN "\xef\x81\xa3"  // U+F063
#define ICON_ARROW_RIGHT "\xef\x81\xa1"  // U+F061
#define ICON_USER "\xef\x80\x87"  // U+F007
#define ICON_EYE "\xef\x81\xae"  // U+F06E
#define ICON_EYE_SLASH "\xef\x81\xb0"  // U+F070
#define ICON_IMAGE "\xef\x80\xbe"  // U+F03E
#define ICON_HISTORY "\xef\x87\x9a"  // U+F1DA
#define ICON_CHART "\xef\x82\x80"  // U+F080
#define ICON_KEYBOARD "\xef\x84\x9c"  // U+F11C
#define ICON_CIRCLE "\xef\x84\x91"  // U+F111
#define ICON_FIRE "\xef\x81\xad"  // U+F06D
#define ICON_BOLT "\xef\x83\xa7"  // U+F0E7
#define ICON_IDEA "\xef\x83\xab"  // U+F0EB
#define ICON_BOOK "\xef\x80\xad"  // U+F02D
#define ICON_SAVE "\xef\x83\x87"  // U+F0C7
#define ICON_HANDOFF "\xef\x83\xac"  // U+F0EC
#define ICON_TREND_UP "\xef\x85\xb6"  // U+F176
#define ICON_TREND_DOWN "\xef\x85\xb5"  // U+F175
#define ICON_SUN "\xef\x86\x85"  // U+F185
#define ICON_MOON "\xef\x86\x86"  // U+F186
#define ICON_QUESTION "\xef\x84\xa8"  // U+F128
#define ICON_FILTER "\xef\x82\xb0"  // U+F0B0
#define ICON_CLONE "\xef\x89\x8d"  // U+F24D
#define ICON_MINUS "\xef\x81\xa8"  // U+F068
#define ICON_COMMENT "\xef\x81\xb5"  // U+F075
#define ICON_COG "\xef\x80\x93"  // U+F013
#define ICON_USERS "\xef\x83\x80"  // U+F0C0
#define ICON_SLIDERS "\xef\x87\x9e"  // U+F1DE
#define ICON_MERGE "\xef\x84\xa6"  // U+F126

namespace jm::ui::icon {

// The glyph for a channel name from known_channels(); a question mark otherwise.
const char* for_channel(const char* channel);
// A face for emotion -2..+2 (frown, meh, smile).
const char* for_emotion(int emotion);

}  // namespace jm::ui::icon
