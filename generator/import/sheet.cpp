#include "import/sheet.hpp"

#include "util/files.hpp"
#include "util/text.hpp"

namespace eqsite::import {

std::string column_letters(std::size_t column) {
    std::string out;
    for (std::size_t n = column + 1; n > 0; n = (n - 1) / 26) out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
    return out;
}

std::string Sheet::where(std::size_t row, std::size_t column) const {
    const std::string cell = column_letters(column) + std::to_string(row + 1);
    return file + ":" + (name.empty() ? cell : name + "!" + cell);
}

std::string Sheet::where(const Cell& cell) const {
    if (cell.line > 0)  // a text file: its line and column, which editors show, then the cell
        return file + ":" + std::to_string(cell.line) + ":" + std::to_string(cell.char_column) + " (" +
               column_letters(cell.column) + std::to_string(cell.row + 1) + ")";
    return where(cell.row, cell.column);
}

std::vector<Sheet> read_sheets(const std::filesystem::path& file, const ReadOptions& options, std::string& error) {
    const std::string extension = to_lower_ascii(to_utf8(file.extension()));
    if (extension == ".csv") return read_delimited(file, ',', error);
    if (extension == ".tsv" || extension == ".tab") return read_delimited(file, '\t', error);
    if (extension == ".xlsx" || extension == ".xlsm") return read_xlsx(file, options, error);
    if (extension == ".docx") return read_docx(file, options, error);
    if (extension == ".xls" || extension == ".doc" || extension == ".ods" || extension == ".odt")
        error = "eqsite cannot read " + extension + " files: open it in Excel, Word or LibreOffice and save it as "
                ".xlsx, .docx or .csv, then import that";
    else
        error = "eqsite imports .xlsx, .docx, .csv and .tsv files; save the table in one of these";
    return {};
}

}  // namespace eqsite::import
