#include "serve/preview_site.hpp"

namespace eqsite {

namespace {
PipelineOptions incremental(PipelineOptions options) {
    options.incremental = true;
    return options;
}
}  // namespace

PreviewSite::PreviewSite(PipelineOptions options, const std::filesystem::path& work)
    : pipeline_(incremental(std::move(options))), files_(work) {}

PreviewSite::Report PreviewSite::rebuild(const Changes& changes) {
    Report report;
    pipeline_.load(changes);
    if (pipeline_.ok()) {
        const auto cs = pipeline_.changes();
        const std::size_t total = pipeline_.pages().size();
        // Most of the site changed: a new full build is cheaper than
        // holding it all in memory over the old one.
        report.full = files_.empty() || cs.pages.size() > 500 || cs.pages.size() * 2 > total;
        auto next = report.full ? files_.start_full() : files_.start_changes();
        const std::size_t written = report.full ? pipeline_.write_all(*next) : pipeline_.write_changes(*next, cs);
        report.pages_rendered = report.full ? total : cs.pages.size();
        if (pipeline_.ok()) {
            files_.publish(std::move(next));
            report.ok = true;
            if (report.full)
                report.summary = "Built every page (" + std::to_string(written) + " files)";
            else
                report.summary = "Rebuilt " + std::to_string(cs.pages.size()) + " of " + std::to_string(total) +
                                 " pages for " + std::to_string(changes.paths.size()) +
                                 (changes.paths.size() == 1 ? " changed file" : " changed files");
        } else {
            pipeline_.forget_written();  // the next build starts from nothing
        }
    }
    report.messages = pipeline_.diagnostics().sorted_without_notes();
    return report;
}

std::string PreviewSite::base_path() const { return render_options_for(pipeline_.base_url()).base_path; }

}  // namespace eqsite
