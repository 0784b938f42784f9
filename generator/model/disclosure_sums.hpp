// The sums that a site's figures satisfy, which anyone holding the
// published figures can add and subtract to work out a hidden one.
//
// Some are certain from the table's shape: each row and column with its
// Total, the schools with the trust. The others are found from the figures
// and the labels, and each is reported to the author as a note:
//   - every set of groups whose figures add up to the "All" row wherever
//     they are all given (Boys + Girls, Disadvantaged + Not disadvantaged,
//     SEN support + EHC plan + No SEN, the ethnic groups), declared
//     `splits:` included;
//   - every set of measures that adds up to a measure named "Total" or
//     "All";
//   - two groups with the same figures everywhere (the same people);
//   - one cohort: a group's rates over several measures with the same
//     denominator share one group size;
//   - the same figure in two tables that share a measure and an All or
//     Total line (or declare the same `population:`);
//   - a count that is the group size of a rate in another table about the
//     same people, and rates whose numerators make up their group size
//     (Met + Below the expected standard), in one table or two.
// A figure the author left out, which one of these sums gives as a small
// number, is protected as if it were hidden.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

#include "model/disclosure_cells.hpp"
#include "model/recoverability.hpp"
#include "util/diagnostics.hpp"

namespace eqsite::disclosure {

// The sums found, over cells: sum(coefficient * figure) == 0 over each.
struct Sums {
    Relations counts;        // of the counts or numerators
    Relations denominators;  // of the rates' denominators
    // Of both: figure i is cell i's count or numerator, cells + i its
    // denominator (a count that is another table's group size; Met + Below
    // = the group).
    Relations mixed;
    // Figures the author left out ("x") that a sum gives as a small number
    // (All 60, Boys 57: Girls 3). Each is in the sums above as a figure, to
    // be protected like a hidden one; it is still published as "x".
    struct LeftOut {
        std::size_t cell;
        long long n, d;  // as the sums give them; 0 where none does
    };
    std::vector<LeftOut> left_out;
    // Per cell: the first cell of its cohort, the cells that share one
    // denominator (one group size). A cell alone is its own cohort.
    std::vector<std::size_t> cohort;
    // Rule 2's lines that are not sums (cells that the line rule keeps from
    // having exactly one hidden among them): see all_row_lines().
    Relations lines;
};

Sums find_sums(const Cells& cells, Diagnostics& diags);

}  // namespace eqsite::disclosure
