// Finds and reads every file of a site folder (spec section 1) and parses
// each into YAML or a Document. Knows the folder layout; knows nothing of
// what the settings mean (that is model/).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "load/document.hpp"
#include "util/diagnostics.hpp"

namespace eqsite {

struct LoadedSchool {
    std::string slug;                 // folder name (or the suggested slug if invalid)
    std::string folder;               // site-relative, e.g. content/schools/x
    std::optional<Document> index;    // index.md
    std::vector<Document> objectives; // objectives/*.md, file-name order
};

// A file to copy to the output as it is.
struct StaticFile {
    std::filesystem::path from;
    std::string to;  // output-relative, '/' separators
};

struct LoadedSite {
    std::filesystem::path root;
    std::optional<YAML::Node> config;        // site.yaml
    std::optional<Document> trust_index;     // content/trust/index.md
    std::vector<Document> policy;            // content/trust/policy/*.md
    std::vector<Document> trust_objectives;  // content/trust/objectives/*.md
    std::vector<LoadedSchool> schools;       // content/schools/*/, slug order
    // Overrides of built-in statutory text, keyed by their path under
    // content/ (e.g. "aims/advance-equality.md").
    std::vector<std::pair<std::string, Document>> statutory_overrides;
    std::vector<StaticFile> static_files;    // static/**
};

// The statutory files a site may override (paths under content/).
const std::vector<std::string>& statutory_paths();

// Reads the whole site. Every problem goes to `diags`; what could be read
// is returned so later stages can report their problems too.
LoadedSite load_site_files(const std::filesystem::path& root, Diagnostics& diags);

// The stem of a .md file name ("close-gap.md" -> "close-gap").
std::string stem_of(const std::string& file_name);

}  // namespace eqsite
