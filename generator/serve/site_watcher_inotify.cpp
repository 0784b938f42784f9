// The native site watcher: inotify on Linux. Every other system gets no
// native watcher from this file (make_native_site_watcher returns nullptr)
// and `eqsite serve` polls instead. All OS-specific watching code is here.
#include "serve/site_watcher.hpp"

#ifdef __linux__

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <set>
#include <unordered_map>

namespace eqsite {
namespace {

namespace fs = std::filesystem;
using clock = std::chrono::steady_clock;

// Inside the watched folders: any file or folder created, written, deleted
// or renamed (editors that write a temporary file and rename it over the
// original give IN_CREATE/IN_CLOSE_WRITE then IN_MOVED_FROM/IN_MOVED_TO), a
// `touch` (IN_ATTRIB), and the folder itself going away.
constexpr std::uint32_t folder_mask = IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB | IN_MOVED_FROM |
                                      IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR | IN_EXCL_UNLINK;
// The site folder itself: only site.yaml and the four folders matter, so
// `public/`, `.git/` and the like are never looked into.
constexpr std::uint32_t root_mask = IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB | IN_MOVED_FROM |
                                    IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR;

class InotifySiteWatcher final : public SiteWatcher {
public:
    InotifySiteWatcher(fs::path root, int fd) : root_(std::move(root)), fd_(fd) {}
    ~InotifySiteWatcher() override { ::close(fd_); }
    InotifySiteWatcher(const InotifySiteWatcher&) = delete;
    InotifySiteWatcher& operator=(const InotifySiteWatcher&) = delete;

    // Watches the site folder and every folder under the four. False if
    // the kernel refuses (no more watches allowed: the polling watcher
    // takes over).
    bool start() {
        root_wd_ = ::inotify_add_watch(fd_, root_.c_str(), root_mask);
        if (root_wd_ < 0) return false;
        for (const char* top : site_input_folders)
            if (!watch_tree(root_ / top)) return false;
        return true;
    }

    std::optional<WatchedChanges> wait_for_change(std::chrono::milliseconds give_up, std::chrono::milliseconds burst,
                                                  std::chrono::milliseconds settle) override {
        const auto deadline = clock::now() + give_up;
        bool changed = false;
        // Until the first change, or the deadline.
        while (!changed) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - clock::now());
            if (left.count() <= 0) return std::nullopt;
            if (!wait_readable(left)) continue;
            changed = read_events();
        }
        // Coalesce: done as soon as every file written has been closed and
        // nothing else came for `burst`; a file still open for writing is
        // waited for up to `settle` after the last event.
        auto last_event = clock::now();
        for (;;) {
            const auto window = open_writes_.empty() ? burst : settle;
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(last_event + window - clock::now());
            if (left.count() <= 0) break;
            if (wait_readable(left) && read_events()) last_event = clock::now();
        }
        WatchedChanges changes;
        changes.everything = rescan_ || degraded_;
        changes.paths.assign(changed_.begin(), changed_.end());
        changed_.clear();
        open_writes_.clear();
        if (rescan_) {
            rescan_ = false;
            rewatch();
        }
        return changes;
    }

    std::string_view method() const override { return "inotify"; }

private:
    // Waits up to `timeout` for events; false on timeout.
    bool wait_readable(std::chrono::milliseconds timeout) {
        pollfd p{fd_, POLLIN, 0};
        const int n = ::poll(&p, 1, static_cast<int>(std::max<long long>(1, timeout.count())));
        return n > 0 && (p.revents & POLLIN);
    }

    // Reads every queued event; true if any concerns the site's files.
    bool read_events() {
        alignas(inotify_event) char buffer[16 * 1024];
        bool relevant = false;
        for (;;) {
            const ssize_t n = ::read(fd_, buffer, sizeof buffer);
            if (n <= 0) {
                if (n < 0 && errno == EINTR) continue;
                break;  // EAGAIN: nothing more queued
            }
            for (ssize_t at = 0; at < n;) {
                const auto* e = reinterpret_cast<const inotify_event*>(buffer + at);
                at += static_cast<ssize_t>(sizeof(inotify_event) + e->len);
                relevant |= handle(*e);
            }
        }
        return relevant;
    }

    // Notes one event; true if it concerns the site's files.
    bool handle(const inotify_event& e) {
        if (e.mask & IN_Q_OVERFLOW) {  // events were lost: assume anything changed
            rescan_ = true;
            return true;
        }
        if (e.mask & IN_IGNORED) {  // the watch is gone (its folder was deleted or unmounted)
            forget(e.wd);
            return false;
        }
        const std::string name = e.len ? std::string(e.name) : std::string();
        if (e.wd == root_wd_) {
            if (e.mask & (IN_DELETE_SELF | IN_MOVE_SELF)) {
                rescan_ = true;
                return true;
            }
            if (name == "site.yaml") {
                note(name, e.mask);
                return true;
            }
            for (const char* top : site_input_folders) {
                if (name != top) continue;
                // A folder appeared: its files may be there before its
                // watches are, so they are all looked at.
                if ((e.mask & (IN_CREATE | IN_MOVED_TO)) && !watch_tree(root_ / name)) degraded_ = true;
                if (e.mask & (IN_CREATE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE)) rescan_ = true;
                return (e.mask & (IN_CREATE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE)) != 0;
            }
            return false;  // anything else in the site folder (public/, .git/, README.md)
        }
        const auto folder = folders_.find(e.wd);
        if (folder == folders_.end()) return false;  // an event still queued for a forgotten watch
        if (e.mask & (IN_DELETE_SELF | IN_MOVE_SELF)) {
            rescan_ = true;  // a renamed folder keeps its watch but not its path
            return true;
        }
        if ((e.mask & IN_ISDIR) && (e.mask & (IN_CREATE | IN_MOVED_TO)) && !watch_tree(folder->second / name))
            degraded_ = true;
        if ((e.mask & IN_ISDIR) && (e.mask & IN_MOVED_FROM)) rescan_ = true;
        note(relative(folder->second / name), e.mask);
        return true;
    }

    // Records a changed path, and whether a file is still being written:
    // written to (or created) but not yet closed.
    void note(const std::string& path, std::uint32_t mask) {
        changed_.insert(path);
        if (mask & IN_ISDIR) return;
        if (mask & (IN_CREATE | IN_MODIFY)) open_writes_.insert(path);
        if (mask & (IN_CLOSE_WRITE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO)) open_writes_.erase(path);
    }

    std::string relative(const fs::path& p) const { return p.lexically_relative(root_).generic_string(); }

    // Watches `top` and every folder under it (not following links to
    // folders below `top`, as the polling watcher does not). False only when
    // the kernel refuses a watch for lack of room; folders that vanish
    // meanwhile are skipped.
    bool watch_tree(const fs::path& top) {
        std::error_code ec;
        if (!fs::is_directory(top, ec)) return true;
        if (!add(top)) return false;
        for (fs::recursive_directory_iterator it(top, fs::directory_options::skip_permission_denied, ec), end;
             !ec && it != end; it.increment(ec)) {
            std::error_code e;
            if (it->is_directory(e) && !it->is_symlink(e) && !add(it->path())) return false;
        }
        return true;
    }

    bool add(const fs::path& folder) {
        const int wd = ::inotify_add_watch(fd_, folder.c_str(), folder_mask);
        if (wd < 0) return errno != ENOSPC && errno != ENOMEM;
        folders_[wd] = folder;
        return true;
    }

    void forget(int wd) { folders_.erase(wd); }

    // After folders were renamed or removed (or events lost): watch
    // exactly the folders there are now, with their current paths.
    // inotify_add_watch on a folder already watched returns its watch.
    void rewatch() {
        const auto before = folders_;
        folders_.clear();
        for (const char* top : site_input_folders)
            if (!watch_tree(root_ / top)) degraded_ = true;
        std::set<int> kept;
        for (const auto& [wd, path] : folders_) kept.insert(wd);
        for (const auto& [wd, path] : before)
            if (!kept.count(wd)) ::inotify_rm_watch(fd_, wd);
    }

    fs::path root_;
    int fd_;
    int root_wd_ = -1;
    std::unordered_map<int, fs::path> folders_;  // watch -> folder
    bool rescan_ = false;
    // A folder could not be watched (the system's limit on watches was
    // reached after start): changes in it make no event, and the preview
    // trusts the events, so from then on every change is reported as
    // "anything may have changed" and every file is looked at.
    bool degraded_ = false;
    std::set<std::string> changed_;      // site-relative paths seen changing
    std::set<std::string> open_writes_;  // files written but not yet closed
};

}  // namespace

std::unique_ptr<SiteWatcher> make_native_site_watcher(const std::filesystem::path& site_root) {
    const int fd = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd < 0) return nullptr;
    auto watcher = std::make_unique<InotifySiteWatcher>(site_root, fd);
    if (!watcher->start()) return nullptr;
    return watcher;
}

}  // namespace eqsite

#else

namespace eqsite {

std::unique_ptr<SiteWatcher> make_native_site_watcher(const std::filesystem::path&) { return nullptr; }

}  // namespace eqsite

#endif
