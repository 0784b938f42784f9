#include "model/disclosure.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <set>
#include <span>

#include "model/disclosure_cells.hpp"
#include "model/disclosure_sums.hpp"
#include "model/recoverability.hpp"
#include "model/stated_numbers.hpp"
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

using namespace disclosure;

constexpr std::size_t none = static_cast<std::size_t>(-1);

// Suppression works on figures rather than cells: the count or numerator
// of each cell (figure i for cell i), and the denominator of each cohort (a
// group size shared by several cells, published as soon as any of them is;
// figures from cells.size() on). A figure is hidden when every cell that
// shows it is hidden.
class Suppressor {
public:
    Suppressor(Cells& cells, Diagnostics& diags) : c_(cells), diags_(diags) {}

    void run() {
        primary();
        {
            Sums sums = find_sums(c_, diags_);  // over cells; gone once the relations over figures are made
            for (const auto& l : sums.left_out) {
                Cell& w = c_.cells[l.cell];
                w.present = w.hidden = w.left_out = true;
                w.n = l.n;
                w.d = l.d;
            }
            make_figures(sums);
            make_relations(std::move(sums));
        }
        secondary();
        protect_combinations();
    }

    PublishedTable result(std::size_t table) const {
        const Layout& t = c_.tables[table];
        PublishedTable out;
        out.spec = t.table->spec;
        out.rows = out.spec.groups;
        out.columns = out.spec.measures;
        if (t.totals) {
            out.rows.push_back("Total");
            out.columns.push_back("Total");
        }
        for (std::size_t u = 0; u < t.units(); ++u) {
            PublishedGrid g;
            g.school = t.school_of(u);
            g.cells.reserve(t.rows * t.columns);
            for (std::size_t r = 0; r < t.rows; ++r)
                for (std::size_t col = 0; col < t.columns; ++col) g.cells.push_back(published(t, t.at(u, r, col)));
            if (u < t.schools) out.schools.push_back(std::move(g));
            else out.trust = std::move(g);
        }
        if (out.trust) {
            out.trust_gaps = trust_gaps(t, *out.trust);
            out.trust_is_sum = t.trust_sums;
        }
        return out;
    }

    // Which published trust sums leave out a school that gave no figure
    // there. A Total adds up its line, so it leaves out a school that gave
    // no figure anywhere in that line.
    std::vector<TrustGap> trust_gaps(const Layout& t, const PublishedGrid& trust) const {
        std::vector<TrustGap> gaps;
        auto gave = [&](std::size_t s, std::size_t r, std::size_t col) {
            const Cell& w = c_.cells[t.at(s, r, col)];
            return w.present && !w.left_out;
        };
        auto gave_line = [&](std::size_t s, std::size_t r, std::size_t col) {
            for (std::size_t rr = 0; rr < t.groups; ++rr)
                for (std::size_t cc = 0; cc < t.measures; ++cc)
                    if ((r == t.groups || rr == r) && (col == t.measures || cc == col) && !gave(s, rr, cc)) return false;
            return true;
        };
        for (std::size_t r = 0; r < t.rows; ++r)
            for (std::size_t col = 0; col < t.columns; ++col) {
                if (!t.trust_sums[r * t.columns + col] || !trust.cells[r * t.columns + col].shown()) continue;
                TrustGap gap{r, col, {}};
                for (std::size_t s = 0; s < t.schools; ++s)
                    if (!gave_line(s, r, col)) gap.without.push_back(*t.school_of(s));
                if (!gap.without.empty()) gaps.push_back(std::move(gap));
            }
        return gaps;
    }

    // A table's commentary that states a number the table hides gives it
    // away, whatever the table shows ("only 3 pupils are disadvantaged"
    // beside a "c"). The author is warned; the commentary is theirs.
    void check_commentaries() const {
        for (const Layout& t : c_.tables) {
            const TableSpec& spec = t.table->spec;
            if (spec.commentary.empty() || !t.counts_people()) continue;
            std::set<std::string> told;
            for (const StatedNumber& said : stated_numbers(spec.commentary)) {
                // A plain number counts people when the words after it say
                // so ("3 pupils", "3 of our disadvantaged pupils", "only 3
                // are disadvantaged", "1 was persistently absent"), not "3
                // new governors".
                auto says = [&](const std::vector<std::string>& labels) {
                    return std::any_of(labels.begin(), labels.end(), [&](const std::string& l) {
                        return said.counts.find(to_lower_ascii(l)) != std::string::npos;
                    });
                };
                if (!said.percent && !names_people(said.counts) && !says(spec.groups) && !says(spec.measures)) continue;
                const auto cell = hidden_cell_stating(t, said);
                if (!cell || !told.insert(said.text).second) continue;
                const auto p = c_.place(*cell);
                Location at = spec.commentary_at;
                at.line += said.line;
                at.column = (said.line == 0 ? spec.commentary_at.column
                                            : spec.commentary_column > 0 ? spec.commentary_column : 1) + said.column;
                diags_.warning(at, "the commentary says \"" + said.text + "\", the same number as a figure this table hides (\"" +
                                       t.row_label(p.row) + "\", \"" + t.column_label(p.column) + "\" " +
                                       c_.where(*cell) +
                                       "): a reader can put the two together. Write it without the number (for "
                                       "example \"fewer than " + std::to_string(spec.threshold) + "\")");
            }
        }
    }

private:
    // A hidden cell of table `t` whose figure is the number said: a count,
    // numerator, the people a rate does not count, or a hidden group size;
    // or for a percentage, a rate rounded as it is written.
    std::optional<std::size_t> hidden_cell_stating(const Layout& t, const StatedNumber& said) const {
        for (std::size_t i = t.first; i < t.first + t.cell_count(); ++i) {
            const Cell& w = c_.cells[i];
            if (!w.present || !w.hidden) continue;
            if (said.percent) {
                if (!t.is_rate() || w.d == 0 || w.n == 0) continue;
                const double scale = std::pow(10.0, said.decimals);
                if (std::round(100.0 * static_cast<double>(w.n) / static_cast<double>(w.d) * scale) == std::round(said.value * scale))
                    return i;
            } else if (said.value >= 1 && said.decimals == 0) {
                const auto v = static_cast<long long>(said.value);
                // A rate's people not counted too: "2 of the 3 attended" of 1 in 3 persistently absent.
                if (w.n == v || (t.is_rate() && d_of_[i] != none && hidden(d_of_[i]) && w.d == v) ||
                    (t.is_rate() && w.d - w.n == v))
                    return i;
            }
        }
        return std::nullopt;
    }

    // Rule 1: a count from 1 to N-1; a rate on N or fewer people, or whose
    // numerator or complement (people not counted) is from 1 to N-1.
    void primary() {
        for (std::size_t i = 0; i < c_.cells.size(); ++i) {
            Cell& w = c_.cells[i];
            const Layout& t = c_.tables[c_.table_of[i]];
            if (!w.present || !t.counts_people()) continue;
            const long long n = t.table->spec.threshold;
            auto small = [&](long long v) { return v >= 1 && v < n; };
            w.hidden = t.is_rate() ? (w.d >= 1 && w.d <= n) || small(w.n) || small(w.d - w.n) : small(w.n);
        }
    }

    bool counted(std::size_t i) const { return c_.cells[i].present && c_.tables[c_.table_of[i]].counts_people(); }

    void make_figures(const Sums& sums) {
        const std::size_t cells = c_.cells.size();
        self_.resize(cells);
        for (std::size_t i = 0; i < cells; ++i) self_[i] = i;
        // Cohorts become figures after the cells' own, members listed end to end.
        d_of_.assign(cells, none);
        std::vector<std::size_t> figure_of_root(cells, none), members_count;
        for (std::size_t i = 0; i < cells; ++i) {
            if (!counted(i) || !c_.tables[c_.table_of[i]].is_rate()) continue;
            std::size_t& f = figure_of_root[sums.cohort[i]];
            if (f == none) {
                f = members_count.size();
                members_count.push_back(0);
            }
            d_of_[i] = cells + f;
            ++members_count[f];
        }
        cohort_start_.assign(members_count.size() + 1, 0);
        for (std::size_t f = 0; f < members_count.size(); ++f) cohort_start_[f + 1] = cohort_start_[f] + members_count[f];
        cohort_cells_.resize(cohort_start_.back());
        std::vector<std::size_t> filled(members_count.size(), 0);
        for (std::size_t i = 0; i < cells; ++i)
            if (d_of_[i] != none) {
                const std::size_t f = d_of_[i] - cells;
                cohort_cells_[cohort_start_[f] + filled[f]++] = i;
            }
        shown_.assign(cells + members_count.size(), 1);  // cells without a figure count as published
        for (std::size_t f = 0; f < shown_.size(); ++f) {
            const auto m = members(f);
            if (f < cells && !counted(f)) continue;
            shown_[f] = static_cast<std::uint32_t>(
                std::count_if(m.begin(), m.end(), [&](std::size_t i) { return !c_.cells[i].hidden; }));
        }
    }

    // The cells that show figure `f`.
    std::span<const std::size_t> members(std::size_t f) const {
        const std::size_t cells = c_.cells.size();
        if (f < cells) return {&self_[f], 1};
        f -= cells;
        return {cohort_cells_.data() + cohort_start_[f], cohort_cells_.data() + cohort_start_[f + 1]};
    }
    bool is_denominator(std::size_t f) const { return f >= c_.cells.size(); }

    // Each sum over cells becomes a relation over figures, the same sum
    // (several measures of one cohort give the same one) only once.
    void make_relations(Sums sums) {
        Relations all;
        std::vector<std::pair<std::uint64_t, std::uint32_t>> hashes;  // (hash, relation in `all`)
        std::vector<Relations::Term> merged;
        const std::size_t cells = c_.cells.size();
        enum class Kind { counts, denominators, mixed };
        auto add = [&](std::span<const Relations::Term> terms, Kind kind) {
            merged.clear();
            for (const auto& t : terms) {
                // Mixed: cells + i is cell i's denominator (Sums::mixed).
                const bool d = kind == Kind::denominators || (kind == Kind::mixed && t.figure >= cells);
                const std::size_t f = d ? d_of_[t.figure % cells] : t.figure;
                if (f == none) return;  // no group size: a count table's cell (not made by find_sums)
                merged.push_back({static_cast<std::uint32_t>(f), t.coefficient});
            }
            std::sort(merged.begin(), merged.end());
            std::size_t out = 0;
            for (std::size_t k = 0; k < merged.size(); ++k) {
                if (out > 0 && merged[out - 1].figure == merged[k].figure) merged[out - 1].coefficient += merged[k].coefficient;
                else merged[out++] = merged[k];
            }
            merged.resize(out);
            std::erase_if(merged, [](const auto& t) { return t.coefficient == 0; });
            if (merged.empty()) return;
            std::uint64_t h = 1469598103934665603ULL;
            for (const auto& t : merged) h = (h ^ (t.figure * 31ULL + static_cast<std::uint32_t>(t.coefficient))) * 1099511628211ULL;
            hashes.push_back({h, static_cast<std::uint32_t>(all.size())});
            all.add(merged);
        };
        for (std::size_t r = 0; r < sums.counts.size(); ++r) add(sums.counts[r], Kind::counts);
        for (std::size_t r = 0; r < sums.denominators.size(); ++r) add(sums.denominators[r], Kind::denominators);
        for (std::size_t r = 0; r < sums.mixed.size(); ++r) add(sums.mixed[r], Kind::mixed);
        // Duplicates found by sorting on the hash; the first of each kept,
        // in the order found (which decides what the line rule hides first).
        std::sort(hashes.begin(), hashes.end());
        std::vector<bool> duplicate(all.size(), false);
        for (std::size_t i = 1; i < hashes.size(); ++i) {
            const auto r = all[hashes[i].second];
            for (std::size_t j = i; j-- > 0 && hashes[j].first == hashes[i].first;) {
                const auto other = all[hashes[j].second];
                if (!duplicate[hashes[j].second] && std::equal(r.begin(), r.end(), other.begin(), other.end())) {
                    duplicate[std::max(hashes[i].second, hashes[j].second)] = true;
                    break;
                }
            }
        }
        for (std::size_t r = 0; r < all.size(); ++r)
            if (!duplicate[r]) relations_.add(all[r]);
        // The line rule also keeps the lines that are not sums.
        lines_ = std::move(sums.lines);
        relations_of_ = index(relations_, 0);
        lines_of_ = index(lines_, relations_.size());
    }

    // Per figure, the relations (numbered from `first`) it is in, end to end.
    struct Index {
        std::vector<std::size_t> start;
        std::vector<std::uint32_t> items;
        std::span<const std::uint32_t> operator[](std::size_t f) const {
            return {items.data() + start[f], items.data() + start[f + 1]};
        }
    };
    Index index(const Relations& rs, std::size_t first) const {
        Index ix;
        ix.start.assign(shown_.size() + 1, 0);
        for (std::size_t r = 0; r < rs.size(); ++r)
            for (const auto& t : rs[r]) ++ix.start[t.figure + 1];
        for (std::size_t f = 0; f < shown_.size(); ++f) ix.start[f + 1] += ix.start[f];
        ix.items.resize(ix.start.back());
        std::vector<std::size_t> filled(shown_.size(), 0);
        for (std::size_t r = 0; r < rs.size(); ++r)
            for (const auto& t : rs[r]) ix.items[ix.start[t.figure] + filled[t.figure]++] = static_cast<std::uint32_t>(first + r);
        return ix;
    }

    // Line l of the line rule: the sums, then the other lines.
    std::span<const Relations::Term> line(std::size_t l) const {
        return l < relations_.size() ? relations_[l] : lines_[l - relations_.size()];
    }
    std::size_t line_count() const { return relations_.size() + lines_.size(); }
    template <typename F>
    void each_line_of(std::size_t f, F fn) const {
        for (std::uint32_t l : relations_of_[f]) fn(l);
        for (std::uint32_t l : lines_of_[f]) fn(l);
    }

    bool hidden(std::size_t f) const { return shown_[f] == 0; }

    // The people behind a figure, to hide the smallest first; zeros last
    // (hiding a true zero beside one other hidden figure protects nothing).
    long long rank(std::size_t f) const {
        const Cell& w = c_.cells[members(f).front()];
        const long long s = is_denominator(f) ? w.d : w.size();
        return s == 0 ? std::numeric_limits<long long>::max() : s;
    }

    // Hides every cell that shows figure `f`; `changed` gets the figures
    // that became hidden.
    void hide(std::size_t f, std::vector<std::size_t>& changed) {
        for (std::size_t i : members(f)) {
            if (c_.cells[i].hidden) continue;
            c_.cells[i].hidden = true;
            for (std::size_t g : {i, d_of_[i]})
                if (g != none && --shown_[g] == 0) changed.push_back(g);
        }
    }

    std::optional<std::size_t> smallest_shown(std::span<const Relations::Term> r) const {
        std::optional<std::size_t> best;
        for (const auto& t : r)  // ties: the first in the relation
            if (!hidden(t.figure) && (!best || rank(t.figure) < rank(*best))) best = t.figure;
        return best;
    }

    // Rules 2 and 3: until no line has exactly one hidden figure, hide the
    // smallest other figure of such a line.
    void secondary() {
        std::deque<std::size_t> todo;
        std::vector<bool> queued(line_count(), true);
        for (std::size_t l = 0; l < line_count(); ++l) todo.push_back(l);
        std::vector<std::size_t> changed;
        while (!todo.empty()) {
            const std::size_t l = todo.front();
            todo.pop_front();
            queued[l] = false;
            const auto r = line(l);
            const auto count = std::count_if(r.begin(), r.end(), [&](const auto& t) { return hidden(t.figure); });
            if (count != 1) continue;
            const auto pick = smallest_shown(r);
            if (!pick) continue;
            changed.clear();
            hide(*pick, changed);
            for (std::size_t g : changed)
                each_line_of(g, [&](std::size_t other) {
                    if (!queued[other]) {
                        queued[other] = true;
                        todo.push_back(other);
                    }
                });
        }
    }

    long long value_of(std::size_t f) const {
        const Cell& w = c_.cells[members(f).front()];
        return is_denominator(f) ? w.d : w.n;
    }

    // Rule 2's aim: no hidden figure may be worked out from the published
    // ones by any combination of sums. The line rule above is not enough
    // (two rows and two columns can isolate a cell), so check exactly and
    // hide more until nothing is given away.
    void protect_combinations() {
        // Figures that no sum joins (tables protected apart) are checked
        // apart, each group until it gives nothing away: a clean table
        // costs one elimination, not one per round of the others.
        // A cell's count and its cohort's denominator may be in different
        // groups, and the line rule crosses groups, so hiding in one group
        // can hide a figure of another: repeat until a pass hides nothing.
        const auto groups = connected_relations();
        const auto is_hidden = [this](std::size_t f) { return hidden(f); };
        for (bool again = true; again;) {
            again = false;
            for (const auto& group : groups)
                for (int round = 1;; ++round) {
                    if (!protect_round(determined_cells(is_hidden, relations_, group), round)) break;
                    again = groups.size() > 1;
                }
        }
    }

    // The relations split into groups that share no figure.
    std::vector<std::vector<std::uint32_t>> connected_relations() const {
        std::vector<std::size_t> root(shown_.size());
        for (std::size_t f = 0; f < root.size(); ++f) root[f] = f;
        auto find = [&](std::size_t x) {
            while (root[x] != x) x = root[x] = root[root[x]];
            return x;
        };
        for (std::size_t r = 0; r < relations_.size(); ++r)
            for (const auto& t : relations_[r]) root[find(t.figure)] = find(relations_[r].front().figure);
        std::vector<std::size_t> group_of(shown_.size(), none);
        std::vector<std::vector<std::uint32_t>> groups;
        for (std::size_t r = 0; r < relations_.size(); ++r) {
            std::size_t& g = group_of[find(relations_[r].front().figure)];
            if (g == none) {
                g = groups.size();
                groups.emplace_back();
            }
            groups[g].push_back(static_cast<std::uint32_t>(r));
        }
        return groups;
    }

    // One round of the exact check's repair; false when nothing is given away.
    bool protect_round(std::vector<std::size_t> given_away, int round) {
        // A hidden true zero that can be worked out reveals no one (a
        // zero may be published anyway), so only people count.
        std::erase_if(given_away, [&](std::size_t f) { return value_of(f) == 0; });
        if (given_away.empty()) return false;
        // One more hidden figure near each exposed one. In the first
        // rounds, not where this round already hid one in the same small
        // sums (a school's own rows, columns and groups), so as not to
        // hide more than needed; after that every exposed figure gets
        // one each round, so that the rounds (each a whole elimination)
        // stay few.
        constexpr int careful_rounds = 3;
        std::vector<bool> touched(relations_.size(), false);
        std::vector<std::size_t> changed, stuck;
        for (std::size_t f : given_away) {
            const auto mine = relations_of_[f];
            if (round <= careful_rounds &&
                std::any_of(mine.begin(), mine.end(),
                            [&](std::size_t l) { return touched[l] && relations_[l].size() <= local_sum; }))
                continue;
            auto pick = nearest_shown(f, local_sum);
            if (!pick) pick = nearest_shown(f, std::numeric_limits<std::size_t>::max());
            if (!pick) {
                stuck.push_back(f);
                continue;
            }
            hide(*pick, changed);
            for (std::size_t l : relations_of_[*pick]) touched[l] = true;
        }
        if (changed.empty()) {
            for (std::size_t f : stuck) report_unprotectable(f);
            return false;
        }
        secondary();  // and keep rule 2's lines true
        return true;
    }

    // A school's own sums (rows, columns, groups) have at most this many
    // figures; the schools-versus-trust sums have one per school.
    static constexpr std::size_t local_sum = 16;

    // The smallest published figure in the sums around `f`, searching the
    // sums that share hidden figures with it, nearest first, and only sums
    // of up to `longest` figures: a school's own sums are searched before
    // the long ones, since hiding another school's figure rarely stops what
    // a school's own figures give away.
    std::optional<std::size_t> nearest_shown(std::size_t f, std::size_t longest) const {
        std::vector<bool> seen(relations_.size(), false);
        std::deque<std::size_t> todo;
        for (std::size_t l : relations_of_[f])
            if (relations_[l].size() <= longest) {
                seen[l] = true;
                todo.push_back(l);
            }
        while (!todo.empty()) {
            const auto r = relations_[todo.front()];
            todo.pop_front();
            if (auto pick = smallest_shown(r)) return pick;
            for (const auto& t : r)
                for (std::size_t l : relations_of_[t.figure])
                    if (!seen[l] && relations_[l].size() <= longest) {
                        seen[l] = true;
                        todo.push_back(l);
                    }
        }
        return std::nullopt;
    }

    // Unreachable while every sum is true of the figures (all hidden and
    // still determined means zero), kept so that a mistake fails the build
    // instead of publishing.
    void report_unprotectable(std::size_t f) {
        const auto p = c_.place(members(f).front());
        const Layout& t = c_.tables[p.table];
        diags_.error({t.table->spec.csv_source, 1, 1},
                     std::string("the hidden ") + (is_denominator(f) ? "group size" : "figure") + " " +
                         c_.where(members(f).front()) + " for \"" + t.row_label(p.row) + "\", \"" +
                         t.column_label(p.column) + "\" could still be worked out from the published figures, and "
                         "nothing more can be hidden to stop it; nothing was published. Remove the rows that repeat other figures, or report "
                         "this table to the eqsite developers");
    }

    PublishedCell published(const Layout& t, std::size_t i) const {
        const Cell& w = c_.cells[i];
        if (!w.present || w.left_out) {
            // A pay-gap grid has cells no figure can fill (a men-only
            // bonus gap): not applicable, not a missing figure.
            const auto p = c_.place(i);
            if (t.table->spec.kind == TableKind::pay_gap && !is_pay_gap_figure(t.table->spec, p.row, p.column))
                return PublishedCell::hidden(Symbol::not_applicable);
            return PublishedCell::hidden(Symbol::not_available);
        }
        if (w.hidden) {
            if (t.is_rate() && w.d > 0 && !hidden(d_of_[i])) return PublishedCell::hidden_rate_of(w.d);
            return PublishedCell::hidden(Symbol::suppressed);
        }
        switch (t.table->spec.kind) {
            case TableKind::count: return PublishedCell::count(w.n);
            case TableKind::rate:
                // Nobody in the group: there is no rate to give.
                if (w.d == 0) return PublishedCell::hidden(Symbol::not_applicable);
                return PublishedCell::rate(w.n, w.d);
            case TableKind::value:
            case TableKind::pay_gap: {
                const auto p = c_.place(i);
                return PublishedCell::value((*t.source(p.unit, p.row, p.column))->value);
            }
        }
        return PublishedCell::hidden(Symbol::not_available);
    }

    Cells& c_;
    Diagnostics& diags_;
    std::vector<std::size_t> self_;          // self_[i] == i: the members of cell i's own figure
    std::vector<std::size_t> d_of_;          // per cell: its cohort's figure, or none
    std::vector<std::size_t> cohort_start_;  // cohort figure k's cells: cohort_cells_[start[k], start[k+1])
    std::vector<std::size_t> cohort_cells_;
    std::vector<std::uint32_t> shown_;       // per figure: its cells not hidden
    Relations relations_;                    // the sums, over figures
    Relations lines_;                        // rule 2's other lines, over cells (figures of counts)
    Index relations_of_, lines_of_;          // per figure: the sums and lines it is in
};

}  // namespace

std::vector<PublishedTable> publish_tables(const std::vector<DataTable>& tables, Diagnostics& diags,
                                          const std::vector<std::string>& school_names) {
    std::vector<const DataTable*> pointers;
    for (const auto& t : tables) pointers.push_back(&t);
    Cells cells = lay_out(pointers);
    cells.school_names = school_names;
    Suppressor s(cells, diags);
    s.run();
    s.check_commentaries();
    std::vector<PublishedTable> out;
    for (std::size_t t = 0; t < tables.size(); ++t) out.push_back(s.result(t));
    return out;
}

PublishedTable publish(const DataTable& table) {
    Diagnostics ignored;
    return std::move(publish_tables({table}, ignored).front());
}

}  // namespace eqsite
