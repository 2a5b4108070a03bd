// CSV dialects (io/csv.h, "Dialects", "Delimiter detection"): files as a
// Spanish or Brazilian spreadsheet saves them (';' between cells, decimal
// commas), tab-separated files, export in each dialect and back, the one
// problem a file without a recognisable header gets, and formula protection
// in every dialect.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "io/csv.h"
#include "support/csv_checks.h"
#include "io/map_json.h"
#include "support/large_map.h"

namespace {

constexpr const char* kBom = "\xEF\xBB\xBF";
const jm::CsvDialect kEs{';', true};

using jm::testing::imported;
using jm::testing::where_and_what;

std::vector<std::string> persona_names(const jm::Map& m, const jm::Touchpoint& t) {
    std::vector<std::string> out;
    for (const auto& id : t.persona_ids) out.push_back(jm::find_persona(m, id)->name);
    return out;
}

std::vector<std::string> lines(const std::string& csv) {
    std::vector<std::string> out;
    std::size_t b = 0;
    for (std::size_t e; (e = csv.find("\r\n", b)) != std::string::npos; b = e + 2) out.push_back(csv.substr(b, e - b));
    return out;
}

std::string header_problem(const std::string& found) {
    return "line 1: the header row has " + found + "; the first row must name the columns (stage, title, ...)";
}

jm::Touchpoint touchpoint(std::string title) {
    jm::Touchpoint t;
    t.id = "tp-" + title;
    t.title = std::move(title);
    return t;
}

// Delimiters, decimals and line breaks in every place a dialect could trip on.
jm::Map spanish_map() {
    jm::Map m;
    m.id = "m";
    m.personas = {{}, {}};
    m.personas[0].id = "a", m.personas[0].name = "Ana, CFO";
    m.personas[1].id = "b", m.personas[1].name = "Bob; Co";
    jm::Stage discovery;
    discovery.name = "Descubrimiento; fase 1";
    jm::Touchpoint ad = touchpoint("Anuncio");
    ad.description = "dos\r\nlíneas";
    ad.channel = "ads";
    ad.owner = "Marketing";
    ad.persona_ids = {"a", "b"};
    ad.friction = 3;
    ad.emotion = -1;
    ad.pains = {"Lento", "a|b"};
    ad.survey.nps[9] = 1, ad.survey.nps[0] = 2;   // (1 - 2) / 3 = -33.3
    ad.survey.csat = {0, 0, 1, 1, 1};             // 2 of 3 answered 4 or 5: 66.7%
    ad.survey.ces_scale = 5;
    ad.survey.ces_low_is_easy = false;
    ad.survey.ces = {0, 0, 0, 1, 1};              // (4 + 5) / 2 = 4.5, 5 is easiest
    discovery.touchpoints = {ad};
    jm::Stage empty;
    empty.name = "Vacía";
    jm::Stage decision;
    decision.name = "Decisión";
    decision.touchpoints = {touchpoint(" con espacios "), touchpoint("Demo, en vivo")};
    m.stages = {discovery, empty, decision};
    return m;
}

}  // namespace

// ---- Export ------------------------------------------------------------------------

TEST_CASE("CSV dialects: csv_dialect_for_language gives ',' and decimal commas for es and pt-BR only", "[csv][dialects]") {
    for (const char* code : {"es", "pt-BR", "pt-br", "PT_BR", "ES"}) {
        INFO(code);
        const jm::CsvDialect d = jm::csv_dialect_for_language(code);
        CHECK(d.delimiter == ';');
        CHECK(d.decimal_comma);
    }
    for (const char* code : {"en", "zh-CN", "pt", "pt-PT", "es-MX", "", "e"}) {
        INFO(code);
        const jm::CsvDialect d = jm::csv_dialect_for_language(code);
        CHECK(d.delimiter == ',');
        CHECK_FALSE(d.decimal_comma);
    }
}

TEST_CASE("CSV export, es dialect: ',' between cells, cells with ',' quoted, decimal commas in the summaries", "[csv][dialects]") {
    const jm::Map m = spanish_map();
    CHECK(jm::export_csv(m, kEs) ==
          std::string(kBom) +
              "stage;stage_order;title;description;channel;owner;personas;friction;emotion;pains;opportunities;nps;csat;ces\r\n"
              "\"Descubrimiento; fase 1\";1;Anuncio;\"dos\r\nlíneas\";ads;Marketing;\"Ana, CFO; Bob\\; Co\";3;-1;Lento | a\\|b;;"
              "-33,3 (n=3);66,7% (n=3);4,5/5 (n=2, 5 = easiest)\r\n"
              "Vacía;2;;;;;;;;;;;;\r\n"
              "Decisión;3;\" con espacios \";;;;;0;0;;;;;\r\n"
              "Decisión;3;Demo, en vivo;;;;;0;0;;;;;\r\n");
    // The default is today's RFC 4180 output, with or without the argument.
    CHECK(jm::export_csv(m, jm::CsvDialect{}) == jm::export_csv(m));
    CHECK(jm::export_csv(m, jm::csv_dialect_for_language("en")) == jm::export_csv(m));
    const std::vector<std::string> rfc = lines(jm::export_csv(m));
    REQUIRE(rfc.size() == 6);   // the description's CRLF is inside a quoted cell
    CHECK(rfc[2].find(",-33.3 (n=3),66.7% (n=3),\"4.5/5 (n=2, 5 = easiest)\"") != std::string::npos);
    CHECK(rfc[5] == "Decisión,3,\"Demo, en vivo\",,,,,0,0,,,,,");
}

TEST_CASE("CSV export: tab and decimal-comma dialects on their own, an unknown delimiter writes commas", "[csv][dialects]") {
    const jm::Map m = spanish_map();
    const std::vector<std::string> tab = lines(jm::export_csv(m, jm::CsvDialect{'\t', false}));
    REQUIRE(tab.size() == 6);   // the description's CRLF is inside a quoted cell
    CHECK(tab[0] == std::string(kBom) +
                        "stage\tstage_order\ttitle\tdescription\tchannel\towner\tpersonas\tfriction\temotion\tpains\topportunities\tnps\tcsat\tces");
    CHECK(tab[3] == "Vacía\t2\t\t\t\t\t\t\t\t\t\t\t\t");
    CHECK(tab[5] == "Decisión\t3\tDemo, en vivo\t\t\t\t\t0\t0\t\t\t\t\t");
    // Decimal commas with comma delimiters: the summaries are then quoted.
    const std::vector<std::string> comma = lines(jm::export_csv(m, jm::CsvDialect{',', true}));
    CHECK(comma[2].find(",\"-33,3 (n=3)\",\"66,7% (n=3)\",\"4,5/5 (n=2, 5 = easiest)\"") != std::string::npos);
    CHECK(jm::export_csv(m, jm::CsvDialect{'|', false}) == jm::export_csv(m));
    CHECK(jm::export_csv(m, jm::CsvDialect{'"', false}) == jm::export_csv(m));
}

// ---- Import ------------------------------------------------------------------------

TEST_CASE("CSV import: a file as Spanish Excel saves it (BOM, CRLF, ',', quoted ',' and line breaks, decimal commas)", "[csv][dialects]") {
    const std::string file = std::string(kBom) +
                             "stage;stage_order;title;description;channel;owner;personas;friction;emotion;pains;opportunities;nps;csat;ces\r\n"
                             "Decisión;2;Demo, en vivo;;;;;0;0;;;;;\r\n"
                             "\"Descubrimiento; fase 1\";1;\"Anuncio; versión A\";\"Primera línea\r\nsegunda; con \"\"comillas\"\"\";"
                             "ads;Marketing;\"Ana, CFO; Bob\";3,0;-1,00;Lento | caro;Más rápido;-33,3 (n=3);66,7% (n=3);4,5/5 (n=2, 5 = easiest)\r\n"
                             "\"Descubrimiento; fase 1\";1,0;Webinar;;email;;;+2;1;;;;;\r\n";
    const jm::Map m = imported(file);
    REQUIRE(m.stages.size() == 2);
    CHECK(m.stages[0].name == "Descubrimiento; fase 1");
    CHECK(m.stages[1].name == "Decisión");
    REQUIRE(m.stages[0].touchpoints.size() == 2);
    const jm::Touchpoint& ad = m.stages[0].touchpoints[0];
    CHECK(ad.title == "Anuncio; versión A");
    CHECK(ad.description == "Primera línea\r\nsegunda; con \"comillas\"");
    CHECK(ad.channel == "ads");
    CHECK(persona_names(m, ad) == std::vector<std::string>{"Ana, CFO", "Bob"});
    CHECK(ad.friction == 3);
    CHECK(ad.emotion == -1);
    CHECK(ad.pains == std::vector<std::string>{"Lento", "caro"});
    CHECK(ad.opportunities == std::vector<std::string>{"Más rápido"});
    CHECK(ad.survey == jm::Survey{});   // the summaries are not read back
    CHECK(m.stages[0].touchpoints[1].title == "Webinar");
    CHECK(m.stages[0].touchpoints[1].friction == 2);
    CHECK(m.stages[1].touchpoints.at(0).title == "Demo, en vivo");
    // Without the BOM and with LF only, the same map.
    std::string plain = file.substr(3);
    for (std::size_t p; (p = plain.find("\r\n")) != std::string::npos;) plain.replace(p, 2, "\n");
    const jm::Map again = imported(plain);
    CHECK(again.stages[0].touchpoints[0].description == "Primera línea\nsegunda; con \"comillas\"");
    CHECK(again.stages.size() == m.stages.size());
    CHECK(again.personas == m.personas);
}

TEST_CASE("CSV import with decimal commas: whole numbers are read, fractions and grouping refused with the cell named", "[csv][dialects]") {
    CHECK(where_and_what("stage;stage_order;title;friction;emotion\r\n"
                         "A;1;ok;2,0;-1,0\r\n"
                         "A;1;half friction;2,5;0\r\n"
                         "A;1,5;half order;;\r\n"
                         "A;1;grouped;;1.000\r\n"
                         "A;1;decimal point;3.0;\r\n"
                         "A;1;too high;6,0;\r\n"
                         "A;1;no decimals;3,;\r\n"
                         "A;1;two commas;1,0,0;\r\n"
                         "A;1;half emotion;;-0,5\r\n") ==
          std::vector<std::string>{
              "row 3, column 4: friction must be a whole number from 0 to 5, got '2,5'",
              "row 4, column 2: stage_order must be a whole number, got '1,5'",
              "row 5, column 5: emotion must be a whole number from -2 to 2, got '1.000'",
              "row 6, column 4: friction must be a whole number from 0 to 5, got '3.0'",
              "row 7, column 4: friction must be a whole number from 0 to 5, got '6,0'",
              "row 8, column 4: friction must be a whole number from 0 to 5, got '3,'",
              "row 9, column 4: friction must be a whole number from 0 to 5, got '1,0,0'",
              "row 10, column 5: emotion must be a whole number from -2 to 2, got '-0,5'",
          });
    // Whole numbers with a decimal comma, in every number column.
    const jm::Map m = imported("stage;stage_order;title;friction;emotion\nB;2,00;b;5,0;-2,0\nA;1,0;a;0,000;+2,0\n");
    REQUIRE(m.stages.size() == 2);
    CHECK(m.stages[0].name == "A");
    CHECK(m.stages[0].touchpoints.at(0).friction == 0);
    CHECK(m.stages[0].touchpoints.at(0).emotion == 2);
    CHECK(m.stages[1].touchpoints.at(0).friction == 5);
    CHECK(m.stages[1].touchpoints.at(0).emotion == -2);
    // A comma-separated file has no decimal commas: a quoted "3,0" is no number.
    CHECK(where_and_what("stage,title,friction\nA,T,\"3,0\"\n") ==
          std::vector<std::string>{"row 2, column 3: friction must be a whole number from 0 to 5, got '3,0'"});
}

TEST_CASE("CSV import: a tab-separated file, quoting and decimal commas included", "[csv][dialects]") {
    const jm::Map m = imported(std::string(kBom) +
                               "Stage\tTitle\tFriction\tEmotion\tDescription\tPersonas\r\n"
                               "Onboarding\t\"Kick-off\tcall\"\t4,0\t-1\t\"He said \"\"ok\"\"\r\nthen left\"\tAna, CFO; Bob\r\n"
                               "Onboarding\tSetup, step 2\t1\t0\t\t\r\n");
    REQUIRE(m.stages.size() == 1);
    REQUIRE(m.stages[0].touchpoints.size() == 2);
    const jm::Touchpoint& call = m.stages[0].touchpoints[0];
    CHECK(call.title == "Kick-off\tcall");
    CHECK(call.friction == 4);
    CHECK(call.emotion == -1);
    CHECK(call.description == "He said \"ok\"\r\nthen left");
    CHECK(persona_names(m, call) == std::vector<std::string>{"Ana, CFO", "Bob"});
    CHECK(m.stages[0].touchpoints[1].title == "Setup, step 2");
    CHECK(where_and_what("stage\ttitle\tfriction\nA\tT\t2,5\n") ==
          std::vector<std::string>{"row 2, column 3: friction must be a whole number from 0 to 5, got '2,5'"});
}

TEST_CASE("CSV import: the delimiter comes from the header row, quotes protect it, ties go to comma, then semicolon", "[csv][dialects]") {
    // Other delimiters in data cells are text.
    CHECK(imported("stage;title\nA;Hola, mundo\tyo\n").stages.at(0).touchpoints.at(0).title == "Hola, mundo\tyo");
    CHECK(imported("stage,title\nA,x;y\tz\n").stages.at(0).touchpoints.at(0).title == "x;y\tz");
    CHECK(imported("stage\ttitle\nA\tx;y,z\n").stages.at(0).touchpoints.at(0).title == "x;y,z");
    // Delimiters inside quoted header cells do not count.
    const jm::Map quoted = imported("\"stage\";\"title\";\"notes, more; and\tmore\"\nA;B;\"c,d\"\n");
    CHECK(quoted.stages.at(0).touchpoints.at(0).title == "B");
    CHECK(imported("\"a,b;c\";stage;title\nx;A;B\n").stages.at(0).name == "A");
    // Both comma and tab name stage and title ("stage\t" trims to "stage"): comma wins.
    CHECK(imported("stage\t,\ttitle\nA,B\tC\n").stages.at(0).touchpoints.at(0).title == "B\tC");
    // Both semicolon and tab: semicolon wins.
    CHECK(imported("stage\t;\ttitle\nA;B\tC\n").stages.at(0).touchpoints.at(0).title == "B\tC");
    // A broken quote in a semicolon file is reported in the semicolon file's terms.
    CHECK(where_and_what("stage;title;description\nA;B;\"never closed\n") ==
          std::vector<std::string>{"row 2, column 3: a quoted cell is not closed: add the closing '\"'"});
    CHECK(where_and_what("stage;title\nA;\"quoted\"x\n") ==
          std::vector<std::string>{"row 2, column 2: text after a closing quote: quote the whole cell and double the quotes inside it (\"\")"});
}

TEST_CASE("CSV import: a file without a recognisable header gets one problem naming the delimiters tried and the columns found", "[csv][dialects]") {
    // A header translated by hand: the names are the format, in English.
    CHECK(where_and_what(std::string(kBom) + "Etapa;Título;Canal\r\nDescubrimiento;Anuncio;ads\r\n") ==
          std::vector<std::string>{header_problem(
              "no 'stage' and no 'title' column (tried comma, semicolon and tab; found columns: \"Etapa\", \"Título\", \"Canal\")")});
    // Data without a header row.
    CHECK(where_and_what("Awareness,Ad,3\nDecision,Demo,2\n") ==
          std::vector<std::string>{header_problem(
              "no 'stage' and no 'title' column (tried comma, semicolon and tab; found columns: \"Awareness\", \"Ad\", \"3\")")});
    CHECK(where_and_what("Etapa\tTítulo\n") ==
          std::vector<std::string>{header_problem(
              "no 'stage' and no 'title' column (tried comma, semicolon and tab; found columns: \"Etapa\", \"Título\")")});
    // One of the two.
    CHECK(where_and_what("stage;nombre\nA;B\n") ==
          std::vector<std::string>{header_problem(
              "no 'title' column (tried comma, semicolon and tab; found columns: \"stage\", \"nombre\")")});
    CHECK(where_and_what(" Title , owner\nA,B\n") ==
          std::vector<std::string>{header_problem(
              "no 'stage' column (tried comma, semicolon and tab; found columns: \"Title\", \"owner\")")});
    // No delimiter at all, an empty first row, a tie between comma and semicolon.
    CHECK(where_and_what("journey map export\n") ==
          std::vector<std::string>{header_problem(
              "no 'stage' and no 'title' column (tried comma, semicolon and tab; found one column: \"journey map export\")")});
    CHECK(where_and_what("\nstage,title\nA,B\n") ==
          std::vector<std::string>{header_problem(
              "no 'stage' and no 'title' column (tried comma, semicolon and tab; the first row is empty)")});
    CHECK(where_and_what("Etapa,Título;Canal\n") ==
          std::vector<std::string>{header_problem(
              "no 'stage' and no 'title' column (tried comma, semicolon and tab; found columns: \"Etapa\", \"Título;Canal\")")});
    // The split with most delimiters outside quotes is shown.
    CHECK(where_and_what("\"a;b;c\",stage\n") ==
          std::vector<std::string>{header_problem(
              "no 'title' column (tried comma, semicolon and tab; found columns: \"a;b;c\", \"stage\")")});
    // Many columns: the first 20, then how many more.
    std::string wide;
    for (int i = 1; i <= 25; ++i) wide += (i > 1 ? ";c" : "c") + std::to_string(i);
    const std::vector<std::string> problems = where_and_what(wide + "\n");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].find("found columns: \"c1\", \"c2\", ") != std::string::npos);
    CHECK(problems[0].find("\"c19\", \"c20\" and 5 more); the first row") != std::string::npos);
    CHECK(problems[0].find("c21") == std::string::npos);
}

// ---- Round trips and formulas ------------------------------------------------------

TEST_CASE("CSV round trip: export in the es, pt-BR, tab and default dialects imports back the same map", "[csv][dialects]") {
    jm::Map original = jm::testing::make_large_map({6, 300, 8, 7});
    original.stages[2].touchpoints.clear();
    original.stages[2].name = "Vacía; sin puntos";
    auto& tp = original.stages[1].touchpoints[0];
    tp.title = "=SUMA(1;2)";
    tp.description = "Línea 1\r\nLínea \"2\"; fin,\tcon tab";
    tp.pains = {"a; b", "c | d", "2,5"};
    tp.channel = " -1,5 ";
    original.personas[0].name = "Ana, CFO; \"jefa\"";
    original.stages[0].name = "\tEtapa con tab";
    const jm::Map from_default = imported(jm::export_csv(original));
    for (const jm::CsvDialect& d : {kEs, jm::csv_dialect_for_language("pt-BR"), jm::CsvDialect{'\t', false},
                                    jm::CsvDialect{'\t', true}, jm::CsvDialect{',', true}}) {
        INFO(std::string("delimiter ") + (d.delimiter == '\t' ? "tab" : std::string(1, d.delimiter)) +
             (d.decimal_comma ? ", decimal comma" : ""));
        const jm::Map back = imported(jm::export_csv(original, d));
        CHECK(back == from_default);
        CHECK(jm::export_csv(back, d) == jm::export_csv(from_default, d));
    }
    // And the default round trip keeps what a map's CSV holds.
    REQUIRE(from_default.stages.size() == original.stages.size());
    CHECK(from_default.stages[2].name == "Vacía; sin puntos");
    CHECK(from_default.stages[0].name == "\tEtapa con tab");
    const jm::Touchpoint& back = from_default.stages[1].touchpoints[0];
    CHECK(back.title == "=SUMA(1;2)");
    CHECK(back.description == tp.description);
    CHECK(back.pains == tp.pains);
    CHECK(back.channel == tp.channel);
    CHECK(back.friction == tp.friction);
    CHECK(back.emotion == tp.emotion);
    CHECK(persona_names(from_default, back).size() == tp.persona_ids.size());
    CHECK(jm::load_map_json(jm::save_map_json(from_default)).ok());
}

TEST_CASE("CSV export, ',' and tab dialects: formula cells get their apostrophe and read back exactly", "[csv][dialects][formulas]") {
    struct Expected {
        std::string title;
        std::string semicolon;   // the cell in the es dialect
        std::string tab;         // the cell in the tab dialect
    };
    const std::vector<Expected> cases = {
        {"=HYPERLINK(\"http://x\";\"y\")", "\"'=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\"", "\"'=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\""},
        {"+1", "'+1", "'+1"},
        {"-2;3", "\"'-2;3\"", "'-2;3"},
        {"@SUMA(A1;A2)", "\"'@SUMA(A1;A2)\"", "'@SUMA(A1;A2)"},
        {"'=ya", "''=ya", "''=ya"},
        {"\tcon tab", "'\tcon tab", "\"'\tcon tab\""},
        {"-1,5", "'-1,5", "'-1,5"},
        {"a; = b", "\"a; = b\"", "a; = b"},
    };
    jm::Map m;
    m.id = "m";
    jm::Stage s;
    s.name = "=etapa;1";
    for (std::size_t i = 0; i < cases.size(); ++i) {
        jm::Touchpoint t = touchpoint(cases[i].title);
        t.id = "t-";
        t.id += std::to_string(i);
        t.emotion = -1;
        s.touchpoints.push_back(t);
    }
    m.stages = {s};
    const std::vector<std::string> es = lines(jm::export_csv(m, kEs));
    const std::vector<std::string> tab = lines(jm::export_csv(m, jm::CsvDialect{'\t', false}));
    REQUIRE(es.size() == cases.size() + 1);
    REQUIRE(tab.size() == cases.size() + 1);
    for (std::size_t i = 0; i < cases.size(); ++i) {
        INFO(cases[i].title);
        CHECK(es[i + 1] == "\"'=etapa;1\";1;" + cases[i].semicolon + ";;;;;0;-1;;;;;");
        CHECK(tab[i + 1] == "'=etapa;1\t1\t" + cases[i].tab + "\t\t\t\t\t0\t-1\t\t\t\t\t");
    }
    for (const jm::CsvDialect& d : {kEs, jm::CsvDialect{'\t', false}}) {
        const jm::Map back = imported(jm::export_csv(m, d));
        REQUIRE(back.stages.size() == 1);
        CHECK(back.stages[0].name == "=etapa;1");
        REQUIRE(back.stages[0].touchpoints.size() == cases.size());
        for (std::size_t i = 0; i < cases.size(); ++i) {
            CHECK(back.stages[0].touchpoints[i].title == cases[i].title);
            CHECK(back.stages[0].touchpoints[i].emotion == -1);
        }
    }
    // Import takes the apostrophe off in a semicolon file as in a comma file.
    const jm::Map hand = imported("stage;title;owner\n'-S;'=1+1;'@o\n");
    CHECK(hand.stages.at(0).name == "-S");
    CHECK(hand.stages[0].touchpoints.at(0).title == "=1+1");
    CHECK(hand.stages[0].touchpoints[0].owner == "@o");
}
