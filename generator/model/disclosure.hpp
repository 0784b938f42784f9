// Statistical disclosure control (spec section 5, rules 1-5): turns the
// source figures of a DataTable into the figures that may be published.
//
// The result type cannot hold a suppressed figure: a suppressed cell is
// only a symbol, so nothing downstream (HTML, CSV, JSON, chart) can leak it
// by mistake.
//
// How it works:
//  1. Every figure that will be shown becomes a cell: each school's cells,
//     the Total row and column (count tables with `totals: true`) and the
//     trust-wide cells (sums of the schools' source figures, before any
//     suppression).
//  2. Primary suppression: a count from 1 to N-1, or a rate whose
//     denominator is N or fewer or whose numerator is from 1 to N-1.
//  3. Secondary suppression over "lines": sets of cells where one is the
//     sum of the others, so that subtraction could reveal a hidden cell:
//       - a row or column and its Total,
//       - the groups of a measure and the "All pupils"/"All staff" row,
//         and each pair "X" / "Not X" with that row,
//       - the schools' cells at one position and the trust-wide cell.
//     While some line has exactly one suppressed cell, the smallest other
//     cell of that line (non-zero first, then zero) is suppressed too.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "model/data_table.hpp"

namespace eqsite {

// The GSS/DfE symbols; `shown` means the figure itself is published.
enum class Symbol { shown, suppressed, not_available, not_applicable };

char symbol_char(Symbol s);  // 'c', 'x', 'z'; '\0' for shown

// A published cell. The figure members are set only when symbol == shown.
class PublishedCell {
public:
    static PublishedCell hidden(Symbol s) { return PublishedCell(s); }
    static PublishedCell count(long long n) { PublishedCell c(Symbol::shown); c.n_ = n; return c; }
    static PublishedCell rate(long long numerator, long long denominator) {
        PublishedCell c(Symbol::shown); c.n_ = numerator; c.d_ = denominator; return c;
    }
    static PublishedCell value(std::string v) { PublishedCell c(Symbol::shown); c.value_ = std::move(v); return c; }

    Symbol symbol() const { return symbol_; }
    bool shown() const { return symbol_ == Symbol::shown; }
    long long n() const { return n_; }          // count, or numerator
    long long d() const { return d_; }          // denominator
    const std::string& value() const { return value_; }

private:
    explicit PublishedCell(Symbol s) : symbol_(s) {}
    Symbol symbol_;
    long long n_ = 0;
    long long d_ = 0;
    std::string value_;
};

// One school's (or the trust's) table as published: rows x columns, with
// the Total row/column included when the table has totals.
struct PublishedGrid {
    std::optional<std::size_t> school;  // index into Site::schools; nullopt: the trust
    std::vector<PublishedCell> cells;   // index = row * columns + column
};

struct PublishedTable {
    TableSpec spec;
    std::vector<std::string> rows;      // group labels, then "Total" if any
    std::vector<std::string> columns;   // measure labels, then "Total" if any
    std::vector<PublishedGrid> schools; // in DataTable::schools order
    std::optional<PublishedGrid> trust; // when trust_total (or trust rows)

    const PublishedCell& cell(const PublishedGrid& g, std::size_t row, std::size_t column) const {
        return g.cells[row * columns.size() + column];
    }
};

// Applies rules 1-3 and returns only what may be published.
PublishedTable publish(const DataTable& table);

}  // namespace eqsite
