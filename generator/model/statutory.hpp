// The built-in statutory text (repository content/, compiled in) and the
// site's overrides of it.
#pragma once

#include <functional>
#include <optional>

#include "load/site_files.hpp"
#include "model/site.hpp"

namespace eqsite {

// Reads one of the site's own files into a Text (model/build_site.cpp
// reads through its cache).
using ReadText = std::function<std::optional<Text>(const std::filesystem::path& file, Diagnostics& diags)>;

// The built-in texts, each replaced by the site's file at the same path
// under content/ if it has one (read with `read_site_text`).
Statutory read_statutory(const SiteFiles& files, Diagnostics& diags, const ReadText& read_site_text);

// A statutory text's front matter: title (required) and summary.
Text read_text(const Document& doc, Diagnostics& diags);

}  // namespace eqsite
