#include "model/figure_relations.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>

namespace eqsite::disclosure {
namespace {

constexpr std::uint64_t prime = 2147483647;  // 2^31 - 1: products fit in 64 bits
constexpr std::size_t most_sampled_places = 256;  // for the sketch: enough to find every candidate
constexpr std::size_t most_units = 512;           // a relation holding in 512 schools is no chance
constexpr std::size_t most_patterns = 16;
constexpr int largest_coefficient = 16;  // breakdowns have coefficients of 1; anything far larger is chance

std::uint64_t mix(std::uint64_t z) {  // splitmix64: fixed weights, so the same input gives the same relations
    z += 0x9E3779B97F4A7C15ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

std::uint64_t power(std::uint64_t base, std::uint64_t exp) {
    std::uint64_t result = 1;
    for (base %= prime; exp; exp >>= 1, base = base * base % prime)
        if (exp & 1) result = result * base % prime;
    return result;
}

std::uint64_t reduce(long long v) {
    const long long r = v % static_cast<long long>(prime);
    return static_cast<std::uint64_t>(r < 0 ? r + static_cast<long long>(prime) : r);
}

class Search {
public:
    Search(const Cells& cells, const std::vector<std::vector<std::size_t>>& parts, std::size_t per_unit,
           std::size_t decisive, Figures figures)
        : cells_(cells), parts_(parts), per_unit_(std::max<std::size_t>(1, per_unit)),
          figures_(figures) {
        // The deciding places, of at most `most_units` units spread evenly:
        // the caller adds each relation wherever it holds, so looking at
        // every school of a national table would only cost time.
        const std::size_t places = std::min(decisive, parts.empty() ? 0 : parts[0].size());
        const std::size_t units = (places + per_unit_ - 1) / per_unit_;
        const std::size_t step = std::max<std::size_t>(1, units / most_units);
        for (std::size_t u = 0; u < units; u += step)
            for (std::size_t q = u * per_unit_; q < std::min(places, (u + 1) * per_unit_); ++q) deciding_.push_back(q);
    }

    std::vector<PartRelation> run() {
        choose_useful();
        if (useful_.size() < 2) return {};
        // Missing figures as zeros, over every place.
        for (auto& r : candidates(useful_, deciding_))
            if (holds(r, /*missing_is_zero=*/true)) keep(std::move(r));
        // Missing figures as unknown: one search per pattern of given parts.
        for (const auto& [given, places] : patterns())
            for (auto& r : candidates(given, places))
                if (holds(r, /*missing_is_zero=*/false)) keep(std::move(r));
        return {found_.begin(), found_.end()};
    }

private:
    long long value(std::size_t part, std::size_t place) const {
        const Cell& c = cells_.cells[parts_[part][place]];
        if (!c.present) return 0;
        return figures_ == Figures::counts ? c.n : c.d;
    }
    bool given(std::size_t part, std::size_t place) const { return cells_.cells[parts_[part][place]].present; }

    // Parts with a figure other than zero at some deciding place: a part
    // that is zero everywhere could join any relation and tells nothing.
    void choose_useful() {
        for (std::size_t p = 0; p < parts_.size(); ++p)
            for (std::size_t q : deciding_)
                if (value(p, q) != 0) {
                    useful_.push_back(p);
                    break;
                }
    }

    // Deciding places grouped by which useful parts are given there,
    // largest group first.
    std::vector<std::pair<std::vector<std::size_t>, std::vector<std::size_t>>> patterns() const {
        std::map<std::vector<std::size_t>, std::vector<std::size_t>> groups;
        bool missing = false;
        for (std::size_t q : deciding_) {
            std::vector<std::size_t> present;
            for (std::size_t p : useful_)
                if (given(p, q)) present.push_back(p);
            missing = missing || present.size() < useful_.size();
            if (present.size() >= 2) groups[present].push_back(q);
        }
        // Nothing missing anywhere: the pass with missing figures as zeros
        // has seen these places already.
        if (!missing) return {};
        std::vector<std::pair<std::vector<std::size_t>, std::vector<std::size_t>>> out(groups.begin(), groups.end());
        std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second.size() > b.second.size(); });
        if (out.size() > most_patterns) out.resize(most_patterns);
        return out;
    }

    // Relations that may hold among `parts` at `places`: every one whose
    // coefficients are all -1, 0 or 1 (a breakdown adding up to a total, or
    // two breakdowns of the same people), and a spanning set of the others.
    std::vector<PartRelation> candidates(const std::vector<std::size_t>& parts, const std::vector<std::size_t>& places) const {
        const std::vector<std::size_t> sample = sampled(places);
        auto out = kernel(parts, sample);
        for (auto& r : unit_relations(parts, sample)) out.push_back(std::move(r));
        return out;
    }

    static std::vector<std::size_t> sampled(const std::vector<std::size_t>& places) {
        const std::size_t step = std::max<std::size_t>(1, places.size() / most_sampled_places);
        std::vector<std::size_t> sample;
        for (std::size_t i = 0; i < places.size(); i += step) sample.push_back(places[i]);
        return sample;
    }

    // Each part's figures hashed into two numbers (random weighted sums
    // modulo two primes): a relation with coefficients -1, 0, 1 makes the
    // hashes cancel. Found by meeting in the middle over the 3^k choices.
    std::vector<PartRelation> unit_relations(const std::vector<std::size_t>& parts, const std::vector<std::size_t>& sample) const {
        constexpr std::size_t most_parts = 24, most_found = 256;
        constexpr std::uint64_t other_prime = 2147483629;
        const std::size_t k = parts.size();
        if (k > most_parts) return {};
        struct Hash {
            std::uint64_t a = 0, b = 0;
            std::uint64_t key() const { return a << 32 | b; }
        };
        std::vector<Hash> h(k);
        for (std::size_t i = 0; i < k; ++i)
            for (std::size_t q : sample) {
                const std::uint64_t w = mix(q * 7919 + 17);
                h[i].a = (h[i].a + (w % prime) * reduce(value(parts[i], q))) % prime;
                h[i].b = (h[i].b + ((w >> 32) % other_prime) * (static_cast<std::uint64_t>(value(parts[i], q)) % other_prime)) % other_prime;
            }
        // All sums of one half: coefficient codes in base 3 (0, +1, -1).
        auto sums = [&](std::size_t from, std::size_t to) {
            std::vector<std::pair<Hash, std::uint64_t>> out{{Hash{}, 0}};
            std::uint64_t digit = 1;
            for (std::size_t i = from; i < to; ++i, digit *= 3) {
                const std::size_t n = out.size();
                for (std::size_t j = 0; j < n; ++j) {
                    const auto [x, code] = out[j];
                    out.push_back({{(x.a + h[i].a) % prime, (x.b + h[i].b) % other_prime}, code + digit});
                    out.push_back({{(x.a + prime - h[i].a) % prime, (x.b + other_prime - h[i].b) % other_prime}, code + 2 * digit});
                }
            }
            return out;
        };
        const std::size_t half = k / 2;
        std::map<std::uint64_t, std::vector<std::uint64_t>> low;
        for (const auto& [x, code] : sums(0, half)) low[x.key()].push_back(code);
        std::vector<PartRelation> out;
        for (const auto& [x, code] : sums(half, k)) {
            const Hash need{(prime - x.a) % prime, (other_prime - x.b) % other_prime};
            const auto it = low.find(need.key());
            if (it == low.end()) continue;
            for (std::uint64_t l : it->second) {
                if (l == 0 && code == 0) continue;
                PartRelation r;
                std::uint64_t c = l;
                for (std::size_t i = 0; i < half; ++i, c /= 3)
                    if (c % 3) r.terms.push_back({parts[i], c % 3 == 1 ? 1 : -1});
                c = code;
                for (std::size_t i = half; i < k; ++i, c /= 3)
                    if (c % 3) r.terms.push_back({parts[i], c % 3 == 1 ? 1 : -1});
                if (r.terms.front().second < 0) continue;  // each relation once, not also negated
                out.push_back(std::move(r));
                if (out.size() >= most_found) return out;
            }
        }
        return out;
    }

    // A spanning set of the relations among `parts` at `places`: the null
    // space of the sketch, one vector per free part, kept when its
    // coefficients are small whole numbers.
    std::vector<PartRelation> kernel(const std::vector<std::size_t>& parts, const std::vector<std::size_t>& sample) const {
        const std::size_t k = parts.size();
        const std::size_t m = std::min<std::size_t>(k + 16, sample.size() + k);
        // Sketch: row j, column i = sum over places of weight(j, q) * value.
        std::vector<std::vector<std::uint64_t>> a(m, std::vector<std::uint64_t>(k, 0));
        for (std::size_t q : sample)
            for (std::size_t j = 0; j < m; ++j) {
                const std::uint64_t w = mix(q * 1000003 + j) % prime;
                for (std::size_t i = 0; i < k; ++i) a[j][i] = (a[j][i] + w * reduce(value(parts[i], q))) % prime;
            }
        // Reduced row echelon form.
        std::vector<std::size_t> pivot_column;
        std::size_t rank = 0;
        for (std::size_t col = 0; col < k && rank < m; ++col) {
            std::size_t p = rank;
            while (p < m && a[p][col] == 0) ++p;
            if (p == m) continue;
            std::swap(a[p], a[rank]);
            const std::uint64_t inv = power(a[rank][col], prime - 2);
            for (auto& v : a[rank]) v = v * inv % prime;
            for (std::size_t r = 0; r < m; ++r) {
                if (r == rank || a[r][col] == 0) continue;
                const std::uint64_t f = a[r][col];
                for (std::size_t c = 0; c < k; ++c) a[r][c] = (a[r][c] + prime - f * a[rank][c] % prime) % prime;
            }
            pivot_column.push_back(col);
            ++rank;
        }
        std::vector<PartRelation> out;
        for (std::size_t free = 0; free < k; ++free) {
            if (std::find(pivot_column.begin(), pivot_column.end(), free) != pivot_column.end()) continue;
            PartRelation r{{{parts[free], 1}}};
            bool small = true;
            for (std::size_t row = 0; row < rank; ++row) {
                const std::uint64_t v = (prime - a[row][free]) % prime;
                if (v == 0) continue;
                const long long c = v > prime / 2 ? static_cast<long long>(v) - static_cast<long long>(prime)
                                                  : static_cast<long long>(v);
                if (c > largest_coefficient || c < -largest_coefficient) small = false;
                r.terms.push_back({parts[pivot_column[row]], static_cast<int>(c)});
            }
            if (!small) continue;
            std::sort(r.terms.begin(), r.terms.end());
            out.push_back(std::move(r));
        }
        return out;
    }

    // Exactly, at every deciding place: with missing figures as zeros, or
    // only where all of the relation's parts are given (at least once).
    // Counts the places that are evidence for it.
    bool holds(PartRelation& r, bool missing_is_zero) const {
        r.evidence = 0;
        bool anywhere = false;
        std::size_t last_unit = static_cast<std::size_t>(-1);
        for (std::size_t q : deciding_) {
            long long sum = 0;
            bool all_given = true, non_zero = false;
            for (const auto& [p, c] : r.terms) {
                all_given = all_given && given(p, q);
                sum += c * value(p, q);
                non_zero = non_zero || value(p, q) != 0;
            }
            if (!missing_is_zero && !all_given) continue;
            if (sum != 0) return false;
            anywhere = true;
            if (non_zero && q / per_unit_ != last_unit) {
                ++r.evidence;
                last_unit = q / per_unit_;
            }
        }
        return anywhere;
    }

    void keep(PartRelation r) {
        if (r.terms.front().second < 0)
            for (auto& t : r.terms) t.second = -t.second;
        const auto [it, fresh] = found_.insert(r);
        if (!fresh && it->evidence < r.evidence) {  // the same relation both ways: the stronger evidence
            found_.erase(it);
            found_.insert(std::move(r));
        }
    }

    const Cells& cells_;
    const std::vector<std::vector<std::size_t>>& parts_;
    std::size_t per_unit_;
    std::vector<std::size_t> deciding_;  // the places looked at
    Figures figures_;
    std::vector<std::size_t> useful_;
    std::set<PartRelation> found_;
};

}  // namespace

bool RelationBasis::add(const PartRelation& r) {
    std::map<std::size_t, std::uint64_t> v;
    for (const auto& [p, c] : r.terms) v[p] = reduce(c);
    for (const auto& row : rows_) {
        const auto it = v.find(row.front().first);
        if (it == v.end() || it->second == 0) continue;
        const std::uint64_t f = it->second;
        for (const auto& [p, c] : row) v[p] = (v[p] + prime - f * c % prime) % prime;
    }
    std::erase_if(v, [](const auto& e) { return e.second == 0; });
    if (v.empty()) return false;
    const std::uint64_t inv = power(v.begin()->second, prime - 2);
    std::vector<std::pair<std::size_t, std::uint64_t>> row;
    for (const auto& [p, c] : v) row.push_back({p, c * inv % prime});
    // Keep the pivots in increasing order so each reduction sees them in turn.
    rows_.insert(std::upper_bound(rows_.begin(), rows_.end(), row,
                                  [](const auto& a, const auto& b) { return a.front().first < b.front().first; }),
                 std::move(row));
    return true;
}

std::vector<PartRelation> relations_among(const Cells& cells, const std::vector<std::vector<std::size_t>>& parts,
                                          std::size_t per_unit, std::size_t decisive, Figures figures) {
    return Search(cells, parts, per_unit, decisive, figures).run();
}

}  // namespace eqsite::disclosure
