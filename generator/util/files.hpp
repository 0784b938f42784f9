// File-system helpers. All paths in messages are site-relative with '/'.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eqsite {

namespace fs = std::filesystem;

// A file made in pieces (a national trust's /objectives.json is hundreds
// of MB): `make` hands each piece, in order, to the function it is given,
// so the file need never be whole in memory.
using FilePieces = std::function<void(const std::function<void(std::string_view)>&)>;
// A file whose pieces are held by someone else (the preview's cache of
// each objective's JSON), shared rather than copied: the preview keeps
// them as they are and joins them only when the file is asked for.
using HeldPieces = std::vector<std::shared_ptr<const std::string>>;

// The whole file as bytes, or nullopt if it cannot be read.
std::optional<std::string> read_file(const fs::path& path);

// Reading a site's file, with a size limit: a link to /dev/zero or a
// 10 GB file must stop with an error, not fill the memory.
enum class ReadError { none, cannot_read, too_large };
std::optional<std::string> read_file(const fs::path& path, std::uintmax_t most_bytes, ReadError& why);
// Limits: text a person writes (Markdown, YAML, templates), and data.
inline constexpr std::uintmax_t max_text_file = 8u << 20;   // 8 MB
inline constexpr std::uintmax_t max_data_file = 1u << 30;   // 1 GB: a national table
// "cannot read this file ..." or "this file is larger than 8 MB ...".
std::string read_error_message(ReadError why, std::uintmax_t most_bytes);

// What a path inside a site folder is, judged without ever following a
// link out of the folder: eqsite reads nothing from outside the site.
enum class EntryKind {
    file,       // a regular file (or a link to one inside the site)
    directory,  // a folder (or a link to one inside the site)
    problem,    // anything else: see `problem`
};
struct PathCheck {
    EntryKind kind = EntryKind::problem;
    std::string problem;  // what is wrong and what to do, for an error message
};
// `root` is the site folder. A link whose target is outside it, a broken
// link, a link that loops, a link to a folder that holds the link (which
// would be read for ever), and anything that is neither a regular file nor
// a folder (a named pipe, device or socket) are problems; so is a path
// inside a folder that is one of these (folder_problem).
PathCheck check_site_path(const fs::path& path, const fs::path& root);

// The first folder on the way from `root` down to `path` that is a link
// out of the site, a broken or looping link, or a link to something that
// is not a folder: its path and what is wrong. `path` itself is one of
// the folders looked at when `including_path`. Nothing when every folder
// on the way is inside the site, or one of them does not exist (a missing
// file is reported where it is looked for). Paths the site format names
// (content/trust/policy, theme/templates) are reached through these
// folders, not listed, so each is checked this way before it is read.
struct FolderProblem {
    fs::path folder;
    std::string problem;
};
std::optional<FolderProblem> folder_problem(const fs::path& path, const fs::path& root, bool including_path);
// Writes bytes, creating parent folders. Returns false on failure.
bool write_file(const fs::path& path, std::string_view bytes);
// The same, into a folder that is there (no look at the folders above).
bool write_file_into_folder(const fs::path& path, std::string_view bytes);

// Names in a folder, sorted byte-wise so every platform sees the same order.
// Names starting with '.' or '_' are skipped, as the site format says. With
// `root` (the site folder), each entry is checked with check_site_path; a
// name that is not valid UTF-8 is a problem too (shown with U+FFFD). A
// folder reached through a link out of the site (folder_problem) is not
// listed at all: the list is empty.
struct DirEntry {
    std::string name;
    EntryKind kind = EntryKind::file;
    std::string problem;
    bool is_directory() const { return kind == EntryKind::directory; }
    bool is_file() const { return kind == EntryKind::file; }
};
std::vector<DirEntry> list_visible(const fs::path& dir, const fs::path& root);

// Paths as UTF-8 text with '/' separators, and back: the same on Windows.
std::string to_utf8(const fs::path& path);
fs::path from_utf8(std::string_view text);

// "content/schools/x/index.md": relative to root, with '/' separators.
std::string relative_name(const fs::path& path, const fs::path& root);

// True if `inner` is `outer` or lies inside it (both made absolute and
// normalised first; symlinks resolved where they exist).
bool is_inside(const fs::path& inner, const fs::path& outer);

}  // namespace eqsite
