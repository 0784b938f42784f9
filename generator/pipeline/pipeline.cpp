#include "pipeline/pipeline.hpp"

#include "pipeline/link_check.hpp"
#include "render/css_scope.hpp"
#include "render/open_data.hpp"

#include <algorithm>
#include <atomic>
#include <thread>
#include <unordered_map>

#include "render/data_tables.hpp"
#include "util/files.hpp"
#include "util/text.hpp"

namespace eqsite {

namespace fs = std::filesystem;

namespace {

unsigned worker_count(unsigned requested, std::size_t items) {
    const unsigned n = requested ? requested : std::max(1u, std::thread::hardware_concurrency());
    return static_cast<unsigned>(std::min<std::size_t>(n, std::max<std::size_t>(1, items)));
}


}  // namespace

Pipeline::Pipeline(PipelineOptions options)
    : options_(std::move(options)), state_(options_.site, options_.incremental) {}

const Diagnostics& Pipeline::load(const Changes& changes) {
    diags_ = Diagnostics{};
    if (changes.everything) state_.files.changed_everything();
    else state_.files.changed(changes.paths);
    const SiteFiles& files = list_files(changes);
    if (options_.incremental) lend_back(site_, state_);
    site_ = build_model(files, {options_.today, options_.jobs}, state_, diags_);
    load_theme_if_changed(changes);
    render_ = render_options_for(options_.base_url ? *options_.base_url : site_.config.unrecorded().trust.url);
    // Every page reads the theme's templates and the address the site is
    // published at: inputs too.
    for (const auto& [name, compiled] : theme_.compiled) {
        const InputId id = state_.names.id("theme:" + name);
        theme_.ids[name] = id;
        site_.inputs.set(id, digest_of(compiled));
    }
    render_.input = state_.names.id("render-options");
    // and the theme's words, which pages' values are made with.
    site_.inputs.set(render_.input,
                     combine(digest_of(render_.base_url + "\n" + render_.base_path), theme_.strings.digest()));
    plan();
    return diags_;
}

// The site's files: listed again, unless (in the preview) every change is
// to a file the last listing holds and that is still a file, so no file
// came or went and the listing, and what it reported, still stand.
const SiteFiles& Pipeline::list_files(const Changes& changes) {
    namespace fs = std::filesystem;
    const bool still_good =
        options_.incremental && listing_ && !changes.everything &&
        std::all_of(changes.paths.begin(), changes.paths.end(), [&](const std::string& p) {
            std::error_code ec;
            return listed_.count(p) && fs::symlink_status(options_.site / from_utf8(p), ec).type() ==
                                           fs::file_type::regular;
        });
    if (!still_good) {
        listing_diags_ = Diagnostics{};
        listing_ = find_site_files(options_.site, listing_diags_);
        listed_ = options_.incremental ? listed_paths(*listing_) : std::set<std::string>{};
    }
    diags_.append(listing_diags_);
    return *listing_;
}

// The theme's scripts that site.yaml asks for.
std::vector<std::string> Pipeline::scripts_asked_for() const {
    std::vector<std::string> out;
    const auto& asked = site_.config.unrecorded().scripts;
    if (asked.school_filter && theme_.scripts.count("school-filter.js")) out.push_back("school-filter.js");
    if (asked.print_date && theme_.scripts.count("print-date.js")) out.push_back("print-date.js");
    return out;
}

bool Pipeline::plan_still_stands(const std::vector<std::pair<fs::path, std::string>>& copied) const {
    return options_.incremental && planned_.done && !theme_reloaded_ && planned_.copied == copied &&
           std::all_of(planned_.reads.begin(), planned_.reads.end(),
                       [&](InputId id) { return InputTable::same(planned_.inputs, site_.inputs, id); });
}

// The pages and files of the site, and the checks that need them: a file
// of static/ may not replace a generated page.
void Pipeline::plan() {
    std::vector<std::pair<fs::path, std::string>> copied;
    for (const auto& c : site_.copied_files) copied.emplace_back(c.from, c.to);
    if (plan_still_stands(copied)) {
        diags_.append(planned_.diags);
        return;
    }
    // What the plan reads: the model as pages read it, and the settings
    // and tables that decide the files that are not pages.
    std::vector<InputId> reads;
    {
        InputRecorder::Scope record(reads);
        pages_ = plan_pages(site_, options_.fragments);
        InputRecorder::note(site_.config.id);
        InputRecorder::note(site_.tables.id);
    }
    // Gathered in a list and sorted once: a national site has 100 000
    // paths.
    std::vector<std::string> generated;
    generated.reserve(pages_.size() + 2 * site_.schools.unrecorded().size() + 16);
    for (const auto& p : pages_) generated.push_back(output_path(p.route));
    generated.push_back("sitemap.xml");
    generated.push_back("robots.txt");
    generated.push_back("objectives.json");
    if (options_.fragments) generated.push_back("assets/fragment.css");
    for (const auto& school : site_.schools.unrecorded()) generated.push_back("schools/" + school.slug + "/objectives.json");
    for (const auto& [name, file] : theme_.assets) generated.push_back("assets/" + name);
    for (const auto& name : scripts_asked_for()) generated.push_back("assets/" + name);
    for (const auto& t : site_.tables.unrecorded()) {
        generated.push_back("data/" + t.spec.slug + ".csv");
        generated.push_back("data/" + t.spec.slug + ".json");
    }
    std::sort(generated.begin(), generated.end());
    Diagnostics diags;
    // On Windows and macOS names that differ only in capitals (or in how
    // an accent is stored) are one file: a copied file may not take a
    // generated file's name or another copied file's in any capitals (else
    // on those systems one replaces the other). Generated names are ASCII.
    std::vector<std::string> folded;
    folded.reserve(generated.size());
    for (const auto& path : generated) folded.push_back(to_lower_ascii(path));
    std::sort(folded.begin(), folded.end());
    std::unordered_map<std::string, std::pair<std::string, std::string>> copied_folded;  // file_name_key -> where from, name
    for (const auto& c : site_.copied_files) {
        const std::string key = file_name_key(c.to);
        const Location at{relative_name(c.from, site_.root), 1, 1};
        if (std::binary_search(generated.begin(), generated.end(), c.to))
            diags.error(at, "this file would replace the generated " + c.to + "; rename or move it");
        else if (std::binary_search(folded.begin(), folded.end(), key))
            diags.error(at, "this file's name differs from a generated file's only in capitals (" + c.to +
                                "); on Windows and macOS they are one file, so it would replace it: rename or move it");
        else if (const auto [other, added] = copied_folded.try_emplace(key, std::pair{at.file, c.to}); !added)
            diags.error(at, "this file's name differs from " + other->second.first + "'s only in " +
                                (composed(c.to) == composed(other->second.second)
                                     ? "how its accents are stored (they look the same)"
                                     : "capitals") +
                                "; on Windows and macOS they are one file, so one would replace the other: rename "
                                "one of them");
    }
    files_ = std::set<std::string>(std::make_move_iterator(generated.begin()), std::make_move_iterator(generated.end()));
    for (const auto& c : site_.copied_files) files_.insert(c.to);
    ++files_version_;
    diags_.append(diags);
    if (options_.incremental) {
        std::sort(reads.begin(), reads.end());
        reads.erase(std::unique(reads.begin(), reads.end()), reads.end());
        planned_ = {site_.inputs, std::move(reads), std::move(copied), std::move(diags), true};
    }
}

// Renders `which` pages on the worker threads and writes each as it is
// done. Each page's file depends only on the page, so the output is the
// same whatever the number of threads. With `incremental`, what each page
// read is recorded for the next comparison.
std::size_t Pipeline::render(const std::vector<std::size_t>& which, OutputSink& out,
                             const std::function<void()>& alongside) {
    std::vector<std::string> errors(which.size());
    std::vector<std::vector<InputId>> reads(options_.incremental ? which.size() : 0);
    std::vector<std::string> lines(reads.size());  // sitemap lines
    // Work in units: a page and the pages for other sites that show it (a
    // school's page, its embed page and its fragment) go to one thread,
    // which makes their content once (Renderer::render).
    std::vector<std::vector<std::size_t>> units;
    std::unordered_map<std::string, std::size_t> unit_of;  // by the route shown
    for (std::size_t k = 0; k < which.size(); ++k) {
        const Page& page = pages_[which[k]];
        const std::string shown = for_other_sites(page) ? shown_page(site_, page).route : page.route;
        const auto [it, added] = unit_of.try_emplace(shown, units.size());
        if (added) units.emplace_back();
        units[it->second].push_back(k);
    }
    for (auto& unit : units)  // the page itself first, then the pages that show it
        std::stable_partition(unit.begin(), unit.end(), [&](std::size_t k) { return !for_other_sites(pages_[which[k]]); });
    std::atomic<std::size_t> next{0}, done{0};
    std::atomic<bool> alongside_taken{false};
    if (!parsed_templates_) parsed_templates_ = std::make_unique<const ParsedTemplates>(theme_);
    auto work = [&](bool reports) {
        if (alongside && !alongside_taken.exchange(true)) alongside();
        Renderer renderer(site_, theme_, *parsed_templates_, render_);
        for (std::size_t u = next++; u < units.size(); u = next++) {
            for (std::size_t k : units[u]) {
                if (reports && options_.progress) options_.progress(done.load(), which.size());
                ++done;
                const Page& page = pages_[which[k]];
                std::string error, html;
                if (options_.incremental) {
                    InputRecorder::Scope record(reads[k]);
                    html = renderer.render(page, error);
                    lines[k] = sitemap_line(site_, page, render_.base_url);
                } else {
                    html = renderer.render(page, error);
                }
                if (!error.empty())
                    errors[k] = "page " + page.route + ": template error: " + error;
                else if (!out.write(output_path(page.route), html))
                    errors[k] = "cannot write " + output_path(page.route) + " (is the disk full?)";
            }
        }
    };
    std::vector<std::thread> threads;
    for (unsigned t = 1; t < worker_count(options_.jobs, units.size()); ++t) threads.emplace_back(work, false);
    work(true);
    for (auto& t : threads) t.join();
    for (const auto& e : errors)
        if (!e.empty()) diags_.error({"theme", 1, 1}, e);
    for (std::size_t k = 0; k < reads.size(); ++k) {
        auto& r = reads[k];
        std::sort(r.begin(), r.end());
        r.erase(std::unique(r.begin(), r.end()), r.end());
        const std::string& route = pages_[which[k]].route;
        const auto [entry, added] = written_.reads.try_emplace(route);
        entry->second = std::move(r);
        written_.routes_version += added;
        const auto line = written_.sitemap.find(route);
        if (line == written_.sitemap.end() ? lines[k].empty() : line->second == lines[k]) continue;
        if (lines[k].empty()) written_.sitemap.erase(line);
        else written_.sitemap[route] = std::move(lines[k]);
        written_.sitemap_changed = true;
    }
    return which.size();
}

void Pipeline::other_files(bool data, const std::function<void(OtherFile&&)>& each) {
    auto generated = [&](std::string path, std::string bytes) {
        // Only the preview compares files by digest.
        const Digest d = options_.incremental ? digest_of(bytes) : Digest{};
        each({std::move(path), d, [b = std::move(bytes)]() mutable { return std::move(b); }, std::nullopt, {}, {}});
    };
    for (const auto& [name, file] : theme_.assets) generated("assets/" + name, file.text);
    for (const auto& name : scripts_asked_for()) generated("assets/" + name, theme_.scripts.at(name).text);
    if (options_.fragments)
        if (const auto style = theme_.assets.find("style.css"); style != theme_.assets.end())
            generated("assets/fragment.css", scope_css(style->second.text, ".eqsite-fragment"));
    std::vector<std::string> slugs;
    for (const auto& s : site_.schools.unrecorded()) slugs.push_back(s.slug);
    for (const auto& t : site_.tables.unrecorded()) {
        if (!data) break;
        generated("data/" + t.spec.slug + ".csv", table_csv(t, slugs));
        generated("data/" + t.spec.slug + ".json", table_json(t, slugs));
    }
    // The preview writes the sitemap after the pages, from their lines (write_sitemap).
    if (!options_.incremental) generated("sitemap.xml", sitemap_xml(site_, pages_, render_.base_url));
    // Made only when its fingerprint changed (every objective's JSON is a
    // large file at national size; an edit changes a few objectives).
    ObjectiveJsonCache once;  // build and check: each objective once, then dropped
    once.keep = false;
    objectives_files(site_, render_.base_url, options_.incremental ? objective_json_ : once,
                     [&](std::string path, Digest fingerprint, FilePieces make, HeldMaker held) {
                         each({std::move(path), fingerprint, {}, std::nullopt, std::move(make), std::move(held)});
                     });
    generated("robots.txt", "User-agent: *\nAllow: /\n\nSitemap: " + render_.base_url + "/sitemap.xml\n");
    for (const auto& c : site_.copied_files) {
        if (!options_.incremental) {
            each({c.to, {}, {}, c.from, {}, {}});
            continue;
        }
        // The preview compares copies by content, read only when they may have changed.
        const auto version = state_.files.look(c.from, max_data_file);
        ReadError why;
        (void)state_.files.take(c.from, max_data_file, why);  // not kept: copy() reads it
        each({c.to, version.digest, {}, c.from, {}, {}});
    }
}

bool Pipeline::put(OutputSink& out, const OtherFile& f) {
    if (f.held) return out.write_held(f.path, f.held());
    if (f.pieces) return out.write_pieces(f.path, f.pieces);
    return f.bytes ? out.write(f.path, f.bytes()) : out.copy(f.path, *f.from);
}

std::size_t Pipeline::write_all(OutputSink& out) {
    // The files that are not pages (open data is a fifth of a build's
    // work at 2 000 schools) are made by one worker while the others
    // render pages, not before them with the other cores idle.
    std::size_t files = 0;
    std::map<std::string, Digest> others;
    std::vector<std::pair<Location, std::string>> failed;
    auto write_others = [&] {
        other_files(true, [&](OtherFile&& f) {
            if (files_.count(f.path) == 0 && !f.from) return;
            if (!put(out, f))
                failed.push_back({{f.from ? relative_name(*f.from, site_.root) : f.path, 1, 1}, "cannot write " + f.path});
            if (options_.incremental) others[f.path] = f.digest;
            ++files;
        });
    };
    std::vector<std::size_t> all(pages_.size());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
    if (options_.incremental) {
        written_.reads.clear();
        ++written_.routes_version;
        written_.sitemap.clear();
        written_.others.clear();
    }
    const std::size_t pages = render(all, out, write_others);
    files += pages;
    for (const auto& [where, message] : failed) diags_.error(where, message);
    if (options_.incremental) {
        written_.sitemap_changed = true;
        files += write_sitemap(out);
        others["sitemap.xml"] = written_.others["sitemap.xml"];
        written_.inputs = site_.inputs;
        written_.others = std::move(others);
        written_.files = files_;
        written_.files_version = files_version_;
        written_.done = true;
    }
    return files;
}

namespace {
// Whether anything in the site's theme folder is a symbolic link, or a
// file with another name (a hard link): an edit is then reported under
// the link's target or the other name, not under theme/.
bool theme_through_link(const fs::path& site) {
    std::error_code ec;
    const fs::path dir = site / "theme";
    if (fs::is_symlink(dir, ec)) return true;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_symlink(ec)) return true;
        // A hard link (another name for a theme file) is edited under the other name.
        std::error_code links_ec;
        if (it->is_regular_file(links_ec) && it->hard_link_count(links_ec) > 1 && !links_ec) return true;
    }
    return false;
}
}  // namespace

// The theme (templates, partials, strings) reads only the site's theme/
// folder and the language setting, so a rebuild for other files keeps it
// (unless the folder holds a link, whose edits are reported elsewhere).
void Pipeline::load_theme_if_changed(const Changes& changes) {
    const SiteConfig& config = site_.config.unrecorded();
    const Location at = config.where("language");
    const std::string key = config.language + "\n" + at.file + ":" + std::to_string(at.line) + ":" +
                            std::to_string(at.column);
    const bool touched = changes.everything || std::any_of(changes.paths.begin(), changes.paths.end(), [](const auto& p) {
                             return p == "theme" || p.starts_with("theme/");
                         });
    theme_reloaded_ = !options_.incremental || touched || theme_for_ != key || theme_linked_;
    if (theme_reloaded_) {
        theme_diags_ = Diagnostics{};
        theme_ = load_theme(options_.site, theme_diags_, config.language, at);
        parsed_templates_.reset();
        theme_for_ = key;
        theme_linked_ = options_.incremental && theme_through_link(options_.site);
    }
    diags_.append(theme_diags_);
}

Pipeline::ChangeSet Pipeline::changes() const {
    ChangeSet cs;
    const std::vector<bool> differs = InputTable::differences(written_.inputs, site_.inputs);
    if (page_reads_for_ != std::pair{files_version_, written_.routes_version} || page_reads_.size() != pages_.size()) {
        page_reads_.assign(pages_.size(), nullptr);
        for (std::size_t i = 0; i < pages_.size(); ++i)
            if (const auto read = written_.reads.find(pages_[i].route); read != written_.reads.end())
                page_reads_[i] = &read->second;
        page_reads_for_ = {files_version_, written_.routes_version};
    }
    for (std::size_t i = 0; i < pages_.size(); ++i) {
        const std::vector<InputId>* read = page_reads_[i];
        const bool changed = !written_.done || !read || std::any_of(read->begin(), read->end(), [&](InputId id) {
                                 return id < differs.size() && differs[id];
                             });
        if (changed) cs.pages.push_back(i);
    }
    if (files_changed())  // most edits add and remove no file
        for (const auto& path : written_.files)
            if (!files_.count(path)) cs.removed.push_back(path);
    return cs;
}

std::size_t Pipeline::write_changes(OutputSink& out, const ChangeSet& cs) {
    std::size_t files = 0;
    for (const auto& path : cs.removed) {
        out.remove(path);
        written_.others.erase(path);
    }
    // Files that are not pages: written again only if their bytes changed.
    // The downloads are made again only if the tables or schools changed.
    const bool data = !InputTable::same(written_.inputs, site_.inputs, site_.tables.id) ||
                      !InputTable::same(written_.inputs, site_.inputs, site_.schools.id);
    other_files(data, [&](OtherFile&& f) {
        const auto before = written_.others.find(f.path);
        if (before != written_.others.end() && before->second == f.digest) return;
        const bool ok = put(out, f);
        if (!ok) diags_.error({f.path, 1, 1}, "cannot write " + f.path);
        written_.others[f.path] = f.digest;
        ++files;
    });
    files += render(cs.pages, out);
    if (files_changed()) {
        // Routes of pages that are gone.
        for (auto it = written_.reads.begin(); it != written_.reads.end();) {
            if (files_.count(output_path(it->first))) {
                ++it;
                continue;
            }
            written_.sitemap_changed |= written_.sitemap.erase(it->first) > 0;
            it = written_.reads.erase(it);
            ++written_.routes_version;
        }
        written_.files = files_;
    }
    written_.files_version = files_version_;
    files += write_sitemap(out);
    written_.inputs = site_.inputs;
    written_.done = true;
    return files;
}

std::size_t Pipeline::write_sitemap(OutputSink& out) {
    if (!written_.sitemap_changed) return 0;
    written_.sitemap_changed = false;
    std::string xml = sitemap_xml(written_.sitemap);
    const Digest d = digest_of(xml);
    const auto before = written_.others.find("sitemap.xml");
    if (before != written_.others.end() && before->second == d) return 0;
    if (!out.write("sitemap.xml", xml)) diags_.error({"sitemap.xml", 1, 1}, "cannot write sitemap.xml");
    written_.others["sitemap.xml"] = d;
    return 1;
}

Diagnostics check_site(const PipelineOptions& options) {
    Pipeline pipeline(options);
    pipeline.load();
    if (!pipeline.ok()) return pipeline.diagnostics();
    // Every page rendered as build would write it, into the link check.
    std::unordered_set<std::string> repeats;
    for (const auto& page : pipeline.pages())
        if (for_other_sites(page)) repeats.insert(output_path(page.route));
    LinkCheck links(pipeline.base_url(), std::move(repeats));
    pipeline.write_all(links);
    Diagnostics diags = pipeline.diagnostics();
    links.report(options.site, diags);
    return diags;
}

}  // namespace eqsite
