// Writes a large, realistic map file for scale tests of the editor:
//   gen_large_map [TOUCHPOINTS [STAGES [PERSONAS]]] > big.journeymap.json
#include <cstdlib>
#include <iostream>

#include "io/map_json.h"
#include "support/large_map.h"

int main(int argc, char** argv) {
    jm::testing::LargeMapSpec spec;
    if (argc > 1) spec.touchpoints = std::atoi(argv[1]);
    if (argc > 2) spec.stages = std::atoi(argv[2]);
    if (argc > 3) spec.personas = std::atoi(argv[3]);
    if (spec.touchpoints < 0 || spec.stages < 1 || spec.personas < 0) {
        std::cerr << "usage: gen_large_map [TOUCHPOINTS [STAGES [PERSONAS]]]\n";
        return 2;
    }
    std::cout << jm::save_map_json(jm::testing::make_large_map(spec));
    return 0;
}
