// Builds the real example trust and checks every published data table
// against its source CSV (spec section 5): small figures are hidden, the
// trust-wide figures are sums of the schools' source figures, and the data
// pages and downloads are where section 6 puts them.
#include <catch2/catch.hpp>

#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>

#include "integration/run.hpp"
#include "load/csv_file.hpp"

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

bool has(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

std::size_t occurrences(const std::string& hay, const std::string& needle) {
    std::size_t n = 0;
    for (auto p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) ++n;
    return n;
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

TEST_CASE("site-example data: a rate on N or fewer people is published as c, and a shown rate is the source's") {
    int small = 0;
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
            } else {
                CHECK(pub.at("numerator") == "c");
                CHECK(pub.at("denominator") == "c");
            }
        }
    }
    CHECK(small > 0);
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
            for (const auto& src : t.source) {
                if (src.at("school") == "trust") continue;
                if (group != "Total" && src.at("group") != group) continue;
                if (measure != "Total" && src.at("measure") != measure) continue;
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
        CHECK(has(html, "<table class=\"figures\" id=\"table-" + t.slug + "\">") == on_page);
        CHECK(has(html, "href=\"/data/" + t.slug + ".csv\""));
        CHECK(has(html, "href=\"/data/" + t.slug + ".json\""));
    }
    CHECK(occurrences(html, "<table") == trust_tables);
    CHECK(occurrences(html, "<caption") == trust_tables);
    CHECK(trust_tables == 6);
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
