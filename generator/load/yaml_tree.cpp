#include "load/yaml_tree.hpp"

namespace eqsite {

YamlNode yaml_tree_of(const YAML::Node& node) {
    YamlNode out;
    out.line = node.Mark().line;
    out.column = node.Mark().column;
    switch (node.Type()) {
        case YAML::NodeType::Scalar:
            out.kind = YamlNode::Kind::text;
            out.text = node.Scalar();
            break;
        case YAML::NodeType::Sequence:
            out.kind = YamlNode::Kind::list;
            out.items.reserve(node.size());
            for (const auto& item : node) out.items.push_back(yaml_tree_of(item));
            break;
        case YAML::NodeType::Map:
            out.kind = YamlNode::Kind::map;
            out.items.reserve(node.size());
            out.keys.reserve(node.size());
            for (const auto& kv : node) {
                out.keys.push_back(yaml_tree_of(kv.first));
                out.items.push_back(yaml_tree_of(kv.second));
            }
            break;
        default: break;  // null (and undefined, which a parsed tree does not hold)
    }
    return out;
}

}  // namespace eqsite
