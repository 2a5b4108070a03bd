#include "ui/core/find.h"

#include <algorithm>

namespace jm::ui {

namespace {

char fold(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

class Finder {
public:
    Finder(const std::string& query, std::size_t limit) : query_(query), limit_(limit) {}

    bool full() const { return hits_.size() >= limit_; }

    void check(FindHit::Where where, const std::string& id, const char* field, const std::string& text) {
        if (!full() && contains_text(text, query_)) hits_.push_back({where, id, field, text});
    }

    void check_list(FindHit::Where where, const std::string& id, const char* field, const std::vector<std::string>& texts) {
        for (const auto& t : texts) check(where, id, field, t);
    }

    std::vector<FindHit> take() { return std::move(hits_); }

private:
    const std::string& query_;
    std::size_t limit_;
    std::vector<FindHit> hits_;
};

void find_in_touchpoint(Finder& f, const Touchpoint& t) {
    using W = FindHit::Where;
    f.check(W::Touchpoint, t.id, "title", t.title);
    f.check(W::Touchpoint, t.id, "description", t.description);
    f.check(W::Touchpoint, t.id, "doing", t.doing);
    f.check(W::Touchpoint, t.id, "thinking", t.thinking);
    f.check(W::Touchpoint, t.id, "channel", t.channel);
    f.check(W::Touchpoint, t.id, "owner", t.owner);
    f.check(W::Touchpoint, t.id, "backstage", t.backstage);
    f.check_list(W::Touchpoint, t.id, "pains", t.pains);
    f.check_list(W::Touchpoint, t.id, "opportunities", t.opportunities);
    f.check_list(W::Touchpoint, t.id, "evidence", t.evidence.quotes);
}

void find_in_stage(Finder& f, const Stage& s) {
    using W = FindHit::Where;
    f.check(W::Stage, s.id, "name", s.name);
    f.check(W::Stage, s.id, "description", s.description);
    f.check(W::Stage, s.id, "goal", s.goal);
    f.check(W::Stage, s.id, "owner", s.owner);
    f.check(W::Stage, s.id, "business_voice", s.business_voice);
    for (const auto& k : s.kpis) f.check(W::Stage, s.id, "kpis", k.name);
    f.check(W::Stage, s.id, "handoff", s.handoff.agreement);
}

void find_in_persona(Finder& f, const Persona& p) {
    using W = FindHit::Where;
    f.check(W::Persona, p.id, "name", p.name);
    f.check(W::Persona, p.id, "job_title", p.job_title);
    f.check(W::Persona, p.id, "goals", p.goals);
    f.check(W::Persona, p.id, "needs", p.needs);
    f.check(W::Persona, p.id, "expectations", p.expectations);
}

}  // namespace

bool contains_text(const std::string& text, const std::string& query) {
    if (query.empty() || query.size() > text.size()) return false;
    auto it = std::search(text.begin(), text.end(), query.begin(), query.end(),
                          [](char a, char b) { return fold(a) == fold(b); });
    return it != text.end();
}

std::vector<FindHit> find_text(const Map& map, const std::string& query, std::size_t limit) {
    Finder f(query, limit);
    if (query.empty()) return {};
    f.check(FindHit::Where::Map, "", "title", map.title);
    f.check(FindHit::Where::Map, "", "description", map.description);
    f.check(FindHit::Where::Map, "", "objective", map.objective);
    for (const auto& s : map.stages) {
        find_in_stage(f, s);
        for (const auto& t : s.touchpoints) {
            if (f.full()) break;
            find_in_touchpoint(f, t);
        }
    }
    for (const auto& p : map.personas) find_in_persona(f, p);
    return f.take();
}

}  // namespace jm::ui
