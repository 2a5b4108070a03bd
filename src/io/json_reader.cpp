#include "io/json_reader.h"

#include <algorithm>
#include <cmath>

#include "i18n/i18n.h"
#include "io/limits.h"

namespace jm {

namespace {

// Counts stay below 2^53 so that JavaScript (the editor's page, JSON Schema tools)
// reads them exactly; the schema's "maximum" for counts is the same figure.
constexpr long double kMaxCount = 9.0e15L;

// Integral numbers, including 3.0 (as JSON Schema's "integer" counts them).
std::optional<long double> integral(const Json& v) {
    if (v.is_number_integer()) return v.is_number_unsigned() ? static_cast<long double>(v.get<std::uint64_t>())
                                                             : static_cast<long double>(v.get<std::int64_t>());
    if (v.is_number_float()) {
        double d = v.get<double>();
        if (std::isfinite(d) && std::floor(d) == d) return d;
    }
    return std::nullopt;
}

// "must be ..., got ..." for a value that is not a count.
std::string count_problem(const Json& value, std::optional<long double> v) {
    const std::string got = value.is_number() ? value.dump() : kind_of(value);
    if (v && *v > kMaxCount) return i18n::trf("must be at most 9000000000000000, got {value}", {{"value", got}});
    return i18n::trf("must be a whole number of 0 or more, got {value}", {{"value", got}});
}

// A SAX parser that records where parsing failed instead of throwing, so the
// same code works in a WebAssembly build without exception support, and that
// stops once the document has more than limits::kMaxJsonValues values, before
// they take the memory (nlohmann calls these members by name, not virtually).
class QuietParser : public nlohmann::detail::json_sax_dom_parser<Json> {
    using Base = nlohmann::detail::json_sax_dom_parser<Json>;

public:
    explicit QuietParser(Json& out) : Base(out, false) {}
    template <class Exception>
    bool parse_error(std::size_t, const std::string&, const Exception& ex) {
        message = ex.what();
        return false;
    }
    bool null() { return counted() && Base::null(); }
    bool boolean(bool v) { return counted() && Base::boolean(v); }
    bool number_integer(Json::number_integer_t v) { return counted() && Base::number_integer(v); }
    bool number_unsigned(Json::number_unsigned_t v) { return counted() && Base::number_unsigned(v); }
    bool number_float(Json::number_float_t v, const Json::string_t& s) { return counted() && Base::number_float(v, s); }
    bool string(Json::string_t& v) { return counted() && Base::string(v); }
    bool binary(Json::binary_t& v) { return counted() && Base::binary(v); }
    bool start_object(std::size_t n) { return counted() && Base::start_object(n); }
    bool start_array(std::size_t n) { return counted() && Base::start_array(n); }

    std::string message;
    bool too_many_values = false;

private:
    bool counted() {
        if (++values_ <= limits::kMaxJsonValues) return true;
        too_many_values = true;
        return false;
    }
    std::size_t values_ = 0;
};

}  // namespace

std::string pointer_join(const std::string& base, const std::string& key) {
    std::string out = base + "/";
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

std::string pointer_join(const std::string& base, std::size_t index) { return base + "/" + std::to_string(index); }

bool is_hex_colour(std::string_view text) {
    if (text.size() != 7 || text[0] != '#') return false;
    return std::all_of(text.begin() + 1, text.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    });
}

std::string kind_of(const Json& j) {
    switch (j.type()) {
        case Json::value_t::null: return i18n::tr("null");
        case Json::value_t::object: return i18n::tr("an object");
        case Json::value_t::array: return i18n::tr("an array");
        case Json::value_t::string: return i18n::tr("a string");
        case Json::value_t::boolean: return i18n::tr("true/false");
        case Json::value_t::number_float:
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned: return i18n::tr("a number");
        default: return i18n::tr("something else");
    }
}

void JsonReader::problem(const std::string& path, std::string message) {
    if (!full()) problems_.push_back({path, std::move(message)});
}

bool JsonReader::object(const Json& j, const std::string& path) {
    if (j.is_object()) return true;
    problem(path, i18n::trf("must be an object, got {kind}", {{"kind", kind_of(j)}}));
    return false;
}

void JsonReader::text(const Json& obj, const std::string& path, const char* key, std::string& out, bool required) {
    auto it = obj.find(key);
    if (it == obj.end()) {
        if (required) problem(pointer_join(path, key), i18n::trf("missing required field \"{field}\"", {{"field", key}}));
        return;
    }
    if (!it->is_string()) {
        problem(pointer_join(path, key), i18n::trf("must be a string, got {kind}", {{"kind", kind_of(*it)}}));
        return;
    }
    const std::string& value = it->get_ref<const std::string&>();
    if (const std::size_t chars = limits::char_count(value); chars > limits::kMaxTextChars) {
        problem(pointer_join(path, key), limits::text_too_long(chars));
        return;
    }
    out = value;
}

void JsonReader::integer(const Json& obj, const std::string& path, const char* key, int& out, int lo, int hi, bool required) {
    auto it = obj.find(key);
    if (it == obj.end()) {
        if (required) problem(pointer_join(path, key), i18n::trf("missing required field \"{field}\"", {{"field", key}}));
        return;
    }
    auto v = integral(*it);
    if (!v) {
        problem(pointer_join(path, key), i18n::trf("must be a whole number, got {value}", {{"value", it->is_number() ? it->dump() : kind_of(*it)}}));
        return;
    }
    if (*v < lo || *v > hi) {
        problem(pointer_join(path, key), i18n::trf("{field} must be between {min} and {max}, got {value}",
                                                       {{"field", key}, {"min", std::to_string(lo)}, {"max", std::to_string(hi)}, {"value", it->dump()}}));
        return;
    }
    out = static_cast<int>(*v);
}

void JsonReader::optional_integer(const Json& obj, const std::string& path, const char* key, std::optional<int>& out, int lo, int hi) {
    if (!obj.contains(key)) return;
    int v = lo;
    std::size_t before = problems_.size();
    integer(obj, path, key, v, lo, hi);
    if (problems_.size() == before) out = v;
}

void JsonReader::count(const Json& obj, const std::string& path, const char* key, std::optional<std::int64_t>& out) {
    auto it = obj.find(key);
    if (it == obj.end()) return;
    auto v = integral(*it);
    if (!v || *v < 0 || *v > kMaxCount) {
        problem(pointer_join(path, key), std::string(key) + " " + count_problem(*it, v));
        return;
    }
    out = static_cast<std::int64_t>(*v);
}

void JsonReader::number(const Json& obj, const std::string& path, const char* key, std::optional<double>& out) {
    auto it = obj.find(key);
    if (it == obj.end()) return;
    if (!it->is_number()) {
        problem(pointer_join(path, key), i18n::trf("must be a number, got {kind}", {{"kind", kind_of(*it)}}));
        return;
    }
    out = it->get<double>();
}

void JsonReader::boolean(const Json& obj, const std::string& path, const char* key, bool& out) {
    auto it = obj.find(key);
    if (it == obj.end()) return;
    if (!it->is_boolean()) {
        problem(pointer_join(path, key), i18n::trf("must be true or false, got {kind}", {{"kind", kind_of(*it)}}));
        return;
    }
    out = it->get<bool>();
}

void JsonReader::text_list(const Json& obj, const std::string& path, const char* key, std::vector<std::string>& out) {
    auto it = obj.find(key);
    if (it == obj.end()) return;
    std::string p = pointer_join(path, key);
    if (!it->is_array()) {
        problem(p, i18n::trf("must be a list of strings, got {kind}", {{"kind", kind_of(*it)}}));
        return;
    }
    if (!within(it->size(), limits::kMaxListItems, p, "entries", "per list")) return;
    for (std::size_t i = 0; i < it->size(); ++i) {
        const Json& v = (*it)[i];
        if (!v.is_string()) {
            problem(pointer_join(p, i), i18n::trf("must be a string, got {kind}", {{"kind", kind_of(v)}}));
        } else if (const std::size_t chars = limits::char_count(v.get_ref<const std::string&>()); chars > limits::kMaxTextChars) {
            problem(pointer_join(p, i), limits::text_too_long(chars));
        } else {
            out.push_back(v.get<std::string>());
        }
    }
}

bool JsonReader::within(std::size_t size, std::size_t limit, const std::string& path, std::string_view items, std::string_view per) {
    if (size <= limit) return true;
    problem(path, limits::too_many(items, limit, per, size));
    return false;
}

bool JsonReader::counts(const Json& obj, const std::string& path, const char* key, std::vector<std::int64_t>& out, std::size_t size) {
    auto it = obj.find(key);
    if (it == obj.end()) return false;
    std::string p = pointer_join(path, key);
    if (!it->is_array()) {
        problem(p, i18n::trf("must be a list of answer counts, got {kind}", {{"kind", kind_of(*it)}}));
        return false;
    }
    if (size > 0 && it->size() != size) {
        problem(p, i18n::trf("must have exactly {count} counts, got {found}", {{"count", std::to_string(size)}, {"found", std::to_string(it->size())}}));
        return false;
    }
    out.clear();
    bool ok = true;
    for (std::size_t i = 0; i < it->size(); ++i) {
        auto v = integral((*it)[i]);
        if (!v || *v < 0 || *v > kMaxCount) {
            problem(pointer_join(p, i), count_problem((*it)[i], v));
            ok = false;
            out.push_back(0);
        } else {
            out.push_back(static_cast<std::int64_t>(*v));
        }
    }
    return ok;
}

UnknownFields JsonReader::unknown(const Json& obj, std::initializer_list<const char*> known) {
    UnknownFields out;
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        bool is_known = false;
        for (const char* k : known) is_known = is_known || it.key() == k;
        if (!is_known) out[it.key()] = it.value().dump(-1, ' ', false, Json::error_handler_t::replace);
    }
    return out;
}

std::optional<std::string> nesting_problem(std::string_view text) {
    int depth = 0, line = 1;
    std::size_t line_start = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\') ++i;   // the escaped character cannot end the string
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limits::kMaxNestingDepth)
                return i18n::trf("nested too deeply: at line {line}, column {column} a list or object opens level {level}; "
                                 "the limit is {limit} levels of '[' and '{'",
                                 {{"line", std::to_string(line)}, {"column", std::to_string(i - line_start + 1)},
                                  {"level", std::to_string(depth)}, {"limit", std::to_string(limits::kMaxNestingDepth)}});
        } else if (c == ']' || c == '}') {
            depth = depth > 0 ? depth - 1 : 0;
        }
        if (c == '\n') {   // inside strings too: a raw line break is still a line of the file
            ++line;
            line_start = i + 1;
        }
    }
    return std::nullopt;
}

std::optional<Json> parse_json(std::string_view text, std::string& error) {
    Json out;
    QuietParser parser(out);
    bool ok = Json::sax_parse(text.begin(), text.end(), &parser, nlohmann::detail::input_format_t::json, true);
    if (ok && !out.is_discarded()) return out;
    if (parser.too_many_values) {
        error = limits::too_many("values", limits::kMaxJsonValues, "(numbers, texts, lists and objects) per file");
        return std::nullopt;
    }
    // "[json.exception.parse_error.101] parse error at line 3, column 7: syntax error ..." -> the readable part
    std::string msg = parser.message;
    auto bracket = msg.find("] ");
    if (bracket != std::string::npos && msg.rfind("[json.exception", 0) == 0) msg = msg.substr(bracket + 2);
    // nlohmann's own description of the syntax error stays in English.
    error = msg.empty() ? std::string(i18n::tr("not JSON")) : i18n::trf("not JSON: {detail}", {{"detail", msg}});
    return std::nullopt;
}

}  // namespace jm
