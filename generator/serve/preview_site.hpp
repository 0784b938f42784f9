// What `eqsite serve` shows, without the web server: the site built by one
// incremental Pipeline into ServedFiles, rebuilt after each change.
//
// After an edit, the pipeline reads only the changed files and renders only
// the pages whose recorded inputs changed (pipeline/pipeline.hpp); those go
// in memory over the last full build. A change that touches most pages (a
// template, site.yaml) is built in full into a new folder instead. While the
// content has errors, the last good version stays served.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "pipeline/pipeline.hpp"
#include "serve/served_files.hpp"

namespace eqsite {

class PreviewSite {
public:
    // Full builds go under `work`, a private folder that must exist.
    PreviewSite(PipelineOptions options, const std::filesystem::path& work);

    struct Report {
        bool ok = false;                   // the site had no errors, and what is served is now it
        std::vector<Diagnostic> messages;  // errors and warnings (no notes), sorted
        std::string summary;               // "Rebuilt 3 of 66 pages for 1 changed file"
        std::size_t pages_rendered = 0;
        bool full = false;                 // built in full (a new folder)
    };
    // Builds everything the first time; after that, what `changes` concern.
    // Files nobody reported are taken as unchanged (see load/file_store.hpp),
    // so without a report every file is looked at again.
    Report rebuild(const Changes& changes = {{}, true});

    const ServedFiles& files() const { return files_; }
    // Where the site lives on its host ("/" or "/equality/", from trust.url):
    // the preview serves it there too, so its links work.
    std::string base_path() const;

private:
    Pipeline pipeline_;
    ServedFiles files_;
};

}  // namespace eqsite
