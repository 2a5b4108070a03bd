// Map templates from the stage frameworks in the source articles
// (assets/templates/*.json, embedded at build time by scripts/embed_assets.cmake).
//
// Every template exists in each of the editor's languages, one file per
// language: assets/templates/<id>.<lang>.json, e.g. saas-journey.es.json. The
// versions of one template are the same map (same ids, numbers and structure),
// only their texts differ. The map format has no language field: the language
// is in the file name only. Each framework also has a source language, the
// language of the article it comes from (saas-journey: Spanish), whose version
// uses the article's own stage names.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jm {

struct EmbeddedTemplate {
    const char* name;   // file name without its last extension, e.g. "saas-journey.es"
    const char* json;   // the map file's text; nullptr in the browser build, which fetches it by need
};

// Every template version, sorted by name. Defined in the generated embedded_templates.cpp.
const std::vector<EmbeddedTemplate>& embedded_templates();

// --- Texts by need (the browser build) -------------------------------------
// The browser build embeds the templates' names only; a language's texts come
// as one bundle, {"saas-journey.es": {map}, ...} (the site's
// templates/<lang>.json), the first time that language's templates are wanted.

// Takes the texts of a bundle's templates; members that name no embedded
// template, and templates already there, are ignored. False (and nothing taken)
// when the text is not such a bundle.
bool add_template_texts(std::string_view bundle);
// Whether every template version in `language` has its text.
bool has_template_texts(std::string_view language);

// --- Templates by id and language (templates.cpp) --------------------------

// The languages templates come in, English first: the editor's UI languages.
const std::vector<std::string>& template_languages();   // "en", "es", "pt-BR", "zh-CN"

// One of template_languages() for a language tag as browsers and POSIX write
// it ("es-MX", "pt", "PT_br", "zh-Hans-CN", "zh_CN.UTF-8"), matched on the
// whole tag, then on its first subtag; "" when none matches.
std::string template_language(std::string_view tag);

struct TemplateInfo {
    std::string id;                // "saas-journey": the file name without the language
    std::string language;          // "es": this version's language ("" if its file name has none)
    std::string source_language;   // "es": the language of the article its framework comes from ("" for blank)
    std::string name;              // "saas-journey.es": the embedded name (EmbeddedTemplate::name)
    const char* json = nullptr;    // the map file's text; nullptr until fetched (add_template_texts)
};

// The language of the article template `id` comes from ("es" for
// saas-journey, "pt-BR" for acnce-funnel...); "" for templates that have no
// article (blank) and for unknown ids.
std::string template_source_language(std::string_view id);

// Every template in every language it exists in: by id (the New map dialog's
// order, alphabetical), and within one id in template_languages() order.
std::vector<TemplateInfo> template_catalogue();

// One entry per template id, in template_catalogue()'s order, each in
// `ui_language` (any tag template_language() understands) when that version
// exists, else in its source language, else in English, else the first there is.
std::vector<TemplateInfo> templates_for(std::string_view ui_language);

// Every version of template `id`: first the one templates_for(ui_language)
// picks, then the source language's, then the others in template_languages()
// order. Empty for an unknown id.
std::vector<TemplateInfo> template_versions(std::string_view id, std::string_view ui_language);

// A template by the name a user or a script gives:
//   "saas-journey.es"  that version exactly (the language part may be any tag
//                      template_language() understands: "saas-journey.pt" is pt-BR);
//   "saas-journey"     the version templates_for(language) picks.
// std::nullopt for an unknown template, or a version that does not exist.
std::optional<TemplateInfo> find_template(std::string_view name, std::string_view language = "en");

}  // namespace jm
