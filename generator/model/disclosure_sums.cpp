#include "model/disclosure_sums.hpp"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "model/figure_relations.hpp"
#include "util/text.hpp"

namespace eqsite::disclosure {
namespace {

constexpr std::size_t none = static_cast<std::size_t>(-1);

// The parts of a search (rows or columns of one or two tables), their
// cells at each place, and their names for notes.
struct Parts {
    std::vector<std::vector<std::size_t>> cells;  // [part][place]
    std::vector<bool> total;                      // per part: an All or Total line
    std::vector<std::string> names;               // as notes show them: "Boys"
    std::vector<std::string> labels;              // as the table gives them: Boys
    std::vector<std::size_t> table;               // per part: which table
    std::size_t per_unit = 1;                     // places come unit by unit
    std::size_t decisive = 0;                     // places that decide (the schools')
};

// "\"Boys\" + \"Girls\" as adding up to \"All pupils\"", or for two
// breakdowns "... as adding up to the same as ...".
std::string describe(const PartRelation& r, const Parts& parts) {
    auto side = [&](int sign) {
        std::vector<std::string> out;
        for (const auto& [p, c] : r.terms)
            if ((c > 0) == (sign > 0)) out.push_back((c * sign == 1 ? "" : std::to_string(c * sign) + " x ") + parts.names[p]);
        return out;
    };
    auto plus = side(1), minus = side(-1);
    if (plus.size() == 1 && minus.size() == 1) return plus[0] + " and " + minus[0] + " as the same figures";
    if (plus.size() == 1 && minus.size() > 1) std::swap(plus, minus);
    if (minus.empty()) return join(plus, " + ") + " as adding up to zero";
    return join(plus, " + ") + (minus.size() == 1 ? " as adding up to " : " as adding up to the same as ") +
           join(minus, " + ");
}

// The school years and years a period names: "2024/25", "2024-2025",
// "2024–25" and "2024 to 2025" are the school year starting in 2024;
// "January 2025" is the year 2025.
struct Years {
    std::set<int> school_years;  // by their first year
    std::set<int> years;         // named alone
};

Years years_of(std::string_view period) {
    Years out;
    auto digits_at = [&](std::size_t i) {
        std::size_t n = 0;
        while (i + n < period.size() && period[i + n] >= '0' && period[i + n] <= '9') ++n;
        return n;
    };
    for (std::size_t i = 0; i < period.size();) {
        const std::size_t n = digits_at(i);
        if (n == 0) {
            ++i;
            continue;
        }
        if (n == 4) {
            const int year = std::stoi(std::string(period.substr(i, 4)));
            // A school year's second year, after a separator: "/", "-", an
            // en or em dash, "to", spaces.
            std::size_t j = i + 4;
            while (j < period.size() && (period[j] == ' ' || period[j] == '/' || period[j] == '-')) ++j;
            if (period.substr(j, 3) == "\u2013" || period.substr(j, 3) == "\u2014") j += 3;
            if (period.substr(j, 2) == "to") j += 2;
            while (j < period.size() && period[j] == ' ') ++j;
            const std::size_t m = digits_at(j);
            const int next = m == 2 || m == 4 ? std::stoi(std::string(period.substr(j, m))) : -1;
            if (m == 2 && next == (year + 1) % 100) {
                out.school_years.insert(year);
                i = j + m;
                continue;
            }
            if (m == 4 && next == year + 1) {
                out.school_years.insert(year);
                i = j + m;
                continue;
            }
            out.years.insert(year);
        }
        i += n;
    }
    return out;
}

// Whether two tables' periods may be the same time: one is not given; they
// name the same school year or the same year; one names a year that a
// school year of the other is partly in (a January census and the school
// year it falls in); or, naming none, they are the same words. Two
// spellings of one school year must never keep two tables apart: tables
// kept apart are not protected together.
bool periods_overlap(const std::string& a, const std::string& b) {
    const std::string p = to_lower_ascii(trim(a)), q = to_lower_ascii(trim(b));
    if (p.empty() || q.empty()) return true;
    const Years x = years_of(p), y = years_of(q);
    if (x.school_years.empty() && x.years.empty()) return p == q;
    if (y.school_years.empty() && y.years.empty()) return p == q;
    auto in = [](const std::set<int>& set, int v) { return set.count(v) > 0; };
    for (int s : x.school_years)
        if (in(y.school_years, s) || in(y.years, s) || in(y.years, s + 1)) return true;
    for (int year : x.years)
        if (in(y.years, year) || in(y.school_years, year) || in(y.school_years, year - 1)) return true;
    return false;
}

class Finder {
public:
    Finder(const Cells& cells, Diagnostics& diags) : cells_(cells), diags_(diags) {
        out_.cohort.resize(cells.cells.size());
        std::iota(out_.cohort.begin(), out_.cohort.end(), std::size_t{0});
    }

    Sums find() {
        for (const Layout& t : cells_.tables) {
            if (!t.counts_people()) continue;
            totals(t);
            trust(t);
            rows(t);
            all_row_lines(t);
            columns(t);
            if (t.is_rate()) cohorts(t);
        }
        across_tables();
        for (std::size_t a = 0; a < cells_.tables.size(); ++a)
            for (std::size_t b = a + 1; b < cells_.tables.size(); ++b)
                if (comparable(cells_.tables[a], cells_.tables[b])) {
                    between(a, b);
                    trust_from_schools(cells_.tables[a], cells_.tables[b]);
                    trust_from_schools(cells_.tables[b], cells_.tables[a]);
                }
        wholes_over_tables();
        take_left_out();
        for (std::size_t i = 0; i < out_.cohort.size(); ++i) out_.cohort[i] = root(i);
        return std::move(out_);
    }

private:
    void add(std::vector<std::pair<std::size_t, int>> pairs, bool n, bool d) {
        std::vector<Relations::Term> terms;
        for (const auto& [cell, k] : pairs)
            if (cells_.cells[cell].present) terms.push_back({static_cast<std::uint32_t>(cell), k});
        if (terms.size() < 2) return;
        if (n) out_.counts.add(terms);
        if (d) out_.denominators.add(terms);
    }

    // total = the sum of `parts`, where it is given.
    void add_sum(std::size_t total, const std::vector<std::size_t>& parts, bool n, bool d) {
        if (!cells_.cells[total].present) return;
        std::vector<std::pair<std::size_t, int>> terms{{total, -1}};
        for (std::size_t p : parts) terms.push_back({p, 1});
        add(std::move(terms), n, d);
    }

    // The cell of an entry of a search, and its figure (figure_relations.hpp:
    // in a mixed search, cells.size() + i is cell i's denominator).
    const Cell& cell_of(std::size_t entry, Figures f) const {
        return cells_.cells[f == Figures::mixed ? entry % cells_.cells.size() : entry];
    }
    long long value_of(std::size_t entry, Figures f) const {
        const bool d = f == Figures::denominators || (f == Figures::mixed && entry >= cells_.cells.size());
        return d ? cell_of(entry, f).d : cell_of(entry, f).n;
    }

    void add_terms(std::vector<std::pair<std::size_t, int>> terms, Figures f) {
        if (f != Figures::mixed) {
            add(std::move(terms), f == Figures::counts, f == Figures::denominators);
            return;
        }
        std::vector<Relations::Term> out;
        for (const auto& [entry, k] : terms) out.push_back({static_cast<std::uint32_t>(entry), k});
        if (out.size() >= 2) out_.mixed.add(out);
    }

    // A relation among parts becomes a sum of cells at every place where
    // the given cells satisfy it (a missing one taken as zero, as a reader
    // could), the trust's places included. Where one figure is missing
    // and the others do not add up, the reader can take the difference as
    // the missing figure (left_out).
    std::size_t add_where_it_holds(const PartRelation& r, const Parts& parts, Figures figures) {
        std::size_t added = 0;
        const std::size_t places = parts.cells.front().size();
        for (std::size_t q = 0; q < places; ++q) {
            std::vector<std::pair<std::size_t, int>> terms;
            std::pair<std::size_t, int> missing{none, 0};
            std::size_t missing_count = 0;
            long long sum = 0;
            for (const auto& [p, c] : r.terms) {
                const std::size_t entry = parts.cells[p][q];
                if (!cell_of(entry, figures).present) {
                    ++missing_count;
                    missing = {entry, c};
                    continue;
                }
                terms.push_back({entry, c});
                sum += c * value_of(entry, figures);
            }
            if (sum == 0 && terms.size() >= 2) {
                add_terms(std::move(terms), figures);
                ++added;
            } else if (figures != Figures::mixed && missing_count == 1 && !terms.empty()) {
                left_out(missing.first, missing.second, sum, std::move(terms), figures);
            }
        }
        return added;
    }

    // A figure the author left out ("x") where the rest of a sum gives it:
    // c * figure + sum = 0. Only a school's own cell: the trust's and the
    // Totals are sums of the figures given. Kept until every sum is known
    // (a rate needs its numerator's and its denominator's); see
    // take_left_out().
    void left_out(std::size_t cell, int c, long long sum, std::vector<std::pair<std::size_t, int>> terms, Figures f) {
        if (sum % c != 0 || !school_figure(cell)) return;
        terms.push_back({cell, c});
        left_out_[cell].push_back({f == Figures::denominators, -sum / c, std::move(terms), false});
    }

    // The same for a sum over figures of both kinds (Figures::mixed
    // entries in `terms`): the figure left out is cell's count or numerator,
    // or its group size (`denominator`), and is `value`.
    void left_out_mixed(std::size_t cell, bool denominator, long long value, std::vector<std::pair<std::size_t, int>> terms) {
        if (!school_figure(cell)) return;
        terms.push_back({(denominator ? cells_.cells.size() : 0) + cell, 1});
        left_out_[cell].push_back({denominator, value, std::move(terms), true});
    }

    // Whether `cell` is a school's own figure of people (not the trust's, a
    // sum of the figures given, nor a Total row or column).
    bool school_figure(std::size_t cell) const {
        const auto p = cells_.place(cell);
        const Layout& t = cells_.tables[p.table];
        return t.counts_people() && p.unit < t.schools && p.row < t.groups && p.column < t.measures;
    }

    // The figures left out that a sum gives as a number that identifies
    // people (rule 1: a count from 1 to N-1; a rate's numerator from 1 to
    // N-1, its group size from 1 to N, or the people not counted from 1 to
    // N-1) join the sums as figures to protect (Sums::left_out), with the
    // sums that give them (only those that agree on its number, so that
    // every sum added is true of it).
    void take_left_out() {
        for (auto& [cell, found] : left_out_) {
            const auto p = cells_.place(cell);
            const Layout& t = cells_.tables[p.table];
            // Each number a sum gives, numerators and denominators apart.
            // (None last: a figure the sums give is protected with them.)
            std::vector<std::optional<long long>> ns, ds;
            for (const auto& g : found) {
                auto& values = g.denominator ? ds : ns;
                if (std::find(values.begin(), values.end(), g.value) == values.end()) values.push_back(g.value);
            }
            ns.push_back(std::nullopt);
            ds.push_back(std::nullopt);
            const long long N = t.table->spec.threshold;
            auto small = [&](std::optional<long long> v) { return v && *v >= 1 && *v < N; };
            auto identifies = [&](std::optional<long long> n, std::optional<long long> d) {
                if (!t.is_rate()) return small(n);
                return small(n) || (d && *d >= 1 && *d <= N) || (n && d && small(*d - *n));
            };
            // Sums that disagree ("Boys" and "Girls" the same in two schools,
            // and Boys + Girls = All) may each be what a reader believes: any
            // that identifies someone is protected.
            std::optional<long long> n, d;
            bool found_one = false;
            for (const auto& x : ns)
                for (const auto& y : ds)
                    if (!found_one && identifies(x, y)) n = x, d = y, found_one = true;
            if (!found_one) continue;
            out_.left_out.push_back({cell, n.value_or(0), d.value_or(0)});
            for (const auto& g : found) {
                const auto& v = g.denominator ? d : n;
                if (!v || g.value != *v) continue;
                std::vector<Relations::Term> terms;
                for (const auto& [entry, k] : g.terms) terms.push_back({static_cast<std::uint32_t>(entry), k});
                (g.mixed ? out_.mixed : g.denominator ? out_.denominators : out_.counts).add(terms);
            }
            if (left_out_noted_.insert(p.table).second)
                diags_.warning(t.table->spec.groups_at,
                               "a figure left out of this table (\"" + t.row_label(p.row) + "\", \"" +
                                   t.column_label(p.column) + "\" " + cells_.where(cell) + ") can be worked out by subtracting "
                                   "the figures given beside it, and it is a small number: leaving a figure out "
                                   "does not hide it. It is still shown as \"x\", and figures beside it are "
                                   "hidden so that it cannot be worked out");
        }
    }

    // Finds the relations among `parts` of one table and adds each at every
    // place where it holds. `note` tells the author about one (simplest
    // first, and not one that is a combination of those before, which would
    // only repeat them). A relation seen in one school only may be chance
    // (1 + 4 = 5), so it needs an All or Total line, which says the parts
    // make up a whole.
    //
    // Then the sums a reader knows from the labels and their order alone
    // (shaped_relations: a heading group and the run of groups under it, a
    // whole however it is named), wherever they hold, even in one school
    // only and even where they fail elsewhere (one row that does not add
    // up does not switch a Total off for the others).
    void search(const Parts& parts, Figures figures, const std::function<void(const PartRelation&, bool)>& note) {
        RelationBasis known;
        auto found = relations_among(cells_, parts.cells, parts.per_unit, parts.decisive, figures);
        std::stable_sort(found.begin(), found.end(),
                         [](const PartRelation& a, const PartRelation& b) { return a.terms.size() < b.terms.size(); });
        std::set<PartRelation> added;
        for (const auto& r : found) {
            if (r.evidence < 2 && !makes_up_a_whole(r, parts)) continue;
            // A combination of others still goes in: they may not hold at
            // every place where it does.
            if (known.add(r)) note(r, true);
            add_where_it_holds(r, parts, figures);
            added.insert(r);
        }
        auto shaped = shaped_relations(cells_, parts.cells, parts.labels, parts.per_unit, parts.decisive, figures);
        std::stable_sort(shaped.begin(), shaped.end(),
                         [](const PartRelation& a, const PartRelation& b) { return a.terms.size() < b.terms.size(); });
        for (const auto& r : shaped) {
            if (added.count(r)) continue;
            // Told about when two schools agree, or the table has one: a sum
            // seen in one school of many may be chance, and is only noise
            // to the author (it is protected all the same).
            const bool one_school = parts.decisive <= parts.per_unit;
            if (known.add(r) && (r.evidence >= 2 || one_school)) note(r, false);
            add_where_it_holds(r, parts, figures);
        }
    }

    // Relations that join counts or numerators to group sizes (Parts whose
    // entries are Figures::mixed): a count that is another table's group
    // size, rates whose numerators make up their group size (Met + Below
    // the expected standard). A group size is a whole, so one place will
    // do for "these numerators make up the group". `wanted` says which
    // relations this search is for; `added_elsewhere`, which the other
    // searches add (each table's own, one cohort's group size in two
    // measures): a relation that only combines those is nothing new. Only
    // those: a chance relation that no search adds (Reading + Maths = Year
    // 6 pupils) must not keep a true one out.
    void search_mixed(const Parts& parts, bool one_place_will_do, const std::function<bool(const PartRelation&)>& wanted,
                      const std::function<bool(const PartRelation&)>& added_elsewhere,
                      const std::function<void(const PartRelation&)>& note) {
        RelationBasis known;
        auto found = relations_among(cells_, parts.cells, parts.per_unit, parts.decisive, Figures::mixed);
        std::stable_sort(found.begin(), found.end(),
                         [](const PartRelation& a, const PartRelation& b) { return a.terms.size() < b.terms.size(); });
        auto believable = [&](const PartRelation& r) {
            return r.evidence >= 2 || one_place_will_do || makes_up_a_whole(r, parts);
        };
        for (const auto& r : found)
            if (added_elsewhere(r) && believable(r)) known.add(r);
        for (const auto& r : found) {
            if (!wanted(r) || !whole_and_parts(r) || !believable(r) || !known.add(r)) continue;
            note(r);
            add_where_it_holds(r, parts, Figures::mixed);
        }
    }

    // Whether a relation is one figure and the figures that make it up
    // (a group size = Met + Below; All = No SEN + SEN support + EHC plan),
    // or two figures that are the same. Counts and group sizes together
    // over a few schools satisfy many other sums by chance ("All + Boys +
    // the group size of EHC plan = Girls + ..."), which no reader would
    // know and which hide whole tables.
    static bool whole_and_parts(const PartRelation& r) {
        std::size_t plus = 0, minus = 0;
        for (const auto& [p, c] : r.terms) {
            if (c != 1 && c != -1) return false;
            ++(c > 0 ? plus : minus);
        }
        return plus == 1 || minus == 1;
    }

    // Whether a relation of a mixed search has a group size in it, and a
    // count or numerator.
    bool has_denominator(const PartRelation& r, const Parts& parts) const {
        return std::any_of(r.terms.begin(), r.terms.end(),
                           [&](const auto& t) { return parts.cells[t.first].front() >= cells_.cells.size(); });
    }
    bool has_count(const PartRelation& r, const Parts& parts) const {
        return std::any_of(r.terms.begin(), r.terms.end(),
                           [&](const auto& t) { return parts.cells[t.first].front() < cells_.cells.size(); });
    }

    // One All or Total line on one side, the parts that make it up on the
    // other: "Boys" + "Girls" = "All pupils".
    static bool makes_up_a_whole(const PartRelation& r, const Parts& parts) {
        const auto total = std::find_if(r.terms.begin(), r.terms.end(), [&](const auto& t) { return parts.total[t.first]; });
        if (total == r.terms.end() || r.terms.size() < 2) return false;
        return std::all_of(r.terms.begin(), r.terms.end(), [&](const auto& t) {
            return &t == &*total || (t.second == -total->second && !parts.total[t.first]);
        });
    }

    // Places: unit after unit, `per_unit` each; the schools decide, the
    // trust only when there are no schools (its figures are sums over the
    // schools that gave each figure, so a missing school figure could make
    // the trust's parts disagree).
    static std::size_t decisive(const Layout& t, std::size_t per_unit) {
        return (t.schools > 0 ? t.schools : t.units()) * per_unit;
    }

    // Rows that add up to others in every school and measure: Boys + Girls
    // = All pupils, two groups with the same people, two breakdowns.
    void rows(const Layout& t) {
        Parts parts;
        for (std::size_t r = 0; r < t.groups; ++r) {
            parts.names.push_back("\"" + t.row_label(r) + "\"");
            parts.labels.push_back(t.row_label(r));
            parts.total.push_back(is_all_group(t.row_label(r)));
            parts.table.push_back(0);
            parts.cells.emplace_back();
            for (std::size_t u = 0; u < t.units(); ++u)
                for (std::size_t c = 0; c < t.columns; ++c) parts.cells[r].push_back(t.at(u, r, c));
        }
        parts.per_unit = t.columns;
        parts.decisive = decisive(t, t.columns);
        const auto& spec = t.table->spec;
        auto declared = [&](const PartRelation& r) {  // All = the groups of a `splits:` entry
            if (!t.all_row || !makes_up_a_whole(r, parts)) return false;
            std::vector<std::size_t> members;
            for (const auto& [p, c] : r.terms)
                if (p != *t.all_row) members.push_back(p);
            for (auto split : spec.splits) {
                std::sort(split.begin(), split.end());
                if (split == members) return true;
            }
            return false;
        };
        for (Figures f : {Figures::counts, Figures::denominators}) {
            if (f == Figures::denominators && !t.is_rate()) continue;
            search(parts, f, [&](const PartRelation& r, bool everywhere) {
                if (f == Figures::counts && !declared(r))
                    diags_.note(spec.groups_at, "treated " + describe(r, parts) +
                                                    (everywhere ? " (true in every school and measure)"
                                                                : " (wherever the figures add up)") +
                                                    ", so no hidden figure can be worked out from it");
            });
        }
        // Declared splits are used wherever they add up, found or not, and
        // so are a group and its opposite ("FSM" and "Non-FSM", "SEN" and
        // "Not SEN"): a reader takes them to make up All from the labels,
        // and is right wherever they do, however the other places look.
        if (!t.all_row) return;
        for (std::size_t x = 0; x < t.groups; ++x)
            for (std::size_t y = 0; y < t.groups; ++y) {
                if (x == *t.all_row || y == *t.all_row || group_key(t.row_label(y)) != "not " + group_key(t.row_label(x)))
                    continue;
                PartRelation r{{{*t.all_row, -1}, {x, 1}, {y, 1}}};
                std::sort(r.terms.begin(), r.terms.end());
                add_where_it_holds(r, parts, Figures::counts);
                if (t.is_rate()) add_where_it_holds(r, parts, Figures::denominators);
            }
        for (const auto& split : spec.splits) {
            PartRelation r{{{*t.all_row, -1}}};
            for (std::size_t g : split) r.terms.push_back({g, 1});
            add_where_it_holds(r, parts, Figures::counts);
            if (t.is_rate()) add_where_it_holds(r, parts, Figures::denominators);
        }
    }

    // Measures that add up to others for every school and group:
    // Suspended once + Suspended more than once = Total. (Rates' shared
    // denominators are cohorts, below.)
    void columns(const Layout& t) {
        Parts parts;
        for (std::size_t c = 0; c < t.measures; ++c) {
            parts.names.push_back("\"" + t.column_label(c) + "\"");
            parts.labels.push_back(t.column_label(c));
            parts.total.push_back(is_all_group(t.column_label(c)));
            parts.table.push_back(0);
            parts.cells.emplace_back();
            for (std::size_t u = 0; u < t.units(); ++u)
                for (std::size_t r = 0; r < t.rows; ++r) parts.cells[c].push_back(t.at(u, r, c));
        }
        parts.per_unit = t.rows;
        parts.decisive = decisive(t, t.rows);
        search(parts, Figures::counts, [&](const PartRelation& r, bool everywhere) {
            diags_.note(t.table->spec.measures_at,
                        "treated " + describe(r, parts) +
                            (everywhere ? " (true for every school and group)" : " (wherever the figures add up)") +
                            ", so no hidden figure can be worked out from it");
        });
        if (!t.is_rate()) return;
        // Numerators that make up the group size: Met + Below = the pupils.
        const std::size_t measures = parts.cells.size();
        for (std::size_t c = 0; c < measures; ++c) {
            add_group_size_part(parts, c, true);
            parts.labels.push_back(parts.labels[c]);
        }
        search_mixed(parts, false, [&](const PartRelation& r) { return has_count(r, parts) && has_denominator(r, parts); },
                     [&](const PartRelation& r) { return !has_count(r, parts) || !has_denominator(r, parts); },
                     [&](const PartRelation& r) {
                         diags_.note(t.table->spec.measures_at, "treated " + describe(r, parts) +
                                                                    " (wherever the figures add up), so no hidden "
                                                                    "figure can be worked out from it");
                     });
    }

    // Part `p`'s group sizes (its cells' denominators) as one more part of
    // a mixed search; a group size is a whole. A measure's are the sizes
    // of the groups its rates are of, not of the measure ("the group size
    // behind "Persistently absent"").
    void add_group_size_part(Parts& parts, std::size_t p, bool measure) const {
        parts.names.push_back((measure ? "the group size behind " : "the group size of ") + parts.names[p]);
        parts.total.push_back(true);
        parts.table.push_back(parts.table[p]);
        std::vector<std::size_t> entries;
        for (std::size_t cell : parts.cells[p]) entries.push_back(cells_.cells.size() + cell);
        parts.cells.push_back(std::move(entries));
    }

    bool comparable(const Layout& a, const Layout& b) const {
        if (!a.counts_people() || !b.counts_people()) return false;
        const TableSpec &x = a.table->spec, &y = b.table->spec;
        return x.about == y.about && periods_overlap(x.period, y.period);
    }

    // Two tables about the same people and period: the measures of one
    // that add up to measures of the other over the groups both have
    // (Headcount = Full-time + Part-time of all staff), and the groups of
    // one that add up to groups of the other over the measures both have
    // (Boys + Girls = No SEN + SEN support + EHC plan).
    void between(std::size_t a, std::size_t b) {
        const Layout &A = cells_.tables[a], &B = cells_.tables[b];
        std::vector<std::pair<std::size_t, std::size_t>> units;  // (unit in A, unit in B)
        const auto unit_in_b = units_by_school(B);
        for (std::size_t ua = 0; ua < A.schools; ++ua)
            if (const auto it = unit_in_b.find(*A.school_of(ua)); it != unit_in_b.end()) units.push_back({ua, it->second});
        const std::size_t schools = units.size();
        if (A.has_trust && B.has_trust) units.push_back({A.schools, B.schools});
        if (units.empty()) return;
        group_sizes_between(A, B, units, schools);
        whole_of_groups(A, B, units, false, schools);
        whole_of_groups(B, A, units, true, schools);
        columns_as_groups(A, B, units, false, schools);
        columns_as_groups(B, A, units, true, schools);
        // Groups by group_key ("Disadvantaged pupils" is "Disadvantaged");
        // measures as written but for case and spacing.
        auto shared = [](std::size_t n, std::size_t m, auto label_a, auto label_b, auto key) {
            std::vector<std::pair<std::size_t, std::size_t>> out;
            for (std::size_t i = 0; i < n; ++i)
                for (std::size_t j = 0; j < m; ++j)
                    if (key(label_a(i)) == key(label_b(j))) out.push_back({i, j});
            return out;
        };
        const auto rows = shared(A.rows, B.rows, [&](std::size_t r) { return A.row_label(r); },
                                 [&](std::size_t r) { return B.row_label(r); }, group_key);
        const auto columns = shared(A.columns, B.columns, [&](std::size_t c) { return A.column_label(c); },
                                    [&](std::size_t c) { return B.column_label(c); }, label_key);
        // Measures across tables, over shared groups.
        if (!rows.empty()) {
            Parts parts;
            for (std::size_t side = 0; side < 2; ++side) {
                const Layout& L = side ? B : A;
                for (std::size_t c = 0; c < L.measures; ++c) {  // a totals: true Total is a known sum
                    parts.names.push_back("\"" + L.column_label(c) + "\" (" + L.table->spec.yaml_source + ")");
                    parts.total.push_back(is_all_group(L.column_label(c)));
                    parts.table.push_back(side);
                    parts.cells.emplace_back();
                    for (const auto& [ua, ub] : units)
                        for (const auto& [ra, rb] : rows) parts.cells.back().push_back(L.at(side ? ub : ua, side ? rb : ra, c));
                }
            }
            parts.per_unit = rows.size();
            parts.decisive = (schools ? schools : units.size()) * rows.size();
            // Over the All rows, the measures count whole populations (all
            // the staff by contract, all the staff by role): one place will do.
            const bool whole = std::any_of(rows.begin(), rows.end(), [&](const auto& r) { return is_all_group(A.row_label(r.first)); });
            search_between(parts, A, B, whole);
            search_group_sizes_between(parts, A, B, whole, true);
        }
        // Groups across tables, over shared measures.
        if (!columns.empty()) {
            Parts parts;
            for (std::size_t side = 0; side < 2; ++side) {
                const Layout& L = side ? B : A;
                for (std::size_t r = 0; r < L.groups; ++r) {
                    parts.names.push_back("\"" + L.row_label(r) + "\" (" + L.table->spec.yaml_source + ")");
                    parts.total.push_back(is_all_group(L.row_label(r)));
                    parts.table.push_back(side);
                    parts.cells.emplace_back();
                    for (const auto& [ua, ub] : units)
                        for (const auto& [ca, cb] : columns) parts.cells.back().push_back(L.at(side ? ub : ua, r, side ? cb : ca));
                }
            }
            parts.per_unit = columns.size();
            parts.decisive = (schools ? schools : units.size()) * columns.size();
            search_between(parts, A, B, false);
            search_group_sizes_between(parts, A, B, false, false);
            // Two whole breakdowns of the same people (staff by sex, staff
            // by disability): all of one table's groups add up to all of
            // the other's, wherever they do, even at the trust alone.
            PartRelation whole;
            for (std::size_t side = 0, first = 0; side < 2; first += (side ? B : A).groups, ++side) {
                const Layout& L = side ? B : A;
                const int sign = side ? -1 : 1;
                if (L.all_row) whole.terms.push_back({first + *L.all_row, sign});
                else
                    for (std::size_t r = 0; r < L.groups; ++r) whole.terms.push_back({first + r, sign});
            }
            if (add_where_it_holds(whole, parts, Figures::counts) > 0)
                diags_.note(B.table->spec.groups_at,
                            "treated the groups of " + A.table->spec.yaml_source + " and of this table as two "
                            "breakdowns of the same people (their figures add up to the same wherever both are "
                            "given), so they are protected together");
        }
    }

    // A table of the trust's figures alone (rows "school: trust") beside a
    // table of the schools' figures for the same groups and measures: the
    // trust's figure is the schools' sum wherever it adds up, so no
    // school's hidden figure may follow from it (rule 3, across tables).
    void trust_from_schools(const Layout& S, const Layout& T) {
        if (S.schools == 0 || T.schools != 0 || !T.has_trust || S.table->spec.kind != T.table->spec.kind) return;
        bool noted = false;
        for (std::size_t rt = 0; rt < T.groups; ++rt)
            for (std::size_t rs = 0; rs < S.groups; ++rs) {
                if (group_key(T.row_label(rt)) != group_key(S.row_label(rs))) continue;
                for (std::size_t ct = 0; ct < T.measures; ++ct)
                    for (std::size_t cs = 0; cs < S.measures; ++cs) {
                        if (label_key(T.column_label(ct)) != label_key(S.column_label(cs))) continue;
                        const std::size_t trust = T.at(0, rt, ct);
                        if (!cells_.cells[trust].present) continue;
                        std::vector<std::pair<std::size_t, int>> terms{{trust, -1}};
                        long long n = 0, d = 0;
                        for (std::size_t u = 0; u < S.schools; ++u) {
                            const Cell& c = cells_.cells[S.at(u, rs, cs)];
                            if (!c.present) continue;
                            terms.push_back({S.at(u, rs, cs), 1});
                            n += c.n;
                            d += c.d;
                        }
                        const bool counts = n == cells_.cells[trust].n;
                        const bool denominators = T.is_rate() && d == cells_.cells[trust].d;
                        if (!counts && !denominators) continue;
                        add(std::move(terms), counts, denominators);
                        if (!noted)
                            diags_.note(T.table->spec.groups_at,
                                        "treated this table's trust figures as the sums of the schools' figures in " +
                                            S.table->spec.yaml_source + " (wherever they add up), so no school's "
                                            "hidden figure can be worked out from them");
                        noted = true;
                    }
            }
    }

    // The parts of two tables with the rates' group sizes added: a count in
    // one that is a group size in the other (pupils on roll, and the same
    // pupils' absence), two rates whose numerators make up one group (Met
    // in one table, Below in the other), the same group's size in both.
    // `measures`: the parts are measures (over shared groups), not groups.
    void search_group_sizes_between(Parts parts, const Layout& A, const Layout& B, bool one_place_will_do, bool measures) {
        if (!A.is_rate() && !B.is_rate()) return;
        const std::size_t n = parts.cells.size();
        for (std::size_t p = 0; p < n; ++p)
            if ((parts.table[p] ? B : A).is_rate()) add_group_size_part(parts, p, measures);
        search_joined_by_group_sizes(parts, A, B, one_place_will_do);
    }

    // The relations among two tables' parts (figures and group sizes) that
    // join the tables through a group size, each told about once.
    void search_joined_by_group_sizes(const Parts& parts, const Layout& A, const Layout& B, bool one_place_will_do) {
        search_mixed(parts, one_place_will_do, [&](const PartRelation& r) { return joins(r, parts) && has_denominator(r, parts); },
                     [&](const PartRelation& r) { return !joins(r, parts); },
                     [&](const PartRelation& r) {
                         diags_.note(B.table->spec.groups_at, "treated " + describe(r, parts) +
                                                                  " (true wherever both tables have figures), so " +
                                                                  A.table->spec.yaml_source + " and this table are "
                                                                  "protected together");
                     });
    }

    // The group sizes of two tables about the same people, whatever their
    // measures: a rate's denominator is its group's size in every measure
    // (one cohort), and a count may be the same size ("Year 6 pupils").
    // Relations among them over the schools and the trust: the same group
    // in both, or a group of one that adds up with the other's (All = SEN
    // support + EHC plan in one table, + No SEN in the other).
    void group_sizes_between(const Layout& A, const Layout& B, const std::vector<std::pair<std::size_t, std::size_t>>& units,
                             std::size_t schools) {
        if (!A.is_rate() && !B.is_rate()) return;
        Parts parts;
        for (std::size_t side = 0; side < 2; ++side) {
            const Layout& L = side ? B : A;
            auto unit_of = [&](const auto& u) { return side ? u.second : u.first; };
            for (std::size_t r = 0; r < L.groups; ++r) {
                if (L.is_rate() && one_size_per_group(L, r)) {
                    // One part: at each unit, the first measure with a figure.
                    parts.cells.emplace_back();
                    for (const auto& u : units) {
                        std::size_t c = 0;
                        while (c + 1 < L.columns && !cells_.cells[L.at(unit_of(u), r, c)].present) ++c;
                        parts.cells.back().push_back(cells_.cells.size() + L.at(unit_of(u), r, c));
                    }
                    parts.names.push_back("the group size of \"" + L.row_label(r) + "\" (" + L.table->spec.yaml_source + ")");
                    parts.total.push_back(is_all_group(L.row_label(r)));
                    parts.table.push_back(side);
                    continue;
                }
                for (std::size_t c = 0; c < L.measures; ++c) {
                    if (!L.is_rate() && !counts_group_sizes(L, c, side ? A : B, units, side)) continue;
                    parts.cells.emplace_back();
                    for (const auto& u : units)
                        parts.cells.back().push_back((L.is_rate() ? cells_.cells.size() : 0) + L.at(unit_of(u), r, c));
                    parts.names.push_back((L.is_rate() ? "the group size of \"" : "\"") + L.row_label(r) + "\", \"" +
                                          L.column_label(c) + "\" (" + L.table->spec.yaml_source + ")");
                    parts.total.push_back(is_all_group(L.row_label(r)) || is_all_group(L.column_label(c)));
                    parts.table.push_back(side);
                }
            }
        }
        parts.per_unit = 1;
        parts.decisive = schools ? schools : units.size();
        search_joined_by_group_sizes(parts, A, B, false);
    }

    // One breakdown split over several tables (All pupils in one; No SEN
    // and SEN support in a second; EHC plan in a third): the searches
    // above see two tables at a time. For each All row and measure, the
    // groups of every other table about the same people with that measure
    // and no All row of their own are searched together for the groups
    // that add up to it, and each such sum is added wherever it holds.
    void wholes_over_tables() {
        const std::size_t T = cells_.tables.size();
        for (std::size_t l = 0; l < T; ++l) {
            const Layout& L = cells_.tables[l];
            if (!L.counts_people() || !L.all_row || L.schools == 0) continue;
            for (std::size_t c = 0; c < L.measures; ++c) {
                std::vector<std::pair<std::size_t, std::size_t>> others;  // (table, its column of this measure)
                for (std::size_t r = 0; r < T; ++r) {
                    const Layout& R = cells_.tables[r];
                    if (r == l || R.all_row || !comparable(L, R)) continue;
                    for (std::size_t m = 0; m < R.measures; ++m)
                        if (label_key(R.column_label(m)) == label_key(L.column_label(c))) {
                            others.push_back({r, m});
                            break;
                        }
                }
                if (others.size() < 2) continue;  // two tables: between()
                split_whole(L, c, others);
            }
        }
    }

    void split_whole(const Layout& L, std::size_t c, const std::vector<std::pair<std::size_t, std::size_t>>& others) {
        // The units every table has: schools, then the trust.
        std::vector<std::vector<std::size_t>> units;  // per place: L's unit, then each other table's
        std::vector<std::unordered_map<std::size_t, std::size_t>> unit_in;
        for (const auto& [r, m] : others) unit_in.push_back(units_by_school(cells_.tables[r]));
        std::size_t schools = 0;
        for (std::size_t u = 0; u < L.schools; ++u) {
            std::vector<std::size_t> place{u};
            for (const auto& in : unit_in) {
                const auto it = in.find(*L.school_of(u));
                if (it == in.end()) break;
                place.push_back(it->second);
            }
            if (place.size() == others.size() + 1) units.push_back(std::move(place)), ++schools;
        }
        const bool trusts = L.has_trust && std::all_of(others.begin(), others.end(),
                                                        [&](const auto& o) { return cells_.tables[o.first].has_trust; });
        if (trusts) {
            std::vector<std::size_t> place{L.schools};
            for (const auto& [r, m] : others) place.push_back(cells_.tables[r].schools);
            units.push_back(std::move(place));
        }
        if (schools == 0) return;
        Parts parts;
        auto add_part = [&](const Layout& t, std::size_t side, std::size_t row, std::size_t column) {
            parts.names.push_back("\"" + t.row_label(row) + "\", \"" + t.column_label(column) + "\" (" +
                                  t.table->spec.yaml_source + ")");
            parts.total.push_back(side == 0);
            parts.table.push_back(side);
            parts.cells.emplace_back();
            for (const auto& place : units) parts.cells.back().push_back(t.at(place[side], row, column));
        };
        add_part(L, 0, *L.all_row, c);
        for (std::size_t i = 0; i < others.size(); ++i) {
            const Layout& R = cells_.tables[others[i].first];
            for (std::size_t g = 0; g < R.groups; ++g) add_part(R, i + 1, g, others[i].second);
        }
        parts.per_unit = 1;
        parts.decisive = schools;
        const bool rates = L.is_rate() && std::all_of(others.begin(), others.end(),
                                                      [&](const auto& o) { return cells_.tables[o.first].is_rate(); });
        bool noted = false;
        for (Figures f : {Figures::counts, Figures::denominators}) {
            if (f == Figures::denominators && !rates) continue;
            for (const auto& r : relations_among(cells_, parts.cells, parts.per_unit, parts.decisive, f)) {
                // The whole on one side, groups of two tables or more on the other.
                if (!whole_and_parts(r) || !makes_up_a_whole(r, parts)) continue;
                std::set<std::size_t> tables;
                for (const auto& [p, k] : r.terms)
                    if (p != 0) tables.insert(parts.table[p]);
                if (tables.size() < 2 || (r.evidence < 2 && schools > 1)) continue;
                add_where_it_holds(r, parts, f);
                if (noted) continue;
                noted = true;
                std::vector<std::string> files;
                for (std::size_t t : tables) files.push_back(cells_.tables[others[t - 1].first].table->spec.yaml_source);
                diags_.note(L.table->spec.groups_at,
                            "treated \"" + L.row_label(*L.all_row) + "\", \"" + L.column_label(c) +
                                "\" as the whole of the groups of " + join_words(files) + " (" + describe(r, parts) +
                                ", true in every school), so these tables are protected together");
            }
        }
    }

    // A table's All row beside a table of groups with no All row of its
    // own (pupils on roll, and absence by disadvantage): in some measure
    // of each, the whole is the sum of all the other table's groups, their
    // counts or numerators or their group sizes. Kept where it holds in
    // two schools or more and at least half of those that can be checked
    // (in a site of one school, where it holds there), and added wherever
    // it holds. `swapped`: L is the second of `units`' pair.
    void whole_of_groups(const Layout& L, const Layout& R, const std::vector<std::pair<std::size_t, std::size_t>>& units,
                         bool swapped, std::size_t schools) {
        auto unit_l = [&](const auto& u) { return swapped ? u.second : u.first; };
        auto unit_r = [&](const auto& u) { return swapped ? u.first : u.second; };
        // The whole: the All row, or the one row of a table of one group
        // ("Pupils": on roll, persistently absent).
        const std::optional<std::size_t> whole_row = L.all_row ? L.all_row : L.groups == 1 ? std::optional<std::size_t>(0) : std::nullopt;
        // Else, two breakdowns of the same people with no All row in
        // either (pupils by sex beside absence by SEN): all of L's groups
        // are the whole. Said once, not for each order of the two tables.
        if ((!whole_row && (swapped || L.groups < 2)) || R.all_row || R.groups < 2) return;
        // The whole's cells at place i, all given, or none.
        auto whole_cells = [&](std::size_t i, std::size_t c) {
            std::vector<std::size_t> out;
            for (std::size_t r = 0; r < L.groups; ++r) {
                if (whole_row && r != *whole_row) continue;
                const std::size_t cell = L.at(unit_l(units[i]), r, c);
                if (!cells_.cells[cell].present) return std::vector<std::size_t>{};
                out.push_back(cell);
            }
            return out;
        };
        const std::size_t N = cells_.cells.size();
        bool noted = false;
        struct Missing {
            std::size_t place, cell;
            long long value;
        };
        std::vector<Missing> left_out_rows;
        // R's cells for group g in "measure" m: one measure (or a count
        // table's Total column), or with m == R.columns every measure of a
        // count table that has no Total or All column (pupils by sex and
        // disadvantage: all of them are the whole school).
        const bool every_measure = !R.is_rate() && R.measures >= 2 && !R.totals && !R.all_column;
        auto part_cells = [&](std::size_t unit, std::size_t g, std::size_t m) {
            std::vector<std::size_t> out;
            for (std::size_t k = 0; k < R.columns; ++k)
                if (k == m || (m == R.columns && k < R.measures)) out.push_back(R.at(unit, g, k));
            return out;
        };
        for (std::size_t c = 0; c < L.measures; ++c)
            for (std::size_t m = 0; m <= R.columns; ++m)
                for (const bool whole_size : {false, true})      // the whole's count or numerator, or its group size
                    for (const bool part_sizes : {false, true}) {  // the groups' counts or numerators, or their group sizes
                        if ((whole_size && !L.is_rate()) || (part_sizes && !R.is_rate())) continue;
                        if (m == R.columns && !every_measure) continue;
                        std::vector<std::size_t> holding;
                        std::size_t checkable = 0, held_in_schools = 0;
                        for (std::size_t i = 0; i < units.size(); ++i) {
                            const auto whole = whole_cells(i, c);
                            long long w = 0;
                            for (std::size_t cell : whole) w += whole_size ? cells_.cells[cell].d : cells_.cells[cell].n;
                            if (whole.empty() || w == 0) continue;
                            long long sum = 0;
                            std::size_t missing = 0, missing_cell = 0;
                            for (std::size_t g = 0; g < R.groups; ++g)
                                for (std::size_t cell : part_cells(unit_r(units[i]), g, m)) {
                                    const Cell& part = cells_.cells[cell];
                                    if (part.present) sum += part_sizes ? part.d : part.n;
                                    else ++missing, missing_cell = cell;
                                }
                            if (i < schools) ++checkable;
                            if (sum != w) {
                                if (missing == 1) left_out_rows.push_back({i, missing_cell, w - sum});
                                continue;
                            }
                            holding.push_back(i);
                            if (i < schools) ++held_in_schools;
                        }
                        const bool believed = held_in_schools >= 2 ? 2 * held_in_schools >= checkable
                                                                   : schools == 1 && held_in_schools == 1;
                        if (!believed) {
                            left_out_rows.clear();
                            continue;
                        }
                        // The whole less the groups given at place i (Figures::mixed entries).
                        auto sum_at = [&](std::size_t i) {
                            std::vector<std::pair<std::size_t, int>> terms;
                            for (std::size_t cell : whole_cells(i, c)) terms.push_back({(whole_size ? N : 0) + cell, -1});
                            for (std::size_t g = 0; g < R.groups; ++g)
                                for (std::size_t part : part_cells(unit_r(units[i]), g, m))
                                    if (cells_.cells[part].present) terms.push_back({(part_sizes ? N : 0) + part, 1});
                            return terms;
                        };
                        // A group left out where the others fall short of the whole: the
                        // difference is its figure, as a reader would take it.
                        for (const auto& [i, cell, value] : left_out_rows) left_out_mixed(cell, part_sizes, value, sum_at(i));
                        left_out_rows.clear();
                        for (std::size_t i : holding) add_terms(sum_at(i), Figures::mixed);
                        if (!noted)
                            diags_.note(L.table->spec.groups_at,
                                        "treated " + (whole_row ? "\"" + L.row_label(*whole_row) + "\"" : std::string("the groups of this table")) + ", \"" + L.column_label(c) +
                                            "\" as the whole of the groups of " + R.table->spec.yaml_source + " (" +
                                            (part_sizes ? "their group sizes" : "their figures") + " for " +
                                            (m == R.columns ? std::string("every measure") : "\"" + R.column_label(m) + "\"") +
                                            " add up to it wherever both are given), so the two "
                                            "tables are protected together");
                        noted = true;
                    }
    }

    // A count table whose measures are another table's groups (pupils by
    // sex and disadvantage beside absence by disadvantage): a measure's
    // column adds up to that group's size, or to its count in a measure of
    // the other (a table of the staff in each role). `swapped`: L is the
    // second of `units`' pair.
    void columns_as_groups(const Layout& L, const Layout& R, const std::vector<std::pair<std::size_t, std::size_t>>& units,
                           bool swapped, std::size_t schools) {
        if (L.table->spec.kind != TableKind::count) return;
        for (std::size_t c = 0; c < L.measures; ++c)
            for (std::size_t g = 0; g < R.groups; ++g) {
                if (group_key(L.column_label(c)) != group_key(R.row_label(g))) continue;
                // The other's figures for the group: its size in each measure
                // (one, when it is one cohort), or its count in each.
                // A count table's group is also its whole row: its Total
                // column, or the sum of its measures (pupils by
                // disadvantage and SEN).
                const bool one_size = R.is_rate() && one_size_per_group(R, g);
                const std::size_t measures = one_size ? 1 : R.is_rate() ? R.measures : R.columns;
                for (std::size_t m = 0; m <= measures; ++m) {
                    const bool row_sum = m == measures;
                    if (row_sum && (R.is_rate() || R.totals || R.all_column || R.measures < 2)) continue;
                    const ColumnJoin j{L, c, R, g, one_size || row_sum ? std::nullopt : std::optional<std::size_t>(m),
                                       row_sum, units, swapped, schools};
                    // Both: where the whole is missing at a place (an All row left
                    // out at one school, so not in the trust's either), its groups
                    // still add up there.
                    join_column_parts(j, join_column_whole(j));
                }
            }
    }

    // Column `c` of count table `L` beside group `g` of table `R` (its
    // figure in `measure`, or for one cohort its first given, or with
    // `row_sum` the sum of its measures).
    struct ColumnJoin {
        const Layout& L;
        std::size_t c;
        const Layout& R;
        std::size_t g;
        std::optional<std::size_t> measure;
        bool row_sum;
        const std::vector<std::pair<std::size_t, std::size_t>>& units;
        bool swapped;
        std::size_t schools;
        std::size_t unit_l(std::size_t i) const { return swapped ? units[i].second : units[i].first; }
        std::size_t unit_r(std::size_t i) const { return swapped ? units[i].first : units[i].second; }
    };

    // R's figure for the group at place i (Figures::mixed entries: a
    // rate's group size is N + its cell), if given: one entry, or with
    // row_sum every measure's (all of them given).
    std::optional<std::vector<std::size_t>> group_figure(const ColumnJoin& j, std::size_t i) const {
        const std::size_t N = cells_.cells.size(), v = j.unit_r(i);
        if (j.row_sum) {
            std::vector<std::size_t> all;
            for (std::size_t k = 0; k < j.R.measures; ++k) {
                if (!cells_.cells[j.R.at(v, j.g, k)].present) return std::nullopt;
                all.push_back(j.R.at(v, j.g, k));
            }
            return all;
        }
        for (std::size_t k = j.measure.value_or(0); k < (j.measure ? *j.measure + 1 : j.R.measures); ++k)
            if (cells_.cells[j.R.at(v, j.g, k)].present) return std::vector<std::size_t>{(j.R.is_rate() ? N : 0) + j.R.at(v, j.g, k)};
        return std::nullopt;
    }
    long long entry_value(std::size_t entry) const {
        const std::size_t N = cells_.cells.size();
        return entry >= N ? cells_.cells[entry - N].d : cells_.cells[entry].n;
    }

    void note_column_join(const ColumnJoin& j, const std::string& how) {
        diags_.note(j.L.table->spec.measures_at,
                    "treated the column \"" + j.L.column_label(j.c) + "\" as the " +
                        (j.R.is_rate() ? "group size of \"" + j.R.row_label(j.g) + "\""
                         : j.row_sum   ? "figures for \"" + j.R.row_label(j.g) + "\" added up over its measures"
                                       : "figures for \"" + j.R.row_label(j.g) + "\", \"" + j.R.column_label(j.measure.value_or(0)) + "\"") +
                        " in " + j.R.table->spec.yaml_source + " (" + how +
                        "), so the two tables are protected together");
    }

    // The column's whole as its labels say: its Total row, its All row, or
    // else the sum of its groups. Kept, like whole_of_groups, where it
    // holds in two schools or more and at least half of those that can be
    // checked, or at every place that can be checked (one school of
    // several may be all there is; in a site of one school, or beside a
    // table of the trust's figures alone, that one), and added wherever
    // it holds. A group left out of the column where the rest falls short
    // is that difference, as a reader would take it.
    bool join_column_whole(const ColumnJoin& j) {
        const Layout& L = j.L;
        const std::optional<std::size_t> whole_row = L.totals ? std::optional<std::size_t>(L.groups) : L.all_row;
        struct Place {
            std::vector<std::pair<std::size_t, int>> terms;  // -figure + the column's whole (or its groups given)
            long long shortfall = 0;
            std::size_t missing = 0, missing_cell = 0;
        };
        auto place_at = [&](std::size_t i) -> std::optional<Place> {
            const auto figure = group_figure(j, i);
            if (!figure) return std::nullopt;
            Place p;
            for (std::size_t e : *figure) p.terms.push_back({e, -1}), p.shortfall += entry_value(e);
            const long long whole = p.shortfall;
            const std::size_t u = j.unit_l(i);
            for (std::size_t r = 0; r < L.groups; ++r) {
                const std::size_t cell = L.at(u, r, j.c);
                if (whole_row && r == *whole_row) continue;
                if (!cells_.cells[cell].present) ++p.missing, p.missing_cell = cell;
                else if (!whole_row) p.terms.push_back({cell, 1}), p.shortfall -= cells_.cells[cell].n;
            }
            if (whole_row) {
                const std::size_t cell = L.at(u, *whole_row, j.c);
                if (!cells_.cells[cell].present) return std::nullopt;
                p.terms.push_back({cell, 1});
                p.shortfall -= cells_.cells[cell].n;
                if (!L.totals) p.missing = 0;  // a Total row adds up the groups given; an All row is the author's
            }
            if (p.terms.size() < figure->size() + 1 || whole == 0) return std::nullopt;
            return p;
        };
        std::vector<std::size_t> holding;
        std::vector<Place> short_of_one;
        std::size_t checkable = 0, held_in_schools = 0, held = 0;
        for (std::size_t i = 0; i < j.units.size(); ++i) {
            const auto p = place_at(i);
            if (!p) continue;
            const bool school = i < j.schools;
            // A group left out ("x") where the whole falls short cannot be
            // checked there: it is the difference, if the join holds.
            if (p->shortfall != 0 && p->missing > 0) {
                if (p->missing == 1) short_of_one.push_back(*p);
                continue;
            }
            if (school || j.schools == 0) ++checkable;
            if (p->shortfall != 0) continue;
            holding.push_back(i);
            if (school || j.schools == 0) ++held;
            if (school) ++held_in_schools;
        }
        const bool believed = held_in_schools >= 2 ? 2 * held_in_schools >= checkable : held >= 1 && held == checkable;
        if (!believed) return false;
        for (auto& p : short_of_one) left_out_mixed(p.missing_cell, false, p.shortfall, p.terms);
        for (std::size_t i : holding) add_terms(place_at(i)->terms, Figures::mixed);
        note_column_join(j, (whole_row ? "its \"" + L.row_label(*whole_row) + "\" row" : std::string("the sum of its groups")) +
                                " is the same wherever both are given");
        return true;
    }

    // Then the column's groups that add up to the group's figure at every
    // place where all are given (Boys + Girls beside SEN support, a whole
    // called "Whole school", or beside an All row left out at a school),
    // in two schools or more, or in the only one there is. `whole_joined`:
    // the whole as labelled was joined above (and told about).
    void join_column_parts(const ColumnJoin& j, bool whole_joined) {
        const Layout& L = j.L;
        Parts parts;
        parts.cells.emplace_back();
        std::vector<std::size_t> places;  // units with the group's figure
        for (std::size_t i = 0; i < j.units.size(); ++i)
            if (const auto figure = group_figure(j, i); figure && figure->size() == 1)
                places.push_back(i), parts.cells[0].push_back(figure->front());
        if (places.empty()) return;
        for (std::size_t r = 0; r < L.rows; ++r) {
            parts.cells.emplace_back();
            for (std::size_t i : places) parts.cells.back().push_back(L.at(j.unit_l(i), r, j.c));
        }
        std::size_t deciding = 0;
        while (deciding < places.size() && places[deciding] < j.schools) ++deciding;
        parts.per_unit = 1;
        parts.decisive = deciding ? deciding : places.size();
        // The whole as labelled: the Total row, the All row, or all the groups.
        std::vector<std::size_t> whole_rows;
        if (L.totals) whole_rows = {L.groups};
        else if (L.all_row) whole_rows = {*L.all_row};
        else
            for (std::size_t r = 0; r < L.groups; ++r) whole_rows.push_back(r);
        RelationBasis known;
        auto found = relations_among(cells_, parts.cells, parts.per_unit, parts.decisive, Figures::mixed);
        std::stable_sort(found.begin(), found.end(),
                         [](const PartRelation& a, const PartRelation& b) { return a.terms.size() < b.terms.size(); });
        bool noted = false;
        for (const auto& r : found) {
            // The group's figure on one side, the column's groups on the other.
            const auto figure = std::find_if(r.terms.begin(), r.terms.end(), [](const auto& t) { return t.first == 0; });
            if (figure == r.terms.end() || r.terms.size() < 2) continue;
            if (!std::all_of(r.terms.begin(), r.terms.end(), [&](const auto& t) {
                    return &t == &*figure ? (t.second == 1 || t.second == -1) : t.second == -figure->second;
                }))
                continue;
            if (r.evidence < 2 && deciding > 1) continue;
            if (!known.add(r)) continue;
            std::vector<std::size_t> rows;  // the column's rows in it
            for (const auto& [p, k] : r.terms)
                if (p != 0) rows.push_back(p - 1);
            if (whole_joined && rows == whole_rows) continue;  // added above
            add_where_it_holds(r, parts, Figures::mixed);
            if (!noted && !whole_joined) {
                std::vector<std::string> rows;
                for (const auto& [p, k] : r.terms)
                    if (p != 0) rows.push_back("\"" + L.row_label(p - 1) + "\"");
                note_column_join(j, rows.size() == 1 ? "its " + rows.front() + " row is the same wherever both are given"
                                                      : "its " + join(rows, " + ") + " add up to it wherever all are given");
            }
            noted = true;
        }
    }

    // Whether measure `c` of count table `L` counts the groups of rate
    // table `R` ("Year 6 pupils" beside Year 6 results): for a group both
    // tables name, its count is the rate's group size at every school that
    // gives both, and they agree, not being zero, at two such places (a
    // school and group) or more (one, if only one can be compared). Other
    // counts (suspensions) are left out: with few places, sums among them
    // and group sizes would often hold by chance.
    // `units` pair the two tables' units, L's second when `swapped`.
    bool counts_group_sizes(const Layout& L, std::size_t c, const Layout& R,
                            const std::vector<std::pair<std::size_t, std::size_t>>& units, bool swapped) const {
        if (!R.is_rate()) return false;
        std::size_t agree = 0, compared = 0;
        for (std::size_t r = 0; r < L.groups; ++r)
            for (std::size_t g = 0; g < R.groups; ++g) {
                if (group_key(L.row_label(r)) != group_key(R.row_label(g))) continue;
                for (const auto& pair : units) {
                    const std::size_t u = swapped ? pair.second : pair.first, v = swapped ? pair.first : pair.second;
                    if (u >= L.schools) continue;  // the trust's figures are the schools' sums
                    const Cell& count = cells_.cells[L.at(u, r, c)];
                    const Cell* size = nullptr;
                    for (std::size_t m = 0; m < R.measures && !size; ++m)
                        if (cells_.cells[R.at(v, g, m)].present) size = &cells_.cells[R.at(v, g, m)];
                    if (!count.present || !size) continue;
                    if (count.n != size->d) return false;
                    if (count.n != 0) ++agree;
                    ++compared;
                }
            }
        return agree > 0 && agree >= std::min<std::size_t>(2, compared);
    }

    // Whether a rate table's group has one size in all its measures, at
    // every unit (one cohort).
    bool one_size_per_group(const Layout& L, std::size_t r) const {
        for (std::size_t u = 0; u < L.units(); ++u) {
            std::optional<long long> size;
            for (std::size_t c = 0; c < L.measures; ++c) {
                const Cell& w = cells_.cells[L.at(u, r, c)];
                if (!w.present) continue;
                if (size && *size != w.d) return false;
                size = w.d;
            }
        }
        return true;
    }

    // A table's units by the site's school index (its schools, not the trust).
    static std::unordered_map<std::size_t, std::size_t> units_by_school(const Layout& t) {
        std::unordered_map<std::size_t, std::size_t> out;
        for (std::size_t u = 0; u < t.schools; ++u) out.emplace(*t.school_of(u), u);
        return out;
    }

    static bool joins(const PartRelation& r, const Parts& parts) {
        bool first = false, second = false;
        for (const auto& [p, c] : r.terms) (parts.table[p] ? second : first) = true;
        return first && second;
    }

    // Only relations that join the two tables, and are not combinations of
    // each table's own (a Total column in each), are new here.
    void search_between(const Parts& parts, const Layout& A, const Layout& B, bool one_school_will_do) {
        auto found = relations_among(cells_, parts.cells, parts.per_unit, parts.decisive, Figures::counts);
        std::stable_sort(found.begin(), found.end(),
                         [](const PartRelation& a, const PartRelation& b) { return a.terms.size() < b.terms.size(); });
        // Each table's own relations are protected by rows() and columns();
        // a relation that only combines them (one Total column in each)
        // would join the tables for nothing.
        RelationBasis known;
        for (const auto& r : found)
            if (!joins(r, parts) && (r.evidence >= 2 || makes_up_a_whole(r, parts))) known.add(r);
        for (const auto& r : found) {
            if (!joins(r, parts) || (r.evidence < 2 && !one_school_will_do) || !known.add(r)) continue;
            diags_.note(B.table->spec.groups_at, "treated " + describe(r, parts) +
                                                     " (true wherever both tables have figures), so " +
                                                     A.table->spec.yaml_source + " and this table are protected "
                                                     "together");
            add_where_it_holds(r, parts, Figures::counts);
        }
    }

    // Rule 2's lines that are not sums: every group of a measure with the
    // "All" row, and each "X" / "Not X" pair with it. Groups may overlap,
    // but the spec hides a second cell wherever such a line has one.
    void all_row_lines(const Layout& t) {
        if (!t.all_row) return;
        std::vector<std::pair<std::size_t, std::size_t>> pairs;
        for (std::size_t a = 0; a < t.groups; ++a)
            for (std::size_t b = 0; b < t.groups; ++b) {
                const std::string x = to_lower_ascii(trim(t.table->spec.groups[a]));
                const std::string y = to_lower_ascii(trim(t.table->spec.groups[b]));
                for (std::string_view prefix : {"not ", "non-", "non "})
                    if (y == std::string(prefix) + x) pairs.emplace_back(a, b);
            }
        for (std::size_t u = 0; u < t.units(); ++u)
            for (std::size_t c = 0; c < t.columns; ++c) {
                std::vector<Relations::Term> column;
                for (std::size_t r = 0; r < t.groups; ++r)
                    if (cells_.cells[t.at(u, r, c)].present) column.push_back({static_cast<std::uint32_t>(t.at(u, r, c)), 1});
                if (column.size() >= 2) out_.lines.add(column);
                for (const auto& [x, not_x] : pairs) {
                    std::vector<Relations::Term> line;
                    for (std::size_t r : {*t.all_row, x, not_x})
                        if (cells_.cells[t.at(u, r, c)].present) line.push_back({static_cast<std::uint32_t>(t.at(u, r, c)), 1});
                    if (line.size() >= 2) out_.lines.add(line);
                }
            }
    }

    // Each row and column with its Total (count tables with totals).
    void totals(const Layout& t) {
        if (!t.totals) return;
        for (std::size_t u = 0; u < t.units(); ++u) {
            for (std::size_t r = 0; r < t.rows; ++r) {
                std::vector<std::size_t> parts;
                for (std::size_t c = 0; c < t.measures; ++c) parts.push_back(t.at(u, r, c));
                add_sum(t.at(u, r, t.measures), parts, true, false);
            }
            for (std::size_t c = 0; c < t.columns; ++c) {
                std::vector<std::size_t> parts;
                for (std::size_t r = 0; r < t.groups; ++r) parts.push_back(t.at(u, r, c));
                add_sum(t.at(u, t.groups, c), parts, true, false);
            }
        }
    }

    // Each trust cell that adds up the schools' cells at its position.
    void trust(const Layout& t) {
        if (!t.has_trust) return;
        for (std::size_t r = 0; r < t.rows; ++r)
            for (std::size_t c = 0; c < t.columns; ++c) {
                if (!t.trust_sums[r * t.columns + c]) continue;
                std::vector<std::size_t> parts;
                for (std::size_t s = 0; s < t.schools; ++s) parts.push_back(t.at(s, r, c));
                add_sum(t.at(t.schools, r, c), parts, true, t.is_rate());
            }
    }

    // A group's rates with the same denominator in several measures: one
    // cohort, one group size.
    void cohorts(const Layout& t) {
        for (std::size_t u = 0; u < t.units(); ++u)
            for (std::size_t r = 0; r < t.rows; ++r) {
                for (std::size_t c = 0; c < t.columns; ++c) {
                    const std::size_t i = t.at(u, r, c);
                    if (!cells_.cells[i].present) continue;
                    for (std::size_t e = 0; e < c; ++e) {  // the first earlier measure with this denominator
                        const std::size_t j = t.at(u, r, e);
                        if (cells_.cells[j].present && cells_.cells[j].d == cells_.cells[i].d) {
                            unite(j, i);
                            break;
                        }
                    }
                }
            }
    }

    // Tables that share a measure and an All or Total line, or declare the
    // same population, may publish the same figure twice: where two such
    // tables give the same figure for the same school, group and measure,
    // it is one figure, hidden in both or in neither.
    void across_tables() {
        const std::size_t T = cells_.tables.size();
        std::vector<std::size_t> link(T);
        std::iota(link.begin(), link.end(), std::size_t{0});
        auto find = [&](std::size_t x) {
            while (link[x] != x) x = link[x] = link[link[x]];
            return x;
        };
        // Tables about different periods (two school years) never hold the
        // same figure: the period is part of what links them (periods_overlap).
        std::map<std::string, std::vector<std::size_t>> with;
        auto join_on = [&](const std::string& key, std::size_t t) {
            auto& earlier = with[key];
            for (std::size_t e : earlier)
                if (periods_overlap(cells_.tables[e].table->spec.period, cells_.tables[t].table->spec.period))
                    link[find(t)] = find(e);
            earlier.push_back(t);
        };
        for (std::size_t t = 0; t < T; ++t) {
            const Layout& l = cells_.tables[t];
            if (!l.counts_people()) continue;
            if (!l.table->spec.population.empty()) join_on("population:" + l.table->spec.population, t);
            // "Total" names no quantity of its own: two tables' Total columns
            // are different things unless their other measures match too.
            if (l.all_row || l.totals)
                for (std::size_t c = 0; c < l.columns; ++c)
                    if (!is_all_group(l.column_label(c))) join_on("measure:" + label_key(l.column_label(c)), t);
        }
        // Cells of linked tables by (tables, school, group, measure); All and
        // Total lines share one label. Tables linked to no other are skipped.
        std::vector<std::size_t> linked(T, 0);
        for (std::size_t t = 0; t < T; ++t) ++linked[find(t)];
        std::map<std::string, std::size_t> label_ids;
        auto label_id = [&](const std::string& label) {
            return label_ids.emplace(label_key(label), label_ids.size()).first->second;
        };
        struct Entry {
            std::size_t component, school, row_label, column_label, cell;
            auto key() const { return std::tie(component, school, row_label, column_label); }
        };
        std::vector<Entry> entries;
        for (std::size_t t = 0; t < T; ++t) {
            const Layout& l = cells_.tables[t];
            if (!l.counts_people() || linked[find(t)] < 2) continue;
            std::vector<std::size_t> rows, columns;
            for (std::size_t r = 0; r < l.rows; ++r) rows.push_back(label_id(l.row_label(r)));
            for (std::size_t c = 0; c < l.columns; ++c) columns.push_back(label_id(l.column_label(c)));
            for (std::size_t u = 0; u < l.units(); ++u)
                for (std::size_t r = 0; r < l.rows; ++r)
                    for (std::size_t c = 0; c < l.columns; ++c) {
                        const std::size_t i = l.at(u, r, c);
                        if (cells_.cells[i].present)
                            entries.push_back({find(t), l.school_of(u).value_or(none), rows[r], columns[c], i});
                    }
        }
        std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
            return std::tie(a.component, a.school, a.row_label, a.column_label, a.cell) <
                   std::tie(b.component, b.school, b.row_label, b.column_label, b.cell);
        });
        std::map<std::pair<std::size_t, std::size_t>, bool> noted;
        for (std::size_t from = 0, to = 0; from < entries.size(); from = to) {
            while (to < entries.size() && entries[to].key() == entries[from].key()) ++to;
            for (std::size_t a = from; a < to; ++a)
                for (std::size_t b = a + 1; b < to; ++b) {
                    const std::size_t i = entries[a].cell, j = entries[b].cell;
                    const std::size_t ti = cells_.table_of[i], tj = cells_.table_of[j];
                    const Cell &x = cells_.cells[i], &y = cells_.cells[j];
                    if (ti == tj || x.n != y.n) continue;
                    add({{i, 1}, {j, -1}}, true, false);
                    if (cells_.tables[ti].is_rate() && cells_.tables[tj].is_rate() && x.d == y.d) unite(i, j);
                    if (!noted[{ti, tj}]) {
                        noted[{ti, tj}] = true;
                        const auto& later = cells_.tables[tj].table->spec;
                        const auto place = cells_.place(j);
                        const Layout& l = cells_.tables[tj];
                        diags_.note(later.groups_at,
                                    "protected together with " + cells_.tables[ti].table->spec.yaml_source +
                                        ": both give the same figures (for example \"" + l.row_label(place.row) +
                                        "\", \"" + l.column_label(place.column) +
                                        "\"), so a figure hidden in one is hidden in the other");
                    }
                }
        }
    }

    // Labels that are the same but for case and spacing.
    static std::string label_key(const std::string& label) {
        if (is_all_group(label)) return "(all)";
        std::string key;
        for (char ch : to_lower_ascii(trim(label))) {
            const bool space = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
            if (!space) key += ch;
            else if (!key.empty() && key.back() != ' ') key += ' ';
        }
        return key;
    }

    // A group's name with a last word for people and a closing bracket
    // aside, a hyphen as a space, "non" as "not" and one word for each sex, so that "Non-disadvantaged pupils" names
    // the group "Not disadvantaged". For groups, and a measure compared
    // with a group; not between two measures ("Persistently absent
    // pupils", a count, is not the rate "Persistently absent").
    static std::string group_key(const std::string& label) {
        std::string written = label;
        std::replace(written.begin(), written.end(), '-', ' ');  // "Not-disadvantaged"
        std::string key = label_key(written);
        if (key == "(all)") return key;
        if (key.starts_with("non ")) key = "not " + key.substr(4);  // "Non-disadvantaged"
        if (const auto open = key.find(" ("); open != std::string::npos && open > 0 && key.ends_with(")"))
            key.resize(open);  // "Disadvantaged (pupil premium)"
        for (const std::string_view people : {" pupils", " pupil", " students", " learners", " children", " staff", " people"})
            if (key.size() > people.size() && key.ends_with(people)) {
                key.resize(key.size() - people.size());
                break;
            }
        // One sex, however it is named (tables compared are about the same
        // people: pupils with pupils, staff with staff).
        if (key == "girls" || key == "women" || key == "females") return "female";
        if (key == "boys" || key == "men" || key == "males") return "male";
        return key;
    }

    std::size_t root(std::size_t x) {
        while (out_.cohort[x] != x) x = out_.cohort[x] = out_.cohort[out_.cohort[x]];
        return x;
    }
    void unite(std::size_t a, std::size_t b) {
        a = root(a);
        b = root(b);
        if (a != b) out_.cohort[std::max(a, b)] = std::min(a, b);
    }

    const Cells& cells_;
    Diagnostics& diags_;
    Sums out_;
    struct Given {  // a figure left out, as one sum gives it
        bool denominator;
        long long value;
        std::vector<std::pair<std::size_t, int>> terms;  // the sum, with the figure
        bool mixed;                                      // terms are Figures::mixed entries
    };
    std::map<std::size_t, std::vector<Given>> left_out_;  // per cell left out, in the order found
    std::set<std::size_t> left_out_noted_;                // tables told about one
};

}  // namespace

Sums find_sums(const Cells& cells, Diagnostics& diags) { return Finder(cells, diags).find(); }

}  // namespace eqsite::disclosure
