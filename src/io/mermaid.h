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
// reader decodes back. No text of a map becomes markup or a directive in the
// export: '<', '>' and '&' are always codes (so "<script>", "<br>" and "&lt;"
// stay the text they are, where Mermaid sanitises or decodes HTML);
// '#' always (an entity or a comment otherwise), "%%" always (a comment or an
// "%%{init}" directive), line breaks in the title and description (one line each).
//
// Import reads UTF-8 or Windows-1252 (io/text_encoding.h) within the limits of
// io/limits.h (file size, sections, tasks, actors, characters per name), in
// time linear in the input.
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
    std::vector<std::string> notices;     // what the user should know about a map that imported (e.g. read as Windows-1252)
};

// Never throws. The map gets default lanes, ids unique across the map and the
// id "map-imported"; no creation time (the caller stamps one).
MermaidImport import_mermaid(std::string_view bytes);

// A diagram Mermaid renders and import_mermaid reads back to the same stages,
// touchpoint titles and order, scores and actors. Ends with "\n".
std::string export_mermaid(const Map& map);

}  // namespace jm
