// Property test of statistical disclosure control (spec section 5, rules
// 1-5): thousands of random DataTables go through publish() and every
// published form (HTML table, SVG chart, CSV, JSON). An independent checker
// below reads only the generated source table and the published outputs; it
// never calls into disclosure.cpp beyond publish() itself.
//
// Replay: EQSITE_PROPERTY_SEED=<seed> (default below) picks the run;
// EQSITE_PROPERTY_CASE=<n> runs only case n of that seed;
// EQSITE_PROPERTY_CASES=<count> changes the number of cases.
// A failure prints the seed, the case number and a dump of the table.
//
// Check (e), in Checker::recoverable(), is the exact form of rules 2 and 3:
// no hidden figure may follow from the published ones and the sums they
// satisfy, in any combination (tests/recoverability.hpp, written apart from
// the generator's own check).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/data_table.hpp"
#include "model/disclosure.hpp"
#include "recoverability.hpp"
#include "render/data_tables.hpp"
#include "table_markup.hpp"

using namespace eqsite;
using eqsite::test::chart_svg;
using eqsite::test::table_html;

namespace {

constexpr std::uint64_t default_seed = 20250517;
constexpr long long default_cases = 10000;

// ---------------------------------------------------------------------------
// Random numbers: std::mt19937_64 is specified bit for bit by the standard;
// the distributions are not, so the helpers here are plain modulo arithmetic
// (the tiny modulo bias does not matter for a test).

struct Rng {
    std::mt19937_64 engine;
    explicit Rng(std::uint64_t seed) : engine(seed) {}
    std::uint64_t below(std::uint64_t n) { return engine() % n; }  // 0..n-1
    long long range(long long lo, long long hi) {                  // lo..hi
        return lo + static_cast<long long>(below(static_cast<std::uint64_t>(hi - lo + 1)));
    }
    bool chance(int percent) { return below(100) < static_cast<std::uint64_t>(percent); }
    template <typename T>
    void shuffle(std::vector<T>& v) {
        for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[below(i)]);
    }
};

// Each case gets its own generator, so one case can be replayed alone.
std::uint64_t case_seed(std::uint64_t seed, long long case_no) {
    std::uint64_t z = seed + 0x9E3779B97F4A7C15ULL * static_cast<std::uint64_t>(case_no + 1);
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
// The generated case: the DataTable plus what the generator knows about its
// structure (which row is "All pupils", which groups are "X"/"Not X").

struct Case {
    DataTable table;
    std::optional<std::size_t> all_row;                   // always group 0 when present
    std::vector<std::pair<std::size_t, std::size_t>> pairs;  // (X, Not X)
    int all_mode = 0;  // 0: All independent, 1: sum of the other groups, 2: sum of the pair
};

const std::vector<std::string> single_groups = {
    "Girls", "Boys", "SEN support", "EHC plan", "Looked after", "Free school meals, ever 6",
    "Pupils with \"EAL\"", "Year 7 & <8>", "Summer-born"};
const std::vector<std::pair<std::string, std::string>> pair_groups = {
    {"Disadvantaged", "Not disadvantaged"}, {"FSM", "Non-FSM"}, {"Service child", "Not service child"}};
const std::vector<std::string> measure_pool = {"Reading", "Writing, teacher assessed", "Maths", "Grammar \"GPS\"",
                                               "Science & <tech>"};

long long random_count(Rng& r) {
    const auto p = r.below(100);
    if (p < 14) return 0;
    if (p < 76) return 1 + static_cast<long long>(std::min(r.below(12), r.below(12)));  // 1..12, small first
    return r.range(13, 250);
}

Figure random_rate(Rng& r) {
    Figure f;
    const auto p = r.below(100);
    if (p < 8) f.d = 0;
    else if (p < 70) f.d = 1 + static_cast<long long>(std::min(r.below(40), r.below(40)));
    else f.d = r.range(1, 40);
    const auto q = r.below(10);
    f.n = q == 0 ? 0 : q == 1 ? f.d : r.range(0, f.d);
    return f;
}

Case generate(Rng& r) {
    Case k;
    TableSpec& spec = k.table.spec;
    spec.slug = "prop-table";
    spec.csv_source = "data/prop-table.csv";
    spec.yaml_source = "data/prop-table.yaml";
    spec.title = "Property table";
    spec.source = "generated";
    spec.period = "2024/25";
    spec.kind = r.chance(50) ? TableKind::count : TableKind::rate;
    spec.about = r.chance(25) ? TableAbout::staff : TableAbout::pupils;
    spec.unit = spec.kind == TableKind::rate ? "%" : "";
    spec.totals = spec.kind == TableKind::count ? r.chance(50) : r.chance(20);  // ignored for rates
    spec.trust_total = r.chance(60);
    const int thresholds[] = {3, 5, 10};
    spec.threshold = thresholds[r.below(3)];

    // Groups: maybe "All pupils" first, maybe one pair "X"/"Not X", then singles.
    const std::size_t groups = static_cast<std::size_t>(r.range(2, 6));
    const bool all = r.chance(55);
    // eqsite refuses totals: true beside an "All" row (it would count
    // everyone twice), so such tables never reach publish().
    if (all && spec.kind == TableKind::count) spec.totals = false;
    bool pair = r.chance(45) && groups - (all ? 1 : 0) >= 2;
    std::vector<std::string> rest;
    if (pair) {
        const auto& p = pair_groups[r.below(pair_groups.size())];
        rest.push_back(p.first);
        rest.push_back(p.second);
    }
    std::vector<std::string> singles = single_groups;
    r.shuffle(singles);
    for (std::size_t i = 0; rest.size() + (all ? 1 : 0) < groups; ++i) rest.push_back(singles[i]);
    r.shuffle(rest);
    if (all) {
        spec.groups.push_back(spec.about == TableAbout::staff && r.chance(50) ? "All staff" : "All pupils");
        k.all_row = 0;
    }
    for (auto& g : rest) spec.groups.push_back(g);
    if (pair) {
        std::size_t x = 0, not_x = 0;
        for (std::size_t g = 0; g < spec.groups.size(); ++g)
            for (const auto& p : pair_groups) {
                if (spec.groups[g] == p.first) x = g;
                if (spec.groups[g] == p.second) not_x = g;
            }
        k.pairs.emplace_back(x, not_x);
    }

    std::vector<std::string> measures = measure_pool;
    r.shuffle(measures);
    measures.resize(static_cast<std::size_t>(r.range(1, 4)));
    spec.measures = measures;

    if (all) k.all_mode = static_cast<int>(r.below(pair ? 3 : 2));

    const std::size_t schools = static_cast<std::size_t>(r.range(1, 8));
    const int missing = static_cast<int>(r.below(4)) * 8;  // 0, 8, 16 or 24 % of cells missing
    const std::size_t G = spec.groups.size(), M = spec.measures.size();
    for (std::size_t s = 0; s < schools; ++s) {
        k.table.schools.push_back(s);
        FigureGrid grid;
        grid.cells.resize(G * M);
        for (std::size_t g = 0; g < G; ++g)
            for (std::size_t m = 0; m < M; ++m) {
                if (r.chance(missing)) continue;
                grid.cells[g * M + m] = spec.kind == TableKind::count ? Figure{random_count(r), 0, ""} : random_rate(r);
            }
        // The All row as a sum, in some tables (still sometimes missing).
        if (k.all_row && k.all_mode != 0)
            for (std::size_t m = 0; m < M; ++m) {
                Figure sum;
                bool any = false;
                for (std::size_t g = 1; g < G; ++g) {
                    if (k.all_mode == 2 && g != k.pairs[0].first && g != k.pairs[0].second) continue;
                    const auto& f = grid.cells[g * M + m];
                    if (!f) continue;
                    any = true;
                    sum.n += f->n;
                    sum.d += f->d;
                }
                if (any && !r.chance(missing / 2)) grid.cells[m] = sum;
                else grid.cells[m].reset();
            }
        // A school in the table has at least one row.
        bool any = false;
        for (const auto& c : grid.cells) any = any || c.has_value();
        if (!any)
            grid.cells[r.below(G * M)] = spec.kind == TableKind::count ? Figure{random_count(r), 0, ""} : random_rate(r);
        k.table.school_figures.push_back(std::move(grid));
    }
    return k;
}

// ---------------------------------------------------------------------------
// The expected source figures of every published position, worked out here
// from the generated table alone.

struct Src {
    bool present = false;
    long long n = 0;
    long long d = 0;
};

struct Expected {
    bool count = true;
    bool totals = false;
    std::size_t G = 0, M = 0, R = 0, C = 0;
    std::vector<std::vector<Src>> units;  // schools, then the trust (when trust_total)
    bool trust = false;
    std::vector<std::string> rows, columns;
};

Expected expected_of(const Case& k) {
    const TableSpec& spec = k.table.spec;
    Expected e;
    e.count = spec.kind == TableKind::count;
    e.totals = e.count && spec.totals;
    e.G = spec.groups.size();
    e.M = spec.measures.size();
    e.R = e.G + (e.totals ? 1 : 0);
    e.C = e.M + (e.totals ? 1 : 0);
    e.rows = spec.groups;
    e.columns = spec.measures;
    if (e.totals) {
        e.rows.push_back("Total");
        e.columns.push_back("Total");
    }
    e.trust = spec.trust_total;
    auto add = [](Src& to, const Src& from) {
        if (!from.present) return;
        to.present = true;
        to.n += from.n;
        to.d += from.d;
    };
    for (const auto& fg : k.table.school_figures) {
        std::vector<Src> u(e.R * e.C);
        for (std::size_t g = 0; g < e.G; ++g)
            for (std::size_t m = 0; m < e.M; ++m)
                if (const auto& f = fg.cells[g * e.M + m]) u[g * e.C + m] = Src{true, f->n, f->d};
        e.units.push_back(std::move(u));
    }
    if (e.trust) {
        std::vector<Src> t(e.R * e.C);
        for (const auto& u : e.units)
            for (std::size_t g = 0; g < e.G; ++g)
                for (std::size_t m = 0; m < e.M; ++m) add(t[g * e.C + m], u[g * e.C + m]);
        e.units.push_back(std::move(t));
    }
    if (e.totals)
        for (auto& u : e.units)
            for (std::size_t g = 0; g < e.G; ++g)
                for (std::size_t m = 0; m < e.M; ++m) {
                    const Src cell = u[g * e.C + m];
                    add(u[g * e.C + e.M], cell);
                    add(u[e.G * e.C + m], cell);
                    add(u[e.G * e.C + e.M], cell);
                }
    return e;
}

// ---------------------------------------------------------------------------
// Independent formatting (what a reader of the output should see).

long long tenths_of(long long n, long long d) {  // 1000 n / d rounded half up
    const long long q = 1000 * n / d, rem = 1000 * n % d;
    return 2 * rem >= d ? q + 1 : q;
}

std::string tenths_text(long long t) { return std::to_string(t / 10) + "." + std::to_string(t % 10); }

std::string escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

// A data-* attribute anywhere (after any whitespace), or an HTML comment.
bool has_data_attribute(const std::string& s) {
    for (auto p = s.find("data-"); p != std::string::npos; p = s.find("data-", p + 1))
        if (p > 0 && (s[p - 1] == ' ' || s[p - 1] == '\n' || s[p - 1] == '\t' || s[p - 1] == '\r')) return true;
    return false;
}

bool is_integer(const std::string& s) {
    if (s.empty()) return false;
    for (std::size_t i = 0; i < s.size(); ++i)
        if (!(s[i] >= '0' && s[i] <= '9') && !(i == 0 && s[i] == '-' && s.size() > 1)) return false;
    return true;
}

// RFC 4180 records.
std::vector<std::vector<std::string>> parse_csv(const std::string& text, std::string& error) {
    std::vector<std::vector<std::string>> out;
    std::vector<std::string> record;
    std::string field;
    bool quoted = false, after_quote = false, in_field = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                    after_quote = true;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == ',') {
            record.push_back(field);
            field.clear();
            after_quote = false;
            in_field = true;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            record.push_back(field);
            out.push_back(record);
            record.clear();
            field.clear();
            after_quote = false;
            in_field = false;
        } else if (c == '"' && field.empty() && !after_quote) {
            quoted = true;
            in_field = true;
        } else {
            if (after_quote) error = "text after a closing quote";
            field += c;
            in_field = true;
        }
    }
    if (quoted) error = "unterminated quote";
    if (in_field || !field.empty() || !record.empty()) {
        record.push_back(field);
        out.push_back(record);
    }
    return out;
}

std::string between(const std::string& s, std::size_t from, const std::string& open, const std::string& close,
                    std::size_t& next) {
    const auto a = s.find(open, from);
    if (a == std::string::npos) {
        next = std::string::npos;
        return "";
    }
    const auto b = s.find(close, a + open.size());
    if (b == std::string::npos) {
        next = std::string::npos;
        return "";
    }
    next = b + close.size();
    return s.substr(a + open.size(), b - a - open.size());
}

// The content of each element of `tag` (attributes skipped) inside `s`.
std::vector<std::string> contents(const std::string& s, const std::string& tag) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    const std::string open = "<" + tag, close = "</" + tag + ">";
    while (true) {
        auto a = s.find(open, pos);
        if (a == std::string::npos) break;
        const char after = a + open.size() < s.size() ? s[a + open.size()] : '\0';
        if (after != '>' && after != ' ') {
            pos = a + 1;
            continue;
        }
        const auto gt = s.find('>', a);
        const auto b = s.find(close, gt);
        if (gt == std::string::npos || b == std::string::npos) break;
        out.push_back(s.substr(gt + 1, b - gt - 1));
        pos = b + close.size();
    }
    return out;
}

// One element of the chart, in document order.
struct SvgItem {
    enum Kind { heading, label, value, bar } kind;
    std::string text;   // text content (texts)
    long long width = -1;  // bars
};

// The chart's headings, labels, bars and figures (bar-chart.mustache);
// any element the chart should not hold is an error.
std::vector<SvgItem> parse_svg(const std::string& chart, std::string& error) {
    std::vector<SvgItem> out;
    std::size_t pos = chart.find("<figure class=\"chart\">");
    if (pos == std::string::npos) {
        error = "no chart";
        return out;
    }
    static const std::vector<std::string> allowed = {"<figure", "<div", "<p", "<span", "<svg", "<rect", "<figcaption"};
    while (pos != std::string::npos) {
        const auto lt = chart.find('<', pos);
        if (lt == std::string::npos) break;
        const auto gt = chart.find('>', lt);
        if (gt == std::string::npos) {
            error = "unclosed tag";
            break;
        }
        const std::string tag = chart.substr(lt, gt - lt + 1);
        pos = gt + 1;
        auto text_until = [&](const char* close) {
            const auto end = chart.find(close, gt);
            if (end == std::string::npos) {
                error = std::string("unclosed ") + close;
                return std::string();
            }
            pos = end;
            return chart.substr(gt + 1, end - gt - 1);
        };
        if (tag == "<p class=\"chart-heading\">") out.push_back({SvgItem::heading, text_until("</p>")});
        else if (tag == "<span class=\"chart-label\">") out.push_back({SvgItem::label, text_until("</span>")});
        else if (tag == "<span class=\"chart-value\">") out.push_back({SvgItem::value, text_until("</span>")});
        else if (tag.rfind("<rect", 0) == 0) {
            SvgItem it{SvgItem::bar, ""};
            const auto w = tag.find(" width=\"");
            if (w != std::string::npos) it.width = std::strtoll(tag.c_str() + w + 8, nullptr, 10);
            out.push_back(it);
        } else if (tag == "</figure>") {
            break;
        } else if (tag.rfind("</", 0) != 0 &&
                   std::none_of(allowed.begin(), allowed.end(), [&](const std::string& a) {
                       return tag.rfind(a, 0) == 0 && (tag[a.size()] == ' ' || tag[a.size()] == '>');
                   })) {
            error = "unexpected element in the chart: " + tag;
        }
    }
    return out;
}

// ---------------------------------------------------------------------------
// The checker.

struct Stats {
    long long cases = 0, cells = 0, shown = 0, suppressed = 0, primary = 0, secondary = 0, lines = 0;
    long long relations = 0, recoverable_cells = 0, recoverable_cases = 0;  // check (e)
};

class Checker {
public:
    Checker(const Case& k, const PublishedTable& pub, Stats& stats)
        : k_(k), spec_(k.table.spec), pub_(pub), e_(expected_of(k)), stats_(stats), N_(spec_.threshold) {}

    std::vector<std::string> run() {
        if (!structure()) return failures_;
        cells();
        lines();
        recoverable();
        for (std::size_t u = 0; u < e_.units.size(); ++u) html(u);
        csv();
        json();
        return failures_;
    }

private:
    const Case& k_;
    const TableSpec& spec_;
    const PublishedTable& pub_;
    Expected e_;
    Stats& stats_;
    long long N_;
    std::vector<std::string> failures_;
    std::vector<std::string> slugs_{"school-0", "school-1", "school-2", "school-3",
                                    "school-4", "school-5", "school-6", "school-7"};

    void fail(const std::string& m) {
        if (failures_.size() < 40) failures_.push_back(m);
        else if (failures_.size() == 40) failures_.push_back("(more failures left out)");
    }

    bool is_trust(std::size_t u) const { return e_.trust && u + 1 == e_.units.size(); }
    std::string unit_name(std::size_t u) const { return is_trust(u) ? "trust" : slugs_[u]; }
    std::string where(std::size_t u, std::size_t r, std::size_t c) const {
        return unit_name(u) + " [" + e_.rows[r] + " / " + e_.columns[c] + "]";
    }
    const PublishedGrid& grid(std::size_t u) const { return is_trust(u) ? *pub_.trust : pub_.schools[u]; }
    const PublishedCell& cell(std::size_t u, std::size_t r, std::size_t c) const {
        return grid(u).cells[r * e_.C + c];
    }
    const Src& src(std::size_t u, std::size_t r, std::size_t c) const { return e_.units[u][r * e_.C + c]; }

    bool primary(const Src& s) const {
        if (!s.present) return false;
        const bool small_count = s.n >= 1 && s.n < N_;
        if (e_.count) return small_count;
        const bool small_complement = s.d - s.n >= 1 && s.d - s.n < N_;  // 9/11: 2 people not counted
        return (s.d >= 1 && s.d <= N_) || small_count || small_complement;
    }

    // What a reader should see for a shown figure.
    std::string shown_text(const Src& s) const {
        if (e_.count) return std::to_string(s.n);
        return tenths_text(tenths_of(s.n, s.d)) + "%";
    }
    std::string symbol_of(const PublishedCell& c) const {
        switch (c.symbol()) {
            case Symbol::suppressed: return "c";
            case Symbol::not_available: return "x";
            case Symbol::not_applicable: return "z";
            case Symbol::shown: break;
        }
        return "?";
    }

    bool structure() {
        bool ok = true;
        auto need = [&](bool cond, const std::string& m) {
            if (!cond) {
                fail(m);
                ok = false;
            }
        };
        need(pub_.rows == e_.rows, "published rows differ from the groups (+ Total)");
        need(pub_.columns == e_.columns, "published columns differ from the measures (+ Total)");
        need(pub_.schools.size() == k_.table.schools.size(), "published school grids: wrong number");
        need(pub_.trust.has_value() == e_.trust, "trust grid published iff trust_total");
        if (!ok) return false;
        for (std::size_t u = 0; u < e_.units.size(); ++u) {
            need(grid(u).cells.size() == e_.R * e_.C, unit_name(u) + ": grid has the wrong number of cells");
            if (!is_trust(u)) need(grid(u).school == std::optional<std::size_t>(u), unit_name(u) + ": wrong school index");
            else need(!grid(u).school.has_value(), "trust grid has a school index");
        }
        return ok;
    }

    // Figures as PublishedCell: rule 1 and fidelity of every shown figure.
    void cells() {
        for (std::size_t u = 0; u < e_.units.size(); ++u)
            for (std::size_t r = 0; r < e_.R; ++r)
                for (std::size_t c = 0; c < e_.C; ++c) {
                    const Src& s = src(u, r, c);
                    const PublishedCell& p = cell(u, r, c);
                    const std::string at = where(u, r, c);
                    ++stats_.cells;
                    if (!s.present) {
                        if (p.symbol() != Symbol::not_available)
                            fail(at + ": no source figure, so it must be 'x', got '" + symbol_of(p) + "'");
                        continue;
                    }
                    if (p.symbol() == Symbol::not_available) fail(at + ": has a source figure but is published as 'x'");
                    if (p.symbol() == Symbol::not_applicable && (e_.count || s.d != 0))
                        fail(at + ": 'z' for a figure that exists");
                    if (!e_.count && s.d == 0 && p.shown()) fail(at + ": a rate on 0 people is shown");
                    if (primary(s)) {
                        ++stats_.primary;
                        if (p.symbol() != Symbol::suppressed)
                            fail(at + ": rule 1 - source " + describe(s) + " must be 'c', got " + published(p));
                    }
                    if (p.symbol() == Symbol::suppressed) {
                        ++stats_.suppressed;
                        if (!primary(s)) ++stats_.secondary;
                    }
                    if (!p.shown()) continue;
                    ++stats_.shown;
                    // Rule 1 on the published figure itself.
                    if (p.n() >= 1 && p.n() < N_) fail(at + ": published count/numerator " + std::to_string(p.n()) + " < N");
                    if (!e_.count && p.d() <= N_)
                        fail(at + ": published rate on a denominator of " + std::to_string(p.d()) + " <= N");
                    if (!e_.count && p.d() - p.n() >= 1 && p.d() - p.n() < N_)
                        fail(at + ": published rate " + published(p) + " shows that from 1 to N-1 are not counted");
                    // Fidelity: the published figure is the source (or the sum of the sources).
                    if (p.n() != s.n || (!e_.count && p.d() != s.d))
                        fail(at + ": published " + published(p) + " but the source is " + describe(s));
                }
    }

    std::string describe(const Src& s) const {
        if (!s.present) return "(none)";
        return e_.count ? std::to_string(s.n) : std::to_string(s.n) + "/" + std::to_string(s.d);
    }
    std::string published(const PublishedCell& p) const {
        if (!p.shown()) return "'" + symbol_of(p) + "'";
        return e_.count ? std::to_string(p.n()) : std::to_string(p.n()) + "/" + std::to_string(p.d());
    }

    // Rules 2 and 3: no line of a published total has exactly one suppressed cell.
    void lines() {
        struct Line {
            std::vector<std::pair<std::size_t, std::pair<std::size_t, std::size_t>>> members;  // unit, (row, col)
            std::string name;
        };
        std::vector<Line> all;
        const std::size_t school_units = k_.table.schools.size();
        for (std::size_t u = 0; u < e_.units.size(); ++u) {
            if (e_.totals) {
                for (std::size_t r = 0; r < e_.R; ++r) {
                    Line l{{}, unit_name(u) + ": row '" + e_.rows[r] + "' with its Total"};
                    for (std::size_t c = 0; c < e_.C; ++c) l.members.push_back({u, {r, c}});
                    all.push_back(l);
                }
                for (std::size_t c = 0; c < e_.C; ++c) {
                    Line l{{}, unit_name(u) + ": column '" + e_.columns[c] + "' with its Total"};
                    for (std::size_t r = 0; r < e_.R; ++r) l.members.push_back({u, {r, c}});
                    all.push_back(l);
                }
            }
            if (k_.all_row)
                for (std::size_t c = 0; c < e_.C; ++c) {
                    Line l{{}, unit_name(u) + ": column '" + e_.columns[c] + "' groups with the '" +
                                   e_.rows[*k_.all_row] + "' row"};
                    for (std::size_t r = 0; r < e_.G; ++r) l.members.push_back({u, {r, c}});
                    all.push_back(l);
                    for (const auto& [x, not_x] : k_.pairs)
                        all.push_back(Line{{{u, {*k_.all_row, c}}, {u, {x, c}}, {u, {not_x, c}}},
                                           unit_name(u) + ": column '" + e_.columns[c] + "' '" + e_.rows[x] + "' + '" +
                                               e_.rows[not_x] + "' = '" + e_.rows[*k_.all_row] + "'"});
                }
        }
        if (e_.trust) {
            const std::size_t t = e_.units.size() - 1;
            for (std::size_t r = 0; r < e_.R; ++r)
                for (std::size_t c = 0; c < e_.C; ++c) {
                    Line l{{{t, {r, c}}}, "trust [" + e_.rows[r] + " / " + e_.columns[c] + "] = sum of the schools"};
                    for (std::size_t s = 0; s < school_units; ++s) l.members.push_back({s, {r, c}});
                    all.push_back(l);
                }
        }
        std::vector<bool> on_line(e_.units.size() * e_.R * e_.C, false);
        for (const auto& l : all) {
            std::vector<std::string> hidden;
            std::size_t present = 0;
            for (const auto& [u, rc] : l.members) {
                if (!src(u, rc.first, rc.second).present) continue;
                ++present;
                if (cell(u, rc.first, rc.second).symbol() == Symbol::suppressed)
                    hidden.push_back(where(u, rc.first, rc.second));
            }
            if (present < 2) continue;
            ++stats_.lines;
            for (const auto& [u, rc] : l.members)
                if (src(u, rc.first, rc.second).present) on_line[(u * e_.R + rc.first) * e_.C + rc.second] = true;
            if (hidden.size() == 1)
                fail("rule 2/3 - exactly one suppressed cell (" + hidden[0] + ") in the line " + l.name +
                     ": it can be recovered by subtraction");
        }
        // Not over-eager either: a suppressed cell is primary, lies on a line,
        // or shares its row or column with another hidden cell (eqsite also
        // protects sums it finds in the figures: groups that add up to All,
        // one cohort's denominator across measures, groups with the same
        // figures).
        auto hidden_at = [&](std::size_t u, std::size_t r, std::size_t c) {
            return cell(u, r, c).symbol() == Symbol::suppressed;
        };
        for (std::size_t u = 0; u < e_.units.size(); ++u)
            for (std::size_t r = 0; r < e_.R; ++r)
                for (std::size_t c = 0; c < e_.C; ++c) {
                    if (!hidden_at(u, r, c) || primary(src(u, r, c)) || on_line[(u * e_.R + r) * e_.C + c]) continue;
                    bool neighbour = false;
                    for (std::size_t o = 0; o < e_.C; ++o) neighbour = neighbour || (o != c && hidden_at(u, r, o));
                    for (std::size_t o = 0; o < e_.R; ++o) neighbour = neighbour || (o != r && hidden_at(u, o, c));
                    if (!neighbour)
                        fail(where(u, r, c) + ": suppressed (source " + describe(src(u, r, c)) +
                             ") though it is neither small, nor on any line of a total, nor beside a hidden cell");
                }
    }

    // (e) Rules 2 and 3 exactly: no hidden figure is determined by the
    // published figures and the sums that hold in the source (Total row and
    // column, trust = schools, All = X + Not X). For a rate the numerator and
    // the denominator obey the same sums, so both are given away together.
    void recoverable() {
        namespace rc = eqsite::test::recoverability;
        rc::Grid g;
        g.units = e_.units.size();
        g.rows = e_.R;
        g.columns = e_.C;
        g.has_trust = e_.trust;
        if (e_.totals) {
            g.total_row = e_.G;
            g.total_column = e_.M;
        }
        g.all_row = k_.all_row;
        g.pairs = k_.pairs;
        g.truth.resize(g.cells());
        g.hidden.resize(g.cells());
        for (std::size_t u = 0; u < e_.units.size(); ++u)
            for (std::size_t r = 0; r < e_.R; ++r)
                for (std::size_t c = 0; c < e_.C; ++c) {
                    const Src& s = src(u, r, c);
                    g.truth[g.index(u, r, c)] = rc::Figure{s.present, s.n, e_.count ? 0 : s.d};
                    g.hidden[g.index(u, r, c)] = s.present && cell(u, r, c).symbol() == Symbol::suppressed;
                }
        const auto rels = rc::relations(g);
        stats_.relations += static_cast<long long>(rels.size());
        auto given_away = rc::determined(g.hidden, rels);
        // A hidden true zero that can be worked out reveals no one: zeros
        // may be published anyway ("0 is shown only for a true zero").
        given_away.erase(std::remove_if(given_away.begin(), given_away.end(),
                                        [&](std::size_t i) { return g.truth[i].n == 0 && g.truth[i].d == 0; }),
                         given_away.end());
        if (given_away.empty()) return;
        ++stats_.recoverable_cases;
        stats_.recoverable_cells += static_cast<long long>(given_away.size());
        for (std::size_t i : given_away) {
            const std::size_t u = i / (e_.R * e_.C), r = i / e_.C % e_.R, c = i % e_.C;
            fail("(e) rule 2/3 - the suppressed figure " + where(u, r, c) + " (source " + describe(src(u, r, c)) +
                 ") can be worked out from the published figures by combining the sums");
        }
    }

    // Rule 4/5 in the HTML table and the chart.
    void html(std::size_t u) {
        const std::string place = is_trust(u) ? "the trust" : "School " + std::to_string(u);
        const std::string id = "t-" + unit_name(u);
        const std::string h = table_html(pub_, grid(u), place, id);
        const std::string who = unit_name(u) + " HTML: ";
        if (h.find("<!--") != std::string::npos) fail(who + "contains an HTML comment");
        if (has_data_attribute(h)) fail(who + "contains a data- attribute");
        std::size_t next = 0;
        const std::string head = between(h, 0, "<thead>", "</thead>", next);
        const std::string body = between(h, 0, "<tbody>", "</tbody>", next);
        if (body.empty()) {
            fail(who + "no <tbody>");
            return;
        }
        const auto heads = contents(head, "th");
        if (heads.size() != e_.C + 1) fail(who + "wrong number of column headings");
        else
            for (std::size_t c = 0; c < e_.C; ++c)
                if (heads[c + 1] != escape(e_.columns[c])) fail(who + "column heading " + heads[c + 1]);
        const auto trs = contents(body, "tr");
        if (trs.size() != e_.R) {
            fail(who + "wrong number of rows");
            return;
        }
        bool any_c = false, any_x = false, any_z = false;
        for (std::size_t r = 0; r < e_.R; ++r) {
            const auto ths = contents(trs[r], "th");
            const auto tds = contents(trs[r], "td");
            if (ths.size() != 1 || ths[0] != escape(e_.rows[r])) fail(who + "row label of row " + std::to_string(r));
            if (tds.size() != e_.C) {
                fail(who + "wrong number of cells in row '" + e_.rows[r] + "'");
                continue;
            }
            for (std::size_t c = 0; c < e_.C; ++c) {
                const PublishedCell& p = cell(u, r, c);
                const Src& s = src(u, r, c);
                const std::string want = p.shown() ? escape(shown_text(s)) : symbol_of(p);
                any_c = any_c || want == "c";
                any_x = any_x || want == "x";
                any_z = any_z || want == "z";
                if (tds[c] != want)
                    fail(who + where(u, r, c) + " shows '" + tds[c] + "', expected '" + want + "' (" +
                         (p.shown() ? "shown" : "symbol") + ")");
                if (p.symbol() == Symbol::suppressed && tds[c] != "c")
                    fail(who + where(u, r, c) + " is suppressed but its HTML cell is not exactly 'c'");
            }
        }
        // Rule 5: a legend in words for each symbol used.
        // Count tables: "fewer than N"; rate tables: "rests on N or fewer".
        const std::string threshold_words = spec_.kind == TableKind::rate
                                                ? "rests on " + std::to_string(N_) + " or fewer"
                                                : "fewer than " + std::to_string(N_);
        if (any_c && (h.find("<strong>c</strong>") == std::string::npos ||
                      h.find(threshold_words) == std::string::npos))
            fail(who + "uses 'c' without its legend (" + threshold_words + ")");
        if (any_x && h.find("<strong>x</strong>") == std::string::npos) fail(who + "uses 'x' without its legend");
        if (any_z && h.find("<strong>z</strong>") == std::string::npos) fail(who + "uses 'z' without its legend");

        const std::string svg = chart_svg(pub_, grid(u));
        if (e_.count) {
            if (!svg.empty() || h.find("<svg") != std::string::npos) fail(who + "a chart for a count table");
            return;
        }
        if (h.find(svg) == std::string::npos) fail(who + "the chart beside the table is not chart_svg()");
        chart(u, svg);
    }

    void chart(std::size_t u, const std::string& svg) {
        const std::string who = unit_name(u) + " chart: ";
        if (svg.find("<!--") != std::string::npos) fail(who + "contains a comment");
        if (has_data_attribute(svg)) fail(who + "contains a data- attribute");
        std::string error;
        const auto items = parse_svg(svg, error);
        if (!error.empty()) fail(who + error);
        std::size_t i = 0;
        auto next = [&]() -> const SvgItem* { return i < items.size() ? &items[i++] : nullptr; };
        for (std::size_t c = 0; c < e_.C; ++c) {
            const SvgItem* hd = next();
            if (!hd || hd->kind != SvgItem::heading || hd->text != escape(e_.columns[c])) {
                fail(who + "expected the heading of '" + e_.columns[c] + "'");
                return;
            }
            for (std::size_t r = 0; r < e_.R; ++r) {
                const std::string at = who + where(u, r, c);
                const PublishedCell& p = cell(u, r, c);
                const Src& s = src(u, r, c);
                const SvgItem* label = next();
                if (!label || label->kind != SvgItem::label || label->text != escape(e_.rows[r])) {
                    fail(at + ": expected the row label");
                    return;
                }
                const bool has_bar = i < items.size() && items[i].kind == SvgItem::bar;
                if (has_bar) {
                    const SvgItem* bar = next();
                    const SvgItem* val = next();
                    if (!p.shown()) fail(at + ": a <rect> bar for a cell published as '" + symbol_of(p) + "'");
                    else if (bar->width != tenths_of(s.n, s.d))
                        fail(at + ": bar width " + std::to_string(bar->width) + " does not match the figure");
                    if (!val || val->kind != SvgItem::value) {
                        fail(at + ": bar without its figure");
                        return;
                    }
                    if (p.shown() && val->text != escape(shown_text(s)))
                        fail(at + ": chart figure '" + val->text + "', expected '" + shown_text(s) + "'");
                } else {
                    const SvgItem* sym = next();
                    if (!sym || sym->kind != SvgItem::value) {
                        fail(at + ": expected a figure or symbol");
                        return;
                    }
                    if (p.shown()) fail(at + ": shown figure without its bar");
                    else if (sym->text != symbol_of(p))
                        fail(at + ": chart shows '" + sym->text + "' for a cell published as '" + symbol_of(p) + "'");
                }
            }
        }
        if (i != items.size()) fail(who + "extra elements after the last row");
    }

    // The strings under which a suppressed source figure could leak.
    std::vector<std::string> secrets(const Src& s) const {
        if (e_.count) return {std::to_string(s.n)};
        std::vector<std::string> out{std::to_string(s.n), std::to_string(s.d)};
        if (s.d > 0) out.push_back(tenths_text(tenths_of(s.n, s.d)));
        return out;
    }

    std::vector<std::string> figure_names() const {
        return e_.count ? std::vector<std::string>{"count"} : std::vector<std::string>{"numerator", "denominator"};
    }

    // Rule 1 and rule 4 in the figure and published fields of one row (CSV or JSON).
    void row_figures(const std::string& who, std::size_t u, std::size_t r, std::size_t c,
                     const std::vector<std::string>& figures, const std::string& published) {
        const PublishedCell& p = cell(u, r, c);
        const Src& s = src(u, r, c);
        const auto names = figure_names();
        for (std::size_t i = 0; i < figures.size(); ++i)
            if (is_integer(figures[i])) {
                const long long v = std::strtoll(figures[i].c_str(), nullptr, 10);
                if (v != 0 && v < N_) fail(who + ": " + names[i] + " " + figures[i] + " is from 1 to N-1");
                if (names[i] == "denominator" && v <= N_) fail(who + ": a rate on a denominator of " + figures[i] + " <= N");
            }
        if (p.shown()) {
            std::vector<std::string> want{std::to_string(s.n)};
            if (!e_.count) want.push_back(std::to_string(s.d));
            if (figures != want) fail(who + ": figures differ from the source " + describe(s));
            const std::string want_pub = e_.count ? std::to_string(s.n) : tenths_text(tenths_of(s.n, s.d));
            if (published != want_pub) fail(who + ": published '" + published + "', expected '" + want_pub + "'");
            return;
        }
        const std::string sym = symbol_of(p);
        // A hidden rate may keep its denominator when the same group size
        // is shown in another measure of the same row (one cohort).
        const bool known_d = !e_.count && p.symbol() == Symbol::suppressed && figures.size() == 2 &&
                             figures[1] == std::to_string(s.d);
        if (known_d) {
            bool shown_elsewhere = false;
            for (std::size_t o = 0; o < e_.C; ++o)
                shown_elsewhere = shown_elsewhere || (cell(u, r, o).shown() && cell(u, r, o).d() == s.d);
            if (!shown_elsewhere)
                fail(who + ": the denominator " + figures[1] + " of a hidden rate is published, but no shown cell "
                     "of its row has that denominator");
        }
        for (std::size_t i = 0; i < figures.size(); ++i)
            if (figures[i] != sym && !(known_d && i == 1))
                fail(who + ": figure field '" + figures[i] + "' for a cell published as '" + sym + "'");
        if (published != sym) fail(who + ": published field '" + published + "' for a cell published as '" + sym + "'");
        if (p.symbol() != Symbol::suppressed) return;
        std::string all;
        for (std::size_t i = 0; i < figures.size(); ++i)
            if (!(known_d && i == 1)) all += figures[i] + "|";
        all += published;
        for (const auto& secret : secrets(s))
            if (all.find(secret) != std::string::npos)
                fail(who + ": the suppressed source figure " + secret + " occurs in the row: " + all);
    }

    void csv() {
        const std::string text = table_csv(pub_, slugs_);
        std::string error;
        const auto recs = parse_csv(text, error);
        if (!error.empty()) fail("CSV: " + error);
        const std::size_t width = 3 + (e_.count ? 1 : 2) + 1;
        std::vector<std::string> header{"school", "group", "measure"};
        for (const auto& n : figure_names()) header.push_back(n);
        header.push_back("published");
        if (recs.empty() || recs[0] != header) {
            fail("CSV: wrong header");
            return;
        }
        if (recs.size() != 1 + e_.units.size() * e_.R * e_.C) {
            fail("CSV: " + std::to_string(recs.size() - 1) + " rows, expected " +
                 std::to_string(e_.units.size() * e_.R * e_.C));
            return;
        }
        // (a) over every row, whatever its position.
        std::size_t i = 1;
        for (std::size_t u = 0; u < e_.units.size(); ++u)
            for (std::size_t r = 0; r < e_.R; ++r)
                for (std::size_t c = 0; c < e_.C; ++c, ++i) {
                    const auto& rec = recs[i];
                    const std::string who = "CSV line " + std::to_string(i + 1) + " " + where(u, r, c);
                    if (rec.size() != width) {
                        fail(who + ": wrong number of fields");
                        continue;
                    }
                    if (rec[0] != unit_name(u) || rec[1] != e_.rows[r] || rec[2] != e_.columns[c]) {
                        fail(who + ": row is " + rec[0] + "/" + rec[1] + "/" + rec[2]);
                        continue;
                    }
                    row_figures(who, u, r, c, std::vector<std::string>(rec.begin() + 3, rec.end() - 1), rec.back());
                }
    }

    void json() {
        nlohmann::json doc;
        try {
            doc = nlohmann::json::parse(table_json(pub_, slugs_));
        } catch (const std::exception& ex) {
            fail(std::string("JSON: does not parse: ") + ex.what());
            return;
        }
        if (doc.value("threshold", -1) != N_) fail("JSON: threshold is not N");
        const auto& rows = doc["rows"];
        if (!rows.is_array() || rows.size() != e_.units.size() * e_.R * e_.C) {
            fail("JSON: wrong number of rows");
            return;
        }
        const auto names = figure_names();
        std::size_t i = 0;
        for (std::size_t u = 0; u < e_.units.size(); ++u)
            for (std::size_t r = 0; r < e_.R; ++r)
                for (std::size_t c = 0; c < e_.C; ++c, ++i) {
                    const auto& row = rows[i];
                    const std::string who = "JSON row " + std::to_string(i) + " " + where(u, r, c);
                    if (!row.is_object() || row.size() != 3 + names.size() + 1) {
                        fail(who + ": wrong keys: " + row.dump());
                        continue;
                    }
                    if (row.value("school", "") != unit_name(u) || row.value("group", "") != e_.rows[r] ||
                        row.value("measure", "") != e_.columns[c]) {
                        fail(who + ": row is " + row.dump());
                        continue;
                    }
                    std::vector<std::string> figures;
                    bool ok = true;
                    for (const auto& n : names) {
                        if (!row.contains(n)) {
                            ok = false;
                            break;
                        }
                        const auto& v = row[n];
                        if (v.is_number_integer()) figures.push_back(std::to_string(v.get<long long>()));
                        else if (v.is_string()) figures.push_back(v.get<std::string>());
                        else figures.push_back(v.dump());
                        if (cell(u, r, c).shown() && !v.is_number_integer()) fail(who + ": shown " + n + " is not a number");
                    }
                    if (!ok || !row.contains("published") || !row["published"].is_string()) {
                        fail(who + ": missing keys: " + row.dump());
                        continue;
                    }
                    row_figures(who, u, r, c, figures, row["published"].get<std::string>());
                }
    }
};

// ---------------------------------------------------------------------------
// A readable dump of the generated table (and what was published), to replay.

std::string dump(const Case& k, const PublishedTable* pub) {
    const TableSpec& s = k.table.spec;
    std::ostringstream o;
    o << "kind: " << (s.kind == TableKind::count ? "count" : "rate") << ", totals: " << s.totals
      << ", trust_total: " << s.trust_total << ", N: " << s.threshold
      << ", about: " << (s.about == TableAbout::staff ? "staff" : "pupils") << ", All row mode: "
      << (k.all_row ? (k.all_mode == 0 ? "independent" : k.all_mode == 1 ? "sum of the others" : "sum of the pair")
                    : "none")
      << "\n";
    o << "groups:";
    for (const auto& g : s.groups) o << " [" << g << "]";
    o << "\nmeasures:";
    for (const auto& m : s.measures) o << " [" << m << "]";
    o << "\n";
    const std::size_t M = s.measures.size();
    for (std::size_t i = 0; i < k.table.schools.size(); ++i) {
        o << "school-" << k.table.schools[i] << " source:\n";
        for (std::size_t g = 0; g < s.groups.size(); ++g) {
            o << "  " << s.groups[g] << ":";
            for (std::size_t m = 0; m < M; ++m) {
                const auto& f = k.table.school_figures[i].cells[g * M + m];
                o << "  ";
                if (!f) o << "-";
                else if (s.kind == TableKind::count) o << f->n;
                else o << f->n << "/" << f->d;
            }
            o << "\n";
        }
    }
    if (pub) {
        auto grid = [&](const PublishedGrid& g, const std::string& name) {
            o << name << " published:\n";
            for (std::size_t r = 0; r < pub->rows.size(); ++r) {
                o << "  " << pub->rows[r] << ":";
                for (std::size_t c = 0; c < pub->columns.size(); ++c) {
                    const auto& p = pub->cell(g, r, c);
                    o << "  ";
                    if (!p.shown()) o << symbol_char(p.symbol());
                    else if (s.kind == TableKind::count) o << p.n();
                    else o << p.n() << "/" << p.d();
                }
                o << "\n";
            }
        };
        for (const auto& g : pub->schools) grid(g, "school-" + std::to_string(g.school.value_or(99)));
        if (pub->trust) grid(*pub->trust, "trust");
    }
    return o.str();
}

}  // namespace

TEST_CASE("property: suppression holds in every published form of random data tables") {
    const std::uint64_t seed = static_cast<std::uint64_t>(env_number("EQSITE_PROPERTY_SEED").value_or(default_seed));
    const long long cases = env_number("EQSITE_PROPERTY_CASES").value_or(default_cases);
    const auto only = env_number("EQSITE_PROPERTY_CASE");
    INFO("EQSITE_PROPERTY_SEED=" << seed);

    Stats stats;
    long long failing = 0;
    long long first_failing = -1;
    const long long from = only ? *only : 0, to = only ? *only + 1 : cases;
    for (long long n = from; n < to; ++n) {
        Rng rng(case_seed(seed, n));
        const Case k = generate(rng);
        std::vector<std::string> failures;
        std::optional<PublishedTable> pub;
        try {
            pub = publish(k.table);
            failures = Checker(k, *pub, stats).run();
        } catch (const std::exception& ex) {
            failures.push_back(std::string("exception: ") + ex.what());
        }
        ++stats.cases;
        if (failures.empty()) continue;
        if (failing++ == 0) first_failing = n;
        if (failing > 3) continue;  // report the first few in full
        std::ostringstream msg;
        msg << "Replay: EQSITE_PROPERTY_SEED=" << seed << " EQSITE_PROPERTY_CASE=" << n << "\n";
        for (const auto& f : failures) msg << "  - " << f << "\n";
        msg << dump(k, pub ? &*pub : nullptr);
        FAIL_CHECK(msg.str());
    }

    std::ostringstream summary;
    summary << "cases " << stats.cases << ", failing " << failing << " (first: case " << first_failing << "); cells "
            << stats.cells << ", shown " << stats.shown << ", suppressed " << stats.suppressed << " (primary "
            << stats.primary << ", secondary " << stats.secondary << "), lines checked " << stats.lines
            << "; (e) sums used " << stats.relations << ", suppressed figures that can be worked out "
            << stats.recoverable_cells << " in " << stats.recoverable_cases << " cases";
    INFO(summary.str());
    CHECK(failing == 0);
    CHECK(stats.recoverable_cases == 0);  // (e), also counted in `failing`
    if (!only) {
        // The generator must exercise what it is meant to: many figures shown,
        // and secondary suppression actually happening.
        CHECK(stats.shown * 4 > stats.cells);
        CHECK(stats.secondary > stats.cases / 10);
    }
    if (std::getenv("EQSITE_PROPERTY_VERBOSE")) WARN(summary.str());
}

// Check (e) itself must see a combination of sums, and must use only sums
// that hold, or a pass above would mean nothing.
TEST_CASE("property: check (e) finds a figure given away only by combining sums, and uses only true sums") {
    namespace rc = eqsite::test::recoverability;
    auto grid = [](std::size_t units, std::size_t rows, std::size_t columns, const std::vector<long long>& figures,
                   const std::string& hidden) {
        rc::Grid g;
        g.units = units;
        g.rows = rows;
        g.columns = columns;
        for (long long f : figures) g.truth.push_back(rc::Figure{true, f, 0});
        for (char h : hidden) g.hidden.push_back(h == 'c');
        REQUIRE(g.truth.size() == g.cells());
        REQUIRE(g.hidden.size() == g.cells());
        return g;
    };
    SECTION("no line with a single hidden cell, yet G1/M2 = (64 - 58) - (38 - 34)") {
        // disclosure_test's table: rows G0 G1 G2 Total, columns M0 M1 M2 Total.
        rc::Grid g = grid(1, 4, 4,
                          {0, 3, 0, 3,     //
                           0, 21, 2, 23,   //
                           3, 34, 1, 38,   //
                           3, 58, 3, 64},  //
                          ".c.c"
                          ".ccc"
                          "c.c."
                          "c.c.");
        g.total_row = 3;
        g.total_column = 3;
        const auto d = rc::determined(g);
        CHECK(std::find(d.begin(), d.end(), g.index(0, 1, 2)) != d.end());
    }
    SECTION("four hidden cells inside shown totals give nothing away") {
        rc::Grid g = grid(1, 3, 3, {6, 7, 13, 8, 9, 17, 14, 16, 30}, "cc.cc....");
        g.total_row = 2;
        g.total_column = 2;
        CHECK(rc::determined(g).empty());
        g.hidden[g.index(0, 1, 1)] = false;  // one shown: all four follow
        CHECK(rc::determined(g).size() == 3);
    }
    SECTION("the trust and the other schools give a school's figure away") {
        rc::Grid g = grid(3, 1, 1, {3, 20, 23}, "c..");
        g.has_trust = true;
        CHECK(rc::determined(g) == std::vector<std::size_t>{0});
        g.trust_is_sum = {false};  // a trust-only figure is no sum
        CHECK(rc::determined(g).empty());
    }
    SECTION("All = X + Not X is used only where the figures satisfy it") {
        rc::Grid g = grid(1, 3, 1, {10, 4, 5}, ".c.");  // All, X, Not X: 4 + 5 != 10
        g.all_row = 0;
        g.pairs = {{1, 2}};
        CHECK(rc::determined(g).empty());
        g.truth[1].n = 5;
        CHECK(rc::determined(g) == std::vector<std::size_t>{1});
    }
}
