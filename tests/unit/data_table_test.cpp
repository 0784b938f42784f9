#include <catch2/catch.hpp>

#include "model/data_table.hpp"

using namespace eqsite;

namespace {

const std::vector<std::string> schools = {"riverside-primary", "hillside-academy", "ysgol-ty-gwyn"};

struct Read {
    std::optional<DataTable> table;
    std::vector<std::string> lines;  // every diagnostic, sorted
    bool errors = false;
};

Read read(const std::string& yaml, const std::string& csv, int pupils = 5, int staff = 10) {
    Diagnostics d;
    Read r;
    r.table = read_data_table("t", "data/t.yaml", yaml, "data/t.csv", csv, schools, pupils, staff, d);
    for (const auto& x : d.sorted()) r.lines.push_back(format_diagnostic(x));
    r.errors = d.has_errors();
    return r;
}

using Lines = std::vector<std::string>;

const std::string count_yaml =
    "title: Pupils suspended\n"
    "kind: count\n"
    "about: pupils\n"
    "groups: [White, Other ethnic group]\n"
    "measures: [Suspended once, Suspended more than once]\n";

const std::string rate_yaml =
    "title: Reading\n"
    "kind: rate\n"
    "about: pupils\n"
    "groups: [All pupils, Disadvantaged]\n"
    "measures: [Reading]\n";

const std::string pay_gap_yaml = "title: Gender pay gap\nkind: pay-gap\nabout: staff\nsnapshot: 2025-03-31\n";

const std::string count_header = "school,group,measure,count\n";
const std::string rate_header = "school,group,measure,numerator,denominator\n";

// All fourteen pay-gap rows, in pay_gap_figures() order.
std::string pay_gap_rows() {
    std::string out;
    int v = 1;
    for (const auto& f : pay_gap_figures())
        out += "trust," + std::string(f.group) + "," + std::string(f.measure) + "," + std::to_string(v++) + ".5\n";
    return out;
}

std::optional<long long> count_at(const FigureGrid& g, std::size_t cell) {
    if (!g.cells.at(cell)) return std::nullopt;
    return g.cells[cell]->n;
}

}  // namespace

// ---------------------------------------------------------------- errors

TEST_CASE("data table: an unknown school slug is an error with a suggestion") {
    const auto r = read(count_yaml, count_header + "riverside-primry,White,Suspended once,3\n");
    CHECK_FALSE(r.table);
    CHECK(r.lines == Lines{"data/t.csv:2:1: error: no school \"riverside-primry\" in content/schools/; did you mean "
                           "\"riverside-primary\"?"});
}

TEST_CASE("data table: an unknown school with no near match says what to write") {
    const auto r = read(count_yaml, count_header + "the-big-school,White,Suspended once,3\n");
    CHECK_FALSE(r.table);
    CHECK(r.lines == Lines{"data/t.csv:2:1: error: no school \"the-big-school\" in content/schools/: use a school's "
                           "folder name, or \"trust\" for a trust-wide figure"});
}

TEST_CASE("data table: an unknown school on many rows is one error at its first row, naming the others") {
    std::string rows;
    for (const char* group : {"White", "Other ethnic group"})
        for (const char* measure : {"Suspended once", "Suspended more than once"})
            rows += std::string("old-school,") + group + "," + measure + ",3\n";
    rows += "riverside-primary,White,Suspended once,3\n";
    for (int i = 0; i < 5; ++i) rows += "other-school,White,Suspended once," + std::to_string(i) + "\n";
    const auto r = read(count_yaml, count_header + rows);
    CHECK_FALSE(r.table);
    CHECK(r.lines == Lines{"data/t.csv:2:1: error: no school \"old-school\" in content/schools/ (the same on 3 other "
                           "rows: lines 3, 4, 5): use a school's folder name, or \"trust\" for a trust-wide figure",
                           "data/t.csv:7:1: error: no school \"other-school\" in content/schools/ (the same on 4 other "
                           "rows: lines 8, 9, 10, 11): use a school's folder name, or \"trust\" for a trust-wide figure"});
}

TEST_CASE("data table: a group not listed in the YAML is an error at the group") {
    SECTION("close to a listed group") {
        const auto r = read(count_yaml, count_header + "riverside-primary,Whte,Suspended once,3\n");
        CHECK_FALSE(r.table);
        CHECK(r.lines == Lines{"data/t.csv:2:19: error: the group \"Whte\" is not listed in groups of data/t.yaml; "
                               "did you mean \"White\"? If not, add it to groups there"});
    }
    SECTION("nothing close: the listed groups are named") {
        const auto r = read(count_yaml, count_header + "riverside-primary,Disadvantaged,Suspended once,3\n");
        CHECK_FALSE(r.table);
        CHECK(r.lines == Lines{"data/t.csv:2:19: error: the group \"Disadvantaged\" is not listed in groups of "
                               "data/t.yaml: add it there, or use one of White, Other ethnic group"});
    }
}

TEST_CASE("data table: a measure not listed in the YAML is an error at the measure") {
    const auto r = read(count_yaml, count_header + "riverside-primary,White,Suspended twice,3\n");
    CHECK_FALSE(r.table);
    CHECK(r.lines == Lines{"data/t.csv:2:25: error: the measure \"Suspended twice\" is not listed in measures of "
                           "data/t.yaml; did you mean \"Suspended once\"? If not, add it to measures there"});
}

TEST_CASE("data table: a label with a comma that YAML cut in two says to quote it") {
    const std::string yaml = "title: KS2\nkind: rate\nabout: pupils\ngroups: [All pupils]\nmeasures: [Reading, writing and maths]\n";
    const auto r = read(yaml, rate_header + "riverside-primary,All pupils,\"Reading, writing and maths\",20,30\n");
    CHECK_FALSE(r.table);
    REQUIRE(r.lines.size() == 1);
    CHECK(r.lines[0] == "data/t.csv:2:30: error: the measure \"Reading, writing and maths\" is not listed in measures of "
                        "data/t.yaml, which lists it as \"Reading\" and \"writing and maths\": in [a, b] a comma starts a "
                        "new item, so put a label with a comma in quotes there: [\"Reading, writing and maths\"]");
}

TEST_CASE("data table: a negative number is an error at the figure") {
    SECTION("count") {
        const auto r = read(count_yaml, count_header + "riverside-primary,White,Suspended once,-3\n");
        CHECK_FALSE(r.table);
        CHECK(r.lines ==
              Lines{"data/t.csv:2:40: error: a count cannot be negative (-3): it counts people"});
    }
    SECTION("denominator") {
        const auto r = read(rate_yaml, rate_header + "riverside-primary,All pupils,Reading,0,-22\n");
        CHECK_FALSE(r.table);
        CHECK(r.lines ==
              Lines{"data/t.csv:2:40: error: a denominator cannot be negative (-22): it counts people"});
    }
}

TEST_CASE("data table: a numerator above its denominator is an error at the numerator") {
    const auto r = read(rate_yaml, rate_header + "riverside-primary,All pupils,Reading,23,22\n");
    CHECK_FALSE(r.table);
    CHECK(r.lines == Lines{"data/t.csv:2:38: error: the numerator (23) is larger than the denominator (22): the "
                           "numerator counts the people in the group who meet the measure, so it cannot be more "
                           "than the people in the group"});
}

TEST_CASE("data table: a figure that is not a whole number is an error") {
    SECTION("words") {
        const auto r = read(count_yaml, count_header + "riverside-primary,White,Suspended once,three\n");
        CHECK_FALSE(r.table);
        CHECK(r.lines == Lines{"data/t.csv:2:40: error: the count \"three\" is not a whole number: write digits "
                               "only, e.g. 12 (no spaces, commas, % or decimals)"});
    }
    SECTION("a decimal count") {
        const auto r = read(count_yaml, count_header + "riverside-primary,White,Suspended once,3.5\n");
        CHECK_FALSE(r.table);
        CHECK(r.lines == Lines{"data/t.csv:2:40: error: the count \"3.5\" is not a whole number: write digits "
                               "only, e.g. 12 (no spaces, commas, % or decimals)"});
    }
    SECTION("a percentage as numerator") {
        const auto r = read(rate_yaml, rate_header + "riverside-primary,All pupils,Reading,64%,22\n");
        CHECK_FALSE(r.table);
        CHECK(r.lines == Lines{"data/t.csv:2:38: error: the numerator \"64%\" is not a whole number: write digits "
                               "only, e.g. 12 (no spaces, commas, % or decimals)"});
    }
    SECTION("empty") {
        const auto r = read(count_yaml, count_header + "riverside-primary,White,Suspended once,\n");
        CHECK_FALSE(r.table);
        CHECK(r.lines == Lines{"data/t.csv:2:40: error: the count is empty: give a whole number, or leave the "
                               "whole row out if the figure is not available (it is then shown as x)"});
    }
    SECTION("a value with a percent sign") {
        const auto r = read("title: V\nkind: value\nabout: staff\ngroups: [All staff]\nmeasures: [Gap]\n",
                            "school,group,measure,value\nriverside-primary,All staff,Gap,12.5%\n");
        CHECK_FALSE(r.table);
        CHECK(r.lines == Lines{"data/t.csv:2:33: error: the value \"12.5%\" is not a number: write it like 12.5 or "
                               "-3.1 (no % sign: the table's unit is added when it is shown)"});
    }
}

TEST_CASE("data table: a figure above a billion people is an error, so sums cannot overflow") {
    SECTION("too large to be people") {
        const auto r = read(count_yaml, count_header + "riverside-primary,White,Suspended once,1000000001\n");
        CHECK_FALSE(r.table);
        CHECK(r.lines == Lines{"data/t.csv:2:40: error: the count 1000000001 is too large: a count counts people, "
                               "and no figure may be above 1000000000; check for a typing mistake or a value in "
                               "the wrong column"});
    }
    SECTION("too large for the computer") {
        const auto r = read(count_yaml, count_header + "riverside-primary,White,Suspended once,9223372036854775807999\n");
        CHECK_FALSE(r.table);
        CHECK(r.lines == Lines{"data/t.csv:2:40: error: the count 9223372036854775807999 is too large: no figure may "
                               "be above 1000000000; check for a typing mistake"});
    }
    SECTION("a billion is accepted") {
        const auto r = read(count_yaml, count_header + "riverside-primary,White,Suspended once,1000000000\n");
        CHECK(r.table);
    }
}

TEST_CASE("data table: totals: true beside a measure already called Total is an error") {
    const auto r = read("title: T\nkind: count\nabout: pupils\ngroups: [White]\nmeasures: [Once, Total]\ntotals: true\n",
                        "school,group,measure,count\nriverside-primary,White,Once,3\n");
    CHECK_FALSE(r.table);
    CHECK(r.lines == Lines{"data/t.yaml:5:11: error: the measure \"Total\" is already a total, so \"totals: true\" "
                           "would count everyone twice; remove \"Total\" or set totals to false"});
}

TEST_CASE("data table: population names the people a table counts") {
    const auto r = read(std::string(count_yaml) + "population: Pupils on roll, 2024/25\n",
                        count_header + "riverside-primary,White,Suspended once,3\n");
    REQUIRE(r.table);
    CHECK(r.table->spec.population == "Pupils on roll, 2024/25");
}

TEST_CASE("data table: a duplicate row names the line of the first one") {
    const auto r = read(count_yaml, count_header +
                                         "riverside-primary,White,Suspended once,3\n"
                                         "hillside-academy,White,Suspended once,3\n"
                                         "riverside-primary,White,Suspended once,4\n");
    CHECK_FALSE(r.table);
    CHECK(r.lines == Lines{"data/t.csv:4:1: error: duplicate row: riverside-primary, White, Suspended once is already "
                           "given on line 2; keep one of them"});
}

TEST_CASE("data table: a missing column is an error at the header") {
    const auto r = read(count_yaml, "school,group,count\nriverside-primary,White,3\n");
    CHECK_FALSE(r.table);
    CHECK(r.lines == Lines{"data/t.csv:1:1: error: missing column \"measure\": the first row of a kind: count table "
                           "must name the columns school,group,measure,count"});
}

TEST_CASE("data table: an unknown column is an error at that column") {
    SECTION("a misspelt column is one mistake: one message, with the suggestion") {
        const auto r = read(count_yaml, "school,group,measure,cont\nriverside-primary,White,Suspended once,3\n");
        CHECK_FALSE(r.table);
        CHECK(r.lines == Lines{"data/t.csv:1:22: error: unknown column \"cont\" for a kind: count table; did you mean "
                               "\"count\"? The columns are school,group,measure,count"});
    }
    SECTION("a rate column in a count table") {
        const auto r = read(rate_yaml, "school,group,measure,count\nriverside-primary,All pupils,Reading,3\n");
        CHECK_FALSE(r.table);
        REQUIRE(r.lines.size() == 3);
        CHECK(r.lines[0] == "data/t.csv:1:1: error: missing column \"denominator\": the first row of a kind: rate "
                            "table must name the columns school,group,measure,numerator,denominator");
        CHECK(r.lines[1] == "data/t.csv:1:1: error: missing column \"numerator\": the first row of a kind: rate table "
                            "must name the columns school,group,measure,numerator,denominator");
        // The full text of this one is checked in the case below.
        CHECK(r.lines[2].rfind("data/t.csv:1:22: error: unknown column \"count\" for a kind: rate table", 0) == 0);
    }
}

// Without a "did you mean", the first sentence still ends before the list.
TEST_CASE("data table: an unknown column with no near match ends its sentence before listing the columns") {
    const auto r = read(count_yaml, "school,group,measure,count,notes\n"
                                    "riverside-primary,White,Suspended once,3,\n");
    CHECK_FALSE(r.table);
    CHECK(r.lines == Lines{"data/t.csv:1:28: error: unknown column \"notes\" for a kind: count table. The "
                           "columns are school,group,measure,count"});
}

TEST_CASE("data table: columns may come in any order") {
    const auto r = read(count_yaml, "count,measure,group,school\n3,Suspended once,White,riverside-primary\n");
    REQUIRE(r.table);
    CHECK(r.lines.empty());
    CHECK(count_at(r.table->school_figures.at(0), 0) == 3);
}

TEST_CASE("data table: a row with the wrong number of fields is an error at its first field") {
    const auto r = read(count_yaml, count_header +
                                         "riverside-primary,White,Suspended once,3,4\n"
                                         "riverside-primary,White,Suspended more than once\n");
    CHECK_FALSE(r.table);
    CHECK(r.lines ==
          Lines{"data/t.csv:2:1: error: this row has 5 values but the first row names 4 columns: check for a missing or extra "
                "comma (wrap text containing commas in quotes)",
                "data/t.csv:3:1: error: this row has 3 values but the first row names 4 columns: check for a missing or extra "
                "comma (wrap text containing commas in quotes)"});
}

TEST_CASE("data table: a pay-gap table must hold every statutory figure") {
    SECTION("all fourteen: valid") {
        const auto r = read(pay_gap_yaml, "school,group,measure,value\n" + pay_gap_rows());
        REQUIRE(r.table);
        CHECK(r.lines.empty());
        CHECK(r.table->schools.empty());
        REQUIRE(r.table->trust_figures);
        CHECK(r.table->spec.groups == std::vector<std::string>{"All staff", "Men", "Women"});
        CHECK(r.table->spec.measures.size() == 9);
        CHECK(r.table->spec.threshold == 10);
        CHECK(r.table->trust_figures->cells.at(0)->value == "1.5");  // All staff, Mean hourly pay gap
    }
    SECTION("one missing") {
        std::string rows = pay_gap_rows();
        rows = rows.substr(0, rows.rfind("trust,Women,Upper quartile"));
        const auto r = read(pay_gap_yaml, "school,group,measure,value\n" + rows);
        REQUIRE(r.table);  // published, with x for the missing figure
        CHECK_FALSE(r.table->trust_figures->cells.back());
        CHECK(r.lines == Lines{"data/t.csv:1:1: warning: the pay-gap table has no figure for Women, Upper quartile, "
                               "so the page shows x (not available) for it: add the row trust,Women,Upper quartile,"
                               "<percentage> (all six statutory figures must be published)"});
    }
    SECTION("no snapshot date") {
        const auto r = read("title: Gender pay gap\nkind: pay-gap\nabout: staff\n",
                            "school,group,measure,value\n" + pay_gap_rows());
        REQUIRE(r.table);
        CHECK_FALSE(r.table->spec.snapshot);
        CHECK(r.lines == Lines{"data/t.yaml:1:1: warning: the gender pay gap figures are taken on a snapshot date "
                               "(31 March for most public bodies): add \"snapshot: YYYY-03-31\"; the page says the "
                               "date is not given until you do"});
    }
    SECTION("a figure that is not one of them") {
        const auto r = read(pay_gap_yaml, "school,group,measure,value\n" + pay_gap_rows() +
                                              "trust,All staff,Paid a bonus,20.0\n");
        CHECK_FALSE(r.table);
        CHECK(r.lines == Lines{"data/t.csv:16:7: error: a pay-gap table has no figure \"All staff, Paid a bonus\": "
                               "the four gaps are for All staff; Paid a bonus and the quartiles are for Men and "
                               "Women"});
    }
}

TEST_CASE("data table: a pay-gap row with a school slug is an error") {
    const auto r = read(pay_gap_yaml, "school,group,measure,value\n" + pay_gap_rows() +
                                          "riverside-primary,All staff,Mean hourly pay gap,3.0\n");
    CHECK_FALSE(r.table);
    CHECK(r.lines == Lines{"data/t.csv:16:1: error: a pay-gap table is for the whole trust: write \"trust\" in the "
                           "school column, not \"riverside-primary\""});
}

TEST_CASE("data table: a pay-gap description cannot change the figures") {
    const auto r = read(pay_gap_yaml + "groups: [All staff, Men]\n", "school,group,measure,value\n" + pay_gap_rows());
    CHECK_FALSE(r.table);
    CHECK(r.lines == Lines{"data/t.yaml:5:9: error: a pay-gap table always has the groups All staff, Men, Women; "
                           "remove \"groups\" or list exactly these, in this order"});
}

TEST_CASE("data table: an unknown kind is an error with a suggestion") {
    SECTION("a near miss") {
        const auto r = read("title: T\nkind: rates\nabout: pupils\ngroups: [A]\nmeasures: [M]\n", count_header);
        CHECK_FALSE(r.table);
        CHECK(r.lines == Lines{"data/t.yaml:2:7: error: unknown table kind \"rates\"; did you mean \"rate\"? Valid "
                               "kinds are count, rate, value and pay-gap"});
    }
}

// Without a suggestion, the first sentence still ends before the list.
TEST_CASE("data table: an unknown kind with no near match ends its sentence before listing the kinds") {
    const auto r = read("title: T\nkind: percentage\nabout: pupils\ngroups: [A]\nmeasures: [M]\n", count_header);
    CHECK_FALSE(r.table);
    CHECK(r.lines == Lines{"data/t.yaml:2:7: error: unknown table kind \"percentage\". Valid kinds are count, "
                           "rate, value and pay-gap"});
}

TEST_CASE("data table: about must be pupils or staff") {
    SECTION("a near miss") {
        const auto r = read("title: T\nkind: count\nabout: pupil\ngroups: [A]\nmeasures: [M]\n", count_header);
        CHECK_FALSE(r.table);
        CHECK(r.lines == Lines{"data/t.yaml:3:8: error: \"about\" must be pupils or staff, not \"pupil\"; did you "
                               "mean \"pupils\"? (it sets how small a figure must be to be hidden)"});
    }
    SECTION("something else") {
        const auto r = read("title: T\nkind: count\nabout: governors\ngroups: [A]\nmeasures: [M]\n", count_header);
        CHECK_FALSE(r.table);
        CHECK(r.lines == Lines{"data/t.yaml:3:8: error: \"about\" must be pupils or staff, not \"governors\" (it "
                               "sets how small a figure must be to be hidden)"});
    }
}

TEST_CASE("data table: totals on a rate table is an error at the value") {
    const auto r = read(rate_yaml + "totals: true\n", rate_header + "riverside-primary,All pupils,Reading,10,20\n");
    CHECK_FALSE(r.table);
    CHECK(r.lines == Lines{"data/t.yaml:6:9: error: \"totals\" adds up counts of people, so it only works in a kind: "
                           "count table; remove it or set it to false"});
}

TEST_CASE("data table: required settings and bad thresholds in the YAML") {
    SECTION("missing kind and groups") {
        const auto r = read("title: T\nabout: pupils\nmeasures: [M]\n", count_header);
        CHECK_FALSE(r.table);
        CHECK(r.lines.size() == 2);
        for (const auto& l : r.lines) CHECK(l.rfind("data/t.yaml:", 0) == 0);
    }
    SECTION("suppression_threshold out of range") {
        const auto r = read(count_yaml + "suppression_threshold: 1\n", count_header);
        CHECK_FALSE(r.table);
        CHECK(r.lines == Lines{"data/t.yaml:6:24: error: suppression_threshold must be a whole number from 2 to 100 "
                               "(figures below it are hidden)"});
    }
    SECTION("a group listed twice") {
        const auto r = read("title: T\nkind: count\nabout: pupils\ngroups: [White, White]\nmeasures: [M]\n",
                            count_header);
        CHECK_FALSE(r.table);
        CHECK(r.lines == Lines{"data/t.yaml:4:17: error: \"White\" is listed twice in groups: remove one"});
    }
}

TEST_CASE("data table: a group label DfE advises against is a warning naming the preferred labels") {
    const auto r = read("title: T\nkind: count\nabout: pupils\ngroups: [BAME, White]\nmeasures: [M]\n",
                        count_header + "riverside-primary,BAME,M,3\nriverside-primary,White,M,30\n");
    REQUIRE(r.table);  // a warning only
    CHECK_FALSE(r.errors);
    CHECK(r.lines == Lines{"data/t.yaml:4:10: warning: DfE guidance advises against the label \"BAME\"; use the five "
                           "broad ethnic groups (\"Asian or Asian British\", \"Black, Black British, Caribbean or "
                           "African\", \"Mixed or multiple ethnic groups\", \"White\", \"Other ethnic group\") "
                           "instead"});
}

TEST_CASE("data table: a trust row that is also given for schools is an error") {
    const auto r = read(count_yaml, count_header +
                                         "riverside-primary,White,Suspended once,3\n"
                                         "trust,White,Suspended once,9\n");
    CHECK_FALSE(r.table);
    CHECK(r.lines == Lines{"data/t.csv:3:1: error: this trust-wide figure is also given for schools (e.g. "
                           "riverside-primary): eqsite adds up the school figures itself, so remove the trust row"});
}

TEST_CASE("data table: several errors are all reported together, sorted by file, line and column") {
    SECTION("in the CSV") {
        const auto r = read(rate_yaml, rate_header +
                                            "riverside-primry,Disadvantagd,Reading,3,2\n"
                                            "hillside-academy,All pupils,Reading,-1,20\n"
                                            "hillside-academy,All pupils,Maths,1,20\n"
                                            "ysgol-ty-gwyn,All pupils,Reading,ten,20\n"
                                            "ysgol-ty-gwyn,All pupils,Reading,1,20,extra\n");
        CHECK_FALSE(r.table);
        CHECK(r.lines ==
              Lines{"data/t.csv:2:1: error: no school \"riverside-primry\" in content/schools/; did you mean "
                    "\"riverside-primary\"?",
                    "data/t.csv:2:18: error: the group \"Disadvantagd\" is not listed in groups of data/t.yaml; did "
                    "you mean \"Disadvantaged\"? If not, add it to groups there",
                    "data/t.csv:2:39: error: the numerator (3) is larger than the denominator (2): the numerator "
                    "counts the people in the group who meet the measure, so it cannot be more than the people in "
                    "the group",
                    "data/t.csv:3:37: error: a numerator cannot be negative (-1): it counts people",
                    "data/t.csv:4:29: error: the measure \"Maths\" is not listed in measures of data/t.yaml: add it "
                    "there, or use one of Reading",
                    "data/t.csv:5:34: error: the numerator \"ten\" is not a whole number: write digits only, e.g. 12 "
                    "(no spaces, commas, % or decimals)",
                    "data/t.csv:6:1: error: this row has 6 values but the first row names 5 columns: check for a missing or "
                    "extra comma (wrap text containing commas in quotes)"});
    }
    SECTION("in the YAML and in the CSV's syntax") {
        const auto r = read("title: T\nkind: rates\nabout: pupil\ngroups: [A]\nmeasures: [M]\ntotals: true\n",
                            count_header + "riverside-primary,A,M,\"3\n");
        CHECK_FALSE(r.table);
        CHECK(r.lines ==
              Lines{"data/t.csv:2:23: error: this quoted field is never closed: add the closing quote (\") at the end "
                    "of the field",
                    "data/t.yaml:2:7: error: unknown table kind \"rates\"; did you mean \"rate\"? Valid kinds are "
                    "count, rate, value and pay-gap",
                    "data/t.yaml:3:8: error: \"about\" must be pupils or staff, not \"pupil\"; did you mean "
                    "\"pupils\"? (it sets how small a figure must be to be hidden)"});
    }
}

// ---------------------------------------------------------------- good path

TEST_CASE("data table: a valid count table is read into one grid per school, in the site's school order") {
    const auto r = read(count_yaml, count_header +
                                         "ysgol-ty-gwyn,White,Suspended once,0\n"
                                         "riverside-primary,Other ethnic group,Suspended more than once,2\n"
                                         "riverside-primary,White,Suspended once,14\n"
                                         "ysgol-ty-gwyn,Other ethnic group,Suspended once,7\n");
    REQUIRE(r.table);
    CHECK(r.lines.empty());
    const DataTable& t = *r.table;
    CHECK(t.spec.slug == "t");
    CHECK(t.spec.title == "Pupils suspended");
    CHECK(t.spec.csv_source == "data/t.csv");
    CHECK(t.spec.yaml_source == "data/t.yaml");
    CHECK(t.spec.kind == TableKind::count);
    CHECK(t.spec.about == TableAbout::pupils);
    CHECK(t.spec.unit.empty());
    CHECK_FALSE(t.spec.totals);
    CHECK(t.spec.trust_total);
    CHECK(t.cell_count() == 4);
    CHECK(t.schools == std::vector<std::size_t>{0, 2});  // hillside-academy has no rows
    REQUIRE(t.school_figures.size() == 2);
    // cell = group * measures + measure
    const FigureGrid& riverside = t.school_figures[0];
    REQUIRE(riverside.cells.size() == 4);
    CHECK(count_at(riverside, 0) == 14);
    CHECK(count_at(riverside, 1) == std::nullopt);
    CHECK(count_at(riverside, 2) == std::nullopt);
    CHECK(count_at(riverside, 3) == 2);
    const FigureGrid& ysgol = t.school_figures[1];
    CHECK(count_at(ysgol, 0) == 0);  // a true zero is a figure
    CHECK(count_at(ysgol, 1) == std::nullopt);
    CHECK(count_at(ysgol, 2) == 7);
    CHECK(count_at(ysgol, 3) == std::nullopt);
    CHECK_FALSE(t.trust_figures);
}

TEST_CASE("data table: a valid rate table keeps numerators and denominators") {
    const auto r = read(rate_yaml + "source: KS2 results\nperiod: 2024/25\ntrust_total: false\n",
                        "\xEF\xBB\xBF" "school,group,measure,numerator,denominator\r\n"
                        "hillside-academy,Disadvantaged,Reading,14,22\r\n"
                        "hillside-academy,All pupils,Reading,51,60\r\n"
                        "riverside-primary,All pupils,Reading,0,0\r\n");
    REQUIRE(r.table);
    CHECK(r.lines.empty());
    const DataTable& t = *r.table;
    CHECK(t.spec.kind == TableKind::rate);
    CHECK(t.spec.unit == "%");  // the default for rates
    CHECK(t.spec.source == "KS2 results");
    CHECK(t.spec.period == "2024/25");
    CHECK_FALSE(t.spec.trust_total);
    CHECK(t.spec.groups == std::vector<std::string>{"All pupils", "Disadvantaged"});
    CHECK(t.spec.measures == std::vector<std::string>{"Reading"});
    CHECK(t.schools == std::vector<std::size_t>{0, 1});
    const FigureGrid& riverside = t.school_figures.at(0);
    REQUIRE(riverside.cells.at(0));
    CHECK(riverside.cells[0]->n == 0);
    CHECK(riverside.cells[0]->d == 0);
    CHECK_FALSE(riverside.cells.at(1));
    const FigureGrid& hillside = t.school_figures.at(1);
    REQUIRE(hillside.cells.at(0));
    CHECK(hillside.cells[0]->n == 51);
    CHECK(hillside.cells[0]->d == 60);
    REQUIRE(hillside.cells.at(1));
    CHECK(hillside.cells[1]->n == 14);
    CHECK(hillside.cells[1]->d == 22);
}

TEST_CASE("data table: trust rows give figures that exist only trust-wide") {
    const auto r = read(count_yaml, count_header +
                                         "riverside-primary,White,Suspended once,14\n"
                                         "trust,Other ethnic group,Suspended more than once,6\n");
    REQUIRE(r.table);
    CHECK(r.lines.empty());
    CHECK(r.table->schools == std::vector<std::size_t>{0});
    REQUIRE(r.table->trust_figures);
    const FigureGrid& trust = *r.table->trust_figures;
    REQUIRE(trust.cells.size() == 4);
    CHECK(count_at(trust, 3) == 6);
    CHECK(count_at(trust, 0) == std::nullopt);
}

TEST_CASE("data table: a value table keeps its figures as written") {
    const auto r = read("title: V\nkind: value\nabout: staff\nunit: pp\ngroups: [All staff]\nmeasures: [Gap, Other]\n",
                        "school,group,measure,value\nriverside-primary,All staff,Gap,-3.10\n"
                        "riverside-primary,All staff,Other,1\n");
    REQUIRE(r.table);
    CHECK(r.lines.empty());
    CHECK(r.table->spec.unit == "pp");
    CHECK(r.table->school_figures.at(0).cells.at(0)->value == "-3.10");
    CHECK(r.table->school_figures.at(0).cells.at(1)->value == "1");
}

TEST_CASE("data table: the threshold comes from the site's default for the audience, or the table's own") {
    const std::string csv = count_header + "riverside-primary,White,Suspended once,14\n";
    auto with_about = [&](const std::string& about) {
        std::string yaml = count_yaml;
        yaml.replace(yaml.find("about: pupils"), 13, "about: " + about);
        return yaml;
    };
    SECTION("defaults: pupils 5, staff 10") {
        CHECK(read(with_about("pupils"), csv).table->spec.threshold == 5);
        CHECK(read(with_about("staff"), csv).table->spec.threshold == 10);
    }
    SECTION("the site's settings") {
        CHECK(read(with_about("pupils"), csv, 7, 12).table->spec.threshold == 7);
        CHECK(read(with_about("staff"), csv, 7, 12).table->spec.threshold == 12);
    }
    SECTION("the table's suppression_threshold wins") {
        const auto pupils = read(with_about("pupils") + "suppression_threshold: 3\n", csv, 7, 12);
        REQUIRE(pupils.table);
        CHECK(pupils.table->spec.threshold == 3);
        const auto staff = read(with_about("staff") + "suppression_threshold: 20\n", csv, 7, 12);
        REQUIRE(staff.table);
        CHECK(staff.table->spec.threshold == 20);
        CHECK(staff.table->spec.about == TableAbout::staff);
    }
}

TEST_CASE("data table: splits name groups that make up the All row") {
    const std::string header = "school,group,measure,count\nriverside-primary,Boys,Suspended once,3\n";
    const std::string yaml = "title: T\nkind: count\nabout: pupils\ngroups: [All pupils, Boys, Girls, SEN support]\n"
                             "measures: [Suspended once]\n";
    const auto ok = read(yaml + "splits: [[Boys, Girls]]\n", header);
    REQUIRE(ok.table);
    CHECK(ok.table->spec.splits == std::vector<std::vector<std::size_t>>{{1, 2}});

    const auto typo = read(yaml + "splits: [[Boys, Gilrs]]\n", header);
    CHECK_FALSE(typo.table);
    CHECK(typo.lines == Lines{"data/t.yaml:6:17: error: \"Gilrs\" is not one of the groups of this table; did you "
                              "mean \"Girls\"?"});

    const auto flat = read(yaml + "splits: [Boys, Girls]\n", header);
    CHECK_FALSE(flat.table);
    CHECK(flat.lines.at(0) == "data/t.yaml:6:10: error: each split is a list of two or more groups; write it as "
                              "splits: [[Boys, Girls]]");

    const auto no_all = read("title: T\nkind: count\nabout: pupils\ngroups: [Boys, Girls]\nmeasures: [Suspended once]\n"
                             "splits: [[Boys, Girls]]\n",
                             header);
    CHECK_FALSE(no_all.table);
    CHECK(no_all.lines.at(0).find("this table has no such group; remove splits") != std::string::npos);
}

TEST_CASE("data table: a value table of percentages is published as given, with a warning to give numbers instead") {
    const std::string csv = "school,group,measure,value\nriverside-primary,All pupils,Disadvantaged,5.0\n";
    const auto r = read("title: Share\nkind: value\nabout: pupils\nunit: \"%\"\ngroups: [All pupils]\nmeasures: [Disadvantaged]\n", csv);
    REQUIRE(r.table);
    CHECK(r.lines == Lines{"data/t.yaml:2:7: warning: a value table of percentages is published exactly as given, so "
                           "eqsite cannot hide a small group behind it (5% of 60 pupils is 3 pupils); if these are "
                           "shares of pupils, give the numbers instead in a rate table (kind: rate, with numerator and "
                           "denominator), whose small groups are hidden"});
    // Other units (a pay gap in points, a score) are not shares of people.
    CHECK(read("title: Score\nkind: value\nabout: pupils\nunit: points\ngroups: [All pupils]\nmeasures: [Disadvantaged]\n", csv)
              .lines.empty());
}
