#include "model/build_site.hpp"

#include <algorithm>

#include "model/config.hpp"
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

std::vector<PolicySection> read_policy(const std::vector<Document>& docs, Diagnostics& diags) {
    std::vector<PolicySection> out;
    for (const auto& doc : docs) {
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

void collect_copied_files(const LoadedSite& loaded, Site& site, Diagnostics& diags) {
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

}  // namespace

Site build_model(const LoadedSite& loaded, const ModelOptions& options, Diagnostics& diags) {
    Site site;
    site.root = loaded.root;
    if (loaded.config) site.config = read_config(*loaded.config, diags);
    site.today = site.config.today ? *site.config.today : options.today ? *options.today : today_from_clock();
    if (loaded.trust_index) site.home = read_home(*loaded.trust_index, diags);
    site.policy = read_policy(loaded.policy, diags);

    for (const auto& ls : loaded.schools) site.schools.push_back(read_school(ls, loaded.root, diags));
    for (const auto& doc : loaded.trust_objectives)
        site.objectives.push_back(read_objective(doc, stem_of(file_name_of(doc.path)), std::nullopt, diags));
    const std::size_t trust_count = site.objectives.size();
    for (std::size_t s = 0; s < loaded.schools.size(); ++s)
        for (const auto& doc : loaded.schools[s].objectives)
            site.objectives.push_back(read_objective(doc, stem_of(file_name_of(doc.path)), s, diags));
    merge_objectives(site, trust_count, diags);

    site.statutory = read_statutory(loaded, diags);
    collect_copied_files(loaded, site, diags);
    warn_overdue(site, diags);
    return site;
}

Site load_site(const std::filesystem::path& root, const ModelOptions& options, Diagnostics& diags) {
    return build_model(load_site_files(root, diags), options, diags);
}

}  // namespace eqsite
