// File > Copy share link, and opening one: the map travels inside the link's
// fragment (io/share_link.h), which browsers never send to a server. A link
// opens its map read-only, under a bar that offers to save a copy; the copy
// goes into the library as a fork of the sender's version (its lineage names
// it first), so that it can be merged back later.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

// U+F0C1, Font Awesome's link.
#define ICON_LINK "\xef\x83\x81"

namespace jm {

struct AppState;

struct ShareState {
    // Making a link: compressing is asynchronous, and a second request waits
    // for the first to finish.
    bool making = false;
    int next_request = 1;          // window.journeymap.shareLink() answers
    double make_ms = 0;            // the last link, from the request to its text
    std::size_t link_length = 0;   // the last link's characters (also when too large)
    std::string link;              // the last link made, shown when the clipboard refused it
    bool show_link = false;        // "copy it from here"
    bool show_too_large = false;   // "too large for a link: download the file"

    // Opening a link (at start, or pasted into the address bar later).
    int opening = 0;               // the link being read (a later one wins); 0: none
    int links_read = 0;
    double open_ms = 0;            // the last link shown, from reading the address to the map on screen
    bool shared = false;           // a shared map is open, read-only
    std::string shared_text;       // its text as the link held it: kept as a base when a copy is saved
    std::string problem;           // why the last link could not be opened
    bool show_damaged = false;
};

// Starts making the open map's link; it is copied to the clipboard once made,
// or a dialog says the map is too large for one. `api_request` (not 0) is a
// shareLink() call to answer.
void copy_share_link(AppState& app, int api_request = 0);

// At start, before the session opens the last map: when the page's address
// holds a share link, reads it. `then(true)` once its map is shown read-only;
// `then(false)` when there is no link, or a damaged one (its message is up and
// nothing else changed): the editor starts as it would without it. Either way,
// links opened later in this tab are watched for.
void open_share_link_at_start(AppState& app, std::function<void(bool shown)> then);

// The shared map becomes the user's: stored in the library (under a new id
// when the library already holds its id), editable, the link gone from the address.
void save_shared_copy(AppState& app);

// Under the menu bar while a shared map is open: "Shared map - Save a copy to edit".
void draw_shared_map_bar(AppState& app);
// The shortcut and the dialogs: too large for a link, copy it by hand, a damaged link.
void draw_share_windows(AppState& app);

}  // namespace jm
