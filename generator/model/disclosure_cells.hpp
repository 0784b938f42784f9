// The figures of one or more data tables laid out as cells, before any
// suppression: what model/disclosure.cpp works on and what
// model/disclosure_sums.cpp finds sums in. Internal to the model stage.
//
// Each table has units (its schools, then the trust), rows (its groups,
// then "Total" when it has totals) and columns (its measures, then
// "Total"). All tables' cells live in one vector, table after table, so a
// sum may join cells of several tables.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/data_table.hpp"

namespace eqsite::disclosure {

// One figure that may be published, with what suppression needs to know.
struct Cell {
    bool present = false;  // false: no figure ("x")
    bool hidden = false;
    bool left_out = false; // no figure given, but a sum gives a small one: protected as hidden, shown as "x"
    long long n = 0;       // count or numerator
    long long d = 0;       // denominator (rates); value tables keep their text in the DataTable
    long long size() const { return d > 0 ? d : n; }  // people behind the figure
};

// Where one table's cells are in the shared vector, and its shape.
struct Layout {
    const DataTable* table = nullptr;
    std::size_t first = 0;                 // index of its first cell
    std::size_t schools = 0, groups = 0, measures = 0, rows = 0, columns = 0;
    bool totals = false;                   // count table with a Total row and column
    bool has_trust = false;                // a trust unit follows the schools
    std::vector<bool> trust_sums;          // per trust position: a sum of the schools?
    std::optional<std::size_t> all_row;    // the "All pupils" / "Total" group
    std::optional<std::size_t> all_column; // a measure named "Total" / "All"

    std::size_t units() const { return schools + (has_trust ? 1 : 0); }
    std::size_t cell_count() const { return units() * rows * columns; }
    std::size_t at(std::size_t unit, std::size_t row, std::size_t column) const {
        return first + (unit * rows + row) * columns + column;
    }
    // The site's school index of a unit; nullopt for the trust.
    std::optional<std::size_t> school_of(std::size_t unit) const {
        return unit < schools ? std::optional<std::size_t>(table->schools[unit]) : std::nullopt;
    }
    std::string row_label(std::size_t row) const { return row < groups ? table->spec.groups[row] : "Total"; }
    std::string column_label(std::size_t c) const { return c < measures ? table->spec.measures[c] : "Total"; }
    // The source figure of a school's or the trust's own cell, if any.
    const std::optional<Figure>* source(std::size_t unit, std::size_t row, std::size_t column) const {
        if (row >= groups || column >= measures) return nullptr;
        const FigureGrid& g = unit < schools ? table->school_figures[unit] : *table->trust_figures;
        const std::size_t i = row * measures + column;
        return i < g.cells.size() ? &g.cells[i] : nullptr;
    }
    bool counts_people() const {
        return table->spec.kind == TableKind::count || table->spec.kind == TableKind::rate;
    }
    bool is_rate() const { return table->spec.kind == TableKind::rate; }
};

struct Cells {
    std::vector<Layout> tables;
    std::vector<Cell> cells;
    std::vector<std::uint32_t> table_of;  // per cell: its table
    std::vector<std::string> school_names;  // the site's schools by index, for messages (may be empty)

    // "at oak-primary" (or "at a school" without names), or "for the trust".
    std::string where(std::size_t cell) const {
        const auto p = place(cell);
        const auto school = tables[p.table].school_of(p.unit);
        if (!school) return "for the trust";
        return *school < school_names.size() ? "at " + school_names[*school] : "at a school";
    }

    // Unit, row and column of a cell within its table.
    struct Place {
        std::size_t table, unit, row, column;
    };
    Place place(std::size_t cell) const {
        const Layout& t = tables[table_of[cell]];
        const std::size_t i = cell - t.first;
        return {table_of[cell], i / (t.rows * t.columns), i / t.columns % t.rows, i % t.columns};
    }
};

// Lays out the tables' figures: school cells as given, trust cells as sums
// of the schools' (or the trust's own rows), Total rows and columns.
Cells lay_out(const std::vector<const DataTable*>& tables);

}  // namespace eqsite::disclosure
