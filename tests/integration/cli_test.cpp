#include <cstdlib>

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
    const Run today = run_eqsite("build --today 2026-02-30 " + quote(site.string()));
    CHECK(today.exit_code == 2);
    CHECK(today.err.find("--today: ") != std::string::npos);
    CHECK(today.err.find("--today: --today") == std::string::npos);  // named once
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

TEST_CASE("GitHub annotations name files from the repository root, and say so in a summary line") {
    TempDir dir;
    const fs::path repo = dir.path() / "repo";
    const fs::path site = repo / "sites/trust";
    write_minimal_site(site);
    date_trust_objectives(site);
    write(site / "content/trust/objectives/x.md",
          "---\ntitle: X\naims: [advance-equality]\ncharacteristics: [ethnicty]\n---\n");
    fs::create_directories(repo / ".git");
    // Found from the .git folder above the site...
    const Run gh = run_eqsite("check --format github " + quote(site.string()));
    CHECK(gh.exit_code == 1);
    CHECK(gh.out.find("::error file=sites/trust/content/trust/objectives/x.md,line=4,col=19::") != std::string::npos);
    CHECK(gh.out.find("eqsite check: 1 error and 0 warnings.") != std::string::npos);
    // ...or from GITHUB_WORKSPACE, which wins.
    ::setenv("GITHUB_WORKSPACE", (repo / "sites").string().c_str(), 1);
    const Run ws = run_eqsite("check --format github " + quote(site.string()));
    ::unsetenv("GITHUB_WORKSPACE");
    CHECK(ws.out.find("::error file=trust/content/trust/objectives/x.md,line=4,col=19::") != std::string::npos);
    // Text and JSON reports keep paths inside the site folder.
    const Run text = run_eqsite("check " + quote(site.string()));
    CHECK(text.out.find("sites/trust/content") == std::string::npos);
    CHECK(text.out.find("content/trust/objectives/x.md:4:19: error:") != std::string::npos);
}

TEST_CASE("a misspelt command or option gets the nearest real one, --version, --quiet prints errors only") {
    const Run cmd = run_eqsite("biuld");
    CHECK(cmd.exit_code == 2);
    CHECK(cmd.err.find("\"biuld\" is not an eqsite command: did you mean \"build\"?") != std::string::npos);
    const Run opt = run_eqsite("build --base-ulr https://example.org");
    CHECK(opt.exit_code == 2);
    CHECK(opt.err.find("\"--base-ulr\" is not an option of eqsite build: did you mean \"--base-url\"?") !=
          std::string::npos);
    const Run far = run_eqsite("zzzzzzzz");
    CHECK(far.exit_code == 2);
    CHECK(far.err.find("did you mean") == std::string::npos);
    CHECK(far.err.find("The commands are build, serve, check, new and import") != std::string::npos);

    const Run version = run_eqsite("--version");
    CHECK(version.exit_code == 0);
    CHECK(version.out.rfind("eqsite ", 0) == 0);

    TempDir dir;
    write_minimal_site(dir.path());
    write(dir.path() / "content/trust/objectives/a.md", objective("A"));  // a warning: the objectives have no date
    const Run loud = run_eqsite("build " + quote(dir.path().string()));
    REQUIRE(loud.exit_code == 0);
    CHECK(loud.err.find("warning:") != std::string::npos);
    CHECK(loud.out.find("Built ") != std::string::npos);
    const Run quiet = run_eqsite("build --quiet " + quote(dir.path().string()));
    CHECK(quiet.exit_code == 0);
    CHECK(quiet.err.empty());
    CHECK(quiet.out.empty());
    const Run quiet_check = run_eqsite("check -q " + quote(dir.path().string()));
    CHECK(quiet_check.exit_code == 0);
    CHECK(quiet_check.out.empty());
}

TEST_CASE("a build on a terminal shows a progress line, in a log or a pipe it does not") {
    TempDir dir;
    const fs::path out = dir.path() / "out", log = dir.path() / "log";
    const std::string build = "EQSITE_PROGRESS_AFTER_MS=0 " + quote(EQSITE_BIN) + " build " +
                              quote((source_dir() / "site-example").string()) + " -o " + quote(out.string());
    // script(1) (util-linux, in every Debian) runs the build in a pseudo-terminal.
    const std::string on_terminal = "script -qec " + quote(build) + " /dev/null > " + quote(log.string()) + " 2>&1";
    REQUIRE(std::system(on_terminal.c_str()) == 0);
    CHECK(read(log).find("eqsite: rendering pages: ") != std::string::npos);
    ::setenv("EQSITE_PROGRESS_AFTER_MS", "0", 1);
    const Run piped = run_eqsite("build " + quote((source_dir() / "site-example").string()) + " -o " +
                                 quote(out.string()));
    ::unsetenv("EQSITE_PROGRESS_AFTER_MS");
    CHECK(piped.exit_code == 0);
    CHECK(piped.err.find("rendering pages") == std::string::npos);
}

// Every page's address is made by adding to the site's address, so an
// address that is not a web address would publish links that are not
// (a javascript: one would run when clicked). Refused before anything is
// written, as a usage error; trust.url is held to the same rule.
TEST_CASE("build: the --base-url option and trust.url must be web addresses a page's address can be added to") {
    TempDir dir;
    const fs::path site = dir.path() / "site";
    write_minimal_site(site);
    for (const std::string bad : {"javascript:alert(1)//", "https://", "https://x.example/eq?page=1",
                                  "https://x.example/eq#top", "https://x.example/a b", "/equality"}) {
        const Run r = run_eqsite("build --base-url " + quote(bad) + " " + quote(site.string()));
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("--base-url: must") != std::string::npos);
        CHECK_FALSE(fs::exists(site / "public"));
    }
    const Run good = run_eqsite("build --base-url https://x.example/equality " + quote(site.string()));
    CHECK(good.exit_code == 0);
    CHECK(read(site / "public/sitemap.xml").find("<loc>https://x.example/equality/</loc>") != std::string::npos);

    std::string yaml = read(site / "site.yaml");
    const auto at = yaml.find("url: ");
    REQUIRE(at != std::string::npos);
    yaml.replace(at, yaml.find('\n', at) - at, "url: \"https://x.example/eq?x=1\"");
    write(site / "site.yaml", yaml);
    const Run config = run_eqsite("check " + quote(site.string()));
    CHECK(config.exit_code == 1);
    // check prints its report on standard output
    CHECK(config.out.find("site.yaml:") != std::string::npos);
    CHECK(config.out.find("\"url\" must be the site's address without a query (?) or fragment (#)") != std::string::npos);
}
