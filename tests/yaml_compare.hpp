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
inline std::string yaml_difference(const YAML::Node& simple, const NodeMarks& marks, const YAML::Node& full,
                                   const std::string& where = "root") {
    if (simple.Type() != full.Type()) return where + ": a different kind of node";
    const auto mark = marks.of(simple);
    if (!mark) return where + ": no position";
    if (mark->first != full.Mark().line || mark->second != full.Mark().column)
        return where + ": at " + std::to_string(mark->first) + ":" + std::to_string(mark->second) + ", yaml-cpp says " +
               std::to_string(full.Mark().line) + ":" + std::to_string(full.Mark().column);
    if (simple.IsScalar())
        return simple.Scalar() == full.Scalar() ? "" : where + ": \"" + simple.Scalar() + "\" against \"" + full.Scalar() + "\"";
    if (simple.size() != full.size()) return where + ": a different number of items";
    if (simple.IsSequence()) {
        for (std::size_t i = 0; i < simple.size(); ++i)
            if (auto d = yaml_difference(simple[i], marks, full[i], where + "[" + std::to_string(i) + "]"); !d.empty())
                return d;
        return "";
    }
    auto a = simple.begin();
    auto b = full.begin();
    for (; a != simple.end(); ++a, ++b) {
        if (auto d = yaml_difference(a->first, marks, b->first, where + " key"); !d.empty()) return d;
        if (auto d = yaml_difference(a->second, marks, b->second, where + "." + b->first.Scalar()); !d.empty()) return d;
    }
    return "";
}

// nullopt if the simple reader leaves `yaml` to yaml-cpp; else how its
// tree differs from yaml-cpp's ("" for none, or yaml-cpp's error).
inline std::optional<std::string> compare_yaml_readers(const std::string& yaml) {
    NodeMarks marks;
    const auto simple = read_simple_yaml(yaml, marks);
    if (!simple) return std::nullopt;
    YAML::Node full;
    try {
        full = YAML::Load(yaml);
    } catch (const YAML::Exception& e) {
        return std::string("yaml-cpp refuses it: ") + e.what();
    }
    if (full.IsNull()) return simple->IsMap() && simple->size() == 0 ? "" : "yaml-cpp reads nothing";
    return yaml_difference(*simple, marks, full);
}

}  // namespace eqsite::test
