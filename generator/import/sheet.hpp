// A table as a school keeps it (a spreadsheet, a CSV or TSV file, a table
// in a Word document), read into rows of cells that know where they are,
// so that every message about a cell can name it the way its author sees
// it: "plan.xlsx:Sheet1!F3", "plan.docx:Table 2!C4", "plan.csv:3:7".
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace eqsite::import {

struct Cell {
    std::string text;         // as the table holds it: line breaks kept, bullets as written
    std::size_t row = 0;      // from 0, in the sheet (title rows included)
    std::size_t column = 0;   // from 0
    int line = 0;             // CSV and TSV: where the field starts in the file, from 1
    int char_column = 0;      //   (in characters); 0 for spreadsheets and documents
};

struct Sheet {
    std::string file;  // the file name, for messages ("plan.xlsx")
    std::string name;  // "Sheet1" (the worksheet), "Table 2" (in a document), "" (CSV and TSV)
    std::vector<std::vector<Cell>> rows;

    // "plan.xlsx:Sheet1!F3", "plan.docx:Table 2!C4", "plan.csv:3:7 (C3)".
    std::string where(const Cell& cell) const;
    std::string where(std::size_t row, std::size_t column) const;
};

// The most a table may hold: Excel's own row and column limits, and a
// bound on cells and text so that a small file made to expand (a merged
// range a million rows deep, a cell at XFD1048576) is refused, not read.
inline constexpr std::size_t max_rows = 1048576, max_columns = 16384;
inline constexpr std::size_t max_cells = 2'000'000;
inline constexpr std::size_t max_text = 256u << 20;  // bytes, all cells together

// 0 -> "A", 25 -> "Z", 26 -> "AA", as spreadsheets name their columns.
std::string column_letters(std::size_t column);

struct ReadOptions {
    std::optional<std::string> sheet;  // --sheet NAME: a worksheet other than the first
    std::optional<std::size_t> table;  // --table N: a document's Nth table (from 1)
};

// All the sheets a file offers to choose from: the chosen worksheet of a
// workbook; every table of a document (the caller picks the one that
// looks like an action plan unless --table says); the one table of a CSV
// or TSV file. Empty, with `error` set to a sentence saying why, when the
// file cannot be read.
std::vector<Sheet> read_sheets(const std::filesystem::path& file, const ReadOptions& options, std::string& error);

// One reader per format (sheet_csv.cpp, sheet_xlsx.cpp, sheet_docx.cpp).
std::vector<Sheet> read_delimited(const std::filesystem::path& file, char delimiter, std::string& error);
std::vector<Sheet> read_xlsx(const std::filesystem::path& file, const ReadOptions& options, std::string& error);
std::vector<Sheet> read_docx(const std::filesystem::path& file, const ReadOptions& options, std::string& error);

}  // namespace eqsite::import
