// `journeymap new` with the templates' languages: English by default, another
// language by NAME.LANG or --lang, and clear refusals for what does not exist.
#include <catch2/catch.hpp>

#include <string>

#include "io/map_json.h"
#include "io/templates.h"
#include "support/cli_run.h"

using Catch::Matchers::Contains;

namespace {

using jm::testing::Run;
using jm::testing::TempDir;

Run cli(const TempDir& dir, const std::string& args) { return jm::testing::run_cli(dir, args); }

// The printed map, which must load, and the template version it was made from.
void check_made_from(const Run& r, const std::string& name) {
    INFO("expected " << name << "; stderr: " << r.err);
    REQUIRE(r.code == 0);
    const auto made = jm::load_map_json(r.out);
    REQUIRE(made.ok());
    const auto original = jm::load_map_json(jm::find_template(name)->json);
    REQUIRE(original.ok());
    CHECK(made.map->title == original.map->title);
    REQUIRE(made.map->stages.size() == original.map->stages.size());
    for (std::size_t i = 0; i < made.map->stages.size(); ++i)
        CHECK(made.map->stages[i].name == original.map->stages[i].name);
    CHECK(made.map->id != original.map->id);
}

}  // namespace

TEST_CASE("new: a template id gives its English version", "[cli][templates]") {
    TempDir dir;
    check_made_from(cli(dir, "new --template saas-journey"), "saas-journey.en");
    check_made_from(cli(dir, "new --template=b2b-journey-exit"), "b2b-journey-exit.en");
    check_made_from(cli(dir, "new"), "blank.en");
}

TEST_CASE("new: NAME.LANG and --lang pick a language", "[cli][templates]") {
    TempDir dir;
    check_made_from(cli(dir, "new --template saas-journey.es"), "saas-journey.es");
    check_made_from(cli(dir, "new --template saas-journey --lang es"), "saas-journey.es");
    check_made_from(cli(dir, "new --lang=zh-CN --template b2b-journey-exit"), "b2b-journey-exit.zh-CN");
    check_made_from(cli(dir, "new --template acnce-funnel --lang pt"), "acnce-funnel.pt-BR");
    check_made_from(cli(dir, "new --template acnce-funnel.pt"), "acnce-funnel.pt-BR");
    check_made_from(cli(dir, "new --lang es_ES.UTF-8"), "blank.es");
    // The same language twice is no contradiction.
    check_made_from(cli(dir, "new --template b2b-lifecycle.es --lang es-MX"), "b2b-lifecycle.es");
    // --title still wins over the template's title.
    Run titled = cli(dir, "new --template saas-journey --lang zh-CN --title 'Jornada 2027'");
    REQUIRE(titled.code == 0);
    CHECK(jm::load_map_json(titled.out).map->title == "Jornada 2027");
}

TEST_CASE("new: unknown languages and contradictions are usage errors", "[cli][templates]") {
    TempDir dir;
    Run french = cli(dir, "new --template saas-journey --lang fr");
    CHECK(french.code == 2);
    CHECK(french.out.empty());
    CHECK_THAT(french.err, Contains("unknown language 'fr'") && Contains("en, es, pt-BR, zh-CN"));

    Run suffix = cli(dir, "new --template saas-journey.fr");
    CHECK(suffix.code == 2);
    CHECK_THAT(suffix.err, Contains("unknown template 'saas-journey.fr'") && Contains("saas-journey") &&
                               Contains("--lang LANG"));

    Run both = cli(dir, "new --template saas-journey.es --lang zh-CN");
    CHECK(both.code == 2);
    CHECK(both.out.empty());
    CHECK_THAT(both.err, Contains("two different languages"));

    CHECK(cli(dir, "new --lang").code == 2);
}

TEST_CASE("new: --list-templates lists every version, or one language's", "[cli][templates]") {
    TempDir dir;
    Run all = cli(dir, "new --list-templates");
    REQUIRE(all.code == 0);
    for (const auto& t : jm::template_catalogue()) {
        INFO(t.name);
        CHECK_THAT(all.out, Contains(t.name + "  ") && Contains(jm::load_map_json(t.json).map->title));
    }
    // The version in its article's language is marked, once per framework.
    std::size_t marks = 0;
    for (std::size_t at = 0; (at = all.out.find("(language of its source article)", at)) != std::string::npos; ++at)
        ++marks;
    CHECK(marks == 4);
    CHECK_THAT(all.out, Contains("acnce-funnel.pt-BR") && Contains("Funil Atrair-Capturar-Nutrir-Converter-Expandir"));

    Run chinese = cli(dir, "new --list-templates --lang zh");
    REQUIRE(chinese.code == 0);
    std::size_t lines = 0;
    for (char c : chinese.out) lines += c == '\n';
    CHECK(lines == 5);
    for (const auto& t : jm::templates_for("zh-CN")) CHECK_THAT(chinese.out, Contains(t.name + "  "));
    CHECK_THAT(chinese.out, !Contains(".en  "));
}

TEST_CASE("new: --help tells about languages", "[cli][templates]") {
    TempDir dir;
    Run help = cli(dir, "new --help");
    REQUIRE(help.code == 0);
    CHECK_THAT(help.out, Contains("--lang LANG") && Contains("NAME.LANG") && Contains("pt-BR"));
}
