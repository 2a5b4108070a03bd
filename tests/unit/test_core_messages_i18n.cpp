// The core's own words in other languages: undo labels (src/edit) and the
// problems of loading and importing (src/io) come from the catalogues, with
// the values in their places; English stays word for word as before.
#include <catch2/catch.hpp>

#include <string>

#include "edit/commands.h"
#include "i18n/i18n.h"
#include "support/language_scope.h"
#include "io/csv.h"
#include "io/map_json.h"

using namespace jm;

using jm::testing::LanguageScope;

namespace {

// Switches the language for one test case and always comes back to English.
Map two_stages() {
    Map m;
    m.id = "m";
    m.title = "Journey";
    m.lanes = default_lanes();
    Stage a{.id = "s1", .name = "Demo"};
    a.touchpoints = {Touchpoint{.id = "t1", .title = "Call"}, Touchpoint{.id = "t2", .title = "Mail"},
                     Touchpoint{.id = "t3", .title = "Visit"}};
    Stage b{.id = "s2", .name = "Decision"};
    b.touchpoints = {Touchpoint{.id = "t4", .title = "Offer"}};
    m.stages = {a, b};
    return m;
}

// A map file whose one problem is a touchpoint's friction out of range.
constexpr const char* kBadFriction =
    R"({"format": "journeymap", "version": 1, "id": "m", "title": "T", "personas": [],
        "stages": [{"id": "s", "name": "S", "touchpoints": [{"id": "t", "title": "C", "friction": 7}]}]})";

// A CSV file whose header has no 'title' column.
constexpr const char* kNoTitle = "stage,channel\r\nDemo,web\r\n";

std::string first_problem(const LoadResult& r) {
    REQUIRE(r.problems.size() == 1);
    return r.problems[0].path + ": " + r.problems[0].message;
}

std::string first_problem(const CsvImport& r) {
    REQUIRE_FALSE(r.problems.empty());
    return r.problems[0].where() + ": " + r.problems[0].message;
}

}  // namespace

TEST_CASE("undo labels in English are unchanged") {
    const Map m = two_stages();
    REQUIRE(delete_stage(m, "s1")->label() == "Delete stage 'Demo' and 3 touchpoints");
    REQUIRE(delete_stage(m, "s2")->label() == "Delete stage 'Decision' and 1 touchpoint");
    REQUIRE(delete_touchpoints(m, {"t1", "t2"})->label() == "Delete 2 touchpoints");
    REQUIRE(move_touchpoints(m, {"t1"}, "s2", 0)->label() == "Move touchpoint 'Call' to 'Decision'");
    REQUIRE(add_stage(Stage{.id = "n"}, 0)->label() == "Add stage (untitled)");
}

TEST_CASE("undo labels in Spanish") {
    LanguageScope es("es");
    const Map m = two_stages();
    CHECK(delete_stage(m, "s1")->label() == "Eliminar etapa 'Demo' y 3 puntos de contacto");
    CHECK(delete_stage(m, "s2")->label() == "Eliminar etapa 'Decision' y 1 punto de contacto");
    CHECK(delete_touchpoints(m, {"t1", "t2"})->label() == "Eliminar 2 puntos de contacto");
    CHECK(move_touchpoints(m, {"t1"}, "s2", 0)->label() == "Mover punto de contacto 'Call' a 'Decision'");
    CHECK(add_stage(Stage{.id = "n"}, 0)->label() == "Añadir etapa (sin título)");
}

TEST_CASE("undo labels in Chinese") {
    LanguageScope zh("zh-CN");
    const Map m = two_stages();
    CHECK(delete_stage(m, "s1")->label() == "删除阶段 'Demo' 及 3 个接触点");
    CHECK(delete_stage(m, "s2")->label() == "删除阶段 'Decision' 及 1 个接触点");
    CHECK(delete_touchpoints(m, {"t1", "t2"})->label() == "删除 2 个接触点");
    CHECK(move_touchpoints(m, {"t1"}, "s2", 0)->label() == "将接触点 'Call' 移至 'Decision'");
}

TEST_CASE("a load error: English unchanged, Spanish and Chinese translated, the JSON Pointer kept") {
    const std::string pointer = "/stages/0/touchpoints/0/friction";
    REQUIRE(first_problem(load_map_json(kBadFriction)) == pointer + ": friction must be between 0 and 5, got 7");
    {
        LanguageScope es("es");
        CHECK(first_problem(load_map_json(kBadFriction)) == pointer + ": friction debe estar entre 0 y 5; se encontró 7");
    }
    {
        LanguageScope zh("zh-CN");
        CHECK(first_problem(load_map_json(kBadFriction)) == pointer + ": friction 必须介于 0 和 5 之间，实际为 7");
    }
    REQUIRE(first_problem(load_map_json("[1]")) == ": a map file must be a JSON object, got an array");
    LanguageScope es("es");
    CHECK(first_problem(load_map_json("[1]")) == ": un archivo de mapa debe ser un objeto JSON; se encontró una lista");
}

TEST_CASE("a CSV import error: English unchanged, Spanish and Chinese translated") {
    REQUIRE(first_problem(import_csv(kNoTitle)) ==
            "line 1: the header row has no 'title' column (tried comma, semicolon and tab; found columns: \"stage\", "
            "\"channel\"); the first row must name the columns (stage, title, ...)");
    {
        LanguageScope es("es");
        CHECK(first_problem(import_csv(kNoTitle)) ==
              "línea 1: la fila de encabezado no tiene columna 'title' (se probó coma, punto y coma y tabulación; "
              "columnas encontradas: \"stage\", \"channel\"); la primera fila debe nombrar las columnas (stage, title, ...)");
    }
    {
        LanguageScope zh("zh-CN");
        CHECK(first_problem(import_csv(kNoTitle)) ==
              "第 1 行: 标题行没有 'title' 列（已尝试逗号、分号和制表符；找到的列：\"stage\", \"channel\"）；"
              "第一行必须写出列名（stage、title……）");
    }
    const std::string bad_friction = std::string("stage,title,friction\r\nDemo,Call,9\r\n");
    REQUIRE(first_problem(import_csv(bad_friction)) == "row 2, column 3: friction must be a whole number from 0 to 5, got '9'");
    LanguageScope es("es");
    CHECK(first_problem(import_csv(bad_friction)) ==
          "fila 2, columna 3: friction debe ser un número entero de 0 a 5; se encontró '9'");
}
