// Re-opening a Mermaid or CSV export of a library map (io/interchange_update.h):
// the file's work comes in by id as one undo step, and nothing the format does
// not carry changes.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "edit/history.h"
#include "edit/map_change.h"
#include "i18n/i18n.h"
#include "io/csv.h"
#include "io/interchange_update.h"
#include "io/map_json.h"
#include "io/mermaid.h"
#include "io/templates.h"

using namespace jm;

namespace {

Map load(const char* text) {
    LoadResult r = load_map_json(text);
    REQUIRE(r.ok());
    return *r.map;
}

Map saas() {
    for (const auto& t : embedded_templates())
        if (std::string(t.name) == "saas-journey.en") return load(t.json);
    FAIL("no saas-journey.en template");
    return {};
}

Map read_back(InterchangeFormat format, const std::string& text) {
    if (format == InterchangeFormat::Mermaid) {
        MermaidImport r = import_mermaid(text);
        INFO((r.problems.empty() ? std::string() : r.problems.front().message));
        REQUIRE(r.map);
        return *r.map;
    }
    CsvImport r = import_csv(text);
    INFO((r.problems.empty() ? std::string() : r.problems.front().message));
    REQUIRE(r.map);
    return *r.map;
}

std::string exported(InterchangeFormat format, const Map& map) {
    return format == InterchangeFormat::Mermaid ? export_mermaid(map) : export_csv(map);
}

// The library map with the update applied as one step of a history.
Map applied(const Map& library, const InterchangeUpdate& plan, History& history) {
    Map m = library;
    history.execute(m, apply_changes(m, plan.changes, "Update from the file"));
    return m;
}

Touchpoint take_card(Map& m, const std::string& id) {
    const TouchpointRef at = locate_touchpoint(m, id);
    REQUIRE(at);
    auto& cards = m.stages[static_cast<std::size_t>(at.stage)].touchpoints;
    Touchpoint t = cards[static_cast<std::size_t>(at.index)];
    cards.erase(cards.begin() + at.index);
    return t;
}

std::size_t position(const Map& m, const std::string& id) { return static_cast<std::size_t>(locate_touchpoint(m, id).index); }

// A card with the fields `format` carries cleared, for "nothing else changed".
Touchpoint uncarried(Touchpoint t, InterchangeFormat format) {
    t.title.clear();
    t.emotion = t.friction = 0;
    t.persona_ids.clear();
    if (format == InterchangeFormat::Csv) {
        t.description.clear();
        t.channel.clear();
        t.owner.clear();
        t.pains.clear();
        t.opportunities.clear();
    }
    return t;
}

// Every stage, card and persona of `before` still in `after` is the same apart
// from what `format` carries; the map's own fields are the same.
void check_only_carried_fields_changed(const Map& before, const Map& after, InterchangeFormat format) {
    for (const auto& s : before.stages) {
        const Stage* now = find_stage(after, s.id);
        if (!now) continue;
        Stage a = s, b = *now;
        a.name = b.name = "";
        a.touchpoints.clear();
        b.touchpoints.clear();
        CHECK(a == b);
        for (const auto& t : s.touchpoints) {
            const Touchpoint* moved = find_touchpoint(after, t.id);
            if (!moved) continue;
            CHECK(uncarried(t, format) == uncarried(*moved, format));
        }
    }
    for (const auto& p : before.personas) {
        const Persona* now = find_persona(after, p.id);
        REQUIRE(now);
        CHECK(*now == p);
    }
    Map a = before, b = after;
    a.stages.clear();
    b.stages.clear();
    a.personas.clear();
    b.personas.clear();
    CHECK(a == b);
}

}  // namespace

TEST_CASE("interchange update: an unchanged export of every template updates nothing", "[interchange]") {
    for (const auto& t : embedded_templates()) {
        const Map library = load(t.json);
        for (InterchangeFormat format : {InterchangeFormat::Mermaid, InterchangeFormat::Csv}) {
            INFO(t.name << " as " << interchange_format_name(format));
            const Map imported = read_back(format, exported(format, library));
            const InterchangeUpdate plan = plan_interchange_update(library, imported, format);
            CHECK(plan.changes.empty());
            CHECK(plan.missing.empty());
        }
        const Map semicolons = read_back(InterchangeFormat::Csv, export_csv(library, CsvDialect{';', true}));
        CHECK(plan_interchange_update(library, semicolons, InterchangeFormat::Csv).changes.empty());
    }
}

TEST_CASE("interchange update: a Mermaid file edited by hand comes back into its map by id", "[interchange]") {
    const Map library = saas();
    std::string text = export_mermaid(library);
    auto replace = [&](const std::string& from, const std::string& to) {
        const std::size_t at = text.find(from);
        REQUIRE(at != std::string::npos);
        text.replace(at, from.size(), to);
    };
    // The demo scored 3 (emotion 1, friction 3): now 1. A new task after the ad,
    // a renamed task, a task moved to another section, a task deleted, a new actor.
    replace("Attends a product demo: 3:", "Attends a product demo: 1:");
    replace("Sees a targeted ad: ", "Tries the free trial: 4: Daily user\n    Sees a targeted ad: ");
    replace("Renewal meeting:", "Renewal negotiation:");
    const std::size_t ticket = text.find("    Opens a support ticket:");
    const std::string ticket_line = text.substr(ticket, text.find('\n', ticket) + 1 - ticket);
    text.erase(ticket, ticket_line.size());
    replace("  section Adoption\n", ticket_line + "  section Adoption\n");   // last task of Onboarding
    const std::size_t community = text.find("    Joins the user community:");
    text.erase(community, text.find('\n', community) + 1 - community);
    replace("Receives the proposal and pricing: 2: Economic buyer, Internal champion",
            "Receives the proposal and pricing: 2: Economic buyer, Internal champion, Procurement");

    const Map imported = read_back(InterchangeFormat::Mermaid, text);
    CHECK(is_export_of(InterchangeFormat::Mermaid, "edited.mmd", imported, library.title));
    const InterchangeUpdate plan = plan_interchange_update(library, imported, InterchangeFormat::Mermaid);
    CHECK(plan.counts.touchpoints.added == 1);
    CHECK(plan.counts.touchpoints.moved == 1);
    CHECK(plan.counts.touchpoints.changed == 3);   // the demo's score, the renewal's title, the proposal's personas
    CHECK(plan.counts.touchpoints.removed == 0);
    CHECK(plan.counts.personas.added == 1);
    CHECK(plan.counts.stages.total() == 0);
    REQUIRE(plan.missing.size() == 1);
    CHECK(plan.missing[0].id == "tp-adoption-community");
    CHECK(plan.missing[0].stage == "Adoption");

    History history;
    const Map updated = applied(library, plan, history);
    const Stage& awareness = updated.stages[0];
    REQUIRE(awareness.touchpoints.size() == 4);
    const Touchpoint& trial = awareness.touchpoints[1];
    CHECK(trial.title == "Tries the free trial");
    CHECK(trial.emotion == 1);
    CHECK(trial.friction == 1);
    REQUIRE(trial.persona_ids.size() == 1);
    CHECK(trial.persona_ids[0] == "persona-daily-user");
    CHECK(find_touchpoint(library, trial.id) == nullptr);

    const Touchpoint* demo = find_touchpoint(updated, "tp-consideration-demo");
    CHECK(demo->emotion == -2);
    CHECK(demo->friction == 4);
    CHECK(find_touchpoint(updated, "tp-retention-renewal")->title == "Renewal negotiation");
    CHECK(find_touchpoint(updated, "tp-retention-renewal")->pains == find_touchpoint(library, "tp-retention-renewal")->pains);
    CHECK(updated.stages[locate_touchpoint(updated, "tp-adoption-support-ticket").stage].id == "stage-onboarding");
    CHECK(position(updated, "tp-adoption-support-ticket") == 3);
    CHECK(find_touchpoint(updated, "tp-adoption-community") != nullptr);   // not in the file, kept
    const auto& proposal = find_touchpoint(updated, "tp-decision-proposal")->persona_ids;
    REQUIRE(proposal.size() == 3);
    CHECK(find_persona(updated, proposal[2])->name == "Procurement");
    CHECK(updated.personas.size() == library.personas.size() + 1);
    check_only_carried_fields_changed(library, updated, InterchangeFormat::Mermaid);

    SECTION("undo restores the library map exactly, in one step") {
        Map m = updated;
        REQUIRE(history.undo(m));
        CHECK(m == library);
        CHECK_FALSE(history.can_undo());
        REQUIRE(history.redo(m));
        CHECK(m == updated);
    }
    SECTION("cards not in the file go only when asked") {
        const InterchangeUpdate removing = plan_interchange_update(library, imported, InterchangeFormat::Mermaid, true);
        CHECK(removing.counts.touchpoints.removed == 1);
        History h;
        Map m = applied(library, removing, h);
        CHECK(find_touchpoint(m, "tp-adoption-community") == nullptr);
        CHECK(find_touchpoint(m, "tp-consideration-demo")->emotion == -2);
        REQUIRE(h.undo(m));
        CHECK(m == library);
    }
}

TEST_CASE("interchange update: an edited export comes back with only what the format carries", "[interchange]") {
    const InterchangeFormat format = GENERATE(InterchangeFormat::Mermaid, InterchangeFormat::Csv);
    INFO(interchange_format_name(format));
    const Map library = saas();
    // What someone did to the exported file, made on a copy and exported again.
    Map edited = library;
    Touchpoint trial;
    trial.id = "not-carried-1";
    trial.title = "Tries the free trial";
    trial.emotion = 1;
    trial.friction = 1;
    trial.channel = "web";
    trial.pains = {"Trial expires too soon"};
    trial.persona_ids = {"persona-daily-user"};
    edited.stages[0].touchpoints.insert(edited.stages[0].touchpoints.begin() + 1, trial);
    find_touchpoint(edited, "tp-consideration-demo")->emotion = -2;        // score 1 in Mermaid
    find_touchpoint(edited, "tp-consideration-demo")->friction = 4;
    find_touchpoint(edited, "tp-retention-renewal")->title = "Renewal negotiation";
    find_touchpoint(edited, "tp-decision-signature")->pains = {"Legal wants changes", "Procurement portal"};
    find_stage(edited, "stage-onboarding")->touchpoints.push_back(take_card(edited, "tp-adoption-support-ticket"));
    take_card(edited, "tp-adoption-community");
    // Not carried by either format: must not reach the library map.
    find_touchpoint(edited, "tp-decision-signature")->survey.nps[10] += 7;
    find_touchpoint(edited, "tp-decision-signature")->backstage = "DocuSign";
    find_stage(edited, "stage-decision")->goal = "Sign faster";
    edited.personas[0].color = "#123456";
    for (auto& s : edited.stages)
        for (auto& t : s.touchpoints) t.id = "x-" + t.id;   // the file has no ids

    const Map imported = read_back(format, exported(format, edited));
    const InterchangeUpdate plan = plan_interchange_update(library, imported, format);
    CHECK(plan.counts.touchpoints.added == 1);
    CHECK(plan.counts.touchpoints.moved == 1);
    CHECK(plan.counts.touchpoints.removed == 0);
    CHECK(plan.counts.touchpoints.changed == (format == InterchangeFormat::Csv ? 3 : 2));   // CSV carries pains
    CHECK(plan.counts.stages.total() == 0);
    CHECK(plan.counts.personas.total() == 0);
    CHECK(plan.missing.size() == 1);

    History history;
    const Map updated = applied(library, plan, history);
    CHECK(updated.stages[0].touchpoints[1].title == "Tries the free trial");
    CHECK(updated.stages[0].touchpoints[1].channel == (format == InterchangeFormat::Csv ? "web" : ""));
    CHECK(find_touchpoint(updated, "tp-consideration-demo")->emotion == -2);
    CHECK(find_touchpoint(updated, "tp-consideration-demo")->friction == 4);
    CHECK(find_touchpoint(updated, "tp-retention-renewal")->title == "Renewal negotiation");
    CHECK(find_stage(updated, "stage-onboarding")->touchpoints.back().id == "tp-adoption-support-ticket");
    const Touchpoint* signature = find_touchpoint(updated, "tp-decision-signature");
    CHECK(signature->survey == find_touchpoint(library, "tp-decision-signature")->survey);
    CHECK(signature->backstage == find_touchpoint(library, "tp-decision-signature")->backstage);
    CHECK(signature->pains == (format == InterchangeFormat::Csv ? edited.stages[2].touchpoints[2].pains
                                                               : find_touchpoint(library, "tp-decision-signature")->pains));
    CHECK(find_stage(updated, "stage-decision")->goal == find_stage(library, "stage-decision")->goal);
    check_only_carried_fields_changed(library, updated, format);

    Map m = updated;
    REQUIRE(history.undo(m));
    CHECK(m == library);
    CHECK_FALSE(history.can_undo());
}

TEST_CASE("interchange update: a renamed stage keeps its id, a stage the file lacks is listed", "[interchange]") {
    const Map library = saas();
    Map edited = library;
    edited.stages[4].name = "Adoption and habits";
    edited.stages.erase(edited.stages.begin() + 6);   // Advocacy
    Stage expansion;
    expansion.name = "Expansion";
    expansion.touchpoints.push_back(Touchpoint{.id = "e1", .title = "Buys more seats", .friction = 2});
    edited.stages.push_back(expansion);
    for (const InterchangeFormat format : {InterchangeFormat::Mermaid, InterchangeFormat::Csv}) {
        INFO(interchange_format_name(format));
        const Map imported = read_back(format, exported(format, edited));
        const InterchangeUpdate plan = plan_interchange_update(library, imported, format);
        CHECK(plan.counts.stages.added == 1);
        CHECK(plan.counts.stages.changed == 1);
        CHECK(plan.counts.stages.removed == 0);
        CHECK(plan.missing_count(EntityKind::Stage) == 1);
        CHECK(plan.missing_count(EntityKind::Touchpoint) == 3);   // Advocacy's cards
        History history;
        Map updated = applied(library, plan, history);
        CHECK(find_stage(updated, "stage-adoption")->name == "Adoption and habits");
        CHECK(find_stage(updated, "stage-advocacy") != nullptr);
        CHECK(updated.stages.back().name == "Expansion");
        CHECK(updated.stages.back().touchpoints.at(0).title == "Buys more seats");
        check_only_carried_fields_changed(library, updated, format);

        const InterchangeUpdate removing = plan_interchange_update(library, imported, format, true);
        CHECK(removing.counts.stages.removed == 1);
        CHECK(removing.counts.touchpoints.removed == 3);
        History h;
        Map m = applied(library, removing, h);
        CHECK(find_stage(m, "stage-advocacy") == nullptr);
        REQUIRE(h.undo(m));
        CHECK(m == library);
    }
}

TEST_CASE("interchange update: which library map a file is an export of", "[interchange]") {
    const Map library = saas();
    const Map from_mermaid = read_back(InterchangeFormat::Mermaid, export_mermaid(library));
    const Map from_csv = read_back(InterchangeFormat::Csv, export_csv(library));
    CHECK(interchange_format_of("a.MMD") == InterchangeFormat::Mermaid);
    CHECK(interchange_format_of("a.mermaid") == InterchangeFormat::Mermaid);
    CHECK(interchange_format_of("a.Csv") == InterchangeFormat::Csv);
    CHECK_FALSE(interchange_format_of("a.json"));
    // Mermaid carries the title; CSV only its file name does.
    CHECK(is_export_of(InterchangeFormat::Mermaid, "anything.mmd", from_mermaid, "  saas CUSTOMER journey "));
    CHECK_FALSE(is_export_of(InterchangeFormat::Mermaid, "anything.mmd", from_mermaid, "Another map"));
    CHECK(is_export_of(InterchangeFormat::Csv, "SaaS customer journey.csv", from_csv, library.title));
    CHECK(is_export_of(InterchangeFormat::Csv, "Downloads/SaaS customer journey (2).csv", from_csv, library.title));
    CHECK_FALSE(is_export_of(InterchangeFormat::Csv, "journey.csv", from_csv, library.title));
    CHECK_FALSE(is_export_of(InterchangeFormat::Csv, "Imported journey.csv", from_csv, library.title));
    CHECK(title_of_file_name("Downloads/ventas (1).csv") == "ventas");
    CHECK(title_of_file_name("C:\\Users\\ana\\Q3 review.mmd") == "Q3 review");
    CHECK(title_of_file_name("plan (final).csv") == "plan (final)");
    CHECK(title_of_file_name(".csv").empty() == false);   // a name that is all extension stays a name
    // A title a file system refuses is exported under its safe name (io/file_name.h).
    CHECK(is_export_of(InterchangeFormat::Csv, "Q3- renewals-churn.csv", from_csv, "Q3: renewals/churn"));
    CHECK(is_export_of(InterchangeFormat::Mermaid, "Décision ÉTAPE.mmd", from_csv, "décision étape"));
    // Of two maps with the title, the one that shares more with the file.
    Map other = library;
    other.stages.resize(2);
    CHECK(resemblance(library, from_csv) > resemblance(other, from_csv));
    CHECK(resemblance(library, from_csv) == 7 + 21);
}

TEST_CASE("interchange update: names match trimmed and in any case, scores change only when they changed", "[interchange]") {
    Map library;
    library.id = "m";
    library.title = "Case";
    library.lanes = default_lanes();
    library.personas.push_back(Persona{.id = "p-ana", .name = "Ana", .color = "#ff0000"});
    library.stages.push_back(Stage{.id = "s1", .name = " Décision "});
    library.stages[0].touchpoints.push_back(Touchpoint{.id = "a", .title = "Demo", .persona_ids = {"p-ana"}, .friction = 4, .emotion = 2});
    library.stages[0].touchpoints.push_back(Touchpoint{.id = "b", .title = "", .friction = 0, .emotion = 0});
    // Emotion 2 and friction 4 make score 3, the untitled card's 0 and 0 make 4:
    // the file says so, with other spaces and letter case in the names.
    const Map same = read_back(InterchangeFormat::Mermaid, "journey\n  title Case\n  section Décision\n    DEMO: 3: ana\n    (untitled): 4\n");
    const InterchangeUpdate respelled = plan_interchange_update(library, same, InterchangeFormat::Mermaid);
    CHECK(respelled.counts.touchpoints.changed == 1);   // the card "Demo", now spelled "DEMO"
    CHECK(respelled.counts.touchpoints.added == 0);
    const Map spaced = read_back(InterchangeFormat::Mermaid, "journey\n  title Case\n  section Décision\n    Demo: 3: ana\n    (untitled): 4\n");
    CHECK(plan_interchange_update(library, spaced, InterchangeFormat::Mermaid).changes.empty());
    const Map lower = read_back(InterchangeFormat::Mermaid, "journey\n  title Case\n  section DÉCISION\n    demo: 4: Ana\n    (untitled): 4\n");
    const InterchangeUpdate changed = plan_interchange_update(library, lower, InterchangeFormat::Mermaid);
    CHECK(changed.counts.touchpoints.changed == 1);
    CHECK(changed.counts.stages.changed == 1);
    CHECK(changed.counts.touchpoints.added == 0);
    History h;
    const Map m = applied(library, changed, h);
    CHECK(m.stages[0].id == "s1");
    CHECK(m.stages[0].name == "DÉCISION");              // a change of case is a change the user made
    CHECK(m.stages[0].touchpoints[0].id == "a");
    CHECK(m.stages[0].touchpoints[0].title == "demo");
    CHECK(m.stages[0].touchpoints[0].emotion == 1);
    CHECK(m.stages[0].touchpoints[0].friction == 1);
    CHECK(m.stages[0].touchpoints[0].persona_ids == std::vector<std::string>{"p-ana"});
    CHECK(m.personas == library.personas);
}

TEST_CASE("interchange update: what a format does not carry, and what this map has of it", "[interchange]") {
    i18n::set_language("en");
    const Map library = saas();
    const auto mermaid = not_carried(InterchangeFormat::Mermaid);
    const auto csv = not_carried(InterchangeFormat::Csv);
    CHECK(std::find(mermaid.begin(), mermaid.end(), "pains and opportunities") != mermaid.end());
    CHECK(std::find(csv.begin(), csv.end(), "pains and opportunities") == csv.end());
    CHECK(std::find(csv.begin(), csv.end(), "KPIs") != csv.end());

    long long pains = 0, kpis = 0;
    for (const auto& s : library.stages) {
        kpis += static_cast<long long>(s.kpis.size());
        for (const auto& t : s.touchpoints) pains += static_cast<long long>(t.pains.size());
    }
    REQUIRE(pains > 1);
    const auto held_mermaid = not_carried_in(library, InterchangeFormat::Mermaid);
    const auto held_csv = not_carried_in(library, InterchangeFormat::Csv);
    CHECK(std::find(held_mermaid.begin(), held_mermaid.end(), std::to_string(pains) + " pains") != held_mermaid.end());
    CHECK(std::none_of(held_csv.begin(), held_csv.end(), [](const std::string& s) { return s.find("pains") != std::string::npos; }));
    if (kpis > 1) CHECK(std::find(held_csv.begin(), held_csv.end(), std::to_string(kpis) + " KPIs") != held_csv.end());
    Map bare;
    bare.stages.push_back(Stage{.id = "s", .name = "Only"});
    CHECK(not_carried_in(bare, InterchangeFormat::Mermaid).empty());
    bare.personas.push_back(Persona{.id = "p", .name = "Ana", .color = "#00ff00"});
    CHECK(not_carried_in(bare, InterchangeFormat::Csv) == std::vector<std::string>{"persona colours"});
}
