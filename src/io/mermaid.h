// Mermaid user-journey diagrams (https://mermaid.js.org/syntax/userJourney.html)
// to and from maps. The reader follows Mermaid's own grammar (journey.jison,
// Mermaid 12): what Mermaid accepts is read the way Mermaid reads it, what it
// rejects is reported with its line number, and nothing is half-imported.
//
// Mapping (README, "Mermaid journey diagrams"):
//   title            <-> map title ("Imported journey" when there is none)
//   accDescr         <-> map description
//   section          <-> stage; tasks before any section go to a first stage
//                        with no name, which Mermaid draws without a header
//   task             <-> touchpoint, in order
//   score 1..5        -> emotion = score - 3, friction = 5 - score
//   emotion, friction -> score = floor((emotion + 3 + clamp(5 - friction, 1, 5)) / 2),
//                        which gives the score back after an import and leans
//                        to the worse score when the two disagree
//   actor            <-> persona, created once per name, id "persona-<slug>"
// Text that Mermaid would misread (':', '#', ';', line breaks, leading or
// trailing spaces, keywords at the start of a task...) is written as Mermaid
// entity codes ("#58;" for ':'), which Mermaid decodes for display and the
// reader decodes back.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/text_problem.h"
#include "model/map.h"

namespace jm {

struct MermaidImport {
    std::optional<Map> map;               // set only when there are no problems
    std::vector<TextProblem> problems;    // line numbers of the text as given
};

// Never throws. The map gets default lanes, ids unique across the map and the
// id "map-imported"; no creation time (the caller stamps one).
MermaidImport import_mermaid(std::string_view text);

// A diagram Mermaid renders and import_mermaid reads back to the same stages,
// touchpoint titles and order, scores and actors. Ends with "\n".
std::string export_mermaid(const Map& map);

}  // namespace jm
