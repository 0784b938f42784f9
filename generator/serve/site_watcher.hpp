// Notices changes to a site's files: content/, data/, static/, theme/ and
// site.yaml. New, changed, deleted and renamed files all show up, including
// editors that save by writing a temporary file and renaming it over the
// original.
//
// This implementation polls: it compares a snapshot of every file's size
// and modification time. That works the same on Linux, macOS and Windows;
// a native watcher (inotify, FSEvents, ReadDirectoryChangesW) can sit behind
// the same interface later.
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <string>

namespace eqsite {

class SiteWatcher {
public:
    explicit SiteWatcher(std::filesystem::path site_root);

    // Blocks until something changed and has then been quiet for `settle`
    // (so a burst of saves becomes one rebuild), or until `give_up` passes.
    // Returns true if there was a change.
    bool wait_for_change(std::chrono::milliseconds give_up,
                         std::chrono::milliseconds settle = std::chrono::milliseconds(150));

private:
    using Snapshot = std::map<std::string, std::pair<std::uintmax_t, std::filesystem::file_time_type>>;
    Snapshot snapshot() const;

    std::filesystem::path root_;
    Snapshot last_;
};

}  // namespace eqsite
