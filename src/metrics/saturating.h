// Sums of counts that cannot overflow. Counts are signed 64-bit; a file may hold
// up to 9e15 per count (the loader's limit), and a roll-up adds thousands of them,
// which would pass the 64-bit range (about 9.2e18) and wrap: undefined behaviour
// in C++, and a negative total in practice. Here a sum that would leave the range
// stops at its end and says so, and the figures built on it are "not available"
// rather than wrong.
#pragma once

#include <cstdint>
#include <limits>

namespace jm {

inline constexpr std::int64_t kCountMax = std::numeric_limits<std::int64_t>::max();
inline constexpr std::int64_t kCountMin = std::numeric_limits<std::int64_t>::min();

// a + b, or the end of the range it passed (then `overflow` is set; it is never cleared).
constexpr std::int64_t saturating_add(std::int64_t a, std::int64_t b, bool& overflow) {
    if (b > 0 && a > kCountMax - b) {
        overflow = true;
        return kCountMax;
    }
    if (b < 0 && a < kCountMin - b) {
        overflow = true;
        return kCountMin;
    }
    return a + b;
}

// A count stored as a double (a Figure's base) back as a count. Casting a double
// outside the 64-bit range is undefined, and the largest count is not a double:
// kCountMax becomes 2^63, one past it. Clamped here; NaN counts as 0.
inline std::int64_t count_from_double(double v) {
    if (!(v == v)) return 0;
    if (v >= 9223372036854775808.0) return kCountMax;   // 2^63
    if (v < -9223372036854775808.0) return kCountMin;
    return static_cast<std::int64_t>(v);
}

}  // namespace jm
