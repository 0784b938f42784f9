#include "model/recoverability.hpp"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <queue>
#include <unordered_map>

namespace eqsite {
namespace {

constexpr std::uint64_t prime = 2147483647;  // 2^31 - 1: products fit in 64 bits
constexpr std::size_t none = static_cast<std::size_t>(-1);

std::uint64_t modulo(long long v) {
    const long long r = v % static_cast<long long>(prime);
    return static_cast<std::uint64_t>(r < 0 ? r + static_cast<long long>(prime) : r);
}

std::uint64_t power(std::uint64_t base, std::uint64_t exp) {
    std::uint64_t result = 1;
    for (base %= prime; exp; exp >>= 1, base = base * base % prime)
        if (exp & 1) result = result * base % prime;
    return result;
}

std::uint64_t inverse(std::uint64_t v) { return power(v, prime - 2); }

// A relation restricted to the hidden figures: (column, coefficient)
// pairs in increasing column order, no zero coefficients.
using Row = std::vector<std::pair<std::size_t, std::uint64_t>>;

// Row echelon form built one relation at a time. Each pivot row starts at
// its pivot column with coefficient 1 and has no other column smaller than
// it, so a row is reduced by walking its columns in increasing order.
//
// A row being reduced lives in a dense accumulator (one slot per column)
// with a heap of the columns it may use: subtracting a pivot row costs the
// pivot row's length, however long the reduced row grows. Relations that
// join many figures (the schools with the trust) stay cheap this way.
class Echelon {
public:
    explicit Echelon(std::size_t columns) : value_(columns, 0), in_heap_(columns, false), pivot_of_(columns, none) {}

    void add(const Row& relation) {
        for (const auto& [c, v] : relation) touch(c, v);
        Row reduced;
        while (!heap_.empty()) {
            const std::size_t c = heap_.top();
            heap_.pop();
            in_heap_[c] = false;
            const std::uint64_t v = value_[c];
            value_[c] = 0;
            if (v == 0) continue;
            if (pivot_of_[c] == none) {
                reduced.push_back({c, v});
                continue;
            }
            // Subtract v times the pivot row; its first entry (1 at c) cancels.
            const Row& pivot = rows_[pivot_of_[c]];
            for (auto it = std::next(pivot.begin()); it != pivot.end(); ++it)
                touch(it->first, prime - v * it->second % prime);
        }
        if (reduced.empty()) return;
        const std::uint64_t scale = inverse(reduced.front().second);
        for (auto& [c, v] : reduced) v = v * scale % prime;
        pivot_of_[reduced.front().first] = rows_.size();
        rows_.push_back(std::move(reduced));
    }

    // A vector of the null space: free columns get `free_value(column)`,
    // pivot columns what their rows then require, from the last pivot back.
    template <typename F>
    std::vector<std::uint64_t> null_vector(F free_value) const {
        const std::size_t columns = value_.size();
        std::vector<std::uint64_t> x(columns);
        for (std::size_t c = 0; c < columns; ++c)
            if (pivot_of_[c] == none) x[c] = free_value(c);
        for (std::size_t c = columns; c-- > 0;) {
            if (pivot_of_[c] == none) continue;
            const Row& row = rows_[pivot_of_[c]];
            std::uint64_t sum = 0;
            for (auto it = std::next(row.begin()); it != row.end(); ++it) sum = (sum + it->second * x[it->first]) % prime;
            x[c] = (prime - sum) % prime;  // the pivot's coefficient is 1
        }
        return x;
    }

private:
    void touch(std::size_t c, std::uint64_t v) {
        value_[c] = (value_[c] + v) % prime;
        if (!in_heap_[c]) {
            in_heap_[c] = true;
            heap_.push(c);
        }
    }

    std::vector<Row> rows_;
    std::vector<std::uint64_t> value_;   // the row being reduced
    std::vector<bool> in_heap_;
    std::priority_queue<std::size_t, std::vector<std::size_t>, std::greater<>> heap_;
    std::vector<std::size_t> pivot_of_;  // column -> its row, or none
};

}  // namespace

std::vector<std::size_t> determined_cells(const std::vector<bool>& hidden, const Relations& relations) {
    std::vector<std::uint32_t> all(relations.size());
    for (std::size_t r = 0; r < all.size(); ++r) all[r] = static_cast<std::uint32_t>(r);
    return determined_cells([&](std::size_t i) { return static_cast<bool>(hidden[i]); }, relations, all);
}

std::vector<std::size_t> determined_cells(const std::function<bool(std::size_t)>& hidden, const Relations& relations,
                                          std::span<const std::uint32_t> subset) {
    // Columns are the hidden figures that some relation holds, in figure
    // order (a hidden figure in no relation is free, never determined).
    std::vector<std::size_t> cell_of;
    for (std::uint32_t r : subset)
        for (const auto& t : relations[r])
            if (hidden(t.figure)) cell_of.push_back(t.figure);
    std::sort(cell_of.begin(), cell_of.end());
    cell_of.erase(std::unique(cell_of.begin(), cell_of.end()), cell_of.end());
    std::unordered_map<std::size_t, std::size_t> column;
    column.reserve(cell_of.size());
    for (std::size_t c = 0; c < cell_of.size(); ++c) column.emplace(cell_of[c], c);
    // Short relations first (a school's own sums), long ones (the schools
    // with the trust) last: a long row then meets pivots that are already
    // short, instead of filling every short row with its many columns.
    std::vector<std::pair<std::size_t, std::size_t>> order;  // (hidden terms, relation)
    for (std::uint32_t r : subset) {
        std::size_t n = 0;
        for (const auto& t : relations[r]) n += hidden(t.figure);
        if (n) order.push_back({n, r});
    }
    std::sort(order.begin(), order.end());
    Echelon echelon(cell_of.size());
    Row row;
    for (const auto& [n, r] : order) {
        row.clear();
        for (const auto& t : relations[r])
            if (hidden(t.figure)) row.push_back({column.at(t.figure), modulo(t.coefficient)});
        echelon.add(row);
    }
    auto random_value = [](std::uint64_t seed) {
        return [seed](std::size_t c) {
            std::uint64_t z = seed + 0x9E3779B97F4A7C15ULL * (c + 1);
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
            return 1 + (z ^ (z >> 31)) % (prime - 1);  // never zero
        };
    };
    const auto x = echelon.null_vector(random_value(0x2545F4914F6CDD1DULL));
    const auto y = echelon.null_vector(random_value(0x9E6C63D0676A9A99ULL));
    std::vector<std::size_t> out;
    for (std::size_t c = 0; c < cell_of.size(); ++c)
        if (x[c] == 0 && y[c] == 0) out.push_back(cell_of[c]);
    return out;
}

}  // namespace eqsite
