#include "render/data_tables.hpp"

#include <algorithm>
#include <functional>

#include <nlohmann/json.hpp>

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

// What each symbol means, in words, for the legend beside a table.
std::string legend_html(const PublishedTable& t, const PublishedGrid& g) {
    std::vector<std::string> items;
    const std::string who = people(t.spec);
    if (uses(g, Symbol::suppressed))
        items.push_back(t.spec.kind == TableKind::rate
                            ? "<li><strong>c</strong>: hidden to protect privacy (the percentage rests on " +
                                  std::to_string(t.spec.threshold) + " or fewer " + who + ", counts from 1 to " +
                                  std::to_string(t.spec.threshold - 1) + " of them or leaves out from 1 to " +
                                  std::to_string(t.spec.threshold - 1) +
                                  " of them, or would let a hidden one be worked out)</li>"
                            : "<li><strong>c</strong>: hidden to protect privacy (fewer than " +
                                  std::to_string(t.spec.threshold) + " " + who +
                                  ", or a figure from which a hidden one could be worked out)</li>");
    if (uses(g, Symbol::not_available))
        items.push_back("<li><strong>x</strong>: not available (no figure was given)</li>");
    if (uses(g, Symbol::not_applicable))
        items.push_back(t.spec.kind == TableKind::rate
                            ? "<li><strong>z</strong>: not applicable (there are no " + who + " in this group)</li>"
                            : "<li><strong>z</strong>: not applicable (this figure does not exist)</li>");
    std::string out;
    if (t.spec.kind == TableKind::rate)
        out += "<p class=\"table-note\">Percentages of the " + who + " in each group. A percentage is hidden when it "
               "rests on " + std::to_string(t.spec.threshold) + " or fewer " + who + ", or when from 1 to " +
               std::to_string(t.spec.threshold - 1) + " of them are counted in it or left out of it.</p>\n";
    if (items.empty()) return out;
    out += "<p class=\"table-note\">Symbols used in this table:</p>\n<ul class=\"table-legend\">\n";
    for (const auto& i : items) out += i + "\n";
    return out + "</ul>\n";
}

std::string caption_text(const PublishedTable& t, const std::string& place) {
    std::string c = t.spec.title + ": " + place;
    if (!t.spec.period.empty()) c += ", " + t.spec.period;
    c += ".";
    if (!t.spec.source.empty()) c += " Source: " + t.spec.source + ".";
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

// The figure of a pay-gap grid for (group, measure), as shown.
std::string pay_gap_figure(const PublishedTable& t, const PublishedGrid& g, std::string_view group,
                           std::string_view measure) {
    const auto r = std::find(t.rows.begin(), t.rows.end(), group) - t.rows.begin();
    const auto c = std::find(t.columns.begin(), t.columns.end(), measure) - t.columns.begin();
    return display_figure(t, t.cell(g, static_cast<std::size_t>(r), static_cast<std::size_t>(c)));
}

// One small table of the pay-gap layout: rows x columns of figures.
std::string small_table(const std::string& id, const std::string& caption, const std::string& corner,
                        const std::vector<std::string>& columns, const std::vector<std::string>& rows,
                        const std::function<std::string(std::size_t, std::size_t)>& figure) {
    std::string out = "<section class=\"table-scroll\" aria-labelledby=\"" + id + "-caption\" tabindex=\"0\">\n";
    out += "<table class=\"figures\" id=\"" + id + "\">\n<caption id=\"" + id + "-caption\">" + html_escape(caption) +
           "</caption>\n<thead>\n<tr><th scope=\"col\">" + html_escape(corner) + "</th>";
    for (const auto& c : columns) out += "<th scope=\"col\" class=\"num\">" + html_escape(c) + "</th>";
    out += "</tr>\n</thead>\n<tbody>\n";
    for (std::size_t r = 0; r < rows.size(); ++r) {
        out += "<tr><th scope=\"row\">" + html_escape(rows[r]) + "</th>";
        for (std::size_t c = 0; c < columns.size(); ++c)
            out += "<td class=\"num\">" + html_escape(figure(r, c)) + "</td>";
        out += "</tr>\n";
    }
    return out + "</tbody>\n</table>\n</section>\n";
}

// The six statutory gender pay gap figures in three readable tables: the
// gaps, who is paid a bonus, and who is in each quarter of pay.
std::string pay_gap_html(const PublishedTable& t, const PublishedGrid& g, const std::string& place,
                         const std::string& id) {
    const std::string eid = html_escape(id);
    std::string out = "<p class=\"table-note\">";
    out += t.spec.snapshot ? "Figures on the snapshot date, " + t.spec.snapshot->long_form() + ", for " +
                                 html_escape(place) + "."
                           : "The snapshot date of these figures is not given.";
    if (!t.spec.source.empty()) out += " Source: " + html_escape(t.spec.source) + ".";
    out += " A positive gap means women are paid less than men on average; a negative gap means they are paid "
           "more.</p>\n";
    const std::vector<std::string> averages = {"Mean", "Median"};
    out += small_table(eid, "Gender pay gap: " + place, "Average", {"Hourly pay gap", "Bonus pay gap"}, averages,
                       [&](std::size_t r, std::size_t c) {
                           return pay_gap_figure(t, g, "All staff",
                                                 averages[r] + (c == 0 ? " hourly pay gap" : " bonus pay gap"));
                       });
    const std::vector<std::string> people = {"Men", "Women"};
    out += small_table(eid + "-bonus", "Proportion of men and of women paid a bonus: " + place, "Staff",
                       {"Paid a bonus"}, people,
                       [&](std::size_t r, std::size_t) { return pay_gap_figure(t, g, people[r], "Paid a bonus"); });
    const std::vector<std::string> quarters = {"Lower quartile", "Lower middle quartile", "Upper middle quartile",
                                               "Upper quartile"};
    const std::vector<std::string> quarter_names = {"Lower quarter (lowest paid)", "Lower middle quarter",
                                                    "Upper middle quarter", "Upper quarter (highest paid)"};
    out += small_table(eid + "-quarters", "Men and women in each quarter of the pay range: " + place, "Pay quarter",
                       people, quarter_names,
                       [&](std::size_t r, std::size_t c) { return pay_gap_figure(t, g, people[c], quarters[r]); });
    if (uses(g, Symbol::not_available))
        out += "<p class=\"table-note\">Symbols used in these tables:</p>\n<ul class=\"table-legend\">\n<li><strong>x"
               "</strong>: not available (the trust has not given this statutory figure)</li>\n</ul>\n";
    return out;
}

}  // namespace

std::string table_html(const PublishedTable& t, const PublishedGrid& g, const std::string& place,
                       const std::string& id) {
    if (t.spec.kind == TableKind::pay_gap) return pay_gap_html(t, g, place, id);
    const std::string caption_id = html_escape(id) + "-caption";
    std::string out;
    out += "<section class=\"table-scroll\" aria-labelledby=\"" + caption_id + "\" tabindex=\"0\">\n";
    out += "<table class=\"figures\" id=\"" + html_escape(id) + "\">\n";
    out += "<caption id=\"" + caption_id + "\">" + html_escape(caption_text(t, place)) + "</caption>\n";
    out += "<thead>\n<tr><th scope=\"col\">Group</th>";
    for (const auto& c : t.columns) out += "<th scope=\"col\" class=\"num\">" + html_escape(c) + "</th>";
    out += "</tr>\n</thead>\n<tbody>\n";
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        out += "<tr><th scope=\"row\">" + html_escape(t.rows[r]) + "</th>";
        for (std::size_t c = 0; c < t.columns.size(); ++c)
            out += "<td class=\"num\">" + html_escape(display_figure(t, t.cell(g, r, c))) + "</td>";
        out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n</section>\n";
    out += legend_html(t, g);
    out += chart_svg(t, g);
    return out;
}

std::string chart_svg(const PublishedTable& t, const PublishedGrid& g) {
    if (t.spec.kind != TableKind::rate) return "";
    // Layout in SVG units: a label column, then bars scaled to 0-100%.
    constexpr int width = 640, label_w = 230, bar_w = 330, bar_h = 18, row_h = 24, heading_h = 28;
    std::string body;
    int y = 0;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
        y += heading_h;
        body += "<text class=\"chart-heading\" x=\"0\" y=\"" + std::to_string(y - 8) + "\">" +
                html_escape(t.columns[c]) + "</text>\n";
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
            const PublishedCell& cell = t.cell(g, r, c);
            const int text_y = y + bar_h - 4;
            body += "<text x=\"" + std::to_string(label_w - 8) + "\" y=\"" + std::to_string(text_y) +
                    "\" text-anchor=\"end\">" + html_escape(t.rows[r]) + "</text>\n";
            if (cell.shown()) {
                const long long tenths = rate_tenths(cell.n(), cell.d());
                const long long w = tenths * bar_w / 1000;
                body += "<rect x=\"" + std::to_string(label_w) + "\" y=\"" + std::to_string(y) + "\" width=\"" +
                        std::to_string(w) + "\" height=\"" + std::to_string(bar_h) + "\"/>\n";
                body += "<text x=\"" + std::to_string(label_w + w + 6) + "\" y=\"" + std::to_string(text_y) + "\">" +
                        html_escape(display_figure(t, cell)) + "</text>\n";
            } else {
                // No bar: the symbol only, never a length that hints at the figure.
                body += "<text x=\"" + std::to_string(label_w + 6) + "\" y=\"" + std::to_string(text_y) + "\">" +
                        symbol_text(cell.symbol()) + "</text>\n";
            }
            y += row_h;
        }
    }
    std::string out = "<figure class=\"chart\">\n";
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + std::to_string(width) + " " +
           std::to_string(y + 4) + "\" aria-hidden=\"true\" focusable=\"false\">\n" + body + "</svg>\n";
    out += "<figcaption>Bar chart of the table above; the table gives the same figures.</figcaption>\n</figure>\n";
    return out;
}

std::string table_csv(const PublishedTable& t, const std::vector<std::string>& school_slugs) {
    std::string out = "school,group,measure,";
    out += join(figure_columns(t.spec.kind), ",") + ",published\n";
    each_grid(t, school_slugs, [&](const PublishedGrid& g, const std::string& slug) {
        for (std::size_t r = 0; r < t.rows.size(); ++r)
            for (std::size_t c = 0; c < t.columns.size(); ++c) {
                const PublishedCell& cell = t.cell(g, r, c);
                std::vector<std::string> fields = {slug, t.rows[r], t.columns[c]};
                for (auto& f : figure_fields(t, cell)) fields.push_back(f);
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
    return doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace eqsite
