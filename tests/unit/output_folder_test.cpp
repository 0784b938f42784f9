#include <catch2/catch.hpp>

#include "support.hpp"
#include "write/build.hpp"
#include "write/output_folder.hpp"

using namespace eqsite;
using namespace eqsite::test;

TEST_CASE("dangerous output folders are refused") {
    TempDir dir;
    const fs::path site = dir.path() / "trust";
    write_minimal_site(site);
    CHECK_FALSE(refuse_output_folder(site, site / "public"));
    CHECK_FALSE(refuse_output_folder(site, dir.path() / "elsewhere"));
    REQUIRE(refuse_output_folder(site, site));
    CHECK(refuse_output_folder(site, site)->find("is the site folder itself") != std::string::npos);
    REQUIRE(refuse_output_folder(site, dir.path()));
    CHECK(refuse_output_folder(site, dir.path())->find("contains the site folder") != std::string::npos);
    CHECK(refuse_output_folder(site, site / "content" / ".."));  // the site itself, spelt differently
    write(dir.path() / "other/content/x.md", "x");
    REQUIRE(refuse_output_folder(site, dir.path() / "other"));
    CHECK(refuse_output_folder(site, dir.path() / "other")->find("contains a content/ folder") != std::string::npos);
    write(dir.path() / "documents/letter.txt", "precious");
    REQUIRE(refuse_output_folder(site, dir.path() / "documents"));
    CHECK(refuse_output_folder(site, dir.path() / "documents")->find("did not make") != std::string::npos);
}

TEST_CASE("the staging folder replaces the output only on commit") {
    TempDir dir;
    const fs::path out = dir.path() / "public";
    write(out / "old.html", "old");
    {
        StagingFolder staging(out);
        REQUIRE(staging.ok());
        write(staging.path() / "new.html", "new");
        // Not committed: destroyed with the output untouched.
    }
    CHECK(read_tree(out) == std::map<std::string, std::string>{{"old.html", "old"}});
    CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 1);
    {
        StagingFolder staging(out);
        write(staging.path() / "new.html", "new");
        REQUIRE(staging.commit());
    }
    CHECK(read_tree(out) == std::map<std::string, std::string>{{"new.html", "new"}});
    CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 1);
}

TEST_CASE("a failed build leaves the previous output byte-identical, stale files go on success") {
    TempDir dir;
    const fs::path site = dir.path() / "trust";
    write_minimal_site(site);
    write(site / "content/trust/objectives/one.md", objective("One"));
    BuildOptions options;
    options.site = site;
    options.jobs = 2;
    REQUIRE(build(options).status == BuildStatus::ok);
    const auto first = read_tree(site / "public");
    REQUIRE(first.count("objectives/one/index.html") == 1);

    write(site / "content/trust/objectives/two.md", "---\ntitle: Two\naims: [nonsense]\n---\n");
    BuildResult failed = build(options);
    CHECK(failed.status == BuildStatus::content_errors);
    CHECK(read_tree(site / "public") == first);

    fs::remove(site / "content/trust/objectives/one.md");
    write(site / "content/trust/objectives/two.md", objective("Two"));
    REQUIRE(build(options).status == BuildStatus::ok);
    const auto third = read_tree(site / "public");
    CHECK(third.count("objectives/one/index.html") == 0);  // stale page gone
    CHECK(third.count("objectives/two/index.html") == 1);
    // Nothing but the site and its output is left beside them.
    CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 1);
}

TEST_CASE("a static file may not replace a generated page") {
    TempDir dir;
    write_minimal_site(dir.path());
    write(dir.path() / "static/policy/index.html", "<p>mine</p>");
    BuildOptions options;
    options.site = dir.path();
    BuildResult r = build(options);
    CHECK(r.status == BuildStatus::content_errors);
    REQUIRE(r.diags.sorted().size() == 1);
    CHECK(format_diagnostic(r.diags.sorted()[0]) ==
          "static/policy/index.html:1:1: error: this file would replace the generated policy/index.html; rename or "
          "move it");
    CHECK_FALSE(fs::exists(dir.path() / "public"));
}
