// Estimates of the memory an item holds, for the history's memory report.
// heap_bytes() counts what lives outside the object itself (string buffers,
// vector storage, map nodes, with a typical allocator overhead per block);
// approx_bytes() adds the object's own size.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "model/map.h"

namespace jm {

std::size_t heap_bytes(const std::string& s);   // 0 for short strings kept inline
std::size_t heap_bytes(const std::vector<std::string>& v);
std::size_t heap_bytes(const UnknownFields& u);
std::size_t heap_bytes(const Survey& s);
std::size_t heap_bytes(const Period& p);
std::size_t heap_bytes(const Touchpoint& t);
std::size_t heap_bytes(const Stage& s);          // its touchpoints included
std::size_t heap_bytes(const Persona& p);
std::size_t heap_bytes(const Map& m);

std::size_t approx_bytes(const Touchpoint& t);
std::size_t approx_bytes(const Stage& s);
std::size_t approx_bytes(const Persona& p);
std::size_t approx_bytes(const Map& m);

}  // namespace jm
