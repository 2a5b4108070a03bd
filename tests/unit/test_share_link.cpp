// Share links (io/share_link.h): base64url, the "#map=v1." fragment, the compact
// text a link carries, and the check that the map in a link is the map sent.
// Compressing is the browser's (CompressionStream "deflate-raw"): the browser
// test tests/e2e/share_link.test.mjs covers it end to end.
#include <catch2/catch.hpp>

#include <string>

#include <nlohmann/json.hpp>

#include "i18n/i18n.h"
#include "io/content_hash.h"
#include "io/map_json.h"
#include "io/share_link.h"
#include "io/templates.h"
#include "support/language_scope.h"

using namespace jm;
using Catch::Matchers::Contains;

namespace {

std::string decoded(std::string_view text) {
    std::string problem;
    auto bytes = share::base64url_decode(text, problem);
    INFO(problem);
    REQUIRE(bytes);
    return *bytes;
}

std::string decode_problem(std::string_view text) {
    std::string problem;
    REQUIRE_FALSE(share::base64url_decode(text, problem));
    REQUIRE_FALSE(problem.empty());
    return problem;
}

Map small_map() {
    Map m;
    m.id = "map-0k3j5x9q2m1zr";
    m.title = "Onboarding \"B2B\" – Decisión 决策";
    m.created = "2026-11-20T09:00:00Z";
    m.modified = "2026-11-22T10:00:00Z";
    m.lanes = default_lanes();
    Stage s{.id = "stage-a", .name = "Demo  with  spaces"};
    s.touchpoints.push_back(Touchpoint{.id = "tp-a", .title = "Call\tthe \\ client\n", .friction = 3});
    m.stages.push_back(s);
    return m;
}

}  // namespace

TEST_CASE("base64url gives RFC 4648's test vectors in the URL alphabet, without padding", "[share]") {
    CHECK(share::base64url_encode("") == "");
    CHECK(share::base64url_encode("f") == "Zg");
    CHECK(share::base64url_encode("fo") == "Zm8");
    CHECK(share::base64url_encode("foo") == "Zm9v");
    CHECK(share::base64url_encode("foob") == "Zm9vYg");
    CHECK(share::base64url_encode("fooba") == "Zm9vYmE");
    CHECK(share::base64url_encode("foobar") == "Zm9vYmFy");
    // The two characters that differ from base64: '-' for '+', '_' for '/'.
    CHECK(share::base64url_encode(std::string("\xfb\xff\xbf", 3)) == "-_-_");
    CHECK(decoded("Zm9vYmE") == "fooba");
    CHECK(decoded("-_-_") == std::string("\xfb\xff\xbf", 3));
    CHECK(decoded("Zm9vYg==") == "foob");   // padding added by some tool is tolerated
}

TEST_CASE("every byte value and length round-trips through base64url", "[share]") {
    std::string bytes;
    for (int i = 0; i < 300; ++i) {
        bytes += static_cast<char>((i * 151 + 7) & 0xFF);
        const std::string text = share::base64url_encode(bytes);
        REQUIRE(text.size() == (bytes.size() * 4 + 2) / 3);
        REQUIRE(text.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") == std::string::npos);
        REQUIRE(decoded(text) == bytes);
    }
}

TEST_CASE("base64url refuses a character outside its alphabet and a text cut inside a group", "[share]") {
    CHECK_THAT(decode_problem("Zm9v+mFy"), Contains("\"+\"") && Contains("character 5"));
    CHECK_THAT(decode_problem("Zm9v/mFy"), Contains("\"/\""));
    CHECK_THAT(decode_problem("Zm9v%20"), Contains("\"%\""));
    CHECK_THAT(decode_problem("Zm9vé"), Contains("\"é\""));   // the whole character, not half of it
    CHECK_THAT(decode_problem("Zm9vY"), Contains("cut short"));
    CHECK_THAT(decode_problem("Z"), Contains("cut short"));
}

TEST_CASE("a share link is the page address and #map=v1. with the data", "[share]") {
    const std::string compressed("\x01\x02\xfe\xff", 4);
    CHECK(share::fragment_for(compressed) == "#map=v1.AQL-_w");
    CHECK(share::link_for("https://maps.example.org/editor/", compressed) == "https://maps.example.org/editor/#map=v1.AQL-_w");
    // A page opened from an older link makes a link without the old fragment.
    CHECK(share::link_for("https://maps.example.org/editor/?lang=es#map=v1.QUJD", compressed) ==
          "https://maps.example.org/editor/?lang=es#map=v1.AQL-_w");

    const share::FragmentRead r = share::read_fragment(share::fragment_for(compressed));
    REQUIRE(r.kind == share::FragmentRead::Kind::Link);
    CHECK(r.compressed == compressed);
}

TEST_CASE("a fragment that is not a share link is left alone, a broken one says why", "[share]") {
    using Kind = share::FragmentRead::Kind;
    for (const char* other : {"", "#", "#stage-2", "#mapa=v1.AQL", "map=v1.AQL"}) {
        INFO(other);
        CHECK(share::read_fragment(other).kind == Kind::None);
    }
    const auto problem_of = [](std::string_view fragment) {
        const share::FragmentRead r = share::read_fragment(fragment);
        REQUIRE(r.kind == Kind::Damaged);
        REQUIRE(r.compressed.empty());
        return r.problem;
    };
    CHECK_THAT(problem_of("#map="), Contains("no map"));
    CHECK_THAT(problem_of("#map=v1."), Contains("no map"));
    CHECK_THAT(problem_of("#map=v2.AQL-_w"), Contains("format v2") && Contains("newer version"));
    CHECK_THAT(problem_of("#map=v12.AQL-_w"), Contains("format v12"));
    CHECK_THAT(problem_of("#map=AQL-_w"), Contains("\"v1.\""));
    CHECK_THAT(problem_of("#map=x1.AQL-_w"), Contains("\"v1.\""));
    CHECK_THAT(problem_of("#map=v1.AQL-_w)"), Contains("\")\""));   // a chat tool took the closing bracket along
    CHECK_THAT(problem_of("#map=v1.AQL-_"), Contains("cut short"));
}

TEST_CASE("the compact text is the same JSON with no layout whitespace", "[share]") {
    CHECK(share::compact_json("{\n  \"a\": [1, 2],\n\t\"b\": \" x  y \"\r\n}") == R"({"a":[1,2],"b":" x  y "})");
    CHECK(share::compact_json(R"({"q": "say \"hi\" ", "b": "back\\", "c": " "})") == R"({"q":"say \"hi\" ","b":"back\\","c":" "})");
    const std::string text = save_map_json(small_map());
    const std::string compact = share::compact_json(text);
    CHECK(compact.size() < text.size());
    CHECK(compact.find('\n') == std::string::npos);
    CHECK(nlohmann::json::parse(compact) == nlohmann::json::parse(text));
    LoadResult r = load_map_json(compact);
    REQUIRE(r.ok());
    CHECK(save_map_json(*r.map) == text);
}

TEST_CASE("every template's link text loads as the same map and passes the fingerprint check", "[share][templates]") {
    int checked = 0;
    for (const auto& t : embedded_templates()) {
        if (!t.json) continue;
        INFO(t.name);
        LoadResult original = load_map_json(t.json);
        REQUIRE(original.ok());
        const Map sent = fork_for_sending(*original.map, "2026-11-24T10:00:00Z");
        const std::string text = share::compact_json(save_map_json(sent));
        LoadResult received = share::read_shared_map(text);
        REQUIRE(received.ok());
        CHECK(save_map_json(*received.map) == save_map_json(sent));
        CHECK(content_hash(*received.map) == received.map->lineage.bases.front().hash);
        ++checked;
    }
    CHECK(checked == 20);
}

TEST_CASE("a link's map that changed on its way is refused, never opened as another map", "[share]") {
    const Map sent = fork_for_sending(small_map(), "2026-11-24T10:00:00Z");
    const std::string text = share::compact_json(save_map_json(sent));
    REQUIRE(share::read_shared_map(text).ok());

    SECTION("a letter changed in a title") {
        std::string changed = text;
        const std::size_t at = changed.find("Call");
        REQUIRE(at != std::string::npos);
        changed[at] = 'B';
        REQUIRE(load_map_json(changed).ok());   // a valid map file, but not the one sent
        LoadResult r = share::read_shared_map(changed);
        REQUIRE_FALSE(r.ok());
        REQUIRE(r.problems.size() == 1);
        CHECK_THAT(r.problems[0].message, Contains("does not match the fingerprint"));
    }
    SECTION("the text cut anywhere gives the loader's problem") {
        for (std::size_t cut = 0; cut < text.size(); cut += 7) {
            INFO(cut);
            LoadResult r = share::read_shared_map(std::string_view(text).substr(0, cut));
            REQUIRE_FALSE(r.ok());
            REQUIRE_FALSE(r.problems.empty());
        }
    }
    SECTION("a map with no lineage, or another map's version first, has nothing to check against") {
        Map plain = small_map();
        CHECK(share::read_shared_map(save_map_json(plain)).ok());
        Map edited = sent;
        edited.title = "Edited after it was received";
        edited.id = "map-kept-as-a-copy";
        CHECK(share::read_shared_map(save_map_json(edited)).ok());
    }
}

TEST_CASE("a share link's problems are in the user's language", "[share][i18n]") {
    jm::testing::LanguageScope es("es");
    CHECK(share::read_fragment("#map=").problem != "the link holds no map after \"#map=\"");
    std::string problem;
    REQUIRE_FALSE(share::base64url_decode("Zm9vY", problem));
    CHECK(problem != "the link's data stops in the middle of a character group: it was cut short");
    CHECK(share::inflate_problem() != "the compressed map in the link is incomplete or damaged: it does not decompress");
    CHECK_THAT(share::unsupported_problem(), Contains("DecompressionStream"));
    CHECK_THAT(share::unsupported_problem(), !Contains("this browser cannot open share links"));
    CHECK_THAT(share::too_large_problem(64 * 1024 * 1024), Contains("64"));
}
