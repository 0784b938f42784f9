// Reads an RFC 4180 CSV file (quoted fields with commas, doubled quotes and
// newlines inside them) with libcsv, keeping the line and column where
// each field starts so that every message can point at it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/diagnostics.hpp"

namespace eqsite {

struct CsvField {
    std::string text;  // unquoted; spaces around an unquoted field removed
    int line = 1;      // where the field starts (its opening quote, if quoted)
    int column = 1;    // in characters, from 1
};

using CsvRow = std::vector<CsvField>;

struct CsvFile {
    std::string path;           // site-relative, for messages
    std::vector<CsvRow> rows;   // rows[0] is the header; blank lines are skipped

    Location at(const CsvField& f) const { return {path, f.line, f.column}; }
};

// Parses raw bytes: UTF-8 with or without a byte-order mark, LF or CRLF.
// Problems go to `diags`; returns nullopt when the file cannot be read as
// CSV at all.
// `delimiter` is ',' for CSV, '\t' for TSV.
std::optional<CsvFile> parse_csv(const std::string& path, std::string_view raw, Diagnostics& diags,
                                 char delimiter = ',');

}  // namespace eqsite
