// Statistical disclosure control (spec section 5, rules 1-5): turns the
// source figures of the site's DataTables into the figures that may be
// published.
//
// The result type cannot hold a suppressed figure: a suppressed cell is
// only a symbol, so nothing downstream (HTML, CSV, JSON, chart) can leak it
// by mistake.
//
// How it works (model/disclosure.cpp):
//  1. Every figure that will be shown becomes a cell: each school's cells,
//     the Total row and column (count tables with `totals: true`) and the
//     trust-wide cells (sums of the schools' source figures).
//  2. Primary suppression: a count from 1 to N-1; a rate whose denominator
//     is N or fewer, whose numerator is from 1 to N-1, or whose complement
//     (denominator - numerator) is from 1 to N-1.
//  3. The sums the figures satisfy are found from the figures and labels
//     (model/disclosure_sums.hpp): rows and columns with their Totals, the
//     schools with the trust, every set of groups that adds up to the
//     "All" row and every set of measures that adds up to a "Total"
//     measure, one cohort's denominator across measures, and the same
//     figure in two tables that share a measure and an All or Total line.
//  4. Secondary suppression: while a sum has exactly one hidden figure, the
//     smallest other figure in it is hidden too.
//  5. Exact check (model/recoverability.hpp): no hidden figure other than
//     a true zero may follow from the published ones by any combination of
//     the sums; while one does, a published figure next to it is hidden.
//     A figure that cannot be protected is an error: nothing is published.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/data_table.hpp"
#include "util/diagnostics.hpp"

namespace eqsite {

// The GSS/DfE symbols; `shown` means the figure itself is published.
enum class Symbol { shown, suppressed, not_available, not_applicable };

char symbol_char(Symbol s);  // 'c', 'x', 'z'; '\0' for shown

// A published cell. The figure members are set only when symbol == shown,
// except that a hidden rate keeps its denominator when that same group
// size (its cohort) is published in another cell anyway.
class PublishedCell {
public:
    static PublishedCell hidden(Symbol s) { return PublishedCell(s); }
    static PublishedCell count(long long n) { PublishedCell c(Symbol::shown); c.n_ = n; return c; }
    static PublishedCell rate(long long numerator, long long denominator) {
        PublishedCell c(Symbol::shown); c.n_ = numerator; c.d_ = denominator; return c;
    }
    // A hidden rate whose group size is published elsewhere (the same
    // cohort in another measure): the denominator is no secret.
    static PublishedCell hidden_rate_of(long long denominator) {
        PublishedCell c(Symbol::suppressed); c.d_ = denominator; c.known_d_ = true; return c;
    }
    static PublishedCell value(std::string v) { PublishedCell c(Symbol::shown); c.value_ = std::move(v); return c; }

    Symbol symbol() const { return symbol_; }
    bool shown() const { return symbol_ == Symbol::shown; }
    long long n() const { return n_; }          // count, or numerator
    long long d() const { return d_; }          // denominator
    const std::string& value() const { return value_; }
    // The denominator of a hidden rate, when it is published elsewhere.
    std::optional<long long> known_denominator() const {
        return known_d_ ? std::optional<long long>(d_) : std::nullopt;
    }

private:
    explicit PublishedCell(Symbol s) : symbol_(s) {}
    Symbol symbol_;
    long long n_ = 0;
    long long d_ = 0;
    bool known_d_ = false;
    std::string value_;
};

// One school's (or the trust's) table as published: rows x columns, with
// the Total row/column included when the table has totals.
struct PublishedGrid {
    std::optional<std::size_t> school;  // index into Site::schools; nullopt: the trust
    std::vector<PublishedCell> cells;   // index = row * columns + column
};

// A trust figure that adds up fewer of the table's schools than it has:
// the schools that gave no figure for that cell ("x" on their pages). The
// page must say so, or it would call a part of the trust the whole.
struct TrustGap {
    std::size_t row = 0, column = 0;
    std::vector<std::size_t> without;  // indices into Site::schools, in table order
};

struct PublishedTable {
    TableSpec spec;
    std::vector<std::string> rows;      // group labels, then "Total" if any
    std::vector<std::string> columns;   // measure labels, then "Total" if any
    std::vector<PublishedGrid> schools; // in DataTable::schools order
    std::optional<PublishedGrid> trust; // when trust_total (or trust rows)
    // The trust's published sums that leave out a school of the table, in
    // row-major order. Trust-only figures (`school: trust`) are never here.
    std::vector<TrustGap> trust_gaps;
    // Per trust cell (row-major): whether its figure is a sum of the
    // schools' (trust_total), not one the trust gave itself.
    std::vector<bool> trust_is_sum;

    // The published trust figures the trust gave itself (`school: trust`)
    // among its sums, as (row, column), row by row; not the Totals, which
    // add both up.
    std::vector<std::pair<std::size_t, std::size_t>> trust_own() const {
        std::vector<std::pair<std::size_t, std::size_t>> out;
        if (!trust) return out;
        for (std::size_t r = 0; r < spec.groups.size(); ++r)
            for (std::size_t c = 0; c < spec.measures.size(); ++c)
                if (const std::size_t i = r * columns.size() + c; !trust_is_sum[i] && trust->cells[i].shown())
                    out.push_back({r, c});
        return out;
    }

    // Whether any published trust figure adds up schools' figures.
    bool trust_sums_schools() const {
        if (!trust) return false;
        for (std::size_t i = 0; i < trust_is_sum.size(); ++i)
            if (trust_is_sum[i] && trust->cells[i].shown()) return true;
        return false;
    }

    const PublishedCell& cell(const PublishedGrid& g, std::size_t row, std::size_t column) const {
        return g.cells[row * columns.size() + column];
    }
};

// Applies rules 1-3 to all of a site's tables. Tables that share figures
// (a measure and an All or Total line, or the same `population:`) are
// protected together. Each sum found from the figures alone is a note;
// a figure that cannot be protected is an error. Returns one published
// table per input, in the same order; check diags.has_errors() before
// publishing any of them.
// `school_names` (Site::schools' slugs) name the schools in messages.
std::vector<PublishedTable> publish_tables(const std::vector<DataTable>& tables, Diagnostics& diags,
                                           const std::vector<std::string>& school_names = {});

// One table on its own (tests and benchmarks); notes and errors dropped.
PublishedTable publish(const DataTable& table);

}  // namespace eqsite
