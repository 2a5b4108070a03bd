// Fuzz target: the CSV importer (spreadsheets: File > Import, drop, the CLI's
// convert). Any text either imports into a map that keeps every promise of
// fuzz_checks.h, or is refused with problems that name a row.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_checks.h"
#include "io/csv.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const jm::CsvImport imported = jm::import_csv(jm::fuzz::as_text(data, size));
    if (!imported.map) {
        jm::fuzz::require(!imported.problems.empty(), "a CSV file that does not import names no problem");
        for (const jm::TextProblem& p : imported.problems)
            jm::fuzz::require(p.line >= 1 && p.column >= 0 && !p.message.empty(), "a CSV problem without a row or a message");
        return 0;
    }
    jm::fuzz::require(imported.problems.empty(), "a CSV file imported although problems were reported");
    jm::fuzz::check_map(*imported.map);
    return 0;
}
