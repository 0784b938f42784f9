// Placeholder text that `eqsite new` writes for the author to replace.
// Every placeholder starts with the same words, so one left in place is
// found wherever it is, and never published without a warning.
#pragma once

#include <string>
#include <string_view>

#include "util/diagnostics.hpp"

namespace eqsite {

// The words every scaffold placeholder starts with, and the made-up
// address the scaffold's site.yaml uses (the web address and e-mail must
// hold something for the site to build).
inline constexpr std::string_view placeholder_marker = "Replace this";
inline constexpr std::string_view placeholder_address = "your-trust.example";

// Warns at each placeholder in `text` (a whole file, newline-normalised).
// Lines before `first_markdown_line` are YAML: text after a comment's `#`
// is not published, so it is not checked. Pass 0 to treat all as YAML.
void warn_placeholders(std::string_view text, const std::string& file, int first_markdown_line, Diagnostics& diags);

}  // namespace eqsite
