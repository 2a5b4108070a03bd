#include "ui/inspector_fields.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "edit/commands.h"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "ui/icons.h"
#include "ui/paragraph_field.h"
#include "ui/theme.h"

namespace jm::ui {

namespace {

std::string quoted(const std::string& s) { return "'" + short_label(s) + "'"; }

}  // namespace

void commit_touchpoint(EditorState& st, const Touchpoint& before, const Touchpoint& after, const char* field) {
    st.doc.run(set_touchpoint(st.doc.map, after, std::string("Edit ") + field + " of " + quoted(before.title), before.id + "/" + field));
}

void commit_stage(EditorState& st, const Stage& before, const Stage& after, const char* field) {
    st.doc.run(set_stage(st.doc.map, after, std::string("Edit ") + field + " of stage " + quoted(before.name), before.id + "/" + field));
}

void commit_persona(EditorState& st, const Persona& before, const Persona& after, const char* field) {
    st.doc.run(set_persona(st.doc.map, after, std::string("Edit ") + field + " of persona " + quoted(before.name), before.id + "/" + field));
}

void commit_map(EditorState& st, const MapInfo& after, const char* field) {
    st.doc.run(set_map_info(st.doc.map, after, std::string("Edit map ") + field, std::string("map/") + field));
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
    if (ImGui::TreeNode("NPS answers (0-10)")) {
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
    if (ImGui::TreeNode("CSAT answers (1-5)")) {
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
    if (ImGui::TreeNode("CES answers (effort)")) {
        int scale_index = s.ces_scale == 5 ? 0 : 1;
        ImGui::SetNextItemWidth(160);
        if (ImGui::Combo("Scale", &scale_index, "1 to 5\0" "1 to 7\0")) {
            s.ces_scale = scale_index == 0 ? 5 : 7;
            s.ces.assign(s.ces_scale, 0);   // answers on another scale do not carry over
            changed = true;
        }
        changed |= ImGui::Checkbox("Low answers mean easy", &s.ces_low_is_easy);
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
    if (ImGui::Checkbox("Previous period's answers", &has)) {
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
    ImGui::TextWrapped("%s", name.empty() ? "(untitled)" : name.c_str());
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
    if (ImGui::InputTextWithHint("##n", "not known", &text, ImGuiInputTextFlags_CharsScientific)) {
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
    static const char* kWords[] = {"none", "low", "some", "medium", "high", "blocking"};
    // The word beside the slider, not in it: inside, the grab covered it and a
    // narrow inspector cut it. Its column fits the longest word.
    const float spacing = ImGui::GetStyle().ItemInnerSpacing.x;
    const float word_w = ImGui::CalcTextSize("blocking").x;
    ImGui::SetNextItemWidth(std::max(60.0f, ImGui::GetContentRegionAvail().x - word_w - spacing));
    bool changed = ImGui::SliderInt((std::string("##") + label).c_str(), &friction, 0, 5, "%d / 5", ImGuiSliderFlags_AlwaysClamp);
    ImGui::PopStyleColor(2);
    ImGui::SameLine(0, spacing);
    ImGui::TextUnformatted(kWords[std::clamp(friction, 0, 5)]);
    return changed;
}

bool emotion_picker(const char* label, int& emotion) {
    field_label(label);
    bool changed = false;
    ImGui::PushID(label);
    static const char* kNames[] = {"very negative", "negative", "neutral", "positive", "very positive"};
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
        ImGui::SetItemTooltip("%s", kNames[e + 2]);
    }
    ImGui::PopStyleVar();
    ImGui::PopID();
    return changed;
}

bool channel_combo(const char* label, std::string& channel) {
    field_label(label);
    bool changed = false;
    ImGui::PushID(label);
    std::string preview = channel.empty() ? "(none)" : std::string(icon::for_channel(channel.c_str())) + "  " + channel;
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::BeginCombo("##channel", preview.c_str(), ImGuiComboFlags_HeightLarge)) {
        for (const auto& c : known_channels()) {
            std::string item = std::string(icon::for_channel(c.c_str())) + "  " + c;
            if (ImGui::Selectable(item.c_str(), c == channel)) {
                channel = c;
                changed = true;
            }
        }
        ImGui::Separator();
        ImGui::TextDisabled("Or type any channel:");
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
    bool changed = ImGui::InputTextWithHint("##team", "Marketing, Sales, Service...", &team);
    ImGui::SameLine();
    if (ImGui::ArrowButton("##teams", ImGuiDir_Down)) ImGui::OpenPopup("teams");
    if (ImGui::BeginPopup("teams")) {
        std::set<std::string> teams = {"Marketing", "Sales", "Service", "Success", "Product"};
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
