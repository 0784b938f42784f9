// Typed, position-aware reading of one YAML mapping (a page's front matter,
// site.yaml, or a nested map such as `trust:` or one action).
//
// Each getter records the key as known; finish() then reports every key that
// nobody asked for as an error with a "did you mean" suggestion, so a typo is
// never silently ignored. Wrong types are reported, never thrown.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "load/yaml_tree.hpp"
#include "util/date.hpp"
#include "util/diagnostics.hpp"

namespace eqsite {

template <typename T>
struct Located {
    T value;
    Location where;
};

enum class Need { optional, required };

class Fields {
public:
    // `first_line` is the file line on which the YAML text starts. `map`
    // must outlive the Fields (and the Fields of its maps).
    Fields(const YamlNode& map, std::string file, int first_line, Diagnostics& diags);
    Fields(YamlNode&& map, std::string file, int first_line, Diagnostics& diags) = delete;  // it would not outlive us

    std::optional<std::string> text(const std::string& key, Need need = Need::optional);
    std::optional<Located<std::string>> located_text(const std::string& key, Need need = Need::optional);
    std::optional<long long> integer(const std::string& key, Need need = Need::optional);
    std::optional<bool> boolean(const std::string& key);
    // A day (2024-09-12) or, unless `precision` says day_only, a month (2024-09).
    std::optional<Date> date(const std::string& key, Need need = Need::optional,
                             DatePrecision precision = DatePrecision::day_or_month);
    std::optional<Located<Date>> located_date(const std::string& key, Need need = Need::optional);
    // A list of texts; a single text is accepted as a list of one.
    std::vector<Located<std::string>> text_list(const std::string& key, Need need = Need::optional);
    std::vector<std::string> plain_text_list(const std::string& key, Need need = Need::optional);
    // A nested mapping, e.g. `trust:` in site.yaml.
    std::optional<Fields> map(const std::string& key, Need need = Need::optional);
    // A list of mappings, e.g. `actions:`.
    std::vector<Fields> map_list(const std::string& key);

    // The value of `key` as a YAML node, for shapes the getters above do
    // not cover (marks the key as known). nullptr if absent.
    const YamlNode* node(const std::string& key) { return find(key); }

    // Marks a key as known without reading it (for keys handled elsewhere).
    void accept(const std::string& key);
    bool has(const std::string& key) const;

    Location where_is(const YamlNode& node) const;
    Location where_value(const std::string& key) const;
    Location where_map() const;  // the start of this mapping
    const std::string& file() const { return file_; }
    Diagnostics& diags() { return *diags_; }

    // Reports unknown, duplicated and missing required keys (a missing key
    // whose misspelling is reported is not reported again). Call once,
    // after all getters.
    void finish();

private:
    const YamlNode* find(const std::string& key);
    const YamlNode* find_scalar(const std::string& key, Need need, const char* what);
    void missing(const std::string& key, const char* what);
    // The key of entry i as text ("" for a key that is a list or a map).
    const std::string& key_of(std::size_t i) const { return map_->keys[i].text; }

    const YamlNode* map_;
    std::string file_;
    int first_line_;
    Diagnostics* diags_;
    std::vector<std::string> known_;
    struct Missing {
        std::string key;
        std::string example;  // a whole line to add
    };
    std::vector<Missing> missing_;  // reported by finish()
};

}  // namespace eqsite
