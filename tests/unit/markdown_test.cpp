#include <catch2/catch.hpp>

#include "render/markdown.hpp"

#include <vector>

using namespace eqsite;

namespace {
std::string md(const std::string& text, bool unsafe = false, int top = 2) {
    HeadingIds ids;
    return render_markdown(text, {unsafe, top}, ids);
}
bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

}  // namespace

TEST_CASE("headings get stable, unique ids") {
    const auto html = md("## Our aims\n\ntext\n\n## Our aims\n\n### Tŷ Gwyn & us\n");
    CHECK(contains(html, "<h2 id=\"our-aims\">Our aims</h2>"));
    CHECK(contains(html, "<h2 id=\"our-aims-2\">Our aims</h2>"));
    CHECK(contains(html, "<h3 id=\"ty-gwyn-us\">Tŷ Gwyn &amp; us</h3>"));
}

TEST_CASE("ids are unique across documents on one page") {
    HeadingIds ids;
    const auto a = render_markdown("## Scope\n", {}, ids);
    const auto b = render_markdown("## Scope\n", {}, ids);
    CHECK(contains(a, "id=\"scope\""));
    CHECK(contains(b, "id=\"scope-2\""));
}

TEST_CASE("heading levels shift so the document fits under the page's headings") {
    CHECK(contains(md("# Intro\n\n## Sub\n", false, 2), "<h2 id=\"intro\">Intro</h2>"));
    CHECK(contains(md("# Intro\n\n## Sub\n", false, 2), "<h3 id=\"sub\">Sub</h3>"));
    CHECK(contains(md("## A\n\n### B\n", false, 3), "<h3 id=\"a\">A</h3>"));
    CHECK(contains(md("## A\n\n### B\n", false, 3), "<h4 id=\"b\">B</h4>"));
}

// The shift is known only once the whole document is read: the levels are
// put right after it, in place, so what comes after a heading (a table
// wrapped once complete, a deeper heading) must not move them.
TEST_CASE("heading levels shift by the document's highest heading, wherever it comes") {
    const auto late = md("#### Detail\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n> ### Quoted\n\n- ## In a list\n", false, 3);
    CHECK(contains(late, "<h5 id=\"detail\">Detail</h5>"));
    CHECK(contains(late, "<h4 id=\"quoted\">Quoted</h4>"));
    CHECK(contains(late, "<h3 id=\"in-a-list\">In a list</h3>"));
    CHECK(contains(late, "<section class=\"table-scroll\" aria-label=\"Table: A, B\" tabindex=\"0\">\n<table>"));
    // Past h6 a heading stays h6; no heading and no shift leave text alone.
    const auto deep = md("# First\n\n###### Six\n", false, 3);
    CHECK(contains(deep, "<h3 id=\"first\">First</h3>"));
    CHECK(contains(deep, "<h6 id=\"six\">Six</h6>"));
    CHECK(md("Just text, h1 and <h2>.\n") == "<p>Just text, h1 and &lt;h2&gt;.</p>\n");
    // A table before the first heading moves the heading's text, not its level.
    const auto after_table = md("| X |\n|---|\n| 1 |\n\n### After\n", false, 2);
    CHECK(contains(after_table, "<h2 id=\"after\">After</h2>"));
    CHECK(contains(after_table, "</section>\n<h2"));
}

TEST_CASE("raw HTML is escaped unless the site allows it") {
    const std::string input = "<script>alert(1)</script>\n\nHi <b onclick=\"x\">there</b>\n";
    const auto safe = md(input);
    CHECK_FALSE(contains(safe, "<script"));
    CHECK_FALSE(contains(safe, "<b "));
    CHECK(contains(safe, "&lt;script&gt;"));
    const auto unsafe = md(input, true);
    CHECK(contains(unsafe, "<script>alert(1)</script>"));
    CHECK(contains(unsafe, "<b onclick=\"x\">"));
}

TEST_CASE("a link whose address is not allowed keeps its text and loses its address") {
    const auto html = md("[click](javascript:alert(1)) and [ok](https://example.org \"T\")");
    CHECK_FALSE(contains(html, "javascript:"));
    CHECK(contains(html, "<p>click and <a href=\"https://example.org\" title=\"T\">ok</a></p>"));
}

TEST_CASE("script addresses are refused however they are spelt") {
    // Each would run script on click in a browser that decodes character
    // references and drops tabs, newlines and leading control characters.
    const std::vector<std::string> vectors = {
        "[a](javascript:x)",
        "[a](JaVaScRiPt:x)",
        "[a](&#106;avascript:x)",
        "[a](&#x6A;avascript:x)",
        "[a](&#0000106;avascript:x)",
        "[a](javascript&#58;x)",
        "[a](javascript&colon;x)",
        "[a](<java&#x09;script:x>)",
        "[a](<java&#10;script:x>)",
        "[a](<java&Tab;script:x>)",
        "[a](\x01javascript:x)",
        "[a](<\x01 javascript:x>)",
        "[a](vbscript:x)",
        "[a](data:text/html;base64,PHNjcmlwdD4=)",
        "[a](file:///etc/passwd)",
        "[a](livescript:x)",
        "<javascript:x>",
        "![a](javascript:x)",
        "![a](&#106;avascript:x)",
        "[a][r]\n\n[r]: javascript:x",
    };
    for (const auto& v : vectors) {
        INFO(v);
        const auto html = md(v);
        CHECK_FALSE(contains(html, "<a"));  // the text may stay, as text
        CHECK_FALSE(contains(html, "<img"));
    }
}

TEST_CASE("allowed addresses are written decoded and escaped") {
    CHECK(contains(md("[a](/policy/#aims)"), "<a href=\"/policy/#aims\">a</a>"));
    CHECK(contains(md("[a](https://x.example/?a=1&amp;b=2)"), "<a href=\"https://x.example/?a=1&amp;b=2\">a</a>"));
    CHECK(contains(md("[a](mailto:head@school.example)"), "href=\"mailto:head@school.example\""));
    CHECK(contains(md("[a](tel:+441234567890)"), "href=\"tel:+441234567890\""));
    CHECK(contains(md("[a](<x\"y.html> \"t&quot;\")"), "<a href=\"x&quot;y.html\" title=\"t&quot;\">a</a>"));
}

TEST_CASE("an image inside a heading keeps its alt attribute closed") {
    // The heading is written once complete; the image must be written into it.
    const auto html = md("## Logo ![ ](/x.png)\n\n[x](< onerror=alert(1) >)\n");
    CHECK(contains(html, "<h2 id=\"logo\">Logo <img src=\"/x.png\" alt=\" \"></h2>"));
    CHECK(contains(html, "<a href=\"onerror=alert(1)\">x</a>"));
    CHECK_FALSE(contains(html, "alt=\"</h2>"));
}

TEST_CASE("20 000 headings with the same text get ids in linear time") {
    std::string input;
    for (int i = 0; i < 20000; ++i) input += "## Same\n\n";
    const auto html = md(input);
    CHECK(contains(html, "id=\"same-20000\""));
}

TEST_CASE("tables, strikethrough and autolinks are on, no align attributes") {
    const auto html = md("| a | b |\n|:--|--:|\n| 1 | 2 |\n\n~~old~~ see https://example.org\n");
    CHECK(contains(html, "<section class=\"table-scroll\" aria-label=\"Table: a, b\" tabindex=\"0\">\n<table>\n<thead>"));
    CHECK(contains(html, "</table>\n</section>"));
    CHECK(contains(html, "<th scope=\"col\" class=\"align-left\">a</th>"));
    CHECK(contains(html, "<td class=\"align-right\">2</td>"));
    CHECK_FALSE(contains(html, "align=\""));
    CHECK(contains(html, "<del>old</del>"));
    CHECK(contains(html, "<a href=\"https://example.org\">https://example.org</a>"));
}

TEST_CASE("tables on one page get distinct labels") {
    const auto html = md("| a | b |\n|---|---|\n| 1 | 2 |\n\ntext\n\n| a | b |\n|---|---|\n| 3 | 4 |\n");
    CHECK(contains(html, "aria-label=\"Table: a, b\""));
    CHECK(contains(html, "aria-label=\"Table: a, b (2)\""));
}

TEST_CASE("image text becomes alt text, entities are decoded when known, shown as text when not") {
    const auto html = md("![A *shield* logo](logo.svg) &copy; &#163;5 &bogus;");
    CHECK(contains(html, "<img src=\"logo.svg\" alt=\"A shield logo\">"));
    CHECK(contains(html, "\u00A9 \u00A35"));
    CHECK(contains(html, "&amp;bogus;"));
}

TEST_CASE("heading slugs are never empty") {
    CHECK(heading_slug("!!!") == "section");
    CHECK(heading_slug("Roles & responsibilities") == "roles-responsibilities");
}

TEST_CASE("a span md4c leaves open is closed with its block, so the HTML stays well formed") {
    // md4c opens a strikethrough at "~" and never closes it: the closing
    // "~" is inside the link's address.
    const auto html = md("~x [a](b~c) d\n\nnext\n");
    CHECK(contains(html, "<p><del>x <a href=\"b~c\">a</a> d</del></p>"));
    CHECK(contains(html, "<p>next</p>"));
}

TEST_CASE("root-relative links and images are written under the site's base path") {
    HeadingIds ids;
    const MarkdownOptions under{false, 2, "/equality/"};
    const auto html = render_markdown("[p](/policy/) [q](/equality/review/) ![l](/images/l.png) [r](policy/) "
                                      "[s](//else.example/x) [t](https://else.example/) [u](#aims)\n",
                                      under, ids);
    CHECK(html.find("href=\"/equality/policy/\"") != std::string::npos);
    CHECK(html.find("href=\"/equality/review/\"") != std::string::npos);  // already under it: left alone
    CHECK(html.find("src=\"/equality/images/l.png\"") != std::string::npos);
    CHECK(html.find("href=\"policy/\"") != std::string::npos);
    CHECK(html.find("href=\"//else.example/x\"") != std::string::npos);
    CHECK(html.find("href=\"https://else.example/\"") != std::string::npos);
    CHECK(html.find("href=\"#aims\"") != std::string::npos);
    HeadingIds at_root;
    CHECK(render_markdown("[p](/policy/)\n", {}, at_root).find("href=\"/policy/\"") != std::string::npos);
}
