// The map templates embedded from assets/templates/<id>.<lang>.json: each one must
// open without problems, follow its source framework, and already be in
// canonical form, so that "New map from template" never shows a damaged or dirty
// map. The language versions of one template are the same map in other words.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "io/map_json.h"
#include "io/templates.h"
#include "model/map.h"

namespace {

const std::vector<std::string> kLanguages = {"en", "es", "pt-BR", "zh-CN"};
const std::vector<std::string> kIds = {"acnce-funnel", "b2b-journey-exit", "b2b-lifecycle", "blank", "saas-journey"};

const jm::EmbeddedTemplate* find_embedded(const std::string& name) {
    for (const auto& t : jm::embedded_templates())
        if (name == t.name) return &t;
    return nullptr;
}

jm::Map load_template(const std::string& name) {
    const jm::EmbeddedTemplate* t = find_embedded(name);
    INFO("template " << name);
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

// Each framework's stages in every language. The source language's names are the
// article's own words (shared/seeds): seed 000's "conocimiento, consideración,
// decisión, incorporación, adopción, retención y promoción"; seed 001's seven
// moments; seed 003's "Atrair, Capturar, Nutrir, Converter e Expandir"; seed 004's
// stages as the issue names them from the article (认知, 考虑, 决策, 实施, 服务, 增长, 退出: its body
// speaks of 实施 and 增长 throughout; its numbered headings say 意识, 思考, 执行, 成长与扩张).
struct Framework {
    const char* id;
    const char* source_language;
    std::map<std::string, std::vector<std::string>> stages;   // by language
};

const std::vector<Framework>& frameworks() {
    static const std::vector<Framework> all = {
        {"saas-journey",
         "es",
         {{"en", {"Awareness", "Consideration", "Decision", "Onboarding", "Adoption", "Retention", "Advocacy"}},
          {"es", {"Conocimiento", "Consideración", "Decisión", "Incorporación", "Adopción", "Retención", "Promoción"}},
          {"pt-BR",
           {"Conscientização", "Consideração", "Decisão", "Onboarding", "Adoção", "Retenção", "Defesa da marca"}},
          {"zh-CN", {"认知", "考虑", "决策", "客户引导", "采用", "留存", "口碑推荐"}}}},
        {"b2b-lifecycle",
         "es",
         {{"en",
           {"Awareness", "Information search", "Consideration / decision", "Purchase", "Use", "Upsell & cross-sell",
            "Post-sale"}},
          {"es",
           {"Conocimiento", "Búsqueda de información", "Consideración de compra o decisión", "Compra", "Uso",
            "Upselling y cross selling", "Posventa"}},
          {"pt-BR",
           {"Conhecimento", "Busca de informações", "Consideração de compra ou decisão", "Compra", "Uso",
            "Upsell e cross-sell", "Pós-venda"}},
          {"zh-CN", {"认知", "信息搜索", "购买考虑/决策", "购买", "使用", "追加销售与交叉销售", "售后"}}}},
        {"acnce-funnel",
         "pt-BR",
         {{"en", {"Attract", "Capture", "Nurture", "Convert", "Expand"}},
          {"es", {"Atraer", "Captar", "Nutrir", "Convertir", "Expandir"}},
          {"pt-BR", {"Atrair", "Capturar", "Nutrir", "Converter", "Expandir"}},
          {"zh-CN", {"吸引", "捕获", "培育", "转化", "扩展"}}}},
        {"b2b-journey-exit",
         "zh-CN",
         {{"en", {"Awareness", "Consideration", "Decision", "Implementation", "Service", "Growth & expansion", "Exit"}},
          {"es",
           {"Conocimiento", "Consideración", "Decisión", "Implementación", "Servicio", "Crecimiento y expansión",
            "Salida"}},
          {"pt-BR",
           {"Conscientização", "Consideração", "Decisão", "Implementação", "Serviço", "Crescimento e expansão",
            "Saída"}},
          {"zh-CN", {"认知", "考虑", "决策", "实施", "服务", "增长", "退出"}}}},
    };
    return all;
}

// Keys whose values are identifiers, codes or numbers-as-text, the same in every
// language; every other string in a map file is text a person reads.
const std::set<std::string>& non_text_keys() {
    static const std::set<std::string> keys = {"id",   "format", "version",   "lanes",    "card_detail",
                                               "channel", "persona_ids", "color", "kind",  "role",
                                               "direction", "created", "modified", "currency", "company_size"};
    return keys;
}

// The file with every text blanked: what must be identical across languages.
nlohmann::ordered_json skeleton(const nlohmann::ordered_json& node, const std::string& key = "") {
    if (node.is_object()) {
        nlohmann::ordered_json out = nlohmann::ordered_json::object();
        for (auto it = node.begin(); it != node.end(); ++it)
            out[it.key()] = non_text_keys().count(it.key()) ? it.value() : skeleton(it.value(), it.key());
        return out;
    }
    if (node.is_array()) {
        nlohmann::ordered_json out = nlohmann::ordered_json::array();
        for (const auto& v : node) out.push_back(skeleton(v, key));
        return out;
    }
    if (node.is_string()) return "";
    return node;
}

// Every text of the file, in document order.
void texts(const nlohmann::ordered_json& node, std::vector<std::string>& out) {
    if (node.is_object()) {
        for (auto it = node.begin(); it != node.end(); ++it)
            if (!non_text_keys().count(it.key())) texts(it.value(), out);
    } else if (node.is_array()) {
        for (const auto& v : node) texts(v, out);
    } else if (node.is_string()) {
        out.push_back(node.get<std::string>());
    }
}

nlohmann::ordered_json template_json(const std::string& name) {
    const jm::EmbeddedTemplate* t = find_embedded(name);
    INFO("template " << name);
    REQUIRE(t != nullptr);
    return nlohmann::ordered_json::parse(t->json);
}

std::vector<std::string> ids_of(const std::vector<jm::TemplateInfo>& list) {
    std::vector<std::string> out;
    for (const auto& t : list) out.push_back(t.id);
    return out;
}

}  // namespace

TEST_CASE("every template is embedded in the four languages, and nothing else is", "[templates]") {
    CHECK(jm::embedded_templates().size() == kIds.size() * kLanguages.size());
    for (const auto& id : kIds)
        for (const auto& lang : kLanguages) {
            INFO("template " << id << "." << lang);
            CHECK(find_embedded(id + "." + lang) != nullptr);
        }
    CHECK(jm::template_languages() == kLanguages);
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
        CHECK(r.notices.empty());
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

TEST_CASE("the language versions of a template are one map: same ids, numbers and structure", "[templates]") {
    for (const auto& id : kIds) {
        const nlohmann::ordered_json english = template_json(id + ".en");
        std::vector<std::string> english_texts;
        texts(english, english_texts);
        for (const auto& lang : kLanguages) {
            if (lang == "en") continue;
            INFO("template " << id << "." << lang);
            const nlohmann::ordered_json other = template_json(id + "." + lang);
            CHECK(skeleton(other) == skeleton(english));

            // Translated, not copied: a text stays empty only where English is
            // empty, and only symbols and words the other language borrows as
            // they are stay the same.
            static const std::set<std::string> borrowed = {"%",     "USD",       "EMEA",      "Marketing",
                                                           "leads", "downloads", "Onboarding"};
            std::vector<std::string> other_texts;
            texts(other, other_texts);
            REQUIRE(other_texts.size() == english_texts.size());
            for (std::size_t i = 0; i < other_texts.size(); ++i) {
                INFO("text " << i << ": " << english_texts[i]);
                CHECK(other_texts[i].empty() == english_texts[i].empty());
                if (other_texts[i] == english_texts[i]) CHECK(borrowed.count(english_texts[i]) == 1);
            }
            CHECK(other["title"] != english["title"]);
        }
    }
}

TEST_CASE("the source languages are the languages of the articles", "[templates]") {
    CHECK(jm::template_source_language("saas-journey") == "es");
    CHECK(jm::template_source_language("b2b-lifecycle") == "es");
    CHECK(jm::template_source_language("acnce-funnel") == "pt-BR");
    CHECK(jm::template_source_language("b2b-journey-exit") == "zh-CN");
    CHECK(jm::template_source_language("blank") == "");
    CHECK(jm::template_source_language("nope") == "");
    for (const auto& f : frameworks()) CHECK(jm::template_source_language(f.id) == f.source_language);
}

TEST_CASE("framework templates have their stages in order, in the article's words in its language", "[templates]") {
    for (const auto& f : frameworks())
        for (const auto& [lang, stages] : f.stages) {
            INFO("template " << f.id << "." << lang);
            jm::Map map = load_template(std::string(f.id) + "." + lang);
            CHECK(map.id == std::string("template-") + f.id);
            CHECK(stage_names(map) == stages);
        }
    // As the issue names them.
    CHECK(stage_names(load_template("acnce-funnel.pt-BR")) ==
          std::vector<std::string>{"Atrair", "Capturar", "Nutrir", "Converter", "Expandir"});
    CHECK(stage_names(load_template("b2b-journey-exit.zh-CN")) ==
          std::vector<std::string>{"认知", "考虑", "决策", "实施", "服务", "增长", "退出"});
}

TEST_CASE("source-language versions use the domain's own vocabulary", "[templates]") {
    auto text_of = [](const std::string& name) {
        std::vector<std::string> all;
        texts(template_json(name), all);
        std::string joined;
        for (const auto& s : all) joined += s + "\n";
        return joined;
    };
    const std::string saas = text_of("saas-journey.es");
    CHECK(saas.find("recorrido del cliente") != std::string::npos);
    CHECK(saas.find("puntos débiles") != std::string::npos);
    const std::string lifecycle = text_of("b2b-lifecycle.es");
    CHECK(lifecycle.find("voz del negocio") != std::string::npos);
    const std::string funnel = text_of("acnce-funnel.pt-BR");
    CHECK(funnel.find("jornada do cliente") != std::string::npos);
    CHECK(funnel.find("leads qualificados de marketing") != std::string::npos);
    const std::string exit = text_of("b2b-journey-exit.zh-CN");
    for (const char* word : {"客户旅程", "接触点", "痛点", "采购委员会", "利益相关者"}) {
        INFO(word);
        CHECK(exit.find(word) != std::string::npos);
    }
}

TEST_CASE("framework templates are a complete workshop starting point, in every language", "[templates]") {
    const std::vector<jm::Lane> lanes = {jm::Lane::Touchpoints, jm::Lane::Doing,         jm::Lane::Emotion,
                                         jm::Lane::Friction,    jm::Lane::Pains,         jm::Lane::Opportunities,
                                         jm::Lane::Kpis,        jm::Lane::Owners};
    const auto& channels = jm::known_channels();
    for (const auto& f : frameworks())
        for (const auto& lang : kLanguages) {
            INFO("template " << f.id << "." << lang);
            jm::Map map = load_template(std::string(f.id) + "." + lang);
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
                    // Channels are the editor's keys, never translated in the file.
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
                    bool present =
                        std::any_of(s.touchpoints.begin(), s.touchpoints.end(), [&](const jm::Touchpoint& tp) {
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
    for (const auto& lang : kLanguages) {
        jm::Map map = load_template("b2b-lifecycle." + lang);
        for (const auto& s : map.stages) {
            INFO("b2b-lifecycle." << lang << " stage " << s.name);
            CHECK_FALSE(s.business_voice.empty());
        }
    }
    // Seed 001's examples for the selection and purchase moments, in its words.
    jm::Map english = load_template("b2b-lifecycle.en");
    CHECK(english.stages[2].business_voice.find("close ratio") != std::string::npos);
    CHECK(english.stages[3].business_voice.find("requirements for the contract") != std::string::npos);
    jm::Map spanish = load_template("b2b-lifecycle.es");
    CHECK(spanish.stages[0].business_voice ==
          "Oportunidad de incrementar niveles de conocimiento de la marca y los productos.");
    CHECK(spanish.stages[1].business_voice == "Aumentar visitas a la web.");
    CHECK(spanish.stages[2].business_voice.find("Ratios de cierre bajos") == 0);
    CHECK(spanish.stages[3].business_voice == "Muchos requisitos para el contrato.");
    CHECK(spanish.stages[4].business_voice == "Dificultades de operación del producto.");
    CHECK(spanish.stages[6].business_voice == "Reclamos de calidad en servicios.");
}

TEST_CASE("the funnel template hands Nurture over from marketing to sales", "[templates]") {
    const std::map<std::string, std::pair<std::string, std::string>> teams = {
        {"en", {"Marketing", "Sales"}},
        {"es", {"Marketing", "Ventas"}},
        {"pt-BR", {"Marketing", "Vendas"}},
        {"zh-CN", {"市场营销", "销售"}},
    };
    for (const auto& [lang, from_to] : teams) {
        INFO("acnce-funnel." << lang);
        jm::Map map = load_template("acnce-funnel." + lang);
        const jm::Stage* nurture = jm::find_stage(map, "stage-nurture");
        REQUIRE(nurture != nullptr);
        CHECK(nurture->owner == from_to.first);
        CHECK(nurture->handoff.from_team == from_to.first);
        CHECK(nurture->handoff.to_team == from_to.second);
        CHECK_FALSE(nurture->handoff.agreement.empty());
    }
}

TEST_CASE("the blank template is one empty stage with the default lanes", "[templates]") {
    for (const auto& lang : kLanguages) {
        INFO("blank." << lang);
        jm::Map map = load_template("blank." + lang);
        REQUIRE(map.stages.size() == 1);
        CHECK(map.stages[0].touchpoints.empty());
        CHECK(map.stages[0].kpis.empty());
        CHECK(map.personas.empty());
        CHECK(map.lanes == jm::default_lanes());
    }
}

// --- The catalogue the New map dialog and the CLI use ----------------------

TEST_CASE("template_language understands the tags browsers and POSIX give", "[templates]") {
    CHECK(jm::template_language("en") == "en");
    CHECK(jm::template_language("en-GB") == "en");
    CHECK(jm::template_language("es") == "es");
    CHECK(jm::template_language("es-MX") == "es");
    CHECK(jm::template_language("es_ES.UTF-8") == "es");
    CHECK(jm::template_language("pt") == "pt-BR");
    CHECK(jm::template_language("pt-PT") == "pt-BR");
    CHECK(jm::template_language("PT_br") == "pt-BR");
    CHECK(jm::template_language("zh") == "zh-CN");
    CHECK(jm::template_language("zh-Hans-CN") == "zh-CN");
    CHECK(jm::template_language("zh_CN.UTF-8@pinyin") == "zh-CN");
    CHECK(jm::template_language("fr") == "");
    CHECK(jm::template_language("C") == "");
    CHECK(jm::template_language("") == "");
}

TEST_CASE("the catalogue lists every template in every language, by id then language", "[templates]") {
    const auto all = jm::template_catalogue();
    REQUIRE(all.size() == kIds.size() * kLanguages.size());
    for (std::size_t i = 0; i < all.size(); ++i) {
        const auto& t = all[i];
        INFO(t.name);
        CHECK(t.id == kIds[i / kLanguages.size()]);
        CHECK(t.language == kLanguages[i % kLanguages.size()]);
        CHECK(t.name == t.id + "." + t.language);
        CHECK(t.source_language == jm::template_source_language(t.id));
        REQUIRE(t.json != nullptr);
        CHECK(std::string(t.json) == find_embedded(t.name)->json);
    }
}

TEST_CASE("templates_for picks the UI language's version of each template", "[templates]") {
    for (const auto& lang : kLanguages) {
        INFO("UI language " << lang);
        const auto picked = jm::templates_for(lang);
        CHECK(ids_of(picked) == kIds);   // one per template, in the dialog's order
        for (const auto& t : picked) CHECK(t.language == lang);
    }
    const auto spanish = jm::templates_for("es");
    REQUIRE(spanish.size() == kIds.size());
    CHECK(spanish[4].name == "saas-journey.es");
    CHECK(stage_names(*jm::load_map_json(spanish[4].json).map).front() == "Conocimiento");
    for (const auto& t : jm::templates_for("es-AR")) CHECK(t.language == "es");
    for (const auto& t : jm::templates_for("pt")) CHECK(t.language == "pt-BR");
    for (const auto& t : jm::templates_for("zh-TW")) CHECK(t.language == "zh-CN");
    // A language templates do not come in: each in its article's language, English for blank.
    std::map<std::string, std::string> fallback;
    for (const auto& t : jm::templates_for("fr")) fallback[t.id] = t.language;
    CHECK(fallback == std::map<std::string, std::string>{{"acnce-funnel", "pt-BR"},
                                                         {"b2b-journey-exit", "zh-CN"},
                                                         {"b2b-lifecycle", "es"},
                                                         {"blank", "en"},
                                                         {"saas-journey", "es"}});
}

TEST_CASE("template_versions offers the UI language first, then the article's", "[templates]") {
    auto languages_of = [](const std::vector<jm::TemplateInfo>& list) {
        std::vector<std::string> out;
        for (const auto& t : list) out.push_back(t.language);
        return out;
    };
    CHECK(languages_of(jm::template_versions("saas-journey", "en")) ==
          std::vector<std::string>{"en", "es", "pt-BR", "zh-CN"});
    CHECK(languages_of(jm::template_versions("acnce-funnel", "zh-CN")) ==
          std::vector<std::string>{"zh-CN", "pt-BR", "en", "es"});
    CHECK(languages_of(jm::template_versions("acnce-funnel", "pt-BR")) ==
          std::vector<std::string>{"pt-BR", "en", "es", "zh-CN"});
    CHECK(languages_of(jm::template_versions("b2b-journey-exit", "fr")) ==
          std::vector<std::string>{"zh-CN", "en", "es", "pt-BR"});
    CHECK(languages_of(jm::template_versions("blank", "es")) == std::vector<std::string>{"es", "en", "pt-BR", "zh-CN"});
    CHECK(jm::template_versions("nope", "en").empty());
}

TEST_CASE("find_template takes a template id, or an id with a language", "[templates]") {
    CHECK(jm::find_template("saas-journey")->name == "saas-journey.en");
    CHECK(jm::find_template("saas-journey", "es")->name == "saas-journey.es");
    CHECK(jm::find_template("saas-journey", "fr")->name == "saas-journey.es");   // its article's language
    CHECK(jm::find_template("blank", "fr")->name == "blank.en");
    CHECK(jm::find_template("saas-journey.zh-CN")->name == "saas-journey.zh-CN");
    CHECK(jm::find_template("saas-journey.zh-CN", "es")->name == "saas-journey.zh-CN");   // the name says which
    CHECK(jm::find_template("acnce-funnel.pt")->name == "acnce-funnel.pt-BR");
    CHECK(jm::find_template("acnce-funnel.PT_BR")->name == "acnce-funnel.pt-BR");
    CHECK_FALSE(jm::find_template("saas-journey.fr").has_value());
    CHECK_FALSE(jm::find_template("nope").has_value());
    CHECK_FALSE(jm::find_template("").has_value());
    CHECK_FALSE(jm::find_template(".es").has_value());
}
