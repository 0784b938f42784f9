#include "util/files.hpp"

#include "util/text.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <limits>

namespace eqsite {

std::optional<std::string> read_file(const fs::path& path) {
    // One read of the whole file (an istreambuf_iterator copies a byte at a
    // time: it was a fifth of the preview server's time under load).
    ReadError why;
    return read_file(path, std::numeric_limits<std::uintmax_t>::max(), why);
}

bool write_file(const fs::path& path, std::string_view bytes) {
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    return write_file_into_folder(path, bytes);
}

bool write_file_into_folder(const fs::path& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) return false;
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return static_cast<bool>(out.flush());
}

std::optional<std::string> read_file(const fs::path& path, std::uintmax_t most_bytes, ReadError& why) {
    why = ReadError::none;
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (!ec && size > most_bytes) {
        why = ReadError::too_large;
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        why = ReadError::cannot_read;
        return std::nullopt;
    }
    // One read of the whole file (plus one byte, to notice that it grew),
    // then at most one byte over the limit, whatever the size said: the
    // file may have grown, or may not be what it claimed.
    std::string bytes;
    if (!ec) {
        bytes.resize(static_cast<std::size_t>(size) + 1);
        in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        bytes.resize(static_cast<std::size_t>(in.gcount()));
        if (bytes.size() <= size) {  // all of it: the usual case
            if (in.bad()) {
                why = ReadError::cannot_read;
                return std::nullopt;
            }
            return bytes;
        }
        in.clear();
    }
    char buffer[65536];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        bytes.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (bytes.size() > most_bytes) {
            why = ReadError::too_large;
            return std::nullopt;
        }
    }
    if (in.bad()) {
        why = ReadError::cannot_read;
        return std::nullopt;
    }
    return bytes;
}

std::string read_error_message(ReadError why, std::uintmax_t most_bytes) {
    if (why == ReadError::too_large)
        return "this file is larger than " + std::to_string(most_bytes >> 20) +
               " MB, more than any site file should be; check that it is the right file";
    return "cannot read this file; check that it exists and is not open elsewhere";
}

namespace {

fs::path canonical_or_empty(const fs::path& p) {
    std::error_code ec;
    auto c = fs::canonical(p, ec);
    return ec ? fs::path() : c;
}

bool starts_with_path(const fs::path& inner, const fs::path& outer) {
    auto i = inner.begin();
    for (auto o = outer.begin(); o != outer.end(); ++o, ++i) {
        if (o->empty()) continue;
        if (i == inner.end() || *i != *o) return false;
    }
    return true;
}

}  // namespace

namespace {

// check_site_path for `path` alone, its folders taken as checked.
PathCheck check_entry(const fs::path& path, const fs::path& root) {
    std::error_code ec;
    const auto own = fs::symlink_status(path, ec);
    if (ec) return {EntryKind::problem, "cannot read this path: " + ec.message()};
    if (fs::is_symlink(own)) {
        const fs::path target = canonical_or_empty(path);
        const fs::path site = canonical_or_empty(root);
        if (target.empty())
            return {EntryKind::problem, "this link is broken or leads round in a loop; remove it, or put the file "
                                        "itself here"};
        if (site.empty() || !starts_with_path(target, site))
            return {EntryKind::problem, "this is a link to " + to_utf8(target) +
                                            ", outside the site folder; eqsite reads only files inside the site "
                                            "folder, so copy the " +
                                            (fs::is_directory(target, ec) ? "folder" : "file") + " in instead"};
        const auto st = fs::status(target, ec);
        if (fs::is_directory(st)) {
            // A folder that holds the link would be read for ever.
            const fs::path holder = canonical_or_empty(path.parent_path());
            if (!holder.empty() && starts_with_path(holder, target))
                return {EntryKind::problem, "this link leads back to a folder that contains it, which would be read "
                                            "for ever; remove the link"};
            return {EntryKind::directory, {}};
        }
        if (fs::is_regular_file(st)) return {EntryKind::file, {}};
        return {EntryKind::problem, "this link leads to something that is not a file (a device, pipe or socket); "
                                    "remove it"};
    }
    if (fs::is_directory(own)) return {EntryKind::directory, {}};
    if (fs::is_regular_file(own)) return {EntryKind::file, {}};
    return {EntryKind::problem, "this is not a file but a named pipe, device or socket, which eqsite does not "
                                "read; remove it"};
}

}  // namespace

std::optional<FolderProblem> folder_problem(const fs::path& path, const fs::path& root, bool including_path) {
    const std::string rel = relative_name(path, root);
    if (rel.empty() || rel == ".." || rel.starts_with("../")) return std::nullopt;  // not under root
    // The folders of "a/b/c": "a" and "a/b", and "a/b/c" when including it.
    const std::size_t last_slash = rel.rfind('/');
    const std::size_t end = including_path ? rel.size() : last_slash == std::string::npos ? 0 : last_slash;
    fs::path folder = root;
    for (std::size_t start = 0; start < end;) {
        const std::size_t slash = std::min(rel.find('/', start), end);
        const std::string_view part = std::string_view(rel).substr(start, slash - start);
        start = slash + 1;
        if (part.empty() || part == ".") continue;
        folder /= from_utf8(part);
        std::error_code ec;
        const auto own = fs::symlink_status(folder, ec);
        if (!fs::exists(own)) return std::nullopt;
        if (!fs::is_symlink(own)) {
            if (!fs::is_directory(own)) return std::nullopt;  // a file where a folder is looked for: "not found"
            continue;
        }
        PathCheck c = check_entry(folder, root);
        if (c.kind == EntryKind::problem) return FolderProblem{folder, std::move(c.problem)};
        if (c.kind != EntryKind::directory)
            return FolderProblem{folder, "this is a link to a file where eqsite looks for a folder; remove the "
                                         "link and make a folder here"};
    }
    return std::nullopt;
}

PathCheck check_site_path(const fs::path& path, const fs::path& root) {
    if (auto on_the_way = folder_problem(path, root, false))
        return {EntryKind::problem, "this is inside " + relative_name(on_the_way->folder, root) +
                                        ", which eqsite does not read: " + on_the_way->problem};
    return check_entry(path, root);
}

std::vector<DirEntry> list_visible(const fs::path& dir, const fs::path& root) {
    std::vector<DirEntry> out;
    if (folder_problem(dir, root, true)) return out;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = to_utf8(it->path().filename());
        if (name.empty() || name[0] == '.' || name[0] == '_') continue;
        if (!is_valid_utf8(name)) {
            out.push_back({valid_utf8(name), EntryKind::problem,
                           "this name is not valid UTF-8 text, so it cannot be shown or linked; rename it"});
            continue;
        }
        PathCheck check = check_entry(it->path(), root);
        out.push_back({std::move(name), check.kind, std::move(check.problem)});
    }
    std::sort(out.begin(), out.end(), [](const DirEntry& a, const DirEntry& b) { return a.name < b.name; });
    return out;
}

std::string to_utf8(const fs::path& path) {
    const auto u8 = path.generic_u8string();
    return std::string(u8.begin(), u8.end());
}

fs::path from_utf8(std::string_view text) { return fs::path(std::u8string(text.begin(), text.end())); }

namespace {
// Whether a relative name has only plain parts: no empty, "." or ".." ones.
bool plain_parts(std::string_view rest) {
    if (rest.empty()) return false;
    std::size_t start = 0;
    while (start <= rest.size()) {
        const std::size_t end = std::min(rest.find('/', start), rest.size());
        const std::string_view part = rest.substr(start, end - start);
        if (part.empty() || part == "." || part == "..") return false;
        start = end + 1;
    }
    return true;
}
}  // namespace

std::string relative_name(const fs::path& path, const fs::path& root) {
    // Most paths are root / "a/b", as this program joined them: cutting the
    // root off the text is the same answer as lexically_relative, which
    // costs far more (the preview server names 18 000 files per rebuild).
    const std::string whole = to_utf8(path);
    std::string base_text = to_utf8(root);
    while (base_text.size() > 1 && base_text.back() == '/') base_text.pop_back();
    if (!base_text.empty() && whole.size() > base_text.size() + 1 && whole.compare(0, base_text.size(), base_text) == 0 &&
        whole[base_text.size()] == '/') {
        const std::string_view rest = std::string_view(whole).substr(base_text.size() + 1);
        if (plain_parts(rest)) return std::string(rest);
    }
    const auto rel = path.lexically_relative(root);
    return to_utf8(rel.empty() ? path : rel);
}

namespace {
fs::path canonical_as_far_as_possible(const fs::path& p) {
    std::error_code ec;
    auto abs = fs::absolute(p, ec);
    auto c = fs::weakly_canonical(abs, ec);
    return ec ? abs.lexically_normal() : c;
}
}  // namespace

bool is_inside(const fs::path& inner, const fs::path& outer) {
    const auto in = canonical_as_far_as_possible(inner);
    const auto out = canonical_as_far_as_possible(outer);
    auto i = in.begin();
    for (auto o = out.begin(); o != out.end(); ++o, ++i) {
        if (o->empty()) continue;  // trailing separator
        if (i == in.end() || *i != *o) return false;
    }
    return true;
}

}  // namespace eqsite
