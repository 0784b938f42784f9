#include "load/document.hpp"

#include "load/placeholders.hpp"
#include "load/simple_yaml.hpp"

#include "util/text.hpp"

#include <yaml-cpp/yaml.h>

namespace eqsite {
namespace {

bool is_fence(std::string_view line) {
    std::string t = trim(line);
    return t == "---";
}

// yaml-cpp's messages are terse; add what usually causes each one.
std::string explain_yaml_error(const std::string& msg) {
    std::string out = "YAML syntax error: " + msg;
    if (msg.find("map") != std::string::npos || msg.find("illegal") != std::string::npos)
        out += " (check the indentation, and put text containing \": \" or starting with a special character "
               "such as # * & ! | > ' \" % @ in quotes)";
    else if (msg.find("end of") != std::string::npos)
        out += " (a quote, bracket or brace is opened here but not closed)";
    return out;
}

// The tree of `yaml`: read_simple_yaml's, else yaml-cpp's (which reports
// every syntax error).
std::optional<YamlNode> parse_yaml(const std::string& path, std::string_view yaml, int first_line,
                                   Diagnostics& diags) {
    if (auto simple = read_simple_yaml(yaml)) return simple;
    try {
        auto tree = yaml_tree_of(YAML::Load(std::string(yaml)), yaml.size() + 1024);
        if (!tree)
            diags.error({path, first_line, 1}, "this YAML's aliases (*name) repeat its values too many times, or "
                                               "inside themselves; write the values out instead");
        return tree;
    } catch (const YAML::ParserException& e) {
        diags.error({path, e.mark.line + first_line, e.mark.column + 1}, explain_yaml_error(e.msg));
    } catch (const YAML::Exception& e) {
        diags.error({path, first_line, 1}, explain_yaml_error(e.msg));
    }
    return std::nullopt;
}

bool check_utf8(const std::string& path, std::string_view text, Diagnostics& diags) {
    if (auto bad = find_invalid_utf8(text)) {
        diags.error({path, bad->line, bad->column},
                    "this file is not valid UTF-8; save it as \"UTF-8\" in your editor (it may be in an older "
                    "encoding such as Windows-1252)");
        return false;
    }
    return true;
}

// A whole YAML file's tree, once read: a mapping (an empty file is an
// empty one), else an error.
std::optional<YamlNode> checked_yaml_file(const std::string& path, const std::string& text,
                                          std::optional<YamlNode> node, Diagnostics& diags) {
    if (node) warn_placeholders(text, path, 0, diags);
    if (node && node->is_null()) node = YamlNode::empty_map();
    if (node && !node->is_map()) {
        diags.error({path, node->line + 1, node->column + 1},
                    "this file must be a list of settings, one \"name: value\" per line");
        return std::nullopt;
    }
    return node;
}

}  // namespace

std::optional<Document> parse_document(std::string path, std::string_view text, Diagnostics& diags) {
    // The file must open with a --- line.
    std::size_t first_end = text.find('\n');
    std::string_view first = text.substr(0, first_end);
    if (!is_fence(first)) {
        diags.error({path, 1, 1},
                    "a page must start with front matter: a line \"---\", then settings such as \"title: ...\", "
                    "then another \"---\" line");
        return std::nullopt;
    }
    // Find the closing --- line.
    std::size_t pos = first_end == std::string_view::npos ? text.size() : first_end + 1;
    int line = 2;
    std::optional<std::size_t> yaml_end, body_start;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        std::string_view l = text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
        if (is_fence(l) || trim(l) == "...") {
            yaml_end = pos;
            body_start = end == std::string_view::npos ? text.size() : end + 1;
            break;
        }
        pos = end == std::string_view::npos ? text.size() : end + 1;
        ++line;
    }
    if (!yaml_end) {
        diags.error({path, 1, 1},
                    "the front matter that starts here is never closed: add a line \"---\" after the last setting");
        return std::nullopt;
    }
    const std::string_view yaml_text = text.substr(first_end + 1, *yaml_end - (first_end + 1));
    std::optional<YamlNode> node = parse_yaml(path, yaml_text, 2, diags);
    if (!node) return std::nullopt;
    if (node->is_null()) {
        node = YamlNode::empty_map();
    } else if (!node->is_map()) {
        diags.error({path, node->line + 2, node->column + 1},
                    "the front matter must be a list of settings, one \"name: value\" per line");
        return std::nullopt;
    }
    return Document{std::move(path), std::move(*node), 2, std::string(text.substr(*body_start)), line + 1};
}

std::optional<Document> load_document(const std::string& path, std::string_view raw, Diagnostics& diags) {
    const std::string text = normalise_newlines(raw);
    if (!check_utf8(path, text, diags)) return std::nullopt;
    auto doc = parse_document(path, text, diags);
    if (doc) warn_placeholders(text, path, doc->body_first_line, diags);
    return doc;
}

std::optional<YamlNode> load_yaml_file(const std::string& path, std::string_view raw, Diagnostics& diags) {
    const std::string text = normalise_newlines(raw);
    if (!check_utf8(path, text, diags)) return std::nullopt;
    return checked_yaml_file(path, text, parse_yaml(path, text, 1, diags), diags);
}

}  // namespace eqsite
