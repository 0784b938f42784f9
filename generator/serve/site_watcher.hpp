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
#include <string_view>

namespace eqsite {

// The folders of a site that a preview watches and rebuilds from, besides
// site.yaml.
inline constexpr const char* site_input_folders[] = {"content", "data", "static", "theme"};

class SiteWatcher {
public:
    virtual ~SiteWatcher() = default;

    // Blocks until something changed and has then been quiet for `settle`
    // (so a burst of saves becomes one rebuild), or until `give_up` passes
    // with no change. Returns true if there was a change.
    virtual bool wait_for_change(std::chrono::milliseconds give_up,
                                 std::chrono::milliseconds settle = std::chrono::milliseconds(150)) = 0;

    // "inotify" or "polling".
    virtual std::string_view method() const = 0;
};

class PollingSiteWatcher final : public SiteWatcher {
public:
    explicit PollingSiteWatcher(std::filesystem::path site_root);
    bool wait_for_change(std::chrono::milliseconds give_up,
                         std::chrono::milliseconds settle = std::chrono::milliseconds(150)) override;
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
