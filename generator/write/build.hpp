// The whole `eqsite build`: load and check the site, then render every page
// into a staging folder (in parallel) and swap it in for the output.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "model/site.hpp"
#include "render/pages.hpp"
#include "render/renderer.hpp"
#include "render/theme.hpp"
#include "util/diagnostics.hpp"
#include "write/output_folder.hpp"

namespace eqsite {

struct BuildOptions {
    std::filesystem::path site = ".";
    std::optional<std::filesystem::path> out;  // default: <site>/public
    std::optional<std::string> base_url;       // default: trust.url in site.yaml
    unsigned jobs = 0;                         // 0: one per core
    std::optional<Date> today;                 // --today
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

// Writes every page, asset and copied file of a checked site to `out` (a
// build's OutputWriter, or a plain folder for the preview server).
// Returns the number of files written; problems go to `diags`.
std::size_t write_site(const Site& site, const Theme& theme, const RenderOptions& render, OutputSink& out,
                       unsigned jobs, Diagnostics& diags);

// Re-renders only `pages` into `folder`, which already holds a complete
// earlier build of the same site structure (the preview server's
// incremental rebuild). With `data_files`, also rewrites /data/*.csv|json.
void rewrite_pages(const Site& site, const Theme& theme, const RenderOptions& render,
                   const std::vector<Page>& pages, const std::filesystem::path& folder, unsigned jobs,
                   bool data_files, Diagnostics& diags);

}  // namespace eqsite
