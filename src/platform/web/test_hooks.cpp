#include "platform/web/test_hooks.h"

#if JM_TEST_HOOKS
#include <emscripten.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"

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

}  // namespace

// ImGui calls these from inside item submission when TestEngineHookItems is set.
void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb, const ImGuiLastItemData*) {
    Item& item = slot_for(id);
    item.rect = bb;
    if (ImGuiWindow* w = ctx->CurrentWindow) {
        item.window = w->Name;
        // Only the part a user can see and click: scrolled-away items end up empty.
        item.rect.ClipWithFull(w->ClipRect);
        if (item.rect.Min.x >= item.rect.Max.x || item.rect.Min.y >= item.rect.Max.y) item.rect = ImRect();
    }
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
    Item& item = slot_for(id);
    item.label = label ? label : "";
    item.flags = flags;
    if (item.window.empty() && ctx->CurrentWindow) item.window = ctx->CurrentWindow->Name;
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

}  // namespace jm::web

#else
namespace jm::web {
void install_test_hooks() {}
void publish_test_items() {}
}  // namespace jm::web
#endif
