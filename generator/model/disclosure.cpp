#include "model/disclosure.hpp"

#include <algorithm>
#include <deque>
#include <limits>

#include "model/recoverability.hpp"
#include "util/text.hpp"

namespace eqsite {

char symbol_char(Symbol s) {
    switch (s) {
        case Symbol::shown: return '\0';
        case Symbol::suppressed: return 'c';
        case Symbol::not_available: return 'x';
        case Symbol::not_applicable: return 'z';
    }
    return 'x';
}

namespace {

// One figure that may be published, with what suppression needs to know.
struct WorkCell {
    bool present = false;     // false: no figure ("x")
    bool suppressed = false;
    long long n = 0;          // count or numerator
    long long d = 0;          // denominator (rates)
    std::string value;        // value and pay-gap tables
    long long size() const { return d > 0 ? d : n; }  // people behind the figure
};

// All cells of a table (every school's grid, then the trust's), and the
// lines that tie them together. Cell index = unit * rows * columns +
// row * columns + column, where unit S (the number of schools) is the trust.
class Work {
public:
    Work(const DataTable& t) : table_(t), spec_(t.spec) {
        groups_ = spec_.groups.size();
        measures_ = spec_.measures.size();
        totals_ = spec_.kind == TableKind::count && spec_.totals;
        rows_ = groups_ + (totals_ ? 1 : 0);
        columns_ = measures_ + (totals_ ? 1 : 0);
        schools_ = t.schools.size();
        const bool sums = spec_.trust_total && (spec_.kind == TableKind::count || spec_.kind == TableKind::rate);
        has_trust_ = sums || t.trust_figures.has_value();
        all_row_ = all_group();
        pairs_ = complement_pairs();
        cells_.resize((schools_ + 1) * rows_ * columns_);
        trust_sums_.assign(rows_ * columns_, false);

        for (std::size_t s = 0; s < schools_; ++s) fill_unit(s, t.school_figures[s]);
        if (sums) sum_schools_into_trust();
        if (t.trust_figures) fill_unit(schools_, *t.trust_figures);
        if (totals_) {
            for (std::size_t u = 0; u < schools_; ++u) add_totals(u);
            if (has_trust_) add_totals(schools_);
        }
    }

    void suppress() {
        if (spec_.kind != TableKind::count && spec_.kind != TableKind::rate) return;  // published as given
        primary();
        build_lines();
        secondary();
        protect_combinations();
    }

    PublishedTable result() const {
        PublishedTable out;
        out.spec = spec_;
        out.rows = spec_.groups;
        out.columns = spec_.measures;
        if (totals_) {
            out.rows.push_back("Total");
            out.columns.push_back("Total");
        }
        for (std::size_t s = 0; s < schools_; ++s) out.schools.push_back(grid(s, table_.schools[s]));
        if (has_trust_) out.trust = grid(schools_, std::nullopt);
        return out;
    }

private:
    std::size_t at(std::size_t unit, std::size_t row, std::size_t column) const {
        return (unit * rows_ + row) * columns_ + column;
    }

    void fill_unit(std::size_t unit, const FigureGrid& g) {
        for (std::size_t r = 0; r < groups_; ++r)
            for (std::size_t c = 0; c < measures_; ++c) {
                const std::size_t i = r * measures_ + c;
                if (i >= g.cells.size() || !g.cells[i]) continue;
                WorkCell& w = cells_[at(unit, r, c)];
                w.present = true;
                w.n = g.cells[i]->n;
                w.d = g.cells[i]->d;
                w.value = g.cells[i]->value;
                if (unit == schools_) trust_sums_[r * columns_ + c] = false;  // a trust-only figure
            }
    }

    // Trust figures are sums of the unsuppressed school figures (rule 3):
    // numerators and denominators separately, never averages of rates.
    void sum_schools_into_trust() {
        for (std::size_t r = 0; r < groups_; ++r)
            for (std::size_t c = 0; c < measures_; ++c) {
                WorkCell& t = cells_[at(schools_, r, c)];
                for (std::size_t s = 0; s < schools_; ++s) {
                    const WorkCell& w = cells_[at(s, r, c)];
                    if (!w.present) continue;
                    t.present = true;
                    t.n += w.n;
                    t.d += w.d;
                }
                trust_sums_[r * columns_ + c] = t.present;
            }
    }

    void add_totals(std::size_t unit) {
        auto add = [&](std::size_t to, std::size_t from) {
            const WorkCell& w = cells_[from];
            if (!w.present) return;
            cells_[to].present = true;
            cells_[to].n += w.n;
        };
        for (std::size_t r = 0; r < groups_; ++r)
            for (std::size_t c = 0; c < measures_; ++c) {
                add(at(unit, r, measures_), at(unit, r, c));
                add(at(unit, groups_, c), at(unit, r, c));
                add(at(unit, groups_, measures_), at(unit, r, c));
            }
        if (unit == schools_)
            for (std::size_t r = 0; r < rows_; ++r)
                for (std::size_t c = 0; c < columns_; ++c)
                    if (r == groups_ || c == measures_) trust_sums_[r * columns_ + c] = spec_.trust_total;
    }

    // Rule 1: a count from 1 to N-1; a rate on N or fewer people, or whose
    // numerator (itself a count of people) is from 1 to N-1.
    void primary() {
        const long long n = spec_.threshold;
        for (WorkCell& w : cells_) {
            if (!w.present) continue;
            const bool small_count = w.n >= 1 && w.n < n;
            if (spec_.kind == TableKind::count) w.suppressed = small_count;
            else w.suppressed = (w.d >= 1 && w.d <= n) || small_count;
        }
    }

    void add_line(std::vector<std::size_t> members) {
        members.erase(std::remove_if(members.begin(), members.end(), [&](std::size_t i) { return !cells_[i].present; }),
                      members.end());
        if (members.size() < 2) return;
        lines_.push_back(std::move(members));
    }

    // Each row and column of unit `u` with its Total cell (count tables
    // with totals): `f(cells, total)`, the cells in line order, the Total
    // last. Shared by rule 2's lines and the exact check's sums.
    template <typename F>
    void each_total_line(std::size_t u, F f) const {
        if (!totals_) return;
        for (std::size_t r = 0; r < rows_; ++r) {
            std::vector<std::size_t> line;
            for (std::size_t c = 0; c < columns_; ++c) line.push_back(at(u, r, c));
            f(std::move(line), at(u, r, measures_));
        }
        for (std::size_t c = 0; c < columns_; ++c) {
            std::vector<std::size_t> line;
            for (std::size_t r = 0; r < rows_; ++r) line.push_back(at(u, r, c));
            f(std::move(line), at(u, groups_, c));
        }
    }

    // Each trust cell that adds up the schools' cells at its position:
    // `f(cells, total)`, the trust cell first, then every school's.
    template <typename F>
    void each_trust_line(F f) const {
        if (!has_trust_) return;
        for (std::size_t r = 0; r < rows_; ++r)
            for (std::size_t c = 0; c < columns_; ++c) {
                if (!trust_sums_[r * columns_ + c]) continue;
                std::vector<std::size_t> line{at(schools_, r, c)};
                for (std::size_t s = 0; s < schools_; ++s) line.push_back(at(s, r, c));
                f(std::move(line), at(schools_, r, c));
            }
    }

    // The lines where one cell is the sum of the others (see disclosure.hpp).
    void build_lines() {
        const std::size_t units = schools_ + (has_trust_ ? 1 : 0);
        auto line = [&](std::vector<std::size_t> cells, std::size_t) { add_line(std::move(cells)); };
        for (std::size_t u = 0; u < units; ++u) {
            each_total_line(u, line);
            if (!all_row_) continue;
            for (std::size_t c = 0; c < columns_; ++c) {
                std::vector<std::size_t> column;
                for (std::size_t r = 0; r < groups_; ++r) column.push_back(at(u, r, c));
                add_line(std::move(column));
                for (const auto& [x, not_x] : pairs_) add_line({at(u, *all_row_, c), at(u, x, c), at(u, not_x, c)});
            }
        }
        each_trust_line(line);
        lines_of_.assign(cells_.size(), {});
        for (std::size_t l = 0; l < lines_.size(); ++l)
            for (std::size_t i : lines_[l]) lines_of_[i].push_back(l);
    }

    // The row that totals the others: "All pupils", "All staff", "All".
    std::optional<std::size_t> all_group() const {
        for (std::size_t g = 0; g < groups_; ++g)
            if (is_all_group(spec_.groups[g])) return g;
        return std::nullopt;
    }

    // Groups "X" and "Not X" (or "Non-X"): together they make the All row.
    std::vector<std::pair<std::size_t, std::size_t>> complement_pairs() const {
        std::vector<std::pair<std::size_t, std::size_t>> out;
        for (std::size_t a = 0; a < groups_; ++a)
            for (std::size_t b = 0; b < groups_; ++b) {
                const std::string x = to_lower_ascii(trim(spec_.groups[a]));
                const std::string y = to_lower_ascii(trim(spec_.groups[b]));
                for (std::string_view prefix : {"not ", "non-", "non "})
                    if (y == std::string(prefix) + x) out.emplace_back(a, b);
            }
        return out;
    }

    // Rule 2 and 3: until no line has exactly one suppressed cell, suppress
    // the smallest other cell of such a line (non-zero first).
    void secondary() {
        std::deque<std::size_t> todo;
        std::vector<bool> queued(lines_.size(), true);
        for (std::size_t l = 0; l < lines_.size(); ++l) todo.push_back(l);
        while (!todo.empty()) {
            const std::size_t l = todo.front();
            todo.pop_front();
            queued[l] = false;
            const auto& line = lines_[l];
            const auto hidden = std::count_if(line.begin(), line.end(), [&](std::size_t i) { return cells_[i].suppressed; });
            if (hidden != 1) continue;
            const std::size_t pick = smallest_shown(line);
            cells_[pick].suppressed = true;
            for (std::size_t other : lines_of_[pick])
                if (!queued[other]) {
                    queued[other] = true;
                    todo.push_back(other);
                }
        }
    }

    // The sums the figures really satisfy, which anyone can combine: each
    // row and column with its Total, the schools with the trust, and X plus
    // Not X making the "All" row (see add_partitions). The
    // whole column under an "All" row is a line for rule 2 but not a sum:
    // groups such as "SEN support" and "EAL" overlap.
    std::vector<Relation> relations() const {
        std::vector<Relation> out;
        auto add = [&](Relation r) {
            r.erase(std::remove_if(r.begin(), r.end(), [&](const auto& t) { return !cells_[t.first].present; }),
                    r.end());
            if (r.size() >= 2) out.push_back(std::move(r));
        };
        // total = sum of the others, as "others - total = 0".
        auto sum = [&](const std::vector<std::size_t>& cells, std::size_t total) {
            Relation rel;
            for (std::size_t i : cells) rel.push_back({i, i == total ? -1 : 1});
            add(std::move(rel));
        };
        const std::size_t units = schools_ + (has_trust_ ? 1 : 0);
        for (std::size_t u = 0; u < units; ++u) {
            each_total_line(u, sum);
            if (!all_row_) continue;
            for (std::size_t c = 0; c < columns_; ++c) add_partitions(u, *all_row_, c, add);
        }
        each_trust_line(sum);
        return out;
    }

    // Splits of the "All" row where the figures say so: "X" and "Not X",
    // and all the other groups together when they add up to it (Boys and
    // Girls, the five ethnic groups). Other sets of groups are not tried:
    // trying every set made national tables far too slow (see README).
    template <typename Add>
    void add_partitions(std::size_t u, std::size_t all_row, std::size_t c, Add& add) const {
        const WorkCell& all = cells_[at(u, all_row, c)];
        if (!all.present) return;
        Relation every{{at(u, all_row, c), -1}};
        long long n = 0, d = 0;
        for (std::size_t r = 0; r < groups_; ++r) {
            const WorkCell& w = cells_[at(u, r, c)];
            if (r == all_row || !w.present) continue;
            every.push_back({at(u, r, c), 1});
            n += w.n;
            d += w.d;
        }
        if (every.size() >= 2 && n == all.n && d == all.d) add(std::move(every));
        // Breakdowns the table declares (splits:), where the figures add up.
        for (const auto& split : spec_.splits) {
            Relation rel{{at(u, all_row, c), -1}};
            long long sn = 0, sd = 0;
            for (std::size_t r : split) {
                const WorkCell& w = cells_[at(u, r, c)];
                if (!w.present) continue;
                rel.push_back({at(u, r, c), 1});
                sn += w.n;
                sd += w.d;
            }
            if (rel.size() >= 2 && sn == all.n && sd == all.d) add(std::move(rel));
        }
        for (const auto& [x, not_x] : pairs_) {
            const WorkCell &p = cells_[at(u, x, c)], &q = cells_[at(u, not_x, c)];
            if (p.present && q.present && p.n + q.n == all.n && p.d + q.d == all.d)
                add({{at(u, all_row, c), -1}, {at(u, x, c), 1}, {at(u, not_x, c), 1}});
        }
    }

    // Rule 2's aim: no hidden figure may be worked out from the published
    // ones by any combination of sums. The line rule above is not enough
    // (two rows and two columns can isolate a cell), so check exactly and
    // hide more until nothing is given away.
    void protect_combinations() {
        const std::vector<Relation> rels = relations();
        if (rels.empty()) return;
        std::vector<std::vector<std::size_t>> rels_of(cells_.size());
        for (std::size_t l = 0; l < rels.size(); ++l)
            for (const auto& [cell, coefficient] : rels[l]) rels_of[cell].push_back(l);
        for (;;) {
            std::vector<bool> hidden(cells_.size());
            for (std::size_t i = 0; i < cells_.size(); ++i) hidden[i] = cells_[i].present && cells_[i].suppressed;
            auto given_away = determined_cells(hidden, rels);
            // A hidden true zero that can be worked out reveals no one (a
            // zero may be published anyway), so only people count.
            given_away.erase(std::remove_if(given_away.begin(), given_away.end(),
                                            [&](std::size_t i) { return cells_[i].n == 0 && cells_[i].d == 0; }),
                             given_away.end());
            if (given_away.empty()) return;
            // One more hidden cell near each exposed one, except where this
            // round already hid one in the same small sums (a school's own
            // rows, columns and groups). The schools-versus-trust sums are
            // shared by every school, so they do not count: otherwise a
            // national table would fix one school per round.
            constexpr std::size_t local = 16;
            std::vector<bool> touched(rels.size(), false);
            bool hid_more = false;
            for (std::size_t cell : given_away) {
                const auto& mine = rels_of[cell];
                if (std::any_of(mine.begin(), mine.end(),
                                [&](std::size_t l) { return touched[l] && rels[l].size() <= local; }))
                    continue;
                if (auto pick = nearest_shown(cell, rels, rels_of)) {
                    cells_[*pick].suppressed = true;
                    hid_more = true;
                    for (std::size_t l : rels_of[*pick]) touched[l] = true;
                }
            }
            // Nothing left to hide near them: only possible when everything
            // linked to a figure is hidden already and the figure is a true
            // zero (a zero total with hidden parts), which identifies no one.
            if (!hid_more) return;
            secondary();  // and keep rule 2's lines true
        }
    }

    // The smallest published cell in the sums around `cell`, searching the
    // sums that share hidden cells with it, nearest first.
    std::optional<std::size_t> nearest_shown(std::size_t cell, const std::vector<Relation>& rels,
                                             const std::vector<std::vector<std::size_t>>& rels_of) const {
        std::vector<bool> seen(rels.size(), false);
        std::deque<std::size_t> todo(rels_of[cell].begin(), rels_of[cell].end());
        for (std::size_t l : todo) seen[l] = true;
        while (!todo.empty()) {
            const Relation& rel = rels[todo.front()];
            todo.pop_front();
            std::vector<std::size_t> members;
            for (const auto& [c, coefficient] : rel) members.push_back(c);
            const std::size_t pick = smallest_shown(members);
            if (!cells_[pick].suppressed) return pick;
            for (std::size_t c : members)
                for (std::size_t l : rels_of[c])
                    if (!seen[l]) {
                        seen[l] = true;
                        todo.push_back(l);
                    }
        }
        return std::nullopt;
    }

    std::size_t smallest_shown(const std::vector<std::size_t>& line) const {
        std::size_t best = line.front();
        auto rank = [&](std::size_t i) {
            const long long s = cells_[i].size();
            // Zeros last: hiding a true zero beside one other hidden cell protects nothing.
            return s == 0 ? std::numeric_limits<long long>::max() : s;
        };
        bool found = false;
        for (std::size_t i : line) {
            if (cells_[i].suppressed) continue;
            if (!found || rank(i) < rank(best)) best = i;  // ties: the first in the line
            found = true;
        }
        return best;
    }

    PublishedGrid grid(std::size_t unit, std::optional<std::size_t> school) const {
        PublishedGrid g;
        g.school = school;
        g.cells.reserve(rows_ * columns_);
        for (std::size_t r = 0; r < rows_; ++r)
            for (std::size_t c = 0; c < columns_; ++c) g.cells.push_back(published(cells_[at(unit, r, c)]));
        return g;
    }

    PublishedCell published(const WorkCell& w) const {
        if (!w.present) return PublishedCell::hidden(Symbol::not_available);
        if (w.suppressed) return PublishedCell::hidden(Symbol::suppressed);
        switch (spec_.kind) {
            case TableKind::count: return PublishedCell::count(w.n);
            case TableKind::rate:
                // Nobody in the group: there is no rate to give.
                if (w.d == 0) return PublishedCell::hidden(Symbol::not_applicable);
                return PublishedCell::rate(w.n, w.d);
            case TableKind::value:
            case TableKind::pay_gap: return PublishedCell::value(w.value);
        }
        return PublishedCell::hidden(Symbol::not_available);
    }

    const DataTable& table_;
    const TableSpec& spec_;
    std::size_t groups_ = 0, measures_ = 0, rows_ = 0, columns_ = 0, schools_ = 0;
    bool totals_ = false;
    bool has_trust_ = false;
    std::vector<WorkCell> cells_;
    std::vector<bool> trust_sums_;  // per trust cell: is it a sum of the schools' cells?
    std::optional<std::size_t> all_row_;                       // the "All" group, if any
    std::vector<std::pair<std::size_t, std::size_t>> pairs_;  // "X" / "Not X" groups
    std::vector<std::vector<std::size_t>> lines_;
    std::vector<std::vector<std::size_t>> lines_of_;          // per cell: the lines it is in
};

}  // namespace

PublishedTable publish(const DataTable& table) {
    Work work(table);
    work.suppress();
    return work.result();
}

}  // namespace eqsite
