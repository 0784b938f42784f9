#include "write/build.hpp"

#include <algorithm>
#include <atomic>
#include <set>
#include <thread>

#include "model/build_site.hpp"
#include "render/data_tables.hpp"
#include "render/pages.hpp"
#include "util/files.hpp"
#include "util/text.hpp"
#include "write/output_folder.hpp"

namespace eqsite {

namespace fs = std::filesystem;

namespace {

unsigned worker_count(unsigned requested, std::size_t pages) {
    unsigned n = requested ? requested : std::max(1u, std::thread::hardware_concurrency());
    return static_cast<unsigned>(std::min<std::size_t>(n, std::max<std::size_t>(1, pages)));
}

// Renders and writes pages on `jobs` threads. Each page's file depends only
// on the page, so the output is the same whatever the number of threads.
void render_pages(const Site& site, const Theme& theme, const RenderOptions& render_options,
                  const std::vector<Page>& pages, OutputSink& out, unsigned jobs, Diagnostics& diags) {
    std::vector<std::string> errors(pages.size());
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        Renderer renderer(site, theme, render_options);
        for (std::size_t i = next++; i < pages.size(); i = next++) {
            std::string error;
            const std::string html = renderer.render(pages[i], error);
            if (!error.empty())
                errors[i] = "page " + pages[i].route + ": template error: " + error;
            else if (!out.write(output_path(pages[i].route), html))
                errors[i] = "cannot write " + output_path(pages[i].route) + " (is the disk full?)";
        }
    };
    std::vector<std::thread> threads;
    for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(work);
    work();
    for (auto& t : threads) t.join();
    for (const auto& e : errors)
        if (!e.empty()) diags.error({"theme", 1, 1}, e);
}

std::string sitemap(const std::vector<Page>& pages, const std::string& base_url) {
    std::vector<std::string> routes;
    for (const auto& p : pages)
        if (!std::holds_alternative<NotFoundPage>(p.kind)) routes.push_back(p.route);
    std::sort(routes.begin(), routes.end());
    std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    for (const auto& r : routes) xml += "  <url><loc>" + html_escape(base_url + r) + "</loc></url>\n";
    xml += "</urlset>\n";
    return xml;
}

}  // namespace

// /data/<table>.csv and .json: every published figure of each table.
static std::size_t write_data_files(const Site& site, OutputSink& out, Diagnostics& diags) {
    std::vector<std::string> slugs;
    for (const auto& s : site.schools) slugs.push_back(s.slug);
    std::size_t files = 0;
    for (const auto& t : *site.tables) {
        for (const auto& [ext, text] : {std::pair{".csv", table_csv(t, slugs)}, std::pair{".json", table_json(t, slugs)}}) {
            if (!out.write("data/" + t.spec.slug + ext, text))
                diags.error({t.spec.csv_source, 1, 1}, std::string("cannot write data/") + t.spec.slug + ext);
            ++files;
        }
    }
    return files;
}

std::set<std::string> planned_files(const Site& site, const Theme& theme, const std::vector<Page>& pages) {
    std::set<std::string> generated;
    for (const auto& p : pages) generated.insert(output_path(p.route));
    generated.insert("sitemap.xml");
    generated.insert("robots.txt");
    for (const auto& [name, file] : theme.assets) generated.insert("assets/" + name);
    for (const auto& t : *site.tables) {
        generated.insert("data/" + t.spec.slug + ".csv");
        generated.insert("data/" + t.spec.slug + ".json");
    }
    return generated;
}

std::size_t write_site(const Site& site, const Theme& theme, const RenderOptions& render, OutputSink& out,
                       unsigned jobs, Diagnostics& diags) {
    const std::vector<Page> pages = plan_pages(site);
    const std::set<std::string> generated = planned_files(site, theme, pages);

    // Copied files first: one that would overwrite a generated page is an error.
    std::size_t files = 0;
    for (const auto& c : site.copied_files) {
        if (generated.count(c.to)) {
            diags.error({relative_name(c.from, site.root), 1, 1},
                        "this file would replace the generated " + c.to + "; rename or move it");
            continue;
        }
        if (!out.copy(c.to, c.from)) diags.error({relative_name(c.from, site.root), 1, 1}, "cannot copy this file");
        ++files;
    }
    for (const auto& [name, file] : theme.assets) {
        if (!out.write("assets/" + name, file.text)) diags.error({file.source, 1, 1}, "cannot write assets/" + name);
        ++files;
    }
    render_pages(site, theme, render, pages, out, worker_count(jobs, pages.size()), diags);
    files += pages.size();
    files += write_data_files(site, out, diags);
    out.write("sitemap.xml", sitemap(pages, render.base_url));
    out.write("robots.txt", "User-agent: *\nAllow: /\n\nSitemap: " + render.base_url + "/sitemap.xml\n");
    return files + 2;
}

namespace {

// "-o public/" names the folder "public".
fs::path without_trailing_separator(fs::path p) {
    while (!p.empty() && p.filename().empty() && p.has_parent_path() && p.parent_path() != p) p = p.parent_path();
    return p;
}

}  // namespace

BuildResult build(const BuildOptions& options) {
    BuildResult result;
    const fs::path site_root = options.site;
    result.out = without_trailing_separator(options.out ? *options.out : site_root / "public");
    if (auto why = refuse_output_folder(site_root, result.out)) {
        result.status = BuildStatus::refused;
        result.refusal = *why;
        return result;
    }

    Site site = load_site(site_root, {options.today, options.jobs}, result.diags);
    const Theme theme = load_theme(site_root, result.diags);
    if (result.diags.has_errors()) {
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
    std::set<std::string> files = planned_files(site, theme, plan_pages(site));
    for (const auto& c : site.copied_files) files.insert(c.to);
    const auto in_the_way = writer.user_files_in_the_way(files);
    for (const auto& path : in_the_way)
        result.diags.error({to_utf8(result.out / from_utf8(path)), 1, 1},
                           "eqsite did not write this file, and this build would replace it with its own " + path +
                               "; move it out of the output folder (a file every build should publish, such as "
                               "CNAME, belongs in static/)");
    if (!in_the_way.empty()) {
        result.status = BuildStatus::content_errors;
        return result;
    }
    const RenderOptions render = render_options_for(options.base_url ? *options.base_url : site.config->trust.url);
    result.files = write_site(site, theme, render, writer, options.jobs, result.diags);
    result.pages = plan_pages(site).size();
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

void rewrite_pages(const Site& site, const Theme& theme, const RenderOptions& render, const std::vector<Page>& pages,
                   const fs::path& folder, unsigned jobs, bool data_files, Diagnostics& diags) {
    FolderSink out(folder);
    render_pages(site, theme, render, pages, out, worker_count(jobs, pages.size()), diags);
    if (data_files) write_data_files(site, out, diags);
}

}  // namespace eqsite
