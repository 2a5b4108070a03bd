// Templates by id and language, from the embedded files' names
// ("<id>.<lang>"): see templates.h.
#include "io/templates.h"

#include <algorithm>
#include <cctype>
#include <map>

#include <nlohmann/json.hpp>

namespace jm {

namespace {

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// The language of each framework's source article (shared/DOMAIN.md, "Stage
// frameworks found in the seeds"). Templates missing here have no article.
struct Source {
    const char* id;
    const char* language;
};
constexpr Source kSources[] = {
    {"saas-journey", "es"},        // seed 000: "Guía para entender el customer journey en empresas B2B"
    {"b2b-lifecycle", "es"},       // seed 001: "¿Cómo es el ciclo de vida del cliente en el diseño de experiencias B2B?"
    {"acnce-funnel", "pt-BR"},     // seed 003: "Não deixe que os clientes em potencial se percam"
    {"b2b-journey-exit", "zh-CN"}, // seed 004: "如何理解并优化B2B客户旅程"
};

// Position of a language in template_languages(); unknown ones ("") last.
std::size_t language_rank(const std::string& language) {
    const auto& all = template_languages();
    return static_cast<std::size_t>(std::find(all.begin(), all.end(), language) - all.begin());
}

// Texts fetched by need, by name. Never erased or replaced, so the pointers
// TemplateInfo::json hands out stay valid.
std::map<std::string, std::string, std::less<>>& fetched_texts() {
    static std::map<std::string, std::string, std::less<>> texts;
    return texts;
}

const char* text_of(const EmbeddedTemplate& t) {
    if (t.json) return t.json;
    const auto& fetched = fetched_texts();
    const auto it = fetched.find(std::string_view(t.name));
    return it == fetched.end() ? nullptr : it->second.c_str();
}

TemplateInfo info_of(const EmbeddedTemplate& t) {
    TemplateInfo info;
    info.name = t.name;
    info.json = text_of(t);
    info.id = info.name;
    // The part after the last dot is the language when it is exactly one of ours.
    if (const auto dot = info.name.rfind('.'); dot != std::string::npos) {
        const std::string suffix = info.name.substr(dot + 1);
        if (language_rank(suffix) < template_languages().size()) {
            info.id = info.name.substr(0, dot);
            info.language = suffix;
        }
    }
    info.source_language = template_source_language(info.id);
    return info;
}

// The version `ui_language` calls for among one template's versions (non-empty).
const TemplateInfo& pick(const std::vector<const TemplateInfo*>& versions, const std::string& ui_language) {
    const std::string& source = versions.front()->source_language;
    for (const std::string& want : {ui_language, source, std::string("en")})
        for (const TemplateInfo* v : versions)
            if (!want.empty() && v->language == want) return *v;
    return *versions.front();
}

// The catalogue's entries for one id, in its order.
std::vector<const TemplateInfo*> versions_of(const std::vector<TemplateInfo>& all, std::string_view id) {
    std::vector<const TemplateInfo*> out;
    for (const auto& t : all)
        if (t.id == id) out.push_back(&t);
    return out;
}

}  // namespace

const std::vector<std::string>& template_languages() {
    static const std::vector<std::string> all = {"en", "es", "pt-BR", "zh-CN"};
    return all;
}

std::string template_language(std::string_view tag) {
    std::string want = lower_ascii(tag.substr(0, tag.find_first_of(".@")));   // "es_ES.UTF-8@euro" -> "es_es"
    std::replace(want.begin(), want.end(), '_', '-');
    for (const auto& code : template_languages())
        if (want == lower_ascii(code)) return code;
    // One version per language: any Spanish gets es, any Portuguese pt-BR, and
    // any Chinese (Traditional too, rather than English) zh-CN.
    const std::string primary = want.substr(0, want.find('-'));
    for (const auto& code : template_languages())
        if (!primary.empty() && primary == lower_ascii(code.substr(0, code.find('-')))) return code;
    return "";
}

std::string template_source_language(std::string_view id) {
    for (const Source& s : kSources)
        if (id == s.id) return s.language;
    return "";
}

bool add_template_texts(std::string_view bundle) {
    const nlohmann::json doc = nlohmann::json::parse(bundle, nullptr, false);
    if (!doc.is_object()) return false;
    for (const auto& t : embedded_templates()) {
        const auto it = doc.find(t.name);
        if (it != doc.end() && it->is_object() && !text_of(t)) fetched_texts().emplace(t.name, it->dump());
    }
    return true;
}

bool has_template_texts(std::string_view language) {
    const std::string code = template_language(language);
    for (const auto& t : embedded_templates())
        if (!text_of(t) && info_of(t).language == code) return false;
    return true;
}

std::vector<TemplateInfo> template_catalogue() {
    std::vector<TemplateInfo> all;
    for (const auto& t : embedded_templates()) all.push_back(info_of(t));
    std::stable_sort(all.begin(), all.end(), [](const TemplateInfo& a, const TemplateInfo& b) {
        if (a.id != b.id) return a.id < b.id;
        return language_rank(a.language) < language_rank(b.language);
    });
    return all;
}

std::vector<TemplateInfo> templates_for(std::string_view ui_language) {
    const std::string ui = template_language(ui_language);
    const std::vector<TemplateInfo> all = template_catalogue();
    std::vector<TemplateInfo> out;
    for (const auto& t : all)
        if (out.empty() || out.back().id != t.id) out.push_back(pick(versions_of(all, t.id), ui));
    return out;
}

std::vector<TemplateInfo> template_versions(std::string_view id, std::string_view ui_language) {
    const std::vector<TemplateInfo> all = template_catalogue();
    const std::vector<const TemplateInfo*> versions = versions_of(all, id);
    if (versions.empty()) return {};
    const TemplateInfo& first = pick(versions, template_language(ui_language));
    std::vector<TemplateInfo> out = {first};
    for (const TemplateInfo* v : versions)
        if (v->name != first.name && !v->source_language.empty() && v->language == v->source_language)
            out.push_back(*v);
    for (const TemplateInfo* v : versions)
        if (std::none_of(out.begin(), out.end(), [&](const TemplateInfo& o) { return o.name == v->name; }))
            out.push_back(*v);
    return out;
}

std::optional<TemplateInfo> find_template(std::string_view name, std::string_view language) {
    const std::vector<TemplateInfo> all = template_catalogue();
    for (const auto& t : all)
        if (t.name == name) return t;   // "saas-journey.es" as embedded
    // "saas-journey.pt", "saas-journey.ZH_cn": a version under another spelling of its language.
    if (const auto dot = name.rfind('.'); dot != std::string_view::npos) {
        const std::string lang = template_language(name.substr(dot + 1));
        for (const auto& t : all)
            if (!lang.empty() && t.id == name.substr(0, dot) && t.language == lang) return t;
    }
    // "saas-journey": the version for `language`.
    const std::vector<const TemplateInfo*> versions = versions_of(all, name);
    if (versions.empty()) return std::nullopt;
    return pick(versions, template_language(language));
}

}  // namespace jm
