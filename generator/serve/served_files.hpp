// The files the preview serves: the last full build, in a private folder,
// and over it, in memory, the files that edits changed since (or removed).
// An edit costs the pages it touches, not a copy of the site.
//
// A rebuild writes the next version beside the current one (a Next: a new
// folder for a full build, or changes over the current version), and
// publish() makes it the one served. Requests keep reading the version they
// started with, so a page never mixes two builds.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "write/output_folder.hpp"

namespace eqsite {

class ServedFiles {
public:
    // Full builds go in new folders under `work` (which must exist).
    explicit ServedFiles(std::filesystem::path work) : work_(std::move(work)) {}
    ~ServedFiles();
    ServedFiles(const ServedFiles&) = delete;
    ServedFiles& operator=(const ServedFiles&) = delete;

    class Next;
    // The next version: a whole build in a fresh folder, or changes over
    // what is served now.
    std::unique_ptr<Next> start_full();
    std::unique_ptr<Next> start_changes();
    // Serves `next` from now on (a Next that is dropped is forgotten).
    void publish(std::unique_ptr<Next> next);
    bool empty() const;  // nothing published yet

    // A file of the current version: its bytes, or the file on disk that
    // holds them. `path` is output-relative ("schools/x/index.html"),
    // already checked by output_path_of_request().
    struct Found {
        std::shared_ptr<const std::string> bytes;
        std::filesystem::path file;
    };
    std::optional<Found> find(const std::string& path) const;
    // Every file of the current version (for tests).
    std::set<std::string> paths() const;

private:
    struct Base;
    struct Version;
    std::filesystem::path work_;
    unsigned folders_ = 0;
    mutable std::mutex mutex_;
    std::shared_ptr<const Version> current_;
    std::vector<std::shared_ptr<Base>> retired_;  // old folders, removed once no request reads them
};

class ServedFiles::Next : public OutputSink {
public:
    bool write(const std::string& path, std::string_view bytes) override;
    bool write_pieces(const std::string& path, const FilePieces& make) override;
    bool write_held(const std::string& path, std::shared_ptr<const HeldPieces> pieces) override;
    bool copy(const std::string& path, const std::filesystem::path& from) override;
    void remove(const std::string& path) override;

private:
    friend class ServedFiles;
    Next() = default;
    std::shared_ptr<Version> version_;
    std::optional<FolderSink> folder_;  // a full build
    std::mutex mutex_;                  // pages are written from several threads
};

}  // namespace eqsite
