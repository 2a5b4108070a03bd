#include "app/share_link.h"

#include <algorithm>
#include <memory>
#include <utility>

#include <nlohmann/json.hpp>

#include "app/app_state.h"
#include "app/session.h"
#include "i18n/i18n.h"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "io/limits.h"
#include "io/share_link.h"
#include "platform/platform.h"
#include "platform/web/web_share_link.h"
#include "ui/core/window_title.h"
#include "ui/icons.h"
#include "ui/panels.h"
#include "ui/theme.h"

namespace jm {

namespace {

using nlohmann::json;

void answer(int api_request, const json& value) {
    if (api_request != 0) platform::answer_share_request(api_request, value.dump());
}

std::string characters(std::size_t n) { return i18n::number(static_cast<double>(n)); }

// One File > Copy share link, from the click to the clipboard's answer.
struct LinkRequest {
    int api = 0;              // a shareLink() call to answer, or 0
    int clipboard = 0;        // the clipboard write started with the request
    double started_ms = 0;
    bool given_up = false;    // too large, or not made: the write was abandoned and the answer given
};
using Request = std::shared_ptr<LinkRequest>;

// The link is made: onto the clipboard it goes (the write started with the
// request, inside the user's gesture), or, too long, back out of it.
void link_made(AppState& app, const Request& request, const std::string& compressed) {
    ShareState& s = app.share;
    s.link = share::link_for(platform::page_address(), compressed);
    s.link_length = s.link.size();
    s.make_ms = platform::now_ms() - request->started_ms;
    if (s.link_length > share::kMaxLinkChars) {
        request->given_up = true;
        s.show_too_large = true;
        answer(request->api, {{"ok", false}, {"tooLarge", true}, {"length", s.link_length}, {"limit", share::kMaxLinkChars}});   // i18n: not shown (the JS API's answer)
        platform::finish_clipboard_text(request->clipboard, "");
        return;
    }
    platform::finish_clipboard_text(request->clipboard, s.link);
}

void link_not_made(AppState& app, const Request& request, const std::string& error) {
    request->given_up = true;
    app.ed.notify(i18n::tr("The share link could not be made: this browser cannot compress the map. Use File > Download map."));
    answer(request->api, {{"ok", false}, {"error", error}});   // i18n: not shown (the JS API's answer)
    platform::finish_clipboard_text(request->clipboard, "");
}

// What the user sees once the clipboard has answered.
void link_copied(AppState& app, const Request& request, bool copied) {
    ShareState& s = app.share;
    s.making = false;
    if (request->given_up) return;
    if (copied && s.link.rfind("file:", 0) == 0) {   // i18n: not shown (a URL scheme)
        // The single-file editor opened from disk: its address is a file on this computer.
        app.ed.notify(i18n::trf("Share link copied ({n} characters), but the editor runs from a file here: the link opens only on this computer. Send others the map file.",
                                {{"n", characters(s.link_length)}}));
    } else if (copied) {
        app.ed.notify(i18n::trf("Share link copied ({n} characters): it opens this map, read-only, in any browser",
                                {{"n", characters(s.link_length)}}));
    } else {
        s.show_link = true;   // copied by hand from the dialog, whose button is a gesture of its own
    }
    answer(request->api, {{"ok", true}, {"url", s.link}, {"length", s.link_length}, {"copied", copied}});   // i18n: not shown (the JS API's answer)
}

void link_damaged(AppState& app, std::string problem) {
    ShareState& s = app.share;
    s.opening = 0;
    s.problem = std::move(problem);
    s.show_damaged = true;
    platform::clear_page_fragment();   // a reload opens the editor as usual, not this message again
}

// The map of a link, open to read: nothing of it is stored until the user
// saves a copy, so it does not count as unsaved work either.
void show_shared(AppState& app, Map map, std::string text, double started_ms) {
    // The map being left is stored first, as when another map is opened.
    if (app.session_started && !app.ed.doc.read_only && app.ed.doc.revision() != app.stored_revision) save_now(app);
    app.other_tab_changed = false;
    app.ed.doc.replace(std::move(map));
    app.ed.doc.read_only = true;
    app.ed.doc.history.mark_saved();
    app.ed.selection.clear();
    app.ed.view_as_persona.clear();
    app.ed.fit_pending = true;
    app.slicer = MapTextSlicer();
    app.slicing_revision = ~0ull;
    app.stored_revision = app.seen_revision = app.ed.doc.revision();
    app.persistence = platform::storage_persistence();
    const std::string& title = app.ed.doc.map.title;
    platform::set_window_title((title.empty() ? std::string(i18n::tr("Untitled journey")) : title) + " - Journey Map");
    platform::set_unsaved_work(false);

    ShareState& s = app.share;
    s.opening = 0;
    s.shared = true;
    s.shared_text = std::move(text);
    s.open_ms = platform::now_ms() - started_ms;
    platform::request_frames(300);
}

// Reads the link in `fragment`: `then(true)` once its map is shown, `then(false)`
// when there is none or it is damaged (its message is up, nothing else changed).
void open_link(AppState& app, const std::string& fragment, std::function<void(bool shown)> then) {
    const double started_ms = platform::now_ms();
    share::FragmentRead link = share::read_fragment(fragment);
    if (link.kind == share::FragmentRead::Kind::None) {
        then(false);
        return;
    }
    if (link.kind == share::FragmentRead::Kind::Damaged) {
        link_damaged(app, std::move(link.problem));
        then(false);
        return;
    }
    const int opening = app.share.opening = ++app.share.links_read;
    platform::inflate_raw(link.compressed, limits::kMaxFileBytes,
                          [&app, opening, started_ms, then = std::move(then)](std::string text, std::string error) {
                              if (app.share.opening != opening) return;   // a later link replaced this one
                              if (!error.empty()) {
                                  link_damaged(app, error == platform::kInflateTooLarge         ? share::too_large_problem(limits::kMaxFileBytes)
                                                    : error == platform::kCompressionUnsupported ? share::unsupported_problem()
                                                                                                 : share::inflate_problem());
                                  then(false);
                                  return;
                              }
                              LoadResult r = share::read_shared_map(text);
                              if (!r.ok()) {
                                  const LoadProblem& p = r.problems.front();
                                  link_damaged(app, p.path.empty() ? p.message : p.path + ": " + p.message);
                                  then(false);
                                  return;
                              }
                              show_shared(app, std::move(*r.map), std::move(text), started_ms);
                              then(true);
                          });
}

// The shared map was replaced by another (opened from the library, a file, a
// new map): the link has done its work.
void end_shared_view(AppState& app) {
    app.share.shared = false;
    app.share.shared_text.clear();
    platform::clear_page_fragment();
}

ImVec4 warning_color() { return ImGui::ColorConvertU32ToFloat4(ui::palette().warning); }

void centre_next() {
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, {0.5f, 0.5f});
}

void too_large_dialog(AppState& app) {
    ShareState& s = app.share;
    const std::string title = ui::window_title(i18n::tr("Too large for a link"), "Too large for a link");
    if (s.show_too_large) {
        ImGui::OpenPopup(title.c_str());
        s.show_too_large = false;
    }
    centre_next();
    ImGui::SetNextWindowSize({600, 0});
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::PushFont(ui::heading_font(), 0.0f);
    ImGui::TextWrapped("%s", i18n::tr("This map is too large to share as a link"));
    ImGui::PopFont();
    ImGui::TextWrapped("%s", i18n::trf("Its link would be {length} characters long; chat tools and mail pass links of up to {limit} characters safely.",
                                       {{"length", characters(s.link_length)}, {"limit", characters(share::kMaxLinkChars)}})
                                 .c_str());
    ImGui::TextWrapped("%s", i18n::tr("Send the map as a file instead: download it and attach it to your message. It opens with File > Open file."));
    ImGui::Spacing();
    if (ImGui::Button(i18n::tr(ICON_DOWNLOAD "  Download map"))) {
        download_current(app);
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(i18n::tr("Close")) || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

// The browser refused to write the clipboard (no permission, the page lost its
// focus meanwhile): the link, to copy by hand, and a button that copies it
// during a click of its own.
void copy_by_hand_dialog(AppState& app) {
    ShareState& s = app.share;
    const std::string title = ui::window_title(i18n::tr("Share link"), "Share link");
    if (s.show_link) {
        ImGui::OpenPopup(title.c_str());
        s.show_link = false;
    }
    centre_next();
    ImGui::SetNextWindowSize({640, 0});
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::TextWrapped("%s", i18n::tr("The browser did not let the editor copy the link. Copy it from here: it opens this map, read-only, in any browser."));
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##share-link", &s.link, ImGuiInputTextFlags_ReadOnly | ImGuiInputTextFlags_AutoSelectAll);
    if (ImGui::Button(i18n::tr(ICON_COPY "  Copy link"))) {
        platform::set_clipboard_text(s.link);
        app.ed.notify(i18n::trf("Share link copied ({n} characters): it opens this map, read-only, in any browser", {{"n", characters(s.link_length)}}));
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(i18n::tr("Close")) || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void damaged_dialog(AppState& app) {
    ShareState& s = app.share;
    const std::string title = ui::window_title(i18n::tr("Could not open the share link"), "Could not open the share link");
    if (s.show_damaged) {
        ImGui::OpenPopup(title.c_str());
        s.show_damaged = false;
    }
    centre_next();
    ImGui::SetNextWindowSize({640, 0});
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::PushFont(ui::heading_font(), 0.0f);
    ImGui::TextWrapped("%s", i18n::tr("This share link is damaged or cut short"));
    ImGui::PopFont();
    ImGui::TextWrapped("%s", i18n::tr("A link is often cut when it is copied or sent. Ask the sender for the link again, or for the map file."));
    ImGui::TextColored(warning_color(), "%s", ICON_WARNING);
    ImGui::SameLine();
    ImGui::TextWrapped("%s", s.problem.c_str());
    ImGui::TextWrapped("%s", i18n::tr("Nothing was changed: your open map and the library are as they were."));
    if (ImGui::Button(i18n::tr("OK"), {120, 0}) || ImGui::IsKeyPressed(ImGuiKey_Escape) || ImGui::IsKeyPressed(ImGuiKey_Enter)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace

void copy_share_link(AppState& app, int api_request) {
    ShareState& s = app.share;
    if (s.making) {
        answer(api_request, {{"ok", false}, {"error", "a link is being made"}});   // i18n: not shown (the JS API's answer)
        return;
    }
    s.making = true;
    auto request = std::make_shared<LinkRequest>(LinkRequest{.api = api_request, .started_ms = platform::now_ms()});
    // Inside the user's gesture (this frame runs in the click's event handler):
    // the clipboard write must start now, before the asynchronous compression.
    request->clipboard = platform::begin_clipboard_text([&app, request](bool copied) { link_copied(app, request, copied); });
    // The canonical text's indentation costs about 5% of the link.
    const std::string text = share::compact_json(text_to_send(app));
    platform::deflate_raw(text, [&app, request](std::string compressed, std::string error) {
        if (error.empty()) link_made(app, request, compressed);
        else link_not_made(app, request, error);
    });
}

void open_share_link_at_start(AppState& app, std::function<void(bool shown)> then) {
    open_link(app, platform::page_fragment(), [&app, then = std::move(then)](bool shown) {
        then(shown);
        platform::on_page_fragment_changed([&app](const std::string& fragment) { open_link(app, fragment, [](bool) {}); });
    });
}

void save_shared_copy(AppState& app) {
    if (!app.ed.doc.read_only) return;
    Map map = app.ed.doc.map;
    // This browser may hold the map already (the sender opening their own link,
    // or an earlier link of it saved): that one stays as it is. The title stays
    // too, so that merging the copy back does not rename the sender's map.
    const bool held = app.library.contains(map.id);
    if (held) map.id = app.library.fresh_id_for(map);
    // The sender's version, kept as a base: their next version merges three-way here.
    const std::string error = app.library.store_base(app.share.shared_text);
    end_shared_view(app);
    switch_to(app, std::move(map));
    if (!error.empty())
        app.ed.notify(i18n::trf("This version was not kept for merging: {reason}", {{"reason", i18n::tr(error.c_str())}}));
    else
        app.ed.notify(held ? i18n::tr("Saved as a new copy in your library (it already held this map, which stays as it was): you can edit it now")
                           : i18n::tr("Saved in your library: you can edit this map now"));
}

void draw_shared_map_bar(AppState& app) {
    if (!app.ed.doc.read_only) return;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float height = ImGui::GetFrameHeight() + 2 * style.FramePadding.y + 4;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::GetStyleColorVec4(ImGuiCol_Header));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {12, style.FramePadding.y + 2});
    ImGui::BeginChild("Shared map bar", {0, height}, ImGuiChildFlags_AlwaysUseWindowPadding, ImGuiWindowFlags_NoScrollbar);
    ImGui::PopStyleVar();
    // On a narrow screen the heading gives way (cut with "…"), never the button.
    const std::string heading = i18n::tr(ICON_EYE "  Shared map - Save a copy to edit");
    const char* save = i18n::tr(ICON_SAVE "  Save a copy");
    const float room = ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(save, nullptr, true).x - 2 * style.FramePadding.x - 16;
    ImGui::AlignTextToFramePadding();
    ImGui::PushFont(ui::heading_font(), 0.0f);
    const std::string shown = ui::shortened(heading, std::max(room, 40.0f));
    ImGui::TextUnformatted(shown.c_str());
    ImGui::PopFont();
    if (shown != heading) ImGui::SetItemTooltip("%s", heading.c_str());
    ImGui::SameLine(0, 16);
    if (ImGui::Button(save)) save_shared_copy(app);
    ImGui::SetItemTooltip("%s", i18n::tr("Keep this map in your library to edit it. It remembers the version it was sent as, so your changes can be merged back."));
    // The explanation only where it fits whole: on a narrow screen the bar keeps its button.
    const char* why = i18n::tr("Read-only: nothing here is stored in this browser until you save a copy.");
    ImGui::SameLine(0, 16);
    if (ImGui::CalcTextSize(why).x <= ImGui::GetContentRegionAvail().x) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextDisabled("%s", why);
    }
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

void draw_share_windows(AppState& app) {
    if (app.share.shared && !app.ed.doc.read_only) end_shared_view(app);
    if (ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiMod_Shift | ImGuiKey_L)) copy_share_link(app);
    too_large_dialog(app);
    copy_by_hand_dialog(app);
    damaged_dialog(app);
}

}  // namespace jm
