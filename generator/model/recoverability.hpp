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
#include <cstdint>
#include <functional>
#include <span>
#include <utility>
#include <vector>

namespace eqsite {

// One exact relation: the sum of coefficient * figure over its terms is 0
// (e.g. {a, +1}, {b, +1}, {total, -1} for a + b = total).
using Relation = std::vector<std::pair<std::size_t, int>>;

// Many relations stored end to end: a national site has millions of short
// ones, and one vector each would cost more than their terms.
class Relations {
public:
    struct Term {
        std::uint32_t figure;
        std::int32_t coefficient;
        auto operator<=>(const Term&) const = default;
    };

    Relations() = default;
    Relations(const std::vector<Relation>& relations) {  // NOLINT: tests build them as lists
        for (const auto& r : relations) {
            std::vector<Term> terms;
            for (const auto& [f, k] : r) terms.push_back({static_cast<std::uint32_t>(f), k});
            add(terms);
        }
    }

    void add(std::span<const Term> terms) {
        terms_.insert(terms_.end(), terms.begin(), terms.end());
        start_.push_back(terms_.size());
    }
    std::size_t size() const { return start_.size() - 1; }
    std::span<const Term> operator[](std::size_t i) const {
        return {terms_.data() + start_[i], terms_.data() + start_[i + 1]};
    }

private:
    std::vector<std::size_t> start_{0};
    std::vector<Term> terms_;
};

// `hidden[i]` says whether figure i is suppressed. Returns the hidden
// figures whose value follows from the relations and the other (published)
// figures, in increasing order.
//
// A hidden figure is determined exactly when every solution of the
// relations (with the published figures fixed) gives it the same value,
// that is when it is zero in every vector of the relations' null space.
// The null space is sampled with two vectors whose free entries are
// pseudo-random (fixed seeds, so the answer is always the same): a figure
// that is not determined is zero in both with probability about 2^-62.
std::vector<std::size_t> determined_cells(const std::vector<bool>& hidden, const Relations& relations);
// The same over the relations numbered in `subset` only, `hidden(i)`
// saying whether figure i is suppressed.
std::vector<std::size_t> determined_cells(const std::function<bool(std::size_t)>& hidden, const Relations& relations,
                                          std::span<const std::uint32_t> subset);

}  // namespace eqsite
