#include "ui/core/window_title.h"

namespace jm::ui {

std::string window_title(std::string_view shown, std::string_view id) {
    std::string out;
    out.reserve(shown.size() + 3 + id.size());
    out.append(shown);
    out += "###";
    out.append(id);
    return out;
}

std::string stable_window_name(std::string_view name) {
    std::string out;
    out.reserve(name.size());
    std::size_t start = 0;
    while (true) {
        const std::size_t slash = name.find('/', start);
        const std::string_view segment = name.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
        const std::size_t ids = segment.find("###");
        out.append(ids == std::string_view::npos ? segment : segment.substr(ids + 3));
        if (slash == std::string_view::npos) break;
        out += '/';
        start = slash + 1;
    }
    return out;
}

}  // namespace jm::ui
