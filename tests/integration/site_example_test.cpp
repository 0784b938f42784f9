// Builds the real example trust and checks the result against the URL map
// (spec section 6) and the merge rules (spec section 4).
#include <catch2/catch.hpp>

#include <regex>
#include <sstream>

#include "integration/run.hpp"
#include "model/build_site.hpp"

using namespace eqsite;
using namespace eqsite::test;

namespace {

const fs::path example = source_dir() / "site-example";

// Built once for the whole test run (jobs 1), and once more with jobs 4.
const std::map<std::string, std::string>& built(int jobs) {
    static std::map<int, std::map<std::string, std::string>> cache;
    static TempDir dir;
    auto it = cache.find(jobs);
    if (it != cache.end()) return it->second;
    const fs::path out = dir.path() / ("jobs-" + std::to_string(jobs));
    const Run r = run_eqsite("build " + quote(example.string()) + " -o " + quote(out.string()) + " --jobs " +
                             std::to_string(jobs));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return cache[jobs] = read_tree(out);
}

const Site& model() {
    static Diagnostics d;
    static Site site = load_site(example, {}, d);
    return site;
}

std::string escaped(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '&') out += "&amp;";
        else if (c == '\'') out += "&apos;";
        else if (c == '"') out += "&quot;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else out.push_back(c);
    }
    return out;
}

}  // namespace

TEST_CASE("site-example is rich enough to demonstrate every feature") {
    const Site& s = model();
    CHECK(s.schools.size() >= 6);
    CHECK(s.objectives.size() >= 30);
    CHECK(s.policy->size() >= 5);
    std::set<Phase> phases;
    for (const auto& school : s.schools) phases.insert(*school.phase);
    for (Phase p : {Phase::primary, Phase::secondary, Phase::special, Phase::all_through}) CHECK(phases.count(p));
    for (std::size_t a = 0; a < aim_count; ++a) CHECK_FALSE(s.by_aim[a]->empty());
    for (std::size_t c = 0; c < characteristic_count; ++c) CHECK_FALSE(s.by_characteristic[c]->empty());
}

TEST_CASE("every page of the URL map exists") {
    const auto& files = built(1);
    for (const char* page : {"index.html", "policy/index.html", "objectives/index.html", "review/index.html",
                             "accessibility/index.html", "404.html", "sitemap.xml", "robots.txt", "assets/style.css"})
        CHECK(files.count(page) == 1);
    for (auto c : characteristics_vocabulary().terms) CHECK(files.count("characteristics/" + std::string(c) + "/index.html"));
    for (auto a : aims_vocabulary().terms) CHECK(files.count("aims/" + std::string(a) + "/index.html"));
    for (const auto& school : model().schools) {
        CHECK(files.count("schools/" + school.slug + "/index.html"));
        for (std::size_t i : school.objectives) {
            const auto& o = model().objectives[i];
            const std::string path = o.school ? "schools/" + model().schools[*o.school].slug + "/objectives/" + o.slug +
                                                    "/index.html"
                                              : "objectives/" + o.slug + "/index.html";
            CHECK(files.count(path));
        }
    }
    CHECK(has(files.at("sitemap.xml"), "<loc>https://equality.marches-learning.example/schools/ysgol-ty-gwyn/</loc>"));
    CHECK_FALSE(has(files.at("sitemap.xml"), "404"));
}

TEST_CASE("a school page shows its own and the trust's objectives, not another school's") {
    const auto& files = built(1);
    const Site& s = model();
    for (std::size_t si = 0; si < s.schools.size(); ++si) {
        const School& school = s.schools[si];
        const std::string& html = files.at("schools/" + school.slug + "/index.html");
        for (std::size_t oi = 0; oi < s.objectives.size(); ++oi) {
            const Objective& o = s.objectives[oi];
            const bool excluded = std::any_of(school.excluded_trust_objectives.begin(),
                                              school.excluded_trust_objectives.end(),
                                              [&](const auto& e) { return e.value == o.slug; });
            const bool should_show = o.trust_wide() ? !excluded : o.school == si;
            INFO(school.slug << " / " << o.slug);
            CHECK(has(html, escaped(o.title) + "</a>") == should_show);
        }
    }
    // The example's nursery excludes one trust objective: prove it is not shown.
    const std::string& nursery = files.at("schools/willowbank-nursery/index.html");
    CHECK_FALSE(has(nursery, "objectives/challenge-stereotypes-in-careers-guidance/"));
    CHECK(has(files.at("schools/castlegate-academy/index.html"), "objectives/challenge-stereotypes-in-careers-guidance/"));
}

TEST_CASE("index pages list every objective under its aims and characteristics") {
    const auto& files = built(1);
    const Site& s = model();
    const std::string& all = files.at("objectives/index.html");
    for (const auto& o : s.objectives) CHECK(has(all, escaped(o.title) + "</a>"));
    for (std::size_t c = 0; c < characteristic_count; ++c) {
        const std::string& page =
            files.at("characteristics/" + std::string(characteristics_vocabulary().terms[c]) + "/index.html");
        for (std::size_t i = 0; i < s.objectives.size(); ++i) {
            const bool listed = std::count(s.by_characteristic[c]->begin(), s.by_characteristic[c]->end(), i) > 0;
            CHECK(has(page, escaped(s.objectives[i].title) + "</a>") == listed);
        }
    }
}

TEST_CASE("the policy page has a contents list in weight order") {
    const std::string& html = built(1).at("policy/index.html");
    std::size_t last = 0;
    for (const auto& section : *model().policy) {
        const auto at = html.find("<h2 id=\"");
        REQUIRE(at != std::string::npos);
        const auto pos = html.find(">" + escaped(section.title) + "</h2>");
        REQUIRE(pos != std::string::npos);
        CHECK(pos > last);
        last = pos;
        CHECK(has(html, ">" + escaped(section.title) + "</a></li>"));  // in the contents list
    }
}

TEST_CASE("the review page flags the overdue school in words") {
    const std::string& html = built(1).at("review/index.html");
    const auto school = html.find("Whitmore Vale");
    REQUIRE(school != std::string::npos);
    CHECK(html.find("Overdue</strong>", school) != std::string::npos);
    CHECK(has(html, "30 June 2025"));
}

TEST_CASE("the review page shows every status, so the browser gate checks each one's markup") {
    const std::string& html = built(1).at("review/index.html");
    for (const char* status : {"up-to-date\">Up to date", "due-soon\">Due soon", "overdue\">Overdue",
                               "no-date\">No date given", "not-published\">Not published"}) {
        INFO(status);
        CHECK(has(html, std::string("review-status review-") + status));
    }
    CHECK(has(html, "Overdue objectives and actions"));
}

TEST_CASE("at least two schools publish an accessibility plan, linked from their page") {
    const auto& files = built(1);
    int plans = 0;
    for (const auto& school : model().schools) {
        if (!school.accessibility_plan) continue;
        ++plans;
        const std::string route = "schools/" + school.slug + "/accessibility-plan/index.html";
        REQUIRE(files.count(route));
        CHECK(has(files.at(route), "Schedule 10 to the Equality Act 2010"));
        CHECK(has(files.at("schools/" + school.slug + "/index.html"),
                  "href=\"/schools/" + school.slug + "/accessibility-plan/\""));
    }
    CHECK(plans >= 2);
}

TEST_CASE("every page has one h1, a unique title, the footer link and no script") {
    const auto& files = built(1);
    std::set<std::string> titles;
    const std::regex title_re("<title>([^<]*)</title>");
    for (const auto& [path, html] : files) {
        if (!path.ends_with(".html")) continue;
        INFO(path);
        std::size_t h1 = 0;
        for (auto p = html.find("<h1"); p != std::string::npos; p = html.find("<h1", p + 1)) ++h1;
        CHECK(h1 == 1);
        std::smatch m;
        REQUIRE(std::regex_search(html, m, title_re));
        CHECK(titles.insert(m[1]).second);
        CHECK(has(html, "<html lang=\"en-GB\">"));
        CHECK(has(html, "href=\"/accessibility/\">Accessibility statement</a>"));
        CHECK_FALSE(has(html, "<script"));
    }
}

TEST_CASE("output is byte-identical whatever --jobs") {
    const auto& one = built(1);
    const auto& four = built(4);
    REQUIRE(one.size() == four.size());
    for (const auto& [path, bytes] : one) {
        INFO(path);
        REQUIRE(four.count(path));
        CHECK(four.at(path) == bytes);
    }
}

// Issue 13: pages that answer the reader's question first.
TEST_CASE("the home page finds a school first, the duty has its own page, linked from every footer") {
    const auto& files = built(1);
    const std::string& home = files.at("index.html");
    const auto schools = home.find("<h2 id=\"schools\">Find your school</h2>");
    REQUIRE(schools != std::string::npos);
    CHECK(schools < home.find("id=\"trust-objectives\""));
    CHECK(home.find("id=\"trust-objectives\"") < home.find("id=\"review-status\""));
    // The statutory text is on /duty/, not on the home page.
    const std::string& duty = files.at("duty/index.html");
    // Its first sentence of prose (not a heading), as far as the first quote.
    std::string sentence;
    std::istringstream lines(model().statutory.unrecorded().duty.markdown);
    for (std::string line; std::getline(lines, line);)
        if (!line.empty() && std::isalpha(static_cast<unsigned char>(line[0]))) {
            sentence = line.substr(0, std::min<std::size_t>(40, line.find('"')));
            break;
        }
    REQUIRE(sentence.size() > 20);
    CHECK(has(duty, escaped(sentence)));
    CHECK_FALSE(has(home, escaped(sentence)));
    CHECK(has(home, "<a href=\"/duty/\">"));
    for (const auto& [path, html] : files)
        if (path.ends_with(".html") && !path.starts_with("fragments/") && path.find("/embed/") == std::string::npos &&
            path != "embed/index.html") {
            INFO(path);
            CHECK(has(html, "<nav class=\"footer-links\""));
            CHECK(has(html.substr(html.find("<footer")), "href=\"/duty/\""));
        }
}

TEST_CASE("a school page starts with where the school stands and a contents list, objectives before data") {
    const auto& files = built(1);
    const Site& site = model();
    for (std::size_t i = 0; i < site.schools.unrecorded().size(); ++i) {
        const School& s = site.schools.unrecorded()[i];
        const std::string& page = files.at("schools/" + s.slug + "/index.html");
        INFO(s.slug);
        const auto n = s.objectives.size();
        CHECK(has(page, "<dt>Objectives</dt><dd>" + std::to_string(n) + (n == 1 ? " equality objective" : " equality objectives")));
        std::size_t overdue = 0;
        for (std::size_t o : s.objectives) overdue += site.objectives.unrecorded()[o].overdue(site.today.unrecorded());
        CHECK(has(page, std::to_string(overdue) + " of them overdue") == (overdue > 0));
        CHECK(has(page, "<dt>Equality information last updated</dt>"));
        // The order of the page: glance, contents, objectives, ..., data last.
        const auto glance = page.find("id=\"at-a-glance\""), contents = page.find("id=\"contents-heading\""),
                   objectives = page.find("<h2 id=\"objectives\""), review = page.find("<h2 id=\"review\""),
                   data = page.find("<h2 id=\"data\"");
        REQUIRE(glance != std::string::npos);
        CHECK(glance < contents);
        CHECK(contents < objectives);
        CHECK(objectives < review);
        CHECK(review < data);
        for (const char* id : {"objectives", "information", "accessibility-plan", "review", "details", "data"})
            CHECK(has(page, std::string("<li><a href=\"#") + id + "\">"));
    }
    // A table's commentary is on the school's page and the trust's.
    CHECK(has(files.at("schools/brookmead-primary/index.html"), "<div class=\"commentary\"><p>Pupils with an EHC plan"));
    CHECK(has(files.at("data/index.html"), "<div class=\"commentary\"><p>Pupils with an EHC plan"));
}

TEST_CASE("objectives filter by status: each objective on exactly one status page, linked with its count") {
    const auto& files = built(1);
    const Site& site = model();
    const std::string& index = files.at("objectives/index.html");
    std::size_t listed = 0;
    for (std::size_t i = 0; i < status_filters.size(); ++i) {
        const std::string slug(status_filters[i]);
        const auto count = site.by_status[i].unrecorded().size();
        const auto page = files.find("objectives/status/" + slug + "/index.html");
        INFO(slug);
        CHECK((page != files.end()) == (count > 0));
        if (page == files.end()) continue;
        CHECK(has(index, "<a href=\"/objectives/status/" + slug + "/\">"));
        std::size_t cards = 0;
        for (auto at = page->second.find("class=\"objective-card"); at != std::string::npos;
             at = page->second.find("class=\"objective-card", at + 1))
            ++cards;
        CHECK(cards == count);
        listed += count;
    }
    CHECK(listed == site.objectives.unrecorded().size());
    // An overdue objective is under "Overdue", whatever status it was given.
    CHECK(files.count("objectives/status/overdue/index.html") == 1);
}

TEST_CASE("a printed page says where it is from and when its content last changed") {
    const auto& files = built(1);
    const std::string& careers = files.at("objectives/challenge-stereotypes-in-careers-guidance/index.html");
    CHECK(has(careers, "<p class=\"print-only\">Printed from "
                       "https://equality.marches-learning.example/objectives/challenge-stereotypes-in-careers-guidance/. "
                       "Last updated "));
    // The date is the sitemap's <lastmod> for the page, written out.
    const std::string& sitemap = files.at("sitemap.xml");
    const std::string loc = "objectives/challenge-stereotypes-in-careers-guidance/</loc><lastmod>";
    REQUIRE(has(sitemap, loc));
    const std::string iso = sitemap.substr(sitemap.find(loc) + loc.size(), 10);
    const auto date = parse_date(iso);
    REQUIRE(date);
    const char* months[] = {"January", "February", "March", "April", "May", "June", "July",
                            "August", "September", "October", "November", "December"};
    CHECK(has(careers, "Last updated " + std::to_string(date->day) + " " + months[date->month - 1] + " " +
                           std::to_string(date->year) + "."));
}

TEST_CASE("on /review/, an item that is not published links nowhere (not to its school's page)") {
    const std::string& review = built(1).at("review/index.html");
    const auto group = review.find("id=\"review-school-willowbank-nursery\"");
    REQUIRE(group != std::string::npos);
    const std::string part = review.substr(group, review.find("</section>\n</section>", group) - group);
    CHECK(has(part, "<th scope=\"row\">Accessibility plan</th>"));  // Willowbank has none
    CHECK_FALSE(has(part, "<a href=\"/schools/willowbank-nursery/\">Accessibility plan</a>"));
}
