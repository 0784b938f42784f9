#include "load/simple_yaml.hpp"

#include <algorithm>
#include <string>

namespace eqsite {
namespace {

struct Line {
    int number;             // from 0, in the YAML text
    int indent;             // spaces before the text
    std::string_view text;  // without them, and without trailing spaces
};

bool starts_item(std::string_view text) { return text.size() >= 2 && text[0] == '-' && text[1] == ' '; }

bool key_char(char c, bool first) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           (!first && c == '-');
}

// The length of the name in "name: value" or "name:", or 0 if `text` is
// not such a line.
std::size_t key_length(std::string_view text) {
    constexpr std::size_t longest = 200;  // yaml-cpp refuses a key of over 1 024 characters
    std::size_t i = 0;
    while (i < text.size() && i <= longest && key_char(text[i], i == 0)) ++i;
    if (i > longest) return 0;
    if (i == 0 || i >= text.size() || text[i] != ':') return 0;
    if (i + 1 < text.size() && text[i + 1] != ' ') return 0;
    return i;
}

// A plain (unquoted) text that means the same to every YAML reader: no
// indicator at its start, no ": " or " #" inside, not one of the words
// for null. Brackets and braces inside are text outside a [list] ("of
// {trust}", as the theme's strings write a placeholder). In a [list],
// only letters, digits and " -_./()".
bool plain(std::string_view s, bool in_list) {
    static constexpr std::string_view indicators = "-?:,[]{}#&*!|>'\"%@`";
    if (s.empty() || indicators.find(s[0]) != std::string_view::npos || s.back() == ':') return false;
    if (s.find(": ") != std::string_view::npos || s.find(" #") != std::string_view::npos) return false;
    if (in_list)  // yaml-cpp gives more characters a meaning inside brackets: only these
        for (const char c : s)
            if (!key_char(c, false) && c != ' ' && c != '.' && c != '/' && c != '(' && c != ')' &&
                static_cast<unsigned char>(c) < 0x80)
                return false;
    return s != "~" && s != "null" && s != "Null" && s != "NULL";
}

// The text of a quoted scalar without escapes ("..." with no \ or " in
// it, '...' with no ' in it), or nullopt.
std::optional<std::string_view> quoted(std::string_view s) {
    const char q = s[0];
    if (s.size() < 2 || s.back() != q) return std::nullopt;
    const std::string_view inner = s.substr(1, s.size() - 2);
    if (inner.find(q) != std::string_view::npos) return std::nullopt;
    if (q == '"' && inner.find('\\') != std::string_view::npos) return std::nullopt;
    return inner;
}

class Reader {
public:
    explicit Reader(std::vector<Line> lines) : lines_(std::move(lines)) {}

    std::optional<YamlNode> read() {
        if (lines_.empty()) return YamlNode::empty_map();
        if (lines_[0].indent != 0 || starts_item(lines_[0].text)) return std::nullopt;
        std::size_t i = 0;
        YamlNode root;
        if (!map(i, 0, root) || i != lines_.size()) return std::nullopt;
        return root;
    }

private:
    bool ends_below(std::size_t i, int indent) const { return i >= lines_.size() || lines_[i].indent < indent; }

    // A block mapping whose keys are at `indent`, from lines_[i].
    bool map(std::size_t& i, int indent, YamlNode& out) {
        if (++depth_ > deepest) return false;
        out = at(YamlNode::Kind::map, lines_[i].number, indent);
        std::vector<std::string_view> keys;
        while (i < lines_.size() && lines_[i].indent == indent) {
            const Line line = lines_[i];
            const std::size_t k = key_length(line.text);
            if (k == 0) return false;
            const std::string_view key = line.text.substr(0, k);
            if (std::find(keys.begin(), keys.end(), key) != keys.end()) return false;  // yaml-cpp keeps both
            if (key == "null" || key == "Null" || key == "NULL") return false;        // a key that is null
            keys.push_back(key);
            YamlNode key_node = at(YamlNode::Kind::text, line.number, indent);
            key_node.text = key;
            YamlNode value;
            const std::string_view rest = line.text.substr(std::min(line.text.size(), k + 1));
            const std::size_t skip = rest.find_first_not_of(' ');
            if (skip == std::string_view::npos) {  // "name:", then an indented block
                ++i;
                if (i >= lines_.size()) return false;
                const Line& next = lines_[i];
                if (!(next.indent > indent || (next.indent == indent && starts_item(next.text)))) return false;
                if (!block(i, value)) return false;
            } else {
                if (!inline_value(rest.substr(skip), line.number, indent + static_cast<int>(k + 1 + skip), value))
                    return false;
                ++i;
            }
            out.keys.push_back(std::move(key_node));
            out.items.push_back(std::move(value));
        }
        --depth_;
        return ends_below(i, indent);
    }

    bool block(std::size_t& i, YamlNode& out) {
        return starts_item(lines_[i].text) ? sequence(i, lines_[i].indent, out) : map(i, lines_[i].indent, out);
    }

    // A block sequence whose "- " are at `indent`, from lines_[i].
    bool sequence(std::size_t& i, int indent, YamlNode& out) {
        if (++depth_ > deepest) return false;
        out = at(YamlNode::Kind::list, lines_[i].number, indent);
        while (i < lines_.size() && lines_[i].indent == indent && starts_item(lines_[i].text)) {
            const std::string_view rest = lines_[i].text.substr(2);
            const std::size_t skip = rest.find_first_not_of(' ');
            if (skip == std::string_view::npos) return false;
            const std::string_view item_text = rest.substr(skip);
            const int column = indent + 2 + static_cast<int>(skip);
            YamlNode item;
            if (key_length(item_text) > 0) {
                // "- name: value": a mapping whose keys line up with this one.
                lines_[i].indent = column;
                lines_[i].text = item_text;
                if (!map(i, column, item)) return false;
            } else {
                if (starts_item(item_text) || !inline_value(item_text, lines_[i].number, column, item)) return false;
                ++i;
            }
            out.items.push_back(std::move(item));
        }
        // What follows is less indented, or the next key of the mapping
        // this sequence belongs to ("aims:" then "- ..." at the same indent).
        --depth_;
        return ends_below(i, indent) || (lines_[i].indent == indent && !starts_item(lines_[i].text));
    }

    // A value on the line of its key or "- ": a text or a [list].
    bool inline_value(std::string_view s, int line, int column, YamlNode& out) {
        if (s[0] == '[') return flow_list(s, line, column, out);
        return scalar(s, line, column, false, out);
    }

    bool scalar(std::string_view s, int line, int column, bool in_list, YamlNode& out) {
        std::optional<std::string_view> text;
        if (s[0] == '"' || s[0] == '\'') text = in_list ? std::nullopt : quoted(s);
        else if (plain(s, in_list)) text = s;
        if (!text) return false;
        out = at(YamlNode::Kind::text, line, column);
        out.text = *text;
        return true;
    }

    // "[a, b, c]" of plain texts.
    bool flow_list(std::string_view s, int line, int column, YamlNode& out) {
        if (s.back() != ']') return false;
        out = at(YamlNode::Kind::list, line, column);
        const std::string_view inner = s.substr(1, s.size() - 2);
        if (inner.find_first_not_of(' ') == std::string_view::npos) return true;  // []
        std::size_t start = 0;
        while (start <= inner.size()) {
            const std::size_t comma = std::min(inner.find(',', start), inner.size());
            std::string_view part = inner.substr(start, comma - start);
            const std::size_t lead = part.find_first_not_of(' ');
            if (lead == std::string_view::npos) return false;  // [a, , b] or [a,]
            part = part.substr(lead);
            part = part.substr(0, part.find_last_not_of(' ') + 1);
            YamlNode item;
            if (!scalar(part, line, column + 1 + static_cast<int>(start + lead), true, item)) return false;
            out.items.push_back(std::move(item));
            start = comma + 1;
        }
        return true;
    }

    static YamlNode at(YamlNode::Kind kind, int line, int column) {
        YamlNode n;
        n.kind = kind;
        n.line = line;
        n.column = column;
        return n;
    }

    std::vector<Line> lines_;
    // How many mappings and sequences are open. yaml-cpp refuses very deep
    // nesting; front matter is never deep. (A refusal ends the whole read,
    // so only a success closes its level.)
    static constexpr int deepest = 32;
    int depth_ = 0;
};

// Characters some YAML readers take as line breaks or marks.
bool has_unusual_characters(std::string_view yaml) {
    for (const char c : yaml)
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\n') || c == 0x7f) return true;
    for (const std::string_view odd : {"\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xEF\xBB\xBF"})
        if (yaml.find(odd) != std::string_view::npos) return true;
    return false;
}

}  // namespace

std::optional<YamlNode> read_simple_yaml(std::string_view yaml) {
    if (has_unusual_characters(yaml)) return std::nullopt;  // tabs too
    std::vector<Line> lines;
    int number = 0;
    for (std::size_t start = 0; start < yaml.size(); ++number) {
        const std::size_t end = std::min(yaml.find('\n', start), yaml.size());
        std::string_view text = yaml.substr(start, end - start);
        start = end + 1;
        const std::size_t indent = text.find_first_not_of(' ');
        if (indent == std::string_view::npos) continue;  // blank
        text = text.substr(indent);
        text = text.substr(0, text.find_last_not_of(' ') + 1);
        if (text[0] == '#') continue;  // a comment line
        lines.push_back({number, static_cast<int>(indent), text});
    }
    return Reader(std::move(lines)).read();
}

}  // namespace eqsite
