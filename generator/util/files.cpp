#include "util/files.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>

namespace eqsite {

std::optional<std::string> read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) return std::nullopt;
    return bytes;
}

bool write_file(const fs::path& path, std::string_view bytes) {
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) return false;
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return static_cast<bool>(out.flush());
}

std::vector<DirEntry> list_visible(const fs::path& dir) {
    std::vector<DirEntry> out;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = to_utf8(it->path().filename());
        if (name.empty() || name[0] == '.' || name[0] == '_') continue;
        out.push_back({std::move(name), it->is_directory(ec)});
    }
    std::sort(out.begin(), out.end(), [](const DirEntry& a, const DirEntry& b) { return a.name < b.name; });
    return out;
}

std::string to_utf8(const fs::path& path) {
    const auto u8 = path.generic_u8string();
    return std::string(u8.begin(), u8.end());
}

fs::path from_utf8(std::string_view text) { return fs::path(std::u8string(text.begin(), text.end())); }

std::string relative_name(const fs::path& path, const fs::path& root) {
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
