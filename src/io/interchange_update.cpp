// Bringing a Mermaid or CSV file's work into the library map it was exported
// from (io/interchange_update.h). The update is computed as the library map
// with the file's carried fields written in (by id, keeping everything else),
// and diff() of the two gives the by-id changes: the same engine as compare and
// merge, so the undo step is exact.
#include "io/interchange_update.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "i18n/i18n.h"
#include "io/file_name.h"
#include "io/text_encoding.h"

namespace jm {

namespace {

// What the exports write for an empty name (io/mermaid.cpp, io/csv.cpp): read
// back, they stand for the empty name again.
constexpr std::string_view kUnnamedStage = "(unnamed stage)";
constexpr std::string_view kUntitled = "(untitled)";
constexpr std::string_view kUnnamedPersona = "(unnamed persona)";

// ---- Names -------------------------------------------------------------------------

char32_t next_code_point(std::string_view s, std::size_t& p) {
    const auto c = static_cast<unsigned char>(s[p]);
    const std::size_t w = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (p + w > s.size()) return static_cast<char32_t>(static_cast<unsigned char>(s[p++]));
    char32_t cp = w == 1 ? c : w == 2 ? c & 0x1F : w == 3 ? c & 0x0F : c & 0x07;
    for (std::size_t i = 1; i < w; ++i) cp = (cp << 6) | (static_cast<unsigned char>(s[p + i]) & 0x3F);
    p += w;
    return cp;
}

bool is_edge_space(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x3000; }

// Upper to lower case for the scripts workshop names are written in here
// (Latin with its accents, Greek, Cyrillic); other characters have no case.
char32_t lower(char32_t c) {
    if (c >= 'A' && c <= 'Z') return c + 32;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;
    if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) return c | 1;
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return c % 2 ? c + 1 : c;
    if (c == 0x178) return 0xFF;
    if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 0x20;
    if (c >= 0x410 && c <= 0x42F) return c + 0x20;
    if (c >= 0x400 && c <= 0x40F) return c + 0x50;
    return c;
}

std::string_view trimmed(std::string_view s) {
    std::size_t begin = 0, end = 0;
    for (std::size_t p = 0; p < s.size();) {
        const std::size_t at = p;
        const bool space = is_edge_space(next_code_point(s, p));
        if (!space) {
            if (end == 0) begin = at;
            end = p;
        }
    }
    return end == 0 ? std::string_view() : s.substr(begin, end - begin);
}

std::string stage_name_in(std::string_view file_name) { return file_name == kUnnamedStage ? std::string() : std::string(file_name); }
std::string card_title_in(std::string_view file_title) { return file_title == kUntitled ? std::string() : std::string(file_title); }
std::string stage_key(std::string_view name) { return name_key(stage_name_in(trimmed(name))); }
std::string card_key(std::string_view title) { return name_key(card_title_in(trimmed(title))); }
std::string persona_key(std::string_view name) { return name_key(trimmed(name) == kUnnamedPersona ? std::string_view() : name); }

std::string_view file_stem(std::string_view name) {
    if (const std::size_t slash = name.find_last_of("/\\"); slash != std::string_view::npos) name.remove_prefix(slash + 1);
    if (const std::size_t dot = name.rfind('.'); dot != std::string_view::npos && dot > 0) name = name.substr(0, dot);
    if (name.size() > 2 && name.back() == ')') {
        std::size_t open = name.size() - 1;
        while (open > 0 && name[open - 1] >= '0' && name[open - 1] <= '9') --open;
        if (open > 0 && open < name.size() - 1 && name[open - 1] == '(') {
            name = name.substr(0, open - 1);
            while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
        }
    }
    return name;
}

std::string lower_extension(std::string_view name) {
    const std::size_t dot = name.rfind('.');
    std::string ext(dot == std::string_view::npos ? std::string_view() : name.substr(dot));
    for (char& c : ext)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return ext;
}

// The one score a Mermaid task has for a card (io/mermaid.h): the mean of the
// scores its emotion and friction stand for, rounded down.
int mermaid_score(const Touchpoint& tp) {
    const int from_emotion = std::clamp(tp.emotion, -2, 2) + 3;
    const int from_friction = std::clamp(5 - tp.friction, 1, 5);
    return (from_emotion + from_friction) / 2;
}

// A list as the CSV reader gives it back: items trimmed, empty ones dropped.
std::vector<std::string> as_read_back(const std::vector<std::string>& items) {
    std::vector<std::string> out;
    for (const auto& item : items)
        if (auto t = trimmed(item); !t.empty()) out.emplace_back(t);
    return out;
}

// ---- Which card of the file is which card of the library map ----------------------

struct CardAt {
    int stage = -1;   // in the library map; -1: a new card
    int index = -1;
};

class Matcher {
public:
    Matcher(const Map& library, const Map& imported) : lib_(library), in_(imported) {
        stage_of.assign(in_.stages.size(), -1);
        card_of.resize(in_.stages.size());
        for (std::size_t f = 0; f < in_.stages.size(); ++f) card_of[f].assign(in_.stages[f].touchpoints.size(), {});
        stage_used.assign(lib_.stages.size(), false);
        card_used.resize(lib_.stages.size());
        for (std::size_t l = 0; l < lib_.stages.size(); ++l) card_used[l].assign(lib_.stages[l].touchpoints.size(), false);
    }

    void run() {
        stages_by_name();
        for (std::size_t f = 0; f < in_.stages.size(); ++f)
            if (stage_of[f] >= 0) cards_in_stage(f);
        cards_across_stages();
        renamed_stages();
        for (std::size_t f = 0; f < in_.stages.size(); ++f)
            if (stage_of[f] >= 0) renamed_cards(f);
    }

    std::vector<int> stage_of;                   // file stage -> library stage, -1: new
    std::vector<std::vector<CardAt>> card_of;    // file card -> library card
    std::vector<bool> stage_used;                // library stages matched
    std::vector<std::vector<bool>> card_used;    // library cards matched

private:
    void stages_by_name() {
        std::unordered_map<std::string, std::vector<int>> by_key;
        for (std::size_t l = lib_.stages.size(); l-- > 0;) by_key[stage_key(lib_.stages[l].name)].push_back(static_cast<int>(l));
        for (std::size_t f = 0; f < in_.stages.size(); ++f) {
            auto it = by_key.find(stage_key(in_.stages[f].name));
            if (it == by_key.end() || it->second.empty()) continue;
            stage_of[f] = it->second.back();   // the first of that name not taken yet
            it->second.pop_back();
            stage_used[static_cast<std::size_t>(stage_of[f])] = true;
        }
    }

    void match(std::size_t f, std::size_t j, int l, int i) {
        card_of[f][j] = {l, i};
        card_used[static_cast<std::size_t>(l)][static_cast<std::size_t>(i)] = true;
    }

    void cards_in_stage(std::size_t f) {
        const int l = stage_of[f];
        const auto& lib_cards = lib_.stages[static_cast<std::size_t>(l)].touchpoints;
        std::unordered_map<std::string, std::vector<int>> by_key;
        for (std::size_t i = lib_cards.size(); i-- > 0;) by_key[card_key(lib_cards[i].title)].push_back(static_cast<int>(i));
        const auto& cards = in_.stages[f].touchpoints;
        for (std::size_t j = 0; j < cards.size(); ++j) {
            auto it = by_key.find(card_key(cards[j].title));
            if (it == by_key.end() || it->second.empty()) continue;
            match(f, j, l, it->second.back());
            it->second.pop_back();
        }
    }

    // A title now in another stage: the card moved there.
    void cards_across_stages() {
        std::unordered_map<std::string, std::vector<CardAt>> by_key;
        for (std::size_t l = lib_.stages.size(); l-- > 0;) {
            const auto& cards = lib_.stages[l].touchpoints;
            for (std::size_t i = cards.size(); i-- > 0;)
                if (!card_used[l][i]) by_key[card_key(cards[i].title)].push_back({static_cast<int>(l), static_cast<int>(i)});
        }
        for (std::size_t f = 0; f < in_.stages.size(); ++f) {
            const auto& cards = in_.stages[f].touchpoints;
            for (std::size_t j = 0; j < cards.size(); ++j) {
                if (card_of[f][j].stage >= 0) continue;
                auto it = by_key.find(card_key(cards[j].title));
                if (it == by_key.end() || it->second.empty()) continue;
                match(f, j, it->second.back().stage, it->second.back().index);
                it->second.pop_back();
            }
        }
    }

    // A file stage with a new name that holds most of the cards of a library
    // stage the file has no name for, and is mostly made of them: that stage, renamed.
    void renamed_stages() {
        for (std::size_t f = 0; f < in_.stages.size(); ++f) {
            if (stage_of[f] >= 0) continue;
            std::unordered_map<int, std::size_t> tally;
            for (const CardAt& at : card_of[f])
                if (at.stage >= 0 && !stage_used[static_cast<std::size_t>(at.stage)]) ++tally[at.stage];
            int best = -1;
            std::size_t best_count = 0;
            for (const auto& [l, count] : tally)
                if (count > best_count || (count == best_count && l < best)) best = l, best_count = count;
            if (best < 0) continue;
            const std::size_t lib_cards = lib_.stages[static_cast<std::size_t>(best)].touchpoints.size();
            if (2 * best_count < std::max(card_of[f].size(), lib_cards)) continue;
            stage_of[f] = best;
            stage_used[static_cast<std::size_t>(best)] = true;
        }
    }

    // Between two cards that kept their title, as many new titles in the file as
    // cards gone from the library stage: those cards, renamed, in order.
    void renamed_cards(std::size_t f) {
        const int l = stage_of[f];
        const auto& used = card_used[static_cast<std::size_t>(l)];
        const int lib_count = static_cast<int>(used.size());
        std::vector<std::size_t> pending;   // file cards with no match since the last anchor
        int previous = -1;                  // the library index of the last anchor
        const std::size_t count = card_of[f].size();
        for (std::size_t j = 0; j <= count; ++j) {
            const bool end = j == count;
            if (!end && card_of[f][j].stage < 0) {
                pending.push_back(j);
                continue;
            }
            if (!end && card_of[f][j].stage != l) continue;   // moved in from another stage: no anchor here
            const int next = end ? lib_count : card_of[f][j].index;
            if (next > previous && !pending.empty()) {
                std::vector<int> gone;
                for (int i = previous + 1; i < next; ++i)
                    if (!used[static_cast<std::size_t>(i)]) gone.push_back(i);
                if (gone.size() == pending.size())
                    for (std::size_t k = 0; k < gone.size(); ++k) match(f, pending[k], l, gone[k]);
            }
            pending.clear();
            previous = next;
        }
    }

    const Map& lib_;
    const Map& in_;
};

// ---- The updated map ---------------------------------------------------------------

// Items `kept` (by their index in the library list) put back among `placed`
// (library indexes or -1 for new items, in the result's order): each right after
// the nearest library item before it that is placed, else first. Returns the
// order as indexes into placed (>= 0) or kept items (-1 - k).
std::vector<int> interleave(const std::vector<int>& placed, const std::vector<int>& kept, std::size_t library_size) {
    std::vector<bool> is_placed(library_size, false);
    for (int l : placed)
        if (l >= 0) is_placed[static_cast<std::size_t>(l)] = true;
    std::vector<bool> is_kept(library_size, false);
    for (int l : kept) is_kept[static_cast<std::size_t>(l)] = true;
    std::vector<std::vector<int>> after(library_size + 1);   // [0]: first; [l + 1]: after library item l
    int last = -1;
    for (std::size_t l = 0; l < library_size; ++l) {
        if (is_placed[l]) last = static_cast<int>(l);
        else if (is_kept[l]) after[static_cast<std::size_t>(last + 1)].push_back(static_cast<int>(l));
    }
    std::vector<int> order;
    for (int l : after[0]) order.push_back(-1 - l);
    for (std::size_t p = 0; p < placed.size(); ++p) {
        order.push_back(static_cast<int>(p));
        if (placed[p] >= 0)
            for (int l : after[static_cast<std::size_t>(placed[p]) + 1]) order.push_back(-1 - l);
    }
    return order;
}

class Updater {
public:
    Updater(const Map& library, const Map& imported, InterchangeFormat format, const Matcher& m)
        : lib_(library), in_(imported), format_(format), m_(m), target_(library) {
        taken_.insert(library.id);
        for (const auto& p : library.personas) taken_.insert(p.id);
        for (const auto& s : library.stages) {
            taken_.insert(s.id);
            for (const auto& k : s.kpis) taken_.insert(k.id);
            for (const auto& t : s.touchpoints) taken_.insert(t.id);
        }
        for (const auto& p : library.personas) personas_by_key_[persona_key(p.name)].push_back(p.id);
        for (const auto& p : library.personas) persona_keys_[p.id] = persona_key(p.name);
        for (const auto& p : imported.personas) imported_names_[p.id] = p.name;
    }

    Map build(bool remove_missing) {
        if (format_ == InterchangeFormat::Mermaid) {
            const std::string description(trimmed(in_.description));
            if (!description.empty() && std::string(trimmed(lib_.description)) != description) target_.description = description;
        }
        std::vector<Stage> stages;
        std::vector<int> placed;
        for (std::size_t f = 0; f < in_.stages.size(); ++f) {
            stages.push_back(stage_from_file(f, remove_missing));
            placed.push_back(m_.stage_of[f]);
        }
        std::vector<int> kept;
        if (!remove_missing)
            for (std::size_t l = 0; l < lib_.stages.size(); ++l)
                if (!m_.stage_used[l]) kept.push_back(static_cast<int>(l));
        target_.stages.clear();
        for (int k : interleave(placed, kept, lib_.stages.size())) {
            if (k >= 0) target_.stages.push_back(std::move(stages[static_cast<std::size_t>(k)]));
            else target_.stages.push_back(kept_stage(static_cast<std::size_t>(-1 - k)));
        }
        for (auto& p : new_personas_) target_.personas.push_back(std::move(p));
        return std::move(target_);
    }

private:
    std::string fresh_id(const char* prefix) {
        static const Map empty;
        for (;;) {
            std::string id = new_id(empty, prefix);
            if (taken_.insert(id).second) return id;
        }
    }

    Stage stage_from_file(std::size_t f, bool remove_missing) {
        const Stage& file = in_.stages[f];
        const int l = m_.stage_of[f];
        Stage stage;
        if (l >= 0) {
            stage = lib_.stages[static_cast<std::size_t>(l)];
            const std::string name = stage_name_in(file.name);
            if (std::string(trimmed(stage.name)) != name) stage.name = name;
        } else {
            stage.id = fresh_id("stage");
            stage.name = stage_name_in(file.name);
        }
        std::vector<Touchpoint> cards;
        std::vector<int> placed;
        for (std::size_t j = 0; j < file.touchpoints.size(); ++j) {
            const CardAt at = m_.card_of[f][j];
            cards.push_back(at.stage >= 0 ? updated_card(file.touchpoints[j], at) : new_card(file.touchpoints[j]));
            placed.push_back(at.stage == l && l >= 0 ? at.index : -1);
        }
        stage.touchpoints.clear();
        std::vector<int> kept;
        if (l >= 0 && !remove_missing) {
            const auto& used = m_.card_used[static_cast<std::size_t>(l)];
            for (std::size_t i = 0; i < used.size(); ++i)
                if (!used[i]) kept.push_back(static_cast<int>(i));
        }
        const auto& lib_cards = l >= 0 ? lib_.stages[static_cast<std::size_t>(l)].touchpoints : file.touchpoints;
        for (int k : interleave(placed, kept, l >= 0 ? lib_cards.size() : 0)) {
            if (k >= 0) stage.touchpoints.push_back(std::move(cards[static_cast<std::size_t>(k)]));
            else stage.touchpoints.push_back(lib_cards[static_cast<std::size_t>(-1 - k)]);
        }
        return stage;
    }

    // A library stage the file does not have, with the cards that stayed in it.
    Stage kept_stage(std::size_t l) const {
        Stage stage = lib_.stages[l];
        stage.touchpoints.clear();
        for (std::size_t i = 0; i < lib_.stages[l].touchpoints.size(); ++i)
            if (!m_.card_used[l][i]) stage.touchpoints.push_back(lib_.stages[l].touchpoints[i]);
        return stage;
    }

    Touchpoint updated_card(const Touchpoint& file, CardAt at) {
        Touchpoint card = lib_.stages[static_cast<std::size_t>(at.stage)].touchpoints[static_cast<std::size_t>(at.index)];
        const std::string title = card_title_in(file.title);
        if (std::string(trimmed(card.title)) != title) card.title = title;
        if (format_ == InterchangeFormat::Mermaid) {
            // emotion = score - 3 on import: the score the file gives the card.
            const int score = file.emotion + 3;
            if (mermaid_score(card) != score) {
                card.emotion = score - 3;
                card.friction = 5 - score;
            }
        } else {
            card.friction = file.friction;
            card.emotion = file.emotion;
            if (card.description != file.description) card.description = file.description;
            if (card.channel != file.channel) card.channel = file.channel;
            if (card.owner != file.owner) card.owner = file.owner;
            if (as_read_back(card.pains) != file.pains) card.pains = file.pains;
            if (as_read_back(card.opportunities) != file.opportunities) card.opportunities = file.opportunities;
        }
        card.persona_ids = personas_for(file, &card);
        return card;
    }

    Touchpoint new_card(const Touchpoint& file) {
        Touchpoint card = file;
        card.id = fresh_id("tp");
        card.title = card_title_in(file.title);
        card.persona_ids = personas_for(file, nullptr);
        return card;
    }

    // The library's persona ids for the names the file gives a card: the card's
    // own persona of that name first, then the first of that name, else a new
    // persona. The card's list is kept as it is when it names the same personas.
    std::vector<std::string> personas_for(const Touchpoint& file, const Touchpoint* card) {
        std::vector<std::string> ids;
        for (const auto& file_id : file.persona_ids) {
            auto name = imported_names_.find(file_id);
            if (name == imported_names_.end()) continue;
            const std::string key = persona_key(name->second);
            std::string id;
            if (card)
                for (const auto& own : card->persona_ids)
                    if (persona_keys_.count(own) && persona_keys_[own] == key && std::find(ids.begin(), ids.end(), own) == ids.end()) {
                        id = own;
                        break;
                    }
            if (id.empty())
                if (auto it = personas_by_key_.find(key); it != personas_by_key_.end())
                    for (const auto& candidate : it->second)
                        if (std::find(ids.begin(), ids.end(), candidate) == ids.end()) {
                            id = candidate;
                            break;
                        }
            if (id.empty()) id = add_persona(name->second, key);
            if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
        }
        if (!card) return ids;
        std::vector<std::string> kept, added;
        for (const auto& own : card->persona_ids)
            if (std::find(ids.begin(), ids.end(), own) != ids.end()) kept.push_back(own);
        for (const auto& id : ids)
            if (std::find(card->persona_ids.begin(), card->persona_ids.end(), id) == card->persona_ids.end()) added.push_back(id);
        if (added.empty() && kept.size() == card->persona_ids.size()) return card->persona_ids;
        kept.insert(kept.end(), added.begin(), added.end());
        return kept;
    }

    std::string add_persona(const std::string& name, const std::string& key) {
        Persona p;
        p.id = fresh_id("persona");
        p.name = std::string(trimmed(name)) == kUnnamedPersona ? std::string() : name;
        personas_by_key_[key].push_back(p.id);
        persona_keys_[p.id] = key;
        new_personas_.push_back(p);
        return p.id;
    }

    const Map& lib_;
    const Map& in_;
    InterchangeFormat format_;
    const Matcher& m_;
    Map target_;
    std::unordered_set<std::string> taken_;
    std::unordered_map<std::string, std::vector<std::string>> personas_by_key_;   // name key -> ids, in order
    std::unordered_map<std::string, std::string> persona_keys_;                   // id -> name key
    std::unordered_map<std::string, std::string> imported_names_;                 // the file's persona id -> name
    std::vector<Persona> new_personas_;
};

std::vector<MissingItem> missing_items(const Map& library, const Matcher& m) {
    std::vector<MissingItem> out;
    for (std::size_t l = 0; l < library.stages.size(); ++l) {
        const Stage& s = library.stages[l];
        if (!m.stage_used[l]) out.push_back({EntityKind::Stage, s.id, s.name, ""});
        for (std::size_t i = 0; i < s.touchpoints.size(); ++i)
            if (!m.card_used[l][i]) out.push_back({EntityKind::Touchpoint, s.touchpoints[i].id, s.touchpoints[i].title, s.name});
    }
    return out;
}

// ---- What a map has that a format does not carry ----------------------------------

bool survey_has_answers(const Survey& s) {
    auto any = [](const auto& counts) { return std::any_of(counts.begin(), counts.end(), [](std::int64_t n) { return n != 0; }); };
    return any(s.nps) || any(s.csat) || any(s.ces);
}

struct Holdings {
    long long described_cards = 0;   // description, channel or owner
    long long pains = 0, opportunities = 0;
    long long noted_cards = 0;       // doing, thinking or backstage
    long long evidence_cards = 0;
    long long target_cards = 0;      // to-be scores
    long long surveys = 0;
    long long kpis = 0;
    long long detailed_stages = 0;   // description, goal, owner, business voice, hand-off
    long long funnel_figures = 0;    // stage funnel counts, card volumes
    long long detailed_personas = 0;
    bool persona_colours = false;
    bool business_figures = false;
    bool map_details = false;        // objective, segment, author
    bool map_description = false;
};

bool period_has_figures(const Period& p) {
    return p.customers_start || p.customers_lost || p.customers_acquired || p.revenue_start || p.revenue_expansion ||
           p.revenue_contraction || p.revenue_churned || p.arpa || p.gross_margin || p.cac;
}

Holdings holdings_of(const Map& map) {
    Holdings h;
    for (const auto& s : map.stages) {
        h.kpis += static_cast<long long>(s.kpis.size());
        h.surveys += (s.survey && survey_has_answers(*s.survey)) + (s.survey_previous && survey_has_answers(*s.survey_previous));
        h.detailed_stages += !s.description.empty() || !s.goal.empty() || !s.owner.empty() || !s.business_voice.empty() ||
                             !s.handoff.from_team.empty() || !s.handoff.to_team.empty() || !s.handoff.agreement.empty();
        h.funnel_figures += s.funnel_count.has_value() + s.funnel_count_previous.has_value();
        for (const auto& t : s.touchpoints) {
            h.described_cards += !t.description.empty() || !t.channel.empty() || !t.owner.empty();
            h.pains += static_cast<long long>(t.pains.size());
            h.opportunities += static_cast<long long>(t.opportunities.size());
            h.noted_cards += !t.doing.empty() || !t.thinking.empty() || !t.backstage.empty();
            h.evidence_cards += !t.evidence.quotes.empty() || !t.evidence.source.empty();
            h.target_cards += t.target_friction.has_value() || t.target_emotion.has_value();
            h.surveys += survey_has_answers(t.survey) + (t.survey_previous && survey_has_answers(*t.survey_previous));
            h.funnel_figures += t.volume.has_value();
        }
    }
    for (const auto& p : map.personas) {
        h.persona_colours = h.persona_colours || !p.color.empty();
        h.detailed_personas += !p.job_title.empty() || !p.goals.empty() || !p.needs.empty() || !p.research_channels.empty() ||
                               !p.expectations.empty() || !p.loyalty_factors.empty() || !p.firmographics.company_size.empty() ||
                               !p.firmographics.industry.empty() || !p.firmographics.region.empty();
    }
    h.business_figures = period_has_figures(map.period) || (map.period_previous && period_has_figures(*map.period_previous));
    h.map_details = !map.objective.empty() || !map.segment.empty() || !map.author.empty();
    h.map_description = !map.description.empty();
    return h;
}

}  // namespace

std::optional<InterchangeFormat> interchange_format_of(std::string_view file_name) {
    const std::string ext = lower_extension(file_name);
    if (ext == ".mmd" || ext == ".mermaid") return InterchangeFormat::Mermaid;
    if (ext == ".csv") return InterchangeFormat::Csv;
    return std::nullopt;
}

const char* interchange_format_name(InterchangeFormat format) { return format == InterchangeFormat::Mermaid ? "Mermaid" : "CSV"; }

std::string name_key(std::string_view name) {
    const std::string_view t = trimmed(name);
    std::string out;
    out.reserve(t.size());
    for (std::size_t p = 0; p < t.size();) append_utf8(out, lower(next_code_point(t, p)));
    return out;
}

std::string title_of_file_name(std::string_view file_name) { return std::string(trimmed(file_stem(file_name))); }

bool is_export_of(InterchangeFormat format, std::string_view file_name, const Map& imported, std::string_view library_title) {
    const std::string title = name_key(library_title);
    if (format == InterchangeFormat::Mermaid && name_key(imported.title) == title) return true;
    const std::string stem = name_key(title_of_file_name(file_name));
    if (stem.empty()) return false;
    return stem == title || stem == name_key(safe_file_stem(library_title, lower_extension(file_name)));
}

std::size_t resemblance(const Map& library, const Map& imported) {
    std::unordered_set<std::string> stages, cards;
    for (const auto& s : library.stages) {
        stages.insert(stage_key(s.name));
        for (const auto& t : s.touchpoints) cards.insert(card_key(t.title));
    }
    std::size_t shared = 0;
    for (const auto& s : imported.stages) {
        shared += stages.count(stage_key(s.name));
        for (const auto& t : s.touchpoints) shared += cards.count(card_key(t.title));
    }
    return shared;
}

std::size_t InterchangeUpdate::missing_count(EntityKind kind) const {
    return static_cast<std::size_t>(std::count_if(missing.begin(), missing.end(), [&](const MissingItem& m) { return m.kind == kind; }));
}

InterchangeUpdate plan_interchange_update(const Map& library, const Map& imported, InterchangeFormat format, bool remove_missing) {
    Matcher matcher(library, imported);
    matcher.run();
    const Map updated = Updater(library, imported, format, matcher).build(remove_missing);
    MapDiff d = diff(library, updated);
    InterchangeUpdate plan;
    plan.changes = std::move(d.changes);
    plan.counts = d.counts;
    plan.missing = missing_items(library, matcher);
    return plan;
}

std::vector<std::string> not_carried(InterchangeFormat format) {
    std::vector<std::string> out;
    if (format == InterchangeFormat::Mermaid) {
        out.push_back(i18n::tr("card descriptions, channels and owners"));
        out.push_back(i18n::tr("pains and opportunities"));
        out.push_back(i18n::tr("emotion and friction apart (one score from 1 to 5 stands for both)"));
    } else {
        out.push_back(i18n::tr("the map's title and description"));
    }
    out.push_back(i18n::tr("doing, thinking and backstage notes"));
    out.push_back(i18n::tr("evidence"));
    out.push_back(i18n::tr("to-be scores"));
    out.push_back(i18n::tr(format == InterchangeFormat::Csv ? "survey answers (the nps, csat and ces columns are summaries)" : "surveys"));
    out.push_back(i18n::tr("KPIs"));
    out.push_back(i18n::tr("stage goals, owners and hand-offs"));
    out.push_back(i18n::tr("funnel counts and volumes"));
    out.push_back(i18n::tr("persona details and colours"));
    out.push_back(i18n::tr("business figures"));
    out.push_back(i18n::tr("the map's objective, segment and author"));
    return out;
}

std::vector<std::string> not_carried_in(const Map& map, InterchangeFormat format) {
    const Holdings h = holdings_of(map);
    std::vector<std::string> out;
    auto counted = [&](const char* key, long long n) {
        if (n > 0) out.push_back(i18n::trn(key, n));
    };
    if (format == InterchangeFormat::Mermaid) {
        counted("descriptions, channels or owners on {n} cards", h.described_cards);
        counted("{n} pains", h.pains);
        counted("{n} opportunities", h.opportunities);
    } else if (h.map_description) {
        out.push_back(i18n::tr("the map's description"));
    }
    counted("notes on {n} cards (doing, thinking, backstage)", h.noted_cards);
    counted("evidence on {n} cards", h.evidence_cards);
    counted("to-be scores on {n} cards", h.target_cards);
    counted("{n} surveys", h.surveys);
    counted("{n} KPIs", h.kpis);
    counted("details of {n} stages (goals, owners, hand-offs)", h.detailed_stages);
    counted("{n} funnel counts and volumes", h.funnel_figures);
    counted("details of {n} personas", h.detailed_personas);
    if (h.persona_colours) out.push_back(i18n::tr("persona colours"));
    if (h.business_figures) out.push_back(i18n::tr("business figures"));
    if (h.map_details) out.push_back(i18n::tr("the map's objective, segment or author"));
    return out;
}

}  // namespace jm
