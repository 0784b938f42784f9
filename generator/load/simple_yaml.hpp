// Front matter in its everyday shape, read without yaml-cpp's scanner.
//
// yaml-cpp matches every character against regular expressions, and was
// the largest single cost of loading a big trust (15 % of `eqsite check`
// at 2 000 schools). Nearly all front matter is a few `name: value` lines,
// lists in brackets or under `- `, and maps inside list items. This reads
// exactly that subset into the same YAML::Node tree yaml-cpp would build,
// and gives up on anything else (block scalars, escapes, anchors, tags,
// comments after a value, an empty value, a repeated key, tabs, ...): the
// caller then uses yaml-cpp, which also reports every syntax error. A test
// compares both readers on every input this one accepts.
//
// A node built through yaml-cpp's API has no position, so the positions
// are kept beside the tree (NodeMarks), for load/fields.hpp.
#pragma once

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include <yaml-cpp/yaml.h>

namespace eqsite {

// Where each node of a tree read by read_simple_yaml starts, as yaml-cpp
// would have marked it (line and column from 0, in the YAML text).
class NodeMarks {
public:
    void add(const YAML::Node& node, int line, int column) { marks_.push_back({node, {line, column}}); }
    // The node's line and column, or nullopt if it is not one of ours.
    std::optional<std::pair<int, int>> of(const YAML::Node& node) const {
        for (const auto& [n, at] : marks_)
            if (n.is(node)) return at;
        return std::nullopt;
    }

private:
    std::vector<std::pair<YAML::Node, std::pair<int, int>>> marks_;
};

// The mapping in `yaml` if it is in the simple subset, else nullopt.
std::optional<YAML::Node> read_simple_yaml(std::string_view yaml, NodeMarks& marks);

}  // namespace eqsite
