// Number and column formatting shared by the hotspot "why" strings, the
// "not available" reasons and the terminal table. Independent of the C locale:
// the same map always gives the same text in a language. The numbers follow the
// language in use (i18n::localize_number): "1,234.5" in English and Chinese,
// "1.234,5" in Spanish and Portuguese; "n/a" is translated.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "i18n/i18n.h"

namespace jm {

// 1200 -> "1,200"; -5 -> "-5".
std::string format_count(std::int64_t n);

// Fixed decimals with thousands separators: (1234.5, 1) -> "1,234.5"; (-0.04, 1) -> "0.0"
// never "-0.0". From 1e15 on (where "%f" would print hundreds of digits for 1e300)
// six significant digits with an exponent: 1e300 -> "1e+300". Not finite: "n/a".
std::string format_fixed(double v, int decimals);

// The shortest plain spelling for numbers quoted back to the user in reasons:
// 12 -> "12", 1.4 -> "1.4", 0.333333 -> "0.3333" (at most 4 decimals, no exponent
// below 1e15; from there as format_fixed: 2.5e20 -> "2.5e+20"). Not finite: "n/a".
std::string format_plain(double v);

// A signed change: 5 -> "+5", -2.5 -> "-2.5", 0 -> "0".
std::string format_delta(double v, int decimals);

// A formatted number and its unit as the language writes them: ("40", "%") ->
// "40%" (Spanish "40 %", with a no-break space); any other unit follows the
// number as it is: ("3.8", "/5") -> "3.8/5".
std::string with_unit(const std::string& number, std::string_view unit);

// Items of a list of facts, in order: "friction 5/5, emotion -2, no survey
// answers" (Chinese joins them with a full-width comma).
std::string join_list(const std::vector<std::string>& items);

// i18n::trf(key, args) with every placeholder filled in one pass, for messages
// with more than one text the user wrote ("'{stage}' ... '{previous}'"): a
// value that itself contains "{previous}" is never filled in turn.
std::string trf_once(const char* key, i18n::Args args);

// Columns a UTF-8 string takes in a terminal: East Asian wide characters count 2,
// combining marks 0, everything else 1.
std::size_t display_width(std::string_view utf8);

// `text` cut (with a trailing "…") or padded with spaces to exactly `width` columns.
std::string fit_column(std::string_view text, std::size_t width, bool align_right = false);

}  // namespace jm
