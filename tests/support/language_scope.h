// The UI language for one test case: English again when it ends, whatever happens.
#pragma once

#include <catch2/catch.hpp>

#include "i18n/i18n.h"

namespace jm::testing {

struct LanguageScope {
    explicit LanguageScope(const char* code) { REQUIRE(i18n::set_language(code)); }
    ~LanguageScope() { i18n::set_language("en"); }
};

}  // namespace jm::testing
