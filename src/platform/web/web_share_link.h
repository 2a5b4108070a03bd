// What share links need from the browser (web_share_link.cpp, web/share_link.js):
// raw DEFLATE both ways (CompressionStream / DecompressionStream, which are
// asynchronous), the page address and its fragment, and a clipboard write that
// starts inside the user's gesture although its text is only known later.
// Plain declarations, no Emscripten: app/share_link.cpp calls these.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

namespace jm::platform {

// Compresses `bytes` with raw DEFLATE (RFC 1951). `done(compressed, error)` runs
// later, between frames; `error` is "" on success.
using BytesDone = std::function<void(std::string bytes, std::string error)>;
void deflate_raw(const std::string& bytes, BytesDone done);
// Decompresses raw DEFLATE. Output beyond `max_bytes` stops it with the error
// kInflateTooLarge (a small link can hold a very large text).
void inflate_raw(const std::string& bytes, std::size_t max_bytes, BytesDone done);
inline constexpr const char* kInflateTooLarge = "too large";
// The error of either when the browser has no Compression Streams API.
inline constexpr const char* kCompressionUnsupported = "unsupported";

// The address of the page, without its fragment; the fragment ("#..." or "").
std::string page_address();
std::string page_fragment();
// Removes the fragment from the address bar without reloading (history.replaceState),
// so that a reload does not open the link again.
void clear_page_fragment();
// The user opened another link in this tab (the fragment changed): `on_change(fragment)`.
void on_page_fragment_changed(std::function<void(const std::string& fragment)> on_change);

// A clipboard write whose text comes after an asynchronous step. Browsers allow
// writing the clipboard during a user's gesture (Safari only then); this starts
// the write at once (navigator.clipboard.write with a ClipboardItem whose text
// is a promise) and returns its ticket. finish_clipboard_text(ticket, text)
// gives the text ("" gives up: the clipboard keeps what it held). `done(copied)`
// reports whether the text reached the clipboard.
int begin_clipboard_text(std::function<void(bool copied)> done);
void finish_clipboard_text(int ticket, const std::string& text);

// Answers a window.journeymap.shareLink() promise (web/api.js) with `json`.
void answer_share_request(int request, const std::string& json);

}  // namespace jm::platform
