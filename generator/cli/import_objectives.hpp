// `eqsite import objectives FILE.(csv|tsv) [--school SLUG]`: turns a
// spreadsheet of objectives, one per row, into objective files.
//
// Columns (first row, any order, case ignored): title (required), slug,
// aims, characteristics, target_groups, about, why, owner, start, due,
// status, measures, description. Cells holding lists separate items with
// ";". Every row is checked exactly as an objective file would be, with
// each problem reported at its cell's line:column in the spreadsheet; if
// there is any error, no file is written.
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>

namespace eqsite {

// Returns the exit status: 0 imported, 1 problems in the spreadsheet, 2 usage
// (no site, unknown school, unreadable file).
int import_objectives(const std::filesystem::path& site, const std::filesystem::path& file,
                      const std::optional<std::string>& school, std::ostream& out, std::ostream& err);

}  // namespace eqsite
