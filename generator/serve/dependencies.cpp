#include "serve/dependencies.hpp"

#include <algorithm>
#include <set>

#include "serve/site_watcher.hpp"
#include "util/files.hpp"

namespace eqsite {

namespace fs = std::filesystem;

namespace {

// FNV-1a: a fast fingerprint, only compared with itself on this machine.
std::uint64_t fingerprint(const std::string& bytes) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

// The pieces of "content/schools/<s>/objectives/<o>.md".
struct SchoolFile {
    std::string school;
    std::string objective;  // empty for index.md
};
std::optional<SchoolFile> school_file(const std::string& path) {
    const std::string prefix = "content/schools/";
    if (!starts_with(path, prefix)) return std::nullopt;
    const std::string rest = path.substr(prefix.size());
    const auto slash = rest.find('/');
    if (slash == std::string::npos) return std::nullopt;
    SchoolFile f{rest.substr(0, slash), {}};
    const std::string inner = rest.substr(slash + 1);
    if (inner == "index.md") return f;
    if (starts_with(inner, "objectives/") && inner.ends_with(".md") && inner.find('/', 11) == std::string::npos) {
        f.objective = inner.substr(11, inner.size() - 11 - 3);
        return f;
    }
    return std::nullopt;
}

class Selection {
public:
    Selection(const Site& site, const std::vector<Page>& plan) : site_(site), plan_(plan) {}

    template <typename Kind, typename Pred>
    void add(Pred pred) {
        for (std::size_t i = 0; i < plan_.size(); ++i)
            if (const auto* k = std::get_if<Kind>(&plan_[i].kind); k && pred(*k)) chosen_.insert(i);
    }
    template <typename Kind>
    void add_all() {
        add<Kind>([](const Kind&) { return true; });
    }
    void lists() {
        add_all<ObjectivesPage>();
        add_all<AimPage>();
        add_all<CharacteristicPage>();
    }
    std::optional<std::size_t> school(const std::string& slug) const {
        for (std::size_t s = 0; s < site_.schools.size(); ++s)
            if (site_.schools[s].slug == slug) return s;
        return std::nullopt;
    }
    // The objective of `school` (nullopt: trust) named `slug`.
    void objective(std::optional<std::size_t> school, const std::string& slug) {
        add<ObjectivePage>([&](const ObjectivePage& p) {
            const Objective& o = site_.objectives[p.objective];
            return o.school == school && o.slug == slug;
        });
    }
    std::vector<Page> pages() const {
        std::vector<Page> out;
        for (std::size_t i : chosen_) out.push_back(plan_[i]);
        return out;
    }

private:
    const Site& site_;
    const std::vector<Page>& plan_;
    std::set<std::size_t> chosen_;  // plan order, so output order is stable
};

}  // namespace

InputFingerprints fingerprint_inputs(const fs::path& root) {
    InputFingerprints out;
    // Only what the build may read: files inside the site, within the
    // size limit (a link out of the site is an error in the build itself).
    auto add = [&](const fs::path& p) {
        if (check_site_path(p, root).kind != EntryKind::file) return;
        ReadError why;
        if (auto bytes = read_file(p, max_data_file, why)) out[relative_name(p, root)] = fingerprint(*bytes);
    };
    std::error_code ec;
    add(root / "site.yaml");
    for (const char* dir : site_input_folders) {
        if (!fs::is_directory(root / dir, ec)) continue;
        for (fs::recursive_directory_iterator it(root / dir, fs::directory_options::skip_permission_denied, ec), end;
             !ec && it != end; it.increment(ec))
            add(it->path());
    }
    return out;
}

RebuildPlan plan_rebuild(const Site& site, const std::vector<Page>& pages, const InputFingerprints& before,
                         const InputFingerprints& now) {
    RebuildPlan plan;
    std::vector<std::string> changed;
    for (const auto& [path, print] : now) {
        const auto old = before.find(path);
        if (old == before.end()) {
            plan.everything = true;  // a new file: new pages, perhaps a new school
            return plan;
        }
        if (old->second != print) changed.push_back(path);
    }
    for (const auto& [path, print] : before)
        if (!now.count(path)) {
            plan.everything = true;  // a removed or renamed file: pages to remove
            return plan;
        }
    plan.changed_files = changed.size();

    Selection pick(site, pages);
    for (const auto& path : changed) {
        if (path == "content/trust/index.md") {
            pick.add_all<HomePage>();
        } else if (starts_with(path, "content/trust/policy/")) {
            pick.add_all<PolicyPage>();
        } else if (starts_with(path, "content/trust/objectives/") && path.ends_with(".md")) {
            const std::string slug = path.substr(25, path.size() - 25 - 3);
            pick.objective(std::nullopt, slug);
            pick.add_all<SchoolPage>();
            pick.add_all<HomePage>();
            pick.add_all<ReviewPage>();  // overdue objectives are listed there
            pick.lists();
        } else if (auto f = school_file(path)) {
            const auto s = pick.school(f->school);
            if (!s) {
                plan.everything = true;
                return plan;
            }
            pick.add<SchoolPage>([&](const SchoolPage& p) { return p.school == *s; });
            pick.add_all<HomePage>();
            pick.lists();
            if (f->objective.empty()) {
                // Its logo may have changed too: copy the school's files again.
                const std::string prefix = "schools/" + f->school + "/";
                for (const auto& c : site.copied_files)
                    if (starts_with(c.to, prefix)) plan.copies.push_back(c);
                // The school's name, branding and dates appear on all of these.
                pick.add<ObjectivePage>([&](const ObjectivePage& p) {
                    const auto owner = site.objectives[p.objective].school;
                    return !owner || *owner == *s;
                });
                pick.add_all<ReviewPage>();
                pick.add<AccessibilityPlanPage>([&](const AccessibilityPlanPage& p) { return p.school == *s; });
            } else {
                pick.objective(*s, f->objective);
                pick.add_all<ReviewPage>();
            }
        } else if (starts_with(path, "data/")) {
            pick.add_all<SchoolPage>();
            pick.add_all<DataPage>();
            plan.data_files = true;
        } else if (starts_with(path, "static/")) {
            const std::string to = path.substr(7);
            const auto copied = std::find_if(site.copied_files.begin(), site.copied_files.end(),
                                             [&](const CopiedFile& c) { return c.to == to; });
            if (copied == site.copied_files.end()) {
                plan.everything = true;
                return plan;
            }
            plan.copies.push_back(*copied);
        } else {
            plan.everything = true;  // site.yaml, theme/, built-in text overrides, school logos
            return plan;
        }
    }
    plan.pages = pick.pages();
    return plan;
}

}  // namespace eqsite
