// Catalogues by need (i18n::add_catalogue): the web build carries English only
// and hands the other catalogues over once fetched. What it accepts decides
// whether a bad download can ever become the UI's text.
#include <catch2/catch.hpp>

#include <string>

#include "i18n/i18n.h"
#include "support/language_scope.h"

using namespace jm::i18n;
using jm::testing::LanguageScope;

namespace {

// A catalogue of `code` whose "Undo" reads `undo`.
std::string catalogue(const std::string& code, const std::string& undo) {
    return R"({"language": ")" + code + R"(", "name": "x", "messages": {"Undo": ")" + undo + R"("}})";
}

// Puts the built-in Spanish back when a test case ends.
struct SpanishRestored {
    std::string original = catalogue_text("es");
    ~SpanishRestored() { add_catalogue("es", original); }
};

}  // namespace

TEST_CASE("a fetched catalogue replaces what the build carries and is used at the next switch") {
    SpanishRestored restore;
    REQUIRE(has_catalogue("es"));
    REQUIRE(add_catalogue("es", catalogue("es", "Deshacer (descargado)")));
    LanguageScope spanish("es");
    CHECK(std::string(tr("Undo")) == "Deshacer (descargado)");
    CHECK(std::string(tr("Redo")) == "Redo");   // a key the catalogue lacks: the English text
}

TEST_CASE("a download that is not the catalogue of its language is refused") {
    SpanishRestored restore;
    const std::string before = catalogue_text("es");
    CHECK_FALSE(add_catalogue("es", catalogue("pt-BR", "Desfazer")));           // another language's
    CHECK_FALSE(add_catalogue("es", "<html>404 Not Found</html>"));              // an error page
    CHECK_FALSE(add_catalogue("es", R"({"language": "es", "messages": []})"));  // no messages object
    CHECK_FALSE(add_catalogue("es", R"({"language": "es"})"));
    CHECK_FALSE(add_catalogue("xx", catalogue("xx", "?")));                     // not one of ours
    CHECK(catalogue_text("es") == before);
    CHECK_FALSE(has_catalogue("xx"));
}

TEST_CASE("every language the editor offers has its catalogue at hand natively") {
    for (const Language& l : languages()) CHECK(has_catalogue(l.code));
}
