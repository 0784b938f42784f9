// Every published form of a data table: what the theme needs to show it
// (the table, its legend, the bar chart of a rate table), and the CSV and
// JSON downloads.
//
// All of them read only a PublishedTable, which holds no suppressed figure,
// so none of them can leak one.
#pragma once

#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "model/disclosure.hpp"
#include "render/strings.hpp"

namespace eqsite {

// The figure as shown in a table cell: "12", "93.3%", "c".
std::string display_figure(const PublishedTable& table, const PublishedCell& cell);

// A rate in tenths of a percent, rounded half up, without floating point
// (so every platform prints the same digits): 14/22 -> 636 ("63.6").
long long rate_tenths(long long numerator, long long denominator);
std::string format_tenths(long long tenths);

// What the theme's `data-table` partial shows for one school's (or the
// trust's) table, as structured data, so a theme can change any of its
// markup: `grids` (one <table> each, three for the pay gap: id, caption,
// corner, columns [label], rows [head, cells [text, symbol]]), `legend`
// (the symbols used: symbol, meaning), for rate tables `rate` and `chart`
// (who, columns [heading, bars [label, shown, tenths (0-1000), value]]),
// and the words around them (place, who, threshold, below_threshold,
// source, pay_gap, snapshot). `place` names the school or the trust; `id`
// must be unique on the page.
kainjow::mustache::data table_data(const Strings& strings, const PublishedTable& table, const PublishedGrid& grid,
                                   const std::string& place, const std::string& id);

// /data/<table>.csv and .json: every school's cells, then the trust's.
// `school_slugs` are the site's schools in Site::schools order.
std::string table_csv(const PublishedTable& table, const std::vector<std::string>& school_slugs);
std::string table_json(const PublishedTable& table, const std::vector<std::string>& school_slugs);

}  // namespace eqsite
