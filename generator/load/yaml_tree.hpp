// A YAML document as eqsite reads it: texts, lists and mappings, each
// knowing where it starts.
//
// Front matter is read into this tree by load/simple_yaml.hpp (its
// everyday shape) or, for anything else, by yaml-cpp, whose tree is then
// copied into this one (yaml_tree_of). yaml-cpp's own nodes were a tenth
// of reading a school folder: every node is a shared, reference-counted
// object, and adding one to a map merges two sets of them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

namespace eqsite {

struct YamlNode {
    enum class Kind { null, text, list, map };
    Kind kind = Kind::null;
    std::string text;             // a text's value ("" for null)
    std::vector<YamlNode> items;  // a list's items; a map's values
    std::vector<YamlNode> keys;   // a map's keys, keys[i] for items[i], in file order
    int line = -1;                // where it starts, from 0 in the YAML text (-1: not known)
    int column = -1;

    static YamlNode empty_map() {
        YamlNode n;
        n.kind = Kind::map;
        return n;
    }

    bool is_null() const { return kind == Kind::null; }
    bool is_text() const { return kind == Kind::text; }
    bool is_list() const { return kind == Kind::list; }
    bool is_map() const { return kind == Kind::map; }
    // A map's value for `key` (the first, if repeated), or nullptr.
    const YamlNode* get(std::string_view key) const {
        for (std::size_t i = 0; i < keys.size(); ++i)
            if (keys[i].is_text() && keys[i].text == key) return &items[i];
        return nullptr;
    }
};

// yaml-cpp's tree as a YamlNode, positions included, or nullopt when it
// would hold more than `most_nodes` nodes or nest more than 100 deep:
// aliases (*name) can repeat a part of a short text many times over, or
// inside itself. (Without aliases a text has at most about one node for
// each of its bytes.)
std::optional<YamlNode> yaml_tree_of(const YAML::Node& node, std::size_t most_nodes);

}  // namespace eqsite
