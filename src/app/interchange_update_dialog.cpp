// "Update that map" for Mermaid and CSV exports (app/interchange_update_dialog.h).
#include "app/interchange_update_dialog.h"

#include <algorithm>

#include "app/app_state.h"
#include "app/session.h"
#include "edit/map_change.h"
#include "i18n/i18n.h"
#include "imgui.h"
#include "metrics/text_format.h"
#include "ui/core/window_title.h"
#include "ui/icons.h"
#include "ui/theme.h"

namespace jm {

namespace {

constexpr float kDialogWidth = 720;
constexpr float kMissingListHeight = 150;   // the list of what the file lacks scrolls beyond this

// The library map `file_name` is an export of: among the maps whose title the
// file carries or is named after, the one that shares most with it (the open
// map, then the most recently modified, on a tie). Nothing when none is.
std::optional<Map> matching_library_map(AppState& app, InterchangeFormat format, const std::string& file_name, const Map& imported) {
    std::optional<Map> best;
    std::size_t best_resemblance = 0;
    const Map& open = app.ed.doc.map;
    auto consider = [&](Map candidate) {
        const std::size_t r = resemblance(candidate, imported);
        if (!best || r > best_resemblance) {
            best_resemblance = r;
            best = std::move(candidate);
        }
    };
    std::vector<LibraryEntry> entries = app.library.list();   // most recently modified first
    // The open map first, as it is now (its last edits may not be stored yet).
    std::stable_partition(entries.begin(), entries.end(), [&](const LibraryEntry& e) { return e.id == open.id; });
    for (const auto& e : entries) {
        if (e.damaged) continue;
        const bool is_open = e.id == open.id;
        if (!is_export_of(format, file_name, imported, is_open ? open.title : e.title)) continue;
        if (is_open) {
            consider(open);
            continue;
        }
        LoadResult r = app.library.open(e.id);
        if (r.ok()) consider(std::move(*r.map));
    }
    return best;
}

// "1 card added, 3 changed, 1 moved, 1 persona added": what an update does.
std::string summary(const InterchangeUpdate& plan) {
    std::vector<std::string> parts;
    auto add = [&](const char* key, int n) {
        if (n > 0) parts.push_back(i18n::trn(key, n));
    };
    const DiffCounts& c = plan.counts;
    add(i18n::tr_later("{n} cards added"), c.touchpoints.added);
    add(i18n::tr_later("{n} cards changed"), c.touchpoints.changed);
    add(i18n::tr_later("{n} cards moved"), c.touchpoints.moved);
    add(i18n::tr_later("{n} cards removed"), c.touchpoints.removed);
    add(i18n::tr_later("{n} stages added"), c.stages.added);
    add(i18n::tr_later("{n} stages renamed"), c.stages.changed);
    add(i18n::tr_later("{n} stages moved"), c.stages.moved);
    add(i18n::tr_later("{n} stages removed"), c.stages.removed);
    add(i18n::tr_later("{n} personas added"), c.personas.added);
    if (c.map.changed > 0) parts.push_back(i18n::tr("the map's description changed"));
    return join_list(parts);
}

const char* what_the_format_carries(InterchangeFormat format) {
    return format == InterchangeFormat::Mermaid
               ? i18n::tr("Updating it brings in what a Mermaid file carries: stage and card names, their order, one score per card and "
                          "the personas on each card. It is one step you can undo.")
               : i18n::tr("Updating it brings in what a CSV file carries: stages, cards with their descriptions, channels, owners, "
                          "scores, pains and opportunities, and the personas on each card. It is one step you can undo.");
}

std::string not_carried_sentence(InterchangeFormat format) {
    return i18n::trf("{format} files do not carry {list}.", {{"format", interchange_format_name(format)}, {"list", join_list(not_carried(format))}});
}

std::string missing_label(const MissingItem& m) {
    if (m.kind == EntityKind::Stage)
        return i18n::trf("{stage} (the whole stage)", {{"stage", m.name.empty() ? std::string(i18n::tr("(unnamed stage)")) : m.name}});
    const std::string stage = m.stage.empty() ? std::string(i18n::tr("(unnamed stage)")) : m.stage;
    return stage + " \xE2\x80\xBA " + (m.name.empty() ? std::string(i18n::tr("(untitled)")) : m.name);
}

std::string remove_label(const InterchangeUpdate& plan) {
    const auto cards = static_cast<long long>(plan.missing_count(EntityKind::Touchpoint));
    const auto stages = static_cast<long long>(plan.missing_count(EntityKind::Stage));
    if (stages == 0) return i18n::trn("Also remove the {n} cards not in the file", cards);
    if (cards == 0) return i18n::trn("Also remove the {n} stages not in the file", stages);
    return i18n::trf("Also remove the {cards} and {stages} not in the file", {{"cards", i18n::trn("{n} cards", cards)}, {"stages", i18n::trn("{n} stages", stages)}});
}

void open_as_new_map(AppState& app, InterchangeUpdateOffer& offer) {
    app.opened_name = offer.file_name;
    app.open_notices = std::move(offer.notices);
    switch_to(app, std::move(offer.imported));
    app.ed.notify(i18n::trf("Opened {file}", {{"file", offer.file_name}}));
    app.show_open_notices = !app.open_notices.empty();
    tell_what_the_format_lacks(app, offer.file_name);
}

// The library map opened (when it is not the open one) and the file's work
// applied to it as one undo step, computed again on the map as it is now.
void update_library_map(AppState& app, InterchangeUpdateOffer& offer) {
    if (app.ed.doc.map.id != offer.map_id) open_from_library(app, offer.map_id);
    if (app.ed.doc.map.id != offer.map_id) return;   // it could not be opened: the error dialog says why
    InterchangeUpdate plan = plan_interchange_update(app.ed.doc.map, offer.imported, offer.format, offer.remove_missing);
    const std::string done = summary(plan);
    if (plan.empty()) {
        app.ed.notify(i18n::trf("\"{title}\" already has everything {file} carries", {{"title", offer.map_title}, {"file", offer.file_name}}));
    } else {
        app.ed.doc.run(apply_changes(app.ed.doc.map, std::move(plan.changes), i18n::trf("Update from {file}", {{"file", offer.file_name}})));
        app.ed.notify(i18n::trf("Updated \"{title}\" from {file}: {changes}", {{"title", offer.map_title}, {"file", offer.file_name}, {"changes", done}}));
    }
    app.opened_name = offer.file_name;
    app.open_notices = std::move(offer.notices);
    app.show_open_notices = !app.open_notices.empty();
}

void missing_list(InterchangeUpdateOffer& offer, const InterchangeUpdate& plan) {
    const auto cards = static_cast<long long>(plan.missing_count(EntityKind::Touchpoint));
    const auto stages = static_cast<long long>(plan.missing_count(EntityKind::Stage));
    ImGui::TextWrapped("%s", (stages == 0 ? i18n::trn("{n} cards of the map are not in the file:", cards)
                              : cards == 0 ? i18n::trn("{n} stages of the map are not in the file:", stages)
                                           : i18n::trf("{cards} and {stages} of the map are not in the file:",
                                                       {{"cards", i18n::trn("{n} cards", cards)}, {"stages", i18n::trn("{n} stages", stages)}}))
                                 .c_str());
    const float rows = static_cast<float>(plan.missing.size());
    const float height = std::min(kMissingListHeight, rows * ImGui::GetTextLineHeightWithSpacing() + ImGui::GetStyle().WindowPadding.y * 2);
    ImGui::BeginChild("missing", {0, height}, ImGuiChildFlags_Borders);
    for (const auto& m : plan.missing) {
        ImGui::Bullet();
        ImGui::TextUnformatted(missing_label(m).c_str());
    }
    ImGui::EndChild();
    ImGui::Checkbox((remove_label(plan) + "##remove-missing").c_str(), &offer.remove_missing);
    if (offer.remove_missing) ImGui::TextDisabled("%s", i18n::tr("They go with everything on them; undo brings them back."));
    else ImGui::TextDisabled("%s", i18n::tr("Left unticked, they stay in the map as they are."));
}

// What the format does not carry that this map has (kept as it is), in two
// columns; the whole list of what the format does not carry on hover.
void not_carried_notice(const InterchangeUpdateOffer& offer) {
    ImGui::PushStyleColor(ImGuiCol_Text, ui::palette().warning);
    ImGui::TextUnformatted(ICON_WARNING);
    ImGui::PopStyleColor();
    ImGui::SameLine();
    if (offer.held.empty()) {
        ImGui::TextWrapped("%s", (not_carried_sentence(offer.format) + " " + i18n::tr("This map has none of them.")).c_str());
        return;
    }
    ImGui::TextWrapped("%s", i18n::trf("{format} files do not carry everything a map holds. The update leaves these as they are in this map:",
                                       {{"format", interchange_format_name(offer.format)}}).c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", not_carried_sentence(offer.format).c_str());
    // As wide as the dialog: a table's own width in a window that sizes itself to its content would be nothing.
    if (!ImGui::BeginTable("held", 2, ImGuiTableFlags_SizingStretchSame, {ImGui::GetContentRegionAvail().x, 0})) return;
    for (const auto& item : offer.held) {
        ImGui::TableNextColumn();
        ImGui::Bullet();
        ImGui::TextWrapped("%s", item.c_str());
    }
    ImGui::EndTable();
}

}  // namespace

bool offer_interchange_update(AppState& app, const std::string& file_name, Map& imported) {
    const auto format = interchange_format_of(file_name);
    if (!format) return false;
    std::optional<Map> library_map = matching_library_map(app, *format, file_name, imported);
    if (!library_map) return false;
    InterchangeUpdateOffer offer;
    offer.file_name = file_name;
    offer.format = *format;
    offer.notices = app.open_notices;
    offer.map_id = library_map->id;
    offer.map_title = library_map->title;
    offer.keep = plan_interchange_update(*library_map, imported, *format, false);
    offer.remove = plan_interchange_update(*library_map, imported, *format, true);
    offer.held = not_carried_in(*library_map, *format);
    offer.imported = std::move(imported);
    app.interchange_update = std::move(offer);
    return true;
}

void tell_what_the_format_lacks(AppState& app, const std::string& file_name) {
    const auto format = interchange_format_of(file_name);
    if (!format) return;
    app.open_notices.push_back(not_carried_sentence(*format) + " " + i18n::tr("The new map has none of them: the file had none."));
    app.ed.notify(i18n::trf(*format == InterchangeFormat::Mermaid
                                ? "Opened {file} (Mermaid brings no descriptions, pains, surveys or KPIs)"
                                : "Opened {file} (CSV brings no surveys, KPIs, stage goals or colours)",
                            {{"file", file_name}}));
}

void draw_interchange_update_dialog(AppState& app) {
    if (!app.interchange_update) return;
    InterchangeUpdateOffer& offer = *app.interchange_update;
    const std::string title = ui::window_title(i18n::tr("Update a map from this file?"), "Update a map from this file?");
    if (!offer.asked) {
        ImGui::OpenPopup(title.c_str());
        offer.asked = true;
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, {0.5f, 0.5f});
    const float width = std::min(kDialogWidth, vp->WorkSize.x - 32);
    ImGui::SetNextWindowSizeConstraints({width, 0}, {width, vp->WorkSize.y - 32});   // a long list scrolls inside
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        app.interchange_update.reset();   // closed some other way: nothing opens, nothing changes
        return;
    }
    ImGui::PushFont(ui::heading_font(), 0.0f);
    ImGui::TextWrapped("%s", i18n::trf("This file looks like an export of \"{title}\" in your library.", {{"title", offer.map_title}}).c_str());
    ImGui::PopFont();
    ImGui::TextDisabled("%s", offer.file_name.c_str());
    ImGui::TextWrapped("%s", what_the_format_carries(offer.format));
    ImGui::Spacing();
    const InterchangeUpdate& plan = offer.remove_missing ? offer.remove : offer.keep;
    const std::string changes = summary(plan);
    if (changes.empty()) ImGui::TextWrapped("%s", i18n::tr("The file holds nothing new: the map already has everything it carries."));
    else ImGui::TextWrapped("%s", i18n::trf("The update: {changes}.", {{"changes", changes}}).c_str());
    if (!offer.keep.missing.empty()) missing_list(offer, offer.keep);
    ImGui::Spacing();
    not_carried_notice(offer);
    ImGui::Separator();

    enum class Answer { None, Update, New, Cancel } answer = Answer::None;
    if (ImGui::Button(i18n::tr("Update that map")) || ImGui::IsKeyPressed(ImGuiKey_Enter) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter)) answer = Answer::Update;
    ImGui::SameLine();
    if (ImGui::Button(i18n::tr("Open as a new map"))) answer = Answer::New;
    ImGui::SameLine();
    if (ImGui::Button(i18n::tr("Cancel")) || ImGui::IsKeyPressed(ImGuiKey_Escape)) answer = Answer::Cancel;
    if (answer != Answer::None) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    if (answer == Answer::None) return;
    InterchangeUpdateOffer taken = std::move(offer);
    app.interchange_update.reset();
    if (answer == Answer::Update) update_library_map(app, taken);
    else if (answer == Answer::New) open_as_new_map(app, taken);
}

}  // namespace jm
