// The templates' texts by need: the web build knows which templates exist but
// fetches a language's texts (one bundle) the first time it wants them: the UI
// language's before the first map is made, every language's when the New map
// dialog opens (its "Also in:" buttons appear as they arrive).
#pragma once

#include <functional>
#include <string>

namespace jm {

struct AppState;

// Fetches the templates of `code` unless they are in; `then` runs once they are,
// or could not be had (said in the status bar; a map is then made from what there is).
void want_templates(AppState& app, const std::string& code, std::function<void()> then = {});

// Fetches every language's templates that is not in yet.
void want_all_templates(AppState& app);

}  // namespace jm
