// The output folder: which folders may be written, and how a build
// replaces the previous output so that nothing is ever lost or half done.
//
// A build is written into a staging folder beside the output, then the two
// are swapped in one step (util/platform.hpp): at every instant the output
// is the whole old site or the whole new one, whenever the build stops.
//
//   out/                       the site as published
//   .out.eqsite-staging/       the next build while it is written
//   .out.eqsite-spare/         the build before last, reused as the next
//                              staging folder: a rebuild rewrites only what
//                              changed and deletes nothing in bulk
//   .out.eqsite-lock           held while a build runs
//
// `out/.eqsite-output` (the manifest) lists every file eqsite wrote, with a
// digest. A file whose bytes did not change is hard-linked from the
// previous output, so it keeps its modification time and `rsync` or `aws
// s3 sync` upload only what changed. Files in `out/` that eqsite did not
// write (CNAME, .git/, a verification file) are kept: just before the swap
// they are hard-linked into the new output, so both the old and the new
// output hold them at every instant. A build that would replace one of
// them is refused, naming it.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "util/digest.hpp"
#include "util/files.hpp"
#include "util/platform.hpp"

namespace eqsite {

// Why `out` must not be used as the output of the site at `site`, or nullopt
// if it is safe: not the site folder, not a parent of it, not holding a
// content/ folder, and, if it already has files, made by eqsite before.
std::optional<std::string> refuse_output_folder(const std::filesystem::path& site, const std::filesystem::path& out);

// The file eqsite leaves in every output folder: its manifest.
inline constexpr const char* output_marker = ".eqsite-output";

// Where the files of a build go. Thread-safe: pages are written in parallel.
class OutputSink {
public:
    virtual ~OutputSink() = default;
    // `path` is output-relative with '/' separators.
    virtual bool write(const std::string& path, std::string_view bytes) = 0;
    // The same, for a file made in pieces. Unless a sink can do better, the
    // pieces are joined and written as one.
    virtual bool write_pieces(const std::string& path, const FilePieces& make) {
        std::string bytes;
        make([&](std::string_view piece) { bytes += piece; });
        return write(path, bytes);
    }
    // The same, for pieces that are held elsewhere (the preview keeps them
    // as they are); other sinks write them as pieces.
    virtual bool write_held(const std::string& path, std::shared_ptr<const HeldPieces> pieces) {
        return write_pieces(path, [&](const auto& emit) {
            for (const auto& piece : *pieces) emit(*piece);
        });
    }
    virtual bool copy(const std::string& path, const std::filesystem::path& from) = 0;
    // A file of an earlier build that is no longer part of the site. Only
    // sinks that hold an earlier build (the preview's) have one to remove.
    virtual void remove(const std::string& path) { (void)path; }
};

// A plain folder (the preview server's private builds).
class FolderSink : public OutputSink {
public:
    explicit FolderSink(std::filesystem::path folder) : folder_(std::move(folder)) {}
    bool write(const std::string& path, std::string_view bytes) override;
    bool copy(const std::string& path, const std::filesystem::path& from) override;

private:
    std::filesystem::path folder_;
};

// What eqsite wrote into an output folder: path -> digest of the bytes.
struct Manifest {
    std::map<std::string, Digest> files;
    bool known = false;  // false: no manifest (nothing there, or an older eqsite's output)
    static Manifest read(const std::filesystem::path& folder);
    std::string text() const;
};

// A build of `out`, written beside it and swapped in by commit().
class OutputWriter : public OutputSink {
public:
    explicit OutputWriter(std::filesystem::path out);
    ~OutputWriter() override;
    OutputWriter(const OutputWriter&) = delete;
    OutputWriter& operator=(const OutputWriter&) = delete;

    bool ok() const { return error_.empty(); }
    const std::string& error() const { return error_; }

    bool write(const std::string& path, std::string_view bytes) override;
    // Written to disk piece by piece, never whole in memory.
    bool write_pieces(const std::string& path, const FilePieces& make) override;
    bool copy(const std::string& path, const std::filesystem::path& from) override;

    // Files in the current output that eqsite did not write and that the
    // build would replace (`paths` are the files it will write).
    std::vector<std::string> user_files_in_the_way(const std::set<std::string>& paths) const;

    // Swaps the build in. Returns false (and sets error()) if it could not;
    // the previous output is then as it was.
    bool commit();
    // Files eqsite did not write that were kept in the output by commit().
    const std::vector<std::string>& kept() const { return kept_; }

private:
    bool may_use(const std::filesystem::path& folder);
    std::filesystem::path sibling(std::string_view what) const;
    void recover();
    void prepare_staging();
    void ensure_folder(const std::filesystem::path& folder);
    bool write_new(const std::filesystem::path& target, std::string_view bytes);
    bool finish(const std::string& path, const Digest& digest);
    bool lend_user_files();  // false (error_ set) if one could not be carried over
    void take_back_user_files(const std::filesystem::path& old_output, const Manifest& old_manifest);

    std::filesystem::path out_, staging_;
    bool fresh_ = false;  // the staging folder was made by this build, not taken from the spare
    std::string error_;
    std::unique_ptr<platform::FileLock> lock_;
    Manifest previous_;  // of the output being replaced
    Manifest next_;      // of the build being written
    // Made in the staging folder so far, by native name (a set of paths
    // compared them component by component: 2 % of a build).
    std::unordered_set<std::filesystem::path::string_type> folders_;
    std::vector<std::string> kept_;
    mutable std::mutex mutex_;
};

}  // namespace eqsite
