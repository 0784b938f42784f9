// Maps a request path to a file inside the served folder, refusing every
// way out of it: "..", encoded dots and slashes, backslashes, NUL bytes,
// absolute paths and symlinks that point outside.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace eqsite {

// The output-relative file a request path names ("a/b/" -> "a/b/index.html"),
// or nullopt for every path that tries to leave the site: "..", encoded
// dots, backslashes, NUL bytes, "//", ':'. `decoded_path` is the URL path
// after percent-decoding (as cpp-httplib gives it).
std::optional<std::string> output_path_of_request(std::string_view decoded_path);

// `decoded_path` is the URL path after percent-decoding (as cpp-httplib
// gives it). Returns the file to send (a folder's index.html for paths
// ending in '/'), or nullopt: the caller answers 404 and reads nothing.
std::optional<std::filesystem::path> resolve_request_path(const std::filesystem::path& root,
                                                          std::string_view decoded_path);

// Content-Type for a file name: html, css, js, svg, png, jpg, csv, json,
// xml, txt, pdf, and a safe default for anything else.
std::string content_type_for(const std::filesystem::path& file);

}  // namespace eqsite
