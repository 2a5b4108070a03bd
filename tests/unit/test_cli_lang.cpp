// The language of `journeymap`'s messages: --lang CODE anywhere among the
// arguments, else LC_ALL, LC_MESSAGES and LANG in POSIX's order; English for C,
// POSIX, unset or a language we do not speak; an unknown --lang is a usage error.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <string>

#include "support/cli_run.h"

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using jm::testing::Run;
using jm::testing::shell_quote;
using jm::testing::TempDir;

namespace {

// LC_ALL, LC_MESSAGES and LANG taken away, so that only what a test sets counts
// (whatever the machine running the tests is set to).
constexpr const char* kNoLocale = "env -u LC_ALL -u LC_MESSAGES -u LANG";

Run cli(const TempDir& dir, const std::string& args, const std::string& environment) {
    return jm::testing::run_cli(dir, args, "/dev/null", environment);
}

const char* kMap = R"({
  "format": "journeymap", "version": 1, "id": "m1", "title": "CLI demo",
  "stages": [
    {"id": "s1", "name": "Decision", "funnel_count": 1000, "touchpoints": [
      {"id": "t1", "title": "Legal review", "friction": 5, "emotion": -2, "volume": 1200,
       "survey": {"nps": [10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]}}
    ]},
    {"id": "s2", "name": "Onboarding", "funnel_count": 400}
  ],
  "personas": [],
  "period": {"label": "Q3", "customers_start": 200, "customers_lost": 10}
})";

}  // namespace

TEST_CASE("the option --lang es prints the metrics table in Spanish, wherever it stands", "[cli][i18n]") {
    TempDir dir;
    const std::string file = shell_quote(dir.file("map.json", kMap));
    for (const std::string& args : {"metrics " + file + " --lang es", "--lang es metrics " + file,
                                   "metrics --lang=es " + file}) {
        INFO(args);
        const Run r = cli(dir, args, "LC_ALL=C");   // --lang wins over the environment
        REQUIRE(r.code == 0);
        CHECK_THAT(r.out, StartsWith("MÉTRICAS: CLI demo\n"));
        // Labels padded to the longest of their section ("Retención neta de ingresos").
        CHECK_THAT(r.out, Contains("\nETAPAS\n") && Contains("  Tasa de abandono" + std::string(11, ' ') + "5,0\u00A0%\n"));
        CHECK_THAT(r.out, Contains("llega a 1.200 clientes"));
    }
}

TEST_CASE("the language comes from LC_ALL, then LC_MESSAGES, then LANG", "[cli][i18n]") {
    TempDir dir;
    const std::string file = shell_quote(dir.file("map.json", kMap));
    const std::string metrics = "metrics " + file;
    CHECK_THAT(cli(dir, metrics, std::string(kNoLocale) + " LANG=zh_CN.UTF-8").out, StartsWith("指标：CLI demo\n"));
    CHECK_THAT(cli(dir, metrics, std::string(kNoLocale) + " LANG=pt_BR.UTF-8").out, StartsWith("MÉTRICAS: CLI demo\n"));
    CHECK_THAT(cli(dir, metrics, std::string(kNoLocale) + " LC_MESSAGES=es_ES.UTF-8 LANG=zh_CN.UTF-8").out,
               Contains("\nETAPAS\n"));
    // An empty variable counts as unset.
    CHECK_THAT(cli(dir, metrics, "LC_ALL= LC_MESSAGES= LANG=zh_CN.UTF-8").out, StartsWith("指标：CLI demo\n"));
    // C, POSIX, nothing, or a language we do not speak: English.
    for (const std::string& environment : {std::string("LC_ALL=C LANG=es_ES.UTF-8"), std::string("LC_ALL=POSIX LANG=zh_CN"),
                                          std::string(kNoLocale), std::string(kNoLocale) + " LANG=fr_FR.UTF-8",
                                          std::string(kNoLocale) + " LANG=C.UTF-8"}) {
        INFO(environment);
        const Run r = cli(dir, metrics, environment);
        REQUIRE(r.code == 0);
        CHECK_THAT(r.out, StartsWith("METRICS: CLI demo\n") && Contains("  Churn rate            5.0%\n"));
    }
}

TEST_CASE("an unknown --lang is a usage error that lists the languages", "[cli][i18n]") {
    TempDir dir;
    const std::string file = shell_quote(dir.file("map.json", kMap));
    for (const std::string& args : {"metrics " + file + " --lang xx", std::string("--lang=xx --help"), "validate " + file + " --lang"}) {
        INFO(args);
        const Run r = cli(dir, args, "LC_ALL=C");
        CHECK(r.code == 2);
        CHECK(r.out.empty());
        CHECK_THAT(r.err, StartsWith("journeymap: ") && Contains("--lang") && Contains("en, es, pt-BR, zh-CN"));
    }
    CHECK_THAT(cli(dir, "metrics " + file + " --lang xx", "LC_ALL=C").err, Contains("unknown language 'xx'"));
    // Tags as users and locales write them are understood.
    CHECK_THAT(cli(dir, "metrics " + file + " --lang es_MX.UTF-8", "LC_ALL=C").out, StartsWith("MÉTRICAS"));
    CHECK_THAT(cli(dir, "metrics " + file + " --lang zh", "LC_ALL=C").out, StartsWith("指标"));
    CHECK_THAT(cli(dir, "metrics " + file + " --lang en-GB", std::string(kNoLocale) + " LANG=es_ES.UTF-8").out,
               StartsWith("METRICS"));
}

TEST_CASE("the JSON document stays in English in every language", "[cli][i18n]") {
    TempDir dir;
    const std::string file = shell_quote(dir.file("map.json", kMap));
    const Run english = cli(dir, "metrics " + file + " --format json", "LC_ALL=C");
    const Run spanish = cli(dir, "metrics " + file + " --format json --lang es", "LC_ALL=C");
    REQUIRE(english.code == 0);
    REQUIRE(spanish.code == 0);
    CHECK(spanish.out == english.out);
    const auto doc = nlohmann::json::parse(spanish.out);
    CHECK(doc["hotspots"]["touchpoints"][0]["why"] ==
          "friction 5/5, emotion -2, NPS -100 from 10 answers, reaches 1,200 customers");
}

TEST_CASE("help, errors and notes follow the language", "[cli][i18n]") {
    TempDir dir;
    const Run help = cli(dir, "--help", std::string(kNoLocale) + " LANG=es_ES.UTF-8");
    REQUIRE(help.code == 0);
    CHECK_THAT(help.out, StartsWith("uso: journeymap COMMAND [ARGS...]\n") && Contains("Comandos:\n") &&
                             Contains("  --lang LANG   el idioma de los mensajes"));
    const Run usage = cli(dir, "help fmt --lang zh-CN", "LC_ALL=C");
    REQUIRE(usage.code == 0);
    // The second synopsis lines up under the first, after the translated "usage:"
    // (two columns per Chinese character).
    CHECK_THAT(usage.out, StartsWith("用法：journeymap fmt [--check] FILE...\n      journeymap fmt [--check] -\n"));
    CHECK_THAT(cli(dir, "frobnicate --lang pt-BR", "LC_ALL=C").err, Contains("comando desconhecido 'frobnicate'"));
    const Run missing = cli(dir, "validate --lang es", "LC_ALL=C");
    CHECK(missing.code == 2);
    CHECK_THAT(missing.err, StartsWith("journeymap validate: falta FILE\n\nuso: journeymap validate FILE...\n"));
}

TEST_CASE("new keeps its --lang: the template's language, and the messages' too", "[cli][i18n][templates]") {
    TempDir dir;
    const Run spanish = cli(dir, "new --template nope --lang es", "LC_ALL=C");
    CHECK(spanish.code == 2);
    CHECK_THAT(spanish.err, StartsWith("journeymap new: plantilla desconocida 'nope'"));
    // Before the command name too; the template comes in that language.
    const Run made = cli(dir, "--lang es new --template saas-journey", "LC_ALL=C");
    REQUIRE(made.code == 0);
    const Run expected = cli(dir, "new --template saas-journey.es", "LC_ALL=C");
    REQUIRE(expected.code == 0);
    const auto title = [](const std::string& text) { return nlohmann::json::parse(text).at("title"); };
    CHECK(title(made.out) == title(expected.out));
    // A language new does not know is new's own usage error, in the environment's language.
    const Run french = cli(dir, "new --lang fr", "LC_ALL=C");
    CHECK(french.code == 2);
    CHECK_THAT(french.err, Contains("unknown language 'fr'; templates come in en, es, pt-BR, zh-CN"));
}
