// Front matter in its everyday shape, read without yaml-cpp's scanner.
//
// yaml-cpp matches every character against regular expressions, and was
// the largest single cost of loading a big trust (15 % of `eqsite check`
// at 2 000 schools). Nearly all front matter is a few `name: value` lines,
// lists in brackets or under `- `, and maps inside list items. This reads
// exactly that subset into the tree yaml-cpp would build (as a YamlNode),
// and gives up on anything else (block scalars, escapes, anchors, tags,
// comments after a value, an empty value, a repeated key, tabs, ...): the
// caller then uses yaml-cpp, which also reports every syntax error. A test
// compares both readers on every input this one accepts, positions
// included.
#pragma once

#include <optional>
#include <string_view>

#include "load/yaml_tree.hpp"

namespace eqsite {

// The mapping in `yaml` if it is in the simple subset, else nullopt.
std::optional<YamlNode> read_simple_yaml(std::string_view yaml);

}  // namespace eqsite
