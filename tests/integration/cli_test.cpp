#include <catch2/catch.hpp>

#include "integration/run.hpp"

using namespace eqsite::test;

TEST_CASE("--help lists every command of the spec") {
    const Run r = run_eqsite("--help");
    CHECK(r.exit_code == 0);
    for (const char* cmd : {"build", "serve", "check", "new", "import"}) CHECK(r.out.find(cmd) != std::string::npos);
}

TEST_CASE("exit status: 0 success, 1 content errors, 2 usage errors") {
    TempDir dir;
    const fs::path site = dir.path() / "site";
    write_minimal_site(site);
    CHECK(run_eqsite("build " + quote(site.string())).exit_code == 0);
    CHECK(fs::exists(site / "public/index.html"));

    write(site / "content/trust/objectives/bad.md", "---\ntitle: Bad\naims: [advance-equality]\n---\n");
    const Run bad = run_eqsite("build " + quote(site.string()));
    CHECK(bad.exit_code == 1);
    CHECK(bad.err.find("content/trust/objectives/bad.md:2:1: error: missing required setting \"characteristics\"") !=
          std::string::npos);
    CHECK(bad.err.find("nothing was published") != std::string::npos);

    CHECK(run_eqsite("build --jobs 0 " + quote(site.string())).exit_code == 2);
    CHECK(run_eqsite("build --today 2026-02-30 " + quote(site.string())).exit_code == 2);
    CHECK(run_eqsite("frobnicate").exit_code == 2);
    CHECK(run_eqsite("build " + quote((dir.path() / "missing").string())).exit_code == 2);
}

TEST_CASE("refused output folders are usage errors and nothing is touched") {
    TempDir dir;
    const fs::path site = dir.path() / "site";
    write_minimal_site(site);
    write(dir.path() / "notes.txt", "keep me");
    const Run parent = run_eqsite("build " + quote(site.string()) + " -o " + quote(dir.path().string()));
    CHECK(parent.exit_code == 2);
    CHECK(parent.err.find("contains the site folder") != std::string::npos);
    CHECK(read(dir.path() / "notes.txt") == "keep me");
    CHECK(run_eqsite("build " + quote(site.string()) + " -o " + quote(site.string())).exit_code == 2);
    CHECK(fs::exists(site / "site.yaml"));
}

TEST_CASE("check reports in text, json and GitHub formats without writing") {
    TempDir dir;
    write_minimal_site(dir.path());
    date_trust_objectives(dir.path());
    write(dir.path() / "content/trust/objectives/x.md",
          "---\ntitle: X\naims: [advance-equality]\ncharacteristics: [ethnicty]\n---\n");
    const Run text = run_eqsite("check " + quote(dir.path().string()));
    CHECK(text.exit_code == 1);
    CHECK(text.out.find("content/trust/objectives/x.md:4:19: error: unknown protected characteristic \"ethnicty\"") !=
          std::string::npos);
    CHECK(text.out.find("eqsite check: 1 error and 0 warnings.") != std::string::npos);
    const Run json = run_eqsite("check --format json " + quote(dir.path().string()));
    CHECK(json.out.find("\"line\": 4") != std::string::npos);
    CHECK(json.out.find("\"severity\": \"error\"") != std::string::npos);
    const Run gh = run_eqsite("check --format github " + quote(dir.path().string()));
    CHECK(gh.out.find("::error file=content/trust/objectives/x.md,line=4,col=19::unknown protected characteristic") !=
          std::string::npos);
    CHECK_FALSE(fs::exists(dir.path() / "public"));
}
