#include "write/output_folder.hpp"

#include <atomic>
#include <chrono>

#include "util/files.hpp"

namespace eqsite {

namespace fs = std::filesystem;

std::optional<std::string> refuse_output_folder(const fs::path& site, const fs::path& out) {
    std::error_code ec;
    const std::string shown = to_utf8(out);
    if (is_inside(site, out))
        return is_inside(out, site) ? "the output folder \"" + shown + "\" is the site folder itself; choose a folder "
                                          "inside it, such as public (the default)"
                                    : "the output folder \"" + shown + "\" contains the site folder; building there "
                                          "would delete your site. Choose a folder such as " +
                                          to_utf8(site / "public");
    if (fs::exists(out / "content", ec))
        return "the output folder \"" + shown + "\" contains a content/ folder, so it looks like a site, not "
               "a build output; choose another folder";
    if (fs::exists(out, ec) && !fs::is_directory(out, ec))
        return "\"" + shown + "\" is a file, not a folder; choose another output folder";
    if (fs::is_directory(out, ec) && !fs::is_empty(out, ec) && !fs::exists(out / output_marker, ec))
        return "the output folder \"" + shown + "\" already holds files that eqsite did not make, and a build "
               "replaces the whole folder; empty it or choose another folder";
    return std::nullopt;
}

namespace {
// A name unique to this process and moment, so parallel builds never clash.
std::string unique_suffix() {
    static std::atomic<unsigned> counter{0};
    const auto now = std::chrono::steady_clock::now().time_since_epoch().count();
    return std::to_string(now) + "-" + std::to_string(counter++);
}
}  // namespace

StagingFolder::StagingFolder(fs::path out) : out_(std::move(out)) {
    const fs::path parent = out_.parent_path().empty() ? fs::path(".") : out_.parent_path();
    staging_ = parent / ("." + to_utf8(out_.filename()) + ".eqsite-staging-" + unique_suffix());
    std::error_code ec;
    fs::create_directories(staging_, ec);
    if (ec) error_ = "cannot create the staging folder " + to_utf8(staging_) + ": " + ec.message();
}

StagingFolder::~StagingFolder() {
    if (committed_) return;
    std::error_code ec;
    fs::remove_all(staging_, ec);  // ours alone: we made it, with a unique name
}

bool StagingFolder::commit() {
    std::error_code ec;
    const fs::path old = staging_.parent_path() / ("." + to_utf8(out_.filename()) + ".eqsite-old-" + unique_suffix());
    const bool had_output = fs::exists(out_, ec);
    if (had_output) {
        fs::rename(out_, old, ec);
        if (ec) {
            error_ = "cannot move the previous output " + to_utf8(out_) + " aside: " + ec.message();
            return false;
        }
    }
    fs::rename(staging_, out_, ec);
    if (ec) {
        error_ = "cannot move the new output into place at " + to_utf8(out_) + ": " + ec.message();
        std::error_code restore;
        if (had_output) fs::rename(old, out_, restore);
        return false;
    }
    committed_ = true;
    if (had_output) fs::remove_all(old, ec);  // the previous output, which eqsite made
    return true;
}

}  // namespace eqsite
