#include "edit/memory_estimate.h"

#include <cstdint>

namespace jm {

// Bookkeeping a general-purpose allocator adds to each block (glibc and
// emmalloc both spend about this much).
static constexpr std::size_t kBlockOverhead = 16;
// A node of std::map: three links, a colour, the key and the value.
static constexpr std::size_t kMapNodeHeader = 32;

// Helpers for parts no caller asks about; static rather than in an unnamed
// namespace so that they overload the public heap_bytes().
template <typename T>
static std::size_t storage_bytes(const std::vector<T>& v) {
    return v.capacity() == 0 ? 0 : v.capacity() * sizeof(T) + kBlockOverhead;
}

static std::size_t heap_bytes(const Kpi& k) {
    return heap_bytes(k.id) + heap_bytes(k.name) + heap_bytes(k.unit) + heap_bytes(k.unknown);
}

static std::size_t heap_bytes(const Handoff& h) {
    return heap_bytes(h.from_team) + heap_bytes(h.to_team) + heap_bytes(h.agreement) + heap_bytes(h.unknown);
}

static std::size_t heap_bytes(const Evidence& e) { return heap_bytes(e.quotes) + heap_bytes(e.source) + heap_bytes(e.unknown); }

static std::size_t heap_bytes(const Firmographics& f) {
    return heap_bytes(f.company_size) + heap_bytes(f.industry) + heap_bytes(f.region) + heap_bytes(f.unknown);
}

std::size_t heap_bytes(const std::string& s) {
    // Short strings live inside the object (small-string optimisation): the
    // data pointer then points into the string itself.
    auto data = reinterpret_cast<std::uintptr_t>(s.data());
    auto self = reinterpret_cast<std::uintptr_t>(&s);
    bool inline_buffer = data >= self && data < self + sizeof(std::string);
    return inline_buffer ? 0 : s.capacity() + 1 + kBlockOverhead;
}

std::size_t heap_bytes(const std::vector<std::string>& v) {
    std::size_t n = storage_bytes(v);
    for (const auto& s : v) n += heap_bytes(s);
    return n;
}

std::size_t heap_bytes(const UnknownFields& u) {
    std::size_t n = 0;
    for (const auto& [key, value] : u)
        n += kMapNodeHeader + sizeof(key) + sizeof(value) + kBlockOverhead + heap_bytes(key) + heap_bytes(value);
    return n;
}

std::size_t heap_bytes(const Survey& s) { return storage_bytes(s.ces) + heap_bytes(s.unknown); }

std::size_t heap_bytes(const Period& p) { return heap_bytes(p.label) + heap_bytes(p.unknown); }

std::size_t heap_bytes(const Touchpoint& t) {
    std::size_t n = 0;
    for (const std::string* s : {&t.id, &t.title, &t.description, &t.doing, &t.thinking, &t.channel, &t.owner, &t.backstage})
        n += heap_bytes(*s);
    n += heap_bytes(t.persona_ids) + heap_bytes(t.pains) + heap_bytes(t.opportunities);
    n += heap_bytes(t.evidence) + heap_bytes(t.survey) + heap_bytes(t.unknown);
    if (t.survey_previous) n += heap_bytes(*t.survey_previous);
    return n;
}

std::size_t heap_bytes(const Stage& s) {
    std::size_t n = 0;
    for (const std::string* x : {&s.id, &s.name, &s.description, &s.goal, &s.owner, &s.business_voice}) n += heap_bytes(*x);
    n += storage_bytes(s.kpis);
    for (const auto& k : s.kpis) n += heap_bytes(k);
    n += heap_bytes(s.handoff) + heap_bytes(s.unknown);
    if (s.survey) n += heap_bytes(*s.survey);
    n += storage_bytes(s.touchpoints);
    for (const auto& t : s.touchpoints) n += heap_bytes(t);
    return n;
}

std::size_t heap_bytes(const Persona& p) {
    std::size_t n = 0;
    for (const std::string* x : {&p.id, &p.name, &p.job_title, &p.goals, &p.needs, &p.research_channels, &p.expectations,
                                 &p.loyalty_factors, &p.color})
        n += heap_bytes(*x);
    return n + heap_bytes(p.firmographics) + heap_bytes(p.unknown);
}

std::size_t heap_bytes(const Map& m) {
    std::size_t n = 0;
    for (const std::string* x : {&m.id, &m.title, &m.description, &m.objective, &m.segment, &m.author, &m.currency,
                                 &m.created, &m.modified})
        n += heap_bytes(*x);
    n += storage_bytes(m.lanes) + storage_bytes(m.stages) + storage_bytes(m.personas);
    for (const auto& s : m.stages) n += heap_bytes(s);
    for (const auto& p : m.personas) n += heap_bytes(p);
    n += heap_bytes(m.period) + heap_bytes(m.unknown);
    if (m.period_previous) n += heap_bytes(*m.period_previous);
    return n;
}

std::size_t approx_bytes(const Touchpoint& t) { return sizeof(Touchpoint) + heap_bytes(t); }
std::size_t approx_bytes(const Stage& s) { return sizeof(Stage) + heap_bytes(s); }
std::size_t approx_bytes(const Persona& p) { return sizeof(Persona) + heap_bytes(p); }
std::size_t approx_bytes(const Map& m) { return sizeof(Map) + heap_bytes(m); }

}  // namespace jm
