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

TEST_CASE("import objectives: every row checked at its cell, nothing written on error, then all written") {
    TempDir dir;
    const fs::path site = dir.path() / "trust";
    REQUIRE(run_eqsite("new site " + quote(site.string())).exit_code == 0);
    REQUIRE(run_in(site, "new school oak-primary").exit_code == 0);
    const fs::path objectives = site / "content/schools/oak-primary/objectives";

    std::ofstream(site / "bad.csv", std::ios::binary)
        << "Title,Aims,Characteristics,Status,Due\n"
           "\"Close the reading gap, for good\",advance-equality,disability; race,on-track,2028-07-31\n"
           "Welcome families,foster-good-relations,religion-or-belief,done,31/07/2028\n";
    const Run bad = run_in(site, "import objectives bad.csv --school oak-primary");
    CHECK(bad.exit_code == 1);
    CHECK(bad.err.find("bad.csv:3:59: error: unknown objective status \"done\".") != std::string::npos);
    CHECK(bad.err.find("bad.csv:3:64: error: \"due\" must be a date") != std::string::npos);
    CHECK(bad.err.find("write 2028-07-31") != std::string::npos);
    CHECK(fs::is_empty(objectives));

    std::ofstream(site / "good.tsv", std::ios::binary)
        << "title\taims\tcharacteristics\tstatus\tdue\tmeasures\n"
           "Close the reading gap, for good\tadvance-equality\tdisability; race\ton-track\t2028-07-31\tGap under 5 points; All read\n"
           "Welcome families\tfoster-good-relations\treligion-or-belief\tachieved\tongoing\t\n"
           "\t\t\t\t\t\n";  // spreadsheets save empty rows at the end
    const Run good = run_in(site, "import objectives good.tsv --school oak-primary");
    INFO(good.err);
    CHECK(good.exit_code == 0);
    CHECK(fs::exists(objectives / "close-the-reading-gap-for-good.md"));
    CHECK(fs::exists(objectives / "welcome-families.md"));
    CHECK(run_eqsite("check " + quote(site.string())).exit_code == 0);

    // A school argument that is not a school folder name is refused.
    const Run outside = run_in(site, "import objectives good.tsv --school ../trust");
    CHECK(outside.exit_code == 2);
    CHECK(outside.err.find("no school \"../trust\"") != std::string::npos);

    // Again: the files exist, so nothing is overwritten.
    const Run again = run_in(site, "import objectives good.tsv --school oak-primary");
    CHECK(again.exit_code == 1);
    CHECK(again.err.find("already exists") != std::string::npos);
}
