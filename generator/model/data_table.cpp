#include "model/data_table.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <unordered_map>

#include "load/csv_file.hpp"
#include "load/document.hpp"
#include "load/fields.hpp"
#include "util/text.hpp"

namespace eqsite {

std::string_view slug(TableKind k) {
    switch (k) {
        case TableKind::count: return "count";
        case TableKind::rate: return "rate";
        case TableKind::value: return "value";
        case TableKind::pay_gap: return "pay-gap";
    }
    return "count";
}

bool is_all_group(std::string_view label) {
    const std::string l = to_lower_ascii(trim(label));
    // English, and Welsh (schools in Wales publish in both): "Pob disgybl"
    // (all pupils), "Pob aelod o staff" (all staff), "Cyfanswm" (total).
    return l == "all" || l.rfind("all ", 0) == 0 || l == "total" || l == "pawb" || l.rfind("pob ", 0) == 0 ||
           l == "cyfanswm" || l == "y cyfan";
}

std::vector<std::string> figure_columns(TableKind kind) {
    switch (kind) {
        case TableKind::count: return {"count"};
        case TableKind::rate: return {"numerator", "denominator"};
        case TableKind::value:
        case TableKind::pay_gap: return {"value"};
    }
    return {};
}

const std::vector<PayGapFigure>& pay_gap_figures() {
    static const std::vector<PayGapFigure> figures = [] {
        std::vector<PayGapFigure> f = {{"All staff", "Mean hourly pay gap"},
                                       {"All staff", "Median hourly pay gap"},
                                       {"All staff", "Mean bonus pay gap"},
                                       {"All staff", "Median bonus pay gap"}};
        for (std::string_view who : {"Men", "Women"}) {
            f.push_back({who, "Paid a bonus"});
            for (std::string_view q : {"Lower quartile", "Lower middle quartile", "Upper middle quartile",
                                       "Upper quartile"})
                f.push_back({who, q});
        }
        return f;
    }();
    return figures;
}

bool is_pay_gap_figure(const TableSpec& spec, std::size_t g, std::size_t m) {
    const auto& figs = pay_gap_figures();
    return std::any_of(figs.begin(), figs.end(), [&](const PayGapFigure& p) {
        return p.group == spec.groups[g] && p.measure == spec.measures[m];
    });
}

namespace {

const std::vector<std::string> kind_names = {"count", "rate", "value", "pay-gap"};

// Labels DfE guidance advises against, and the label to use instead.
struct DiscouragedLabel {
    std::string_view label;
    std::string_view instead;
};
const DiscouragedLabel discouraged_labels[] = {
    {"bame", "the five broad ethnic groups (\"Asian or Asian British\", \"Black, Black British, Caribbean or "
             "African\", \"Mixed or multiple ethnic groups\", \"White\", \"Other ethnic group\")"},
    {"bme", "the five broad ethnic groups (\"Asian or Asian British\", \"Black, Black British, Caribbean or "
            "African\", \"Mixed or multiple ethnic groups\", \"White\", \"Other ethnic group\")"},
    {"non-white", "\"Ethnic minorities (excluding White minorities)\" or the five broad ethnic groups"},
    {"sen", "\"SEN support\" and \"EHC plan\" as separate groups"},
    {"fsm", "\"Disadvantaged\" (or \"Eligible for free school meals\" if that is what is counted)"},
};

std::vector<std::string> list_of(Fields& f, const std::string& key, Need need, Diagnostics& diags) {
    std::vector<std::string> out;
    for (const auto& item : f.text_list(key, need)) {
        if (std::find(out.begin(), out.end(), item.value) != out.end()) {
            diags.error(item.where, "\"" + item.value + "\" is listed twice in " + key + ": remove one");
            continue;
        }
        for (const auto& d : discouraged_labels)
            if (to_lower_ascii(item.value) == d.label)
                diags.warning(item.where, "DfE guidance advises against the label \"" + item.value + "\"; use " +
                                              std::string(d.instead) + " instead");
        out.push_back(item.value);
    }
    return out;
}

// splits: [[Boys, Girls], [SEN support, EHC plan, No SEN]]: groups that
// together make up the "All" row. Suppression then knows those sums.
void read_splits(Fields& f, TableSpec& spec, Diagnostics& diags) {
    const YamlNode* node = f.node("splits");
    if (!node) return;
    const bool has_all = std::any_of(spec.groups.begin(), spec.groups.end(), is_all_group);
    if (!has_all) {
        diags.error(f.where_value("splits"), "\"splits\" says which groups make up the \"All pupils\" (or \"All "
                                             "staff\") row, but this table has no such group; remove splits");
        return;
    }
    const std::string example = "write it as splits: [[Boys, Girls]]";
    if (!node->is_list()) {
        diags.error(f.where_value("splits"), "\"splits\" must be a list of lists of groups; " + example);
        return;
    }
    for (const auto& split : node->items) {
        if (!split.is_list() || split.items.size() < 2) {
            diags.error(f.where_is(split), "each split is a list of two or more groups; " + example);
            continue;
        }
        std::vector<std::size_t> members;
        for (const auto& g : split.items) {
            const std::string name = g.is_text() ? trim(g.text) : "";
            const auto it = std::find(spec.groups.begin(), spec.groups.end(), name);
            if (it == spec.groups.end() || is_all_group(name)) {
                std::string msg = "\"" + name + "\" is not one of the groups of this table";
                if (const auto dym = did_you_mean(name, spec.groups); !dym.empty()) msg += "; " + dym;
                else msg += ". The groups are " + join(spec.groups, ", ");
                diags.error(f.where_is(g), msg);
                continue;
            }
            members.push_back(static_cast<std::size_t>(it - spec.groups.begin()));
        }
        if (members.size() == split.items.size()) spec.splits.push_back(std::move(members));
    }
}

std::optional<TableSpec> read_spec(const std::string& slug, const std::string& path, std::string_view bytes,
                                   int pupil_threshold, int staff_threshold, Diagnostics& diags) {
    const auto yaml = load_yaml_file(path, bytes, diags);
    if (!yaml) return std::nullopt;
    Fields f(*yaml, path, 1, diags);
    TableSpec spec;
    spec.slug = slug;
    spec.yaml_source = path;
    const std::size_t errors_before = diags.error_count();

    spec.title = f.text("title", Need::required).value_or(slug);
    if (auto kind = f.located_text("kind", Need::required)) {
        const auto it = std::find(kind_names.begin(), kind_names.end(), kind->value);
        if (it != kind_names.end()) {
            spec.kind = static_cast<TableKind>(it - kind_names.begin());
        } else {
            std::string msg = "unknown table kind \"" + kind->value + "\"";
            if (const auto dym = did_you_mean(kind->value, kind_names); !dym.empty()) msg += "; " + dym;
            else msg += ".";
            diags.error(kind->where, msg + " Valid kinds are count, rate, value and pay-gap");
        }
    }
    if (auto about = f.located_text("about", Need::required)) {
        if (about->value == "pupils" || about->value == "staff") {
            spec.about = about->value == "staff" ? TableAbout::staff : TableAbout::pupils;
        } else {
            std::string msg = "\"about\" must be pupils or staff, not \"" + about->value + "\"";
            if (const auto dym = did_you_mean(about->value, {"pupils", "staff"}); !dym.empty()) msg += "; " + dym;
            diags.error(about->where, msg + " (it sets how small a figure must be to be hidden)");
        }
    }
    // Rates and the pay gap's statutory figures are percentages unless said otherwise.
    spec.unit = f.text("unit").value_or(spec.kind == TableKind::rate || spec.kind == TableKind::pay_gap ? "%" : "");
    // A share of people given as a bare percentage is published as given
    // (spec section 5), so nothing can hide a small group behind it: 5 % of
    // a school's 60 pupils is 3 pupils.
    if (spec.kind == TableKind::value && trim(spec.unit) == "%")
        diags.warning(f.where_value("kind"),
                      "a value table of percentages is published exactly as given, so eqsite cannot hide a small "
                      "group behind it (5% of 60 pupils is 3 pupils); if these are shares of " +
                          std::string(spec.about == TableAbout::staff ? "staff" : "pupils") +
                          ", give the numbers instead in a rate table (kind: rate, with numerator and denominator), "
                          "whose small groups are hidden");
    spec.source = f.text("source").value_or("");
    spec.period = f.text("period").value_or("");
    spec.commentary = f.text("commentary").value_or("");
    spec.commentary_at = f.where_value("commentary");
    {   // A block ("commentary: |") starts on the next line.
        std::size_t at = 0;
        for (int line = 1; line < spec.commentary_at.line && at != std::string_view::npos; ++line) {
            at = bytes.find('\n', at);
            if (at != std::string_view::npos) ++at;
        }
        if (at != std::string_view::npos) {
            const std::string text = trim(std::string(bytes.substr(at, bytes.find('\n', at) - at)));
            if (!text.empty() && (text.back() == '|' || text.back() == '>' || text.ends_with("|-") || text.ends_with(">-") ||
                                  text.ends_with("|+") || text.ends_with(">+"))) {
                ++spec.commentary_at.line;
                // Its lines start after the block's indentation.
                const std::size_t next = bytes.find('\n', at);
                if (next != std::string_view::npos) {
                    std::size_t indent = 0;
                    while (next + 1 + indent < bytes.size() && bytes[next + 1 + indent] == ' ') ++indent;
                    spec.commentary_at.column = static_cast<int>(indent) + 1;
                    spec.commentary_column = spec.commentary_at.column;
                }
            }
        }
    }
    const Need lists = spec.kind == TableKind::pay_gap ? Need::optional : Need::required;
    spec.groups_at = f.where_value("groups");
    spec.measures_at = f.where_value("measures");
    spec.groups = list_of(f, "groups", lists, diags);
    spec.measures = list_of(f, "measures", lists, diags);
    spec.totals = f.boolean("totals").value_or(false);
    if (spec.totals && spec.kind != TableKind::count)
        diags.error(f.where_value("totals"), "\"totals\" adds up counts of people, so it only works in a "
                                             "kind: count table; remove it or set it to false");
    if (spec.totals && spec.kind == TableKind::count) {
        // A Total row (column) would add the All row (Total measure) to its own parts.
        for (const auto& [labels, key] : {std::pair{&spec.groups, "groups"}, std::pair{&spec.measures, "measures"}})
            for (const auto& g : *labels)
                if (is_all_group(g)) {
                    diags.error(f.where_value(key), "the " + std::string(key).substr(0, std::string(key).size() - 1) +
                                                        " \"" + g + "\" is already a total, so \"totals: true\" "
                                                        "would count everyone twice; remove \"" + g +
                                                        "\" or set totals to false");
                    break;
                }
    }
    spec.trust_total = f.boolean("trust_total").value_or(true);
    if (auto snapshot = f.date("snapshot", Need::optional, DatePrecision::day_only)) {
        if (spec.kind == TableKind::pay_gap)
            spec.snapshot = snapshot;
        else
            diags.error(f.where_value("snapshot"), "\"snapshot\" is the date of a pay-gap table's figures; for other tables "
                                         "say when the figures are from with \"period\"");
    } else if (spec.kind == TableKind::pay_gap) {
        diags.warning(f.where_map(), "the gender pay gap figures are taken on a snapshot date (31 March for most "
                                     "public bodies): add \"snapshot: YYYY-03-31\"; the page says the date is not "
                                     "given until you do");
    }
    read_splits(f, spec, diags);
    spec.population = trim(f.text("population").value_or(""));
    spec.threshold = spec.about == TableAbout::staff ? staff_threshold : pupil_threshold;
    if (auto n = f.integer("suppression_threshold")) {
        if (*n < 2 || *n > 100)
            diags.error(f.where_value("suppression_threshold"),
                        "suppression_threshold must be a whole number from 2 to 100 (figures below it are hidden)");
        else
            spec.threshold = static_cast<int>(*n);
    }
    f.finish();

    if (spec.kind == TableKind::pay_gap) {
        // The six statutory figures are fixed; a description may list them
        // but cannot change them.
        std::vector<std::string> groups, measures;
        for (const auto& fig : pay_gap_figures()) {
            if (std::find(groups.begin(), groups.end(), fig.group) == groups.end()) groups.emplace_back(fig.group);
            if (std::find(measures.begin(), measures.end(), fig.measure) == measures.end())
                measures.emplace_back(fig.measure);
        }
        auto check_same = [&](const std::vector<std::string>& given, const std::vector<std::string>& fixed,
                              const std::string& key) {
            if (!given.empty() && given != fixed)
                diags.error(f.where_value(key), "a pay-gap table always has the " + key + " " +
                                                    join(fixed, ", ") + "; remove \"" + key +
                                                    "\" or list exactly these, in this order");
        };
        check_same(spec.groups, groups, "groups");
        check_same(spec.measures, measures, "measures");
        spec.groups = groups;
        spec.measures = measures;
    }
    if (diags.error_count() != errors_before) return std::nullopt;
    return spec;
}

std::optional<long long> whole_number(const CsvFile& csv, const CsvField& field, const std::string& column,
                                      Diagnostics& diags) {
    const std::string text = trim(field.text);
    long long n = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (!text.empty() && ec == std::errc() && end == text.data() + text.size()) {
        if (n > max_figure) {
            diags.error(csv.at(field), "the " + column + " " + text + " is too large: a " + column +
                                           " counts people, and no figure may be above 1000000000; check for a "
                                           "typing mistake or a value in the wrong column");
            return std::nullopt;
        }
        if (n >= 0) return n;
        diags.error(csv.at(field), "a " + column + " cannot be negative (" + text + "): it counts people");
        return std::nullopt;
    }
    if (text.empty())
        diags.error(csv.at(field), "the " + column + " is empty: give a whole number, or leave the whole row out "
                                   "if the figure is not available (it is then shown as x)");
    else
        diags.error(csv.at(field), ec == std::errc::result_out_of_range
                                       ? "the " + column + " " + text + " is too large: no figure may be above "
                                         "1000000000; check for a typing mistake"
                                       : "the " + column + " \"" + text + "\" is not a whole number: write digits "
                                         "only, e.g. 12 (no spaces, commas, % or decimals)");
    return std::nullopt;
}

std::optional<std::string> decimal(const CsvFile& csv, const CsvField& field, Diagnostics& diags) {
    // -12, 3.5, 0.0: checked by hand (from_chars for double is missing from
    // some macOS toolchains), and kept as written.
    const std::string text = trim(field.text);
    const std::size_t digits_from = !text.empty() && text[0] == '-' ? 1 : 0;
    const std::string_view body = std::string_view(text).substr(digits_from);
    const auto dot = body.find('.');
    auto all_digits = [](std::string_view d) {
        return !d.empty() && std::all_of(d.begin(), d.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    const bool ok = dot == std::string_view::npos ? all_digits(body)
                                                   : all_digits(body.substr(0, dot)) && all_digits(body.substr(dot + 1));
    if (ok) return text;
    diags.error(csv.at(field), "the value \"" + text + "\" is not a number: write it like 12.5 or -3.1 "
                               "(no % sign: the table's unit is added when it is shown)");
    return std::nullopt;
}

// The items of `allowed`, one after another, that `label` is when cut at
// its commas ("Reading, writing and maths" -> "Reading", "writing and
// maths"), as a YAML flow list cuts an unquoted label; empty if none.
std::vector<std::string> split_at_commas(const std::string& label, const std::vector<std::string>& allowed) {
    std::vector<std::string> pieces;
    for (std::size_t from = 0;;) {
        const std::size_t comma = label.find(',', from);
        pieces.push_back(trim(label.substr(from, comma == std::string::npos ? std::string::npos : comma - from)));
        if (comma == std::string::npos) break;
        from = comma + 1;
    }
    if (pieces.size() < 2) return {};
    for (std::size_t start = 0; start + pieces.size() <= allowed.size(); ++start)
        if (std::equal(pieces.begin(), pieces.end(), allowed.begin() + static_cast<std::ptrdiff_t>(start))) return pieces;
    return {};
}

// Finds `value` in `allowed` or reports it with a suggestion.
std::optional<std::size_t> label_index(const CsvFile& csv, const CsvField& field, const std::vector<std::string>& allowed,
                                       const std::string& key, const std::string& yaml_source, Diagnostics& diags) {
    const auto it = std::find(allowed.begin(), allowed.end(), field.text);
    if (it != allowed.end()) return static_cast<std::size_t>(it - allowed.begin());
    std::string msg = "the " + key.substr(0, key.size() - 1) + " \"" + field.text + "\" is not listed in " + key +
                      " of " + yaml_source;
    if (const auto pieces = split_at_commas(field.text, allowed); !pieces.empty()) {
        // [Reading, writing and maths] is two items to YAML.
        std::vector<std::string> quoted;
        for (const auto& p : pieces) quoted.push_back("\"" + p + "\"");
        diags.error(csv.at(field), msg + ", which lists it as " + join_words(quoted) +
                                       ": in [a, b] a comma starts a new item, so put a label with a comma in "
                                       "quotes there: [\"" + field.text + "\"]");
        return std::nullopt;
    }
    if (const auto dym = did_you_mean(field.text, allowed); !dym.empty())
        msg += "; " + dym + " If not, add it to " + key + " there";
    else
        msg += ": add it there, or use one of " + join(allowed, ", ");
    diags.error(csv.at(field), msg);
    return std::nullopt;
}

class TableReader {
public:
    TableReader(TableSpec spec, const CsvFile& csv, const std::vector<std::string>& school_slugs,
                const std::vector<std::string>& unreadable, Diagnostics& diags)
        : csv_(csv), school_slugs_(school_slugs), unreadable_(unreadable), diags_(diags) {
        table_.spec = std::move(spec);
        table_.spec.csv_source = csv.path;
        // A national table has a row per school and figure: look slugs up
        // by hash, not by scanning 20 000 names per row.
        for (std::size_t i = 0; i < school_slugs.size(); ++i) school_index_.emplace(school_slugs[i], i);
    }

    std::optional<DataTable> read() {
        const std::size_t errors_before = diags_.error_count();
        if (!read_header()) return std::nullopt;
        for (std::size_t r = 1; r < csv_.rows.size(); ++r) read_row(csv_.rows[r]);
        report_unknown_schools();
        if (table_.spec.kind == TableKind::pay_gap) check_pay_gap();
        check_trust_rows();
        if (diags_.error_count() != errors_before) return std::nullopt;
        for (const auto& [school, grid] : grids_) {
            table_.schools.push_back(school);
            table_.school_figures.push_back(grid);
        }
        return std::move(table_);
    }

private:
    bool read_header() {
        const CsvRow& header = csv_.rows[0];
        std::vector<std::string> suggested;
        std::vector<std::string> wanted = {"school", "group", "measure"};
        for (auto& c : figure_columns(table_.spec.kind)) wanted.push_back(c);
        for (const auto& field : header) {
            const std::string name = trim(field.text);
            if (std::find(wanted.begin(), wanted.end(), name) == wanted.end()) {
                std::string msg = "unknown column \"" + name + "\" for a kind: " +
                                  std::string(slug(table_.spec.kind)) + " table";
                if (auto guess = nearest(name, wanted)) {
                    msg += "; did you mean \"" + *guess + "\"?";
                    suggested.push_back(*guess);  // one mistake, one message
                } else {
                    msg += ".";
                }
                diags_.error(csv_.at(field), msg + " The columns are " + join(wanted, ","));
                continue;
            }
            if (std::find(names_.begin(), names_.end(), name) != names_.end()) {
                diags_.error(csv_.at(field), "the column \"" + name + "\" appears twice in the header: remove one");
                continue;
            }
            names_.push_back(name);
            positions_[name] = static_cast<std::size_t>(&field - header.data());
        }
        bool ok = true;
        for (const auto& w : wanted) {
            if (positions_.count(w)) continue;
            ok = false;
            if (std::find(suggested.begin(), suggested.end(), w) != suggested.end()) continue;
            diags_.error(csv_.at(header[0]), "missing column \"" + w + "\": the first row of a kind: " +
                                                 std::string(slug(table_.spec.kind)) + " table must name the columns " +
                                                 join(wanted, ","));
        }
        return ok && names_.size() == header.size();
    }

    const CsvField& column(const CsvRow& row, const std::string& name) const { return row[positions_.at(name)]; }

    void read_row(const CsvRow& row) {
        if (row.size() != names_.size()) {
            diags_.error(csv_.at(row[0]), "this row has " + std::to_string(row.size()) + (row.size() == 1 ? " value" : " values") + " but the first row names " +
                                              std::to_string(names_.size()) + " columns" +
                                              ": check for a missing or extra comma (wrap text containing commas in "
                                              "quotes)");
            return;
        }
        const TableSpec& spec = table_.spec;
        const CsvField& school_field = column(row, "school");
        std::optional<std::size_t> school = school_index(school_field);
        auto g = label_index(csv_, column(row, "group"), spec.groups, "groups", spec.yaml_source, diags_);
        auto m = label_index(csv_, column(row, "measure"), spec.measures, "measures", spec.yaml_source, diags_);
        std::optional<Figure> figure = read_figure(row);
        if (!school || !g || !m || !figure) return;
        if (spec.kind == TableKind::pay_gap && !is_pay_gap_figure(spec, *g, *m)) {
            diags_.error(csv_.at(column(row, "group")),
                         "a pay-gap table has no figure \"" + spec.groups[*g] + ", " + spec.measures[*m] +
                             "\": the four gaps are for All staff; Paid a bonus and the quartiles are for Men and Women");
            return;
        }
        const std::size_t cell = *g * spec.measures.size() + *m;
        const std::size_t key = *school * table_.cell_count() + cell;
        if (auto [it, fresh] = first_line_.emplace(key, school_field.line); !fresh) {
            diags_.error(csv_.at(school_field), "duplicate row: " + school_field.text + ", " + spec.groups[*g] + ", " +
                                                    spec.measures[*m] + " is already given on line " +
                                                    std::to_string(it->second) + "; keep one of them");
            return;
        }
        FigureGrid& grid = *school == trust_ ? trust_grid() : grids_[*school];
        grid.cells.resize(table_.cell_count());
        grid.cells[cell] = std::move(*figure);
        if (*school == trust_) trust_lines_[cell] = school_field;
    }

    // Index into the site's schools, or trust_ for `trust`.
    std::optional<std::size_t> school_index(const CsvField& field) {
        if (field.text == "trust") return trust_;
        if (table_.spec.kind == TableKind::pay_gap) {
            diags_.error(csv_.at(field), "a pay-gap table is for the whole trust: write \"trust\" in the school "
                                         "column, not \"" + field.text + "\"");
            return std::nullopt;
        }
        if (auto it = school_index_.find(field.text); it != school_index_.end()) return it->second;
        // A school whose folder could not be read is reported at the folder.
        if (std::find(unreadable_.begin(), unreadable_.end(), field.text) != unreadable_.end()) return std::nullopt;
        // The same unknown name on 10 000 rows (a misspelt slug, or a
        // school folder that could not be read) is one error, at its first
        // row, naming the others: reported by report_unknown_schools.
        auto [it, fresh] = unknown_schools_.try_emplace(field.text);
        if (fresh) it->second.first = csv_.at(field);
        else it->second.other_lines.push_back(field.line);
        return std::nullopt;
    }

    void report_unknown_schools() {
        for (const auto& [name, unknown] : unknown_schools_) {
            std::string message = "no school \"" + name + "\" in content/schools/";
            if (const std::size_t n = unknown.other_lines.size(); n > 0) {
                message += " (the same on " + std::to_string(n) + (n == 1 ? " other row: line " : " other rows: lines ");
                for (std::size_t i = 0; i < std::min<std::size_t>(n, 5); ++i)
                    message += (i ? ", " : "") + std::to_string(unknown.other_lines[i]);
                message += n > 5 ? " and more)" : ")";
            }
            if (const auto dym = did_you_mean(name, school_slugs_); !dym.empty()) message += "; " + dym;
            else message += ": use a school's folder name, or \"trust\" for a trust-wide figure";
            diags_.error(unknown.first, message);
        }
    }

    std::optional<Figure> read_figure(const CsvRow& row) {
        Figure f;
        switch (table_.spec.kind) {
            case TableKind::count: {
                auto n = whole_number(csv_, column(row, "count"), "count", diags_);
                if (!n) return std::nullopt;
                f.n = *n;
                return f;
            }
            case TableKind::rate: {
                auto n = whole_number(csv_, column(row, "numerator"), "numerator", diags_);
                auto d = whole_number(csv_, column(row, "denominator"), "denominator", diags_);
                if (!n || !d) return std::nullopt;
                if (*n > *d) {
                    diags_.error(csv_.at(column(row, "numerator")),
                                 "the numerator (" + std::to_string(*n) + ") is larger than the denominator (" +
                                     std::to_string(*d) +
                                     "): the numerator counts the people in the group who meet the measure, so it "
                                     "cannot be more than the people in the group");
                    return std::nullopt;
                }
                f.n = *n;
                f.d = *d;
                return f;
            }
            case TableKind::value:
            case TableKind::pay_gap: {
                auto v = decimal(csv_, column(row, "value"), diags_);
                if (!v) return std::nullopt;
                f.value = *v;
                return f;
            }
        }
        return std::nullopt;
    }

    void check_pay_gap() {
        const TableSpec& spec = table_.spec;
        std::vector<std::string> missing, rows;
        for (const auto& fig : pay_gap_figures()) {
            const auto g = std::find(spec.groups.begin(), spec.groups.end(), fig.group) - spec.groups.begin();
            const auto m = std::find(spec.measures.begin(), spec.measures.end(), fig.measure) - spec.measures.begin();
            const std::size_t cell = static_cast<std::size_t>(g) * spec.measures.size() + static_cast<std::size_t>(m);
            if (table_.trust_figures && table_.trust_figures->cells[cell]) continue;
            missing.push_back(std::string(fig.group) + ", " + std::string(fig.measure));
            rows.push_back("trust," + std::string(fig.group) + "," + std::string(fig.measure) + ",<percentage>");
        }
        if (missing.empty()) return;
        // Published as x (not available), which must not pass unnoticed.
        diags_.warning(csv_.at(csv_.rows[0][0]),
                       "the pay-gap table has no figure for " + join_words(missing) + ", so the page shows x (not "
                       "available) " + (missing.size() == 1 ? "for it" : "for each") + ": add " +
                           (missing.size() == 1 ? "the row " : "the rows ") + join(rows, "; ") +
                           " (all six statutory figures must be published)");
    }

    // A trust-only figure cannot also be the sum of school figures.
    void check_trust_rows() {
        if (table_.spec.kind == TableKind::pay_gap) return;
        for (const auto& [cell, field] : trust_lines_)
            for (const auto& [school, grid] : grids_)
                if (grid.cells[cell]) {
                    diags_.error(csv_.at(field),
                                 "this trust-wide figure is also given for schools (e.g. " + school_slugs_[school] +
                                     "): eqsite adds up the school figures itself, so remove the trust row");
                    break;
                }
    }

    FigureGrid& trust_grid() {
        if (!table_.trust_figures) table_.trust_figures.emplace();
        return *table_.trust_figures;
    }

    const CsvFile& csv_;
    const std::vector<std::string>& school_slugs_;
    const std::vector<std::string>& unreadable_;
    std::unordered_map<std::string_view, std::size_t> school_index_;
    struct UnknownSchool {
        Location first;                // the first row naming it
        std::vector<int> other_lines;  // the lines of the others
    };
    std::map<std::string, UnknownSchool> unknown_schools_;  // by name
    Diagnostics& diags_;
    const std::size_t trust_ = school_slugs_.size();  // the index `trust` stands for
    DataTable table_;
    std::vector<std::string> names_;
    std::map<std::string, std::size_t> positions_;
    std::map<std::size_t, FigureGrid> grids_;  // by school index: Site::schools order
    std::unordered_map<std::size_t, int> first_line_;  // school * cells + cell -> line
    std::map<std::size_t, CsvField> trust_lines_;
};

}  // namespace

std::optional<DataTable> read_data_table(const std::string& slug, const std::string& yaml_source,
                                         std::string_view yaml_bytes, const std::string& csv_source,
                                         std::string_view csv_bytes, const std::vector<std::string>& school_slugs,
                                         int pupil_threshold, int staff_threshold, Diagnostics& diags,
                                         const std::vector<std::string>& unreadable) {
    auto spec = read_spec(slug, yaml_source, yaml_bytes, pupil_threshold, staff_threshold, diags);
    auto csv = parse_csv(csv_source, csv_bytes, diags);
    if (!spec || !csv) return std::nullopt;
    return TableReader(std::move(*spec), *csv, school_slugs, unreadable, diags).read();
}

}  // namespace eqsite
