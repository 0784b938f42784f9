#include <catch2/catch.hpp>

#include "render/markdown.hpp"

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

TEST_CASE("script links are neutralised") {
    const auto html = md("[click](javascript:alert(1)) and [ok](https://example.org \"T\")");
    CHECK_FALSE(contains(html, "javascript:"));
    CHECK(contains(html, "<a href=\"#\">click</a>"));
    CHECK(contains(html, "<a href=\"https://example.org\" title=\"T\">ok</a>"));
}

TEST_CASE("tables, strikethrough and autolinks are on; no align attributes") {
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

TEST_CASE("image text becomes alt text; entities are kept only when known") {
    const auto html = md("![A *shield* logo](logo.svg) &copy; &bogus;");
    CHECK(contains(html, "<img src=\"logo.svg\" alt=\"A shield logo\">"));
    CHECK(contains(html, "&copy;"));
    CHECK(contains(html, "&amp;bogus;"));
}

TEST_CASE("heading slugs are never empty") {
    CHECK(heading_slug("!!!") == "section");
    CHECK(heading_slug("Roles & responsibilities") == "roles-responsibilities");
}
