// The metrics' texts in the language in use: stage health reasons, hotspot
// "why"s, "not available" reasons and the terminal table come in Spanish and
// Chinese (with decimal commas in Spanish), and in English exactly as before.
#include <catch2/catch.hpp>

#include <string>

#include "i18n/i18n.h"
#include "support/language_scope.h"
#include "metrics/metrics.h"
#include "metrics/metrics_json.h"
#include "metrics/text_format.h"
#include "support/touchpoint.h"

using namespace jm;
using Catch::Matchers::Contains;

using jm::testing::LanguageScope;

using jm::testing::touchpoint;

namespace {

// One stage: a painful touchpoint with ten detractors that reaches 1,200
// customers, and one for a decision maker without a volume.
Map demo_map() {
    Map map;
    map.id = "m";
    map.title = "Demo";
    Persona ana;
    ana.id = "ana";
    ana.name = "Ana";
    ana.kind = PersonaKind::Buyer;
    ana.role = CommitteeRole::DecisionMaker;
    map.personas.push_back(ana);
    Stage s;
    s.id = "s1";
    s.name = "Decision";
    Touchpoint legal = touchpoint("legal", 5, -2);
    legal.survey.nps[0] = 10;   // ten detractors: NPS -100 from 10 answers
    legal.volume = 1200;
    Touchpoint call = touchpoint("call", 4, -1);
    call.persona_ids = {"ana"};
    s.touchpoints = {legal, call};
    map.stages.push_back(s);
    Period p;
    p.label = "Q3";
    p.customers_start = 20;
    p.customers_lost = 30.5;   // more lost than there were: churn is not available
    map.period = p;
    return map;
}

const Hotspot& hotspot(const MapMetrics& m, const std::string& id) {
    for (const auto& h : m.hotspots.touchpoints)
        if (h.id == id) return h;
    FAIL("no hotspot " << id);
    return m.hotspots.touchpoints.front();
}

// Display columns before `needle` in `line`.
std::size_t column_of(const std::string& line, const std::string& needle) {
    const std::size_t at = line.find(needle);
    REQUIRE(at != std::string::npos);
    return display_width(line.substr(0, at));
}

std::string line_with(const std::string& text, const std::string& needle) {
    const std::size_t at = text.find(needle);
    REQUIRE(at != std::string::npos);
    const std::size_t start = text.rfind('\n', at) + 1;
    return text.substr(start, text.find('\n', at) - start);
}

}  // namespace

TEST_CASE("metrics texts in English are as they always were", "[metrics][i18n]") {
    const Map map = demo_map();
    const MapMetrics m = compute_metrics(map);
    const StageHealth& health = m.stages[0].health;
    REQUIRE(health.status == Health::Bad);
    REQUIRE(health.reasons.size() == 3);
    CHECK(health.reasons[0].text == "mean friction 4.5/5 (bad from 3.5)");
    CHECK(health.reasons[1].text == "mean emotion -1.5 (bad from -1)");
    CHECK(health.reasons[2].text == "NPS -100 from 10 answers (bad below 0)");
    CHECK(hotspot(m, "legal").why == "friction 5/5, emotion -2, NPS -100 from 10 answers, reaches 1,200 customers");
    CHECK(hotspot(m, "call").why == "friction 4/5, emotion -1, no survey answers, involves 1 persona (1 decision maker)");
    CHECK(m.hotspots.stages[0].why ==
          "mean friction 4.5/5 over 2 touchpoints, mean emotion -1.5, NPS -100 from 10 answers, touchpoint volume 1,200");
    CHECK(m.business.churn_rate.unavailable == "lost (30.5) > customers at start (20)");
    CHECK(m.business.clv.unavailable == "churn rate not available: lost (30.5) > customers at start (20)");
    CHECK(format_fixed(1234.5, 1) == "1,234.5");
    CHECK(with_unit("40", "%") == "40%");
    const std::string table = metrics_table(map, m);
    CHECK_THAT(table, Contains("METRICS: Demo\n2 touchpoints, 1 stage, 1 persona; mean friction 4.5/5, mean emotion -1.5"));
    CHECK_THAT(table, Contains("  NPS       -100.0   10 answers: 0 promoters, 0 passives, 10 detractors\n"));
    CHECK_THAT(table, Contains("  Churn rate            n/a: lost (30.5) > customers at start (20)\n"));
}

TEST_CASE("a stage health reason and a hotspot's why in Spanish, with decimal commas", "[metrics][i18n]") {
    const LanguageScope es("es");
    const Map map = demo_map();
    const MapMetrics m = compute_metrics(map);
    const StageHealth& health = m.stages[0].health;
    CHECK(health.reasons[0].text == "fricción media 4,5/5 (mala desde 3,5)");
    CHECK(health.reasons[1].text == "emoción media -1,5 (mala desde -1 hacia abajo)");
    CHECK(health.reasons[2].text == "NPS -100 de 10 respuestas (mal por debajo de 0)");
    CHECK(hotspot(m, "legal").why == "fricción 5/5, emoción -2, NPS -100 de 10 respuestas, llega a 1.200 clientes");
    CHECK(hotspot(m, "call").why == "fricción 4/5, emoción -1, sin respuestas de encuestas, involucra a 1 persona (1 decisor)");
    CHECK(m.business.churn_rate.unavailable == "perdidos (30,5) > clientes al inicio (20)");
    CHECK(format_fixed(1234.5, 1) == "1.234,5");
    CHECK(format_count(-1234567) == "-1.234.567");
    CHECK(format_plain(0.25) == "0,25");
    CHECK(format_delta(1.5, 1) == "+1,5");
    CHECK(format_fixed(std::nan(""), 1) == "n/d");
    CHECK(with_unit("40", "%") == "40\u00A0%");
    const std::string table = metrics_table(map, m);
    CHECK_THAT(table, Contains("MÉTRICAS: Demo\n2 puntos de contacto, 1 etapa, 1 persona; fricción media 4,5/5"));
    CHECK_THAT(table, Contains("ETAPAS\n") && Contains("Tasa de abandono") && Contains("n/d: perdidos (30,5)"));
    // The JSON document carries the texts as they were computed; the CLI computes
    // it in English (see test_cli_lang.cpp).
}

TEST_CASE("a stage health reason and a hotspot's why in Chinese, the table lines up", "[metrics][i18n]") {
    const LanguageScope zh("zh-CN");
    const Map map = demo_map();
    const MapMetrics m = compute_metrics(map);
    CHECK(m.stages[0].health.reasons[0].text == "平均摩擦 4.5/5（3.5 及以上为差）");
    CHECK(m.stages[0].health.reasons[2].text == "NPS -100（10 个回答；低于 0 为差）");
    CHECK(hotspot(m, "legal").why == "摩擦 5/5，情绪 -2，NPS -100（10 个回答），覆盖 1,200 位客户");
    const std::string table = metrics_table(map, m);
    CHECK_THAT(table, Contains("指标：Demo"));
    // Wide characters count two columns: the reason starts under its column's title.
    const std::string header = line_with(table, "主要原因");
    const std::string row = line_with(table, "平均摩擦 4.5/5（");
    CHECK(column_of(header, "主要原因") == column_of(row, "平均摩擦 4.5/5（"));
    CHECK(column_of(header, "健康度") == column_of(row, "较差"));
}
