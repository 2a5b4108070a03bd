// The translation catalogues (assets/i18n/*.json), embedded at build time by
// scripts/embed_assets.cmake so the CLI and the editor need no files.
#pragma once

#include <vector>

namespace jm::i18n {

struct EmbeddedCatalogue {
    const char* name;   // file name without extension: the language code
    const char* json;   // the catalogue's text
};

// Every catalogue, sorted by name. Defined in the generated catalogues_data.cpp.
const std::vector<EmbeddedCatalogue>& embedded_catalogues();

}  // namespace jm::i18n
