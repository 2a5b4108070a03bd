#include "ui/core/find.h"

#include <utility>

#include "ui/core/text_fold.h"

namespace jm::ui {

namespace {

// Folds each text into one reused scratch string and looks for the folded query in it;
// the byte range in the original text is worked out for hits only.
class Finder {
public:
    Finder(std::string folded_query, std::size_t limit) : query_(std::move(folded_query)), limit_(limit) {}

    bool full() const { return hits_.size() >= limit_; }

    void check(FindHit::Where where, const std::string& id, const char* field, const std::string& text) {
        if (full() || text.empty()) return;
        // string_view::find: memchr on the first byte, then a compare (faster here
        // than std::boyer_moore_horspool_searcher, measured on bench_find).
        const std::size_t at = fold_for_search(text, scratch_).find(query_);
        if (at == std::string_view::npos) return;
        auto [begin, end] = fold_with_offsets(text).source_range(at, at + query_.size());
        hits_.push_back({where, id, field, text, begin, end});
    }

    void check_list(FindHit::Where where, const std::string& id, const char* field, const std::vector<std::string>& texts) {
        for (const auto& t : texts) check(where, id, field, t);
    }

    std::vector<FindHit> take() { return std::move(hits_); }

private:
    std::string query_;
    std::size_t limit_;
    std::string scratch_;
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

std::optional<TextMatch> match_text(std::string_view text, std::string_view query) {
    const std::string q = fold_for_search(query);
    if (q.empty()) return std::nullopt;
    FoldedText folded = fold_with_offsets(text);
    const std::size_t at = folded.folded.find(q);
    if (at == std::string::npos) return std::nullopt;
    auto [begin, end] = folded.source_range(at, at + q.size());
    return TextMatch{begin, end};
}

bool contains_text(const std::string& text, const std::string& query) {
    const std::string q = fold_for_search(query);
    return !q.empty() && fold_for_search(text).find(q) != std::string::npos;
}

std::vector<FindHit> find_text(const Map& map, const std::string& query, std::size_t limit) {
    std::string folded = fold_for_search(query);
    if (folded.empty() || limit == 0) return {};
    Finder f(std::move(folded), limit);
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
