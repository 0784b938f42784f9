// A Markdown file read from disk: its front matter as a YAML tree (with the
// line offset needed to report positions in the file) and its Markdown body.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "load/yaml_tree.hpp"
#include "util/diagnostics.hpp"

namespace eqsite {

struct Document {
    std::string path;       // site-relative, for messages
    YamlNode front;         // always a map (empty if the front matter is empty)
    int front_first_line;   // file line of the first YAML line
    std::string body;       // Markdown after the closing ---
    int body_first_line;    // file line of the body's first line
};

// Splits and parses text that is already newline-normalised. Problems are
// added to `diags`; returns nullopt only when the front matter is unusable.
std::optional<Document> parse_document(std::string path, std::string_view text, Diagnostics& diags);

// Reads `file` (UTF-8, with or without BOM, LF or CRLF) and parses it.
std::optional<Document> load_document(const std::string& site_relative_path, std::string_view raw_bytes,
                                      Diagnostics& diags);

// Parses a whole YAML file such as site.yaml (read_simple_yaml where it
// can, else yaml-cpp). Returns nullopt on a syntax error.
std::optional<YamlNode> load_yaml_file(const std::string& site_relative_path, std::string_view raw_bytes,
                                       Diagnostics& diags);

}  // namespace eqsite
