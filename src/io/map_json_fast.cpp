// The fast reader of map files: one pass over the text, straight into the model,
// with no JSON document in between. It accepts only what the checked reader
// (map_json_read.cpp) would accept without a single problem, and reads it into
// the same model; at anything else (a problem of any kind, a BOM, an encoding to
// convert, a version 0 file to migrate, a duplicate key, a float the C library
// would read in another locale...) it gives up, and load_map_json runs the
// checked reader, which then reports every problem with its words and JSON
// Pointer. So problems, notices and real migrations only ever come from one
// place. Version 1 files are read here too: their upgrade to version 2 changes
// the number alone (migrate.cpp), and the result says "migrated from 1" as the
// checked reader's does.
//
// Equivalence with the checked reader, rule by rule:
//   - JSON syntax is RFC 8259, exactly as strict as nlohmann's lexer (no comments,
//     no trailing commas, no leading zeros, control characters escaped, strings
//     valid UTF-8 by RFC 3629, \u escapes with paired surrogates);
//   - numbers are read as nlohmann reads them: integers without fraction or
//     exponent as unsigned (>= 0) or signed 64-bit values, and when they do not
//     fit, or have a fraction or exponent, with strtod on the same characters;
//   - limits (io/limits.h): file size, nesting depth, values per file, items per
//     map and per list, characters per text are checked with the same figures;
//   - unknown fields are kept as the checked reader keeps them (a nlohmann value,
//     dumped the same way); a key given twice in one object gives up (nlohmann
//     keeps the last one, which the checked reader then reads).
// tests/unit/test_io_fast_load.cpp checks both readers give the same model for
// every template, test file and fuzz seed, and that the fast one declines the rest.
#include <algorithm>
#include <array>
#include <clocale>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <unordered_set>

#include "io/content_hash.h"
#include "io/json_reader.h"
#include "io/limits.h"
#include "io/map_json.h"
#include "io/text_encoding.h"

namespace jm {

namespace {

// The same bound as the checked reader's counts (json_reader.cpp).
constexpr long double kMaxCount = 9.0e15L;

struct Number {
    enum Kind { Unsigned, Integer, Float } kind = Unsigned;
    std::uint64_t u = 0;
    std::int64_t i = 0;
    double d = 0;

    // The value of a whole number (3.0 too), as JsonReader's integral() sees it.
    bool integral(long double& out) const {
        if (kind == Unsigned) out = static_cast<long double>(u);
        else if (kind == Integer) out = static_cast<long double>(i);
        else if (std::isfinite(d) && std::floor(d) == d) out = d;
        else return false;
        return true;
    }
    // As nlohmann's get<double>() gives it.
    double as_double() const { return kind == Unsigned ? static_cast<double>(u) : kind == Integer ? static_cast<double>(i) : d; }
};

// Length of the valid UTF-8 sequence starting at p (p < end, *p >= 0x80), or 0.
// RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF.
inline std::size_t utf8_length(const unsigned char* p, const unsigned char* end) {
    const auto in = [](unsigned v, unsigned lo, unsigned hi) { return v >= lo && v <= hi; };
    const std::size_t left = static_cast<std::size_t>(end - p);
    const unsigned b = p[0];
    if (in(b, 0xC2, 0xDF)) return left >= 2 && in(p[1], 0x80, 0xBF) ? 2 : 0;
    if (in(b, 0xE0, 0xEF)) {
        const unsigned lo = b == 0xE0 ? 0xA0 : 0x80, hi = b == 0xED ? 0x9F : 0xBF;
        return left >= 3 && in(p[1], lo, hi) && in(p[2], 0x80, 0xBF) ? 3 : 0;
    }
    if (in(b, 0xF0, 0xF4)) {
        const unsigned lo = b == 0xF0 ? 0x90 : 0x80, hi = b == 0xF4 ? 0x8F : 0xBF;
        return left >= 4 && in(p[1], lo, hi) && in(p[2], 0x80, 0xBF) && in(p[3], 0x80, 0xBF) ? 4 : 0;
    }
    return 0;
}

inline int hex_digit(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Every reading function returns false when the text is anything but what a
// problem-free file holds; the caller then stops and the checked reader takes over.
class FastReader {
public:
    explicit FastReader(std::string_view text)
        : p_(reinterpret_cast<const unsigned char*>(text.data())), end_(p_ + text.size()) {}

    bool read(Map& m) {
        if (!map(m)) return false;
        ws();
        return p_ == end_ && ids_and_references(m);
    }
    int version() const { return version_; }

private:
    const unsigned char* p_;
    const unsigned char* end_;
    int version_ = 0;   // as the file declares it
    int depth_ = 0;
    std::size_t values_ = 0;
    std::size_t touchpoints_ = 0;
    std::string key_;   // a key with escapes, decoded

    // ---- JSON -------------------------------------------------------------------

    void ws() {
        while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
    }
    bool at(unsigned char c) {
        ws();
        return p_ < end_ && *p_ == c;
    }
    bool eat(unsigned char c) {
        if (!at(c)) return false;
        ++p_;
        return true;
    }
    bool counted() { return ++values_ <= limits::kMaxJsonValues; }
    bool open(unsigned char c) { return eat(c) && ++depth_ <= limits::kMaxNestingDepth && counted(); }

    // An object; `member(key)` reads each member's value.
    template <typename F>
    bool object(F&& member) {
        if (!open('{')) return false;
        if (!eat('}')) {
            do {
                std::string_view key;
                if (!read_key(key) || !eat(':') || !member(key)) return false;
            } while (eat(','));
            if (!eat('}')) return false;
        }
        --depth_;
        return true;
    }

    // An array of at most `limit` entries; `element()` reads each one.
    template <typename F>
    bool array(std::size_t limit, F&& element) {
        if (!open('[')) return false;
        if (!eat(']')) {
            std::size_t n = 0;
            do {
                if (++n > limit || !element()) return false;
            } while (eat(','));
            if (!eat(']')) return false;
        }
        --depth_;
        return true;
    }

    // The characters of a string after its opening quote, appended to `out` up to
    // and past the closing quote. `out` may be null to check a key without escapes.
    bool string_body(std::string* out) {
        const unsigned char* run = p_;
        while (p_ < end_) {
            const unsigned char c = *p_;
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                ++p_;
            } else if (c >= 0x80) {
                const std::size_t n = utf8_length(p_, end_);
                if (n == 0) return false;
                p_ += n;
            } else if (c == '"') {
                if (out) out->append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(p_ - run));
                ++p_;
                return true;
            } else if (c == '\\') {
                if (!out) return false;
                out->append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(p_ - run));
                if (!escape(*out)) return false;
                run = p_;
            } else {
                return false;   // a control character must be escaped
            }
        }
        return false;
    }

    bool hex4(char32_t& v) {
        if (end_ - p_ < 4) return false;
        v = 0;
        for (int k = 0; k < 4; ++k) {
            const int h = hex_digit(p_[k]);
            if (h < 0) return false;
            v = v * 16 + static_cast<char32_t>(h);
        }
        p_ += 4;
        return true;
    }

    // At a backslash.
    bool escape(std::string& out) {
        if (end_ - p_ < 2) return false;
        const unsigned char c = p_[1];
        p_ += 2;
        switch (c) {
            case '"': out += '"'; return true;
            case '\\': out += '\\'; return true;
            case '/': out += '/'; return true;
            case 'b': out += '\b'; return true;
            case 'f': out += '\f'; return true;
            case 'n': out += '\n'; return true;
            case 'r': out += '\r'; return true;
            case 't': out += '\t'; return true;
            case 'u': break;
            default: return false;
        }
        char32_t cp = 0;
        if (!hex4(cp)) return false;
        if (cp >= 0xDC00 && cp <= 0xDFFF) return false;   // a low surrogate alone
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            char32_t low = 0;
            if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
            p_ += 2;
            if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        append_utf8(out, cp);
        return true;
    }

    bool string(std::string& out) {
        if (!eat('"') || !counted()) return false;
        out.clear();
        return string_body(&out);
    }

    // A key, seen in place when it has no escapes (the usual case).
    bool read_key(std::string_view& key) {
        if (!eat('"')) return false;
        const unsigned char* start = p_;
        const unsigned char* save = p_;
        if (string_body(nullptr)) {
            key = std::string_view(reinterpret_cast<const char*>(start), static_cast<std::size_t>(p_ - 1 - start));
            return true;
        }
        p_ = save;
        key_.clear();
        if (!string_body(&key_)) return false;
        key = key_;
        return true;
    }

    bool number(Number& n) {
        ws();
        if (!counted()) return false;
        const unsigned char* start = p_;
        const bool negative = p_ < end_ && *p_ == '-';
        if (negative) ++p_;
        if (p_ >= end_ || *p_ < '0' || *p_ > '9') return false;
        std::uint64_t mag = 0;
        bool overflow = false;
        if (*p_ == '0') {
            ++p_;
        } else {
            while (p_ < end_ && *p_ >= '0' && *p_ <= '9') {
                const unsigned d = *p_ - '0';
                if (mag > (UINT64_MAX - d) / 10) overflow = true;
                else mag = mag * 10 + d;
                ++p_;
            }
        }
        bool is_float = false;
        if (p_ < end_ && *p_ == '.') {
            is_float = true;
            ++p_;
            if (p_ >= end_ || *p_ < '0' || *p_ > '9') return false;
            while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
        }
        if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
            is_float = true;
            ++p_;
            if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
            if (p_ >= end_ || *p_ < '0' || *p_ > '9') return false;
            while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
        }
        if (!is_float && !overflow) {
            if (!negative) {
                n.kind = Number::Unsigned;
                n.u = mag;
                return true;
            }
            if (mag <= static_cast<std::uint64_t>(INT64_MAX) + 1) {
                n.kind = Number::Integer;
                n.i = mag == static_cast<std::uint64_t>(INT64_MAX) + 1 ? INT64_MIN : -static_cast<std::int64_t>(mag);
                return true;
            }
        }
        // As nlohmann does for a fraction, an exponent or an integer out of range:
        // strtod over the token (in the "C" locale's notation; see fast_path_usable).
        std::string token(reinterpret_cast<const char*>(start), static_cast<std::size_t>(p_ - start));
        n.kind = Number::Float;
        n.d = std::strtod(token.c_str(), nullptr);
        return std::isfinite(n.d);
    }

    bool literal(const char* word) {
        const std::size_t len = std::strlen(word);
        ws();
        if (static_cast<std::size_t>(end_ - p_) < len || std::memcmp(p_, word, len) != 0) return false;
        p_ += len;
        return counted();
    }

    // Any value, as the nlohmann document the checked reader would hold.
    bool any(Json& out) {
        ws();
        if (p_ >= end_) return false;
        switch (*p_) {
            case '{': {
                out = Json::object();
                return object([&](std::string_view key) {
                    std::string k(key);
                    if (out.contains(k)) return false;
                    return any(out[k]);
                });
            }
            case '[': {
                out = Json::array();
                return array(SIZE_MAX, [&] {
                    out.push_back(nullptr);
                    return any(out.back());
                });
            }
            case '"': {
                std::string s;
                if (!string(s)) return false;
                out = std::move(s);
                return true;
            }
            case 't': out = true; return literal("true");
            case 'f': out = false; return literal("false");
            case 'n': out = nullptr; return literal("null");
            default: {
                Number n;
                if (!number(n)) return false;
                if (n.kind == Number::Unsigned) out = n.u;
                else if (n.kind == Number::Integer) out = n.i;
                else out = n.d;
                return true;
            }
        }
    }

    // ---- Fields, with the checked reader's rules (json_reader.cpp) -----------------

    bool unknown(UnknownFields& fields, std::string_view key) {
        std::string k(key);
        if (fields.count(k)) return false;
        Json v;
        if (!any(v)) return false;
        fields.emplace(std::move(k), v.dump(-1, ' ', false, Json::error_handler_t::replace));
        return true;
    }

    bool text(std::string& out) {
        return string(out) && (out.size() <= limits::kMaxTextChars || limits::char_count(out) <= limits::kMaxTextChars);
    }

    bool text_list(std::vector<std::string>& out) {
        out.clear();
        return array(limits::kMaxListItems, [&] {
            out.emplace_back();
            return text(out.back());
        });
    }

    bool integer(int& out, int lo, int hi) {
        Number n;
        long double v = 0;
        if (!number(n) || !n.integral(v) || v < lo || v > hi) return false;
        out = static_cast<int>(v);
        return true;
    }

    bool optional_integer(std::optional<int>& out, int lo, int hi) {
        int v = 0;
        if (!integer(v, lo, hi)) return false;
        out = v;
        return true;
    }

    bool count(std::int64_t& out) {
        Number n;
        long double v = 0;
        if (!number(n) || !n.integral(v) || v < 0 || v > kMaxCount) return false;
        out = static_cast<std::int64_t>(v);
        return true;
    }

    bool count(std::optional<std::int64_t>& out) {
        std::int64_t v = 0;
        if (!count(v)) return false;
        out = v;
        return true;
    }

    bool counts(std::vector<std::int64_t>& out) {
        out.clear();
        return array(SIZE_MAX, [&] {
            out.push_back(0);
            return count(out.back());
        });
    }

    template <std::size_t N>
    bool counts(std::array<std::int64_t, N>& out) {
        std::vector<std::int64_t> v;
        if (!counts(v) || v.size() != N) return false;
        std::copy(v.begin(), v.end(), out.begin());
        return true;
    }

    bool number(std::optional<double>& out) {
        Number n;
        if (!number(n)) return false;
        out = n.as_double();
        return true;
    }

    bool boolean(bool& out) {
        ws();
        if (at('t')) return literal("true") && (out = true, true);
        if (at('f')) return literal("false") && (out = false, true);
        return false;
    }

    template <typename Enum, typename Parse>
    bool enumeration(Enum& out, Parse parse) {
        std::string s;
        if (!string(s)) return false;
        auto v = parse(s);
        if (!v) return false;
        out = *v;
        return true;
    }

    // Each known key at most once per object.
    struct Seen {
        std::uint32_t bits = 0;
        bool first(int bit) {
            const std::uint32_t b = std::uint32_t{1} << bit;
            if (bits & b) return false;
            bits |= b;
            return true;
        }
        bool has(int bit) const { return (bits >> bit) & 1u; }
    };

    // ---- The map, as MapReader reads it -------------------------------------------

    bool map(Map& m) {
        Seen seen;
        bool lanes_given = false;
        const bool ok = object([&](std::string_view k) {
            if (k == "format") {
                std::string f;
                return seen.first(0) && string(f) && f == "journeymap";
            }
            if (k == "version") {
                // The current version, or version 1, whose upgrade changes the number
                // alone (migrate.cpp); 2, 2.0 or 2e0 as check_header takes them.
                Number n;
                if (!seen.first(1) || !number(n)) return false;
                const double v = n.as_double();
                if (v != 1.0 && v != static_cast<double>(kFormatVersion)) return false;
                version_ = static_cast<int>(v);
                return true;
            }
            if (k == "id") return seen.first(2) && text(m.id);
            if (k == "title") return seen.first(3) && text(m.title);
            if (k == "description") return seen.first(4) && text(m.description);
            if (k == "objective") return seen.first(5) && text(m.objective);
            if (k == "segment") return seen.first(6) && text(m.segment);
            if (k == "author") return seen.first(7) && text(m.author);
            if (k == "currency") return seen.first(8) && text(m.currency);
            if (k == "created") return seen.first(9) && text(m.created);
            if (k == "modified") return seen.first(10) && text(m.modified);
            if (k == "lineage") return seen.first(17) && lineage(m.lineage);
            if (k == "lanes") return seen.first(11) && (lanes_given = true) && lanes(m.lanes);
            if (k == "card_detail") return seen.first(12) && enumeration(m.card_detail, card_detail_from_key);
            if (k == "stages") return seen.first(13) && array(limits::kMaxStages, [&] {
                                          m.stages.emplace_back();
                                          return stage(m.stages.back());
                                      });
            if (k == "personas") return seen.first(14) && array(limits::kMaxPersonas, [&] {
                                            m.personas.emplace_back();
                                            return persona(m.personas.back());
                                        });
            if (k == "period") return seen.first(15) && period(m.period);
            if (k == "period_previous") return seen.first(16) && period(m.period_previous.emplace());
            return unknown(m.unknown, k);
        });
        if (!ok) return false;
        for (int required : {0, 1, 2, 3, 13, 14})
            if (!seen.has(required)) return false;
        if (!lanes_given) m.lanes = default_lanes();
        return true;
    }

    bool lineage(Lineage& l) {
        Seen seen;
        return object([&](std::string_view k) {
            if (k == "bases") return seen.first(0) && array(limits::kMaxListItems, [&] {
                                         l.bases.emplace_back();
                                         return ancestor(l.bases.back());
                                     });
            return unknown(l.unknown, k);
        });
    }

    bool ancestor(Ancestor& a) {
        Seen seen;
        const bool ok = object([&](std::string_view k) {
            if (k == "id") return seen.first(0) && text(a.id) && !a.id.empty();
            if (k == "hash") return seen.first(1) && text(a.hash) && is_content_hash(a.hash);
            if (k == "forked") return seen.first(2) && text(a.forked);
            return unknown(a.unknown, k);
        });
        return ok && seen.has(0) && seen.has(1);
    }

    bool lanes(std::vector<Lane>& out) {
        out.clear();
        return array(SIZE_MAX, [&] {
            std::string key;
            if (!string(key)) return false;
            auto lane = lane_from_key(key);
            if (!lane || std::find(out.begin(), out.end(), *lane) != out.end()) return false;
            out.push_back(*lane);
            return true;
        });
    }

    bool persona(Persona& p) {
        Seen seen;
        const bool ok = object([&](std::string_view k) {
            if (k == "id") return seen.first(0) && text(p.id);
            if (k == "name") return seen.first(1) && text(p.name);
            if (k == "kind") return seen.first(2) && enumeration(p.kind, persona_kind_from_key);
            if (k == "role") return seen.first(3) && enumeration(p.role, committee_role_from_key);
            if (k == "job_title") return seen.first(4) && text(p.job_title);
            if (k == "goals") return seen.first(5) && text(p.goals);
            if (k == "needs") return seen.first(6) && text(p.needs);
            if (k == "research_channels") return seen.first(7) && text(p.research_channels);
            if (k == "expectations") return seen.first(8) && text(p.expectations);
            if (k == "loyalty_factors") return seen.first(9) && text(p.loyalty_factors);
            if (k == "firmographics") return seen.first(10) && firmographics(p.firmographics);
            if (k == "color") return seen.first(11) && text(p.color) && colour(p.color);
            return unknown(p.unknown, k);
        });
        return ok && seen.has(0) && seen.has(1);
    }

    static bool colour(const std::string& c) { return c.empty() || is_hex_colour(c); }

    bool firmographics(Firmographics& f) {
        Seen seen;
        return object([&](std::string_view k) {
            if (k == "company_size") return seen.first(0) && text(f.company_size);
            if (k == "industry") return seen.first(1) && text(f.industry);
            if (k == "region") return seen.first(2) && text(f.region);
            return unknown(f.unknown, k);
        });
    }

    bool kpi(Kpi& kp) {
        Seen seen;
        const bool ok = object([&](std::string_view k) {
            if (k == "id") return seen.first(0) && text(kp.id);
            if (k == "name") return seen.first(1) && text(kp.name);
            if (k == "unit") return seen.first(2) && text(kp.unit);
            if (k == "current") return seen.first(3) && number(kp.current);
            if (k == "target") return seen.first(4) && number(kp.target);
            if (k == "previous") return seen.first(5) && number(kp.previous);
            if (k == "direction") return seen.first(6) && enumeration(kp.direction, kpi_direction_from_key);
            return unknown(kp.unknown, k);
        });
        return ok && seen.has(0) && seen.has(1);
    }

    bool survey(Survey& s) {
        Seen seen;
        std::optional<int> scale;
        std::vector<std::int64_t> ces;
        const bool ok = object([&](std::string_view k) {
            if (k == "nps") return seen.first(0) && counts(s.nps);
            if (k == "csat") return seen.first(1) && counts(s.csat);
            if (k == "ces_scale") return seen.first(2) && optional_integer(scale, 0, 1000);
            if (k == "ces_low_is_easy") return seen.first(3) && boolean(s.ces_low_is_easy);
            if (k == "ces") return seen.first(4) && counts(ces);
            return unknown(s.unknown, k);
        });
        if (!ok) return false;
        if (scale) s.ces_scale = *scale;
        if (s.ces_scale != 5 && s.ces_scale != 7) return false;
        if (seen.has(4)) {
            if (ces.size() != static_cast<std::size_t>(s.ces_scale)) return false;
            s.ces = std::move(ces);
        }
        return true;
    }

    bool evidence(Evidence& e) {
        Seen seen;
        return object([&](std::string_view k) {
            if (k == "quotes") return seen.first(0) && text_list(e.quotes);
            if (k == "source") return seen.first(1) && text(e.source);
            return unknown(e.unknown, k);
        });
    }

    bool touchpoint(Touchpoint& t) {
        Seen seen;
        const bool ok = object([&](std::string_view k) {
            if (k == "id") return seen.first(0) && text(t.id);
            if (k == "title") return seen.first(1) && text(t.title);
            if (k == "description") return seen.first(2) && text(t.description);
            if (k == "doing") return seen.first(3) && text(t.doing);
            if (k == "thinking") return seen.first(4) && text(t.thinking);
            if (k == "channel") return seen.first(5) && text(t.channel);
            if (k == "owner") return seen.first(6) && text(t.owner);
            if (k == "backstage") return seen.first(7) && text(t.backstage);
            if (k == "persona_ids") return seen.first(8) && text_list(t.persona_ids);
            if (k == "friction") return seen.first(9) && integer(t.friction, 0, 5);
            if (k == "emotion") return seen.first(10) && integer(t.emotion, -2, 2);
            if (k == "target_friction") return seen.first(11) && optional_integer(t.target_friction, 0, 5);
            if (k == "target_emotion") return seen.first(12) && optional_integer(t.target_emotion, -2, 2);
            if (k == "pains") return seen.first(13) && text_list(t.pains);
            if (k == "opportunities") return seen.first(14) && text_list(t.opportunities);
            if (k == "evidence") return seen.first(15) && evidence(t.evidence);
            if (k == "survey") return seen.first(16) && survey(t.survey);
            if (k == "survey_previous") return seen.first(17) && survey(t.survey_previous.emplace());
            if (k == "volume") return seen.first(18) && count(t.volume);
            return unknown(t.unknown, k);
        });
        return ok && seen.has(0) && seen.has(1);
    }

    bool handoff(Handoff& h) {
        Seen seen;
        return object([&](std::string_view k) {
            if (k == "from_team") return seen.first(0) && text(h.from_team);
            if (k == "to_team") return seen.first(1) && text(h.to_team);
            if (k == "agreement") return seen.first(2) && text(h.agreement);
            return unknown(h.unknown, k);
        });
    }

    bool stage(Stage& s) {
        Seen seen;
        const bool ok = object([&](std::string_view k) {
            if (k == "id") return seen.first(0) && text(s.id);
            if (k == "name") return seen.first(1) && text(s.name);
            if (k == "description") return seen.first(2) && text(s.description);
            if (k == "goal") return seen.first(3) && text(s.goal);
            if (k == "owner") return seen.first(4) && text(s.owner);
            if (k == "business_voice") return seen.first(5) && text(s.business_voice);
            if (k == "kpis") return seen.first(6) && array(limits::kMaxListItems, [&] {
                                        s.kpis.emplace_back();
                                        return kpi(s.kpis.back());
                                    });
            if (k == "funnel_count") return seen.first(7) && count(s.funnel_count);
            if (k == "funnel_count_previous") return seen.first(8) && count(s.funnel_count_previous);
            if (k == "handoff") return seen.first(9) && handoff(s.handoff);
            if (k == "survey") return seen.first(10) && survey(s.survey.emplace());
            if (k == "survey_previous") return seen.first(11) && survey(s.survey_previous.emplace());
            if (k == "touchpoints") return seen.first(12) && array(limits::kMaxTouchpoints, [&] {
                                               if (++touchpoints_ > limits::kMaxTouchpoints) return false;
                                               s.touchpoints.emplace_back();
                                               return touchpoint(s.touchpoints.back());
                                           });
            return unknown(s.unknown, k);
        });
        return ok && seen.has(0) && seen.has(1);
    }

    bool period(Period& p) {
        Seen seen;
        return object([&](std::string_view k) {
            if (k == "label") return seen.first(0) && text(p.label);
            if (k == "customers_start") return seen.first(1) && number(p.customers_start);
            if (k == "customers_lost") return seen.first(2) && number(p.customers_lost);
            if (k == "customers_acquired") return seen.first(3) && number(p.customers_acquired);
            if (k == "revenue_start") return seen.first(4) && number(p.revenue_start);
            if (k == "revenue_expansion") return seen.first(5) && number(p.revenue_expansion);
            if (k == "revenue_contraction") return seen.first(6) && number(p.revenue_contraction);
            if (k == "revenue_churned") return seen.first(7) && number(p.revenue_churned);
            if (k == "arpa") return seen.first(8) && number(p.arpa);
            if (k == "gross_margin") return seen.first(9) && number(p.gross_margin);
            if (k == "cac") return seen.first(10) && number(p.cac);
            return unknown(p.unknown, k);
        });
    }

    // Ids present, unique across the map, and every persona reference known
    // (MapReader's claim_id and check_persona_refs).
    static bool ids_and_references(const Map& m) {
        std::unordered_set<std::string_view> ids;
        std::size_t n = 1 + m.personas.size() + m.stages.size();
        for (const auto& s : m.stages) n += s.kpis.size() + s.touchpoints.size();
        ids.reserve(n);
        const auto claim = [&](const std::string& id) { return !id.empty() && ids.insert(id).second; };
        if (!claim(m.id)) return false;
        for (const auto& s : m.stages) {
            if (!claim(s.id)) return false;
            for (const auto& k : s.kpis)
                if (!claim(k.id)) return false;
            for (const auto& t : s.touchpoints)
                if (!claim(t.id)) return false;
        }
        std::unordered_set<std::string_view> personas;
        personas.reserve(m.personas.size());
        for (const auto& p : m.personas) {
            if (!claim(p.id)) return false;
            personas.insert(p.id);
        }
        for (const auto& s : m.stages)
            for (const auto& t : s.touchpoints)
                for (const auto& ref : t.persona_ids)
                    if (!personas.count(ref)) return false;
        return true;
    }
};

// nlohmann reads numbers with strtod in the current C locale (it swaps '.' for
// the locale's decimal point); this reader hands strtod the file's '.', so it
// is only used where the two agree.
bool fast_path_usable() {
    const std::lconv* lc = std::localeconv();
    return lc && lc->decimal_point && lc->decimal_point[0] == '.' && lc->decimal_point[1] == '\0';
}

}  // namespace

std::optional<LoadResult> load_map_json_fast(std::string_view bytes) {
    if (bytes.size() > limits::kMaxFileBytes || !fast_path_usable()) return std::nullopt;
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") return std::nullopt;   // the checked reader drops it
    Map map;
    FastReader reader(bytes);
    if (!reader.read(map)) return std::nullopt;
    LoadResult result;
    result.map = std::move(map);
    result.source_version = reader.version();
    result.migrated = reader.version() < kFormatVersion;   // as the checked reader's upgrade from version 1 says
    return result;
}

}  // namespace jm
