// A theme: Mustache templates (one per page kind plus `layout`), partials
// and assets. The default theme is compiled in; a site's theme/ folder
// replaces any of its files, file by file.
#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "model/recorded.hpp"
#include "render/strings.hpp"
#include "util/diagnostics.hpp"

namespace eqsite {

struct ThemeFile {
    std::string text;
    std::string source;  // "theme/templates/home.mustache" or "(built-in) ..."
};

struct Theme {
    std::map<std::string, ThemeFile> templates;  // by name, e.g. "home"
    std::map<std::string, ThemeFile> partials;   // by name, e.g. "objective-list"
    std::map<std::string, ThemeFile> assets;     // by output path under assets/
    // Scripts, published under assets/ only when site.yaml's `scripts:`
    // asks for them (no page has a script the author did not ask for).
    std::map<std::string, ThemeFile> scripts;    // by file name, e.g. "school-filter.js"
    // Each template as rendered: its partials written in where they are
    // included, so no partial is parsed again at every {{> }} (kainjow
    // parses a partial's text each time it includes it). A template that
    // changes delimiters keeps its partial tags.
    std::map<std::string, std::string> compiled;
    // The ids each template writes literally (its own, its partials' and the
    // layout's): a heading in the content must not take one of them, so
    // they are read from the templates, never kept in a list by hand.
    std::map<std::string, std::set<std::string>> fixed_ids;
    // The input id of each template (model/recorded.hpp), set by the pipeline.
    std::map<std::string, InputId> ids;
    // The interface text in the site's language (render/strings.hpp):
    // already written into the templates where they say {{t.key}}; the
    // rest is for the pages' values made in C++.
    Strings strings;
};

// The default theme with the site's overrides applied, its text in
// `language` (render/strings.hpp). Templates are
// checked: a syntax error, or a raw {{{value}}} whose name does not end in
// _html (only rendered Markdown and our own HTML may skip escaping), is an
// error at its line and column.
// `language_at`: where site.yaml sets the language (for the error when the
// theme has no words in it).
Theme load_theme(const std::filesystem::path& site_root, Diagnostics& diags, const std::string& language = "en-GB",
                 const Location& language_at = {"site.yaml", 1, 1});

// The template names the renderer uses.
const std::vector<std::string>& template_names();

}  // namespace eqsite
