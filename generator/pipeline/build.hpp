// `eqsite build`: the pipeline (pipeline/pipeline.hpp) writing through an
// OutputWriter, which stages the new site beside the output and swaps it
// in only when every page is written (write/output_folder.hpp).
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "util/date.hpp"
#include "util/diagnostics.hpp"

namespace eqsite {

struct BuildOptions {
    std::filesystem::path site = ".";
    std::optional<std::filesystem::path> out;  // default: <site>/public
    std::optional<std::string> base_url;       // default: trust.url in site.yaml
    unsigned jobs = 0;                         // 0: one per core
    std::optional<Date> today;                 // --today
    bool quiet = false;                        // --quiet: the command line prints errors only
    std::function<void(std::size_t done, std::size_t total)> progress;  // see PipelineOptions
    bool fragments = false;                    // --fragments
};

enum class BuildStatus { ok, content_errors, refused };

struct BuildResult {
    BuildStatus status = BuildStatus::ok;
    Diagnostics diags;
    std::string refusal;  // for BuildStatus::refused: why, in words
    std::size_t pages = 0;
    std::size_t files = 0;
    std::filesystem::path out;
    std::vector<std::string> kept;  // files in the output that eqsite did not write, kept
};

BuildResult build(const BuildOptions& options);

}  // namespace eqsite
