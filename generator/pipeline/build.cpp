#include "pipeline/build.hpp"

#include "pipeline/pipeline.hpp"
#include "util/files.hpp"
#include "write/output_folder.hpp"

namespace eqsite {

namespace fs = std::filesystem;

namespace {

// "-o public/" names the folder "public".
fs::path without_trailing_separator(fs::path p) {
    while (!p.empty() && p.filename().empty() && p.has_parent_path() && p.parent_path() != p) p = p.parent_path();
    return p;
}

}  // namespace

BuildResult build(const BuildOptions& options) {
    BuildResult result;
    result.out = without_trailing_separator(options.out ? *options.out : options.site / "public");
    if (auto why = refuse_output_folder(options.site, result.out)) {
        result.status = BuildStatus::refused;
        result.refusal = *why;
        return result;
    }

    Pipeline pipeline(
        {options.site, options.today, options.jobs, options.base_url, false, options.progress, options.fragments});
    pipeline.load();
    if (!pipeline.ok()) {
        result.diags = pipeline.diagnostics();
        result.status = BuildStatus::content_errors;
        return result;
    }

    OutputWriter writer(result.out);
    if (!writer.ok()) {
        result.status = BuildStatus::refused;
        result.refusal = writer.error();
        return result;
    }
    // Files the author put in the output folder are never replaced.
    result.diags = pipeline.diagnostics();
    const auto in_the_way = writer.user_files_in_the_way(pipeline.files());
    for (const auto& path : in_the_way)
        result.diags.error({to_utf8(result.out / from_utf8(path)), 1, 1},
                           "eqsite did not write this file, and this build would replace it with its own " + path +
                               "; move it out of the output folder (a file every build should publish, such as "
                               "CNAME, belongs in static/)");
    if (!in_the_way.empty()) {
        result.status = BuildStatus::content_errors;
        return result;
    }
    result.files = pipeline.write_all(writer);
    result.pages = pipeline.pages().size();
    result.diags = pipeline.diagnostics();
    if (result.diags.has_errors()) {
        result.status = BuildStatus::content_errors;
        return result;  // the output is untouched; the staging folder is reused next time
    }
    if (!writer.commit()) {
        result.status = BuildStatus::refused;
        result.refusal = writer.error();
    }
    result.kept = writer.kept();
    return result;
}

}  // namespace eqsite
