// The user's settings that belong to this browser rather than to a map (the UI
// language): small, read before the first frame, so kept in localStorage under
// "jm-setting:<name>" (outside the map library's keys, which live in IndexedDB).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace jm::platform {

std::optional<std::string> setting(const std::string& name);
void remember_setting(const std::string& name, const std::string& value);

// The browser's languages in order of preference (navigator.languages).
std::vector<std::string> preferred_languages();

// Tells the page which language its text is in (<html lang>), for the browser's
// spell-checker in paragraph fields and for screen readers.
void set_document_language(const std::string& code);

// Fetches the translation catalogue of `code` (the web build carries English
// only; see i18n::add_catalogue). `done` runs between frames with the
// catalogue's text, or with nothing when it could not be had (offline before
// the site was ever cached, a server without the file).
void fetch_catalogue(const std::string& code, std::function<void(std::optional<std::string>)> done);

// Fetches the templates of `code` as one bundle (the web build carries their
// names only; see add_template_texts in io/templates.h), like fetch_catalogue.
void fetch_templates(const std::string& code, std::function<void(std::optional<std::string>)> done);

}  // namespace jm::platform
