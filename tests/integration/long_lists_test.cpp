// Long lists stay small pages (issue 11): /review/ in pages of schools, and
// page links as a window (first, last, and two either side of this page)
// rather than one link per page.
#include <catch2/catch.hpp>

#include <regex>

#include "integration/run.hpp"

using namespace eqsite::test;

namespace {

// The page numbers a page links to, in order, with 0 for a gap.
std::vector<int> page_links(const std::string& html) {
    const auto nav = html.find("<nav class=\"pagination\"");
    if (nav == std::string::npos) return {};
    const std::string part = html.substr(nav, html.find("</nav>", nav) - nav);
    std::vector<int> out;
    const std::regex item(R"re(<li class="pagination-gap">|<a href="[^"]*"(?: aria-current="page")?>([0-9]+)</a>)re");
    for (std::sregex_iterator it(part.begin(), part.end(), item), end; it != end; ++it)
        out.push_back((*it)[1].matched ? std::stoi((*it)[1].str()) : 0);
    return out;
}

}  // namespace

TEST_CASE("long lists: review dates in pages of 50 schools, and a window of page links") {
    TempDir dir;
    const fs::path site = dir.path() / "site", out = dir.path() / "public";
    write_minimal_site(site);
    date_trust_objectives(site);
    constexpr int schools = 120;  // 3 pages of review dates: 50, 50, 20
    for (int i = 0; i < schools; ++i) {
        const std::string n = std::to_string(1000 + i);
        write_complete_school(site, "school-" + n, "School " + n);
    }
    constexpr int objectives = 1500;  // 8 pages of 200 on /characteristics/disability/
    for (int i = 0; i < objectives; ++i)
        write(site / "content/trust/objectives" / ("o" + std::to_string(10000 + i) + ".md"),
              objective("Objective " + std::to_string(i), "start: 2025-09-01\ndue: 2029-07-31\n"));
    const auto r = run_eqsite("build --quiet " + quote(site.string()) + " -o " + quote(out.string()));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);

    // Every school's dates are on exactly one page of /review/; the trust's
    // and the summary on the first.
    const std::string first = read(out / "review/index.html"), second = read(out / "review/page/2/index.html"),
                      third = read(out / "review/page/3/index.html");
    CHECK_FALSE(fs::exists(out / "review/page/4"));
    CHECK(occurrences(first, "id=\"review-school-") == 50);
    CHECK(occurrences(second, "id=\"review-school-") == 50);
    CHECK(occurrences(third, "id=\"review-school-") == 20);
    for (int i = 0; i < schools; ++i) {
        const std::string id = "id=\"review-school-school-" + std::to_string(1000 + i) + "\"";
        CHECK(occurrences(first, id) + occurrences(second, id) + occurrences(third, id) == 1);
    }
    CHECK(occurrences(first, "id=\"review-trust\"") == 1);
    CHECK(occurrences(second, "id=\"review-trust\"") == 0);
    CHECK(first.find("id=\"summary\"") != std::string::npos);
    CHECK(second.find("id=\"summary\"") == std::string::npos);
    CHECK(second.find("(page 2 of 3)") != std::string::npos);
    CHECK(page_links(first) == std::vector<int>{1, 2, 3});
    CHECK(page_links(third) == std::vector<int>{1, 2, 3});

    // A window of links, whatever the number of pages.
    const fs::path list = out / "characteristics/disability";
    CHECK(fs::exists(list / "page/8/index.html"));
    CHECK_FALSE(fs::exists(list / "page/9"));
    CHECK(page_links(read(list / "index.html")) == std::vector<int>{1, 2, 3, 0, 8});
    CHECK(page_links(read(list / "page/5/index.html")) == std::vector<int>{1, 0, 3, 4, 5, 6, 7, 8});
    CHECK(page_links(read(list / "page/4/index.html")) == std::vector<int>{1, 2, 3, 4, 5, 6, 0, 8});
    CHECK(page_links(read(list / "page/8/index.html")) == std::vector<int>{1, 0, 6, 7, 8});
    // Previous and next on every page but the ends.
    CHECK(read(list / "page/5/index.html").find("rel=\"prev\"") != std::string::npos);
    CHECK(read(list / "page/8/index.html").find("rel=\"next\"") == std::string::npos);
}
