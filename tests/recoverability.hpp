// Test-side check of spec section 5 rules 2 and 3: can someone holding the
// published figures work out a hidden ('c') figure exactly?
//
// Written independently of generator/model/recoverability.cpp (which the
// generator uses to decide what to hide), so the tests do not grade the
// generator with its own arithmetic: a different prime (2^61 - 1), dense
// reduced row echelon form, and the relations built here from the true
// figures rather than from the generator's lines.
//
// The attacker's relations (each used only where it holds in the true,
// unsuppressed figures, for numerators and denominators both):
//   - each row, and each column, with its Total (count tables with totals),
//   - the trust cell = the sum of the schools' cells at the same position
//     (Total cells included), where the trust figure is such a sum,
//   - All = X + Not X, and All = every other group, in one column of one
//     school (or the trust), when all
//     three figures exist.
// A figure is determined when the unit vector of its cell lies in the span
// of the relations restricted to the hidden cells: the published figures
// then fix its value, whatever the hidden ones are. For a rate, numerator
// and denominator obey the same relations, and a hidden rate hides both, so
// one system answers for both.
//
// Arithmetic modulo the prime 2^61 - 1: exact for the +-1 coefficients used
// here except in the (about 2^-61 per pivot) case of a spurious zero, with
// no overflow (products in unsigned __int128) and no floating point.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace eqsite::test::recoverability {

// ---------------------------------------------------------------------------
// Linear algebra: which hidden cells do the relations determine?

// sum(coefficient * figure) == 0 over the terms.
struct Relation {
    std::vector<std::pair<std::size_t, long long>> terms;  // cell, coefficient
    std::string name;                                      // for messages
};

namespace detail {

constexpr std::uint64_t prime = (std::uint64_t{1} << 61) - 1;

inline std::uint64_t reduce(long long v) {
    const long long p = static_cast<long long>(prime);
    const long long r = v % p;
    return static_cast<std::uint64_t>(r < 0 ? r + p : r);
}
__extension__ typedef unsigned __int128 wide;  // GCC and Clang
inline std::uint64_t mul(std::uint64_t a, std::uint64_t b) {
    return static_cast<std::uint64_t>(static_cast<wide>(a) * b % prime);
}
inline std::uint64_t sub(std::uint64_t a, std::uint64_t b) { return a >= b ? a - b : a + prime - b; }
inline std::uint64_t inverse(std::uint64_t a) {
    std::uint64_t result = 1, e = prime - 2;
    for (; e; e >>= 1, a = mul(a, a))
        if (e & 1) result = mul(result, a);
    return result;
}

}  // namespace detail

// The hidden cells (indices into `hidden`) whose value follows from the
// relations and the published cells, in increasing order.
inline std::vector<std::size_t> determined(const std::vector<bool>& hidden, const std::vector<Relation>& relations) {
    using namespace detail;
    std::vector<std::size_t> column_of(hidden.size(), SIZE_MAX), cell_of;
    for (std::size_t i = 0; i < hidden.size(); ++i)
        if (hidden[i]) {
            column_of[i] = cell_of.size();
            cell_of.push_back(i);
        }
    const std::size_t n = cell_of.size();
    if (n == 0) return {};
    // Each relation restricted to the hidden cells (published cells move to
    // the known side, which does not change what is determined).
    std::vector<std::vector<std::uint64_t>> rows;
    for (const Relation& rel : relations) {
        std::vector<std::uint64_t> row(n, 0);
        bool any = false;
        for (const auto& [cell, coefficient] : rel.terms) {
            if (cell >= hidden.size() || !hidden[cell]) continue;
            std::uint64_t& v = row[column_of[cell]];
            v = sub(v, reduce(-coefficient));  // v += coefficient
            any = true;
        }
        if (any) rows.push_back(std::move(row));
    }
    // Reduced row echelon form.
    std::size_t rank = 0;
    std::vector<std::size_t> pivot_column;
    for (std::size_t col = 0; col < n && rank < rows.size(); ++col) {
        std::size_t p = rank;
        while (p < rows.size() && rows[p][col] == 0) ++p;
        if (p == rows.size()) continue;
        std::swap(rows[p], rows[rank]);
        auto& pivot = rows[rank];
        const std::uint64_t inv = inverse(pivot[col]);
        for (std::size_t j = col; j < n; ++j)
            if (pivot[j]) pivot[j] = mul(pivot[j], inv);
        for (std::size_t q = 0; q < rows.size(); ++q) {
            if (q == rank || rows[q][col] == 0) continue;
            const std::uint64_t f = rows[q][col];
            auto& row = rows[q];
            for (std::size_t j = col; j < n; ++j)
                if (pivot[j]) row[j] = sub(row[j], mul(f, pivot[j]));
        }
        pivot_column.push_back(col);
        ++rank;
    }
    // e_i is in the row space exactly when some row of the RREF is e_i.
    std::vector<std::size_t> out;
    for (std::size_t q = 0; q < rank; ++q) {
        std::size_t nonzero = 0;
        for (std::size_t j = pivot_column[q]; j < n && nonzero < 2; ++j) nonzero += rows[q][j] != 0;
        if (nonzero == 1) out.push_back(cell_of[pivot_column[q]]);
    }
    return out;  // pivot columns increase, so cells do too
}

// ---------------------------------------------------------------------------
// A published count or rate table: every school's grid, then the trust's.

struct Figure {
    bool present = false;  // false: no figure ('x'), in no sum
    long long n = 0;       // count or numerator
    long long d = 0;       // denominator (0 for counts)
};

struct Grid {
    std::size_t units = 0;    // schools, then the trust when has_trust
    std::size_t rows = 0;     // groups (+ Total)
    std::size_t columns = 0;  // measures (+ Total)
    bool has_trust = false;
    std::optional<std::size_t> total_row, total_column;  // count tables with totals
    std::optional<std::size_t> all_row;                  // "All pupils" / "All staff"
    std::optional<std::size_t> all_column;               // a measure written as "Total" or "All"
    std::vector<std::pair<std::size_t, std::size_t>> pairs;  // (X, Not X)
    // Positions (row * columns + column) where the trust figure is the sum
    // of the schools' figures; empty means every position.
    std::vector<bool> trust_is_sum;
    std::vector<Figure> truth;  // the true figure of each cell, index below
    std::vector<bool> hidden;   // published as 'c'

    std::size_t index(std::size_t unit, std::size_t row, std::size_t column) const {
        return (unit * rows + row) * columns + column;
    }
    std::size_t cells() const { return units * rows * columns; }
};

// The relations of section 5 that hold in the true figures of `g`. The
// first term of each is the sum (coefficient -1), the rest its parts.
inline std::vector<Relation> relations(const Grid& g) {
    std::vector<Relation> out;
    auto consider = [&](std::size_t sum, const std::vector<std::size_t>& parts, std::string name) {
        if (!g.truth[sum].present) return;
        Relation rel{{{sum, -1}}, std::move(name)};
        long long n = g.truth[sum].n, d = g.truth[sum].d;
        for (std::size_t p : parts) {
            if (!g.truth[p].present) continue;  // no figure: not part of the sum
            rel.terms.push_back({p, 1});
            n -= g.truth[p].n;
            d -= g.truth[p].d;
        }
        if (rel.terms.size() < 2 || n != 0 || d != 0) return;  // no parts, or not a true sum here
        out.push_back(std::move(rel));
    };
    const std::size_t schools = g.units - (g.has_trust ? 1 : 0);
    for (std::size_t u = 0; u < g.units; ++u) {
        const std::string unit = g.has_trust && u == schools ? "trust" : "unit " + std::to_string(u);
        if (g.total_column)
            for (std::size_t r = 0; r < g.rows; ++r) {
                std::vector<std::size_t> parts;
                for (std::size_t c = 0; c < g.columns; ++c)
                    if (c != *g.total_column) parts.push_back(g.index(u, r, c));
                consider(g.index(u, r, *g.total_column), parts, unit + ": row " + std::to_string(r) + " = its Total");
            }
        if (g.total_row)
            for (std::size_t c = 0; c < g.columns; ++c) {
                std::vector<std::size_t> parts;
                for (std::size_t r = 0; r < g.rows; ++r)
                    if (r != *g.total_row) parts.push_back(g.index(u, r, c));
                consider(g.index(u, *g.total_row, c), parts, unit + ": column " + std::to_string(c) + " = its Total");
            }
        // X + Not X = All, and all the other groups together = All, where
        // the true figures say so.
        if (g.all_row)
            for (std::size_t c = 0; c < g.columns; ++c) {
                const std::size_t a = g.index(u, *g.all_row, c);
                if (!g.truth[a].present) continue;
                std::vector<std::size_t> others;
                for (std::size_t r = 0; r < g.rows; ++r)
                    if (r != *g.all_row && r != g.total_row) others.push_back(g.index(u, r, c));
                consider(a, others, unit + ": column " + std::to_string(c) + " All = every other group");
                for (const auto& [x, not_x] : g.pairs) {
                    const std::size_t p = g.index(u, x, c), q = g.index(u, not_x, c);
                    if (g.truth[p].present && g.truth[q].present)
                        consider(a, {p, q}, unit + ": column " + std::to_string(c) + " All = X + Not X");
                }
            }
    }
    // Every set of groups (measures) that adds up to the All row (Total
    // column) wherever all of them are given, in every unit: tried one by
    // one, up to 12 parts, as a reader who guessed the breakdowns would.
    auto subsets = [&](std::optional<std::size_t> whole, std::size_t parts, bool by_row) {
        if (!whole) return;
        std::vector<std::size_t> candidates;
        for (std::size_t p = 0; p < parts; ++p)
            if (p != *whole && p != (by_row ? g.total_row : g.total_column)) candidates.push_back(p);
        if (candidates.size() > 12) return;
        const std::size_t other = by_row ? g.columns : g.rows;
        auto at = [&](std::size_t u, std::size_t part, std::size_t o) {
            return by_row ? g.index(u, part, o) : g.index(u, o, part);
        };
        for (std::size_t mask = 1; mask < (std::size_t{1} << candidates.size()); ++mask) {
            bool holds = true, anywhere = false;
            for (std::size_t u = 0; u < schools && holds; ++u)
                for (std::size_t o = 0; o < other && holds; ++o) {
                    const Figure& w = g.truth[at(u, *whole, o)];
                    long long n = 0, d = 0;
                    bool all_given = w.present;
                    for (std::size_t b = 0; b < candidates.size(); ++b)
                        if (mask >> b & 1) {
                            const Figure& f = g.truth[at(u, candidates[b], o)];
                            all_given = all_given && f.present;
                            n += f.n;
                            d += f.d;
                        }
                    if (!all_given) continue;
                    holds = n == w.n && d == w.d;
                    anywhere = true;
                }
            if (!holds || !anywhere) continue;
            for (std::size_t u = 0; u < g.units; ++u)
                for (std::size_t o = 0; o < other; ++o) {
                    std::vector<std::size_t> members;
                    for (std::size_t b = 0; b < candidates.size(); ++b)
                        if (mask >> b & 1) members.push_back(at(u, candidates[b], o));
                    consider(at(u, *whole, o), members, "unit " + std::to_string(u) + ": a set adding up to the whole");
                }
        }
    };
    subsets(g.all_row, g.rows, true);
    subsets(g.all_column, g.columns, false);
    if (g.has_trust)
        for (std::size_t r = 0; r < g.rows; ++r)
            for (std::size_t c = 0; c < g.columns; ++c) {
                if (!g.trust_is_sum.empty() && !g.trust_is_sum[r * g.columns + c]) continue;
                std::vector<std::size_t> parts;
                for (std::size_t s = 0; s < schools; ++s) parts.push_back(g.index(s, r, c));
                consider(g.index(schools, r, c), parts,
                         "trust = schools at row " + std::to_string(r) + ", column " + std::to_string(c));
            }
    return out;
}

// The hidden cells of `g` whose figure the published ones give away.
inline std::vector<std::size_t> determined(const Grid& g) { return determined(g.hidden, relations(g)); }

}  // namespace eqsite::test::recoverability
