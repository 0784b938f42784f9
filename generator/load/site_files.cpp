#include "load/site_files.hpp"

#include <algorithm>
#include <set>

#include "load/markdown_check.hpp"
#include "util/files.hpp"
#include "util/text.hpp"

namespace eqsite {
namespace {

namespace fs = std::filesystem;

struct Reader {
    fs::path root;
    Diagnostics& diags;

    std::set<fs::path> blocked;  // folders already reported as links out of the site

    std::string rel(const fs::path& p) const { return relative_name(p, root); }

    // Whether the folders on the way down to `p` (and `p` itself, when
    // `including_path`) are in the site: the folders the site format names
    // are reached by their names, not listed, so a link out of the site
    // among them is an error at the link, reported once, and nothing
    // beyond it is read.
    bool reachable(const fs::path& p, bool including_path) {
        const auto problem = folder_problem(p, root, including_path);
        if (!problem) return true;
        if (blocked.insert(problem->folder).second) diags.error({rel(problem->folder), 1, 1}, problem->problem);
        return false;
    }

    // The visible entries of `dir` that can be read; links out of the site,
    // loops and special files are errors at their path, and left out.
    std::vector<DirEntry> entries(const fs::path& dir) {
        if (!reachable(dir, true)) return {};
        auto all = list_visible(dir, root);
        for (const auto& e : all)
            if (e.kind == EntryKind::problem && blocked.insert(dir / from_utf8(e.name)).second)
                diags.error({rel(dir / from_utf8(e.name)), 1, 1}, e.problem);
        std::erase_if(all, [](const DirEntry& e) { return e.kind == EntryKind::problem; });
        return all;
    }

    // A path the site format names (site.yaml, content/trust/index.md):
    // a problem is an error at the path, and the path counts as missing.
    bool is_file(const fs::path& p) {
        std::error_code ec;
        if (!reachable(p, false) || !fs::exists(fs::symlink_status(p, ec))) return false;
        const PathCheck c = check_site_path(p, root);
        if (c.kind == EntryKind::problem) diags.error({rel(p), 1, 1}, c.problem);
        return c.kind == EntryKind::file;
    }
    bool is_dir(const fs::path& p) {
        std::error_code ec;
        if (!reachable(p, false) || !fs::exists(fs::symlink_status(p, ec))) return false;
        const PathCheck c = check_site_path(p, root);
        if (c.kind == EntryKind::problem) diags.error({rel(p), 1, 1}, c.problem);
        return c.kind == EntryKind::directory;
    }

    // Checks that a file or folder name is a slug; returns the slug to use.
    std::string slug(const fs::path& path, const std::string& name, const char* what) {
        if (is_valid_slug(name)) return name;
        diags.error({rel(path), 1, 1}, invalid_slug_message(name, what));
        const std::string suggestion = suggest_slug(name);
        return suggestion.empty() ? name : suggestion;
    }

    // Every visible *.md file in `dir`, in name order.
    std::vector<fs::path> markdown_files(const fs::path& dir, const char* what) {
        std::vector<fs::path> out;
        for (const auto& entry : entries(dir)) {
            const fs::path path = dir / from_utf8(entry.name);
            if (entry.is_directory() || !entry.name.ends_with(".md")) {
                diags.warning({rel(path), 1, 1}, "ignored: only .md files are read in " + rel(dir) +
                                                     " (start the name with \"_\" to silence this warning)");
                continue;
            }
            slug(path, stem_of(entry.name), what);
            out.push_back(path);
        }
        return out;
    }

    // data/<table>.csv + data/<table>.yaml pairs; a file without its
    // partner is an error, anything else a warning.
    std::vector<DataFiles> data_files(const fs::path& dir) {
        std::vector<DataFiles> out;
        const auto listed = entries(dir);
        auto has = [&](const std::string& name) {
            return std::any_of(listed.begin(), listed.end(), [&](const auto& e) { return e.is_file() && e.name == name; });
        };
        for (const auto& entry : listed) {
            const fs::path path = dir / from_utf8(entry.name);
            const bool csv = entry.name.ends_with(".csv"), yaml = entry.name.ends_with(".yaml");
            if (entry.is_directory() || (!csv && !yaml)) {
                diags.warning({rel(path), 1, 1}, "ignored: data/ holds <table>.csv files, each with a "
                                                 "<table>.yaml description");
                continue;
            }
            const std::string stem = entry.name.substr(0, entry.name.size() - (csv ? 4 : 5));
            const std::string partner = stem + (csv ? ".yaml" : ".csv");
            if (!has(partner)) {
                diags.error({rel(path), 1, 1},
                            csv ? "this table has no description: create data/" + partner +
                                      " with its title, kind, about, groups and measures (see the README)"
                                : "this description has no figures: create data/" + partner +
                                      " (or remove or rename this file to start with \"_\")");
                continue;
            }
            if (!csv) continue;  // the pair is recorded once, from its .csv
            out.push_back({slug(path, stem, "data table"), path, dir / from_utf8(partner)});
        }
        return out;
    }

    void static_tree(const fs::path& dir, const std::string& prefix, std::vector<StaticFile>& out, int depth = 0) {
        constexpr int deepest = 32;  // links inside the site can still make a long chain
        if (depth > deepest) {
            diags.error({rel(dir), 1, 1}, "folders nest more than " + std::to_string(deepest) +
                                              " deep here; check for folder links that lead into each other");
            return;
        }
        for (const auto& entry : entries(dir)) {
            const fs::path path = dir / from_utf8(entry.name);
            const std::string to = prefix.empty() ? entry.name : prefix + "/" + entry.name;
            if (entry.is_directory())
                static_tree(path, to, out, depth + 1);
            else
                out.push_back({path, to});
        }
    }
};

}  // namespace

std::string stem_of(const std::string& file_name) {
    return file_name.ends_with(".md") ? file_name.substr(0, file_name.size() - 3) : file_name;
}

const std::vector<std::string>& statutory_paths() {
    static const std::vector<std::string> paths = {
        "duty.md",
        "equality-information.md",
        "aims/eliminate-discrimination.md",
        "aims/advance-equality.md",
        "aims/foster-good-relations.md",
        "characteristics/age.md",
        "characteristics/disability.md",
        "characteristics/gender-reassignment.md",
        "characteristics/marriage-and-civil-partnership.md",
        "characteristics/pregnancy-and-maternity.md",
        "characteristics/race.md",
        "characteristics/religion-or-belief.md",
        "characteristics/sex.md",
        "characteristics/sexual-orientation.md",
    };
    return paths;
}

std::optional<Document> read_document(const fs::path& root, const fs::path& file, bool unsafe_html,
                                      Diagnostics& diags) {
    const std::string rel = relative_name(file, root);
    ReadError why;
    auto bytes = read_file(file, max_text_file, why);
    if (!bytes) {
        diags.error({rel, 1, 1}, read_error_message(why, max_text_file));
        return std::nullopt;
    }
    return parse_site_document(rel, *bytes, unsafe_html, diags);
}

std::optional<Document> parse_site_document(const std::string& path, std::string_view bytes, bool unsafe_html,
                                            Diagnostics& diags) {
    auto doc = load_document(path, bytes, diags);
    if (doc) check_markdown(doc->body, doc->path, doc->body_first_line, unsafe_html, diags);
    return doc;
}

SiteFiles find_site_files(const fs::path& root, Diagnostics& diags) {
    Reader r{root, diags, {}};
    SiteFiles site;
    site.root = root;

    const fs::path config = root / "site.yaml";
    std::error_code ec;
    if (r.is_file(config))
        site.config = config;
    else if (!fs::exists(fs::symlink_status(config, ec)))  // (one that is there but cannot be read is reported)
        diags.error({"site.yaml", 1, 1},
                    "no site.yaml in this folder; is this the site folder? Create site.yaml with at least "
                    "\"trust:\" \"name:\" and \"url:\" (see the README), or run eqsite in your site folder");

    const fs::path content = root / "content";
    const fs::path trust = content / "trust";
    if (r.is_file(trust / "index.md"))
        site.trust_index = trust / "index.md";
    else if (r.reachable(trust / "index.md", false))  // (else the link out of the site is the error)
        diags.error({"content/trust/index.md", 1, 1},
                    "missing file: the trust home page text goes in content/trust/index.md (front matter with "
                    "\"title:\", then Markdown)");
    site.policy = r.markdown_files(trust / "policy", "policy section file");
    site.trust_objectives = r.markdown_files(trust / "objectives", "objective file");
    if (r.is_file(trust / "accessibility-plan.md")) site.trust_accessibility_plan = trust / "accessibility-plan.md";
    for (const auto& entry : r.entries(trust)) {
        if (entry.name == "index.md" || entry.name == "policy" || entry.name == "objectives" ||
            entry.name == "accessibility-plan.md")
            continue;
        diags.warning({r.rel(trust / from_utf8(entry.name)), 1, 1},
                      "ignored: content/trust holds only index.md, accessibility-plan.md, policy/ and objectives/");
    }

    const fs::path schools = content / "schools";
    for (const auto& entry : r.entries(schools)) {
        const fs::path folder = schools / from_utf8(entry.name);
        if (!entry.is_directory()) {
            diags.warning({r.rel(folder), 1, 1},
                          "ignored: each school is a folder in content/schools holding index.md");
            continue;
        }
        SchoolFiles school;
        school.slug = r.slug(folder, entry.name, "school folder");
        school.folder = r.rel(folder);
        if (r.is_file(folder / "index.md"))
            school.index = folder / "index.md";
        else
            diags.error({school.folder, 1, 1}, "this school folder has no index.md; create " + school.folder +
                                                   "/index.md with at least \"name:\" in its front matter");
        if (r.is_dir(folder / "objectives"))
            school.objectives = r.markdown_files(folder / "objectives", "objective file");
        if (r.is_file(folder / "accessibility-plan.md")) school.accessibility_plan = folder / "accessibility-plan.md";
        site.schools.push_back(std::move(school));
    }

    for (const auto& folder : r.blocked)
        if (folder.parent_path() == schools) site.unreadable_schools.push_back(to_utf8(folder.filename()));

    // Site files that replace built-in statutory text.
    for (const auto& path : statutory_paths()) {
        const fs::path file = content / from_utf8(path);
        if (!r.is_file(file)) continue;
        site.statutory_overrides.emplace_back(path, file);
    }
    for (const auto& entry : r.entries(content)) {
        if (entry.name == "trust" || entry.name == "schools" || entry.name == "aims" ||
            entry.name == "characteristics" || entry.name == "duty.md" || entry.name == "equality-information.md")
            continue;
        diags.warning({r.rel(content / from_utf8(entry.name)), 1, 1},
                      "ignored: content/ holds trust/, schools/ and optional overrides of the built-in text");
    }

    if (r.is_dir(root / "static")) r.static_tree(root / "static", "", site.static_files);
    if (r.is_dir(root / "data")) site.data = r.data_files(root / "data");
    return site;
}

std::set<std::string> listed_paths(const SiteFiles& files) {
    std::set<std::string> out;
    auto add = [&](const fs::path& p) { out.insert(relative_name(p, files.root)); };
    auto add_all = [&](const std::vector<fs::path>& ps) {
        for (const auto& p : ps) add(p);
    };
    if (files.config) add(*files.config);
    if (files.trust_index) add(*files.trust_index);
    add_all(files.policy);
    add_all(files.trust_objectives);
    if (files.trust_accessibility_plan) add(*files.trust_accessibility_plan);
    for (const auto& school : files.schools) {
        if (school.index) add(*school.index);
        add_all(school.objectives);
        if (school.accessibility_plan) add(*school.accessibility_plan);
    }
    for (const auto& [under, file] : files.statutory_overrides) add(file);
    for (const auto& f : files.static_files) add(f.from);
    for (const auto& d : files.data) {
        add(d.csv);
        add(d.yaml);
    }
    return out;
}

}  // namespace eqsite
