// Finds every file of a site folder (spec section 1) and checks the names.
// Knows the folder layout; knows nothing of what the settings mean (that
// is model/). Files are only listed here: each is read and parsed when the
// model needs it, so a 20 000-school site never holds every parsed YAML
// tree at once.
#pragma once

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "load/document.hpp"
#include "util/diagnostics.hpp"

namespace eqsite {

struct SchoolFiles {
    std::string slug;                          // folder name (or the suggested slug if invalid)
    std::string folder;                        // site-relative, e.g. content/schools/x
    std::optional<std::filesystem::path> index;  // index.md, if present
    std::vector<std::filesystem::path> objectives;  // objectives/*.md, name order
    std::optional<std::filesystem::path> accessibility_plan;  // accessibility-plan.md, if present
};

// A file to copy to the output as it is.
struct StaticFile {
    std::filesystem::path from;
    std::string to;  // output-relative, '/' separators
};

// One data table: data/<slug>.csv and its description data/<slug>.yaml.
struct DataFiles {
    std::string slug;
    std::filesystem::path csv;
    std::filesystem::path yaml;
};

struct SiteFiles {
    std::filesystem::path root;
    std::optional<std::filesystem::path> config;       // site.yaml
    std::optional<std::filesystem::path> trust_index;  // content/trust/index.md
    std::vector<std::filesystem::path> policy;          // content/trust/policy/*.md
    std::vector<std::filesystem::path> trust_objectives;  // content/trust/objectives/*.md
    std::optional<std::filesystem::path> trust_accessibility_plan;  // content/trust/accessibility-plan.md
    std::vector<SchoolFiles> schools;                   // content/schools/*/, slug order
    // School folders that could not be read (a link out of the site), each
    // already reported: data rows naming them are not reported again.
    std::vector<std::string> unreadable_schools;
    // Overrides of built-in statutory text: path under content/ and file.
    std::vector<std::pair<std::string, std::filesystem::path>> statutory_overrides;
    std::vector<StaticFile> static_files;               // static/**
    std::vector<DataFiles> data;                        // data/*.csv with their .yaml, name order
};

// Every file `files` lists, site-relative with '/' (the preview keeps a
// listing while edits only change files it already holds).
std::set<std::string> listed_paths(const SiteFiles& files);

// The statutory files a site may override (paths under content/).
const std::vector<std::string>& statutory_paths();

// Lists the site's files, reporting missing, misnamed and stray ones.
SiteFiles find_site_files(const std::filesystem::path& root, Diagnostics& diags);

// Parses one Markdown file of the site already read (`path` site-relative),
// and checks its body (load/markdown_check.hpp).
std::optional<Document> parse_site_document(const std::string& path, std::string_view bytes, bool unsafe_html,
                                            Diagnostics& diags);

// Reads and parses one Markdown file of the site, and checks its body
// (load/markdown_check.hpp); `unsafe_html` is site.yaml's markdown setting.
std::optional<Document> read_document(const std::filesystem::path& root, const std::filesystem::path& file,
                                      bool unsafe_html, Diagnostics& diags);

// The stem of a .md file name ("close-gap.md" -> "close-gap").
std::string stem_of(const std::string& file_name);

}  // namespace eqsite
