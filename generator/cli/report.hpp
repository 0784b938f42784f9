// Printing diagnostics for people (text), programs (json) and GitHub
// Actions annotations (github).
#pragma once

#include <ostream>
#include <string>

#include "util/diagnostics.hpp"

namespace eqsite {

enum class ReportFormat { text, json, github };

// Notes (what eqsite decided for the author) are printed only when asked:
// `check` shows them, `build` and `serve` do not.
enum class Notes { hide, show };
void print_diagnostics(const Diagnostics& diags, ReportFormat format, std::ostream& out, Notes notes = Notes::hide);

// "2 errors and 1 warning"
std::string count_words(const Diagnostics& diags);

}  // namespace eqsite
