// Every published form of a data table: the accessible HTML table with its
// legend, the SVG bar chart for rate tables, and the CSV and JSON downloads.
//
// All of them read only a PublishedTable, which holds no suppressed figure,
// so none of them can leak one.
#pragma once

#include <string>
#include <vector>

#include "model/disclosure.hpp"

namespace eqsite {

// The figure as shown in a table cell: "12", "93.3%", "c".
std::string display_figure(const PublishedTable& table, const PublishedCell& cell);

// A rate in tenths of a percent, rounded half up, without floating point
// (so every platform prints the same digits): 14/22 -> 636 ("63.6").
long long rate_tenths(long long numerator, long long denominator);
std::string format_tenths(long long tenths);

// The HTML block for one school's (or the trust's) table: a labelled,
// keyboard-scrollable container with the <table>, the legend of the
// symbols it uses, and for rate tables a bar chart. `place` names the school
// or the trust; `id` must be unique on the page.
std::string table_html(const PublishedTable& table, const PublishedGrid& grid, const std::string& place,
                       const std::string& id);

// The bar chart of a rate table (empty for other kinds). Hidden from
// assistive technology: the table next to it is its text alternative.
std::string chart_svg(const PublishedTable& table, const PublishedGrid& grid);

// /data/<table>.csv and .json: every school's cells, then the trust's.
// `school_slugs` are the site's schools in Site::schools order.
std::string table_csv(const PublishedTable& table, const std::vector<std::string>& school_slugs);
std::string table_json(const PublishedTable& table, const std::vector<std::string>& school_slugs);

}  // namespace eqsite
