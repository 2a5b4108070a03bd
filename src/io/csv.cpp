// CSV as spreadsheets write it (RFC 4180, with ',', ';' or tab between cells):
// quoted cells may hold delimiters, quotes and line breaks. A stage is known by
// its name and order: rows of one stage may come in any order in the file and
// still land in the same column.
#include "io/csv.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "i18n/i18n.h"
#include "io/imported_ids.h"
#include "io/limits.h"
#include "io/map_json.h"
#include "io/text_encoding.h"
#include "metrics/survey.h"

namespace jm {

namespace {

enum Column { kStage, kStageOrder, kTitle, kDescription, kChannel, kOwner, kPersonas, kFriction, kEmotion,
              kPains, kOpportunities, kNps, kCsat, kCes, kColumnCount };

constexpr std::array<const char*, kColumnCount> kHeader = {
    "stage", "stage_order", "title", "description", "channel", "owner", "personas", "friction", "emotion",
    "pains", "opportunities", "nps", "csat", "ces"};

constexpr char kPersonaSeparator = ';';
constexpr char kItemSeparator = '|';

// The delimiters import tries, in the order that breaks ties.
constexpr std::array<char, 3> kDelimiters = {',', ';', '\t'};

std::string_view trim(std::string_view s) {
    const std::size_t b = s.find_first_not_of(" \t");
    if (b == std::string_view::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

std::string quoted(std::string_view s) { return "'" + limits::excerpt(s) + "'"; }

// ---- Formulas (OWASP, "CSV Injection") ---------------------------------------------

// A spreadsheet runs a cell that starts with one of these as a formula
// ("=HYPERLINK(...)", "+1", "-2+3", "@SUM(A1)"; tab and CR as Excel trims them).
bool starts_formula(char c) { return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'; }

// Export: one apostrophe before any text cell matching /^'*[=+\-@\t\r]/, so a
// spreadsheet shows it as text. Cells already starting with apostrophes get one
// more, which is what makes import able to tell the two apart.
std::string neutralised(std::string cell) {
    const std::size_t lead = cell.find_first_not_of('\'');
    if (lead != std::string::npos && starts_formula(cell[lead])) cell.insert(0, 1, '\'');
    return cell;
}

// Import: the inverse, one apostrophe off a text cell matching /^'+[=+\-@\t\r]/,
// so that the project's own CSV reads back exactly what was exported.
std::string_view restored(std::string_view cell) {
    const std::size_t lead = cell.find_first_not_of('\'');
    if (lead != std::string_view::npos && lead > 0 && starts_formula(cell[lead])) cell.remove_prefix(1);
    return cell;
}

// ---- Writing ---------------------------------------------------------------------

void add_cell(std::string& out, std::string_view cell, bool first, char delimiter) {
    if (!first) out += delimiter;
    const char specials[] = {delimiter, '"', '\r', '\n', '\0'};
    const bool quote = cell.find_first_of(specials) != std::string_view::npos ||
                       (!cell.empty() && (cell.front() == ' ' || cell.front() == '\t' || cell.back() == ' ' || cell.back() == '\t'));
    if (!quote) {
        out += cell;
        return;
    }
    out += '"';
    for (char c : cell) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

void add_row(std::string& out, const std::array<std::string, kColumnCount>& cells, char delimiter) {
    for (std::size_t i = 0; i < cells.size(); ++i) add_cell(out, cells[i], i == 0, delimiter);
    out += "\r\n";
}

// Items joined with "; " or " | "; a backslash escapes the separator and itself.
std::string join_list(const std::vector<std::string>& items, char separator) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += separator == kItemSeparator ? " | " : "; ";
        for (char c : item) {
            if (c == '\\' || c == separator) out += '\\';
            out += c;
        }
    }
    return out;
}

// 33.333 -> "33.3" (or "33,3"), 40.0 -> "40", never "-0". Whole tenths in
// integers: no locale, and no floating-point to_chars (the WebAssembly library
// lacks it).
std::string one_decimal(double v, char decimal_separator) {
    const long long tenths = std::llround(v * 10);
    const unsigned long long size = static_cast<unsigned long long>(tenths < 0 ? -tenths : tenths);
    std::string s = (tenths < 0 ? "-" : "") + std::to_string(size / 10);
    if (size % 10) s += decimal_separator + std::to_string(size % 10);
    return s;
}

void add_survey_summaries(std::array<std::string, kColumnCount>& cells, const Survey& survey, char decimal_separator) {
    const SurveySummary s = summarize(SurveyCounts(survey), nullptr);
    const auto decimal = [&](double v) { return one_decimal(v, decimal_separator); };
    if (s.nps) cells[kNps] = decimal(*s.nps) + " (n=" + std::to_string(s.promoters + s.passives + s.detractors) + ")";
    if (s.csat) cells[kCsat] = decimal(*s.csat) + "% (n=" + std::to_string(s.csat_answers) + ")";
    if (s.ces_mean && s.ces_scale)
        cells[kCes] = decimal(*s.ces_mean) + "/" + std::to_string(s.ces_scale) + " (n=" + std::to_string(s.ces_answers) +
                      (s.ces_low_is_easy ? ", 1 = easiest)" : ", " + std::to_string(s.ces_scale) + " = easiest)");
}

// ---- Reading records ---------------------------------------------------------------

void add_problem(std::vector<TextProblem>& problems, TextProblem p) {
    if (problems.size() < kMaxProblems) problems.push_back(std::move(p));
}

struct Record {
    int row = 0;
    std::vector<std::string> cells;
};

// RFC 4180 records, one at a time, so that memory holds one row and not the
// file; `delimiter` separates cells, CRLF, LF or CR end a record outside quotes.
class RecordReader {
public:
    RecordReader(std::string_view text, std::vector<TextProblem>& problems, char delimiter)
        : text_(text), problems_(problems), delimiter_(delimiter), cell_ends_{delimiter, '\r', '\n', '\0'} {}

    // The next record; false at the end of the text or when reading must stop
    // (an unclosed quote, a row over limits::kMaxCsvColumns), with the problem.
    bool next(Record& record) {
        record.row = ++row_;
        record.cells.clear();   // keeps its capacity: no allocation per row
        std::string cell;
        while (p_ < text_.size()) {
            if (record.cells.size() == limits::kMaxCsvColumns) {
                const std::string limit = i18n::localize_number(limits::with_thousands(limits::kMaxCsvColumns));
                add_problem(problems_, {record.row, 0, i18n::trf("the row has more than {limit} cells; the limit is {limit} cells per row",
                                                                 {{"limit", limit}})});
                return stop();
            }
            const int column = static_cast<int>(record.cells.size()) + 1;
            if (text_[p_] == '"' && !quoted_cell(cell, record.row, column)) return stop();
            const std::size_t end = std::min(text_.find_first_of(cell_ends_, p_), text_.size());
            cell.append(text_.substr(p_, end - p_));
            record.cells.push_back(std::move(cell));
            cell.clear();
            p_ = end;
            if (p_ < text_.size() && text_[p_] == delimiter_) {
                ++p_;
                if (p_ == text_.size()) record.cells.emplace_back();   // a trailing delimiter ends with an empty cell
                continue;
            }
            if (p_ < text_.size() && text_[p_] == '\r' && p_ + 1 < text_.size() && text_[p_ + 1] == '\n') ++p_;
            ++p_;
            return true;
        }
        return !record.cells.empty();
    }

private:
    // The quoted part of a cell, from the opening quote at p_; false when it is never closed.
    bool quoted_cell(std::string& cell, int row, int column) {
        for (std::size_t q = p_ + 1;; ++q) {
            // Runs between quotes are appended whole: one pass over the text.
            q = std::min(text_.find('"', q), text_.size());
            cell.append(text_.substr(p_ + 1, q - p_ - 1));
            if (q >= text_.size()) {
                add_problem(problems_, {row, column, i18n::tr("a quoted cell is not closed: add the closing '\"'")});
                return false;
            }
            if (q + 1 < text_.size() && text_[q + 1] == '"') {
                cell += '"';
                p_ = ++q;   // the doubled quote: go on after it
                continue;
            }
            p_ = q + 1;
            if (p_ < text_.size() && text_[p_] != delimiter_ && text_[p_] != '\r' && text_[p_] != '\n')
                add_problem(problems_, {row, column, i18n::tr("text after a closing quote: quote the whole cell and double the quotes inside it (\"\")")});
            return true;
        }
    }
    bool stop() {
        p_ = text_.size();
        return false;
    }

    std::string_view text_;
    std::vector<TextProblem>& problems_;
    char delimiter_;
    char cell_ends_[4];   // the delimiter, CR, LF: what ends an unquoted cell
    std::size_t p_ = 0;
    int row_ = 0;
};

// ---- Rows as touchpoints -----------------------------------------------------------

// "stage order" and "Stage-Order" both name stage_order.
std::string header_key(std::string_view name) {
    std::string key(trim(name));
    for (char& c : key) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c == ' ' || c == '-') c = '_';
    }
    return key;
}

std::vector<std::string> split_list(std::string_view cell, char separator) {
    std::vector<std::string> items;
    std::string item;
    auto finish = [&] {
        if (auto t = trim(item); !t.empty()) items.emplace_back(t);
        item.clear();
    };
    for (std::size_t p = 0; p < cell.size(); ++p) {
        if (cell[p] == '\\' && p + 1 < cell.size() && (cell[p + 1] == separator || cell[p + 1] == '\\')) item += cell[++p];
        else if (cell[p] == separator) finish();
        else item += cell[p];
    }
    finish();
    return items;
}

// "3", "+3", "-2"; with `decimal_comma` also a whole number written with a
// decimal comma and zeros ("3,0", "-1,00"). Any other fraction ("2,5", "2.5")
// is no whole number, nor is "3.0" (a decimal point, or with decimal commas
// digit grouping, which is not guessed: "1.000").
std::optional<long> parse_whole(std::string_view s, bool decimal_comma) {
    if (!s.empty() && s[0] == '+') s.remove_prefix(1);
    if (s.empty()) return std::nullopt;
    long v = 0;
    const char* const last = s.data() + s.size();
    const auto [end, ec] = std::from_chars(s.data(), last, v);
    if (ec != std::errc()) return std::nullopt;
    std::string_view rest(end, static_cast<std::size_t>(last - end));
    if (decimal_comma && !rest.empty() && rest[0] == ',') {
        rest.remove_prefix(1);
        if (rest.empty() || rest.find_first_not_of('0') != std::string_view::npos) return std::nullopt;
        return v;
    }
    if (!rest.empty()) return std::nullopt;
    return v;
}

// The column a header cell names, or kColumnCount for another column.
Column column_named(std::string_view cell) {
    const std::string key = header_key(cell);
    const auto it = std::find_if(kHeader.begin(), kHeader.end(), [&](const char* h) { return key == h; });
    return static_cast<Column>(it - kHeader.begin());
}

// The delimiter of the file, from its first record (csv.h, "Delimiter
// detection"): the first of kDelimiters whose split names both stage and
// title, else the one whose split has the most cells (most delimiters outside
// quotes), ties to the earlier. The file is read again with the winner, so the
// problems of these trial reads are not kept.
char detect_delimiter(std::string_view text) {
    char most = kDelimiters[0];
    std::size_t most_cells = 0;
    for (char d : kDelimiters) {
        std::vector<TextProblem> ignored;
        RecordReader reader(text, ignored, d);
        Record r;
        if (reader.next(r)) {
            const auto names = [&](Column c) {
                return std::any_of(r.cells.begin(), r.cells.end(), [&](const std::string& cell) { return column_named(cell) == c; });
            };
            if (names(kStage) && names(kTitle)) return d;
        }
        if (r.cells.size() > most_cells) {
            most = d;
            most_cells = r.cells.size();
        }
    }
    return most;
}

// "comma, semicolon and tab": kDelimiters in words.
std::string delimiters_tried() {
    std::string out;
    for (std::size_t i = 0; i < kDelimiters.size(); ++i) {
        if (i) out += i + 1 == kDelimiters.size() ? " and " : ", ";
        out += kDelimiters[i] == ',' ? "comma" : kDelimiters[i] == ';' ? "semicolon" : "tab";
    }
    return out;
}

// "\"Etapa\", \"Título\", \"Canal\"": the header cells as found, at most 20.
std::string found_columns(const std::vector<std::string>& cells) {
    constexpr std::size_t kShown = 20;
    std::string out;
    for (std::size_t i = 0; i < cells.size() && i < kShown; ++i) {
        if (i) out += ", ";
        out += "\"" + limits::excerpt(trim(cells[i]), 40) + "\"";
    }
    if (cells.size() > kShown)
        out = i18n::trf("{columns} and {count} more", {{"count", i18n::localize_number(limits::with_thousands(cells.size() - kShown))},
                                                       {"columns", out}});
    return out;
}

struct StageDraft {
    std::string name;
    std::optional<long> order;
    std::vector<Touchpoint> touchpoints;
    std::vector<std::vector<std::string>> persona_names;   // per touchpoint
};

// Finds a row's stage without a search through all stages: the rule of
// RowReader::stage_for, answered from an index per stage name.
class StageIndex {
public:
    // The draft a row with this name and order joins, or nullopt for a new one.
    std::optional<std::size_t> find(const std::string& name, std::optional<long> order) const {
        const auto it = by_name_.find(name);
        if (it == by_name_.end()) return std::nullopt;
        const Named& n = it->second;
        if (!order) return n.first;   // the first stage of that name, whatever its order
        std::optional<std::size_t> found;
        if (auto o = n.by_order.find(*order); o != n.by_order.end()) found = o->second;
        if (n.next_unordered < n.unordered.size()) {
            const std::size_t u = n.unordered[n.next_unordered];
            if (!found || u < *found) found = u;
        }
        return found;
    }
    void add(const std::string& name, std::optional<long> order, std::size_t index) {
        auto [it, fresh] = by_name_.try_emplace(name);
        if (fresh) it->second.first = index;
        if (order) it->second.by_order.try_emplace(*order, index);
        else it->second.unordered.push_back(index);
    }
    // The stage at `index` (an unordered one: the first of its name, by the
    // rule of find) takes `order`.
    void ordered(const std::string& name, long order, std::size_t index) {
        Named& n = by_name_.at(name);
        ++n.next_unordered;
        auto [o, fresh] = n.by_order.try_emplace(order, index);
        if (!fresh && index < o->second) o->second = index;
    }

private:
    struct Named {
        std::size_t first = 0;
        std::unordered_map<long, std::size_t> by_order;   // the first stage with each order
        std::vector<std::size_t> unordered;               // stages without an order, by index; those before next_unordered have one now
        std::size_t next_unordered = 0;
    };
    std::unordered_map<std::string, Named> by_name_;
};

class RowReader {
public:
    // `decimal_comma`: number cells may have a decimal comma ("3,0"), for files
    // not delimited by commas.
    RowReader(std::vector<TextProblem>& problems, bool decimal_comma) : problems_(problems), decimal_comma_(decimal_comma) {}

    // Finds the columns by name; false when a required one is missing.
    bool header(const Record& r) {
        const std::size_t before = problems_.size();
        columns_.fill(-1);
        width_ = static_cast<int>(r.cells.size());
        for (int c = 0; c < width_; ++c) {
            const Column column = column_named(r.cells[static_cast<std::size_t>(c)]);
            if (column == kColumnCount) continue;   // another column: not part of a map
            int& slot = columns_[column];
            if (slot >= 0) add_problem(problems_, {r.row, c + 1, i18n::trf("the column {column} appears twice in the header", {{"column", quoted(kHeader[column])}})});
            slot = c;
        }
        if (columns_[kStage] < 0 || columns_[kTitle] < 0) {
            // One problem, whatever is missing: the delimiters tried, and the
            // columns found with the delimiter that split the row most.
            const std::string missing = i18n::tr(columns_[kStage] >= 0   ? "no 'title' column"
                                                 : columns_[kTitle] >= 0 ? "no 'stage' column"
                                                                         : "no 'stage' and no 'title' column");
            const bool blank = std::all_of(r.cells.begin(), r.cells.end(), [](const std::string& c) { return trim(c).empty(); });
            const std::string found = blank                 ? std::string(i18n::tr("the first row is empty"))
                                      : r.cells.size() == 1 ? i18n::trf("found one column: {columns}", {{"columns", found_columns(r.cells)}})
                                                            : i18n::trf("found columns: {columns}", {{"columns", found_columns(r.cells)}});
            add_problem(problems_, {1, 0, i18n::trf("the header row has {missing} (tried {delimiters}; {found}); "
                                                    "the first row must name the columns (stage, title, ...)",
                                                    {{"missing", missing}, {"delimiters", i18n::tr(delimiters_tried().c_str())},
                                                     {"found", found}})});
        }
        return problems_.size() == before;
    }

    // False when the map would go over a limit of io/limits.h: reading stops there.
    bool row(const Record& r) {
        row_ = &r;
        if (std::all_of(r.cells.begin(), r.cells.end(), [](const std::string& c) { return trim(c).empty(); })) return true;
        for (int c = width_; c < static_cast<int>(r.cells.size()); ++c)
            if (!trim(r.cells[static_cast<std::size_t>(c)]).empty())
                fail(c, i18n::tr("a value beyond the last column of the header row"));
        const std::string stage(text(kStage, true));
        if (stage.empty()) fail(columns_[kStage], i18n::tr("the stage is empty: every row needs the name of its stage"));
        std::optional<long> order;
        if (!trim(cell(kStageOrder)).empty() && !(order = parse_whole(trim(cell(kStageOrder)), decimal_comma_)))
            fail(columns_[kStageOrder], i18n::trf("stage_order must be a whole number, got {value}", {{"value", quoted(cell(kStageOrder))}}));
        StageDraft* s = stage_for(stage, order);
        if (!s) return false;
        Touchpoint tp;
        tp.title = text(kTitle, true);
        if (tp.title.empty()) {
            for (Column c : {kDescription, kChannel, kOwner, kPersonas, kFriction, kEmotion, kPains, kOpportunities}) {
                if (trim(cell(c)).empty()) continue;
                fail(columns_[kTitle], i18n::tr("the title is empty: every touchpoint needs a title (a row with only stage and stage_order adds an empty stage)"));
                break;
            }
            return true;   // a stage without touchpoints
        }
        if (++touchpoints_ > limits::kMaxTouchpoints)
            return fail(columns_[kTitle], limits::too_many("touchpoints", limits::kMaxTouchpoints, "per map"));
        tp.description = text(kDescription, false);
        tp.channel = text(kChannel, false);
        tp.owner = text(kOwner, false);
        tp.friction = scale(kFriction, 0, 5);
        tp.emotion = scale(kEmotion, -2, 2);
        tp.pains = list(kPains, kItemSeparator);
        tp.opportunities = list(kOpportunities, kItemSeparator);
        std::vector<std::string> personas = list(kPersonas, kPersonaSeparator);
        for (const auto& name : personas)
            if (persona_names_.insert(name).second && persona_names_.size() > limits::kMaxPersonas)
                return fail(columns_[kPersonas], limits::too_many("personas", limits::kMaxPersonas, "per map"));
        s->persona_names.push_back(std::move(personas));
        s->touchpoints.push_back(std::move(tp));
        return true;
    }

    // In order of stage_order (stages without one last), then of first appearance.
    std::vector<StageDraft> stages() {
        std::stable_sort(stages_.begin(), stages_.end(), [](const StageDraft& a, const StageDraft& b) {
            return a.order.has_value() != b.order.has_value() ? a.order.has_value() : a.order.value_or(0) < b.order.value_or(0);
        });
        return std::move(stages_);
    }

private:
    // A view into the current record, which outlives every use of it in row().
    std::string_view cell(Column c) const {
        const int i = columns_[c];
        return i >= 0 && i < static_cast<int>(row_->cells.size()) ? std::string_view(row_->cells[static_cast<std::size_t>(i)])
                                                                   : std::string_view();
    }
    // A text cell as the map keeps it: trimmed or not, without the apostrophe
    // export put before a formula. Text over the length limit is a problem (and
    // still returned, so that no second problem says the cell is empty).
    std::string text(Column c, bool trimmed) {
        const std::string_view t = restored(trimmed ? trim(cell(c)) : cell(c));
        if (const std::size_t chars = limits::char_count(t); chars > limits::kMaxTextChars)
            fail(columns_[c], limits::text_too_long(chars));
        return std::string(t);
    }
    std::vector<std::string> list(Column c, char separator) {
        std::vector<std::string> items = split_list(restored(cell(c)), separator);
        if (items.size() > limits::kMaxListItems)
            fail(columns_[c], limits::too_many("entries", limits::kMaxListItems, "per list", items.size()));
        for (const auto& item : items) {
            if (const std::size_t chars = limits::char_count(item); chars > limits::kMaxTextChars) {
                fail(columns_[c], limits::text_too_long(chars));
                break;
            }
        }
        return items;
    }
    // Always false, so that `return fail(...)` stops reading at a limit.
    bool fail(int column_index, std::string message) {
        add_problem(problems_, {row_->row, column_index + 1, std::move(message)});
        return false;
    }
    int scale(Column c, int lo, int hi) {
        const std::string_view text = trim(cell(c));
        if (text.empty()) return 0;
        const auto v = parse_whole(text, decimal_comma_);
        if (!v || *v < lo || *v > hi)
            fail(columns_[c], i18n::trf("{column} must be a whole number from {min} to {max}, got {value}",
                                            {{"column", kHeader[c]}, {"min", std::to_string(lo)}, {"max", std::to_string(hi)},
                                             {"value", quoted(text)}}));
        return v && *v >= lo && *v <= hi ? static_cast<int>(*v) : 0;
    }
    // The stage of that name and order; a row without an order joins the first
    // stage of that name, and gives its order to one that had none. Nothing
    // when a new stage would go over limits::kMaxStages.
    StageDraft* stage_for(const std::string& name, std::optional<long> order) {
        if (const auto found = index_.find(name, order)) {
            StageDraft& s = stages_[*found];
            if (!s.order && order) {
                s.order = order;
                index_.ordered(name, *order, *found);
            }
            return &s;
        }
        if (stages_.size() == limits::kMaxStages) {
            fail(columns_[kStage], limits::too_many("stages", limits::kMaxStages, "per map"));
            return nullptr;
        }
        index_.add(name, order, stages_.size());
        return &stages_.emplace_back(StageDraft{name, order, {}, {}});
    }

    std::vector<TextProblem>& problems_;
    bool decimal_comma_ = false;
    std::array<int, kColumnCount> columns_{};
    int width_ = 0;
    const Record* row_ = nullptr;
    std::vector<StageDraft> stages_;
    StageIndex index_;
    std::size_t touchpoints_ = 0;
    std::unordered_set<std::string> persona_names_;
};

Map build_map(std::vector<StageDraft> drafts) {
    Map map;
    map.id = "map-imported";
    map.title = "Imported journey";
    map.lanes = default_lanes();
    ImportedIds ids;
    // By name: the persona's id, and the last touchpoint (by number) it was added
    // to, so that a name given twice for one touchpoint counts once, in O(1).
    struct Known {
        std::string id;
        std::size_t last_touchpoint = 0;
    };
    std::unordered_map<std::string, Known> personas;
    std::size_t touchpoints = 0;
    for (auto& draft : drafts) {
        Stage& stage = map.stages.emplace_back();
        stage.id = ids.make("stage", draft.name, map.stages.size());
        stage.name = std::move(draft.name);
        for (std::size_t i = 0; i < draft.touchpoints.size(); ++i) {
            Touchpoint& tp = stage.touchpoints.emplace_back(std::move(draft.touchpoints[i]));
            tp.id = ids.make("tp", "", ++touchpoints);
            for (const auto& name : draft.persona_names[i]) {
                auto [it, added] = personas.try_emplace(name);
                Known& known = it->second;
                if (added) {
                    known.id = ids.make("persona", name, map.personas.size() + 1);
                    Persona& p = map.personas.emplace_back();
                    p.id = known.id;
                    p.name = name;
                }
                if (known.last_touchpoint == touchpoints) continue;   // a name listed twice in one cell counts once
                known.last_touchpoint = touchpoints;
                tp.persona_ids.push_back(known.id);
            }
        }
    }
    return map;
}

}  // namespace

CsvImport import_csv(std::string_view bytes) {
    CsvImport result;
    const std::optional<std::string> text = read_imported_text(bytes, result.problems, result.notices);
    if (!text) return result;
    // Rows before a broken quote are still checked, so that one run reports them all.
    const char delimiter = detect_delimiter(*text);
    RecordReader records(*text, result.problems, delimiter);
    Record record;
    if (!records.next(record)) {
        if (result.problems.empty())
            result.problems.push_back({1, 0, i18n::tr("the file is empty: the first row must name the columns (stage, title, ...)")});
        return result;
    }
    RowReader reader(result.problems, delimiter != ',');
    if (!reader.header(record)) return result;
    while (records.next(record) && reader.row(record)) {}
    std::stable_sort(result.problems.begin(), result.problems.end(),
                     [](const TextProblem& a, const TextProblem& b) { return a.line < b.line; });
    if (result.problems.empty()) result.map = build_map(reader.stages());
    return result;
}

CsvDialect csv_dialect_for_language(std::string_view code) {
    std::string key(code);
    for (char& c : key) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c == '_') c = '-';
    }
    if (key == "es" || key == "pt-br") return CsvDialect{';', true};
    return {};
}

std::string export_csv(const Map& map, const CsvDialect& dialect) {
    const bool known = std::find(kDelimiters.begin(), kDelimiters.end(), dialect.delimiter) != kDelimiters.end();
    const char delimiter = known ? dialect.delimiter : ',';
    const char decimal_separator = dialect.decimal_comma ? ',' : '.';
    std::unordered_map<std::string_view, const Persona*> personas_by_id;   // one lookup per reference, not a search
    for (const Persona& p : map.personas) personas_by_id.try_emplace(p.id, &p);
    std::string out = "\xEF\xBB\xBF";
    std::array<std::string, kColumnCount> cells;
    for (std::size_t i = 0; i < kColumnCount; ++i) cells[i] = kHeader[i];
    add_row(out, cells, delimiter);
    for (std::size_t s = 0; s < map.stages.size(); ++s) {
        const Stage& stage = map.stages[s];
        cells = {};
        // Text cells are neutralised against formulas; numbers (order, friction,
        // emotion) and the computed summaries are not text a user typed.
        cells[kStage] = neutralised(stage.name.empty() ? "(unnamed stage)" : stage.name);
        cells[kStageOrder] = std::to_string(s + 1);
        if (stage.touchpoints.empty()) add_row(out, cells, delimiter);
        for (const Touchpoint& tp : stage.touchpoints) {
            std::vector<std::string> personas;
            for (const auto& id : tp.persona_ids)
                if (auto p = personas_by_id.find(id); p != personas_by_id.end()) personas.push_back(p->second->name);
            cells[kTitle] = neutralised(tp.title.empty() ? "(untitled)" : tp.title);
            cells[kDescription] = neutralised(tp.description);
            cells[kChannel] = neutralised(tp.channel);
            cells[kOwner] = neutralised(tp.owner);
            cells[kPersonas] = neutralised(join_list(personas, kPersonaSeparator));
            cells[kFriction] = std::to_string(tp.friction);
            cells[kEmotion] = std::to_string(tp.emotion);
            cells[kPains] = neutralised(join_list(tp.pains, kItemSeparator));
            cells[kOpportunities] = neutralised(join_list(tp.opportunities, kItemSeparator));
            cells[kNps] = cells[kCsat] = cells[kCes] = "";
            add_survey_summaries(cells, tp.survey, decimal_separator);
            add_row(out, cells, delimiter);
        }
    }
    return out;
}

}  // namespace jm
