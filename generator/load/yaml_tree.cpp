#include "load/yaml_tree.hpp"

namespace eqsite {

namespace {

// An alias (*name) makes yaml-cpp's tree share a node, or hold a node
// inside itself (&x [*x]); copied, a shared node is copied each time it
// is named, so both are bounded: at most `left` nodes, 100 levels deep.
constexpr int deepest = 100;

bool copy(const YAML::Node& node, YamlNode& out, std::size_t& left, int depth) {
    if (left == 0 || depth > deepest) return false;
    --left;
    out.line = node.Mark().line;
    out.column = node.Mark().column;
    switch (node.Type()) {
        case YAML::NodeType::Scalar:
            out.kind = YamlNode::Kind::text;
            out.text = node.Scalar();
            return true;
        case YAML::NodeType::Sequence:
            out.kind = YamlNode::Kind::list;
            out.items.resize(node.size());
            for (std::size_t i = 0; i < node.size(); ++i)
                if (!copy(node[i], out.items[i], left, depth + 1)) return false;
            return true;
        case YAML::NodeType::Map:
            out.kind = YamlNode::Kind::map;
            out.items.reserve(node.size());
            out.keys.reserve(node.size());
            for (const auto& kv : node) {
                out.keys.emplace_back();
                out.items.emplace_back();
                if (!copy(kv.first, out.keys.back(), left, depth + 1) ||
                    !copy(kv.second, out.items.back(), left, depth + 1))
                    return false;
            }
            return true;
        default: return true;  // null (and undefined, which a parsed tree does not hold)
    }
}

}  // namespace

std::optional<YamlNode> yaml_tree_of(const YAML::Node& node, std::size_t most_nodes) {
    YamlNode out;
    if (!copy(node, out, most_nodes, 0)) return std::nullopt;
    return out;
}

}  // namespace eqsite
