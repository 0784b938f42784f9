#include "model/figure_relations.hpp"

#include "util/text.hpp"

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
        units_ = (units + step - 1) / step;
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

    std::vector<PartRelation> run_shaped(const std::vector<std::string>& labels) {
        const std::size_t k = parts_.size();
        std::set<PartRelation> out;
        std::vector<bool> in_a_run(k, false);
        // Kept when a reader would believe it (figure_relations.hpp). A part
        // named as a whole counts wherever it adds up: one school whose row
        // does not add up must not switch a Total off for the others.
        auto believable = [&](std::size_t whole, const Agreement& a, const std::vector<std::size_t>& members,
                              bool heading) {
            if (a.holding_places == 0 || members.empty()) return false;
            const bool named_whole = is_all_group(labels[whole]), all_the_rest = members.size() == k - 1;
            if (named_whole && all_the_rest) return true;
            // One group the same as another ("Any other ethnic group" with
            // "Arab" its only sub-group) holds everywhere; two ordinary
            // groups of the same size in a few places (Boys and Girls) are
            // chance, and would only hide figures and puzzle the author.
            if (members.size() == 1 && !named_whole && !names(labels[members[0]], labels[whole]))
                return a.holding_units >= 2 && a.holding_places == a.checkable_places;
            if (a.holding_units >= 2) return 2 * a.holding_places >= a.checkable_places;
            if (a.checkable_units != 1 || members.size() < 2) return false;
            // A heading that is zero in every school but one ("Other" and
            // its sub-groups) cannot be checked anywhere else.
            if (heading && units_ > 1) return true;
            return named_whole || (all_the_rest && (whole == 0 || whole == k - 1)) ||
                   std::all_of(members.begin(), members.end(), [&](std::size_t m) { return names(labels[m], labels[whole]); });
        };
        auto keep_shaped = [&](std::size_t whole, const std::vector<std::size_t>& members, std::size_t evidence) {
            PartRelation r{{{whole, -1}}};
            for (std::size_t m : members) r.terms.push_back({m, 1});
            std::sort(r.terms.begin(), r.terms.end());
            if (r.terms.front().second < 0)
                for (auto& t : r.terms) t.second = -t.second;
            r.evidence = evidence;
            out.insert(std::move(r));
        };
        // Runs: with sums along the parts at each place, a run's sum is
        // one subtraction, so every run of every part costs k * k per place.
        const std::size_t places = deciding_.size();
        std::vector<long long> sum((k + 1) * places, 0);
        for (std::size_t i = 0; i < places; ++i)
            for (std::size_t p = 0; p < k; ++p) sum[(p + 1) * places + i] = sum[p * places + i] + value(p, deciding_[i]);
        // A part that is zero at every deciding place adds nothing to a
        // run (and made "Other + Arab = Any other ethnic group" of two
        // equal parts): the run without it is tried on its own.
        std::vector<bool> all_zero(k, true);
        for (std::size_t p = 0; p < k; ++p)
            for (std::size_t q : deciding_) all_zero[p] = all_zero[p] && value(p, q) == 0;
        // Whether part `whole` is the sum of parts [from, to), kept if so;
        // how many places it holds at (0: not kept).
        auto run = [&](std::size_t whole, std::size_t from, std::size_t to) -> std::size_t {
            for (std::size_t m = from; m < to; ++m)
                if (all_zero[m]) return 0;
            const Agreement a = agreement(whole, [&](std::size_t i) { return sum[to * places + i] - sum[from * places + i]; });
            std::vector<std::size_t> members;
            for (std::size_t m = from; m < to; ++m) members.push_back(m);
            if (!believable(whole, a, members, from == whole + 1)) return 0;
            keep_shaped(whole, members, a.holding_units);
            return a.holding_places;
        };
        for (std::size_t p = 0; p < k; ++p) {
            // The parts after it. Its sub-groups, which are not top-level
            // groups, are those of the run that holds at the most places
            // (the shortest of those): a longer run may only add groups
            // that are zero where it holds, a shorter one leave out one
            // that is zero there.
            std::size_t best = 0, best_to = 0;
            for (std::size_t to = p + 2; to <= k; ++to)
                if (const std::size_t held = run(p, p + 1, to); held > best && to - p - 1 >= 2) best = held, best_to = to;
            // (A sub-group is no heading: parts are looked at in order, and
            // a heading comes before its sub-groups.)
            if (!in_a_run[p])
                for (std::size_t m = p + 1; m < best_to; ++m) in_a_run[m] = true;
            for (std::size_t from = 0; from < p; ++from) run(p, from, p);  // the parts before it
        }
        // The whole of all the other parts, and of those in no run.
        for (int pass = 0; pass < 2; ++pass)
            for (std::size_t p = 0; p < k; ++p) {
                std::vector<std::size_t> members;
                for (std::size_t q = 0; q < k; ++q)
                    if (q != p && (pass == 0 || !in_a_run[q])) members.push_back(q);
                if (members.size() < 2) continue;
                const Agreement a = agreement(p, [&](std::size_t i) {
                    long long total = 0;
                    for (std::size_t m : members) total += value(m, deciding_[i]);
                    return total;
                });
                if (believable(p, a, members, false)) keep_shaped(p, members, a.holding_units);
            }
        return {out.begin(), out.end()};
    }

private:
    // Whether `label` names `whole` as a word of it: "White British" and
    // "Any other White background" name "White".
    static bool names(const std::string& label, const std::string& whole) {
        const std::string l = " " + to_lower_ascii(trim(label)) + " ", w = to_lower_ascii(trim(whole));
        return !w.empty() && l.find(" " + w + " ") != std::string::npos;
    }

    // Where a part (the whole) is given and is not zero, whether the sum of
    // some others (`sum_at(i)` at deciding place i, a missing one taken as
    // zero, as a reader could) is equal to it.
    struct Agreement {
        std::size_t holding_places = 0, checkable_places = 0, holding_units = 0, checkable_units = 0;
    };
    template <typename SumAt>
    Agreement agreement(std::size_t whole, SumAt sum_at) const {
        Agreement a;
        std::size_t last_holding = static_cast<std::size_t>(-1), last_checkable = last_holding;
        for (std::size_t i = 0; i < deciding_.size(); ++i) {
            const std::size_t q = deciding_[i];
            const long long v = value(whole, q);
            if (v == 0 || !given(whole, q)) continue;  // a whole of zero tells nothing
            ++a.checkable_places;
            if (q / per_unit_ != last_checkable) ++a.checkable_units, last_checkable = q / per_unit_;
            if (sum_at(i) != v) continue;
            ++a.holding_places;
            if (q / per_unit_ != last_holding) ++a.holding_units, last_holding = q / per_unit_;
        }
        return a;
    }

    long long value(std::size_t part, std::size_t place) const {
        const auto [c, denominator] = figure(parts_[part][place]);
        if (!c.present) return 0;
        return denominator ? c.d : c.n;
    }
    bool given(std::size_t part, std::size_t place) const { return figure(parts_[part][place]).first.present; }
    std::pair<const Cell&, bool> figure(std::size_t entry) const {
        const std::size_t n = cells_.cells.size();
        if (figures_ == Figures::mixed) return {cells_.cells[entry % n], entry >= n};
        return {cells_.cells[entry], figures_ == Figures::denominators};
    }

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
        // 3^(k/2) sums per half: 24 parts cost about 0.6 s. A mixed search
        // has a group-size part beside each measure, so it stops sooner
        // and leaves larger ones to the kernel below.
        const std::size_t most_parts = figures_ == Figures::mixed ? 20 : 24;
        constexpr std::size_t most_found = 256;
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
    std::size_t units_ = 0;              // the units (schools) they are in
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

std::vector<PartRelation> shaped_relations(const Cells& cells, const std::vector<std::vector<std::size_t>>& parts,
                                           const std::vector<std::string>& labels, std::size_t per_unit,
                                           std::size_t decisive, Figures figures) {
    return Search(cells, parts, per_unit, decisive, figures).run_shaped(labels);
}

}  // namespace eqsite::disclosure
