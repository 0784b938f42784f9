// CSV and TSV files, read with the site's own CSV reader (libcsv), so a
// cell knows its line and column in the file as well as its spreadsheet name.
#include "import/sheet.hpp"

#include "load/csv_file.hpp"
#include "util/files.hpp"

namespace eqsite::import {

std::vector<Sheet> read_delimited(const std::filesystem::path& file, char delimiter, std::string& error) {
    ReadError why;
    const auto bytes = read_file(file, max_data_file, why);
    if (!bytes) {
        error = "cannot read " + to_utf8(file) + ": " + read_error_message(why, max_data_file);
        return {};
    }
    Sheet sheet;
    sheet.file = to_utf8(file.filename());
    Diagnostics diags;
    const auto csv = parse_csv(sheet.file, *bytes, diags, delimiter);
    if (!csv) {
        const auto all = diags.sorted();
        error = all.empty() ? "cannot read " + sheet.file + " as a table" : format_diagnostic(all.front());
        return {};
    }
    // A cell's row is its record's place in the file (a cell with line
    // breaks spans several lines); its line and column are exact.
    for (std::size_t r = 0; r < csv->rows.size(); ++r) {
        std::vector<Cell> row;
        for (std::size_t c = 0; c < csv->rows[r].size(); ++c) {
            const CsvField& f = csv->rows[r][c];
            row.push_back({f.text, r, c, f.line, f.column});
        }
        sheet.rows.push_back(std::move(row));
    }
    return {std::move(sheet)};
}

}  // namespace eqsite::import
