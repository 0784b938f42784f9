// `eqsite new`: every template builds as it is, and nothing is overwritten.
#include <catch2/catch.hpp>

#include <fstream>

#include "integration/run.hpp"

using namespace eqsite::test;

TEST_CASE("new site, school and objective make a site that builds without errors") {
    TempDir dir;
    const fs::path site = dir.path() / "my-trust";
    const Run created = run_eqsite("new site " + quote(site.string()));
    CHECK(created.exit_code == 0);
    CHECK(fs::exists(site / "site.yaml"));
    CHECK(fs::exists(site / "content/trust/index.md"));

    CHECK(run_in(site, "new school oak-primary").exit_code == 0);
    CHECK(read(site / "content/schools/oak-primary/index.md").find("name: Oak Primary") != std::string::npos);
    CHECK(run_in(site, "new objective oak-primary close-the-reading-gap").exit_code == 0);
    CHECK(run_in(site, "new objective welcome-every-family").exit_code == 0);
    CHECK(fs::exists(site / "content/schools/oak-primary/objectives/close-the-reading-gap.md"));
    CHECK(fs::exists(site / "content/trust/objectives/welcome-every-family.md"));

    const Run check = run_eqsite("check " + quote(site.string()));
    INFO(check.out << check.err);
    CHECK(check.exit_code == 0);
    CHECK(check.out.find("0 errors") != std::string::npos);
    const Run built = run_eqsite("build " + quote(site.string()));
    CHECK(built.exit_code == 0);
    CHECK(fs::exists(site / "public/schools/oak-primary/objectives/close-the-reading-gap/index.html"));
}

TEST_CASE("new refuses to overwrite, and explains bad names and missing sites") {
    TempDir dir;
    const fs::path site = dir.path() / "trust";
    REQUIRE(run_eqsite("new site " + quote(site.string())).exit_code == 0);
    const std::string before = read(site / "site.yaml");

    const Run again = run_eqsite("new site " + quote(site.string()));
    CHECK(again.exit_code == 2);
    CHECK(again.err.find("already exists and is not empty") != std::string::npos);
    CHECK(read(site / "site.yaml") == before);

    REQUIRE(run_in(site, "new school oak-primary").exit_code == 0);
    const Run twice = run_in(site, "new school oak-primary");
    CHECK(twice.exit_code == 2);
    CHECK(twice.err.find("content/schools/oak-primary already exists") != std::string::npos);

    const Run bad = run_in(site, "new school \"St Mary's\"");
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("for example \"st-marys\"") != std::string::npos);

    const Run no_school = run_in(site, "new objective elm-primary x");
    CHECK(no_school.exit_code == 2);
    CHECK(no_school.err.find("no school \"elm-primary\"") != std::string::npos);

    const Run not_site = run_in(dir.path(), "new school oak-primary");
    CHECK(not_site.exit_code == 2);
    CHECK(not_site.err.find("no site.yaml") != std::string::npos);
}


#ifndef _WIN32
TEST_CASE("new writes nothing through a link out of the site") {
    TempDir dir;
    const fs::path site = dir.path() / "trust";
    REQUIRE(run_eqsite("new site " + quote(site.string())).exit_code == 0);
    REQUIRE(run_in(site, "new school oak-primary").exit_code == 0);
    fs::create_directories(dir.path() / "elsewhere");
    fs::remove_all(site / "content/schools/oak-primary/objectives");
    fs::create_directory_symlink(dir.path() / "elsewhere", site / "content/schools/oak-primary/objectives");
    const Run linked = run_in(site, "new objective oak-primary reading");
    CHECK(linked.exit_code == 2);
    CHECK(linked.err.find("content/schools/oak-primary/objectives: this is a link to ") != std::string::npos);
    CHECK(fs::is_empty(dir.path() / "elsewhere"));

    // A link at the file's own name that leads nowhere is not followed either.
    fs::create_directory_symlink(dir.path() / "missing", site / "content/trust/objectives/dangling.md");
    const Run dangling = run_in(site, "new objective dangling");
    CHECK(dangling.exit_code == 2);
    CHECK(dangling.err.find("already exists") != std::string::npos);
    CHECK_FALSE(fs::exists(dir.path() / "missing"));
}
#endif
