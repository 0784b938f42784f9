// `eqsite import objectives FILE [--school SLUG] [--dry-run] [--update]
// [--force] [--sheet NAME] [--table N] [--map "Header=field"]...`: turns
// the action plan a school already has (an Excel sheet, a Word table, a CSV
// or TSV file), one objective per row, into objective files, reporting
// every decision it made (generator/import/).
//
// Every message names the cell as the author sees it ("plan.xlsx:Sheet1!F3
// (Action)", "plan.csv:3:7 (C3) (Status)"). Each row is checked exactly as
// the build will check the file. If any row has an error, nothing is
// written. Files are never overwritten, except with --update those that
// an earlier import wrote and nobody has edited since (--force: edited
// ones too).
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace eqsite {

struct ImportOptions {
    std::filesystem::path site = ".";
    std::filesystem::path file;
    std::optional<std::string> school;
    bool dry_run = false;
    bool update = false;
    bool force = false;
    std::optional<std::string> sheet;
    std::optional<std::size_t> table;
    std::vector<std::string> maps;  // "Who's responsible?=owner"
};

// Returns the exit status: 0 imported (or, with --dry-run, would be), 1
// problems in the table, 2 usage (no site, unknown school, unreadable file).
int import_objectives(const ImportOptions& options, std::ostream& out, std::ostream& err);

}  // namespace eqsite
