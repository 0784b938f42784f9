#include "render/data_tables.hpp"

#include <algorithm>
#include <functional>

#include <nlohmann/json.hpp>

#include "render/view_data.hpp"
#include "util/text.hpp"

namespace eqsite {
namespace {

std::string people(const TableSpec& spec) { return spec.about == TableAbout::staff ? "staff" : "pupils"; }

std::string with_unit(const std::string& figure, const std::string& unit) {
    if (unit.empty()) return figure;
    if (unit == "%") return figure + "%";
    return figure + " " + unit;
}

bool uses(const PublishedGrid& g, Symbol s) {
    return std::any_of(g.cells.begin(), g.cells.end(), [&](const PublishedCell& c) { return c.symbol() == s; });
}

// What each symbol the grid uses means, in words, for the legend.
Data legend_entries(const Strings& s, const PublishedTable& t, const PublishedGrid& g) {
    List items;
    auto entry = [&](char symbol, const std::string& key) {
        Data d;
        put(d, "symbol", std::string(1, symbol));
        put(d, "meaning", s.text("tables." + key, {{"threshold", std::to_string(t.spec.threshold)},
                                                  {"below", std::to_string(t.spec.threshold - 1)},
                                                  {"who", s.text("tables." + people(t.spec))}}));
        items.push_back(std::move(d));
    };
    const bool rate = t.spec.kind == TableKind::rate;
    if (t.spec.kind == TableKind::pay_gap) {
        if (uses(g, Symbol::not_available)) entry('x', "legend_x_pay_gap");
        return list_data(std::move(items));
    }
    if (uses(g, Symbol::suppressed)) entry('c', rate ? "legend_c_rate" : "legend_c");
    if (uses(g, Symbol::not_available)) entry('x', "legend_x");
    if (uses(g, Symbol::not_applicable)) entry('z', rate ? "legend_z_rate" : "legend_z");
    return list_data(std::move(items));
}

std::string caption_text(const Strings& s, const PublishedTable& t, const std::string& place) {
    std::string c = s.text("tables.caption", {{"title", t.spec.title}, {"place", place}});
    if (!t.spec.period.empty()) c += s.text("tables.caption_period", {{"period", t.spec.period}});
    c += s.text("tables.caption_end");
    if (!t.spec.source.empty()) c += s.text("tables.caption_source", {{"source", t.spec.source}});
    return c;
}

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos && (s.empty() || (s.front() != ' ' && s.back() != ' ')))
        return s;
    std::string out = "\"";
    for (char ch : s) {
        if (ch == '"') out += '"';
        out += ch;
    }
    return out + "\"";
}

// Calls `f(grid, slug)` for each school's grid, then the trust's.
template <typename F>
void each_grid(const PublishedTable& t, const std::vector<std::string>& school_slugs, F f) {
    for (const auto& g : t.schools) f(g, school_slugs[*g.school]);
    if (t.trust) f(*t.trust, std::string("trust"));
}

std::string symbol_text(Symbol s) { return std::string(1, symbol_char(s)); }

// The tidy figure columns of section 5 for one cell, as text.
std::vector<std::string> figure_fields(const PublishedTable& t, const PublishedCell& c) {
    if (!c.shown()) {
        const std::string s = symbol_text(c.symbol());
        if (t.spec.kind != TableKind::rate) return {s};
        // A hidden rate's group size is published when other cells show it.
        const auto d = c.known_denominator();
        return {s, d ? std::to_string(*d) : s};
    }
    switch (t.spec.kind) {
        case TableKind::count: return {std::to_string(c.n())};
        case TableKind::rate: return {std::to_string(c.n()), std::to_string(c.d())};
        default: return {c.value()};
    }
}

std::string published_field(const PublishedTable& t, const PublishedCell& c) {
    if (!c.shown()) return symbol_text(c.symbol());
    if (t.spec.kind == TableKind::rate) return format_tenths(rate_tenths(c.n(), c.d()));
    if (t.spec.kind == TableKind::count) return std::to_string(c.n());
    return c.value();
}

}  // namespace

long long rate_tenths(long long numerator, long long denominator) {
    if (denominator <= 0) return 0;
    return (2000 * numerator + denominator) / (2 * denominator);
}

std::string format_tenths(long long tenths) {
    const bool negative = tenths < 0;
    const long long v = negative ? -tenths : tenths;
    return (negative ? "-" : "") + std::to_string(v / 10) + "." + std::to_string(v % 10);
}

std::string display_figure(const PublishedTable& t, const PublishedCell& c) {
    if (!c.shown()) return symbol_text(c.symbol());
    switch (t.spec.kind) {
        case TableKind::count: return std::to_string(c.n());
        case TableKind::rate: return with_unit(format_tenths(rate_tenths(c.n(), c.d())), t.spec.unit);
        default: return with_unit(c.value(), t.spec.unit);
    }
}

namespace {

// The cell of a pay-gap grid for (group, measure).
const PublishedCell& pay_gap_cell(const PublishedTable& t, const PublishedGrid& g, std::string_view group,
                                  std::string_view measure) {
    const auto r = std::find(t.rows.begin(), t.rows.end(), group) - t.rows.begin();
    const auto c = std::find(t.columns.begin(), t.columns.end(), measure) - t.columns.begin();
    return t.cell(g, static_cast<std::size_t>(r), static_cast<std::size_t>(c));
}

Data cell_data(std::string text, bool shown) {
    Data d;
    put(d, "text", std::move(text));
    put(d, "symbol", Data(!shown));  // c, x or z rather than a figure
    return d;
}

// One <table>: caption, the corner and column heads, and rows of cells.
Data grid_data(const std::string& id, const std::string& caption, const std::string& corner,
               const std::vector<std::string>& columns, const std::vector<std::string>& rows,
               const std::function<Data(std::size_t, std::size_t)>& cell) {
    Data d;
    put(d, "id", id);
    put(d, "caption", caption);
    put(d, "corner", corner);
    List heads;
    heads.reserve(columns.size());
    for (const auto& c : columns) heads.push_back(Data("label", c));
    put(d, "columns", list_data(std::move(heads)));
    List body;
    body.reserve(rows.size());
    for (std::size_t r = 0; r < rows.size(); ++r) {
        Data row;
        put(row, "head", rows[r]);
        List cells;
        cells.reserve(columns.size());
        for (std::size_t c = 0; c < columns.size(); ++c) cells.push_back(cell(r, c));
        put(row, "cells", list_data(std::move(cells)));
        body.push_back(std::move(row));
    }
    put(d, "rows", list_data(std::move(body)));
    return d;
}

// The six statutory gender pay gap figures in three readable tables: the
// gaps, who is paid a bonus, and who is in each quarter of pay. The
// groups and measures are the statutory ones the data file must use.
List pay_gap_grids(const Strings& s, const PublishedTable& t, const PublishedGrid& g, const std::string& place,
                   const std::string& id) {
    auto figure = [&](std::string_view group, std::string_view measure) {
        const PublishedCell& cell = pay_gap_cell(t, g, group, measure);
        return cell_data(display_figure(t, cell), cell.shown());
    };
    auto words = [&](const char* key) { return s.text(std::string("tables.") + key, {{"place", place}}); };
    List out;
    const std::vector<std::string> averages = {"Mean", "Median"};
    out.push_back(grid_data(id, words("pay_gap_caption"), words("pay_gap_average"),
                            {words("pay_gap_hourly"), words("pay_gap_bonus")},
                            {words("pay_gap_mean"), words("pay_gap_median")}, [&](std::size_t r, std::size_t c) {
                                return figure("All staff", averages[r] + (c == 0 ? " hourly pay gap" : " bonus pay gap"));
                            }));
    const std::vector<std::string> people = {"Men", "Women"};
    const std::vector<std::string> people_words = {words("pay_gap_men"), words("pay_gap_women")};
    out.push_back(grid_data(id + "-bonus", words("pay_gap_bonus_caption"), words("pay_gap_staff"),
                            {words("pay_gap_paid_bonus")}, people_words,
                            [&](std::size_t r, std::size_t) { return figure(people[r], "Paid a bonus"); }));
    const std::vector<std::string> quarters = {"Lower quartile", "Lower middle quartile", "Upper middle quartile",
                                               "Upper quartile"};
    out.push_back(grid_data(id + "-quarters", words("pay_gap_quarters_caption"), words("pay_gap_quarter"),
                            people_words,
                            {words("pay_gap_lower"), words("pay_gap_lower_middle"), words("pay_gap_upper_middle"),
                             words("pay_gap_upper")},
                            [&](std::size_t r, std::size_t c) { return figure(people[c], quarters[r]); }));
    return out;
}

// The bar chart of a rate table: for each measure, a bar per group on one
// scale, 0 to 100% (`tenths`: 0 to 1000). A hidden figure has no bar,
// only its symbol: never a length that hints at the figure.
Data chart_data(const PublishedTable& t, const PublishedGrid& g) {
    List columns;
    columns.reserve(t.columns.size());
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
        Data column;
        put(column, "heading", t.columns[c]);
        List bars;
        bars.reserve(t.rows.size());
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
            const PublishedCell& cell = t.cell(g, r, c);
            Data bar;
            put(bar, "label", t.rows[r]);
            put(bar, "shown", Data(cell.shown()));
            if (cell.shown()) {
                put(bar, "tenths", std::to_string(std::clamp(rate_tenths(cell.n(), cell.d()), 0LL, 1000LL)));
                put(bar, "value", display_figure(t, cell));
            } else {
                put(bar, "value", symbol_text(cell.symbol()));
            }
            bars.push_back(std::move(bar));
        }
        put(column, "bars", list_data(std::move(bars)));
        columns.push_back(std::move(column));
    }
    Data chart;
    put(chart, "columns", list_data(std::move(columns)));
    return chart;
}

}  // namespace

Data table_data(const Strings& s, const PublishedTable& t, const PublishedGrid& g, const std::string& place,
                const std::string& id) {
    Data d;
    put(d, "place", place);
    put(d, "who", s.text("tables." + people(t.spec)));
    put(d, "threshold", std::to_string(t.spec.threshold));
    put(d, "below_threshold", std::to_string(t.spec.threshold - 1));
    if (!t.spec.source.empty()) put(d, "source", t.spec.source);
    List grids;
    if (t.spec.kind == TableKind::pay_gap) {
        put(d, "pay_gap", Data(true));
        if (t.spec.snapshot) put(d, "snapshot", s.date(*t.spec.snapshot));
        grids = pay_gap_grids(s, t, g, place, id);
    } else {
        grids.push_back(grid_data(id, caption_text(s, t, place), s.text("tables.group"), t.columns, t.rows, [&](std::size_t r, std::size_t c) {
            const PublishedCell& cell = t.cell(g, r, c);
            return cell_data(display_figure(t, cell), cell.shown());
        }));
    }
    put(d, "one_grid", Data(grids.size() == 1));
    put(d, "grids", list_data(std::move(grids)));
    if (t.spec.kind == TableKind::rate) {
        put(d, "rate", Data(true));
        Data chart = chart_data(t, g);
        put(chart, "who", s.text("tables." + people(t.spec)));  // its axis says of whom
        put(d, "chart", std::move(chart));
    }
    Data legend = legend_entries(s, t, g);
    put(d, "has_legend", Data(!legend.is_empty_list()));
    put(d, "legend", std::move(legend));
    return d;
}

std::string table_csv(const PublishedTable& t, const std::vector<std::string>& school_slugs) {
    std::string out = "school,group,measure,";
    out += join(figure_columns(t.spec.kind), ",") + ",published\n";
    each_grid(t, school_slugs, [&](const PublishedGrid& g, const std::string& slug) {
        for (std::size_t r = 0; r < t.rows.size(); ++r)
            for (std::size_t c = 0; c < t.columns.size(); ++c) {
                const PublishedCell& cell = t.cell(g, r, c);
                std::vector<std::string> fields = {slug, t.rows[r], t.columns[c]};
                for (auto& f : figure_fields(t, cell)) fields.push_back(std::move(f));
                fields.push_back(published_field(t, cell));
                for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + csv_field(fields[i]);
                out += "\n";
            }
    });
    return out;
}

std::string table_json(const PublishedTable& t, const std::vector<std::string>& school_slugs) {
    using json = nlohmann::ordered_json;
    json doc;
    doc["table"] = t.spec.slug;
    doc["title"] = t.spec.title;
    doc["kind"] = std::string(slug(t.spec.kind));
    doc["about"] = people(t.spec);
    doc["unit"] = t.spec.unit;
    doc["period"] = t.spec.period;
    doc["source"] = t.spec.source;
    doc["threshold"] = t.spec.threshold;
    if (t.spec.snapshot) doc["snapshot"] = t.spec.snapshot->iso();
    doc["symbols"] = {{"c", "hidden to protect privacy"}, {"x", "not available"}, {"z", "not applicable"}};
    json rows = json::array();
    const std::vector<std::string> names = figure_columns(t.spec.kind);
    each_grid(t, school_slugs, [&](const PublishedGrid& g, const std::string& slug) {
        for (std::size_t r = 0; r < t.rows.size(); ++r)
            for (std::size_t c = 0; c < t.columns.size(); ++c) {
                const PublishedCell& cell = t.cell(g, r, c);
                json row;
                row["school"] = slug;
                row["group"] = t.rows[r];
                row["measure"] = t.columns[c];
                const auto fields = figure_fields(t, cell);
                for (std::size_t i = 0; i < names.size(); ++i) {
                    // Counts are numbers; symbols and values stay text, as written.
                    if (cell.shown() && t.spec.kind != TableKind::value && t.spec.kind != TableKind::pay_gap)
                        row[names[i]] = i == 0 ? cell.n() : cell.d();
                    else if (i == 1 && cell.known_denominator())
                        row[names[i]] = *cell.known_denominator();
                    else
                        row[names[i]] = fields[i];
                }
                row["published"] = published_field(t, cell);
                rows.push_back(std::move(row));
            }
    });
    doc["rows"] = std::move(rows);
    if (t.trust_sums_schools()) {
        // The trust's rows are sums: of which schools, which sums leave
        // out a school that gave no figure there, and which figures are
        // the trust's own (`school: trust`), not sums.
        json adds_up = json::array();
        for (const auto& g : t.schools) adds_up.push_back(school_slugs[*g.school]);
        doc["trust_adds_up"] = std::move(adds_up);
        json gaps = json::array();
        for (const TrustGap& gap : t.trust_gaps) {
            json without = json::array();
            for (std::size_t i : gap.without) without.push_back(school_slugs[i]);
            gaps.push_back({{"group", t.rows[gap.row]}, {"measure", t.columns[gap.column]}, {"without", std::move(without)}});
        }
        doc["trust_leaves_out"] = std::move(gaps);
        json own = json::array();
        for (const auto& [r, c] : t.trust_own()) own.push_back({{"group", t.rows[r]}, {"measure", t.columns[c]}});
        doc["trust_own"] = std::move(own);
    }
    return doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace eqsite
