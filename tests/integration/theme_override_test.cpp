// A site's theme replaces the markup of data tables and changes the words
// (issue 13): the fixture tests/sites/theme-table-partial overrides
// `figures-table` and ten strings, and its pages show the trust's markup
// and words with the same figures, symbols, legend and chart. The browser
// gate (make test-browser) checks its pages.
#include <catch2/catch.hpp>

#include "integration/run.hpp"

using namespace eqsite::test;

TEST_CASE("theme: a site's figures-table partial replaces the markup of every data table") {
    TempDir dir;
    const fs::path out = dir.path() / "public";
    const auto r = run_eqsite("build --quiet " + quote((source_dir() / "tests/sites/theme-table-partial").string()) +
                              " --today 2026-09-01 -o " + quote(out.string()));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const std::string school = read(out / "schools/oak-primary/index.html");
    const std::string data = read(out / "data/index.html");
    // The default markup is gone, the site's is there for every table.
    CHECK(occurrences(school, "class=\"figures\"") == 0);
    CHECK(occurrences(data, "class=\"figures\"") == 0);
    CHECK(occurrences(school, "<table class=\"trust-figures\" id=\"table-attendance\"") == 1);
    CHECK(occurrences(data, "<table class=\"trust-figures\"") == 2 + 3);  // attendance and staff, and the pay gap's three
    // The figures are the same: 3 of 40 is hidden, its symbol marked by the
    // site's own class; the others shown as percentages.
    CHECK(school.find("<td class=\"trust-figure trust-symbol\">c</td>") != std::string::npos);
    CHECK(school.find("<td class=\"trust-figure\">14.3%</td>") != std::string::npos);
    CHECK(school.find(">3<") == std::string::npos);
    // What the theme did not replace is as before: legend and chart.
    CHECK(school.find("<ul class=\"table-legend\">") != std::string::npos);
    CHECK(school.find("<figure class=\"chart\">") != std::string::npos);
}

TEST_CASE("theme: a site's strings change the words of every page, key by key") {
    TempDir dir;
    const fs::path out = dir.path() / "public";
    const auto r = run_eqsite("build --quiet " + quote((source_dir() / "tests/sites/theme-table-partial").string()) +
                              " --today 2026-09-01 -o " + quote(out.string()));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.find("warning: \"") == std::string::npos);  // every key is one of the theme's
    const std::string home = read(out / "index.html"), school = read(out / "schools/oak-primary/index.html");
    const std::string data = read(out / "data/index.html");
    CHECK(home.find(">Start page<") != std::string::npos);          // nav.home, in the navigation
    CHECK(home.find(">Figures<") != std::string::npos);             // nav.data
    CHECK(home.find(">When things are due<") != std::string::npos); // nav.review
    CHECK(home.find(">Find a school</h2>") != std::string::npos);   // home.schools_heading, in a template
    CHECK(home.find(">Objectives for every school</h2>") != std::string::npos);
    CHECK(read(out / "objectives/index.html").find("<h1>Our equality objectives</h1>") != std::string::npos);
    CHECK(data.find("<title>Figures about our pupils and staff") != std::string::npos);
    CHECK(school.find("<th scope=\"col\">Pupils</th>") != std::string::npos);  // tables.group
    CHECK(school.find("hidden so that no child can be identified (fewer than 5 pupils behind the figure)") !=
          std::string::npos);
    CHECK(data.find("31 Mar 2025") != std::string::npos);  // dates.months
    // What the site did not change is the default.
    CHECK(home.find(">Objectives<") != std::string::npos);  // nav.objectives
    CHECK(home.find(">Review status</h2>") != std::string::npos);
}

TEST_CASE("scripts: only those site.yaml asks for are published, and only the pages that use them load them") {
    TempDir dir;
    const fs::path asked = dir.path() / "asked", plain = dir.path() / "plain";
    REQUIRE(run_eqsite("build --quiet " + quote((source_dir() / "tests/sites/theme-table-partial").string()) +
                       " --today 2026-09-01 -o " + quote(asked.string()))
                .exit_code == 0);
    REQUIRE(run_eqsite("build --quiet " + quote((source_dir() / "tests/sites/claims-pay-gap").string()) +
                       " --today 2026-09-01 -o " + quote(plain.string()))
                .exit_code == 0);
    // The fixture asks for both (scripts: school_filter, print_date).
    CHECK(fs::exists(asked / "assets/school-filter.js"));
    CHECK(fs::exists(asked / "assets/print-date.js"));
    const std::string home = read(asked / "index.html"), policy = read(asked / "policy/index.html");
    CHECK(home.find("<script src=\"/assets/school-filter.js\" defer></script>") != std::string::npos);
    CHECK(policy.find("school-filter.js") == std::string::npos);
    CHECK(policy.find("<script src=\"/assets/print-date.js\" defer></script>") != std::string::npos);
    CHECK(policy.find("<span id=\"printed-on\" data-words=\" on #\"></span>") != std::string::npos);
    // A site that does not ask has no script file and no page with a script.
    CHECK_FALSE(fs::exists(plain / "assets/school-filter.js"));
    CHECK_FALSE(fs::exists(plain / "assets/print-date.js"));
    for (const auto& e : fs::recursive_directory_iterator(plain))
        if (e.path().extension() == ".html") {
            INFO(e.path().string());
            CHECK(read(e.path()).find("<script") == std::string::npos);
        }
}
