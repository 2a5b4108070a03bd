// Fuzz target: the Mermaid journey importer (File > Import, drop, the CLI's
// convert). Any text either imports into a map that keeps every promise of
// fuzz_checks.h, or is refused with problems that name a line.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_checks.h"
#include "io/mermaid.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const jm::MermaidImport imported = jm::import_mermaid(jm::fuzz::as_text(data, size));
    if (!imported.map) {
        jm::fuzz::require(!imported.problems.empty(), "a diagram that does not import names no problem");
        for (const jm::TextProblem& p : imported.problems)
            jm::fuzz::require(p.line >= 1 && !p.message.empty(), "a Mermaid problem without a line or a message");
        return 0;
    }
    jm::fuzz::require(imported.problems.empty(), "a diagram imported although problems were reported");
    jm::fuzz::check_map(*imported.map);
    return 0;
}
