#include "i18n/i18n.h"
#include "ui/inspector_fields.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "edit/commands.h"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "ui/core/display_names.h"
#include "ui/icons.h"
#include "ui/paragraph_field.h"
#include "ui/theme.h"

namespace jm::ui {

namespace {

// The undo step's name: the field's English name (it also keys the merge of
// one field's edits, so it is never translated there) shown in the language.
std::string field_name(const char* field) { return i18n::tr(field); }

}  // namespace

void commit_touchpoint(EditorState& st, const Touchpoint& before, const Touchpoint& after, const char* field) {
    st.doc.run(set_touchpoint(st.doc.map, after,
                              i18n::trf("Edit {field} of '{name}'", {{"field", field_name(field)}, {"name", short_label(before.title)}}),
                              before.id + "/" + field));
}

void commit_stage(EditorState& st, const Stage& before, const Stage& after, const char* field) {
    st.doc.run(set_stage(st.doc.map, after,
                         i18n::trf("Edit {field} of stage '{name}'", {{"field", field_name(field)}, {"name", short_label(before.name)}}),
                         before.id + "/" + field));
}

void commit_persona(EditorState& st, const Persona& before, const Persona& after, const char* field) {
    st.doc.run(set_persona(st.doc.map, after,
                           i18n::trf("Edit {field} of persona '{name}'", {{"field", field_name(field)}, {"name", short_label(before.name)}}),
                           before.id + "/" + field));
}

void commit_map(EditorState& st, const MapInfo& after, const char* field) {
    st.doc.run(set_map_info(st.doc.map, after, i18n::trf("Edit map {field}", {{"field", field_name(field)}}), std::string("map/") + field));   // i18n: not shown (the undo merge key)
}

void end_field(EditorState& st) {
    if (ImGui::IsItemDeactivatedAfterEdit()) st.doc.history.break_merge();
}

namespace {

bool count_row(const char* label, std::int64_t& count) {
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(label);
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-FLT_MIN);
    long long v = count;
    bool changed = ImGui::InputScalar((std::string("##") + label).c_str(), ImGuiDataType_S64, &v);
    if (changed && v >= 0) count = v;
    return changed && v >= 0;
}

}  // namespace

// Survey answers as counts per answer value, so roll-ups can sum them.
bool survey_editor(Survey& s) {
    bool changed = false;
    // "###" ids: the open state survives a change of language.
    if (ImGui::TreeNode((std::string(i18n::tr("NPS answers (0-10)")) + "###nps-answers").c_str())) {
        if (ImGui::BeginTable("nps", 4)) {
            for (int i = 0; i <= 10; ++i) {
                char label[16];
                std::snprintf(label, sizeof label, "NPS %d", i);
                changed |= count_row(label, s.nps[i]);
            }
            ImGui::EndTable();
        }
        ImGui::TreePop();
    }
    if (ImGui::TreeNode((std::string(i18n::tr("CSAT answers (1-5)")) + "###csat-answers").c_str())) {
        if (ImGui::BeginTable("csat", 4)) {
            for (int i = 0; i < 5; ++i) {
                char label[16];
                std::snprintf(label, sizeof label, "CSAT %d", i + 1);
                changed |= count_row(label, s.csat[i]);
            }
            ImGui::EndTable();
        }
        ImGui::TreePop();
    }
    if (ImGui::TreeNode((std::string(i18n::tr("CES answers (effort)")) + "###ces-answers").c_str())) {
        int scale_index = s.ces_scale == 5 ? 0 : 1;
        ImGui::SetNextItemWidth(160);
        const char* scales[] = {i18n::tr("1 to 5"), i18n::tr("1 to 7")};
        if (ImGui::Combo((std::string(i18n::tr("Scale")) + "###ces-scale").c_str(), &scale_index, scales, IM_ARRAYSIZE(scales))) {
            s.ces_scale = scale_index == 0 ? 5 : 7;
            s.ces.assign(s.ces_scale, 0);   // answers on another scale do not carry over
            changed = true;
        }
        changed |= ImGui::Checkbox(i18n::tr("Low answers mean easy"), &s.ces_low_is_easy);
        if (s.ces.size() != static_cast<std::size_t>(s.ces_scale)) s.ces.assign(s.ces_scale, 0);
        if (ImGui::BeginTable("ces", 4)) {
            for (int i = 0; i < s.ces_scale; ++i) {
                char label[16];
                std::snprintf(label, sizeof label, "CES %d", i + 1);
                changed |= count_row(label, s.ces[i]);
            }
            ImGui::EndTable();
        }
        ImGui::TreePop();
    }
    return changed;
}

bool previous_survey_editor(std::optional<Survey>& previous) {
    bool has = previous.has_value();
    bool changed = false;
    ImGui::PushID("previous-survey");
    if (ImGui::Checkbox(i18n::tr("Previous period's answers"), &has)) {
        previous = has ? std::optional<Survey>(Survey{}) : std::nullopt;
        changed = true;
    }
    if (previous) {
        ImGui::Indent();
        changed |= survey_editor(*previous);
        ImGui::Unindent();
    }
    ImGui::PopID();
    return changed;
}

void inspector_heading(const char* kind, const std::string& name) {
    ImGui::TextDisabled("%s", kind);
    ImGui::PushFont(heading_font(), ImGui::GetStyle().FontSizeBase * 1.25f);
    ImGui::TextWrapped("%s", name.empty() ? i18n::tr("(untitled)") : name.c_str());
    ImGui::PopFont();
}

void field_label(const char* text) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(text);
    ImGui::SameLine(150);
    ImGui::SetNextItemWidth(-FLT_MIN);
}

bool text_field(const char* label, std::string& value) {
    field_label(label);
    // field_label draws the visible text; "##label" keeps the item's identity.
    const std::string id = std::string("##") + label;
    escape_keeps_text(id.c_str());
    return ImGui::InputText(id.c_str(), &value);
}

bool optional_number(const char* label, std::optional<double>& value, const char* format) {
    field_label(label);
    std::string text;
    if (value) {
        char buf[64];
        std::snprintf(buf, sizeof buf, format, *value);
        text = buf;
    }
    ImGui::PushID(label);
    bool changed = false;
    // Text rather than InputDouble, so "empty" (not known) is a real state, not 0.
    escape_keeps_text("##n");
    if (ImGui::InputTextWithHint("##n", i18n::tr("not known"), &text, ImGuiInputTextFlags_CharsScientific)) {
        if (text.empty()) {
            value.reset();
            changed = true;
        } else {
            char* end = nullptr;
            double v = std::strtod(text.c_str(), &end);
            if (end && *end == 0) {
                value = v;
                changed = true;
            }
        }
    }
    ImGui::PopID();
    return changed;
}

bool optional_count(const char* label, std::optional<std::int64_t>& value) {
    std::optional<double> d;
    if (value) d = static_cast<double>(*value);
    if (!optional_number(label, d, "%.0f")) return false;
    if (d && *d < 0) return false;   // counts are never negative
    value = d ? std::optional<std::int64_t>(static_cast<std::int64_t>(*d)) : std::nullopt;
    return true;
}

bool friction_slider(const char* label, int& friction) {
    field_label(label);
    ImGui::PushStyleColor(ImGuiCol_SliderGrab, ImGui::ColorConvertU32ToFloat4(friction_color(friction)));
    ImGui::PushStyleColor(ImGuiCol_SliderGrabActive, ImGui::ColorConvertU32ToFloat4(friction_color(friction)));
    const char* words[] = {i18n::tr("none"), i18n::tr("low"), i18n::tr("some"),
                           i18n::tr("medium"), i18n::tr("high"), i18n::tr("blocking")};
    // The word beside the slider, not in it: inside, the grab covered it and a
    // narrow inspector cut it. Its column fits the longest word.
    const float spacing = ImGui::GetStyle().ItemInnerSpacing.x;
    float word_w = 0;
    for (const char* w : words) word_w = std::max(word_w, ImGui::CalcTextSize(w).x);
    ImGui::SetNextItemWidth(std::max(60.0f, ImGui::GetContentRegionAvail().x - word_w - spacing));
    bool changed = ImGui::SliderInt((std::string("##") + label).c_str(), &friction, 0, 5, "%d / 5", ImGuiSliderFlags_AlwaysClamp);
    ImGui::PopStyleColor(2);
    ImGui::SameLine(0, spacing);
    ImGui::TextUnformatted(words[std::clamp(friction, 0, 5)]);
    return changed;
}

bool emotion_picker(const char* label, int& emotion) {
    field_label(label);
    bool changed = false;
    ImGui::PushID(label);
    const char* names[] = {i18n::tr("very negative"), i18n::tr("negative"), i18n::tr("neutral"),
                           i18n::tr("positive"), i18n::tr("very positive")};
    // Five equal buttons sharing the field's width, so +2 is never cut at the inspector's edge.
    constexpr float kGap = 4;
    const float button_w = std::floor((ImGui::GetContentRegionAvail().x - 4 * kGap) / 5);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, {2, ImGui::GetStyle().FramePadding.y});
    for (int e = -2; e <= 2; ++e) {
        if (e > -2) ImGui::SameLine(0, kGap);
        char text[32];
        std::snprintf(text, sizeof text, "%s%+d##e%d", icon::for_emotion(e), e, e + 2);
        bool on = emotion == e;
        if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (ImGui::Button(text, {button_w, 0})) {
            changed = emotion != e;
            emotion = e;
        }
        if (on) ImGui::PopStyleColor();
        ImGui::SetItemTooltip("%s", names[e + 2]);
    }
    ImGui::PopStyleVar();
    ImGui::PopID();
    return changed;
}

bool channel_combo(const char* label, std::string& channel) {
    field_label(label);
    bool changed = false;
    ImGui::PushID(label);
    // Known channels by their name in the language; the map keeps the key ("search").
    std::string preview = channel.empty() ? std::string(i18n::tr("(none)")) : std::string(icon::for_channel(channel.c_str())) + "  " + channel_name(channel);
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::BeginCombo("##channel", preview.c_str(), ImGuiComboFlags_HeightLarge)) {
        for (const auto& c : known_channels()) {
            std::string item = std::string(icon::for_channel(c.c_str())) + "  " + channel_name(c) + "##" + c;
            if (ImGui::Selectable(item.c_str(), c == channel)) {
                channel = c;
                changed = true;
            }
        }
        ImGui::Separator();
        ImGui::TextDisabled("%s", i18n::tr("Or type any channel:"));
        ImGui::SetNextItemWidth(-FLT_MIN);
        changed |= ImGui::InputText("##free", &channel);
        ImGui::EndCombo();
    }
    ImGui::PopID();
    return changed;
}

bool team_field(const char* label, std::string& team, const Map& map) {
    field_label(label);
    ImGui::PushID(label);
    ImGui::SetNextItemWidth(-40);
    escape_keeps_text("##team");
    bool changed = ImGui::InputTextWithHint("##team", i18n::tr("Marketing, Sales, Service..."), &team);
    ImGui::SameLine();
    if (ImGui::ArrowButton("##teams", ImGuiDir_Down)) ImGui::OpenPopup("teams");
    if (ImGui::BeginPopup("teams")) {
        // Suggestions in the language in use; what is picked becomes the map's text.
        std::set<std::string> teams = {i18n::tr("Marketing"), i18n::tr("Sales"), i18n::tr("Service"),
                                       i18n::tr("Success"), i18n::tr("Product")};
        for (const auto& s : map.stages) {
            if (!s.owner.empty()) teams.insert(s.owner);
            for (const auto& t : s.touchpoints)
                if (!t.owner.empty()) teams.insert(t.owner);
        }
        for (const auto& t : teams)
            if (ImGui::Selectable(t.c_str(), t == team)) {
                team = t;
                changed = true;
            }
        ImGui::EndPopup();
    }
    ImGui::PopID();
    return changed;
}

}  // namespace jm::ui
