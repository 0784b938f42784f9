// File-system helpers. All paths in messages are site-relative with '/'.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace eqsite {

namespace fs = std::filesystem;

// The whole file as bytes, or nullopt if it cannot be read.
std::optional<std::string> read_file(const fs::path& path);
// Writes bytes, creating parent folders. Returns false on failure.
bool write_file(const fs::path& path, std::string_view bytes);

// Names in a folder, sorted byte-wise so every platform sees the same order.
// Names starting with '.' or '_' are skipped, as the site format says.
struct DirEntry {
    std::string name;
    bool is_directory = false;
};
std::vector<DirEntry> list_visible(const fs::path& dir);

// Paths as UTF-8 text with '/' separators, and back: the same on Windows.
std::string to_utf8(const fs::path& path);
fs::path from_utf8(std::string_view text);

// "content/schools/x/index.md": relative to root, with '/' separators.
std::string relative_name(const fs::path& path, const fs::path& root);

// True if `inner` is `outer` or lies inside it (both made absolute and
// normalised first; symlinks resolved where they exist).
bool is_inside(const fs::path& inner, const fs::path& outer);

}  // namespace eqsite
