#include "load/file_store.hpp"

#include <algorithm>

namespace eqsite {

namespace fs = std::filesystem;

void FileStore::changed(const std::vector<std::string>& paths) {
    std::lock_guard lock(mutex_);
    for (const auto& p : paths) {
        reported_.push_back(p.ends_with('/') ? p.substr(0, p.size() - 1) : p);
        const std::string key = to_utf8(root_ / from_utf8(p));
        if (auto it = entries_.find(key); it != entries_.end()) {
            it->second.fresh = false;
            continue;
        }
        // Not a file read before: perhaps a folder made, moved or removed.
        const std::string under = key.ends_with('/') ? key : key + "/";
        for (auto& [path, e] : entries_)
            if (path.starts_with(under)) e.fresh = false;
    }
}

void FileStore::changed_everything() {
    std::lock_guard lock(mutex_);
    everything_ = true;
    for (auto& [path, e] : entries_) e.fresh = false;
}

FileStore::Version FileStore::look(const fs::path& file, std::uintmax_t limit) {
    const std::string key = to_utf8(file);
    if (trust_) {
        // Shared: the threads reading school folders look up thousands of
        // unchanged files at once, and waiting on each other's lock for
        // each one cost more than the looking.
        std::shared_lock lock(mutex_);
        if (auto it = entries_.find(key); it != entries_.end() && it->second.fresh && !it->second.linked) {
            it->second.seen.store(true, std::memory_order_relaxed);
            return it->second.version;
        }
    }
    std::error_code size_ec, time_ec;
    const auto size = fs::file_size(file, size_ec);
    const auto time = fs::last_write_time(file, time_ec);
    const bool stat_ok = !size_ec && !time_ec;
    {
        std::lock_guard lock(mutex_);
        Entry& e = entries_[key];
        e.seen.store(true, std::memory_order_relaxed);
        if (e.fresh && stat_ok && e.size == size && e.time == time) return e.version;
    }
    // Read outside the lock: other threads read other files meanwhile.
    ReadError why = ReadError::none;
    auto bytes = read_file(file, limit, why);
    Version v;
    v.ok = bytes.has_value();
    v.error = why;
    if (bytes) v.digest = digest_of(*bytes);
    const bool linked = trust_ && (through_link(file) || other_names(file));
    std::lock_guard lock(mutex_);
    Entry& e = entries_[key];
    e.size = size;
    e.time = time;
    e.fresh = stat_ok && v.ok;
    e.linked = linked;
    e.version = v;
    e.held = std::move(bytes);
    return v;
}

std::optional<std::string> FileStore::take(const fs::path& file, std::uintmax_t limit, ReadError& why) {
    {
        std::lock_guard lock(mutex_);
        if (auto it = entries_.find(to_utf8(file)); it != entries_.end() && it->second.held) {
            why = ReadError::none;
            auto bytes = std::move(it->second.held);
            it->second.held.reset();
            return bytes;
        }
    }
    return read_file(file, limit, why);
}

bool FileStore::through_link(const fs::path& file) const {
    std::error_code ec;
    for (fs::path p = file; !p.empty() && p != root_ && p != p.parent_path(); p = p.parent_path())
        if (fs::is_symlink(p, ec)) return true;
    return false;
}

// A file with hard links has other names, perhaps inside the site: an
// edit through one of them is reported under that name only.
bool FileStore::other_names(const fs::path& file) {
    std::error_code ec;
    const auto links = fs::hard_link_count(file, ec);
    return !ec && links > 1;
}

bool FileStore::linked(const fs::path& file) {
    std::shared_lock lock(mutex_);
    const auto it = entries_.find(to_utf8(file));
    return it != entries_.end() && it->second.linked;
}

bool FileStore::reported_under(std::string_view folder) const {
    if (!trust_ || everything_) return true;
    return std::any_of(reported_.begin(), reported_.end(), [&](const std::string& p) {
        const std::string_view path(p);
        auto inside = [](std::string_view a, std::string_view b) {  // a is b, or under it
            return a.starts_with(b) && (a.size() == b.size() || a[b.size()] == '/');
        };
        return path.empty() || path == "." || inside(path, folder) || inside(folder, path);
    });
}

void FileStore::forget_unseen() {
    std::lock_guard lock(mutex_);
    reported_.clear();
    everything_ = false;
    for (auto it = entries_.begin(); it != entries_.end();) {
        if (!it->second.seen.load(std::memory_order_relaxed)) {
            it = entries_.erase(it);
        } else {
            it->second.seen.store(false, std::memory_order_relaxed);
            it->second.held.reset();  // bytes nobody took: not kept between rebuilds
            ++it;
        }
    }
}

}  // namespace eqsite
