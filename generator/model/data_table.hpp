// A data table of the site (spec section 5): its description from
// data/<table>.yaml and its source figures from data/<table>.csv, checked.
//
// These are the figures as the trust gave them, before any suppression.
// Nothing here is published directly: model/disclosure.hpp turns a
// DataTable into the figures that may be shown.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "util/date.hpp"
#include "util/diagnostics.hpp"

namespace eqsite {

enum class TableKind { count, rate, value, pay_gap };
enum class TableAbout { pupils, staff };

std::string_view slug(TableKind k);
// The CSV columns that hold a kind's figures, after school, group and
// measure: count | numerator, denominator | value. The downloads use them too.
std::vector<std::string> figure_columns(TableKind kind);

struct TableSpec {
    std::string slug;         // file stem: data/<slug>.csv
    std::string csv_source;   // site-relative paths, for messages
    std::string yaml_source;
    std::string title;
    TableKind kind = TableKind::count;
    TableAbout about = TableAbout::pupils;
    std::string unit;         // shown after rate and value figures ("%" for rates by default)
    std::string source;
    std::string period;
    std::string commentary;   // Markdown: a few sentences on what the figures show (optional)
    Location commentary_at;   // where its text starts in the YAML file
    int commentary_column = 0;  // the column its later lines start at (a block's indentation + 1); 0: not known
    std::vector<std::string> groups;    // row order
    std::vector<std::string> measures;  // column order
    bool totals = false;       // count tables: add a Total row and column
    bool trust_total = true;   // also publish the trust-wide table
    // Declared breakdowns of the "All" row (extension): each a set of
    // group indices that together make up All, e.g. Boys and Girls.
    std::vector<std::vector<std::size_t>> splits;
    // Tables that declare the same population (extension) describe the
    // same people: their All and Total figures are protected together.
    std::string population;
    std::optional<Date> snapshot;  // pay-gap tables: the date the figures were taken
    int threshold = 5;         // N: the table's, else the site's for its audience
    Location groups_at;        // where `groups:` and `measures:` are, for notes
    Location measures_at;
};

// The largest figure accepted: no school or trust counts a billion people,
// and sums of national tables stay far from overflow.
constexpr long long max_figure = 1'000'000'000;

// One figure as the CSV gave it. Which members mean something depends on
// the table's kind: `count` uses n; `rate` uses n (numerator) and d
// (denominator); `value` and `pay-gap` use value (kept as written).
struct Figure {
    long long n = 0;
    long long d = 0;
    std::string value;
};

// The figures of one school (or of the trust, for `school: trust` rows),
// one optional per cell: index = group * measures + measure. An empty
// optional is a figure the CSV does not give ("not available").
struct FigureGrid {
    std::vector<std::optional<Figure>> cells;
};

struct DataTable {
    TableSpec spec;
    // Schools that have at least one row, in Site::schools order.
    std::vector<std::size_t> schools;
    std::vector<FigureGrid> school_figures;  // parallel to `schools`
    // Rows given with `school: trust`: figures that exist only trust-wide.
    std::optional<FigureGrid> trust_figures;

    std::size_t cell_count() const { return spec.groups.size() * spec.measures.size(); }
};

// A group that totals the others: "All pupils", "All staff", "All", "Total",
// and in Welsh "Pob disgybl", "Pawb", "Cyfanswm".
bool is_all_group(std::string_view label);

// The figures a `pay-gap` table must hold, as (group, measure) pairs, in
// the order they are shown.
struct PayGapFigure {
    std::string_view group;
    std::string_view measure;
};
const std::vector<PayGapFigure>& pay_gap_figures();
// Whether (group, measure) of a pay-gap table is one of its figures; the
// other cells cannot exist (GSS symbol z).
bool is_pay_gap_figure(const TableSpec& spec, std::size_t group, std::size_t measure);

// Reads data/<slug>.yaml and data/<slug>.csv (raw bytes: UTF-8, BOM and CRLF
// allowed). `school_slugs` are the site's schools in Site::schools order;
// `pupil_threshold`/`staff_threshold` are the site's defaults. Every problem
// goes to `diags`; returns nullopt when the table cannot be published.
// Rows of the `unreadable` schools (folders already reported) are left out
// without a word.
std::optional<DataTable> read_data_table(const std::string& slug, const std::string& yaml_source,
                                         std::string_view yaml_bytes, const std::string& csv_source,
                                         std::string_view csv_bytes, const std::vector<std::string>& school_slugs,
                                         int pupil_threshold, int staff_threshold, Diagnostics& diags,
                                         const std::vector<std::string>& unreadable = {});

}  // namespace eqsite
