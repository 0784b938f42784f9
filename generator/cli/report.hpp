// Printing diagnostics for people (text), programs (json) and GitHub
// Actions annotations (github).
#pragma once

#include <ostream>
#include <string>

#include "util/diagnostics.hpp"

namespace eqsite {

enum class ReportFormat { text, json, github };

void print_diagnostics(const Diagnostics& diags, ReportFormat format, std::ostream& out);

// "2 errors and 1 warning"
std::string count_words(const Diagnostics& diags);

}  // namespace eqsite
