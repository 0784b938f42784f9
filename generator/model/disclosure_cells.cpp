#include "model/disclosure_cells.hpp"

namespace eqsite::disclosure {
namespace {

void fill_unit(Cells& out, const Layout& t, std::size_t unit, const FigureGrid& g) {
    for (std::size_t r = 0; r < t.groups; ++r)
        for (std::size_t c = 0; c < t.measures; ++c) {
            const std::size_t i = r * t.measures + c;
            if (i >= g.cells.size() || !g.cells[i]) continue;
            Cell& w = out.cells[t.at(unit, r, c)];
            w.present = true;
            w.n = g.cells[i]->n;
            w.d = g.cells[i]->d;
        }
}

// Trust figures are sums of the unsuppressed school figures (rule 3):
// numerators and denominators separately, never averages of rates.
void sum_schools_into_trust(Cells& out, Layout& t) {
    for (std::size_t r = 0; r < t.groups; ++r)
        for (std::size_t c = 0; c < t.measures; ++c) {
            Cell& sum = out.cells[t.at(t.schools, r, c)];
            for (std::size_t s = 0; s < t.schools; ++s) {
                const Cell& w = out.cells[t.at(s, r, c)];
                if (!w.present) continue;
                sum.present = true;
                sum.n += w.n;
                sum.d += w.d;
            }
            t.trust_sums[r * t.columns + c] = sum.present;
        }
}

void add_totals(Cells& out, const Layout& t, std::size_t unit) {
    auto add = [&](std::size_t to, std::size_t from) {
        const Cell& w = out.cells[from];
        if (!w.present) return;
        out.cells[to].present = true;
        out.cells[to].n += w.n;
    };
    for (std::size_t r = 0; r < t.groups; ++r)
        for (std::size_t c = 0; c < t.measures; ++c) {
            add(t.at(unit, r, t.measures), t.at(unit, r, c));
            add(t.at(unit, t.groups, c), t.at(unit, r, c));
            add(t.at(unit, t.groups, t.measures), t.at(unit, r, c));
        }
}

std::optional<std::size_t> first_total(const std::vector<std::string>& labels) {
    for (std::size_t i = 0; i < labels.size(); ++i)
        if (is_all_group(labels[i])) return i;
    return std::nullopt;
}

}  // namespace

Cells lay_out(const std::vector<const DataTable*>& tables) {
    Cells out;
    std::size_t first = 0;
    for (const DataTable* table : tables) {
        const TableSpec& spec = table->spec;
        Layout t;
        t.table = table;
        t.first = first;
        t.schools = table->schools.size();
        t.groups = spec.groups.size();
        t.measures = spec.measures.size();
        t.totals = spec.kind == TableKind::count && spec.totals;
        t.rows = t.groups + (t.totals ? 1 : 0);
        t.columns = t.measures + (t.totals ? 1 : 0);
        const bool sums = spec.trust_total && (spec.kind == TableKind::count || spec.kind == TableKind::rate);
        t.has_trust = sums || table->trust_figures.has_value();
        t.trust_sums.assign(t.rows * t.columns, false);
        t.all_row = first_total(spec.groups);
        t.all_column = first_total(spec.measures);
        first += t.cell_count();
        out.tables.push_back(std::move(t));
    }
    out.cells.resize(first);
    out.table_of.resize(first);
    for (std::size_t k = 0; k < out.tables.size(); ++k) {
        Layout& t = out.tables[k];
        for (std::size_t i = 0; i < t.cell_count(); ++i) out.table_of[t.first + i] = static_cast<std::uint32_t>(k);
        for (std::size_t s = 0; s < t.schools; ++s) fill_unit(out, t, s, t.table->school_figures[s]);
        if (!t.has_trust) continue;
        if (t.table->spec.trust_total && t.counts_people()) sum_schools_into_trust(out, t);
        if (t.table->trust_figures) {
            fill_unit(out, t, t.schools, *t.table->trust_figures);
            for (std::size_t r = 0; r < t.groups; ++r)  // trust-only figures are not sums
                for (std::size_t c = 0; c < t.measures; ++c)
                    if (const auto& f = t.table->trust_figures->cells; r * t.measures + c < f.size() && f[r * t.measures + c])
                        t.trust_sums[r * t.columns + c] = false;
        }
    }
    for (Layout& t : out.tables) {
        if (!t.totals) continue;
        for (std::size_t u = 0; u < t.units(); ++u) add_totals(out, t, u);
        if (!t.has_trust || !t.table->spec.trust_total) continue;
        // The trust's Totals add up the schools' Totals unless the trust
        // has figures of its own in that line.
        for (std::size_t r = 0; r < t.rows; ++r)
            for (std::size_t c = 0; c < t.columns; ++c) {
                if (r != t.groups && c != t.measures) continue;
                const Cell& trust = out.cells[t.at(t.schools, r, c)];
                long long n = 0;
                for (std::size_t s = 0; s < t.schools; ++s) n += out.cells[t.at(s, r, c)].n;
                t.trust_sums[r * t.columns + c] = trust.present && trust.n == n;
            }
    }
    return out;
}

}  // namespace eqsite::disclosure
