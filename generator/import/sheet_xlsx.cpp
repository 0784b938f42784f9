// Excel workbooks (.xlsx): a ZIP of XML parts (ECMA-376), read with libzip
// and pugixml. What matters for an action plan: shared and inline strings,
// line breaks inside cells, dates stored as day numbers with a date
// format, and merged cells (a value merged down several rows is that
// value in each of them).
#include <pugixml.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>

#include "import/office_zip.hpp"
#include "import/sheet.hpp"
#include "util/files.hpp"
#include "util/text.hpp"

namespace eqsite::import {

namespace {

bool parse_xml(pugi::xml_document& doc, const std::optional<std::string>& bytes) {
    return bytes && doc.load_buffer(bytes->data(), bytes->size(), pugi::parse_default | pugi::parse_ws_pcdata);
}

// A shared string: its text runs, without phonetic guides (<rPh>).
std::string string_item(const pugi::xml_node& si) {
    std::string text;
    for (const auto& node : si.children()) {
        const std::string name = node.name();
        if (name == "t") text += node.text().get();
        else if (name == "r") text += node.child("t").text().get();
    }
    return text;
}

// "F3" -> row 2, column 5; false if it is not a cell reference.
bool parse_reference(std::string_view ref, std::size_t& row, std::size_t& column) {
    std::size_t i = 0, col = 0;
    while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && col <= max_columns)
        col = col * 26 + static_cast<std::size_t>(ref[i++] - 'A' + 1);
    if (col == 0 || col > max_columns || i == ref.size()) return false;
    std::size_t r = 0;
    for (; i < ref.size(); ++i) {
        if (ref[i] < '0' || ref[i] > '9' || r > max_rows) return false;
        r = r * 10 + static_cast<std::size_t>(ref[i] - '0');
    }
    if (r == 0 || r > max_rows) return false;
    row = r - 1;
    column = col - 1;
    return true;
}

// Whether a number format shows a date: Excel's built-in date formats, or
// a custom one with day, month or year codes outside quotes and brackets.
bool is_date_format(int id, const std::string& code) {
    if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return true;
    if (code.empty()) return false;
    bool quoted = false, bracket = false, date = false;
    for (char c : code) {
        if (c == '"') quoted = !quoted;
        else if (c == '[') bracket = true;
        else if (c == ']') bracket = false;
        else if (!quoted && !bracket && (c == 'd' || c == 'D' || c == 'y' || c == 'Y')) date = true;
    }
    return date;
}

// Which cell styles (the `s` of a cell, an index into cellXfs) show dates.
std::vector<bool> date_styles(const std::optional<std::string>& styles_xml) {
    pugi::xml_document doc;
    if (!parse_xml(doc, styles_xml)) return {};
    std::map<int, std::string> custom;
    for (const auto& f : doc.child("styleSheet").child("numFmts").children("numFmt"))
        custom[f.attribute("numFmtId").as_int()] = f.attribute("formatCode").value();
    std::vector<bool> out;
    for (const auto& xf : doc.child("styleSheet").child("cellXfs").children("xf")) {
        const int id = xf.attribute("numFmtId").as_int();
        out.push_back(is_date_format(id, custom.count(id) ? custom[id] : ""));
    }
    return out;
}

// Excel's day number (1900 date system: day 1 is 1 January 1900, and
// day 60 is 29 February 1900, which never was) as 2024-09-01.
std::string excel_date(double serial, bool from_1904) {
    // 2958465 is 31 December 9999, the last day Excel knows.
    if (!(serial >= 1 && serial <= 2958465)) return "";
    long day = static_cast<long>(serial);
    if (from_1904) day += 1462;  // Mac workbooks count from 1 January 1904
    // Days since 1970-01-01: day 25569 is 1970-01-01; before day 61, one
    // more, because of the day that never was.
    long z = day - 25569 + (day < 61 ? 1 : 0);
    // Howard Hinnant's civil_from_days.
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const long doe = z - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const long d = doy - (153 * mp + 2) / 5 + 1;
    const long m = mp < 10 ? mp + 3 : mp - 9;
    const long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    auto two = [](long n) { return (n < 10 ? "0" : "") + std::to_string(n); };
    return std::to_string(y) + "-" + two(m) + "-" + two(d);
}

// The worksheet's part name for a sheet of the workbook ("xl/worksheets/sheet1.xml").
std::string sheet_part(OfficeZip& zip, const std::string& relationship) {
    pugi::xml_document rels;
    if (!parse_xml(rels, zip.read("xl/_rels/workbook.xml.rels"))) return "";
    for (const auto& r : rels.child("Relationships").children("Relationship")) {
        if (relationship != r.attribute("Id").value()) continue;
        std::string target = r.attribute("Target").value();
        if (!target.empty() && target[0] == '/') return target.substr(1);
        return "xl/" + target;
    }
    return "";
}

}  // namespace

std::vector<Sheet> read_xlsx(const std::filesystem::path& file, const ReadOptions& options, std::string& error) {
    OfficeZip zip(file);
    if (!zip.ok()) {
        error = zip.error();
        return {};
    }
    pugi::xml_document workbook;
    if (!parse_xml(workbook, zip.read("xl/workbook.xml"))) {
        error = to_utf8(file.filename()) + " is not an Excel workbook (it has no xl/workbook.xml); save it from "
                "Excel or LibreOffice as .xlsx";
        return {};
    }
    // Which worksheet: --sheet NAME, else the first.
    std::vector<std::string> names;
    std::string relationship, name;
    for (const auto& s : workbook.child("workbook").child("sheets").children("sheet")) {
        names.emplace_back(s.attribute("name").value());
        const bool wanted = options.sheet ? to_lower_ascii(*options.sheet) == to_lower_ascii(names.back()) : relationship.empty();
        if (wanted && relationship.empty()) {
            relationship = s.attribute("r:id").value();
            name = names.back();
        }
    }
    if (relationship.empty()) {
        error = options.sheet ? "there is no sheet \"" + *options.sheet + "\" in " + to_utf8(file.filename()) +
                                    "; its sheets are " + join_words(names)
                              : to_utf8(file.filename()) + " has no worksheet";
        return {};
    }
    std::vector<std::string> strings;
    pugi::xml_document shared;
    if (parse_xml(shared, zip.read("xl/sharedStrings.xml")))
        for (const auto& si : shared.child("sst").children("si")) strings.push_back(string_item(si));
    const std::vector<bool> dates = date_styles(zip.read("xl/styles.xml"));
    const bool from_1904 = workbook.child("workbook").child("workbookPr").attribute("date1904").as_bool();

    pugi::xml_document worksheet;
    const std::string part = sheet_part(zip, relationship);
    if (part.empty() || !parse_xml(worksheet, zip.read(part))) {
        error = zip.error().empty() ? "cannot read the sheet \"" + name + "\" of " + to_utf8(file.filename()) : zip.error();
        return {};
    }
    Sheet sheet;
    sheet.file = to_utf8(file.filename());
    sheet.name = name;
    std::map<std::pair<std::size_t, std::size_t>, std::string> values;
    std::size_t rows = 0, columns = 0, total_text = 0;
    for (const auto& row : worksheet.child("worksheet").child("sheetData").children("row")) {
        for (const auto& c : row.children("c")) {
            std::size_t r = 0, col = 0;
            if (!parse_reference(c.attribute("r").value(), r, col)) continue;
            const std::string type = c.attribute("t").value();
            const std::string v = c.child("v").text().get();
            std::string text;
            if (type == "s") {
                const auto i = static_cast<std::size_t>(std::atol(v.c_str()));
                text = i < strings.size() ? strings[i] : "";
            } else if (type == "inlineStr") {
                text = string_item(c.child("is"));
            } else if (type == "b") {
                text = v == "1" ? "TRUE" : "FALSE";
            } else if (type.empty() || type == "n") {
                const auto style = static_cast<std::size_t>(c.attribute("s").as_uint());
                const std::string date = !v.empty() && style < dates.size() && dates[style]
                                             ? excel_date(std::atof(v.c_str()), from_1904)
                                             : "";
                text = date.empty() ? v : date;
            } else {  // "str" (a formula's text), "e" (an error such as #N/A)
                text = v;
            }
            if (text.empty()) continue;  // a styled empty cell (often at row 1048576) is not part of the table
            total_text += text.size();
            if (values.size() >= max_cells || total_text > max_text) {
                error = sheet.file + " holds more than eqsite imports (" + std::to_string(max_cells) +
                        " cells or " + std::to_string(max_text >> 20) + " MB of text); import the action plan's sheet alone";
                return {};
            }
            values[{r, col}] = text;
            rows = std::max(rows, r + 1);
            columns = std::max(columns, col + 1);
        }
    }
    // A value merged down several rows belongs to each of them.
    for (const auto& m : worksheet.child("worksheet").child("mergeCells").children("mergeCell")) {
        const std::string ref = m.attribute("ref").value();
        const auto colon = ref.find(':');
        std::size_t r0 = 0, c0 = 0, r1 = 0, c1 = 0;
        if (colon == std::string::npos || !parse_reference(ref.substr(0, colon), r0, c0) ||
            !parse_reference(ref.substr(colon + 1), r1, c1))
            continue;
        const auto top = values.find({r0, c0});
        if (top == values.end()) continue;
        for (std::size_t r = r0 + 1; r <= r1 && r < rows; ++r) {
            total_text += top->second.size();
            if (values.size() >= max_cells || total_text > max_text) {
                error = sheet.file + ": a merged cell at " + ref + " repeats its text more than eqsite imports";
                return {};
            }
            values[{r, c0}] = top->second;
        }
    }
    if (rows * columns > max_cells) {
        error = sheet.file + ": its cells span " + std::to_string(rows) + " rows by " + std::to_string(columns) +
                " columns, more than eqsite imports; import the action plan's sheet alone";
        return {};
    }
    sheet.rows.resize(rows);
    for (std::size_t r = 0; r < rows; ++r)
        for (std::size_t c = 0; c < columns; ++c) {
            const auto it = values.find({r, c});
            sheet.rows[r].push_back({it == values.end() ? "" : it->second, r, c, 0, 0});
        }
    return {std::move(sheet)};
}

}  // namespace eqsite::import
