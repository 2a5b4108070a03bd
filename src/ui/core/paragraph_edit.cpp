#include "ui/core/paragraph_edit.h"

#include <algorithm>

#include "edit/commands.h"
#include "i18n/i18n.h"

namespace jm::ui {

namespace {

// The slot's text inside its owner (one of the four kinds); nullptr when the
// slot belongs to another kind.
std::string* text_of(Touchpoint& t, ParagraphSlot slot) {
    switch (slot) {
        case ParagraphSlot::Description: return &t.description;
        case ParagraphSlot::Doing: return &t.doing;
        case ParagraphSlot::Thinking: return &t.thinking;
        case ParagraphSlot::Backstage: return &t.backstage;
        default: return nullptr;
    }
}
std::vector<std::string>* list_of(Touchpoint& t, ParagraphSlot slot) {
    switch (slot) {
        case ParagraphSlot::Pains: return &t.pains;
        case ParagraphSlot::Opportunities: return &t.opportunities;
        case ParagraphSlot::Quotes: return &t.evidence.quotes;
        default: return nullptr;
    }
}
std::string* text_of(Stage& s, ParagraphSlot slot) {
    switch (slot) {
        case ParagraphSlot::StageDescription: return &s.description;
        case ParagraphSlot::Goal: return &s.goal;
        case ParagraphSlot::BusinessVoice: return &s.business_voice;
        case ParagraphSlot::HandoffAgreement: return &s.handoff.agreement;
        default: return nullptr;
    }
}
std::string* text_of(Persona& p, ParagraphSlot slot) {
    switch (slot) {
        case ParagraphSlot::Goals: return &p.goals;
        case ParagraphSlot::Needs: return &p.needs;
        case ParagraphSlot::ResearchChannels: return &p.research_channels;
        case ParagraphSlot::Expectations: return &p.expectations;
        case ParagraphSlot::LoyaltyFactors: return &p.loyalty_factors;
        default: return nullptr;
    }
}
std::string* text_of(MapInfo& m, ParagraphSlot slot) {
    switch (slot) {
        case ParagraphSlot::MapDescription: return &m.description;
        case ParagraphSlot::Objective: return &m.objective;
        default: return nullptr;
    }
}

// A copy of the field's owner, changed by `change`, as the command that sets it
// (nullptr when the owner is gone, the change refuses, or nothing changed).
template <class Change>
std::unique_ptr<Command> edit(const Map& map, const ParagraphField& f, Change change) {
    const std::string field = field_name(f.slot);   // English: it keys the merge of one field's edits
    const std::string shown = i18n::tr(field.c_str());   // the undo step's name, in the UI's language
    switch (owner_of(f.slot)) {
        case ParagraphOwner::Touchpoint: {
            const Touchpoint* before = find_touchpoint(map, f.id);
            if (!before) return nullptr;
            Touchpoint after = *before;
            if (!change(text_of(after, f.slot), list_of(after, f.slot))) return nullptr;
            return set_touchpoint(map, after, i18n::trf("Edit {field} of '{name}'", {{"field", shown}, {"name", short_label(before->title)}}),
                                  before->id + "/" + field);
        }
        case ParagraphOwner::Stage: {
            const Stage* before = find_stage(map, f.id);
            if (!before) return nullptr;
            Stage after = *before;
            if (!change(text_of(after, f.slot), nullptr)) return nullptr;
            return set_stage(map, after, i18n::trf("Edit {field} of stage '{name}'", {{"field", shown}, {"name", short_label(before->name)}}),
                             before->id + "/" + field);
        }
        case ParagraphOwner::Persona: {
            const Persona* before = find_persona(map, f.id);
            if (!before) return nullptr;
            Persona after = *before;
            if (!change(text_of(after, f.slot), nullptr)) return nullptr;
            return set_persona(map, after, i18n::trf("Edit {field} of persona '{name}'", {{"field", shown}, {"name", short_label(before->name)}}),
                               before->id + "/" + field);
        }
        case ParagraphOwner::Map: {
            MapInfo after = map_info(map);
            if (!change(text_of(after, f.slot), nullptr)) return nullptr;
            return set_map_info(map, after, i18n::trf("Edit map {field}", {{"field", shown}}), "map/" + field);
        }
    }
    return nullptr;
}

}  // namespace

ParagraphOwner owner_of(ParagraphSlot slot) {
    switch (slot) {
        case ParagraphSlot::Description:
        case ParagraphSlot::Doing:
        case ParagraphSlot::Thinking:
        case ParagraphSlot::Backstage:
        case ParagraphSlot::Pains:
        case ParagraphSlot::Opportunities:
        case ParagraphSlot::Quotes: return ParagraphOwner::Touchpoint;
        case ParagraphSlot::StageDescription:
        case ParagraphSlot::Goal:
        case ParagraphSlot::BusinessVoice:
        case ParagraphSlot::HandoffAgreement: return ParagraphOwner::Stage;
        case ParagraphSlot::Goals:
        case ParagraphSlot::Needs:
        case ParagraphSlot::ResearchChannels:
        case ParagraphSlot::Expectations:
        case ParagraphSlot::LoyaltyFactors: return ParagraphOwner::Persona;
        case ParagraphSlot::MapDescription:
        case ParagraphSlot::Objective: return ParagraphOwner::Map;
    }
    return ParagraphOwner::Map;
}

bool is_list(ParagraphSlot slot) {
    return slot == ParagraphSlot::Pains || slot == ParagraphSlot::Opportunities || slot == ParagraphSlot::Quotes;
}

// The same words the inspector's other edits use, so labels and merge keys agree.
const char* field_name(ParagraphSlot slot) {
    switch (slot) {
        case ParagraphSlot::Description: return "description";
        case ParagraphSlot::Doing: return "doing";
        case ParagraphSlot::Thinking: return "thinking";
        case ParagraphSlot::Backstage: return "backstage";
        case ParagraphSlot::Pains: return "pains";
        case ParagraphSlot::Opportunities: return "opportunities";
        case ParagraphSlot::Quotes: return "evidence";
        case ParagraphSlot::StageDescription: return "description";
        case ParagraphSlot::Goal: return "goal";
        case ParagraphSlot::BusinessVoice: return "voice of the business";
        case ParagraphSlot::HandoffAgreement: return "handoff";
        case ParagraphSlot::Goals: return "goals";
        case ParagraphSlot::Needs: return "needs";
        case ParagraphSlot::ResearchChannels: return "research channels";
        case ParagraphSlot::Expectations: return "expectations";
        case ParagraphSlot::LoyaltyFactors: return "loyalty factors";
        case ParagraphSlot::MapDescription: return "description";
        case ParagraphSlot::Objective: return "objective";
    }
    return "text";
}

std::string ParagraphField::key() const {
    std::string k = (id.empty() ? std::string("map") : id) + "/" + field_name(slot);
    if (is_list(slot)) k += "/" + std::to_string(index);
    return k;
}

std::optional<std::size_t> list_size(const Map& map, const ParagraphField& f) {
    if (!is_list(f.slot)) return std::nullopt;
    const Touchpoint* t = find_touchpoint(map, f.id);
    if (!t) return std::nullopt;
    Touchpoint copy = *t;   // list_of wants a mutable item; lists are small
    return list_of(copy, f.slot)->size();
}

std::optional<std::string> paragraph_text(const Map& map, const ParagraphField& f) {
    std::optional<std::string> out;
    // Reads through the same accessors as edit(), on a copy: a change that
    // refuses leaves no command behind.
    (void)edit(map, f, [&](std::string* text, std::vector<std::string>* list) {
        if (list) {
            if (f.index < 0 || static_cast<std::size_t>(f.index) > list->size()) return false;
            out = static_cast<std::size_t>(f.index) == list->size() ? std::string() : (*list)[static_cast<std::size_t>(f.index)];
        } else if (text) {
            out = *text;
        }
        return false;
    });
    return out;
}

std::unique_ptr<Command> remove_list_item(const Map& map, const ParagraphField& f) {
    return edit(map, f, [&](std::string*, std::vector<std::string>* list) {
        if (!list || f.index < 0 || static_cast<std::size_t>(f.index) >= list->size()) return false;
        list->erase(list->begin() + f.index);
        return true;
    });
}

bool blank(const std::string& text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

bool ParagraphSession::begin(Map& map, History& history, const ParagraphField& field) {
    if (open_) end(map, history, ParagraphEnd::Elsewhere);
    std::optional<std::string> now = paragraph_text(map, field);
    if (!now) return false;
    open_ = true;
    field_ = field;
    text_ = start_text_ = *now;
    in_list_ = is_list(field.slot) && static_cast<std::size_t>(field.index) < list_size(map, field).value_or(0);
    content_height = 0;
    ++generation_;
    history.break_merge();   // never folds into an earlier edit of the same field
    revision_ = history.revision();
    return true;
}

void ParagraphSession::write(Map& map, History& history, const std::string& text) {
    if (!is_list(field_.slot)) {
        history.execute(map, edit(map, field_, [&](std::string* t, std::vector<std::string>*) {
            if (!t) return false;
            *t = text;
            return true;
        }));
        return;
    }
    const auto at = static_cast<std::size_t>(field_.index);
    bool keep = !blank(text);
    history.execute(map, edit(map, field_, [&](std::string*, std::vector<std::string>* list) {
        if (!list) return false;
        if (in_list_ && at < list->size()) {
            if (keep) (*list)[at] = text;
            else list->erase(list->begin() + static_cast<std::ptrdiff_t>(at));
        } else if (keep) {
            list->insert(list->begin() + static_cast<std::ptrdiff_t>(std::min(at, list->size())), text);
        } else {
            return false;
        }
        return true;
    }));
    in_list_ = keep;
}

void ParagraphSession::type(Map& map, History& history, const std::string& text) {
    if (!open_ || text == text_) return;
    write(map, history, text);
    text_ = text;
    revision_ = history.revision();
}

void ParagraphSession::end(Map& map, History& history, ParagraphEnd why) {
    if (!open_) return;
    last_end_ = why;
    // An item that was empty when the session began (as a file may hold one)
    // leaves the list too.
    if (why != ParagraphEnd::Gone && is_list(field_.slot) && in_list_ && blank(text_)) {
        history.execute(map, remove_list_item(map, field_));
        in_list_ = false;
    }
    history.break_merge();
    open_ = false;
}

bool ParagraphSession::in_step_with(const Map& map, const History& history) const {
    if (!open_ || history.revision() != revision_) return false;
    return paragraph_text(map, field_).has_value();
}

float paragraph_height(float content_height, float line_height, float min_lines, float padding_y, float max_height) {
    float h = std::max(content_height, line_height * min_lines) + 2 * padding_y;
    return max_height > 0 ? std::min(h, max_height) : h;
}

}  // namespace jm::ui
