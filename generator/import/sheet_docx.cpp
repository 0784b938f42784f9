// Word documents (.docx): the tables of word/document.xml (ECMA-376),
// read with libzip and pugixml. A cell's paragraphs become its lines, a
// bulleted or numbered paragraph a "•" line; a cell merged across columns
// (gridSpan) keeps its place, one merged down rows (vMerge) repeats its
// value in each of them, as in a spreadsheet.
#include <pugixml.hpp>

#include <algorithm>

#include "import/office_zip.hpp"
#include "import/sheet.hpp"
#include "util/files.hpp"

namespace eqsite::import {

namespace {

// The text of one paragraph: its runs' text, tabs and line breaks.
std::string paragraph_text(const pugi::xml_node& p) {
    std::string text;
    for (const auto& node : p.select_nodes(".//w:t | .//w:tab | .//w:br | .//w:cr")) {
        const std::string name = node.node().name();
        if (name == "w:t") text += node.node().text().get();
        else if (name == "w:tab") text += ' ';
        else text += '\n';
    }
    return text;
}

std::string cell_text(const pugi::xml_node& tc) {
    std::string text;
    for (const auto& p : tc.children("w:p")) {
        std::string line = paragraph_text(p);
        if (line.empty()) continue;
        // A list paragraph (numbered, or in a list style such as "List Bullet"): "• ".
        const auto props = p.child("w:pPr");
        const std::string style = props.child("w:pStyle").attribute("w:val").value();
        if (props.child("w:numPr") || style.find("List") != std::string::npos) line = "\xE2\x80\xA2 " + line;
        if (!text.empty()) text += '\n';
        text += line;
    }
    return text;
}

// `budget` is the text and cells left to read (sheet.hpp's limits): a cell
// merged down many rows repeats its text, so a small file could ask for a lot.
Sheet read_table(const pugi::xml_node& tbl, const std::string& file, std::size_t number, std::size_t& text_budget,
                 std::size_t& cell_budget) {
    Sheet sheet;
    sheet.file = file;
    sheet.name = "Table " + std::to_string(number);
    std::vector<std::string> above;  // the text of each column in the row above, for vMerge
    for (const auto& tr : tbl.children("w:tr")) {
        std::vector<Cell> row;
        const std::size_t r = sheet.rows.size();
        for (const auto& tc : tr.children("w:tc")) {
            const auto props = tc.child("w:tcPr");
            // A cell merged across columns: at most Word's 63 columns.
            const std::size_t span = static_cast<std::size_t>(
                std::clamp(props.child("w:gridSpan").attribute("w:val").as_int(1), 1, 63));
            const auto merge = props.child("w:vMerge");
            const std::size_t c = row.size();
            std::string text = cell_text(tc);
            // <w:vMerge/> (no val, or "continue") continues the cell above.
            if (merge && std::string(merge.attribute("w:val").value()) != "restart")
                text = c < above.size() ? above[c] : "";
            if (text.size() + 1 > text_budget || span > cell_budget) {
                text_budget = cell_budget = 0;
                return sheet;
            }
            text_budget -= text.size() + 1;
            cell_budget -= span;
            row.push_back({text, r, c, 0, 0});
            for (std::size_t k = 1; k < span; ++k) row.push_back({"", r, c + k, 0, 0});
        }
        above.clear();
        for (const auto& cell : row) above.push_back(cell.text);
        sheet.rows.push_back(std::move(row));
    }
    return sheet;
}

}  // namespace

std::vector<Sheet> read_docx(const std::filesystem::path& file, const ReadOptions& options, std::string& error) {
    OfficeZip zip(file);
    if (!zip.ok()) {
        error = zip.error();
        return {};
    }
    const auto bytes = zip.read("word/document.xml");
    pugi::xml_document doc;
    // parse_ws_pcdata: a run of spaces (<w:t xml:space="preserve"> </w:t>) is text.
    if (!bytes || !doc.load_buffer(bytes->data(), bytes->size(), pugi::parse_default | pugi::parse_ws_pcdata)) {
        error = to_utf8(file.filename()) + " is not a Word document (it has no word/document.xml); save it from "
                "Word or LibreOffice as .docx";
        return {};
    }
    std::vector<Sheet> tables;
    std::size_t text_budget = max_text, cell_budget = max_cells;
    // The body's tables, and tables inside them (layouts often nest one).
    for (const auto& t : doc.select_nodes("//w:tbl")) {
        bool has_nested_rows = false;
        for (const auto& tr : t.node().children("w:tr")) has_nested_rows = has_nested_rows || tr;
        if (has_nested_rows)
            tables.push_back(read_table(t.node(), to_utf8(file.filename()), tables.size() + 1, text_budget, cell_budget));
        if (text_budget == 0 || cell_budget == 0) {
            error = to_utf8(file.filename()) + " holds more than eqsite imports (" + std::to_string(max_cells) +
                    " cells or " + std::to_string(max_text >> 20) + " MB of text in its tables)";
            return {};
        }
    }
    if (tables.empty()) {
        error = to_utf8(file.filename()) + " has no table; eqsite imports an action plan kept as a table";
        return {};
    }
    if (options.table) {
        if (*options.table == 0 || *options.table > tables.size()) {
            error = "--table " + std::to_string(*options.table) + ": " + to_utf8(file.filename()) + " has " +
                    std::to_string(tables.size()) + (tables.size() == 1 ? " table" : " tables");
            return {};
        }
        return {std::move(tables[*options.table - 1])};
    }
    return tables;
}

}  // namespace eqsite::import
