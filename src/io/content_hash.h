// What a map's content is, as one fingerprint, and the lineage a copy sent out
// carries (format version 2; README, "Lineage (format version 2)").
//
// The content hash is SHA-256 (FIPS 180-4), in 64 lowercase hex digits, of the
// canonical file text (save_map_json) of the map with its identity and
// bookkeeping left out: the id, created, modified and lineage are emptied first.
// Everything else is content: titles, texts, the order of stages, cards and
// personas, scores, surveys, lanes, unknown fields... Because the canonical
// text has one spelling per map (fixed key order, fixed number format, the
// same escapes), a file re-indented, re-ordered or re-saved gives the same hash,
// and any change to what the map says gives another. A three-way merge uses it
// to find the common ancestor (Library::find_base) and to tell "unchanged since
// it was sent" (content_hash(copy) == copy.lineage.bases[0].hash).
#pragma once

#include <string>
#include <string_view>

#include "model/map.h"

namespace jm {

// SHA-256 of `bytes`, as 64 lowercase hex digits.
std::string sha256_hex(std::string_view bytes);

// The map's content hash (see above). Serialises the whole map: 130 ms
// natively for the 11 MB of a 10,000-touchpoint map (110 ms of it writing the
// text, 40 ms hashing), so compute it once per send, not per frame.
std::string content_hash(const Map& map);

// True for 64 lowercase hex digits: what a lineage "hash" must be (both
// readers check it with this).
bool is_content_hash(std::string_view text);

// The copy of `map` that leaves this editor (downloaded, shared, sent to a
// group): the same map, with its current version (id, content hash, `now`) put
// first in its lineage. An unchanged map sent twice keeps one entry (the
// first time it was sent); the lineage is cut to kMaxLineageBases entries.
// The sender keeps the text of this version (Library::store_base) so that a
// copy coming back can be merged against it.
Map fork_for_sending(const Map& map, const std::string& now = utc_now_iso());

}  // namespace jm
