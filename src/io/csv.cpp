// CSV as spreadsheets write it (RFC 4180): quoted cells may hold commas, quotes
// and line breaks. A stage is known by its name and order: rows of one stage
// may come in any order in the file and still land in the same column.
#include "io/csv.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "io/map_json.h"
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

std::string_view trim(std::string_view s) {
    const std::size_t b = s.find_first_not_of(" \t");
    if (b == std::string_view::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

// ---- Writing ---------------------------------------------------------------------

void add_cell(std::string& out, std::string_view cell, bool first) {
    if (!first) out += ',';
    const bool quote = cell.find_first_of(",\"\r\n") != std::string_view::npos ||
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

void add_row(std::string& out, const std::array<std::string, kColumnCount>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) add_cell(out, cells[i], i == 0);
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

// 33.333 -> "33.3", 40.0 -> "40", never "-0". Whole tenths in integers: no
// locale, and no floating-point to_chars (the WebAssembly library lacks it).
std::string one_decimal(double v) {
    const long long tenths = std::llround(v * 10);
    const unsigned long long size = static_cast<unsigned long long>(tenths < 0 ? -tenths : tenths);
    std::string s = (tenths < 0 ? "-" : "") + std::to_string(size / 10);
    if (size % 10) s += "." + std::to_string(size % 10);
    return s;
}

void add_survey_summaries(std::array<std::string, kColumnCount>& cells, const Survey& survey) {
    const SurveySummary s = summarize(SurveyCounts(survey), nullptr);
    if (s.nps) cells[kNps] = one_decimal(*s.nps) + " (n=" + std::to_string(s.promoters + s.passives + s.detractors) + ")";
    if (s.csat) cells[kCsat] = one_decimal(*s.csat) + "% (n=" + std::to_string(s.csat_answers) + ")";
    if (s.ces_mean && s.ces_scale)
        cells[kCes] = one_decimal(*s.ces_mean) + "/" + std::to_string(s.ces_scale) + " (n=" + std::to_string(s.ces_answers) +
                      (s.ces_low_is_easy ? ", 1 = easiest)" : ", " + std::to_string(s.ces_scale) + " = easiest)");
}

// ---- Reading records ---------------------------------------------------------------

struct Record {
    int row = 0;
    std::vector<std::string> cells;
};

// RFC 4180 records; CRLF, LF or CR end a record outside quotes.
std::vector<Record> read_records(std::string_view text, std::vector<TextProblem>& problems) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::vector<Record> records;
    Record record{1, {}};
    std::string cell;
    std::size_t p = 0;
    auto end_cell = [&] { record.cells.push_back(std::move(cell)); cell.clear(); };
    while (p < text.size()) {
        const int column = static_cast<int>(record.cells.size()) + 1;
        if (text[p] == '"') {
            std::size_t q = p + 1;
            for (;; ++q) {
                if (q >= text.size()) {
                    problems.push_back({record.row, column, "a quoted cell is not closed: add the closing '\"'"});
                    return records;
                }
                if (text[q] == '"') {
                    if (q + 1 < text.size() && text[q + 1] == '"') cell += text[q++];
                    else break;
                } else {
                    cell += text[q];
                }
            }
            p = q + 1;
            if (p < text.size() && text[p] != ',' && text[p] != '\r' && text[p] != '\n')
                problems.push_back({record.row, column, "text after a closing quote: quote the whole cell and double the quotes inside it (\"\")"});
        }
        const std::size_t stop = std::min(text.find_first_of(",\r\n", p), text.size());
        cell += text.substr(p, stop - p);
        end_cell();
        p = stop;
        if (p < text.size() && text[p] == ',') {
            ++p;
            if (p == text.size()) end_cell();   // a trailing comma ends with an empty cell
            continue;
        }
        if (p < text.size() && text[p] == '\r' && p + 1 < text.size() && text[p + 1] == '\n') ++p;
        ++p;
        records.push_back(std::move(record));
        record = Record{static_cast<int>(records.size()) + 1, {}};
    }
    if (!record.cells.empty()) records.push_back(std::move(record));
    return records;
}

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

std::optional<long> parse_whole(std::string_view s) {
    if (!s.empty() && s[0] == '+') s.remove_prefix(1);
    long v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return v;
}

struct StageDraft {
    std::string name;
    std::optional<long> order;
    std::vector<Touchpoint> touchpoints;
    std::vector<std::vector<std::string>> persona_names;   // per touchpoint
};

class RowReader {
public:
    explicit RowReader(std::vector<TextProblem>& problems) : problems_(problems) {}

    // Finds the columns by name; false when a required one is missing.
    bool header(const Record& r) {
        const std::size_t before = problems_.size();
        columns_.fill(-1);
        width_ = static_cast<int>(r.cells.size());
        for (int c = 0; c < width_; ++c) {
            const std::string key = header_key(r.cells[static_cast<std::size_t>(c)]);
            const auto it = std::find_if(kHeader.begin(), kHeader.end(), [&](const char* h) { return key == h; });
            if (it == kHeader.end()) continue;   // another column: not part of a map
            int& slot = columns_[static_cast<std::size_t>(it - kHeader.begin())];
            if (slot >= 0) problems_.push_back({r.row, c + 1, "the column " + quoted(key) + " appears twice in the header"});
            slot = c;
        }
        for (Column required : {kStage, kTitle})
            if (columns_[required] < 0)
                problems_.push_back({1, 0, std::string("the header row has no '") + kHeader[required] +
                                               "' column; the first row must name the columns (stage, title, ...)"});
        return problems_.size() == before;
    }

    void row(const Record& r) {
        row_ = &r;
        if (std::all_of(r.cells.begin(), r.cells.end(), [](const std::string& c) { return trim(c).empty(); })) return;
        for (int c = width_; c < static_cast<int>(r.cells.size()); ++c)
            if (!trim(r.cells[static_cast<std::size_t>(c)]).empty())
                fail(c, "a value beyond the last column of the header row");
        const std::string stage(trim(cell(kStage)));
        if (stage.empty()) fail(columns_[kStage], "the stage is empty: every row needs the name of its stage");
        std::optional<long> order;
        if (!trim(cell(kStageOrder)).empty() && !(order = parse_whole(trim(cell(kStageOrder)))))
            fail(columns_[kStageOrder], "stage_order must be a whole number, got " + quoted(cell(kStageOrder)));
        StageDraft& s = stage_for(stage, order);
        Touchpoint tp;
        tp.title = std::string(trim(cell(kTitle)));
        if (tp.title.empty()) {
            for (Column c : {kDescription, kChannel, kOwner, kPersonas, kFriction, kEmotion, kPains, kOpportunities})
                if (!trim(cell(c)).empty())
                    return fail(columns_[kTitle], "the title is empty: every touchpoint needs a title (a row with only stage and stage_order adds an empty stage)");
            return;   // a stage without touchpoints
        }
        tp.description = cell(kDescription);
        tp.channel = cell(kChannel);
        tp.owner = cell(kOwner);
        tp.friction = scale(kFriction, 0, 5);
        tp.emotion = scale(kEmotion, -2, 2);
        tp.pains = split_list(cell(kPains), kItemSeparator);
        tp.opportunities = split_list(cell(kOpportunities), kItemSeparator);
        s.persona_names.push_back(split_list(cell(kPersonas), kPersonaSeparator));
        s.touchpoints.push_back(std::move(tp));
    }

    // In order of stage_order (stages without one last), then of first appearance.
    std::vector<StageDraft> stages() {
        std::stable_sort(stages_.begin(), stages_.end(), [](const StageDraft& a, const StageDraft& b) {
            return a.order.has_value() != b.order.has_value() ? a.order.has_value() : a.order.value_or(0) < b.order.value_or(0);
        });
        return std::move(stages_);
    }

private:
    std::string cell(Column c) const {
        const int i = columns_[c];
        return i >= 0 && i < static_cast<int>(row_->cells.size()) ? row_->cells[static_cast<std::size_t>(i)] : std::string();
    }
    void fail(int column_index, std::string message) {
        if (problems_.size() < kMaxProblems) problems_.push_back({row_->row, column_index + 1, std::move(message)});
    }
    int scale(Column c, int lo, int hi) {
        const std::string_view text = trim(cell(c));
        if (text.empty()) return 0;
        const auto v = parse_whole(text);
        if (!v || *v < lo || *v > hi)
            fail(columns_[c], std::string(kHeader[c]) + " must be a whole number from " + std::to_string(lo) + " to " +
                                  std::to_string(hi) + ", got " + quoted(text));
        return v && *v >= lo && *v <= hi ? static_cast<int>(*v) : 0;
    }
    // The stage of that name and order; a row without an order joins the first
    // stage of that name, and gives its order to one that had none.
    StageDraft& stage_for(const std::string& name, std::optional<long> order) {
        for (auto& s : stages_) {
            if (s.name != name || (order && s.order && *s.order != *order)) continue;
            if (!s.order) s.order = order;
            return s;
        }
        return stages_.emplace_back(StageDraft{name, order, {}, {}});
    }

    std::vector<TextProblem>& problems_;
    std::array<int, kColumnCount> columns_{};
    int width_ = 0;
    const Record* row_ = nullptr;
    std::vector<StageDraft> stages_;
};

// "awareness-stage" from "Awareness stage"; empty when no ASCII letter or digit.
std::string slug(std::string_view name) {
    std::string out;
    for (char c : name) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
        else if (!out.empty() && out.back() != '-') out += '-';
        if (out.size() >= 40) break;
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

Map build_map(std::vector<StageDraft> drafts) {
    Map map;
    map.id = "map-imported";
    map.title = "Imported journey";
    map.lanes = default_lanes();
    std::unordered_set<std::string> used{map.id};
    auto unique_id = [&](const std::string& prefix, std::string_view name, std::size_t ordinal) {
        const std::string s = slug(name), base = prefix + "-" + (s.empty() ? std::to_string(ordinal) : s);
        std::string id = base;
        for (int n = 2; !used.insert(id).second; ++n) id = base + "-" + std::to_string(n);
        return id;
    };
    std::unordered_map<std::string, std::string> persona_ids;   // by name
    std::size_t touchpoints = 0;
    for (auto& draft : drafts) {
        Stage& stage = map.stages.emplace_back();
        stage.id = unique_id("stage", draft.name, map.stages.size());
        stage.name = std::move(draft.name);
        for (std::size_t i = 0; i < draft.touchpoints.size(); ++i) {
            Touchpoint& tp = stage.touchpoints.emplace_back(std::move(draft.touchpoints[i]));
            tp.id = unique_id("tp", "", ++touchpoints);
            for (const auto& name : draft.persona_names[i]) {
                auto [it, added] = persona_ids.try_emplace(name);
                if (added) {
                    it->second = unique_id("persona", name, map.personas.size() + 1);
                    Persona& p = map.personas.emplace_back();
                    p.id = it->second;
                    p.name = name;
                }
                if (std::find(tp.persona_ids.begin(), tp.persona_ids.end(), it->second) == tp.persona_ids.end())
                    tp.persona_ids.push_back(it->second);
            }
        }
    }
    return map;
}

}  // namespace

CsvImport import_csv(std::string_view text) {
    CsvImport result;
    // Rows before a broken quote are still checked, so that one run reports them all.
    const std::vector<Record> records = read_records(text, result.problems);
    if (records.empty()) {
        if (result.problems.empty())
            result.problems.push_back({1, 0, "the file is empty: the first row must name the columns (stage, title, ...)"});
        return result;
    }
    RowReader reader(result.problems);
    if (!reader.header(records.front())) return result;
    for (std::size_t i = 1; i < records.size(); ++i) reader.row(records[i]);
    std::stable_sort(result.problems.begin(), result.problems.end(),
                     [](const TextProblem& a, const TextProblem& b) { return a.line < b.line; });
    if (result.problems.empty()) result.map = build_map(reader.stages());
    return result;
}

std::string export_csv(const Map& map) {
    std::string out = "\xEF\xBB\xBF";
    std::array<std::string, kColumnCount> cells;
    for (std::size_t i = 0; i < kColumnCount; ++i) cells[i] = kHeader[i];
    add_row(out, cells);
    for (std::size_t s = 0; s < map.stages.size(); ++s) {
        const Stage& stage = map.stages[s];
        cells = {};
        cells[kStage] = stage.name.empty() ? "(unnamed stage)" : stage.name;
        cells[kStageOrder] = std::to_string(s + 1);
        if (stage.touchpoints.empty()) add_row(out, cells);
        for (const Touchpoint& tp : stage.touchpoints) {
            std::vector<std::string> personas;
            for (const auto& id : tp.persona_ids)
                if (const Persona* p = find_persona(map, id)) personas.push_back(p->name);
            cells[kTitle] = tp.title.empty() ? "(untitled)" : tp.title;
            cells[kDescription] = tp.description;
            cells[kChannel] = tp.channel;
            cells[kOwner] = tp.owner;
            cells[kPersonas] = join_list(personas, kPersonaSeparator);
            cells[kFriction] = std::to_string(tp.friction);
            cells[kEmotion] = std::to_string(tp.emotion);
            cells[kPains] = join_list(tp.pains, kItemSeparator);
            cells[kOpportunities] = join_list(tp.opportunities, kItemSeparator);
            cells[kNps] = cells[kCsat] = cells[kCes] = "";
            add_survey_summaries(cells, tp.survey);
            add_row(out, cells);
        }
    }
    return out;
}

}  // namespace jm
