// libFuzzer harness: any text that load/simple_yaml.hpp accepts as front
// matter must be read by yaml-cpp without an error, into the same tree,
// with the same positions (tests/yaml_compare.hpp). What it refuses goes
// to yaml-cpp in eqsite, so it is not compared.
//
// scripts/check-clang runs it for a fixed number of inputs; run it longer by
// hand with: build/fuzz/simple_yaml_fuzz -max_total_time=600 build/fuzz/yaml-corpus tests/fuzz/yaml-corpus
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "yaml_compare.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string yaml(reinterpret_cast<const char*>(data), size);
    const auto difference = eqsite::test::compare_yaml_readers(yaml);
    if (difference && !difference->empty()) {
        std::fprintf(stderr, "simple_yaml_fuzz: %s\n", difference->c_str());
        std::abort();
    }
    return 0;
}
