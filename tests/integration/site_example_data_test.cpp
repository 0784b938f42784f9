// Builds the real example trust and checks every published data table
// against its source CSV (spec section 5): small figures are hidden, the
// trust-wide figures are sums of the schools' source figures, and the data
// pages and downloads are where section 6 puts them.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>

#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>

#include "integration/run.hpp"
#include "load/csv_file.hpp"
#include "recoverability.hpp"

using namespace eqsite;
using namespace eqsite::test;

namespace {

const fs::path example = source_dir() / "site-example";

// The example built once for every test in this file.
const std::map<std::string, std::string>& built() {
    static TempDir dir;
    static std::map<std::string, std::string> files;
    if (!files.empty()) return files;
    const fs::path out = dir.path() / "out";
    const Run r = run_eqsite("build " + quote(example.string()) + " -o " + quote(out.string()));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    files = read_tree(out);
    return files;
}

// A CSV file as rows of column name -> text.
using Record = std::map<std::string, std::string>;

std::vector<Record> records(const std::string& path, const std::string& bytes) {
    Diagnostics d;
    const auto csv = parse_csv(path, bytes, d);
    INFO(path);
    REQUIRE(csv);
    REQUIRE(d.empty());
    std::vector<Record> out;
    const CsvRow& header = csv->rows.at(0);
    for (std::size_t r = 1; r < csv->rows.size(); ++r) {
        const CsvRow& row = csv->rows[r];
        REQUIRE(row.size() == header.size());
        Record rec;
        for (std::size_t i = 0; i < row.size(); ++i) rec[header[i].text] = row[i].text;
        out.push_back(std::move(rec));
    }
    return out;
}

using Key = std::tuple<std::string, std::string, std::string>;  // school, group, measure
Key key_of(const Record& r) { return {r.at("school"), r.at("group"), r.at("measure")}; }

// One table of site-example: its description, source rows and published rows.
struct Table {
    std::string slug;
    std::string kind;
    std::string about;
    int threshold = 0;
    bool totals = false;
    bool trust_total = true;
    std::vector<Record> source;
    std::map<Key, Record> published;  // /data/<slug>.csv
};

// N as site-example/site.yaml sets it: pupils 5, staff 10, unless the table
// has its own suppression_threshold.
int threshold_for(const YAML::Node& table) {
    const YAML::Node site = YAML::LoadFile((example / "site.yaml").string());
    if (table["suppression_threshold"]) return table["suppression_threshold"].as<int>();
    const bool staff = table["about"].as<std::string>() == "staff";
    const YAML::Node s = site["suppression"];
    if (staff) return s && s["staff_threshold"] ? s["staff_threshold"].as<int>() : 10;
    return s && s["threshold"] ? s["threshold"].as<int>() : 5;
}

const std::vector<Table>& tables() {
    static std::vector<Table> all;
    if (!all.empty()) return all;
    const auto& files = built();
    std::vector<fs::path> csvs;
    for (const auto& e : fs::directory_iterator(example / "data"))
        if (e.path().extension() == ".csv") csvs.push_back(e.path());
    std::sort(csvs.begin(), csvs.end());
    for (const auto& csv : csvs) {
        Table t;
        t.slug = csv.stem().string();
        const YAML::Node yaml = YAML::LoadFile((example / "data" / (t.slug + ".yaml")).string());
        t.kind = yaml["kind"].as<std::string>();
        t.about = yaml["about"].as<std::string>();
        t.threshold = threshold_for(yaml);
        t.totals = yaml["totals"] && yaml["totals"].as<bool>();
        t.trust_total = !yaml["trust_total"] || yaml["trust_total"].as<bool>();
        t.source = records("data/" + t.slug + ".csv", read(csv));
        const std::string out = "data/" + t.slug + ".csv";
        INFO(out);
        REQUIRE(files.count(out));
        for (auto& r : records(out, files.at(out))) {
            const Key k = key_of(r);
            REQUIRE(t.published.emplace(k, std::move(r)).second);  // one row per cell
        }
        all.push_back(std::move(t));
    }
    return all;
}

const Record& published_row(const Table& t, const Key& k) {
    INFO(t.slug << ": " << std::get<0>(k) << " / " << std::get<1>(k) << " / " << std::get<2>(k));
    const auto it = t.published.find(k);
    REQUIRE(it != t.published.end());
    return it->second;
}

long long number(const std::string& s) { return std::stoll(s); }

std::string tenths(long long n, long long d) {
    const long long t = (2000 * n + d) / (2 * d);
    return std::to_string(t / 10) + "." + std::to_string(t % 10);
}

// A count or rate table as tests/recoverability.hpp sees it: the cells of
// its published CSV (schools, then the trust), which of them are 'c', and
// their true figures worked out from the source CSV (Total cells and trust
// cells as sums), so that only the sums that really hold are used.
struct Exposure {
    recoverability::Grid grid;
    std::vector<Key> keys;  // the CSV row of each cell
    std::map<Key, std::size_t> cell_of;
    bool rate = false;
};

Exposure exposure_of(const Table& t) {
    Exposure x;
    recoverability::Grid& g = x.grid;
    const bool rate = x.rate = t.kind == "rate";
    std::vector<std::string> schools, groups, measures;
    bool trust = false;
    auto add_once = [](std::vector<std::string>& v, const std::string& s) {
        if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
    };
    // "Total" is eqsite's Total row and column only with totals: true;
    // otherwise a group or measure the author wrote.
    const bool totals = t.kind == "count" && t.totals;
    for (const auto& [k, pub] : t.published) {
        const auto& [school, group, measure] = k;
        if (school == "trust") trust = true;
        else add_once(schools, school);
        if (!totals || group != "Total") add_once(groups, group);
        if (!totals || measure != "Total") add_once(measures, measure);
    }
    std::vector<std::string> units = schools, rows = groups, columns = measures;
    if (trust) units.push_back("trust");
    if (totals) {
        rows.push_back("Total");
        columns.push_back("Total");
        g.total_row = groups.size();
        g.total_column = measures.size();
    }
    g.units = units.size();
    g.rows = rows.size();
    g.columns = columns.size();
    g.has_trust = trust;
    auto is_whole = [](std::string l) {
        for (char& ch : l) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        return l == "all" || l.rfind("all ", 0) == 0 || l == "total";
    };
    for (std::size_t r = 0; r < groups.size(); ++r)
        if (is_whole(groups[r])) g.all_row = r;
    if (!totals)
        for (std::size_t c = 0; c < measures.size(); ++c)
            if (is_whole(measures[c])) g.all_column = c;
    for (std::size_t a = 0; a < groups.size(); ++a)
        for (std::size_t b = 0; b < groups.size(); ++b) {
            std::string x_label = groups[a], not_label = groups[b];
            for (auto* l : {&x_label, &not_label})
                for (char& ch : *l) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            if (not_label == "not " + x_label || not_label == "non-" + x_label || not_label == "non " + x_label)
                g.pairs.emplace_back(a, b);
        }
    g.truth.resize(g.cells());
    g.hidden.resize(g.cells());
    g.trust_is_sum.assign(g.rows * g.columns, t.trust_total);
    x.keys.resize(g.cells());
    for (std::size_t u = 0; u < g.units; ++u)
        for (std::size_t r = 0; r < g.rows; ++r)
            for (std::size_t c = 0; c < g.columns; ++c) {
                const Key k{units[u], rows[r], columns[c]};
                const std::size_t i = g.index(u, r, c);
                x.keys[i] = k;
                x.cell_of[k] = i;
                const auto it = t.published.find(k);
                g.hidden[i] = it != t.published.end() && it->second.at("published") == "c";
            }
    auto add = [&](recoverability::Figure& to, const recoverability::Figure& from) {
        if (!from.present) return;
        to.present = true;
        to.n += from.n;
        to.d += from.d;
    };
    // The source figures, schools' and trust-only.
    for (const auto& src : t.source) {
        const auto it = x.cell_of.find(key_of(src));
        REQUIRE(it != x.cell_of.end());
        recoverability::Figure f{true, number(src.at(rate ? "numerator" : "count")),
                                 rate ? number(src.at("denominator")) : 0};
        g.truth[it->second] = f;
        if (src.at("school") == "trust") g.trust_is_sum[it->second % (g.rows * g.columns)] = false;
    }
    const std::size_t school_units = schools.size();
    if (trust && t.trust_total)  // trust-wide sums where the trust has no figure of its own
        for (std::size_t r = 0; r < groups.size(); ++r)
            for (std::size_t c = 0; c < measures.size(); ++c) {
                if (!g.trust_is_sum[r * g.columns + c]) continue;
                for (std::size_t s = 0; s < school_units; ++s)
                    add(g.truth[g.index(school_units, r, c)], g.truth[g.index(s, r, c)]);
            }
    if (totals)
        for (std::size_t u = 0; u < g.units; ++u)
            for (std::size_t r = 0; r < groups.size(); ++r)
                for (std::size_t c = 0; c < measures.size(); ++c) {
                    const recoverability::Figure f = g.truth[g.index(u, r, c)];
                    add(g.truth[g.index(u, r, *g.total_column)], f);
                    add(g.truth[g.index(u, *g.total_row, c)], f);
                    add(g.truth[g.index(u, *g.total_row, *g.total_column)], f);
                }
    return x;
}

std::string describe(const Exposure& x, std::size_t i) {
    const auto& [school, group, measure] = x.keys[i];
    const auto& f = x.grid.truth[i];
    return school + " / " + group + " / " + measure + " (true figure " + std::to_string(f.n) +
           (x.rate ? "/" + std::to_string(f.d) : "") + ")";
}

}  // namespace

TEST_CASE("site-example data: every table is read and published, with the thresholds site.yaml sets") {
    const auto& all = tables();
    REQUIRE(all.size() >= 6);
    std::set<std::string> kinds;
    for (const auto& t : all) {
        kinds.insert(t.kind);
        CHECK(t.threshold == (t.about == "staff" ? 10 : 5));
        CHECK_FALSE(t.source.empty());
        CHECK(built().count("data/" + t.slug + ".json"));
    }
    for (const char* k : {"count", "rate", "pay-gap"}) CHECK(kinds.count(k));
}

TEST_CASE("site-example data: a count from 1 to N-1 is published as c, and a shown count is the source's") {
    int small = 0;
    for (const auto& t : tables()) {
        if (t.kind != "count") continue;
        for (const auto& src : t.source) {
            const Record& pub = published_row(t, key_of(src));
            const long long n = number(src.at("count"));
            INFO(t.slug << ": " << src.at("school") << " / " << src.at("group") << " / " << src.at("measure") << " = "
                        << n << " (N = " << t.threshold << ")");
            if (n >= 1 && n < t.threshold) {
                ++small;
                CHECK(pub.at("count") == "c");
                CHECK(pub.at("published") == "c");
            } else {
                CHECK((pub.at("count") == "c" || pub.at("count") == src.at("count")));
                CHECK(pub.at("published") == pub.at("count"));
            }
        }
    }
    CHECK(small > 0);  // the example does exercise the rule
}

TEST_CASE("site-example data: a rate on N or fewer people, or with a small numerator or complement, is published as c, and a shown rate is the source's") {
    int small = 0, complement = 0, known_denominator = 0;
    for (const auto& t : tables()) {
        if (t.kind != "rate") continue;
        for (const auto& src : t.source) {
            const Record& pub = published_row(t, key_of(src));
            const long long n = number(src.at("numerator")), d = number(src.at("denominator"));
            INFO(t.slug << ": " << src.at("school") << " / " << src.at("group") << " / " << src.at("measure") << " = "
                        << n << "/" << d << " (N = " << t.threshold << ")");
            if (d == 0) {
                // Nobody in the group: not applicable (or hidden by secondary suppression).
                CHECK((pub.at("published") == "z" || pub.at("published") == "c"));
            } else if (d <= t.threshold) {
                ++small;
                CHECK(pub.at("numerator") == "c");
                CHECK(pub.at("denominator") == "c");
                CHECK(pub.at("published") == "c");
            } else if (pub.at("published") != "c") {
                CHECK(pub.at("numerator") == src.at("numerator"));
                CHECK(pub.at("denominator") == src.at("denominator"));
                CHECK(pub.at("published") == tenths(n, d));
                CHECK_FALSE((d - n >= 1 && d - n < t.threshold));  // 9/11: 2 pupils did not
            } else {
                complement += d - n >= 1 && d - n < t.threshold;
                CHECK(pub.at("numerator") == "c");
                // A hidden rate keeps its denominator only when the same
                // group size is shown in another measure of that row.
                if (pub.at("denominator") != "c") {
                    ++known_denominator;
                    CHECK(pub.at("denominator") == src.at("denominator"));
                    bool shown_elsewhere = false;
                    for (const auto& other : t.source)
                        if (other.at("school") == src.at("school") && other.at("group") == src.at("group") &&
                            other.at("denominator") == src.at("denominator"))
                            shown_elsewhere = shown_elsewhere || published_row(t, key_of(other)).at("published") != "c";
                    CHECK(shown_elsewhere);
                }
            }
        }
    }
    CHECK(small > 0);
    CHECK(complement > 0);
    CHECK(known_denominator > 0);
}

TEST_CASE("site-example data: value and pay-gap figures are published as given") {
    for (const auto& t : tables()) {
        if (t.kind != "value" && t.kind != "pay-gap") continue;
        for (const auto& src : t.source) {
            const Record& pub = published_row(t, key_of(src));
            CHECK(pub.at("value") == src.at("value"));
            CHECK(pub.at("published") == src.at("value"));
        }
    }
}

TEST_CASE("site-example data: published cells with no source figure are x, and nothing else is published") {
    for (const auto& t : tables()) {
        std::set<Key> given;
        for (const auto& src : t.source) given.insert(key_of(src));
        for (const auto& [k, pub] : t.published) {
            const auto& [school, group, measure] = k;
            if (given.count(k) || school == "trust" || group == "Total" || measure == "Total") continue;
            INFO(t.slug << ": " << school << " / " << group << " / " << measure);
            CHECK(pub.at("published") == "x");
        }
    }
}

TEST_CASE("site-example data: trust-wide figures are the sums of the schools' source figures") {
    int compared = 0;
    for (const auto& t : tables()) {
        if ((t.kind != "count" && t.kind != "rate") || !t.trust_total) continue;
        // Every trust cell of the published table, including the Total row
        // and column of count tables.
        for (const auto& [k, pub] : t.published) {
            const auto& [school, group, measure] = k;
            if (school != "trust") continue;
            long long n = 0, d = 0;
            bool any = false;
            const bool total_row = t.totals && group == "Total", total_column = t.totals && measure == "Total";
            for (const auto& src : t.source) {
                if (src.at("school") == "trust") continue;
                if (!total_row && src.at("group") != group) continue;
                if (!total_column && src.at("measure") != measure) continue;
                any = true;
                if (t.kind == "count") {
                    n += number(src.at("count"));
                } else {
                    n += number(src.at("numerator"));
                    d += number(src.at("denominator"));
                }
            }
            INFO(t.slug << ": trust / " << group << " / " << measure << ": sum " << n << "/" << d);
            if (!any) {
                CHECK(pub.at("published") == "x");
                continue;
            }
            if (pub.at("published") == "c") {
                if (t.kind == "count") CHECK(pub.at("count") == "c");
                continue;
            }
            if (pub.at("published") == "z") {
                CHECK(d == 0);
                continue;
            }
            ++compared;
            if (t.kind == "count") {
                CHECK(pub.at("count") == std::to_string(n));
                CHECK((n == 0 || n >= t.threshold));
            } else {
                CHECK(pub.at("numerator") == std::to_string(n));
                CHECK(pub.at("denominator") == std::to_string(d));
                if (d > 0) CHECK(pub.at("published") == tenths(n, d));
                CHECK(d > t.threshold);
            }
        }
    }
    CHECK(compared > 0);
}

TEST_CASE("site-example data: a school's Total row and column are sums of its source figures") {
    for (const auto& t : tables()) {
        if (t.kind != "count" || !t.totals) continue;
        for (const auto& [k, pub] : t.published) {
            const auto& [school, group, measure] = k;
            if (school == "trust" || (group != "Total" && measure != "Total") || pub.at("published") == "c") continue;
            long long n = 0;
            for (const auto& src : t.source)
                if (src.at("school") == school && (group == "Total" || src.at("group") == group) &&
                    (measure == "Total" || src.at("measure") == measure))
                    n += number(src.at("count"));
            INFO(t.slug << ": " << school << " / " << group << " / " << measure);
            CHECK(pub.at("count") == std::to_string(n));
        }
    }
}

TEST_CASE("site-example data: the JSON download holds the same published figures as the CSV") {
    for (const auto& t : tables()) {
        const auto json = nlohmann::json::parse(built().at("data/" + t.slug + ".json"));
        CHECK(json["table"] == t.slug);
        CHECK(json["threshold"] == t.threshold);
        REQUIRE(json["rows"].size() == t.published.size());
        for (const auto& row : json["rows"]) {
            const Key k{row["school"].get<std::string>(), row["group"].get<std::string>(),
                        row["measure"].get<std::string>()};
            const Record& pub = published_row(t, k);
            CHECK(row["published"] == pub.at("published"));
        }
    }
}

TEST_CASE("site-example data: /data/ has a table for each trust-wide table and links every download") {
    const auto& files = built();
    REQUIRE(files.count("data/index.html"));
    const std::string& html = files.at("data/index.html");
    std::size_t trust_tables = 0;
    for (const auto& t : tables()) {
        INFO(t.slug);
        const bool trust_rows = std::any_of(t.source.begin(), t.source.end(),
                                            [](const Record& r) { return r.at("school") == "trust"; });
        const bool on_page = ((t.kind == "count" || t.kind == "rate") && t.trust_total) || trust_rows;
        if (on_page) ++trust_tables;
        // (aria-describedby when notes say what the trust's figures add up)
        CHECK(has(html, "<table class=\"figures\" id=\"table-" + t.slug + "\"") == on_page);
        CHECK(has(html, "href=\"/data/" + t.slug + ".csv\""));
        CHECK(has(html, "href=\"/data/" + t.slug + ".json\""));
    }
    // The pay gap is laid out as three small tables (gaps, bonus, quarters).
    CHECK(occurrences(html, "<table") == trust_tables + 2);
    CHECK(occurrences(html, "<caption") == trust_tables + 2);
    CHECK(trust_tables == 7);
}

TEST_CASE("site-example data: each school's page shows and links the tables it has figures in") {
    const auto& files = built();
    for (const auto& t : tables()) {
        std::set<std::string> schools;
        for (const auto& src : t.source)
            if (src.at("school") != "trust") schools.insert(src.at("school"));
        for (const auto& e : fs::directory_iterator(example / "content/schools")) {
            const std::string slug = e.path().filename().string();
            const std::string page = "schools/" + slug + "/index.html";
            INFO(t.slug << " on " << page);
            REQUIRE(files.count(page));
            const std::string& html = files.at(page);
            const bool listed = schools.count(slug) > 0;
            CHECK(has(html, "href=\"/data/" + t.slug + ".csv\"") == listed);
            CHECK(has(html, "id=\"table-" + t.slug + "\"") == listed);
        }
    }
}

// Spec section 5 rules 2 and 3, exactly: combining the sums the published
// figures satisfy (a row or column and its Total, the trust and the schools,
// All = X + Not X) must not give away any hidden figure. This is the case
// that the line rule alone got wrong: brookmead-primary's single suspension.
TEST_CASE("site-example data: brookmead-primary's hidden Black pupils 'Suspended once' figure cannot be worked out from /data/suspensions.csv") {
    const Table* suspensions = nullptr;
    for (const auto& t : tables())
        if (t.slug == "suspensions") suspensions = &t;
    REQUIRE(suspensions);
    const Key k{"brookmead-primary", "Black, Black British, Caribbean or African", "Suspended once"};
    REQUIRE(published_row(*suspensions, k).at("published") == "c");
    const Exposure x = exposure_of(*suspensions);
    const auto rels = recoverability::relations(x.grid);
    CHECK(rels.size() > 20);  // rows, columns and trust positions are all used
    const auto given_away = recoverability::determined(x.grid.hidden, rels);
    std::string names;
    for (std::size_t i : given_away) names += "\n  " + describe(x, i);
    INFO("hidden figures that can be worked out:" << names);
    CHECK(std::find(given_away.begin(), given_away.end(), x.cell_of.at(k)) == given_away.end());
}

TEST_CASE("site-example data: no hidden figure in any published CSV can be worked out by combining the sums") {
    int tables_checked = 0, hidden = 0;
    for (const auto& t : tables()) {
        if (t.kind != "count" && t.kind != "rate") continue;
        ++tables_checked;
        const Exposure x = exposure_of(t);
        hidden += static_cast<int>(std::count(x.grid.hidden.begin(), x.grid.hidden.end(), true));
        const auto rels = recoverability::relations(x.grid);
        CHECK_FALSE(rels.empty());
        const auto given_away = recoverability::determined(x.grid.hidden, rels);
        std::string names;
        for (std::size_t i : given_away) names += "\n  " + describe(x, i);
        INFO("data/" << t.slug << ".csv: " << given_away.size() << " hidden figure(s) can be worked out:" << names);
        CHECK(given_away.empty());
    }
    CHECK(tables_checked == 6);
    CHECK(hidden > 0);
}

TEST_CASE("site-example data: the same figures in the two suspension tables are hidden in both or in neither") {
    // suspensions-by-sex's All pupils row gives, for every school, the same
    // figures as suspensions' Total row (by ethnic group).
    const Table *by_sex = nullptr, *by_ethnicity = nullptr;
    for (const auto& t : tables()) {
        if (t.slug == "suspensions-by-sex") by_sex = &t;
        if (t.slug == "suspensions") by_ethnicity = &t;
    }
    REQUIRE(by_sex);
    REQUIRE(by_ethnicity);
    int compared = 0, hidden = 0;
    for (const auto& [k, pub] : by_sex->published) {
        const auto& [school, group, measure] = k;
        if (group != "All pupils") continue;
        const Record& other = published_row(*by_ethnicity, Key{school, "Total", measure});
        INFO(school << " / " << measure);
        CHECK((pub.at("published") == "c") == (other.at("published") == "c"));
        if (pub.at("published") != "c") CHECK(pub.at("count") == other.at("count"));
        ++compared;
        hidden += pub.at("published") == "c";
    }
    CHECK(compared > 10);
    CHECK(hidden > 0);
}
