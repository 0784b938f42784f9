// Times suppression (publish) and table rendering (HTML for every grid,
// CSV, JSON, charts) on synthetic tables, without touching the disk:
//
//   eqsite_data_bench SCHOOLS TABLES
//
// Each table has 6 groups and 4 measures, figures drawn with many small
// numbers so that secondary suppression has work to do. Alternating count
// (with a Total row and column) and rate (with an "All pupils" row).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "model/disclosure.hpp"
#include "render/data_tables.hpp"
#include "render/renderer.hpp"
#include "render/theme.hpp"

using namespace eqsite;

namespace {

// A table as the default theme shows it.
std::string table_html(const PublishedTable& t, const PublishedGrid& g, const std::string& place) {
    static const Theme theme = [] {
        Diagnostics diags;
        return load_theme("/nonexistent/eqsite-bench-site", diags);
    }();
    return render_partial(theme, "data-table", table_data(theme.strings, t, g, place, "t"));
}

}  // namespace

namespace {

// `shared`: every table has the same measure labels, so all ten are
// protected together (the worst case); otherwise each has its own.
DataTable make_table(std::size_t schools, std::size_t index, bool shared, std::mt19937_64& rng) {
    DataTable t;
    t.spec.slug = "table-" + std::to_string(index);
    t.spec.title = "Table " + std::to_string(index);
    t.spec.kind = index % 2 ? TableKind::rate : TableKind::count;
    t.spec.totals = t.spec.kind == TableKind::count;
    t.spec.threshold = 5;
    // Rate tables: an "All pupils" row and an X / Not X pair. Count tables
    // have a Total row instead (an "All" row beside totals is an error).
    if (t.spec.kind == TableKind::rate)
        t.spec.groups = {"All pupils", "Disadvantaged", "Not disadvantaged", "SEN support", "EHC plan", "EAL"};
    else
        t.spec.groups = {"Asian", "Black", "Mixed", "White", "Other", "Not known"};
    const std::string prefix = shared ? "Measure " : "Table " + std::to_string(index) + " measure ";
    t.spec.measures = {prefix + "A", prefix + "B", prefix + "C", prefix + "D"};
    auto small = [&] { return static_cast<long long>(rng() % 13); };
    for (std::size_t s = 0; s < schools; ++s) {
        FigureGrid g;
        g.cells.resize(t.cell_count());
        for (std::size_t m = 0; m < 4; ++m) {
            long long total_n = 0, total_d = 0;
            for (std::size_t grp = 1; grp < 6; ++grp) {
                Figure f;
                f.d = rng() % 4 == 0 ? small() : 10 + static_cast<long long>(rng() % 60);
                f.n = t.spec.kind == TableKind::rate ? static_cast<long long>(rng() % (f.d + 1)) : f.d;
                if (grp <= 2) { total_n += f.n; total_d += f.d; }
                g.cells[grp * 4 + m] = f;
            }
            if (t.spec.kind == TableKind::rate) g.cells[m] = Figure{total_n, total_d, {}};
            else g.cells[m] = Figure{small(), 0, {}};
        }
        t.schools.push_back(s);
        t.school_figures.push_back(std::move(g));
    }
    return t;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3 || argc > 4 || (argc == 4 && std::string(argv[3]) != "shared")) {
        std::fprintf(stderr, "usage: %s SCHOOLS TABLES [shared]\n", argv[0]);
        return 2;
    }
    const bool shared = argc == 4;
    const std::size_t schools = std::strtoul(argv[1], nullptr, 10);
    const std::size_t tables = std::strtoul(argv[2], nullptr, 10);
    std::mt19937_64 rng(42);
    std::vector<std::string> slugs;
    for (std::size_t s = 0; s < schools; ++s) slugs.push_back("school-" + std::to_string(s));

    // All tables at once, as a site build does: tables that share a measure
    // and a total line are protected together.
    std::vector<DataTable> all;
    for (std::size_t i = 0; i < tables; ++i) all.push_back(make_table(schools, i, shared, rng));
    auto start = std::chrono::steady_clock::now();
    Diagnostics diags;
    const std::vector<PublishedTable> published = publish_tables(all, diags);
    const double publish_s = seconds_since(start);
    std::size_t bytes = 0, cells = 0, hidden = 0;
    start = std::chrono::steady_clock::now();
    for (const auto& p : published) {
        for (const auto& g : p.schools)
            for (const auto& c : g.cells) {
                ++cells;
                hidden += c.symbol() == Symbol::suppressed;
            }
        for (const auto& g : p.schools) bytes += table_html(p, g, slugs[*g.school]).size();
        if (p.trust) bytes += table_html(p, *p.trust, "Trust").size();
        bytes += table_csv(p, slugs).size() + table_json(p, slugs).size();
    }
    const double render_s = seconds_since(start);
    std::printf("%zu schools x %zu tables%s: suppression %.3f s, rendering %.3f s (%zu MB of HTML, CSV and JSON); "
                "%zu school cells, %zu hidden (%.0f%%)\n",
                schools, tables, shared ? " sharing their measures" : "", publish_s, render_s, bytes >> 20, cells, hidden,
                cells ? 100.0 * static_cast<double>(hidden) / static_cast<double>(cells) : 0.0);
    return 0;
}
