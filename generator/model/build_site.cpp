#include "model/build_site.hpp"

#include <algorithm>
#include <atomic>
#include <thread>

#include "model/accessibility_plan.hpp"
#include "model/config.hpp"
#include "model/data_table.hpp"
#include "model/objective.hpp"
#include "model/review.hpp"
#include "model/school.hpp"
#include "model/statutory.hpp"
#include "util/files.hpp"
#include "util/text.hpp"

namespace eqsite {
namespace {

std::string file_name_of(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

Text read_home(const Document& doc, Diagnostics& diags) {
    Fields f(doc.front, doc.path, doc.front_first_line, diags);
    Text t{f.text("title", Need::required).value_or(""), f.text("summary").value_or(""), doc.body, doc.path};
    f.finish();
    return t;
}

std::vector<PolicySection> read_policy(const SiteFiles& files, bool unsafe_html, Diagnostics& diags) {
    std::vector<PolicySection> out;
    for (const auto& file : files.policy) {
        const auto parsed = read_document(files.root, file, unsafe_html, diags);
        if (!parsed) continue;
        const Document& doc = *parsed;
        Fields f(doc.front, doc.path, doc.front_first_line, diags);
        PolicySection p;
        p.slug = stem_of(file_name_of(doc.path));
        p.title = f.text("title", Need::required).value_or(p.slug);
        p.weight = f.integer("weight").value_or(0);
        p.markdown = doc.body;
        p.source = doc.path;
        f.finish();
        out.push_back(std::move(p));
    }
    // Weight first; equal weights by file name (the documents are already
    // in file-name order, and the sort is stable).
    std::stable_sort(out.begin(), out.end(),
                     [](const PolicySection& a, const PolicySection& b) { return a.weight < b.weight; });
    return out;
}

// Trust objectives on every school unless excluded; each school's own after.
void merge_objectives(Site& site, std::size_t trust_count, Diagnostics& diags) {
    std::vector<std::string> trust_slugs;
    for (std::size_t i = 0; i < trust_count; ++i) trust_slugs.push_back(site.objectives[i].slug);
    for (std::size_t s = 0; s < site.schools.size(); ++s) {
        School& school = site.schools[s];
        for (const auto& ex : school.excluded_trust_objectives) {
            if (std::find(trust_slugs.begin(), trust_slugs.end(), ex.value) != trust_slugs.end()) continue;
            std::string msg = "\"" + ex.value + "\" is not a trust objective";
            if (auto guess = nearest(ex.value, trust_slugs)) msg += "; did you mean \"" + *guess + "\"?";
            msg += trust_slugs.empty() ? " (the trust has no objectives in content/trust/objectives)"
                                       : " Trust objectives are named after their files: " + join(trust_slugs, ", ");
            diags.error(ex.where, msg);
        }
        auto excluded = [&](const std::string& slug) {
            return std::any_of(school.excluded_trust_objectives.begin(), school.excluded_trust_objectives.end(),
                               [&](const Located<std::string>& e) { return e.value == slug; });
        };
        for (std::size_t i = 0; i < trust_count; ++i)
            if (!excluded(site.objectives[i].slug)) school.objectives.push_back(i);
        for (std::size_t i = trust_count; i < site.objectives.size(); ++i)
            if (site.objectives[i].school == s) school.objectives.push_back(i);
    }
    for (std::size_t i = 0; i < site.objectives.size(); ++i) {
        for (Aim a : site.objectives[i].aims) site.by_aim[static_cast<std::size_t>(a)].push_back(i);
        for (Characteristic c : site.objectives[i].characteristics)
            site.by_characteristic[static_cast<std::size_t>(c)].push_back(i);
    }
}

void collect_copied_files(const SiteFiles& loaded, Site& site, Diagnostics& diags) {
    for (const auto& f : loaded.static_files) site.copied_files.push_back({f.from, f.to});
    if (const auto& logo = site.config.trust.logo) {
        const std::string under_static = logo->substr(std::string("static/").size());
        const bool found = std::any_of(loaded.static_files.begin(), loaded.static_files.end(),
                                       [&](const StaticFile& f) { return f.to == under_static; });
        if (!found) {
            diags.error({"site.yaml", 1, 1}, "the trust logo \"" + *logo + "\" was not found; put the file there "
                                             "or correct trust.logo");
            site.config.trust.logo.reset();
        }
    }
    for (std::size_t s = 0; s < site.schools.size(); ++s) {
        const School& school = site.schools[s];
        if (!school.logo) continue;
        site.copied_files.push_back({site.root / from_utf8(loaded.schools[s].folder) / from_utf8(*school.logo),
                                     "schools/" + school.slug + "/" + *school.logo});
    }
}

// Reads, checks and publishes each data table. The source figures live
// only inside this function: the model keeps what may be published.
void read_tables(const SiteFiles& files, Site& site, Diagnostics& diags) {
    std::vector<std::string> slugs;
    for (const auto& s : site.schools) slugs.push_back(s.slug);
    std::vector<DataTable> tables;
    for (const auto& d : files.data) {
        ReadError yaml_error, csv_error;
        const auto yaml = read_file(d.yaml, max_text_file, yaml_error);
        const auto csv = read_file(d.csv, max_data_file, csv_error);
        const std::string yaml_rel = relative_name(d.yaml, files.root), csv_rel = relative_name(d.csv, files.root);
        if (!yaml) diags.error({yaml_rel, 1, 1}, read_error_message(yaml_error, max_text_file));
        if (!csv) diags.error({csv_rel, 1, 1}, read_error_message(csv_error, max_data_file));
        if (!yaml || !csv) continue;
        auto table = read_data_table(d.slug, yaml_rel, *yaml, csv_rel, *csv, slugs, site.config.suppression.threshold,
                                     site.config.suppression.staff_threshold, diags);
        if (table) tables.push_back(std::move(*table));
    }
    // All tables at once: those that share figures are protected together.
    site.tables = publish_tables(tables, diags);
    for (std::size_t t = 0; t < site.tables.size(); ++t)
        for (std::size_t g = 0; g < site.tables[t].schools.size(); ++g)
            site.schools[*site.tables[t].schools[g].school].tables.push_back({t, g});
}

// One school's index.md and objectives, read together on a worker thread.
struct SchoolResult {
    School school;
    std::vector<Objective> objectives;
    Diagnostics diags;
};

SchoolResult read_school_folder(const SiteFiles& files, std::size_t s, bool unsafe_html) {
    SchoolResult r;
    const SchoolFiles& sf = files.schools[s];
    std::optional<Document> index;
    if (sf.index) index = read_document(files.root, *sf.index, unsafe_html, r.diags);
    r.school = read_school(sf, index ? &*index : nullptr, files.root, r.diags);
    for (const auto& file : sf.objectives)
        if (auto doc = read_document(files.root, file, unsafe_html, r.diags))
            r.objectives.push_back(read_objective(*doc, stem_of(file_name_of(doc->path)), s, r.diags));
    if (sf.accessibility_plan)
        if (auto doc = read_document(files.root, *sf.accessibility_plan, unsafe_html, r.diags))
            r.school.accessibility_plan = read_accessibility_plan(*doc, r.school.name, r.diags);
    return r;
}

// Reads every school folder on `jobs` threads. Each result has its own slot,
// so the model is the same whatever the number of threads.
std::vector<SchoolResult> read_schools(const SiteFiles& files, unsigned jobs, bool unsafe_html) {
    std::vector<SchoolResult> results(files.schools.size());
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i = next++; i < results.size(); i = next++) results[i] = read_school_folder(files, i, unsafe_html);
    };
    const unsigned threads = std::min<unsigned>(jobs ? jobs : std::max(1u, std::thread::hardware_concurrency()),
                                                static_cast<unsigned>(std::max<std::size_t>(1, results.size())));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    return results;
}

}  // namespace

Site build_model(const SiteFiles& files, const ModelOptions& options, Diagnostics& diags) {
    Site site;
    site.root = files.root;
    if (files.config) {
        ReadError why;
        if (auto bytes = read_file(*files.config, max_text_file, why)) {
            if (auto yaml = load_yaml_file("site.yaml", *bytes, diags)) {
                site.config = read_config(*yaml, diags);
                site.config.read = true;
            }
        } else {
            diags.error({"site.yaml", 1, 1}, read_error_message(why, max_text_file));
        }
    }
    site.today = site.config.today ? *site.config.today : options.today ? *options.today : today_from_clock();
    const bool unsafe = site.config.markdown.unsafe_html;
    if (files.trust_index)
        if (auto doc = read_document(files.root, *files.trust_index, unsafe, diags)) site.home = read_home(*doc, diags);
    site.policy = read_policy(files, unsafe, diags);

    for (const auto& file : files.trust_objectives)
        if (auto doc = read_document(files.root, file, unsafe, diags))
            site.objectives.push_back(read_objective(*doc, stem_of(file_name_of(doc->path)), std::nullopt, diags));
    const std::size_t trust_count = site.objectives.size();
    if (files.trust_accessibility_plan)
        if (auto doc = read_document(files.root, *files.trust_accessibility_plan, unsafe, diags))
            site.accessibility_plan = read_accessibility_plan(*doc, site.config.trust.name, diags);
    for (auto& r : read_schools(files, options.jobs, unsafe)) {
        site.schools.push_back(std::move(r.school));
        for (auto& o : r.objectives) site.objectives.push_back(std::move(o));
        diags.append(r.diags);
    }
    merge_objectives(site, trust_count, diags);

    read_tables(files, site, diags);
    site.statutory = read_statutory(files, unsafe, diags);
    collect_copied_files(files, site, diags);
    // Without a readable site.yaml every date would be "missing": the
    // error about site.yaml says all there is to say.
    if (site.config.read) warn_review(site, diags);
    return site;
}

Site load_site(const std::filesystem::path& root, const ModelOptions& options, Diagnostics& diags) {
    return build_model(find_site_files(root, diags), options, diags);
}

}  // namespace eqsite
