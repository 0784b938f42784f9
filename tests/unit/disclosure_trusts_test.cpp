// The privacy promise of a trust's data tables, tested end to end: no
// hidden figure can be worked out from the published ones by any
// combination of sums, across rows, columns, schools, measures and tables.
//
// Each case is a random trust made of per-person records: pupils and staff
// with their attributes and outcomes. Its tables are aggregated from those
// records as a trust would write them (CSV and YAML text, in the designs
// trusts really use), read with read_data_table(), protected together with
// publish_tables() and downloaded with table_csv(). That CSV is everything
// an attacker sees.
//
// The checker below knows nothing of the sums eqsite models. An "atom" is
// one school and one full combination of a person's attributes and
// outcomes; every figure, published or hidden, counts the people in a set
// of atoms, so it is a 0/1 vector over the atom counts (a Total or trust
// figure is the sum of its parts' vectors). Every true sum of the records
// is a linear relation between these vectors, so a hidden figure can be
// worked out exactly when its vector lies in the span of the published
// figures' vectors. Atom counts are not assumed to be non-negative or
// bounded: this is exact linear algebra over a prime field, nothing more.
// A hidden true zero may be worked out: it reveals no one.
//
// Replay: EQSITE_TRUSTS_SEED=<seed> picks the run (default below),
// EQSITE_TRUSTS_CASE=<n> runs only trust n, EQSITE_TRUSTS_COUNT=<count>
// changes the number of trusts. A failure prints the seed, the trust, each
// failing figure with the published figures that give it away, and the
// source YAML and CSV of the tables involved.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "model/data_table.hpp"
#include "model/disclosure.hpp"
#include "render/data_tables.hpp"

using namespace eqsite;

namespace {

constexpr std::uint64_t default_seed = 20250601;
constexpr long long default_count = 500;  // about 2-3 s in Release; benchmark runs set 1000+

// ---------------------------------------------------------------------------
// Random numbers: std::mt19937_64 is specified bit for bit by the standard,
// the distributions are not, so the helpers are plain modulo arithmetic.

struct Rng {
    std::mt19937_64 engine;
    explicit Rng(std::uint64_t seed) : engine(seed) {}
    std::uint64_t below(std::uint64_t n) { return engine() % n; }  // 0..n-1
    int range(int lo, int hi) { return lo + static_cast<int>(below(static_cast<std::uint64_t>(hi - lo + 1))); }
    bool chance(int percent) { return below(100) < static_cast<std::uint64_t>(percent); }
    template <typename T>
    void shuffle(std::vector<T>& v) {
        for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[below(i)]);
    }
};

// Each trust gets its own generator, so one trust can be replayed alone.
std::uint64_t trust_seed(std::uint64_t seed, long long trust) {
    std::uint64_t z = seed + 0x9E3779B97F4A7C15ULL * static_cast<std::uint64_t>(trust + 1);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

std::optional<long long> env_number(const char* name) {
    const char* v = std::getenv(name);
    if (!v || !*v) return std::nullopt;
    char* end = nullptr;
    const long long n = std::strtoll(v, &end, 0);
    if (!end || *end) return std::nullopt;
    return n;
}

// ---------------------------------------------------------------------------
// People. Every person is one of person_kinds full combinations of
// attributes and outcomes; a kind in one school is an atom.

const std::vector<std::string> ethnic_groups = {"Asian or Asian British", "Black, Black British, Caribbean or African",
                                                "Mixed or multiple ethnic groups", "White", "Other ethnic group"};
constexpr int white = 3;

// Each attribute is a small number, so that a kind of person is simply one
// value of each of its attributes.
struct Person {
    int staff = 0;   // 0: a pupil, 1: a member of staff
    int sex = 0;     // 0: boy or man, 1: girl or woman
    int ethnic = 0;  // index into ethnic_groups
    // Pupils only.
    int disadvantaged = 0;
    int sen = 0;  // 0: none, 1: SEN support, 2: EHC plan
    int eal = 0;
    int results = 0;    // 0: not in Year 6; else 1 + the sum of the standards met (reading, writing, maths)
    int suspended = 0;  // 0: never, 1: once, 2: more than once
    // Staff only.
    int full_time = 0;
    int teaching = 0;

    bool year6() const { return results > 0; }
    // Whether the pupil met every one of the standards given.
    bool met(int standards) const { return year6() && ((results - 1) & standards) == standards; }
};
constexpr int reading = 1, writing = 2, maths = 4;

// Each attribute of a pupil or member of staff, with its number of values.
using Attributes = std::vector<std::pair<int Person::*, int>>;
const Attributes pupil_attributes = {{&Person::sex, 2}, {&Person::ethnic, 5},  {&Person::disadvantaged, 2},
                                     {&Person::sen, 3}, {&Person::eal, 2},     {&Person::results, 9},
                                     {&Person::suspended, 3}};
const Attributes staff_attributes = {{&Person::sex, 2}, {&Person::ethnic, 5}, {&Person::full_time, 2},
                                     {&Person::teaching, 2}};
constexpr std::size_t pupil_kinds = 2 * 5 * 2 * 3 * 2 * 9 * 3, staff_kinds = 2 * 5 * 2 * 2;
constexpr std::size_t person_kinds = pupil_kinds + staff_kinds;  // pupils first, then staff

std::size_t kind_of(const Person& p) {
    std::size_t kind = 0;
    for (const auto& [attribute, values] : p.staff ? staff_attributes : pupil_attributes)
        kind = kind * static_cast<std::size_t>(values) + static_cast<std::size_t>(p.*attribute);
    return p.staff ? pupil_kinds + kind : kind;
}

Person person_of(std::size_t kind) {
    Person p;
    p.staff = kind >= pupil_kinds;
    if (p.staff) kind -= pupil_kinds;
    const Attributes& attributes = p.staff ? staff_attributes : pupil_attributes;
    for (auto it = attributes.rbegin(); it != attributes.rend(); ++it) {
        p.*(it->first) = static_cast<int>(kind % static_cast<std::size_t>(it->second));
        kind /= static_cast<std::size_t>(it->second);
    }
    return p;
}

// ---------------------------------------------------------------------------
// A trust's records: schools of 5-80 pupils and 3-40 staff, skewed so that
// many figures are small and some groups are empty.

struct School {
    std::string slug;
    std::vector<Person> people;
};

// Mostly White, some groups small, some absent.
std::vector<int> ethnic_weights(Rng& r) {
    std::vector<int> w = {r.range(0, 12), r.range(0, 8), r.range(0, 8), r.range(40, 90), r.range(0, 5)};
    for (std::size_t e = 0; e < w.size(); ++e)
        if (e != white && r.chance(30)) w[e] = 0;
    return w;
}

int weighted(Rng& r, const std::vector<int>& weights) {
    int total = 0;
    for (int w : weights) total += w;
    int roll = static_cast<int>(r.below(static_cast<std::uint64_t>(total)));
    for (std::size_t i = 0;; ++i)
        if ((roll -= weights[i]) < 0) return static_cast<int>(i);
}

School random_school(Rng& r, std::size_t index) {
    School s;
    s.slug = std::string("school-") + static_cast<char>('a' + index);
    const int pupils = r.chance(20) ? r.range(5, 12) : r.range(13, 80);
    const int girls = r.range(35, 65), disadvantaged = r.range(3, 60), sen_support = r.range(3, 20);
    const int ehc = r.chance(25) ? 0 : r.range(1, 6), eal = r.chance(30) ? 0 : r.range(2, 45);
    const int year6 = r.chance(80) ? r.range(10, 20) : 0;  // some schools have no Year 6
    const int reads = r.range(50, 95), writes = r.range(45, 90), counts = r.range(50, 95);
    const int suspended = r.chance(20) ? 0 : r.range(2, 15), again = r.range(20, 60);
    const auto pupil_ethnicity = ethnic_weights(r);
    for (int i = 0; i < pupils; ++i) {
        Person p;
        p.sex = r.chance(girls);
        p.disadvantaged = r.chance(disadvantaged);
        const int sen_roll = r.range(0, 99);
        p.sen = sen_roll < ehc ? 2 : sen_roll < ehc + sen_support ? 1 : 0;
        p.eal = r.chance(eal);
        p.ethnic = weighted(r, pupil_ethnicity);
        if (r.chance(year6)) {
            // Disadvantaged pupils and pupils with SEN meet the standards less often.
            const int penalty = (p.disadvantaged ? 15 : 0) + (p.sen ? 25 : 0);
            p.results = 1 + (r.chance(reads - penalty) ? reading : 0);
            p.results += r.chance(writes - penalty) ? writing : 0;
            p.results += r.chance(counts - penalty) ? maths : 0;
        }
        p.suspended = r.chance(suspended) ? (r.chance(again) ? 2 : 1) : 0;
        s.people.push_back(p);
    }
    const int staff = r.chance(20) ? r.range(3, 9) : r.range(10, 40);
    const int women = r.range(55, 85), full_time = r.range(45, 85), teaching = r.range(35, 55);
    const auto staff_ethnicity = ethnic_weights(r);
    for (int i = 0; i < staff; ++i) {
        Person p;
        p.staff = 1;
        p.sex = r.chance(women);
        p.ethnic = weighted(r, staff_ethnicity);
        p.full_time = r.chance(full_time);
        p.teaching = r.chance(teaching);
        s.people.push_back(p);
    }
    return s;
}

// ---------------------------------------------------------------------------
// Table designs. A label is a row or column heading and who it counts.

using Test = std::function<bool(const Person&)>;

struct Label {
    std::string text;
    Test test;
};

Label group(const std::string& text) {
    for (std::size_t e = 0; e < ethnic_groups.size(); ++e)
        if (text == ethnic_groups[e]) return {text, [e](const Person& p) { return p.ethnic == static_cast<int>(e); }};
    static const std::map<std::string, Test> tests = {
        {"All pupils", [](const Person&) { return true; }},
        {"All staff", [](const Person&) { return true; }},
        {"Total", [](const Person&) { return true; }},  // an author-written Total row: everyone
        {"Boys", [](const Person& p) { return p.sex == 0; }},
        {"Men", [](const Person& p) { return p.sex == 0; }},
        {"Girls", [](const Person& p) { return p.sex == 1; }},
        {"Women", [](const Person& p) { return p.sex == 1; }},
        {"Disadvantaged", [](const Person& p) { return p.disadvantaged == 1; }},
        {"Not disadvantaged", [](const Person& p) { return p.disadvantaged == 0; }},
        {"SEN support", [](const Person& p) { return p.sen == 1; }},
        {"EHC plan", [](const Person& p) { return p.sen == 2; }},
        {"No SEN", [](const Person& p) { return p.sen == 0; }},
        {"EAL", [](const Person& p) { return p.eal == 1; }},
    };
    return {text, tests.at(text)};
}

Label measure(const std::string& text) {
    static const std::map<std::string, Test> tests = {
        {"Suspended at least once", [](const Person& p) { return p.suspended > 0; }},
        // The author's Total beside "Suspended once" and "Suspended more than once".
        {"Total", [](const Person& p) { return p.suspended > 0; }},
        {"Suspended once", [](const Person& p) { return p.suspended == 1; }},
        {"Suspended more than once", [](const Person& p) { return p.suspended == 2; }},
        {"Reading", [](const Person& p) { return p.met(reading); }},
        {"Writing", [](const Person& p) { return p.met(writing); }},
        {"Maths", [](const Person& p) { return p.met(maths); }},
        {"Reading, writing and maths", [](const Person& p) { return p.met(reading | writing | maths); }},
        {"Headcount", [](const Person&) { return true; }},
        {"Teaching staff", [](const Person& p) { return p.teaching == 1; }},
        {"Support staff", [](const Person& p) { return p.teaching == 0; }},
        {"Full-time", [](const Person& p) { return p.full_time == 1; }},
        {"Part-time", [](const Person& p) { return p.full_time == 0; }},
        {"Year 6 pupils", [](const Person& p) { return p.year6(); }},
        {"Met the expected standard", [](const Person& p) { return p.met(reading | writing | maths); }},
        {"Below the expected standard", [](const Person& p) { return p.year6() && !p.met(reading | writing | maths); }},
    };
    return {text, tests.at(text)};
}

enum class Design { mixed, author_total, cohort, two_tables, staff, totals, group_sizes };
constexpr std::size_t design_count = 7;
const std::array<const char*, design_count> design_names = {"mixed breakdowns", "author-written Total",
                                                            "one cohort across measures", "same figures in two tables",
                                                            "staff", "totals: true", "group sizes and complements"};
const std::array<const char*, design_count> design_slugs = {"mixed", "author-total", "cohort", "two",
                                                            "staff", "totals",       "sizes"};

struct Table {
    Design design = Design::mixed;
    std::string slug, title;
    bool staff = false;
    bool rate = false;  // rates here are Key stage 2 results: the denominator is a group's Year 6 pupils
    bool totals = false;
    bool trust_total = true;
    std::optional<int> threshold;  // suppression_threshold:, else the site's
    std::vector<Label> groups, measures;
    std::string yaml, csv;  // the source files, as the trust writes them

    int n() const { return threshold.value_or(staff ? 10 : 5); }
    // Whether p is one of group g's people (for a rate: its denominator).
    bool in_group(const Person& p, std::size_t g) const {
        return p.staff == staff && (!rate || p.year6()) && groups[g].test(p);
    }
    bool in_cell(const Person& p, std::size_t g, std::size_t m) const { return in_group(p, g) && measures[m].test(p); }
    // The published rows and columns: the labels, then eqsite's Total with totals: true.
    std::vector<std::string> headings(const std::vector<Label>& labels) const {
        std::vector<std::string> out;
        for (const auto& l : labels) out.push_back(l.text);
        if (totals) out.push_back("Total");
        return out;
    }
    std::vector<std::string> rows() const { return headings(groups); }
    std::vector<std::string> columns() const { return headings(measures); }
};

Table make_table(Design d, bool staff, const std::string& title, const std::vector<std::string>& groups,
                 const std::vector<std::string>& measures) {
    Table t;
    t.design = d;
    t.staff = staff;
    t.title = title;
    for (const auto& g : groups) t.groups.push_back(group(g));
    for (const auto& m : measures) t.measures.push_back(measure(m));
    return t;
}

std::vector<std::string> with_ethnic_groups(std::vector<std::string> first) {
    first.insert(first.end(), ethnic_groups.begin(), ethnic_groups.end());
    return first;
}

// a. Several breakdowns in one table, with no `splits:` to say how they add up.
std::vector<Table> mixed_breakdowns(Rng& r) {
    std::vector<std::string> groups = {"Boys", "Girls", "SEN support", "EAL"};
    for (const char* extra : {"Disadvantaged", "Not disadvantaged", "EHC plan", "No SEN"})
        if (r.chance(35)) groups.push_back(extra);
    r.shuffle(groups);
    groups.insert(groups.begin(), "All pupils");
    std::vector<std::string> measures = {"Suspended at least once"};
    if (r.chance(40)) measures.push_back("Suspended more than once");
    return {make_table(Design::mixed, false, "Pupils suspended", groups, measures)};
}

// b. The author adds up the columns (and maybe the rows) themselves.
std::vector<Table> author_total(Rng& r) {
    const std::vector<std::vector<std::string>> variants = {
        {"Boys", "Girls", "Total"},
        with_ethnic_groups({"Total"}),
        {"All pupils", "Disadvantaged", "Not disadvantaged"},
        {"All pupils", "SEN support", "EHC plan", "No SEN"}};
    return {make_table(Design::author_total, false, "Suspensions", variants[r.below(variants.size())],
                       {"Suspended once", "Suspended more than once", "Total"})};
}

// c. One cohort (a group's Year 6 pupils) is the denominator of every measure.
std::vector<Table> one_cohort(Rng& r) {
    std::vector<std::string> groups = {"All pupils", "Disadvantaged", "Not disadvantaged", "SEN support", "EAL"};
    if (r.chance(70)) groups.insert(groups.begin() + 4, "EHC plan");
    Table t = make_table(Design::cohort, false, "Pupils meeting the expected standard", groups,
                         {"Reading", "Writing", "Maths", "Reading, writing and maths"});
    t.rate = true;
    return {t};
}

// d. The same measure by sex and by ethnic group: the All rows are one figure.
std::vector<Table> two_tables(Rng& r) {
    std::vector<std::string> measures = {"Suspended at least once"};
    if (r.chance(30)) measures.push_back("Suspended more than once");
    return {make_table(Design::two_tables, false, "Pupils suspended by sex", {"All pupils", "Boys", "Girls"}, measures),
            make_table(Design::two_tables, false, "Pupils suspended by ethnic group",
                       with_ethnic_groups({"All pupils"}), measures)};
}

// e. Staff by ethnic group, by sex, and by contract.
std::vector<Table> staff_tables(Rng& r) {
    using Labels = std::vector<std::string>;
    const Labels roles = r.chance(50) ? Labels{"Headcount"} : Labels{"Teaching staff", "Support staff"};
    const Labels sexes = {"All staff", "Women", "Men"};
    std::vector<Table> out;
    const Labels ethnicities = with_ethnic_groups({"All staff"});
    if (r.chance(70)) out.push_back(make_table(Design::staff, true, "Staff by ethnic group", ethnicities, roles));
    if (r.chance(60)) out.push_back(make_table(Design::staff, true, "Staff by sex", sexes, roles));
    if (out.empty() || r.chance(40))
        out.push_back(make_table(Design::staff, true, "Staff by contract", sexes, {"Full-time", "Part-time"}));
    return out;
}

// f. eqsite adds the Total row and column (no All row beside them).
std::vector<Table> with_totals(Rng& r) {
    const std::vector<std::string> suspensions = {"Suspended once", "Suspended more than once"};
    std::vector<Table> variants = {
        make_table(Design::totals, false, "Suspensions by ethnic group", ethnic_groups, suspensions),
        make_table(Design::totals, false, "Suspensions by sex", {"Boys", "Girls"}, suspensions),
        make_table(Design::totals, false, "Suspensions by SEN", {"SEN support", "EHC plan", "No SEN"}, suspensions),
        make_table(Design::totals, true, "Staff contracts", {"Women", "Men"}, {"Full-time", "Part-time"}),
        make_table(Design::totals, true, "Staff roles by ethnic group", ethnic_groups,
                   {"Teaching staff", "Support staff"})};
    Table t = variants[r.below(variants.size())];
    t.totals = true;
    return {t};
}

// g. A count of a cohort beside rates over it: Year 6 pupils by group (the
// rates' group sizes), and those who met the expected standard and those
// below it (which make up the group), in two tables or one.
std::vector<Table> group_sizes(Rng& r) {
    using Labels = std::vector<std::string>;
    const std::vector<Labels> breakdowns = {{"Disadvantaged", "Not disadvantaged"}, {"Boys", "Girls"},
                                            {"SEN support", "EHC plan", "No SEN"}};
    const Labels parts = breakdowns[r.below(breakdowns.size())];
    auto with_all = [&](bool all) {
        Labels out = parts;
        if (all) out.insert(out.begin(), "All pupils");
        return out;
    };
    std::vector<Table> out;
    if (r.chance(70)) out.push_back(make_table(Design::group_sizes, false, "Year 6 pupils", with_all(true), {"Year 6 pupils"}));
    if (r.chance(50)) {
        Table both = make_table(Design::group_sizes, false, "Key stage 2 results", with_all(r.chance(60)),
                                {"Met the expected standard", "Below the expected standard"});
        both.rate = true;
        out.push_back(both);
        return out;
    }
    Table met = make_table(Design::group_sizes, false, "Met the expected standard", with_all(r.chance(60)),
                           {"Met the expected standard"});
    Table below = make_table(Design::group_sizes, false, "Below the expected standard", with_all(r.chance(40)),
                             {"Below the expected standard"});
    met.rate = below.rate = true;
    out.push_back(met);
    out.push_back(below);
    return out;
}

// ---------------------------------------------------------------------------
// The source files, aggregated from the records.

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string yaml_text(const Table& t) {
    std::ostringstream o;
    o << "title: \"" << t.title << "\"\nkind: " << (t.rate ? "rate" : "count")
      << "\nabout: " << (t.staff ? "staff" : "pupils") << "\nsource: Trust records\nperiod: 2024/25\ngroups:\n";
    for (const auto& g : t.groups) o << "  - \"" << g.text << "\"\n";
    o << "measures:\n";
    for (const auto& m : t.measures) o << "  - \"" << m.text << "\"\n";
    if (!t.rate) o << "totals: " << (t.totals ? "true" : "false") << "\n";
    o << "trust_total: " << (t.trust_total ? "true" : "false") << "\n";
    if (t.threshold) o << "suppression_threshold: " << *t.threshold << "\n";
    return o.str();
}

long long people_in(const School& s, const std::function<bool(const Person&)>& test) {
    long long n = 0;
    for (const auto& p : s.people) n += test(p);
    return n;
}

// Every figure as the records give it; a group with nobody in it at a
// school sometimes has its rows left out (eqsite then shows x), but a
// school always keeps some rows.
std::string csv_text(const Table& t, const std::vector<School>& schools, Rng& r) {
    std::string out = t.rate ? "school,group,measure,numerator,denominator\n" : "school,group,measure,count\n";
    for (const School& s : schools) {
        const std::size_t G = t.groups.size();
        std::vector<long long> people(G);
        std::vector<bool> left_out(G);
        for (std::size_t g = 0; g < G; ++g) {
            people[g] = people_in(s, [&](const Person& p) { return t.in_group(p, g); });
            left_out[g] = people[g] == 0 && r.chance(50);
        }
        if (std::all_of(left_out.begin(), left_out.end(), [](bool b) { return b; })) left_out.assign(G, false);
        for (std::size_t g = 0; g < G; ++g)
            for (std::size_t m = 0; m < t.measures.size() && !left_out[g]; ++m) {
                out += csv_field(s.slug) + "," + csv_field(t.groups[g].text) + "," + csv_field(t.measures[m].text);
                out += "," + std::to_string(people_in(s, [&](const Person& p) { return t.in_cell(p, g, m); }));
                out += (t.rate ? "," + std::to_string(people[g]) : "") + "\n";
            }
    }
    return out;
}

struct Trust {
    std::vector<School> schools;
    std::vector<Table> tables;

    std::vector<std::string> slugs() const {
        std::vector<std::string> out;
        for (const auto& s : schools) out.push_back(s.slug);
        return out;
    }
};

Trust random_trust(Rng& r) {
    Trust trust;
    const int schools = r.range(1, 6);
    for (int s = 0; s < schools; ++s) trust.schools.push_back(random_school(r, static_cast<std::size_t>(s)));
    std::vector<Design> designs;
    while (designs.size() < 2) {
        designs.clear();
        for (std::size_t d = 0; d < design_count; ++d)
            if (r.chance(45)) designs.push_back(static_cast<Design>(d));
    }
    using Maker = std::vector<Table> (*)(Rng&);
    const std::array<Maker, design_count> makers = {mixed_breakdowns, author_total, one_cohort, two_tables,
                                                    staff_tables,     with_totals,  group_sizes};
    for (Design d : designs)
        for (Table& t : makers[static_cast<std::size_t>(d)](r)) {
            t.slug = "t" + std::to_string(trust.tables.size()) + "-" + design_slugs[static_cast<std::size_t>(d)];
            t.trust_total = !r.chance(15);
            const auto roll = r.below(100);
            if (roll < 12) t.threshold = 3;
            else if (roll < 24) t.threshold = 10;
            t.yaml = yaml_text(t);
            t.csv = csv_text(t, trust.schools, r);
            trust.tables.push_back(std::move(t));
        }
    return trust;
}

// ---------------------------------------------------------------------------
// Exact arithmetic modulo the prime 2^61 - 1 (products in unsigned
// __int128, no floating point): whether a vector lies in a span.

namespace field {
constexpr std::uint64_t p = (std::uint64_t{1} << 61) - 1;
__extension__ typedef unsigned __int128 wide;  // GCC and Clang

inline std::uint64_t mul(std::uint64_t a, std::uint64_t b) {
    const wide x = static_cast<wide>(a) * b;  // below 2^122: the two halves sum to below 2p
    const std::uint64_t r = static_cast<std::uint64_t>(x & p) + static_cast<std::uint64_t>(x >> 61);
    return r >= p ? r - p : r;
}
inline std::uint64_t add(std::uint64_t a, std::uint64_t b) { return a + b >= p ? a + b - p : a + b; }
inline std::uint64_t sub(std::uint64_t a, std::uint64_t b) { return a >= b ? a - b : a + p - b; }
inline std::uint64_t of(long long v) { return v >= 0 ? static_cast<std::uint64_t>(v) % p : sub(0, of(-v)); }
inline std::uint64_t inverse(std::uint64_t a) {
    std::uint64_t result = 1;
    for (std::uint64_t e = p - 2; e; e >>= 1, a = mul(a, a))
        if (e & 1) result = mul(result, a);
    return result;
}
// For messages: small coefficients as signed numbers.
inline std::string text(std::uint64_t a) {
    if (a < 1000) return "+" + std::to_string(a);
    if (p - a < 1000) return "-" + std::to_string(p - a);
    return "+(a fraction)";
}
}  // namespace field

using Vec = std::vector<std::uint64_t>;

// The span of the vectors added so far, kept in echelon form: each row is
// zero before its pivot and at the pivots of the rows before it, and 1 at
// its own. Only the first `width` entries are the vector; entries after
// them take no part in choosing pivots but go along with every step, so
// that they can record which combination of the added vectors a row is.
class Span {
public:
    explicit Span(std::size_t width) : width_(width) {}

    // Subtracts rows from v; returns whether v was in the span (its first
    // `width` entries are then zero).
    bool reduce(Vec& v) const {
        for (std::size_t i = 0; i < rows_.size(); ++i) {
            const std::uint64_t f = v[pivots_[i]];
            if (f == 0) continue;
            const Vec& row = rows_[i];
            for (std::size_t j = pivots_[i]; j < ends_[i]; ++j)
                if (row[j]) v[j] = field::sub(v[j], field::mul(f, row[j]));
        }
        return std::all_of(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(width_),
                           [](std::uint64_t x) { return x == 0; });
    }

    void add(Vec v) {
        if (reduce(v)) return;
        const auto pivot = static_cast<std::size_t>(
            std::find_if(v.begin(), v.end(), [](std::uint64_t x) { return x != 0; }) - v.begin());
        const std::uint64_t inv = field::inverse(v[pivot]);
        for (auto& x : v) x = field::mul(x, inv);
        std::size_t end = v.size();
        while (v[end - 1] == 0) --end;
        rows_.push_back(std::move(v));
        pivots_.push_back(pivot);
        ends_.push_back(end);
    }

    const std::vector<std::size_t>& pivots() const { return pivots_; }

private:
    std::size_t width_;
    std::vector<Vec> rows_;
    std::vector<std::size_t> pivots_, ends_;
};

// ---------------------------------------------------------------------------
// Every figure of a trust as a vector over its atoms.
//
// A figure's "type" is its vector over person kinds (the same at every
// school); the figure at a school is that vector in the school's block of
// atoms, and the trust's figure is it in every block. To keep the system
// small, atoms are merged where no figure tells them apart (the same
// coefficient in every figure type), and then only a set of merged atoms
// on which the figure types are as independent as on all of them is kept
// (the pivot columns of the type matrix): restricted to them, the vectors
// keep every linear relation they have, and gain none.

class Atoms {
public:
    explicit Atoms(const Trust& trust) : schools_(trust.schools.size()) {
        for (std::size_t k = 0; k < person_kinds; ++k) kinds_.push_back(person_of(k));
        for (const Table& t : trust.tables) type_of_.push_back(table_types(t));
        reduce_types();
        truths_.assign(types_.size(), std::vector<long long>(schools_, 0));
        for (std::size_t s = 0; s < schools_; ++s)
            for (const Person& p : trust.schools[s].people)
                for (std::size_t f = 0; f < types_.size(); ++f) truths_[f][s] += types_[f][kind_of(p)];
    }

    // The type of a published position: table, row, column (Totals
    // included), count or numerator, or denominator.
    std::size_t type(std::size_t table, std::size_t row, std::size_t column, bool denominator) const {
        return type_of_[table].at({row, column, denominator});
    }
    std::size_t width() const { return schools_ * classes_.size(); }
    // `unit` is a school, or schools for the trust.
    Vec vector(std::size_t type, std::size_t unit) const {
        Vec v(width(), 0);
        for (std::size_t s = 0; s < schools_; ++s)
            if (unit == s || unit == schools_)
                for (std::size_t j = 0; j < classes_.size(); ++j) v[s * classes_.size() + j] = reduced_[type][j];
        return v;
    }
    long long truth(std::size_t type, std::size_t unit) const {
        if (unit < schools_) return truths_[type][unit];
        long long sum = 0;
        for (long long v : truths_[type]) sum += v;
        return sum;
    }

private:
    using Position = std::tuple<std::size_t, std::size_t, bool>;

    std::size_t intern(std::vector<int> v) {
        const auto [it, added] = index_.emplace(v, types_.size());
        if (added) types_.push_back(std::move(v));
        return it->second;
    }

    // A Total row or column adds up all the groups or measures.
    std::map<Position, std::size_t> table_types(const Table& t) {
        const std::size_t G = t.groups.size(), M = t.measures.size(), R = t.rows().size(), C = t.columns().size();
        std::map<Position, std::size_t> out;
        for (std::size_t r = 0; r < R; ++r)
            for (std::size_t c = 0; c < C; ++c)
                for (bool denominator : {false, true}) {
                    if (denominator && !t.rate) continue;
                    std::vector<int> v(person_kinds, 0);
                    for (std::size_t k = 0; k < person_kinds; ++k)
                        for (std::size_t g = r < G ? r : 0; g < (r < G ? r + 1 : G); ++g) {
                            if (!t.in_group(kinds_[k], g)) continue;
                            if (denominator) v[k] += 1;
                            else
                                for (std::size_t m = c < M ? c : 0; m < (c < M ? c + 1 : M); ++m)
                                    v[k] += t.measures[m].test(kinds_[k]);
                        }
                    out[{r, c, denominator}] = intern(std::move(v));
                }
        return out;
    }

    void reduce_types() {
        std::map<std::vector<int>, std::size_t> class_of;
        std::vector<std::size_t> example;  // a person kind of each merged atom
        for (std::size_t k = 0; k < person_kinds; ++k) {
            std::vector<int> membership;
            for (const auto& v : types_) membership.push_back(v[k]);
            if (class_of.emplace(membership, example.size()).second) example.push_back(k);
        }
        Span span(example.size());
        for (const auto& v : types_) {
            Vec row;
            for (std::size_t k : example) row.push_back(field::of(v[k]));
            span.add(std::move(row));
        }
        for (std::size_t c : span.pivots()) classes_.push_back(example[c]);
        for (const auto& v : types_) {
            Vec row;
            for (std::size_t k : classes_) row.push_back(field::of(v[k]));
            reduced_.push_back(std::move(row));
        }
    }

    std::size_t schools_;
    std::vector<Person> kinds_;  // person_of each kind
    std::map<std::vector<int>, std::size_t> index_;
    std::vector<std::vector<int>> types_;  // coefficient per person kind
    std::vector<std::map<Position, std::size_t>> type_of_;
    std::vector<std::size_t> classes_;  // the person kinds of the kept atoms
    std::vector<Vec> reduced_;          // each type on the kept atoms
    std::vector<std::vector<long long>> truths_;  // per type and school
};

// ---------------------------------------------------------------------------
// The attacker's view: the published CSV of every table, parsed.

// RFC 4180 records of well-formed text.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
    std::vector<std::vector<std::string>> out;
    std::vector<std::string> record;
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c != '"') field += c;
            else if (i + 1 < text.size() && text[i + 1] == '"') field += text[i++];
            else quoted = false;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',' || c == '\n') {
            record.push_back(std::exchange(field, {}));
            if (c == '\n') out.push_back(std::exchange(record, {}));
        } else if (c != '\r') {
            field += c;
        }
    }
    return out;  // table_csv ends every record with a line break
}

// One count, numerator or denominator of one published cell.
struct Figure {
    std::size_t table = 0, unit = 0, row = 0, column = 0;
    bool denominator = false;
    std::size_t type = 0;
    long long truth = 0;
    std::optional<long long> value;  // what the CSV shows; none when hidden (c, or x: not given)
    char symbol = 0;                 // the cell's c, x or z; 0 when shown
};

std::optional<long long> number(const std::string& s) {
    if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    return std::stoll(s);
}

struct Stats {
    long long trusts = 0, tables = 0, figures = 0, hidden = 0, recoverable_zeros = 0, leaks = 0;
    std::size_t widest = 0;
    std::array<long long, design_count> occurrences{}, design_tables{};
};

class Attack {
public:
    Attack(const Trust& trust, const std::vector<PublishedTable>& published, Stats& stats)
        : trust_(trust), atoms_(trust), stats_(stats) {
        stats_.widest = std::max(stats_.widest, atoms_.width());
        for (std::size_t t = 0; t < trust.tables.size(); ++t) read(t, table_csv(published[t], trust.slugs()));
    }

    // Rule 1, the published values, then every hidden figure.
    std::vector<std::string> run() {
        for (std::size_t i = 0; i < figures_.size(); ++i) check_published(i);
        // The schools' figures first: each stays in its school's block of
        // atoms, so only the trust's rows are long.
        std::vector<std::size_t> known;
        for (std::size_t i = 0; i < figures_.size(); ++i)
            if (figures_[i].value) known.push_back(i);
        std::stable_sort(known.begin(), known.end(),
                         [&](std::size_t a, std::size_t b) { return figures_[a].unit < figures_[b].unit; });
        Span span(atoms_.width());
        for (std::size_t i : known) span.add(vector(i));
        std::vector<std::size_t> leaks;
        for (std::size_t i = 0; i < figures_.size(); ++i) {
            if (figures_[i].value) continue;
            ++stats_.hidden;
            Vec v = vector(i);
            if (!span.reduce(v)) continue;
            if (figures_[i].truth == 0) ++stats_.recoverable_zeros;
            else leaks.push_back(i);
        }
        stats_.leaks += static_cast<long long>(leaks.size());
        if (!leaks.empty()) explain(known, leaks);
        return failures_;
    }

    // The tables of the failing figures and of the figures that give them away.
    const std::set<std::size_t>& involved() const { return involved_; }

private:
    void read(std::size_t t, const std::string& text) {
        const Table& table = trust_.tables[t];
        const auto records = parse_csv(text);
        const auto rows = table.rows(), columns = table.columns(), slugs = trust_.slugs();
        const std::size_t figures = table.rate ? 2 : 1;
        const std::vector<std::string> header =
            table.rate ? std::vector<std::string>{"school", "group", "measure", "numerator", "denominator", "published"}
                       : std::vector<std::string>{"school", "group", "measure", "count", "published"};
        if (records.empty() || records[0] != header) return fail(table.slug + ": the published CSV has another header");
        for (std::size_t i = 1; i < records.size(); ++i) {
            const auto& rec = records[i];
            const auto at = [](const std::vector<std::string>& v, const std::string& s) {
                return static_cast<std::size_t>(std::find(v.begin(), v.end(), s) - v.begin());
            };
            Figure f;
            f.table = t;
            f.unit = rec[0] == "trust" ? slugs.size() : at(slugs, rec[0]);
            f.row = at(rows, rec[1]);
            f.column = at(columns, rec[2]);
            if (rec.size() != 4 + figures || f.unit > slugs.size() || f.row == rows.size() ||
                f.column == columns.size()) {
                fail(table.slug + ": unexpected published row " + std::to_string(i + 1) + ": " + rec[0] + "," + rec[1]);
                continue;
            }
            for (std::size_t k = 0; k < figures; ++k) {
                Figure g = f;
                g.denominator = k == 1;
                g.type = atoms_.type(t, g.row, g.column, g.denominator);
                g.truth = atoms_.truth(g.type, g.unit);
                // z: nobody in the group, so a known 0 of 0.
                g.value = rec[3 + k] == "z" ? std::optional<long long>(0) : number(rec[3 + k]);
                g.symbol = number(rec[3]) || rec[3].empty() ? 0 : rec[3][0];
                figures_.push_back(g);
                ++stats_.figures;
            }
        }
    }

    Vec vector(std::size_t i) const { return atoms_.vector(figures_[i].type, figures_[i].unit); }

    void fail(const std::string& m) { failures_.push_back(m); }

    std::string describe(const Figure& f) const {
        const Table& t = trust_.tables[f.table];
        const std::string unit = f.unit < trust_.schools.size() ? trust_.schools[f.unit].slug : "trust";
        const std::string what = !t.rate ? "count" : f.denominator ? "denominator" : "numerator";
        return t.slug + " | " + unit + " | " + t.rows()[f.row] + " | " + t.columns()[f.column] + " | " + what;
    }

    // Rule 1 on what is shown, and every shown figure must be the true one.
    void check_published(std::size_t i) {
        const Figure& f = figures_[i];
        if (!f.value) return;
        const Table& t = trust_.tables[f.table];
        const long long v = *f.value, N = t.n();
        const std::string where = " (N = " + std::to_string(N) + "): " + describe(f);
        if (v != f.truth) fail("published " + std::to_string(v) + ", true " + std::to_string(f.truth) + where);
        if (f.symbol == 'z') return;
        if (!f.denominator && v >= 1 && v < N) fail("rule 1: " + std::to_string(v) + " people published" + where);
        if (f.denominator && v >= 1 && v <= N) fail("rule 1: a group of " + std::to_string(v) + " published" + where);
        // A shown rate also publishes the people it does not count (its
        // numerator is the figure just before).
        const long long complement = f.denominator && f.symbol == 0 ? v - *figures_[i - 1].value : 0;
        if (complement >= 1 && complement < N)
            fail("rule 1: " + std::to_string(complement) + " people not counted published" + where);
    }

    // Works each leak out again with a record of the combination (after
    // the atoms, published figure k adds a 1 at its own place), and checks
    // that this combination of the published values is the true value.
    void explain(const std::vector<std::size_t>& known, const std::vector<std::size_t>& leaks) {
        const std::size_t width = atoms_.width();
        Span span(width);
        for (std::size_t k = 0; k < known.size(); ++k) {
            Vec v = vector(known[k]);
            v.resize(width + known.size(), 0);
            v[width + k] = 1;
            span.add(std::move(v));
        }
        for (std::size_t i : leaks) {
            const Figure& f = figures_[i];
            involved_.insert(f.table);
            Vec v = vector(i);
            v.resize(width + known.size(), 0);
            span.reduce(v);  // now 0 = v - the combination: the record holds minus its coefficients
            std::ostringstream o;
            o << "can be worked out (true value " << f.truth << "): " << describe(f) << "\n      =";
            std::uint64_t value = 0;
            std::size_t terms = 0;
            for (std::size_t k = 0; k < known.size(); ++k) {
                const std::uint64_t c = field::sub(0, v[width + k]);
                if (c == 0) continue;
                const Figure& g = figures_[known[k]];
                involved_.insert(g.table);
                value = field::add(value, field::mul(c, field::of(*g.value)));
                if (++terms <= 40)
                    o << "\n        " << field::text(c) << " x [" << describe(g) << " = " << *g.value << "]";
            }
            if (terms > 40) o << "\n        ... " << terms - 40 << " more";
            o << "\n      (" << terms << " published figures; their combination is "
              << (value == field::of(f.truth) ? "the true value" : "NOT the true value: a checker bug") << ")";
            fail(o.str());
        }
    }

    const Trust& trust_;
    Atoms atoms_;
    Stats& stats_;
    std::vector<Figure> figures_;
    std::vector<std::string> failures_;
    std::set<std::size_t> involved_;
};

// ---------------------------------------------------------------------------
// One trust through eqsite's real code path, and what went wrong.

struct Outcome {
    std::vector<std::string> failures;
    std::set<std::size_t> involved;  // tables to print
};

Outcome check_trust(const Trust& trust, Stats& stats) {
    Outcome out;
    const auto slugs = trust.slugs();
    std::vector<DataTable> tables;
    for (const Table& t : trust.tables) {
        Diagnostics diags;
        auto table = read_data_table(t.slug, "data/" + t.slug + ".yaml", t.yaml, "data/" + t.slug + ".csv", t.csv,
                                     slugs, 5, 10, diags);
        std::string errors;
        for (const auto& d : diags.sorted())
            if (d.severity == Severity::error) errors += "\n" + format_diagnostic(d);
        INFO("the test wrote a table eqsite cannot read:" << errors << "\n" << t.yaml << t.csv);
        REQUIRE(table);
        REQUIRE(errors.empty());
        tables.push_back(std::move(*table));
    }
    Diagnostics diags;
    const auto published = publish_tables(tables, diags);
    if (diags.has_errors()) {
        for (const auto& d : diags.sorted_without_notes())
            out.failures.push_back("eqsite refused: " + format_diagnostic(d));
        for (std::size_t t = 0; t < trust.tables.size(); ++t) out.involved.insert(t);
        return out;
    }
    REQUIRE(published.size() == tables.size());
    Attack attack(trust, published, stats);
    out.failures = attack.run();
    out.involved = attack.involved();
    return out;
}

std::string report(std::uint64_t seed, long long n, const Trust& trust, const Outcome& outcome) {
    std::ostringstream o;
    o << "Replay: EQSITE_TRUSTS_SEED=" << seed << " EQSITE_TRUSTS_CASE=" << n << " (" << trust.schools.size()
      << " schools, " << trust.tables.size() << " tables)\n";
    for (const auto& f : outcome.failures) o << "  - " << f << "\n";
    for (std::size_t t : outcome.involved) {
        const Table& table = trust.tables[t];
        o << "--- data/" << table.slug << ".yaml (" << design_names[static_cast<std::size_t>(table.design)] << ")\n"
          << table.yaml << "--- data/" << table.slug << ".csv\n" << table.csv;
    }
    return o.str();
}

}  // namespace

TEST_CASE("trusts: no hidden figure can be worked out from any true sum of the pupils' and staff's records") {
    const std::uint64_t seed = static_cast<std::uint64_t>(env_number("EQSITE_TRUSTS_SEED").value_or(default_seed));
    const long long count = env_number("EQSITE_TRUSTS_COUNT").value_or(default_count);
    const auto only = env_number("EQSITE_TRUSTS_CASE");
    INFO("EQSITE_TRUSTS_SEED=" << seed);

    // The checker's own ground: every kind of person is its own atom, and
    // from a + b and b + c, a - c follows but a does not.
    for (std::size_t k = 0; k < person_kinds; ++k) REQUIRE(kind_of(person_of(k)) == k);
    Span abc(3);
    abc.add({1, 1, 0});
    abc.add({0, 1, 1});
    Vec a_minus_c = {1, 0, field::p - 1}, a = {1, 0, 0};
    REQUIRE(abc.reduce(a_minus_c));
    REQUIRE_FALSE(abc.reduce(a));

    Stats stats;
    std::vector<long long> failing;
    const long long from = only ? *only : 0, to = only ? *only + 1 : count;
    for (long long n = from; n < to; ++n) {
        Rng rng(trust_seed(seed, n));
        const Trust trust = random_trust(rng);
        ++stats.trusts;
        std::set<Design> designs;
        for (const Table& t : trust.tables) {
            designs.insert(t.design);
            ++stats.design_tables[static_cast<std::size_t>(t.design)];
            ++stats.tables;
        }
        for (Design d : designs) ++stats.occurrences[static_cast<std::size_t>(d)];
        const Outcome outcome = check_trust(trust, stats);
        if (outcome.failures.empty()) continue;
        failing.push_back(n);
        // The first few in full; the rest by their first failure.
        if (failing.size() <= 3) FAIL_CHECK(report(seed, n, trust, outcome));
        else FAIL_CHECK("Replay: EQSITE_TRUSTS_SEED=" << seed << " EQSITE_TRUSTS_CASE=" << n << ": "
                                                      << outcome.failures.size() << " failures, first: "
                                                      << outcome.failures.front().substr(0, 300));
    }

    std::ostringstream summary;
    summary << "seed " << seed << ": " << stats.trusts << " trusts, " << stats.tables << " tables, " << stats.figures
            << " figures, " << stats.hidden << " hidden (c) or not given (x), " << stats.recoverable_zeros
            << " hidden true zeros that can be worked out (allowed), " << stats.leaks
            << " hidden figures that can be worked out; widest system " << stats.widest << " atoms\n";
    for (std::size_t d = 0; d < design_count; ++d)
        summary << "  " << design_names[d] << ": in " << stats.occurrences[d] << " trusts, " << stats.design_tables[d]
                << " tables\n";
    summary << "failing trusts (" << failing.size() << "):";
    for (std::size_t i = 0; i < failing.size() && i < 50; ++i) summary << " " << failing[i];
    WARN(summary.str());
    CHECK(failing.empty());
    if (!only)
        for (std::size_t d = 0; d < design_count; ++d) {
            INFO("design: " << design_names[d]);
            CHECK(stats.occurrences[d] >= 10);  // the run must keep covering every design
        }
}
