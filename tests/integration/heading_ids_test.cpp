// Heading ids are unique on every page (issue 13): a heading written in the
// content never takes an id the template writes itself, whatever the
// template, because the reserved ids are read from the templates.
#include <catch2/catch.hpp>

#include <map>
#include <regex>

#include "integration/run.hpp"

using namespace eqsite::test;

namespace {

// Every id that appears more than once in the page.
std::vector<std::string> duplicate_ids(const std::string& html) {
    std::map<std::string, int> seen;
    const std::regex id(R"re(\sid="([^"]+)")re");
    for (std::sregex_iterator it(html.begin(), html.end(), id), end; it != end; ++it) ++seen[(*it)[1]];
    std::vector<std::string> out;
    for (const auto& [name, n] : seen)
        if (n > 1) out.push_back(name);
    return out;
}

}  // namespace

TEST_CASE("content headings named like the template's own sections get ids of their own") {
    TempDir dir;
    const fs::path site = dir.path() / "site";
    write_minimal_site(site);
    date_trust_objectives(site);
    write(site / "content/trust/index.md",
          "---\ntitle: Welcome\n---\n## Schools\n\nOurs.\n\n## Trust-wide objectives\n\nSee below.\n\n## The duty\n\nYes.\n");
    write_complete_school(site, "oak", "Oak School");
    write(site / "content/schools/oak/index.md",
          "---\nname: Oak School\nobjectives_published: 2025-09-01\n---\n## Own objectives\n\nA.\n\n## Details\n\nB.\n\n"
          "## Accessibility plan\n\nC.\n\n## Trust-wide objectives\n\nD.\n");
    write(site / "content/trust/objectives/a.md", objective("A"));
    const fs::path out = dir.path() / "out";
    const Run r = run_eqsite("build --quiet --today 2026-09-01 " + quote(site.string()) + " -o " + quote(out.string()));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    int pages = 0;
    for (const auto& e : fs::recursive_directory_iterator(out)) {
        if (e.path().extension() != ".html") continue;
        ++pages;
        INFO(e.path().string());
        CHECK(duplicate_ids(read(e.path())).empty());
    }
    CHECK(pages > 10);
    // The content's heading took the next free id; the template kept its own.
    const std::string school = read(out / "schools/oak/index.html");
    CHECK(school.find("<h3 id=\"own-objectives-2\">Own objectives</h3>") != std::string::npos);
    const std::string home = read(out / "index.html");
    CHECK(home.find("id=\"schools-2\"") != std::string::npos);
}

TEST_CASE("every page of site-example has unique ids") {
    TempDir dir;
    REQUIRE(run_eqsite("build --quiet " + quote((source_dir() / "site-example").string()) + " -o " +
                       quote((dir.path() / "out").string()))
                .exit_code == 0);
    for (const auto& e : fs::recursive_directory_iterator(dir.path() / "out")) {
        if (e.path().extension() != ".html") continue;
        INFO(e.path().string());
        CHECK(duplicate_ids(read(e.path())).empty());
    }
}
