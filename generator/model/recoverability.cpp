#include "model/recoverability.hpp"

#include <cstdint>
#include <map>
#include <unordered_map>

namespace eqsite {
namespace {

constexpr std::uint64_t prime = 2147483647;  // 2^31 - 1: products fit in 64 bits

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

// A relation restricted to the hidden cells, as column -> coefficient.
using Row = std::map<std::size_t, std::uint64_t>;

// Row echelon form built one relation at a time. Each pivot row starts at
// its pivot column with coefficient 1 and has no other column smaller than
// it, so a row is reduced by walking its columns in increasing order.
class Echelon {
public:
    void add(Row row) {
        reduce(row, /*stop_at_free=*/false);
        if (row.empty()) return;
        const std::uint64_t scale = inverse(row.begin()->second);
        for (auto& [col, v] : row) v = v * scale % prime;
        pivot_of_.emplace(row.begin()->first, rows_.size());
        rows_.push_back(std::move(row));
    }

    // True if e_col is a combination of the rows: reducing it reaches zero.
    bool determines(std::size_t col) const {
        if (!pivot_of_.count(col)) return false;
        Row row{{col, 1}};
        return reduce(row, /*stop_at_free=*/true);
    }

private:
    // Subtracts pivot rows until the smallest remaining column has no pivot
    // (stop_at_free: then it can never cancel, so stop) or the row is zero.
    // Returns true if the row became zero.
    bool reduce(Row& row, bool stop_at_free) const {
        auto it = row.begin();
        while (it != row.end()) {
            const auto found = pivot_of_.find(it->first);
            if (found == pivot_of_.end()) {
                if (stop_at_free) return false;
                ++it;
                continue;
            }
            const std::size_t col = it->first;
            const std::uint64_t factor = it->second;
            for (const auto& [c, v] : rows_[found->second]) {
                const auto slot = row.try_emplace(c, 0).first;
                slot->second = (slot->second + prime - factor * v % prime) % prime;
                if (slot->second == 0) row.erase(slot);
            }
            // Carry on after `col`: every column the pivot row added is larger.
            it = row.upper_bound(col);
        }
        return row.empty();
    }

    std::vector<Row> rows_;
    std::unordered_map<std::size_t, std::size_t> pivot_of_;  // column -> row
};

}  // namespace

std::vector<std::size_t> determined_cells(const std::vector<bool>& hidden, const std::vector<Relation>& relations) {
    // Columns are the hidden cells, numbered in cell order.
    std::unordered_map<std::size_t, std::size_t> column;
    std::vector<std::size_t> cell_of;
    for (std::size_t i = 0; i < hidden.size(); ++i)
        if (hidden[i]) {
            column.emplace(i, cell_of.size());
            cell_of.push_back(i);
        }
    Echelon echelon;
    for (const auto& relation : relations) {
        Row row;
        for (const auto& [cell, coefficient] : relation)
            if (hidden[cell]) {
                std::uint64_t& slot = row[column.at(cell)];
                slot = (slot + modulo(coefficient)) % prime;
            }
        for (auto z = row.begin(); z != row.end();) z = z->second == 0 ? row.erase(z) : std::next(z);
        if (!row.empty()) echelon.add(std::move(row));
    }
    std::vector<std::size_t> out;
    for (std::size_t c = 0; c < cell_of.size(); ++c)
        if (echelon.determines(c)) out.push_back(cell_of[c]);
    return out;
}

}  // namespace eqsite
