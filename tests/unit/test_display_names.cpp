// What the editor shows for stored keys (channels, Find's fields) and its
// window titles with ids that stay the same in every language.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <set>
#include <string>

#include "i18n/i18n.h"
#include "model/map.h"
#include "support/language_scope.h"
#include "ui/core/canvas_layout.h"
#include "ui/core/display_names.h"
#include "ui/core/find.h"
#include "ui/core/window_title.h"

using namespace jm;
using jm::testing::LanguageScope;

namespace {

bool in_english_catalogue(const std::string& key) {
    static const nlohmann::json messages = nlohmann::json::parse(i18n::catalogue_text("en")).at("messages");
    return messages.contains(key);
}

// A map whose every text Find looks at reads "needle".
Map map_of_needles() {
    Map m;
    m.title = m.description = m.objective = "needle";
    Stage s;
    s.id = "s1";
    s.name = s.description = s.goal = s.owner = s.business_voice = s.handoff.agreement = "needle";
    s.kpis.push_back(Kpi{});
    s.kpis.back().name = "needle";
    Touchpoint t;
    t.id = "t1";
    t.title = t.description = t.doing = t.thinking = t.channel = t.owner = t.backstage = "needle";
    t.pains = t.opportunities = t.evidence.quotes = {"needle"};
    s.touchpoints.push_back(t);
    m.stages.push_back(s);
    Persona p;
    p.id = "p1";
    p.name = p.job_title = p.goals = p.needs = p.research_channels = p.expectations = p.loyalty_factors = "needle";
    m.personas.push_back(p);
    return m;
}

}  // namespace

TEST_CASE("known channels are shown in the UI's language, the stored key and typed channels stay") {
    for (const std::string& c : known_channels()) {
        INFO("channel " << c);
        REQUIRE(in_english_catalogue(c));
        REQUIRE(ui::channel_name(c) == c);   // English shows the key itself
    }
    LanguageScope es("es");
    REQUIRE(ui::channel_name("search") == "búsqueda");
    REQUIRE(ui::channel_name("sales call") == "llamada de ventas");
    REQUIRE(ui::channel_name("carrier pigeon") == "carrier pigeon");
    REQUIRE(ui::channel_name("") == "");
    for (const char* code : {"es", "pt-BR", "zh-CN"}) {
        LanguageScope l(code);
        std::set<std::string> shown;
        for (const std::string& c : known_channels()) shown.insert(ui::channel_name(c));
        REQUIRE(shown.size() == known_channels().size());   // no two channels look the same
    }
}

TEST_CASE("every field Find reports has a name, the inspector's label, in every language") {
    const auto hits = ui::find_text(map_of_needles(), "needle");
    std::set<std::string> fields;
    for (const auto& h : hits) fields.insert(h.field);
    REQUIRE(fields.size() >= 15);
    for (const std::string& f : fields) {
        INFO("field " << f);
        const std::string name = ui::find_field_name(f);
        REQUIRE(name != f);   // never the JSON key
        REQUIRE(in_english_catalogue(name));
    }
    REQUIRE(ui::find_field_name("business_voice") == "Voice of the business");
    LanguageScope zh("zh-CN");
    REQUIRE(ui::find_field_name("title") == i18n::tr("Title"));
    REQUIRE(ui::find_field_name("title") != "Title");
    REQUIRE(ui::find_field_name("not_a_field") == "not_a_field");
}

TEST_CASE("a window title is shown in the language, its id, and the name the test hook publishes, are not") {
    REQUIRE(ui::window_title("Historial", "History") == "Historial###History");
    REQUIRE(ui::stable_window_name("Historial###History") == "History");
    REQUIRE(ui::stable_window_name("History###History") == "History");
    REQUIRE(ui::stable_window_name("历史记录###History/Child_1A2B3C4D") == "History/Child_1A2B3C4D");
    REQUIRE(ui::stable_window_name("No se pudo abrir###Could not open the file/problems_0000ABCD") ==
            "Could not open the file/problems_0000ABCD");
    REQUIRE(ui::stable_window_name("Journey Map/Inspector_12345678") == "Journey Map/Inspector_12345678");
    REQUIRE(ui::stable_window_name("##Popup_1234abcd") == "##Popup_1234abcd");
    REQUIRE(ui::stable_window_name("A###a/B###b/C") == "a/b/C");
    REQUIRE(ui::stable_window_name("") == "");
}

TEST_CASE("the canvas lanes show channels and owners in the UI's language", "[ui][layout]") {
    Map m;
    Stage s;
    s.id = "s1";
    s.name = "Decisión";
    s.handoff.to_team = "Success";
    Touchpoint t;
    t.id = "t1";
    t.title = "Demo";
    t.channel = "sales call";
    s.touchpoints.push_back(t);
    t.id = "t2";
    t.channel = "carrier pigeon";
    s.touchpoints.push_back(t);
    m.stages.push_back(s);
    const std::vector<Lane> lanes = {Lane::Touchpoints, Lane::Channels, Lane::Owners};
    for (const char* code : {"en", "es", "zh-CN"}) {
        LanguageScope l(code);
        INFO("language " << code);
        ui::CanvasLayout L(m, lanes, ui::LayoutMetrics{});
        auto [ca, cb] = L.cell_items(0, L.lane_index(Lane::Channels));
        REQUIRE(cb - ca == 2);
        REQUIRE(L.item_text(m, 0, L.item(ca)) == ui::channel_name("sales call"));
        REQUIRE(L.item(ca).touchpoint == 0);   // still the card's, for its icon and its hover
        REQUIRE(L.item_text(m, 0, L.item(ca + 1)) == "carrier pigeon");
        auto [oa, ob] = L.cell_items(0, L.lane_index(Lane::Owners));
        REQUIRE(ob - oa == 2);
        REQUIRE(L.item_text(m, 0, L.item(oa)) == i18n::tr("No owner"));
        REQUIRE(L.item_text(m, 0, L.item(oa + 1)) == i18n::trf("Hands off to {team}", {{"team", "Success"}}));
    }
    LanguageScope es("es");
    ui::CanvasLayout L(m, lanes, ui::LayoutMetrics{});
    REQUIRE(L.item_text(m, 0, L.item(L.cell_items(0, L.lane_index(Lane::Channels)).first)) == "llamada de ventas");
    REQUIRE(m.stages[0].touchpoints[0].channel == "sales call");
}

TEST_CASE("the friction badge is short in every language") {
    REQUIRE(ui::friction_badge(3) == "F3");
    for (const char* code : {"es", "pt-BR", "zh-CN"}) {
        LanguageScope l(code);
        const std::string badge = ui::friction_badge(5);
        INFO(code << ": " << badge);
        REQUIRE(badge.find('5') != std::string::npos);
        REQUIRE(badge.size() <= 8);   // "F5", "摩擦5": fits the card's badge
    }
}
