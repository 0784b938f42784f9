#include "load/csv_file.hpp"

#include <csv.h>

#include "util/text.hpp"

namespace eqsite {
namespace {

// libcsv reports a field only when it has seen the byte that ends it, and
// says nothing about positions. We feed it one byte at a time and remember
// where the current field began, so each field gets its own line:column.
struct Reader {
    std::vector<CsvRow> rows;
    CsvRow row;
    bool field_open = false;  // has the current field's first byte been fed?
    int start_line = 1, start_column = 1;
    int line = 1, column = 1;  // position of the byte being fed

    void begin_byte(unsigned char b) {
        // libcsv drops spaces and tabs around an unquoted field, so a field
        // starts at its first other byte.
        if (!field_open && b != '\n' && b != ' ' && b != '\t') {  // (a tab in TSV ends the field anyway)
            field_open = true;
            start_line = line;
            start_column = column;
        }
    }
    void end_byte(unsigned char b) {
        if (b == '\n') {
            ++line;
            column = 1;
        } else if ((b & 0xC0) != 0x80) {  // not a UTF-8 continuation byte
            ++column;
        }
    }

    static void on_field(void* data, std::size_t len, void* self_ptr) {
        auto& self = *static_cast<Reader*>(self_ptr);
        const int l = self.field_open ? self.start_line : self.line;
        const int c = self.field_open ? self.start_column : self.column;
        self.row.push_back({std::string(static_cast<const char*>(data), len), l, c});
        self.field_open = false;
    }
    static void on_row_end(int, void* self_ptr) {
        auto& self = *static_cast<Reader*>(self_ptr);
        self.rows.push_back(std::move(self.row));
        self.row.clear();
        self.field_open = false;
    }
};

}  // namespace

std::optional<CsvFile> parse_csv(const std::string& path, std::string_view raw, Diagnostics& diags, char delimiter) {
    const std::string text = normalise_newlines(raw);
    if (auto bad = find_invalid_utf8(text)) {
        diags.error({path, bad->line, bad->column},
                    "this file is not valid UTF-8; save it as \"CSV UTF-8\" in your spreadsheet program "
                    "(it may be in an older encoding such as Windows-1252)");
        return std::nullopt;
    }

    csv_parser parser;
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
        diags.error({path, 1, 1}, "could not start the CSV reader (out of memory?)");
        return std::nullopt;
    }
    csv_set_delim(&parser, static_cast<unsigned char>(delimiter));
    if (delimiter == '\t') {
        // In TSV a tab separates fields, so only spaces are trimmed.
        csv_set_space_func(&parser, [](unsigned char c) { return c == ' ' ? CSV_SPACE : 0; });
    }
    Reader reader;
    bool ok = true;
    for (const char ch : text) {
        const auto b = static_cast<unsigned char>(ch);
        reader.begin_byte(b);
        if (csv_parse(&parser, &ch, 1, Reader::on_field, Reader::on_row_end, &reader) != 1) {
            diags.error({path, reader.line, reader.column},
                        "a quote (\") in the middle of a field: wrap the whole field in quotes and write each "
                        "quote inside it twice, e.g. \"the \"\"Rainbow\"\" club\"");
            ok = false;
            break;
        }
        reader.end_byte(b);
    }
    if (ok && csv_fini(&parser, Reader::on_field, Reader::on_row_end, &reader) != 0) {
        diags.error({path, reader.start_line, reader.start_column},
                    "this quoted field is never closed: add the closing quote (\") at the end of the field");
        ok = false;
    }
    csv_free(&parser);
    if (!ok) return std::nullopt;
    if (reader.rows.empty()) {
        diags.error({path, 1, 1}, "this CSV file is empty: its first row must name the columns, e.g. "
                                  "school,group,measure,count");
        return std::nullopt;
    }
    return CsvFile{path, std::move(reader.rows)};
}

}  // namespace eqsite
