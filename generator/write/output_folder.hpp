// The output folder: which folders may be written, and the staging folder
// that is swapped in only when a build has fully succeeded.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace eqsite {

// Why `out` must not be used as the output of the site at `site`, or nullopt
// if it is safe: not the site folder, not a parent of it, not holding a
// content/ folder, and, if it already has files, made by eqsite before.
std::optional<std::string> refuse_output_folder(const std::filesystem::path& site, const std::filesystem::path& out);

// The file eqsite leaves in every output folder, so that it only ever
// replaces folders it made itself.
inline constexpr const char* output_marker = ".eqsite-output";

// A fresh folder beside the output. commit() swaps it in for the output;
// if the build fails, the destructor removes it and the output is untouched.
class StagingFolder {
public:
    explicit StagingFolder(std::filesystem::path out);
    ~StagingFolder();
    StagingFolder(const StagingFolder&) = delete;
    StagingFolder& operator=(const StagingFolder&) = delete;

    const std::filesystem::path& path() const { return staging_; }
    bool ok() const { return error_.empty(); }
    const std::string& error() const { return error_; }

    // Replaces the output with the staging folder. Returns false (and sets
    // error()) if the swap failed; the previous output is then restored.
    bool commit();

private:
    std::filesystem::path out_;
    std::filesystem::path staging_;
    std::string error_;
    bool committed_ = false;
};

}  // namespace eqsite
