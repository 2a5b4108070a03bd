// Map templates from the stage frameworks in the source articles
// (assets/templates/*.json, embedded at build time by scripts/embed_templates.cmake).
#pragma once

#include <string>
#include <vector>

namespace jm {

struct EmbeddedTemplate {
    const char* name;   // file name without extension, e.g. "saas-journey"
    const char* json;   // the map file's text
};

// Every template, sorted by name. Defined in the generated templates_data.cpp.
const std::vector<EmbeddedTemplate>& embedded_templates();

}  // namespace jm
