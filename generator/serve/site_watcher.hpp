// Notices changes to a site's files: content/, data/, static/, theme/ and
// site.yaml. New, changed, deleted and renamed files all show up, including
// editors that save by writing a temporary file and renaming it over the
// original.
//
// Two implementations sit behind one interface:
//   - the native one (inotify on Linux; site_watcher_inotify.cpp holds all
//     of the OS-specific code), which sleeps until the kernel reports a
//     change;
//   - a polling one that works the same everywhere (Linux, macOS, Windows):
//     it compares a snapshot of every file's size and modification time
//     every 100 ms. It is used with `eqsite serve --poll`, on systems with
//     no native watcher here yet (FSEvents and ReadDirectoryChangesW could
//     sit behind the same interface), and when the native one cannot start
//     (e.g. the inotify watch limit is reached).
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <optional>
#include <string_view>
#include <vector>

namespace eqsite {

// The folders of a site that a preview watches and rebuilds from, besides
// site.yaml.
inline constexpr const char* site_input_folders[] = {"content", "data", "static", "theme"};

// What changed, as far as the watcher can tell.
struct WatchedChanges {
    std::vector<std::string> paths;  // site-relative, with '/' (files and folders)
    bool everything = false;         // events were lost, or folders moved: check every file
};

class SiteWatcher {
public:
    virtual ~SiteWatcher() = default;

    // Blocks until something changed and the change is complete, or until
    // `give_up` passes with no change. Returns what changed, or nullopt.
    //
    // A change is complete as soon as every file written has been closed
    // (the editor's save is done) and no other event followed for `burst`
    // (several files saved at once make one change); a file still open for
    // writing is waited for up to `settle`.
    virtual std::optional<WatchedChanges> wait_for_change(
        std::chrono::milliseconds give_up, std::chrono::milliseconds burst = std::chrono::milliseconds(8),
        std::chrono::milliseconds settle = std::chrono::milliseconds(150)) = 0;

    // "inotify" or "polling".
    virtual std::string_view method() const = 0;
};

class PollingSiteWatcher final : public SiteWatcher {
public:
    explicit PollingSiteWatcher(std::filesystem::path site_root);
    std::optional<WatchedChanges> wait_for_change(std::chrono::milliseconds give_up, std::chrono::milliseconds burst,
                                                  std::chrono::milliseconds settle) override;
    std::string_view method() const override { return "polling"; }

private:
    using Snapshot = std::map<std::string, std::pair<std::uintmax_t, std::filesystem::file_time_type>>;
    Snapshot snapshot() const;

    std::filesystem::path root_;
    Snapshot last_;
};

// The native watcher for `site_root`, or nullptr where there is none (not
// Linux) or it cannot start.
std::unique_ptr<SiteWatcher> make_native_site_watcher(const std::filesystem::path& site_root);

// The polling watcher if `poll`, else the native one if it starts, else the
// polling one.
std::unique_ptr<SiteWatcher> make_site_watcher(const std::filesystem::path& site_root, bool poll);

}  // namespace eqsite
