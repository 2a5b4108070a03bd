#include "io/share_link.h"

#include <array>
#include <cstdint>

#include "i18n/i18n.h"
#include "io/content_hash.h"

namespace jm::share {

namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// The 6-bit value of each base64url character; -1 for every other byte.
constexpr std::array<int, 256> decoding_table() {
    std::array<int, 256> t{};
    for (int& v : t) v = -1;
    for (int i = 0; i < 64; ++i) t[static_cast<unsigned char>(kAlphabet[i])] = i;
    return t;
}
constexpr std::array<int, 256> kDecoding = decoding_table();

// The whole UTF-8 character that starts at `at` (a broken one as its first byte),
// so a message shows "é" rather than half of it.
std::string_view character_at(std::string_view text, std::size_t at) {
    const auto lead = static_cast<unsigned char>(text[at]);
    const std::size_t length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    return text.substr(at, length);
}

// Whether `tag` is "v<digits>." (a link format, this editor's or another's).
bool is_format_tag(std::string_view tag) {
    if (tag.size() < 3 || tag.front() != 'v' || tag.back() != '.') return false;
    for (std::size_t i = 1; i + 1 < tag.size(); ++i)
        if (tag[i] < '0' || tag[i] > '9') return false;
    return true;
}

FragmentRead damaged(std::string problem) {
    FragmentRead r;
    r.kind = FragmentRead::Kind::Damaged;
    r.problem = std::move(problem);
    return r;
}

}  // namespace

std::string compact_json(std::string_view json) {
    std::string out;
    out.reserve(json.size());
    bool in_string = false, escaped = false;
    for (char c : json) {
        if (in_string) {
            out += c;
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
            out += c;
        } else if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
            out += c;
        }
    }
    return out;
}

std::string base64url_encode(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() * 4 + 2) / 3);
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const std::uint32_t v = static_cast<unsigned char>(bytes[i]) << 16 | static_cast<unsigned char>(bytes[i + 1]) << 8 |
                                static_cast<unsigned char>(bytes[i + 2]);
        out += kAlphabet[v >> 18 & 63];
        out += kAlphabet[v >> 12 & 63];
        out += kAlphabet[v >> 6 & 63];
        out += kAlphabet[v & 63];
    }
    const std::size_t rest = bytes.size() - i;
    if (rest > 0) {
        std::uint32_t v = static_cast<unsigned char>(bytes[i]) << 16;
        if (rest == 2) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        out += kAlphabet[v >> 18 & 63];
        out += kAlphabet[v >> 12 & 63];
        if (rest == 2) out += kAlphabet[v >> 6 & 63];
    }
    return out;
}

std::optional<std::string> base64url_decode(std::string_view text, std::string& problem) {
    // Padding is not written, but a tool that adds it changes nothing.
    while (!text.empty() && text.back() == '=') text.remove_suffix(1);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (kDecoding[static_cast<unsigned char>(text[i])] >= 0) continue;
        problem = i18n::trf("the link's data holds \"{character}\" (character {position}), which a share link never holds",
                            {{"character", std::string(character_at(text, i))}, {"position", i18n::number(static_cast<double>(i + 1))}});
        return std::nullopt;
    }
    // Groups of 4 characters carry 3 bytes; a last group of 2 or 3 carries 1 or 2.
    // A single character left over carries no whole byte: the text was cut there.
    if (text.size() % 4 == 1) {
        problem = i18n::tr("the link's data stops in the middle of a character group: it was cut short");
        return std::nullopt;
    }
    std::string out;
    out.reserve(text.size() * 3 / 4);
    std::uint32_t buffer = 0;
    int bits = 0;
    for (char c : text) {
        buffer = buffer << 6 | static_cast<std::uint32_t>(kDecoding[static_cast<unsigned char>(c)]);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>(buffer >> bits & 0xFF);
        }
    }
    return out;
}

std::string fragment_for(std::string_view compressed) {
    return std::string(kFragmentKey) + std::string(kFormatTag) + base64url_encode(compressed);
}

std::string link_for(std::string_view page_address, std::string_view compressed) {
    const std::size_t hash = page_address.find('#');
    if (hash != std::string_view::npos) page_address = page_address.substr(0, hash);
    return std::string(page_address) + fragment_for(compressed);
}

FragmentRead read_fragment(std::string_view fragment) {
    if (fragment.substr(0, kFragmentKey.size()) != kFragmentKey) return {};   // no fragment, or one that is not ours
    std::string_view rest = fragment.substr(kFragmentKey.size());
    if (rest.empty()) return damaged(i18n::tr("the link holds no map after \"#map=\""));
    const std::size_t dot = rest.find('.');
    const std::string_view tag = dot == std::string_view::npos ? std::string_view() : rest.substr(0, dot + 1);
    if (tag != kFormatTag) {
        if (is_format_tag(tag))
            return damaged(i18n::trf("the link was made in format {format}, which this version of Journey Map does not read: ask for the map file, or open the link in a newer version",
                                     {{"format", std::string(tag.substr(0, tag.size() - 1))}}));
        return damaged(i18n::tr("the link does not start with a share link's format (\"v1.\"): it was changed or cut"));
    }
    const std::string_view data = rest.substr(tag.size());
    if (data.empty()) return damaged(i18n::tr("the link holds no map after \"#map=\""));
    std::string problem;
    std::optional<std::string> bytes = base64url_decode(data, problem);
    if (!bytes) return damaged(std::move(problem));
    FragmentRead r;
    r.kind = FragmentRead::Kind::Link;
    r.compressed = std::move(*bytes);
    return r;
}

LoadResult read_shared_map(std::string_view text) {
    LoadResult r = load_map_json(text);
    if (!r.ok()) return r;
    const Lineage& lineage = r.map->lineage;
    // Only a fork made for sending names the map's own id first with its content hash.
    if (!lineage.bases.empty() && lineage.bases.front().id == r.map->id && content_hash(*r.map) != lineage.bases.front().hash) {
        LoadResult changed;
        changed.source_version = r.source_version;
        changed.problems.push_back(
            {"", i18n::tr("the map in the link is not the map that was sent: its content does not match the fingerprint it was sent with")});
        return changed;
    }
    return r;
}

std::string inflate_problem() {
    return i18n::tr("the compressed map in the link is incomplete or damaged: it does not decompress");
}

std::string unsupported_problem() {
    return i18n::tr("this browser cannot open share links (it has no DecompressionStream): open the link in a current browser, or ask for the map file");
}

std::string too_large_problem(std::size_t limit_bytes) {
    return i18n::trf("the map in the link would be larger than {limit} MiB once decompressed, the largest file the editor opens",
                     {{"limit", i18n::number(static_cast<double>(limit_bytes) / (1024.0 * 1024.0))}});
}

}  // namespace jm::share
