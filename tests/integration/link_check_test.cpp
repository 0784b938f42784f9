// `eqsite check` follows every internal link and image (issue 14).
#include <catch2/catch.hpp>

#include "integration/run.hpp"

using namespace eqsite::test;

namespace {

void write_linking_site(const fs::path& root, const std::string& url = "https://test.example") {
    write(root / "site.yaml", std::string("trust:\n  name: Test Trust\n  url: ") + url + "\n" + complete_settings);
    write(root / "content/trust/index.md",
          "---\ntitle: Welcome\n---\nHello. Read [the policy](/policy/), [its aims](/policy/#our-aims),\n"
          "[a page that is not there](/no-such-page/) and [a missing part](/policy/#missing-anchor).\n\n"
          "![Our logo](/images/logo.png) and ![a lost picture](/images/lost.png).\n\n"
          "[Relative](policy/) [relative, wrong](polcy/) [the data](/data/) [top](#top) [away](https://else.example/x)\n"
          "[ours, absolute](" + url + "/review/) [ours, absolute, wrong](" + url + "/reveiw/)\n");
    write(root / "content/trust/policy/policy.md", "---\ntitle: Our policy\n---\n## Our aims\n\nWe follow the duty.\n");
    write(root / "static/images/logo.png", "png");
}

}  // namespace

TEST_CASE("check: a link or image that leads nowhere is a warning where it is written") {
    TempDir dir;
    write_linking_site(dir.path());
    const Run r = run_eqsite("check " + quote(dir.path().string()));
    INFO(r.out);
    const std::string at = "content/trust/index.md:";
    CHECK(r.out.find(at + "5:28: warning: the link \"/no-such-page/\" leads to no page or file of the site") !=
          std::string::npos);
    CHECK(r.out.find(at + "5:65: warning: the link \"/policy/#missing-anchor\" goes to #missing-anchor, but "
                          "/policy/ has no heading or element with that id") != std::string::npos);
    CHECK(r.out.find("the link \"/images/lost.png\" leads to no page") != std::string::npos);
    CHECK(r.out.find("the link \"polcy/\" leads to no page") != std::string::npos);
    CHECK(r.out.find("the link \"https://test.example/reveiw/\" leads to no page") != std::string::npos);
    // What works is not reported.
    for (const char* fine : {"\"/policy/\"", "#our-aims\"", "logo.png", "\"policy/\"", "\"/data/\"", "#top",
                             "else.example", "/review/\""})
        CHECK(r.out.find(fine) == std::string::npos);
    CHECK(r.out.find("eqsite check: 0 errors and 5 warnings.") != std::string::npos);
    CHECK(r.exit_code == 0);
    CHECK(run_eqsite("check --strict " + quote(dir.path().string())).exit_code == 1);
}

TEST_CASE("check: under a base path, links are checked where the site really lives") {
    TempDir dir;
    write_linking_site(dir.path(), "https://org.example/equality");
    const Run r = run_eqsite("check " + quote(dir.path().string()));
    INFO(r.out);
    // Root-relative links written in Markdown are rewritten with the base path, so they work...
    CHECK(r.out.find("\"/equality/policy/\"") == std::string::npos);
    CHECK(r.out.find("the link \"/equality/no-such-page/\" leads to no page") != std::string::npos);
    // ...and are still found where they are written.
    CHECK(r.out.find("content/trust/index.md:5:28: warning: the link \"/equality/no-such-page/\"") != std::string::npos);
    CHECK(r.out.find("eqsite check: 0 errors and 5 warnings.") != std::string::npos);
}

// Raw HTML an author allowed in Markdown may quote its attributes with
// single quotes or not at all; a browser follows those links all the same.
TEST_CASE("check: links and ids in raw HTML are found however they are quoted") {
    TempDir dir;
    write(dir.path() / "site.yaml", std::string("trust:\n  name: Test Trust\n  url: https://test.example\n") +
                                        complete_settings + "markdown:\n  unsafe_html: true\n");
    write(dir.path() / "content/trust/index.md",
          "---\ntitle: Welcome\n---\nHello.\n\n<p id=here>An anchor.</p>\n\n"
          "<a href='/single-quoted/'>one</a> <A HREF=/unquoted/>two</A> <a href='#here'>fine</a>\n"
          "<a href=#nowhere>three</a> <!-- <a href='/in-a-comment/'> -->\n");
    write(dir.path() / "content/trust/policy/policy.md", "---\ntitle: Our policy\n---\nWe follow the duty.\n");
    const Run r = run_eqsite("check " + quote(dir.path().string()));
    INFO(r.out);
    CHECK(r.out.find("the link \"/single-quoted/\" leads to no page") != std::string::npos);
    CHECK(r.out.find("the link \"/unquoted/\" leads to no page") != std::string::npos);
    CHECK(r.out.find("the link \"#nowhere\" goes to #nowhere") != std::string::npos);
    CHECK(r.out.find("#here\"") == std::string::npos);      // the unquoted id is found
    CHECK(r.out.find("in-a-comment") == std::string::npos);  // a comment is no link
}
