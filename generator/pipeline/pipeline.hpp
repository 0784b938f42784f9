// The one pipeline that `check`, `build` and `serve` share, so they cannot
// disagree: load (find and read the site's files) -> model (validate and
// merge) -> plan (which pages and files the site has) -> render (every
// page) -> write (to an OutputSink: the output folder, the preview's
// files, or nowhere for `check`).
//
// The preview server keeps one Pipeline for its whole run
// (`incremental`): load() then reads only the files that changed and
// reuses what was made of the others (model/build_site.hpp), and
// write_changes() renders only the pages whose recorded inputs changed
// (model/recorded.hpp) and removes what is gone.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "load/site_files.hpp"
#include "model/build_site.hpp"
#include "render/open_data.hpp"
#include "render/pages.hpp"
#include "render/renderer.hpp"
#include "render/theme.hpp"
#include "util/diagnostics.hpp"
#include "write/output_folder.hpp"

namespace eqsite {

struct PipelineOptions {
    std::filesystem::path site = ".";
    std::optional<Date> today;                 // --today
    unsigned jobs = 0;                         // 0: one per core
    std::optional<std::string> base_url;       // default: trust.url in site.yaml
    bool incremental = false;                  // serve: keep what was read, record what pages read
    // Called for each page one of the threads renders, with how many are
    // done out of how many (build's progress line; it decides how often to
    // print).
    std::function<void(std::size_t done, std::size_t total)> progress;
    bool fragments = false;  // build --fragments: pages to paste into other sites, and their stylesheet
};

// What the watcher saw change since the last load (serve).
struct Changes {
    std::vector<std::string> paths;  // site-relative
    bool everything = false;         // it lost track: check every file
};

class Pipeline {
public:
    explicit Pipeline(PipelineOptions options);

    // Reads the site (again): load, model, theme and page plan, with every
    // check that does not need an output folder. Returns all of this
    // load's diagnostics.
    const Diagnostics& load(const Changes& changes = {});
    bool ok() const { return !diags_.has_errors(); }
    const Diagnostics& diagnostics() const { return diags_; }

    const Site& site() const { return site_; }
    const std::vector<Page>& pages() const { return pages_; }
    // The site's address the pages link with (--base-url, else trust.url).
    const std::string& base_url() const { return render_.base_url; }
    // Every file the output will hold (output-relative paths).
    const std::set<std::string>& files() const { return files_; }

    // Renders every page and writes every file of the site to `out`.
    // Template errors join diagnostics(). Returns the number of files.
    std::size_t write_all(OutputSink& out);

    // What write_changes() would do: the pages whose recorded inputs, or
    // whose template, changed since the last write, and the files that
    // are no longer part of the site.
    struct ChangeSet {
        std::vector<std::size_t> pages;   // indices into pages()
        std::vector<std::string> removed;
    };
    ChangeSet changes() const;
    // Writes only `changes` (and updates what the next comparison uses).
    // Needs an earlier write_all() or write_changes() on the same output.
    std::size_t write_changes(OutputSink& out, const ChangeSet& changes);
    // The last write was thrown away (it had errors): compare the next one
    // with nothing, so it is written in full.
    void forget_written() {
        const std::uint64_t routes = written_.routes_version + 1;  // page_reads_ points into what is dropped
        written_ = Written{};
        written_.routes_version = routes;
    }

private:
    void plan();
    const SiteFiles& list_files(const Changes& changes);
    void load_theme_if_changed(const Changes& changes);
    std::vector<std::string> scripts_asked_for() const;
    // `alongside`, if given, is done by the first worker free, while the
    // others render pages.
    std::size_t render(const std::vector<std::size_t>& pages, OutputSink& out,
                       const std::function<void()>& alongside = {});
    // The bytes of every file that is not a page, with a digest each.
    struct OtherFile {
        std::string path;
        // What the preview compares with the last write: the digest of
        // the bytes, or of what they are made from (open data).
        Digest digest;
        std::function<std::string()> bytes;         // generated (data, sitemap, robots, assets), made when called
        std::optional<std::filesystem::path> from;  // or copied from the site
        FilePieces pieces;                          // or made in pieces (open data)
        HeldMaker held;                             // or pieces the preview holds (open data)
    };
    // Writes `f` to `out`; false if it could not.
    static bool put(OutputSink& out, const OtherFile& f);
    // Each file that is not a page, made one at a time and handed to `each`
    // (so a national site's downloads are never all in memory at once).
    // `data`: the downloads too.
    void other_files(bool data, const std::function<void(OtherFile&&)>& each);

    PipelineOptions options_;
    ModelState state_;
    Diagnostics diags_;
    Site site_;
    Theme theme_;
    // What the theme was loaded for, and what loading it reported: the
    // preview loads it again only when a theme file or the language changed.
    std::optional<std::string> theme_for_;
    bool theme_linked_ = false;  // loaded again every time: see theme_through_link()
    bool theme_reloaded_ = true;  // by this load (its assets are files of the plan)
    Diagnostics theme_diags_;
    // The theme's templates parsed, for every worker's renderer: made when
    // first rendered after the theme is loaded.
    std::unique_ptr<const ParsedTemplates> parsed_templates_;
    RenderOptions render_;
    std::vector<Page> pages_;
    std::set<std::string> files_;
    std::uint64_t files_version_ = 0;  // counts the plans that made files_
    // Whether the last write was of other files than the plan's.
    bool files_changed() const { return written_.files_version != files_version_ && written_.files != files_; }
    // What the plan was made from (incremental): the inputs it read, the
    // files copied from static/, and what it reported. The preview plans
    // again only when one of them changed (most edits change what a page
    // says, not which pages there are).
    struct Planned {
        InputTable inputs;
        std::vector<InputId> reads;
        std::vector<std::pair<std::filesystem::path, std::string>> copied;
        Diagnostics diags;
        bool done = false;
    } planned_;
    bool plan_still_stands(const std::vector<std::pair<std::filesystem::path, std::string>>& copied) const;
    ObjectiveJsonCache objective_json_;  // incremental: each objective's JSON, kept between rebuilds
    // The last listing of the site's files, its paths and what it reported.
    std::optional<SiteFiles> listing_;
    std::set<std::string> listed_;
    Diagnostics listing_diags_;

    // What the last write was made from (incremental only).
    struct Written {
        InputTable inputs;
        std::unordered_map<std::string, std::vector<InputId>> reads;  // by route
        std::map<std::string, Digest> others;                         // other files by path
        std::set<std::string> files;
        std::uint64_t files_version = 0;  // files_version_ when written: equal means the same files
        // Each page's line of the sitemap, worked out with the page (so
        // from the same recorded inputs), by route; and whether one
        // changed since the sitemap was last written.
        std::map<std::string, std::string> sitemap;
        bool sitemap_changed = false;
        bool done = false;
        std::uint64_t routes_version = 0;  // counts changes to which routes `reads` holds
    } written_;
    // Each page's entry of written_.reads, in the order of pages_, so
    // changes() finds them without looking up 20 000 routes on each edit.
    // Made again when the plan or the routes of written_.reads changed.
    mutable std::vector<const std::vector<InputId>*> page_reads_;
    mutable std::pair<std::uint64_t, std::uint64_t> page_reads_for_{~0ull, ~0ull};
    // The preview's sitemap, from written_.sitemap, if a line changed.
    // Returns the number of files written (0 or 1).
    std::size_t write_sitemap(OutputSink& out);
};

// `eqsite check`: everything `build` does except writing, including
// rendering every page (so a template error is found), with no output.
Diagnostics check_site(const PipelineOptions& options);

}  // namespace eqsite
