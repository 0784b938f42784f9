#include "load/fields.hpp"

#include <algorithm>

#include "util/text.hpp"

namespace eqsite {

namespace {
const YamlNode no_map = YamlNode::empty_map();  // what a Fields reads when it is not given a map
}

Fields::Fields(const YamlNode& map, std::string file, int first_line, Diagnostics& diags)
    : map_(map.is_map() ? &map : &no_map), file_(std::move(file)), first_line_(first_line), diags_(&diags) {}

Location Fields::where_is(const YamlNode& node) const {
    if (node.line < 0) return where_map();
    return {file_, node.line + first_line_, node.column + 1};
}

Location Fields::where_map() const {
    if (map_->line < 0 || map_->items.empty()) return {file_, std::max(1, first_line_ - 1), 1};
    return {file_, map_->line + first_line_, map_->column + 1};
}

Location Fields::where_value(const std::string& key) const {
    for (std::size_t i = 0; i < map_->items.size(); ++i)
        if (key_of(i) == key) return map_->items[i].is_null() ? where_is(map_->keys[i]) : where_is(map_->items[i]);
    return where_map();
}

const YamlNode* Fields::find(const std::string& key) {
    accept(key);
    for (std::size_t i = 0; i < map_->items.size(); ++i)
        if (key_of(i) == key && !map_->items[i].is_null()) return &map_->items[i];
    return nullptr;
}

bool Fields::has(const std::string& key) const {
    for (std::size_t i = 0; i < map_->items.size(); ++i)
        if (key_of(i) == key && !map_->items[i].is_null()) return true;
    return false;
}

void Fields::accept(const std::string& key) {
    if (std::find(known_.begin(), known_.end(), key) == known_.end()) known_.push_back(key);
}

// A real example for the settings people most often leave out.
std::string example_line(const std::string& key, const char* what) {
    static const std::pair<const char*, const char*> examples[] = {
        {"title", "title: Closing the attendance gap"},
        {"name", "name: Riverside Primary School"},
        {"url", "url: https://equality.your-trust.org.uk"},
        {"aims", "aims: [advance-equality]"},
        {"characteristics", "characteristics: [disability, race]"},
        {"kind", "kind: count"},
        {"about", "about: pupils"},
        {"groups", "groups: [All pupils, Disadvantaged, Not disadvantaged]"},
        {"measures", "measures: [Reading, Writing, Maths]"},
        {"strand", "strand: curriculum"},
    };
    for (const auto& [k, line] : examples)
        if (key == k) return line;
    return key + ": " + what;
}

void Fields::missing(const std::string& key, const char* what) {
    // Reported by finish(), which knows whether a misspelt key stands for it.
    missing_.push_back({key, example_line(key, what)});
}

const YamlNode* Fields::find_scalar(const std::string& key, Need need, const char* what) {
    const YamlNode* node = find(key);
    if (!node) {
        if (need == Need::required) missing(key, what);
        return nullptr;
    }
    if (!node->is_text()) {
        diags_->error(where_is(*node), "\"" + key + "\" should be a single value (" + what + "), not a list or a map");
        return nullptr;
    }
    return node;
}

std::optional<std::string> Fields::text(const std::string& key, Need need) {
    auto v = located_text(key, need);
    if (!v) return std::nullopt;
    return std::move(v->value);
}

std::optional<Located<std::string>> Fields::located_text(const std::string& key, Need need) {
    const YamlNode* node = find_scalar(key, need, "some text");
    if (!node) return std::nullopt;
    std::string value = trim(node->text);
    if (value.empty()) {
        if (need == Need::required) missing(key, "some text");
        return std::nullopt;
    }
    return Located<std::string>{std::move(value), where_is(*node)};
}

std::optional<long long> Fields::integer(const std::string& key, Need need) {
    const YamlNode* node = find_scalar(key, need, "a whole number");
    if (!node) return std::nullopt;
    const std::string& s = node->text;
    std::size_t i = (!s.empty() && s[0] == '-') ? 1 : 0;
    bool ok = i < s.size() && s.size() < 19;
    for (std::size_t k = i; ok && k < s.size(); ++k) ok = s[k] >= '0' && s[k] <= '9';
    if (!ok) {
        diags_->error(where_is(*node), "\"" + key + "\" must be a whole number such as 10, not \"" + s + "\"");
        return std::nullopt;
    }
    return std::stoll(s);
}

std::optional<bool> Fields::boolean(const std::string& key) {
    const YamlNode* node = find_scalar(key, Need::optional, "true or false");
    if (!node) return std::nullopt;
    const std::string s = to_lower_ascii(node->text);
    if (s == "true" || s == "yes") return true;
    if (s == "false" || s == "no") return false;
    diags_->error(where_is(*node), "\"" + key + "\" must be true or false, not \"" + node->text + "\"");
    return std::nullopt;
}

std::optional<Date> Fields::date(const std::string& key, Need need, DatePrecision precision) {
    const YamlNode* node = find_scalar(key, need, "a date such as 2024-09-12");
    if (!node) return std::nullopt;
    DateError why;
    auto d = parse_date(trim(node->text), &why, precision);
    if (!d) diags_->error(where_is(*node), "\"" + key + "\" is not a valid date (\"" + node->text + "\"): " + why.reason);
    return d;
}

std::optional<Located<Date>> Fields::located_date(const std::string& key, Need need) {
    auto d = date(key, need);
    if (!d) return std::nullopt;
    return Located<Date>{*d, where_value(key)};
}

std::vector<Located<std::string>> Fields::text_list(const std::string& key, Need need) {
    std::vector<Located<std::string>> out;
    const YamlNode* node = find(key);
    if (!node) {
        if (need == Need::required) missing(key, "[first, second]");
        return out;
    }
    if (node->is_text()) {
        if (!trim(node->text).empty()) out.push_back({trim(node->text), where_is(*node)});
    } else if (node->is_list()) {
        for (const auto& item : node->items) {
            if (!item.is_text()) {
                diags_->error(where_is(item), "each item of \"" + key + "\" should be a single value");
                continue;
            }
            if (!trim(item.text).empty()) out.push_back({trim(item.text), where_is(item)});
        }
    } else {
        diags_->error(where_is(*node), "\"" + key + "\" should be a list such as [first, second], not a map");
    }
    if (out.empty() && need == Need::required)
        diags_->error(where_value(key), "\"" + key + "\" needs at least one value");
    return out;
}

std::vector<std::string> Fields::plain_text_list(const std::string& key, Need need) {
    std::vector<std::string> out;
    for (auto& item : text_list(key, need)) out.push_back(std::move(item.value));
    return out;
}

std::optional<Fields> Fields::map(const std::string& key, Need need) {
    const YamlNode* node = find(key);
    if (!node) {
        if (need == Need::required) missing(key, "followed by indented settings");
        return std::nullopt;
    }
    if (!node->is_map()) {
        diags_->error(where_is(*node), "\"" + key + "\" should hold indented settings (\"name: value\" lines)");
        return std::nullopt;
    }
    return Fields(*node, file_, first_line_, *diags_);
}

std::vector<Fields> Fields::map_list(const std::string& key) {
    std::vector<Fields> out;
    const YamlNode* node = find(key);
    if (!node) return out;
    if (!node->is_list()) {
        diags_->error(where_is(*node), "\"" + key + "\" should be a list, each item starting with \"- \"");
        return out;
    }
    for (const auto& item : node->items) {
        if (!item.is_map()) {
            diags_->error(where_is(item), "each item of \"" + key + "\" should hold settings such as \"text: ...\"");
            continue;
        }
        out.emplace_back(item, file_, first_line_, *diags_);
    }
    return out;
}

void Fields::finish() {
    std::vector<std::string> seen;
    std::vector<std::string> meant;  // keys that a misspelt key stands for
    for (std::size_t i = 0; i < map_->items.size(); ++i) {
        const std::string& key = key_of(i);
        const Location where = where_is(map_->keys[i]);
        if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
            diags_->error(where, "\"" + key + "\" is set twice; keep one of them");
            continue;
        }
        seen.push_back(key);
        if (std::find(known_.begin(), known_.end(), key) != known_.end()) continue;
        std::string msg = "unknown setting \"" + key + "\"";
        if (const auto guesses = nearest_all(key, known_); !guesses.empty()) {
            msg += "; " + did_you_mean(key, known_);
            meant.insert(meant.end(), guesses.begin(), guesses.end());
        } else {
            msg += "; the settings allowed here are: " + join(known_, ", ");
        }
        diags_->error(where, msg);
    }
    // A missing setting whose misspelling was just reported is one mistake:
    // the "did you mean" says it all.
    for (const auto& m : missing_)
        if (std::find(meant.begin(), meant.end(), m.key) == meant.end())
            diags_->error(where_map(), "missing required setting \"" + m.key + "\": add a line such as \"" +
                                           m.example + "\"");
    missing_.clear();
}

}  // namespace eqsite
