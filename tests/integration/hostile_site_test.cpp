// Sites written to break the promise that nothing is read from outside the
// site folder and that no input hangs or crashes eqsite (issue 9): links
// out of the site, loops, special files, text that is not UTF-8, huge
// tables. Each builds or checks with the real binary, which must stop with
// an error at the path and publish nothing.
#include <catch2/catch.hpp>

#include "integration/run.hpp"

#ifndef _WIN32
#include <sys/stat.h>
#endif

using namespace eqsite::test;

namespace {

struct Built {
    Run run;
    fs::path site, out;
};

Built build(TempDir& dir, const std::string& extra_args = "") {
    Built b{{}, dir.path() / "site", dir.path() / "out"};
    b.run = run_eqsite("build " + quote(b.site.string()) + " -o " + quote(b.out.string()) + extra_args);
    return b;
}

}  // namespace

#ifndef _WIN32
TEST_CASE("hostile site: links out of the site are errors at their path, never followed") {
    TempDir dir;
    const fs::path site = dir.path() / "site";
    write_minimal_site(site);
    write(dir.path() / "secret.txt", "TOP SECRET\n");
    fs::create_directories(site / "static");
    fs::create_symlink("/etc/passwd", site / "static/passwd.txt");
    fs::create_symlink(dir.path() / "secret.txt", site / "static/secret.txt");
    fs::create_symlink("/dev/zero", site / "static/zero.bin");
    fs::create_directories(site / "content/trust/policy");
    fs::create_symlink(dir.path() / "secret.txt", site / "content/trust/policy/leak.md");
    write(site / "data/x.yaml", "title: X\nkind: count\nabout: pupils\ngroups: [A]\nmeasures: [M]\n");
    fs::create_symlink("/proc/self/environ", site / "data/x.csv");

    const Built b = build(dir);
    CHECK(b.run.exit_code == 1);
    for (const char* path : {"static/passwd.txt", "static/secret.txt", "static/zero.bin",
                             "content/trust/policy/leak.md", "data/x.csv"}) {
        INFO(path);
        CHECK(has(b.run.err, std::string(path) + ":1:1: error: this is a link to "));
    }
    CHECK(has(b.run.err, "outside the site folder; eqsite reads only files inside the site folder"));
    CHECK_FALSE(fs::exists(b.out));  // nothing published

    // check --format github prints no file's contents, only the errors.
    const Run gh = run_eqsite("check " + quote(site.string()) + " --format github");
    CHECK(gh.exit_code == 1);
    CHECK_FALSE(has(gh.out, "TOP SECRET"));
    CHECK_FALSE(has(gh.out, "PATH="));
    CHECK(has(gh.out, "::error file=data/x.csv,line=1,col=1::this is a link to"));
}

// The folders the site format names are reached by name, not listed: a
// link out of the site among them must stop the reading there too.
TEST_CASE("hostile site: a named folder that is a link out of the site is an error, and nothing beyond it is read") {
    struct Case {
        const char* folder;   // in the site, made a link to a copy outside
        const char* secret;   // a file under it, outside the site
        const char* text;
    };
    const Case cases[] = {
        {"content", "trust/index.md", "---\ntitle: Home\n---\nSECRET-CONTENT\n"},
        {"content/trust", "index.md", "---\ntitle: Home\n---\nSECRET-CONTENT\n"},
        {"content/trust/policy", "p.md", "---\ntitle: Policy\n---\nSECRET-CONTENT\n"},
        {"theme", "assets/secret.txt", "SECRET-ASSET\n"},
        {"theme/templates", "home.mustache", "SECRET-TEMPLATE\n"},
        {"theme/partials", "footer.mustache", "SECRET-PARTIAL\n"},
        {"theme/assets", "secret.txt", "SECRET-ASSET\n"},
        {"theme/i18n", "en-GB.yaml", "layout:\n  skip_link: SECRET-STRING\n"},
    };
    for (const auto& c : cases) {
        INFO(c.folder);
        TempDir dir;
        const fs::path site = dir.path() / "site";
        write_minimal_site(site);
        const fs::path outside = dir.path() / "outside";
        if (fs::exists(site / c.folder)) fs::rename(site / c.folder, outside);
        fs::create_directories(outside);
        write(outside / c.secret, c.text);
        write(outside / "zz-secret-name.txt", "x\n");
        fs::create_directories((site / c.folder).parent_path());
        fs::create_symlink(outside, site / c.folder);

        const Built b = build(dir);
        CHECK(b.run.exit_code == 1);
        CHECK(has(b.run.err, std::string(c.folder) + ":1:1: error: this is a link to "));
        CHECK(has(b.run.err, "outside the site folder; eqsite reads only files inside the site folder, so copy the "
                             "folder in instead"));
        CHECK_FALSE(has(b.run.err, "SECRET"));
        CHECK_FALSE(has(b.run.err, "zz-secret-name"));  // not even its names are listed
        CHECK_FALSE(fs::exists(b.out));
        // The link is the one error about it: not once per file reached through it.
        const Run json = run_eqsite("check " + quote(site.string()) + " --format json");
        CHECK(json.exit_code == 1);
        CHECK_FALSE(has(json.out, "SECRET"));
        std::size_t reported = 0;
        for (std::size_t at = json.out.find("\"file\": \"" + std::string(c.folder) + "\"");
             at != std::string::npos; at = json.out.find("\"file\": \"" + std::string(c.folder) + "\"", at + 1))
            ++reported;
        CHECK(reported == 1);
    }
}

TEST_CASE("hostile site: a link inside the site is followed, a link to a folder that holds it is a loop") {
    TempDir dir;
    const fs::path site = dir.path() / "site";
    write_minimal_site(site);
    write(site / "static/docs/plan.txt", "plan\n");
    fs::create_symlink("docs", site / "static/also-docs");        // inside: fine
    fs::create_symlink("..", site / "static/docs/up");             // back to static/: a loop
    fs::create_symlink("ping", site / "static/pong");             // ping -> pong -> ping
    fs::create_symlink("pong", site / "static/ping");
    const Built b = build(dir);
    CHECK(b.run.exit_code == 1);
    CHECK(has(b.run.err, "static/docs/up:1:1: error: this link leads back to a folder that contains it"));
    CHECK(has(b.run.err, "static/ping:1:1: error: this link is broken or leads round in a loop"));
    CHECK(has(b.run.err, "static/pong:1:1: error: this link is broken or leads round in a loop"));
    CHECK_FALSE(has(b.run.err, "static/also-docs:1:1"));  // a link inside the site is fine
}

TEST_CASE("hostile site: a named pipe is an error, not a build that waits for ever") {
    TempDir dir;
    const fs::path site = dir.path() / "site";
    write_minimal_site(site);
    fs::create_directories(site / "content/trust/objectives");
    REQUIRE(mkfifo((site / "content/trust/objectives/x.md").c_str(), 0600) == 0);
    const Built b = build(dir);
    CHECK(b.run.exit_code == 1);
    CHECK(has(b.run.err, "content/trust/objectives/x.md:1:1: error: this is not a file but a named pipe, device or "
                         "socket"));
}
#endif

TEST_CASE("hostile site: text that is not strict UTF-8 is an error at its first bad character") {
    // A surrogate (U+D800), an overlong '/', and a code point above U+10FFFF.
    for (const std::string& bad : {std::string("\xED\xA0\x80"), std::string("\xC0\xAF"), std::string("\xF4\x90\x80\x80")}) {
        TempDir dir;
        const fs::path site = dir.path() / "site";
        write_minimal_site(site);
        write(site / "content/trust/policy/p.md", "---\ntitle: Policy\n---\nAb" + bad + "c\n");
        const Built b = build(dir);
        CHECK(b.run.exit_code == 1);
        CHECK(has(b.run.err, "content/trust/policy/p.md:4:3: error: this file is not valid UTF-8"));
        const Run json = run_eqsite("check " + quote(site.string()) + " --format json");
        CHECK(json.exit_code == 1);
        CHECK(has(json.out, "\"errors\": 1"));
    }
}

#ifndef _WIN32
TEST_CASE("hostile site: a file name that is not UTF-8 is an error, and every report format still works") {
    TempDir dir;
    const fs::path site = dir.path() / "site";
    write_minimal_site(site);
    write(site / "content/trust/policy/caf\xE9.md", "---\ntitle: Caf\n---\n");  // Latin-1 e-acute
    const Built b = build(dir);
    CHECK(b.run.exit_code == 1);
    CHECK(has(b.run.err, "content/trust/policy/caf\xEF\xBF\xBD.md:1:1: error: this name is not valid UTF-8 text"));
    for (const char* format : {"text", "json", "github"}) {
        INFO(format);
        const Run r = run_eqsite("check " + quote(site.string()) + " --format " + format);
        CHECK(r.exit_code == 1);  // not 134 (an abort)
    }
}
#endif

TEST_CASE("hostile site: a Markdown table too wide to publish is an error at the table") {
    TempDir dir;
    const fs::path site = dir.path() / "site";
    write_minimal_site(site);
    std::string header = "|", rule = "|";
    for (int i = 0; i < 1000; ++i) {
        header += " c" + std::to_string(i) + " |";
        rule += "---|";
    }
    std::string rows;
    for (int i = 0; i < 2000; ++i) rows += "|x|\n";
    write(site / "content/trust/policy/t.md", "---\ntitle: T\n---\nIntro.\n\n" + header + "\n" + rule + "\n" + rows);
    const Built b = build(dir);
    CHECK(b.run.exit_code == 1);
    CHECK(has(b.run.err, "content/trust/policy/t.md:6:3: error: this table has 1000 columns; at most 64 are allowed"));
}

TEST_CASE("hostile site: a link that would run script is left out, with a warning at the link") {
    TempDir dir;
    const fs::path site = dir.path() / "site";
    write_minimal_site(site);
    write(site / "content/trust/policy/p.md", "---\ntitle: P\n---\nSee [this](&#106;avascript:alert(1)).\n");
    const Built b = build(dir);
    CHECK(b.run.exit_code == 0);
    CHECK(has(b.run.err, "content/trust/policy/p.md:4:"));
    CHECK(has(b.run.err, "warning: this link's address begins \"javascript:\", which is not allowed, so it is left out"));
    const std::string policy = read(b.out / "policy/index.html");
    CHECK(has(policy, "See this."));
    CHECK_FALSE(has(policy, "avascript"));
}

TEST_CASE("hostile site: a file larger than any site file should be is an error, read no further") {
    TempDir dir;
    const fs::path site = dir.path() / "site";
    write_minimal_site(site);
    write(site / "content/trust/policy/big.md", "---\ntitle: Big\n---\n" + std::string(9u << 20, 'a'));
    const Built b = build(dir);
    CHECK(b.run.exit_code == 1);
    CHECK(has(b.run.err, "content/trust/policy/big.md:1:1: error: this file is larger than 8 MB"));
}

TEST_CASE("hostile site: an SVG with a script is published with a warning, the trust logo is found as written") {
    TempDir dir;
    const fs::path site = dir.path() / "site";
    write_minimal_site(site);
    write(site / "static/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"1\" height=\"1\"/></svg>\n");
    write(site / "static/badge.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload =\"alert(1)\"></svg>\n");
    write(site / "static/old.SVG", "<svg><script>alert(2)</script></svg>\n");
    std::string yaml = read(site / "site.yaml");
    yaml.replace(yaml.find("  url:"), 0, "  logo: static/./logo.svg\n");
    write(site / "site.yaml", yaml);
    Built b = build(dir);
    CHECK(b.run.exit_code == 0);
    CHECK(has(b.run.err, "static/badge.svg:1:1: warning: this SVG image holds a script"));
    CHECK(has(b.run.err, "static/old.SVG:1:1: warning: this SVG image holds a script"));
    CHECK_FALSE(has(b.run.err, "static/logo.svg:1:1: warning"));
    CHECK(has(read(b.out / "index.html"), "src=\"/logo.svg\""));  // static/./logo.svg is static/logo.svg

    yaml = read(site / "site.yaml");
    yaml.replace(yaml.find("static/./logo.svg"), 17, "static/missing.svg");
    write(site / "site.yaml", yaml);
    b = build(dir);
    CHECK(b.run.exit_code == 1);
    CHECK(has(b.run.err, "site.yaml:3:9: error: the trust logo \"static/missing.svg\" was not found in static/"));
}

TEST_CASE("hostile site: a data table's commentary has its addresses checked like a Markdown file's") {
    TempDir dir;
    const fs::path site = dir.path() / "site";
    write_minimal_site(site);
    write(site / "data/t.yaml", "title: T\nkind: count\nabout: pupils\ngroups: [All pupils]\nmeasures: [M]\n"
                                "commentary: |\n  Read [this](javascript:alert(1)) first.\n");
    write(site / "data/t.csv", "school,group,measure,count\ntrust,All pupils,M,40\n");
    const Built b = build(dir);
    CHECK(b.run.exit_code == 0);
    CHECK(has(b.run.err, "data/t.yaml:7:"));  // the commentary's line
    CHECK(has(b.run.err, "javascript"));
    CHECK_FALSE(has(read(b.out / "data/index.html"), "javascript:"));
}

#ifndef _WIN32
TEST_CASE("hostile site: a site.yaml that is a link out of the site is that one error, not also a missing file") {
    TempDir dir;
    const fs::path site = dir.path() / "site";
    write_minimal_site(site);
    fs::rename(site / "site.yaml", dir.path() / "elsewhere.yaml");
    fs::create_symlink(dir.path() / "elsewhere.yaml", site / "site.yaml");
    const Built b = build(dir);
    CHECK(b.run.exit_code == 1);
    CHECK(has(b.run.err, "site.yaml:1:1: error: this is a link to "));
    CHECK_FALSE(has(b.run.err, "no site.yaml in this folder"));
}
#endif

TEST_CASE("hostile site: a school website that could leave its href is refused") {
    for (const std::string bad : {"https://x.example/\\\"onmouseover=\\\"alert(1)", "https://", "https://a b.example/",
                                  "javascript:alert(1)", "https://x.example/<script>"}) {
        INFO(bad);
        TempDir dir;
        const fs::path site = dir.path() / "site";
        write_minimal_site(site);
        write(site / "content/schools/oak/index.md", "---\nname: Oak\nwebsite: \"" + bad + "\"\n---\nAbout us.\n");
        const Built b = build(dir);
        CHECK(b.run.exit_code == 1);
        CHECK(has(b.run.err, "content/schools/oak/index.md:3:10: error: \"website\" must"));
    }
}

#ifndef _WIN32
TEST_CASE("hostile site: a school folder that is a link out of the site is one error, not one per data row too") {
    TempDir dir;
    const fs::path site = dir.path() / "site";
    write_minimal_site(site);
    fs::create_directories(dir.path() / "elsewhere/oak");
    write(dir.path() / "elsewhere/oak/index.md", "---\nname: Oak Primary\n---\nText.\n");
    fs::create_directories(site / "content/schools");
    fs::create_symlink(dir.path() / "elsewhere/oak", site / "content/schools/oak");
    write(site / "data/x.yaml", "title: X\nkind: count\nabout: pupils\ngroups: [A]\nmeasures: [M]\n");
    write(site / "data/x.csv", "school,group,measure,count\noak,A,M,12\noak,A,M,13\nnone,A,M,14\n");
    const Built b = build(dir);
    CHECK(b.run.exit_code == 1);
    CHECK(has(b.run.err, "content/schools/oak:1:1: error: this is a link to "));
    CHECK_FALSE(has(b.run.err, "no school \"oak\""));
    CHECK(has(b.run.err, "data/x.csv:4:1: error: no school \"none\""));  // a name that is no folder still is
}
#endif
