// Which hidden figures the published ones give away.
//
// A table's figures satisfy exact sums (a row and its Total, the schools and
// the trust). Someone holding the published figures can add and subtract
// those sums in any combination; a hidden figure is "determined" when some
// combination isolates it. This finds every such figure by Gaussian
// elimination over the hidden cells, so suppression can hide more until
// none is left.
//
// Arithmetic is modulo the prime 2^31 - 1, exact for the small integer
// coefficients of sums, with no overflow and no floating point.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace eqsite {

// One exact relation: the sum of coefficient * figure over its cells is 0
// (e.g. {a, +1}, {b, +1}, {total, -1} for a + b = total).
using Relation = std::vector<std::pair<std::size_t, int>>;

// `hidden[i]` says whether cell i is suppressed. Returns the hidden cells
// whose value follows from the relations and the other (published) cells,
// in increasing order.
std::vector<std::size_t> determined_cells(const std::vector<bool>& hidden, const std::vector<Relation>& relations);

}  // namespace eqsite
