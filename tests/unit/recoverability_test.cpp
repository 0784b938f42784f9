#include <catch2/catch.hpp>

#include "model/recoverability.hpp"

using namespace eqsite;

TEST_CASE("recoverability: a single hidden cell in a sum is given away") {
    // a + b = t with b hidden, a and t published.
    const std::vector<Relation> rels = {{{0, 1}, {1, 1}, {2, -1}}};
    CHECK(determined_cells({false, true, false}, rels) == std::vector<std::size_t>{1});
    // Two hidden cells in the same sum: only their total is known.
    CHECK(determined_cells({true, true, false}, rels).empty());
}

TEST_CASE("recoverability: combinations of sums are found") {
    // 2x2 table with totals: cells 0 1 | 2 ; 3 4 | 5 ; 6 7 | 8
    const std::vector<Relation> rels = {
        {{0, 1}, {1, 1}, {2, -1}}, {{3, 1}, {4, 1}, {5, -1}}, {{6, 1}, {7, 1}, {8, -1}},
        {{0, 1}, {3, 1}, {6, -1}}, {{1, 1}, {4, 1}, {7, -1}}, {{2, 1}, {5, 1}, {8, -1}},
    };
    // A rectangle of four hidden cells: nothing is determined.
    std::vector<bool> hidden(9, false);
    hidden[0] = hidden[1] = hidden[3] = hidden[4] = true;
    CHECK(determined_cells(hidden, rels).empty());
    // Three hidden cells in an L: each row or column has two, yet all three
    // follow (the fourth corner is published).
    hidden[4] = false;
    CHECK(determined_cells(hidden, rels) == std::vector<std::size_t>{0, 1, 3});
    // Hidden cells 0 and 4 plus totals 2 and 6: 0 = 2 - 1 ... chains through.
    std::vector<bool> chain(9, false);
    chain[0] = chain[2] = chain[6] = true;
    CHECK(determined_cells(chain, rels) == std::vector<std::size_t>{0, 2, 6});
}

TEST_CASE("recoverability: coefficients other than one and repeated cells") {
    // x - y = 0 and x + y = t: x and y follow even though each sum has two hidden cells.
    const std::vector<Relation> rels = {{{0, 1}, {1, -1}}, {{0, 1}, {1, 1}, {2, -1}}};
    CHECK(determined_cells({true, true, false}, rels) == std::vector<std::size_t>{0, 1});
    CHECK(determined_cells({true, true, true}, rels).empty());
}
