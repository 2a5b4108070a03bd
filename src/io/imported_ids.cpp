#include "io/imported_ids.h"

namespace jm {

std::string slug(std::string_view name) {
    std::string out;
    for (char c : name) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
        else if (!out.empty() && out.back() != '-') out += '-';
        if (out.size() >= 40) break;
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

std::string ImportedIds::make(const std::string& prefix, std::string_view name, std::size_t ordinal) {
    const std::string s = slug(name), base = prefix + "-" + (s.empty() ? std::to_string(ordinal) : s);
    std::string id = base;
    for (int& n = next_.try_emplace(base, 2).first->second; !used_.insert(id).second;) id = base + "-" + std::to_string(n++);
    return id;
}

}  // namespace jm
