// Whether load/simple_yaml.hpp reads a text as yaml-cpp does: the same
// tree, the same texts, the same positions. Shared by the unit test and
// the fuzz harness (tests/fuzz/simple_yaml_fuzz.cpp).
#pragma once

#include <optional>
#include <string>

#include <yaml-cpp/yaml.h>

#include "load/simple_yaml.hpp"

namespace eqsite::test {

// Why the two trees differ, or "" if they are the same.
inline std::string yaml_difference(const YamlNode& simple, const YAML::Node& full, const std::string& where = "root") {
    const bool same_kind = (simple.is_null() && full.IsNull()) || (simple.is_text() && full.IsScalar()) ||
                           (simple.is_list() && full.IsSequence()) || (simple.is_map() && full.IsMap());
    if (!same_kind) return where + ": a different kind of node";
    if (simple.line < 0) return where + ": no position";
    if (simple.line != full.Mark().line || simple.column != full.Mark().column)
        return where + ": at " + std::to_string(simple.line) + ":" + std::to_string(simple.column) + ", yaml-cpp says " +
               std::to_string(full.Mark().line) + ":" + std::to_string(full.Mark().column);
    if (simple.is_text())
        return simple.text == full.Scalar() ? "" : where + ": \"" + simple.text + "\" against \"" + full.Scalar() + "\"";
    if (simple.items.size() != full.size()) return where + ": a different number of items";
    if (simple.is_list()) {
        for (std::size_t i = 0; i < simple.items.size(); ++i)
            if (auto d = yaml_difference(simple.items[i], full[i], where + "[" + std::to_string(i) + "]"); !d.empty())
                return d;
        return "";
    }
    if (simple.keys.size() != simple.items.size()) return where + ": keys and values do not pair up";
    std::size_t i = 0;
    for (auto b = full.begin(); b != full.end(); ++b, ++i) {
        if (auto d = yaml_difference(simple.keys[i], b->first, where + " key"); !d.empty()) return d;
        if (auto d = yaml_difference(simple.items[i], b->second, where + "." + b->first.Scalar()); !d.empty()) return d;
    }
    return "";
}

// nullopt if the simple reader leaves `yaml` to yaml-cpp; else how its
// tree differs from yaml-cpp's ("" for none, or yaml-cpp's error).
inline std::optional<std::string> compare_yaml_readers(const std::string& yaml) {
    const auto simple = read_simple_yaml(yaml);
    if (!simple) return std::nullopt;
    YAML::Node full;
    try {
        full = YAML::Load(yaml);
    } catch (const YAML::Exception& e) {
        return std::string("yaml-cpp refuses it: ") + e.what();
    }
    if (full.IsNull()) return simple->is_map() && simple->items.empty() ? "" : "yaml-cpp reads nothing";
    return yaml_difference(*simple, full);
}

}  // namespace eqsite::test
