// Open data (issue 14): /objectives.json, each school's objectives.json and
// a <lastmod> for every sitemap entry, from site-example.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <regex>
#include <sstream>

#include "integration/run.hpp"

using namespace eqsite::test;

TEST_CASE("open data: every objective as JSON, per school too, and sitemap dates from the content") {
    TempDir dir;
    const fs::path out = dir.path() / "public";
    REQUIRE(run_eqsite("build --quiet " + quote((source_dir() / "site-example").string()) + " -o " +
                       quote(out.string()))
                .exit_code == 0);

    std::size_t files = 0;
    for (const auto& e : fs::recursive_directory_iterator(source_dir() / "site-example/content"))
        if (e.path().extension() == ".md" && e.path().parent_path().filename() == "objectives") ++files;
    const auto all = nlohmann::json::parse(read(out / "objectives.json"));
    REQUIRE(all.is_array());
    // Laid out as nlohmann's dump(2) lays out the same list, though each
    // objective is written as text without a tree (render/json_text).
    for (const char* file : {"objectives.json", "schools/brookmead-primary/objectives.json"}) {
        const std::string text = read(out / file);
        CHECK(text == nlohmann::ordered_json::parse(text).dump(2) + "\n");
    }
    CHECK(all.size() == files);
    const std::string base = "https://equality.marches-learning.example/";
    for (const auto& o : all) {
        CHECK(o["url"].get<std::string>().rfind(base, 0) == 0);
        CHECK(fs::exists(out / (o["url"].get<std::string>().substr(base.size()) + "index.html")));
        CHECK(o.contains("title"));
        CHECK(o["aims"].is_array());
    }
    const auto careers = std::find_if(all.begin(), all.end(), [](const auto& o) {
        return o["slug"] == "challenge-stereotypes-in-careers-guidance";
    });
    REQUIRE(careers != all.end());
    CHECK((*careers)["school"] == "trust");
    CHECK((*careers)["start"] == "2024-09-01");
    CHECK((*careers)["due"] == "2027-07-31");
    CHECK((*careers)["status"] == "at-risk");
    CHECK((*careers)["characteristics"] == nlohmann::json::array({"disability", "race", "sex"}));
    CHECK((*careers)["owners"] == nlohmann::json::array({"Trust careers lead", "Headteachers"}));
    CHECK((*careers)["actions"].size() > 0);

    // A school's file: the objectives its page shows, its own and the trust's.
    const auto school = nlohmann::json::parse(read(out / "schools/brookmead-primary/objectives.json"));
    std::size_t own = 0, trust = 0;
    for (const auto& o : school) (o["school"] == "brookmead-primary" ? own : trust) += 1;
    std::size_t own_files = 0;
    for (const auto& e : fs::directory_iterator(source_dir() / "site-example/content/schools/brookmead-primary/objectives"))
        own_files += e.path().extension() == ".md";
    CHECK(own == own_files);
    CHECK(trust > 0);
    for (const auto& o : school) CHECK((o["school"] == "brookmead-primary" || o["school"] == "trust"));

    // Every sitemap entry has a date, none after site-example's today, except
    // where the content gives none: Whitmore Vale's plan has no date, /duty/
    // is the built-in statutory text, and a listing page dates from the
    // objectives it shows (none: no date). No date is made up.
    const std::string sitemap = read(out / "sitemap.xml");
    const std::regex entry(R"(<url><loc>([^<]+)</loc>(?:<lastmod>([0-9-]+)</lastmod>)?</url>)");
    std::size_t entries = 0;
    for (std::sregex_iterator it(sitemap.begin(), sitemap.end(), entry), end; it != end; ++it, ++entries) {
        INFO((*it)[1].str());
        const std::string loc = (*it)[1].str();
        const std::string page = read(out / (loc.substr(base.size()) + "index.html"));
        const bool listing = loc.find("/aims/") != std::string::npos || loc.find("/characteristics/") != std::string::npos;
        const bool undated = loc.find("whitmore-vale-primary/accessibility-plan/") != std::string::npos ||
                             loc.ends_with("/duty/") ||
                             (listing && page.find("class=\"objective-card") == std::string::npos);
        CHECK((*it)[2].matched == !undated);
        CHECK((*it)[2].str() <= "2026-09-01");
    }
    CHECK(entries > 50);
    // An objective's date is its latest progress note (or its start).
    CHECK(sitemap.find("objectives/challenge-stereotypes-in-careers-guidance/</loc><lastmod>" +
                       (*careers)["progress"].back()["date"].get<std::string>() + "</lastmod>") != std::string::npos);
}

TEST_CASE("pages for other websites: an embed page per school, and with --fragments, fragments to paste") {
    TempDir dir;
    const fs::path site = source_dir() / "site-example";
    const fs::path plain = dir.path() / "plain", with = dir.path() / "with";
    REQUIRE(run_eqsite("build --quiet " + quote(site.string()) + " -o " + quote(plain.string())).exit_code == 0);
    CHECK_FALSE(fs::exists(plain / "fragments"));
    CHECK_FALSE(fs::exists(plain / "assets/fragment.css"));
    REQUIRE(run_eqsite("build --quiet --fragments " + quote(site.string()) + " -o " + quote(with.string())).exit_code == 0);

    const std::string base = "https://equality.marches-learning.example/";
    std::size_t schools = 0;
    for (const auto& e : fs::directory_iterator(site / "content/schools")) {
        if (!e.is_directory()) continue;
        ++schools;
        const std::string slug = e.path().filename().string();
        INFO(slug);
        // The embed page: a whole page with a title, without the site's navigation, links opening outside the frame.
        const std::string embed = read(plain / "schools" / slug / "embed/index.html");
        CHECK(embed.find("<title>") != std::string::npos);
        CHECK(embed.find("class=\"site-header\"") == std::string::npos);
        CHECK(embed.find("<base target=\"_top\">") != std::string::npos);
        CHECK(embed.find("<link rel=\"canonical\" href=\"" + base + "schools/" + slug + "/\">") != std::string::npos);
        CHECK(embed.find("name=\"robots\" content=\"noindex\"") != std::string::npos);
        // The fragment: the school page's content, every address absolute.
        const std::string fragment = read(with / "fragments/schools" / (slug + ".html"));
        CHECK(fragment.find("<div class=\"eqsite-fragment\"") != std::string::npos);
        CHECK(fragment.find("<!DOCTYPE") == std::string::npos);
        CHECK(fragment.find("href=\"/") == std::string::npos);
        CHECK(fragment.find("src=\"/") == std::string::npos);
        CHECK(fragment.find("href=\"" + base + "assets/fragment.css\"") != std::string::npos);
        // Its ids are its own (a host page has ids too), and its links to its parts still lead to them.
        CHECK(fragment.find(" id=\"objectives\"") == std::string::npos);
        CHECK(fragment.find(" id=\"eqsite-school-" + slug + "--objectives\"") != std::string::npos);
        for (std::size_t at = fragment.find("href=\"#"); at != std::string::npos; at = fragment.find("href=\"#", at + 1)) {
            const std::string id = fragment.substr(at + 7, fragment.find('"', at + 7) - at - 7);
            INFO(id);
            CHECK(id.rfind("eqsite-school-" + slug + "--", 0) == 0);
            CHECK(fragment.find(" id=\"" + id + "\"") != std::string::npos);
        }
    }
    CHECK(schools >= 6);
    CHECK(fs::exists(with / "fragments/trust.html"));
    CHECK(fs::exists(plain / "embed/index.html"));
    // Every rule of the fragment's stylesheet is under its class.
    const std::string css = read(with / "assets/fragment.css");
    std::istringstream lines(css);
    for (std::string line; std::getline(lines, line);) {
        if (line.empty() || line[0] == ' ' || line[0] == '}' || line.rfind("/*", 0) == 0 || line.rfind("@media", 0) == 0)
            continue;
        INFO(line);
        CHECK(line.rfind(".eqsite-fragment", 0) == 0);
    }
    // Neither is in the sitemap: they repeat pages that are.
    const std::string sitemap = read(with / "sitemap.xml");
    CHECK(sitemap.find("embed/") == std::string::npos);
    CHECK(sitemap.find("fragments/") == std::string::npos);
    // And the output is otherwise the same.
    CHECK(read(with / "schools/brookmead-primary/index.html") == read(plain / "schools/brookmead-primary/index.html"));
}
