// Reads the site's files, and remembers what it read: each file's digest,
// size and modification time. A preview server keeps one FileStore for its
// whole run, so a rebuild reads only the files that may have changed; the
// model keeps what it made of each file by that digest (model/model_cache.hpp).
//
// Size and time are not proof that a file is unchanged (two saves in one
// clock tick look the same), so the watcher's reports count too: a path
// reported changed is read again whatever its size and time say.
//
// A store that trusts the reports (the preview server's) does not even
// look at the size and time of a file nobody reported: at 18 000 files
// that stat was an eighth of a rebuild. A file reached through a symbolic
// link inside the site is still looked at, since an edit reports the
// link's target, not the link; so is a file with hard links (other
// names), since an edit reports only the name it was made through.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <shared_mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "util/digest.hpp"
#include "util/files.hpp"

namespace eqsite {

class FileStore {
public:
    explicit FileStore(std::filesystem::path root, bool trust_reports = false)
        : root_(std::move(root)), trust_(trust_reports) {}

    // Site-relative paths that changed (from the watcher): read them again.
    // A folder's path stands for everything under it.
    void changed(const std::vector<std::string>& paths);
    // Anything may have changed (the watcher lost track): check every file.
    void changed_everything();

    struct Version {
        bool ok = false;
        ReadError error = ReadError::none;
        Digest digest;
    };
    // The digest of `file`, reading it if it may have changed since the
    // last look. Thread-safe.
    Version look(const std::filesystem::path& file, std::uintmax_t limit);
    // The bytes of `file`: those look() just read, else read now.
    std::optional<std::string> take(const std::filesystem::path& file, std::uintmax_t limit, ReadError& why);

    // Whether `file` is always looked at (reached through a link, or with
    // other names: see above), as of its last look.
    bool linked(const std::filesystem::path& file);

    // Whether anything under the site-relative `folder` (or the folder
    // itself, or a folder holding it) was reported changed since the last
    // forget_unseen(), or may have been: always true for a store that does
    // not trust reports. Not to be called while changed() runs.
    bool reported_under(std::string_view folder) const;

    // Forgets files not looked at since the last call (deleted ones, and
    // those the model took from its cache without looking: they are read
    // again when next reported), and the reports.
    void forget_unseen();

private:
    struct Entry {
        std::uintmax_t size = 0;
        std::filesystem::file_time_type time{};
        bool fresh = false;  // size and time may be trusted
        // Set by look() under a shared lock (each file by the one thread
        // that reads it).
        std::atomic<bool> seen = false;
        bool linked = false;  // reached through a symbolic link, or hard-linked: always stat'ed
        Version version;
        std::optional<std::string> held;  // bytes read by look(), until take()
    };
    bool through_link(const std::filesystem::path& file) const;
    static bool other_names(const std::filesystem::path& file);

    std::filesystem::path root_;
    bool trust_;
    std::shared_mutex mutex_;
    std::unordered_map<std::string, Entry> entries_;  // by path as given
    std::vector<std::string> reported_;  // since the last forget_unseen(), without a trailing '/'
    bool everything_ = false;
};

}  // namespace eqsite
