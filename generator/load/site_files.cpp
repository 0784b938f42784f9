#include "load/site_files.hpp"

#include <algorithm>

#include "util/files.hpp"
#include "util/text.hpp"

namespace eqsite {
namespace {

namespace fs = std::filesystem;

struct Reader {
    fs::path root;
    Diagnostics& diags;

    std::string rel(const fs::path& p) const { return relative_name(p, root); }

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
        for (const auto& entry : list_visible(dir)) {
            const fs::path path = dir / from_utf8(entry.name);
            if (entry.is_directory || !entry.name.ends_with(".md")) {
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
        const auto entries = list_visible(dir);
        auto has = [&](const std::string& name) {
            return std::any_of(entries.begin(), entries.end(),
                               [&](const auto& e) { return !e.is_directory && e.name == name; });
        };
        for (const auto& entry : entries) {
            const fs::path path = dir / from_utf8(entry.name);
            const bool csv = entry.name.ends_with(".csv"), yaml = entry.name.ends_with(".yaml");
            if (entry.is_directory || (!csv && !yaml)) {
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

    void static_tree(const fs::path& dir, const std::string& prefix, std::vector<StaticFile>& out) {
        for (const auto& entry : list_visible(dir)) {
            const fs::path path = dir / from_utf8(entry.name);
            const std::string to = prefix.empty() ? entry.name : prefix + "/" + entry.name;
            if (entry.is_directory)
                static_tree(path, to, out);
            else
                out.push_back({path, to});
        }
    }
};

bool is_dir(const fs::path& p) {
    std::error_code ec;
    return fs::is_directory(p, ec);
}

bool is_file(const fs::path& p) {
    std::error_code ec;
    return fs::is_regular_file(p, ec);
}

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

std::optional<Document> read_document(const fs::path& root, const fs::path& file, Diagnostics& diags) {
    const std::string rel = relative_name(file, root);
    auto bytes = read_file(file);
    if (!bytes) {
        diags.error({rel, 1, 1}, "cannot read this file; check that it exists and is not open elsewhere");
        return std::nullopt;
    }
    return load_document(rel, *bytes, diags);
}

SiteFiles find_site_files(const fs::path& root, Diagnostics& diags) {
    Reader r{root, diags};
    SiteFiles site;
    site.root = root;

    const fs::path config = root / "site.yaml";
    if (is_file(config))
        site.config = config;
    else
        diags.error({"site.yaml", 1, 1},
                    "no site.yaml in this folder; is this the site folder? Create site.yaml with at least "
                    "\"trust:\" \"name:\" and \"url:\" (see the README), or run eqsite in your site folder");

    const fs::path content = root / "content";
    const fs::path trust = content / "trust";
    if (is_file(trust / "index.md"))
        site.trust_index = trust / "index.md";
    else
        diags.error({"content/trust/index.md", 1, 1},
                    "missing file: the trust home page text goes in content/trust/index.md (front matter with "
                    "\"title:\", then Markdown)");
    site.policy = r.markdown_files(trust / "policy", "policy section file");
    site.trust_objectives = r.markdown_files(trust / "objectives", "objective file");
    for (const auto& entry : list_visible(trust)) {
        if (entry.name == "index.md" || entry.name == "policy" || entry.name == "objectives") continue;
        diags.warning({r.rel(trust / from_utf8(entry.name)), 1, 1},
                      "ignored: content/trust holds only index.md, policy/ and objectives/");
    }

    const fs::path schools = content / "schools";
    for (const auto& entry : list_visible(schools)) {
        const fs::path folder = schools / from_utf8(entry.name);
        if (!entry.is_directory) {
            diags.warning({r.rel(folder), 1, 1},
                          "ignored: each school is a folder in content/schools holding index.md");
            continue;
        }
        SchoolFiles school;
        school.slug = r.slug(folder, entry.name, "school folder");
        school.folder = r.rel(folder);
        if (is_file(folder / "index.md"))
            school.index = folder / "index.md";
        else
            diags.error({school.folder, 1, 1}, "this school folder has no index.md; create " + school.folder +
                                                   "/index.md with at least \"name:\" in its front matter");
        if (is_dir(folder / "objectives"))
            school.objectives = r.markdown_files(folder / "objectives", "objective file");
        site.schools.push_back(std::move(school));
    }

    // Site files that replace built-in statutory text.
    for (const auto& path : statutory_paths()) {
        const fs::path file = content / from_utf8(path);
        if (!is_file(file)) continue;
        site.statutory_overrides.emplace_back(path, file);
    }
    for (const auto& entry : list_visible(content)) {
        if (entry.name == "trust" || entry.name == "schools" || entry.name == "aims" ||
            entry.name == "characteristics" || entry.name == "duty.md" || entry.name == "equality-information.md")
            continue;
        diags.warning({r.rel(content / from_utf8(entry.name)), 1, 1},
                      "ignored: content/ holds trust/, schools/ and optional overrides of the built-in text");
    }

    if (is_dir(root / "static")) r.static_tree(root / "static", "", site.static_files);
    if (is_dir(root / "data")) site.data = r.data_files(root / "data");
    return site;
}

}  // namespace eqsite
