// From a school's table to objective files: each row (with the rows that
// continue it) becomes the text of one objective file, and every decision
// made on the way is recorded, so `--dry-run` can show them and every
// problem points at its cell.
#pragma once

#include <string>
#include <vector>

#include "import/columns.hpp"
#include "import/sheet.hpp"
#include "util/diagnostics.hpp"

namespace eqsite::import {

struct ImportedObjective {
    std::string slug;
    std::string text;                   // the whole file, front matter and body
    std::size_t row = 0;                // the sheet row it starts on
    std::string where;                  // "plan.xlsx:Sheet1!D5", for messages
    std::vector<std::string> decisions; // what was read how, for --dry-run
    // Which cell each front matter line came from (line n of the file is
    // lines[n - 1]; the first is the "---"), so the build's own checks of
    // the file can be reported at the cell.
    std::vector<std::string> line_cells;
};

// Problems go to `diags` at their cells (Location.file holds the cell's
// name, line 0); `decisions` gets the table-wide ones (continuation rows).
std::vector<ImportedObjective> objective_rows(const Sheet& sheet, const ColumnMap& map, Diagnostics& diags,
                                              std::vector<std::string>& decisions);

// The front matter block that marks a file as written by `eqsite import`,
// with a digest of the rest of the file, so --update can tell whether a
// person has edited it since.
std::string with_import_marker(const std::string& text, const std::string& from);
// Whether `text` carries the marker and is unchanged since import wrote it.
enum class ImportedState { not_imported, unchanged, edited };
ImportedState imported_state(const std::string& text);

}  // namespace eqsite::import
