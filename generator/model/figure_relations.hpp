// Which exact linear relations hold among "parts" of a table's figures:
// its rows (Boys + Girls = All pupils), its columns (Once + More than once
// = Total), or the columns of two tables (Headcount = Full-time +
// Part-time). Found from the figures alone, so eqsite needs no list of
// breakdowns and cannot be fooled by unusual labels.
//
// A part is one row (or column) of figures over many places (each school
// and measure, say). A relation is a set of small whole coefficients, one
// per part, whose weighted sum is zero at every place. The relations found
// span every such relation: any other is a combination of them, so an
// attacker who knows the true sums learns nothing the suppression does
// not already protect against.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "model/disclosure_cells.hpp"

namespace eqsite::disclosure {

// sum(coefficient * part) == 0 at every place where it is checked.
struct PartRelation {
    std::vector<std::pair<std::size_t, int>> terms;  // (part, coefficient), part order
    // Schools (units) where it holds with some figure other than zero: the
    // evidence. One school alone may be chance (1 + 4 = 5).
    std::size_t evidence = 0;
    bool operator==(const PartRelation& o) const { return terms == o.terms; }
    bool operator<(const PartRelation& o) const { return terms < o.terms; }
};

// counts or numerators; rates' denominators; or both, told apart by the
// entry: cell i's count or numerator is i, its denominator cells.size() + i
// (a count in one table that is a group size in another).
enum class Figures { counts, denominators, mixed };

// `parts[p][q]` is the cell of part p at place q; places come unit by
// unit, `per_unit` each. The first `decisive` places (the schools') decide,
// the others (the trust, whose figures are sums over whichever schools gave
// them) are not looked at.
//
// A missing figure ("x") is taken two ways, and a relation found either
// way is kept: as zero (a school leaves out a group it does not have), and
// as unknown (a relation must then hold wherever all its parts are given).
//
// How: the places are compressed into a few dozen random weighted sums
// modulo a prime (a sketch); the relations of the sketch, the null space of
// a small matrix, contain every true relation; each is then checked
// exactly at every place, so a false one from the compression is dropped.
std::vector<PartRelation> relations_among(const Cells& cells, const std::vector<std::vector<std::size_t>>& parts,
                                          std::size_t per_unit, std::size_t decisive, Figures figures);

// Relations of the shapes a reader knows from a table's labels and order
// alone, of any number of parts (the ±1 search above stops at 24):
//   - a part that is the sum of a run of parts next to it, after it or
//     before it (a heading group and its sub-groups, as DfE lists ethnic
//     groups; measures before their Total);
//   - a part that is the sum of all the others (a whole however it is
//     named: "Whole cohort", "Total pupils");
//   - a part that is the sum of the parts no run found is part of (All
//     pupils = White + Mixed + Asian + Black + Other).
// A missing figure is taken as zero. Kept when a reader would believe it
// (`labels` are the parts' labels):
//   - a part named as a whole ("All pupils", "Total"), wherever it adds up;
//   - any other where it adds up in two schools or more and in at least
//     half of the places where it can be checked (a chance sum rarely
//     holds in most schools);
//   - in a table of one school, where nothing can be checked against
//     another, when the labels say so too: the whole comes first or last
//     and the others are all the rest ("Whole cohort", "Boys", "Girls"),
//     or each of them names it ("White British" under "White").
// The caller adds each at every place where it holds.
std::vector<PartRelation> shaped_relations(const Cells& cells, const std::vector<std::vector<std::size_t>>& parts,
                                           const std::vector<std::string>& labels, std::size_t per_unit,
                                           std::size_t decisive, Figures figures);

// Relations seen so far, to tell a new one from a combination of them
// (exact arithmetic modulo a prime over the parts).
class RelationBasis {
public:
    // Adds `r` and returns true if it is not a combination of those added.
    bool add(const PartRelation& r);

private:
    std::vector<std::vector<std::pair<std::size_t, std::uint64_t>>> rows_;  // echelon rows, pivot first
};

}  // namespace eqsite::disclosure
