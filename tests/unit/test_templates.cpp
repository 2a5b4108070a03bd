// The map templates embedded from assets/templates/*.json: each one must open
// without problems, follow its source framework, and already be in canonical
// form, so that "New map from template" never shows a damaged or dirty map.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "io/map_json.h"
#include "io/templates.h"
#include "model/map.h"

namespace {

const jm::EmbeddedTemplate* find_template(const std::string& name) {
    for (const auto& t : jm::embedded_templates())
        if (name == t.name) return &t;
    return nullptr;
}

jm::Map load_template(const std::string& name) {
    const jm::EmbeddedTemplate* t = find_template(name);
    REQUIRE(t != nullptr);
    jm::LoadResult r = jm::load_map_json(t->json);
    REQUIRE(r.ok());
    return *r.map;
}

std::vector<std::string> stage_names(const jm::Map& map) {
    std::vector<std::string> names;
    for (const auto& s : map.stages) names.push_back(s.name);
    return names;
}

// The stage frameworks of the source articles (shared/DOMAIN.md, "Stage frameworks").
struct Framework {
    const char* name;
    std::vector<std::string> stages;
};

const std::vector<Framework>& frameworks() {
    static const std::vector<Framework> all = {
        {"saas-journey",
         {"Awareness", "Consideration", "Decision", "Onboarding", "Adoption", "Retention", "Advocacy"}},
        {"b2b-lifecycle",
         {"Awareness", "Information search", "Consideration / decision", "Purchase", "Use", "Upsell & cross-sell",
          "Post-sale"}},
        {"acnce-funnel", {"Attract", "Capture", "Nurture", "Convert", "Expand"}},
        {"b2b-journey-exit",
         {"Awareness", "Consideration", "Decision", "Implementation", "Service", "Growth & expansion", "Exit"}},
    };
    return all;
}

}  // namespace

TEST_CASE("the five expected templates are embedded", "[templates]") {
    CHECK(jm::embedded_templates().size() == 5);
    for (const char* name : {"blank", "saas-journey", "b2b-lifecycle", "acnce-funnel", "b2b-journey-exit"}) {
        INFO("template " << name);
        CHECK(find_template(name) != nullptr);
    }
}

TEST_CASE("every embedded template loads with no problems", "[templates]") {
    REQUIRE_FALSE(jm::embedded_templates().empty());
    for (const auto& t : jm::embedded_templates()) {
        INFO("template " << t.name);
        jm::LoadResult r = jm::load_map_json(t.json);
        for (const auto& p : r.problems) UNSCOPED_INFO(p.path << ": " << p.message);
        CHECK(r.problems.empty());
        CHECK(r.ok());
        CHECK(r.source_version == jm::kFormatVersion);
        CHECK_FALSE(r.migrated);
    }
}

TEST_CASE("every embedded template is already in canonical form", "[templates]") {
    for (const auto& t : jm::embedded_templates()) {
        INFO("template " << t.name);
        jm::LoadResult r = jm::load_map_json(t.json);
        REQUIRE(r.ok());
        CHECK(jm::save_map_json(*r.map) == std::string(t.json));
    }
}

TEST_CASE("every persona_id in a template names one of its personas", "[templates]") {
    for (const auto& t : jm::embedded_templates()) {
        jm::LoadResult r = jm::load_map_json(t.json);
        REQUIRE(r.ok());
        for (const auto& s : r.map->stages)
            for (const auto& tp : s.touchpoints)
                for (const auto& pid : tp.persona_ids) {
                    INFO("template " << t.name << ", touchpoint " << tp.id << ", persona " << pid);
                    CHECK(jm::find_persona(*r.map, pid) != nullptr);
                }
    }
}

TEST_CASE("framework templates have the source article's stages in order", "[templates]") {
    for (const auto& f : frameworks()) {
        INFO("template " << f.name);
        jm::Map map = load_template(f.name);
        CHECK(map.id == std::string("template-") + f.name);
        CHECK(stage_names(map) == f.stages);
    }
}

TEST_CASE("framework templates are a complete workshop starting point", "[templates]") {
    const std::vector<jm::Lane> lanes = {jm::Lane::Touchpoints, jm::Lane::Doing,         jm::Lane::Emotion,
                                         jm::Lane::Friction,    jm::Lane::Pains,         jm::Lane::Opportunities,
                                         jm::Lane::Kpis,        jm::Lane::Owners};
    const auto& channels = jm::known_channels();
    for (const auto& f : frameworks()) {
        INFO("template " << f.name);
        jm::Map map = load_template(f.name);
        CHECK(map.lanes == lanes);
        CHECK_FALSE(map.description.empty());

        int decision_makers = 0, users = 0;
        std::set<std::string> buyers;
        for (const auto& p : map.personas) {
            if (p.role == jm::CommitteeRole::DecisionMaker) ++decision_makers;
            if (p.kind == jm::PersonaKind::User) ++users;
            if (p.kind == jm::PersonaKind::Buyer) buyers.insert(p.id);
            CHECK_FALSE(p.color.empty());
        }
        CHECK(decision_makers == 1);
        CHECK(users == 1);
        CHECK(buyers.size() >= 3);

        for (const auto& s : map.stages) {
            INFO("stage " << s.name);
            CHECK_FALSE(s.description.empty());
            CHECK_FALSE(s.goal.empty());
            CHECK_FALSE(s.owner.empty());
            CHECK_FALSE(s.business_voice.empty());
            CHECK((s.kpis.size() >= 1 && s.kpis.size() <= 2));
            for (const auto& k : s.kpis) {
                // Templates suggest what to measure; the workshop brings the figures.
                CHECK_FALSE(k.current.has_value());
                CHECK_FALSE(k.target.has_value());
                CHECK_FALSE(k.previous.has_value());
            }
            CHECK((s.touchpoints.size() >= 2 && s.touchpoints.size() <= 3));
            for (const auto& tp : s.touchpoints) {
                INFO("touchpoint " << tp.id << " channel " << tp.channel);
                CHECK(std::find(channels.begin(), channels.end(), tp.channel) != channels.end());
                CHECK_FALSE(tp.owner.empty());
                CHECK_FALSE(tp.persona_ids.empty());
                CHECK(tp.survey == jm::Survey{});   // no invented survey data
                CHECK_FALSE(tp.volume.has_value());
            }
        }

        // Every buyer shows up in most stages, so filtering by persona stays useful.
        for (const auto& id : buyers) {
            int stages_with_buyer = 0;
            for (const auto& s : map.stages) {
                bool present = std::any_of(s.touchpoints.begin(), s.touchpoints.end(), [&](const jm::Touchpoint& tp) {
                    return std::find(tp.persona_ids.begin(), tp.persona_ids.end(), id) != tp.persona_ids.end();
                });
                if (present) ++stages_with_buyer;
            }
            INFO("buyer persona " << id);
            CHECK(stages_with_buyer * 2 > static_cast<int>(map.stages.size()));
        }
    }
}

TEST_CASE("the B2B lifecycle template carries a voice of the business per stage", "[templates]") {
    jm::Map map = load_template("b2b-lifecycle");
    for (const auto& s : map.stages) {
        INFO("stage " << s.name);
        CHECK_FALSE(s.business_voice.empty());
    }
    // Seed 001's examples for the selection and purchase moments.
    CHECK(map.stages[2].business_voice.find("close ratio") != std::string::npos);
    CHECK(map.stages[3].business_voice.find("requirements for the contract") != std::string::npos);
}

TEST_CASE("the funnel template hands Nurture over from marketing to sales", "[templates]") {
    jm::Map map = load_template("acnce-funnel");
    const jm::Stage* nurture = jm::find_stage(map, "stage-nurture");
    REQUIRE(nurture != nullptr);
    CHECK(nurture->owner == "Marketing");
    CHECK(nurture->handoff.to_team == "Sales");
    CHECK_FALSE(nurture->handoff.agreement.empty());
}

TEST_CASE("the blank template is one empty stage with the default lanes", "[templates]") {
    jm::Map map = load_template("blank");
    REQUIRE(map.stages.size() == 1);
    CHECK(map.stages[0].touchpoints.empty());
    CHECK(map.stages[0].kpis.empty());
    CHECK(map.personas.empty());
    CHECK(map.lanes == jm::default_lanes());
}
