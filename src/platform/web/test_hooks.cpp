#include "platform/web/test_hooks.h"

#if JM_TEST_HOOKS
#include <emscripten.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"
#include "ui/core/window_title.h"

namespace {

struct Item {
    ImGuiID id = 0;
    ImRect rect;
    std::string label;
    std::string window;
    ImGuiItemStatusFlags flags = 0;
};

std::vector<Item> g_items;                       // items of the frame being built
std::unordered_map<ImGuiID, std::size_t> g_slot; // id -> index in g_items
std::string g_published;                         // JSON of the last finished frame
unsigned g_frame = 0;

// Text capture (ImGui's own text log, for one frame when a test asks): where in
// the log each window's text starts. Every window registers itself as an item
// when it begins, and every widget when it is added, so the window that owns
// each piece of text is known to within one item.
bool g_capturing = false;
std::vector<std::pair<std::size_t, std::string>> g_text_marks;

void append_json_string(std::string& out, const std::string& s) {
    out += '"';
    for (unsigned char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c < 0x20) {
                    char buf[8];
                    snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    out += '"';
}

Item& slot_for(ImGuiID id) {
    auto it = g_slot.find(id);
    if (it != g_slot.end()) return g_items[it->second];
    g_slot[id] = g_items.size();
    g_items.push_back(Item{.id = id});
    return g_items.back();
}

EM_JS(void, js_publish_items, (const char* json, unsigned frame), {
    JM.publishTestItems(UTF8ToString(json), frame);
});

EM_JS(int, js_text_wanted, (), { return JM.testTextWanted ? 1 : 0; });

EM_JS(void, js_publish_text, (const char* json), {
    JM.testTextWanted = false;
    var waiters = JM.testTextWaiters || [];
    JM.testTextWaiters = [];
    var segments = JSON.parse(UTF8ToString(json));
    for (var i = 0; i < waiters.length; i++) waiters[i](segments);
});

// A window, or a child window of one, that ImGui hides this frame (a new
// window or popup is hidden for one frame while it is measured; a child
// scrolled out of sight is skipped): nothing in it can be seen or clicked.
bool hidden(const ImGuiWindow* w) {
    for (; w; w = (w->Flags & ImGuiWindowFlags_ChildWindow) ? w->ParentWindow : nullptr)
        if (w->HiddenFramesCannotSkipItems > 0 || w->HiddenFramesCanSkipItems > 0 || w->HiddenFramesForRenderOnly > 0)
            return true;
    return false;
}

// Window names as tests know them: a title shown in the language, "Historial###History",
// is published by its stable id, "History" (also in child windows' paths), so
// the browser tests find windows by the same name in every language.
std::string stable_name(const char* name) { return jm::ui::stable_window_name(name); }

void mark_text_owner(ImGuiContext* ctx) {
    if (!g_capturing || !ctx->CurrentWindow) return;
    std::string name = stable_name(ctx->CurrentWindow->Name);
    if (!g_text_marks.empty() && g_text_marks.back().second == name) return;
    g_text_marks.emplace_back(static_cast<std::size_t>(ctx->LogBuffer.size()), std::move(name));
}

}  // namespace

// ImGui calls these from inside item submission when TestEngineHookItems is set.
void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb, const ImGuiLastItemData*) {
    Item& item = slot_for(id);
    item.rect = bb;
    if (ImGuiWindow* w = ctx->CurrentWindow) {
        item.window = stable_name(w->Name);
        // Only the part a user can see and click: scrolled-away items and items
        // of a window hidden this frame end up empty.
        item.rect.ClipWithFull(w->ClipRect);
        if (item.rect.Min.x >= item.rect.Max.x || item.rect.Min.y >= item.rect.Max.y || hidden(w)) item.rect = ImRect();
    }
    mark_text_owner(ctx);
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
    Item& item = slot_for(id);
    item.label = label ? label : "";
    // A window registers itself as an item labelled with its name: published stable too.
    if (ctx->CurrentWindow && id == ctx->CurrentWindow->ID && label == ctx->CurrentWindow->Name) item.label = stable_name(label);
    // An item whose id ignores its text ("Title###card": a card keeps its id
    // while a peer renames it) is published as "Title##card", as tests know it.
    else if (const auto at = item.label.find("###"); at != std::string::npos) item.label.erase(at, 1);
    item.flags = flags;
    if (item.window.empty() && ctx->CurrentWindow) item.window = stable_name(ctx->CurrentWindow->Name);
    mark_text_owner(ctx);
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID id) {
    auto it = g_slot.find(id);
    return it == g_slot.end() ? nullptr : g_items[it->second].label.c_str();
}

namespace jm::web {

void install_test_hooks() {
    ImGuiContext* ctx = ImGui::GetCurrentContext();
    ctx->TestEngineHookItems = true;
    ctx->TestEngine = &g_items;   // ImGui only checks that one is attached
}

void publish_test_items() {
    // Only labelled items: unlabelled ones are layout helpers nobody clicks by name.
    std::string json = "[";
    bool first = true;
    ImGuiContext& g = *ImGui::GetCurrentContext();
    for (const Item& item : g_items) {
        if (item.label.empty()) continue;
        if (!first) json += ',';
        first = false;
        char buf[160];
        snprintf(buf, sizeof buf, "{\"id\":%u,\"x\":%.1f,\"y\":%.1f,\"w\":%.1f,\"h\":%.1f,\"checked\":%s,\"active\":%s,\"label\":",
                 item.id, item.rect.Min.x, item.rect.Min.y, item.rect.GetWidth(), item.rect.GetHeight(),
                 (item.flags & ImGuiItemStatusFlags_Checked) ? "true" : "false",
                 g.ActiveId == item.id ? "true" : "false");
        json += buf;
        append_json_string(json, item.label);
        json += ",\"window\":";
        append_json_string(json, item.window);
        json += '}';
    }
    json += ']';
    g_published = std::move(json);
    js_publish_items(g_published.c_str(), ++g_frame);
    g_items.clear();
    g_slot.clear();
}

// ImGui's text log records what each widget and text call drew, in submission
// order, with a line break where the text moves down. Auto-opening tree nodes
// while logging is off (depth 0), and so is ImGui's "submit clipped items too"
// (ItemUnclipByLog), so the captured frame behaves as any other.
void begin_text_capture() {
    if (!js_text_wanted()) return;
    ImGui::LogToBuffer(0);
    ImGuiContext& g = *ImGui::GetCurrentContext();
    g.ItemUnclipByLog = false;
    g_capturing = true;
    g_text_marks.clear();
    mark_text_owner(&g);
}

void end_text_capture() {
    if (!g_capturing) return;
    ImGuiContext& g = *ImGui::GetCurrentContext();
    const std::string log(g.LogBuffer.c_str(), static_cast<std::size_t>(g.LogBuffer.size()));
    std::string json = "[";
    for (std::size_t i = 0; i < g_text_marks.size(); ++i) {
        std::size_t begin = g_text_marks[i].first;
        std::size_t end = i + 1 < g_text_marks.size() ? g_text_marks[i + 1].first : log.size();
        if (begin >= end) continue;
        if (json.size() > 1) json += ',';
        json += "{\"window\":";
        append_json_string(json, g_text_marks[i].second);
        json += ",\"text\":";
        append_json_string(json, log.substr(begin, end - begin));
        json += '}';
    }
    json += ']';
    ImGui::LogFinish();
    g_capturing = false;
    g_text_marks.clear();
    js_publish_text(json.c_str());
}

}  // namespace jm::web

// Fonts by need (tests/e2e/fonts.test.mjs): what the editor's main font knows of
// `codepoint`. Bit 1: one of its sources (merged fonts included) has the glyph;
// bit 2: the glyph was drawn or measured, at some size, with that glyph rather
// than the fallback one; bit 4: that glyph has pixels in the atlas. Bits 8 and
// up: the index of the source it came from (0 Inter, 1 Font Awesome, then the
// CJK fonts in the order they were merged). Reads only; callable between frames.
extern "C" EMSCRIPTEN_KEEPALIVE int jm_test_glyph(int codepoint) {
    ImFont* font = ImGui::GetIO().FontDefault;
    if (!font || codepoint <= 0 || codepoint > IM_UNICODE_CODEPOINT_MAX) return 0;
    const auto c = static_cast<ImWchar>(codepoint);
    int bits = font->IsGlyphInFont(c) ? 1 : 0;
    ImFontAtlas* atlas = font->ContainerAtlas;
    if (!atlas || !atlas->Builder) return bits;
    for (int n = 0; n < atlas->Builder->BakedPool.Size; n++) {
        ImFontBaked& baked = atlas->Builder->BakedPool[n];
        if (baked.ContainerFont != font || baked.WantDestroy || !baked.IsGlyphLoaded(c)) continue;
        const ImFontGlyph& glyph = baked.Glyphs[baked.IndexLookup[c]];
        bits |= 2 | (glyph.Visible ? 4 : 0) | (static_cast<int>(glyph.SourceIdx) << 8);
        if (glyph.Visible) break;
    }
    return bits;
}

#else
#include <emscripten.h>

namespace jm::web {
void install_test_hooks() {}
void publish_test_items() {}
void begin_text_capture() {}
void end_text_capture() {}
}  // namespace jm::web

extern "C" EMSCRIPTEN_KEEPALIVE int jm_test_glyph(int) { return -1; }   // exported either way
#endif
