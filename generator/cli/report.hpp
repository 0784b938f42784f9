// Printing diagnostics for people (text), programs (json) and GitHub
// Actions annotations (github).
#pragma once

#include <filesystem>
#include <ostream>
#include <string>

#include "util/diagnostics.hpp"

namespace eqsite {

enum class ReportFormat { text, json, github };

// Notes (what eqsite decided for the author) are printed only when asked:
// `check` shows them, `build` and `serve` do not.
enum class Notes { hide, show };
// `prefix` goes before each file name in GitHub annotations: the site
// folder's path from the repository root, so that annotations land on the
// right file when the site is in a subfolder ("" or "sites/trust/").
void print_diagnostics(const Diagnostics& diags, ReportFormat format, std::ostream& out, Notes notes = Notes::hide,
                       const std::string& prefix = "");

// The site folder's path from the repository's root, with '/' and a
// trailing '/': from $GITHUB_WORKSPACE when it is set and holds the site,
// else from the nearest folder above the site that holds `.git`; "" when
// the site is the root or neither is found.
std::string repository_prefix(const std::filesystem::path& site);

// "2 errors and 1 warning"
std::string count_words(const Diagnostics& diags);

}  // namespace eqsite
