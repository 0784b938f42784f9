// Ids of fragments pasted into another website.
#include <catch2/catch.hpp>

#include "render/id_prefix.hpp"

using namespace eqsite;

TEST_CASE("a fragment's ids, and every reference to them, get its prefix") {
    const std::string html =
        "<section aria-labelledby=\"objectives\"><h2 id=\"objectives\">Objectives</h2>"
        "<a href=\"#objectives\">Skip</a> <a href=\"https://x.example/#objectives\">Elsewhere</a> <a href=\"#\">Top</a>"
        "<label for=\"school\">School</label><input id=\"school\" aria-describedby=\"hint  error\">"
        "<td headers=\"a b\">1</td><p data-id=\"keep\" title=\"id=&quot;x&quot;\">id=\"not an attribute\"</p></section>";
    const std::string out = prefix_ids(html, "eqsite-x-");
    CHECK(out ==
          "<section aria-labelledby=\"eqsite-x-objectives\"><h2 id=\"eqsite-x-objectives\">Objectives</h2>"
          "<a href=\"#eqsite-x-objectives\">Skip</a> <a href=\"https://x.example/#objectives\">Elsewhere</a> "
          "<a href=\"#\">Top</a>"
          "<label for=\"eqsite-x-school\">School</label><input id=\"eqsite-x-school\" "
          "aria-describedby=\"eqsite-x-hint  eqsite-x-error\">"
          "<td headers=\"eqsite-x-a eqsite-x-b\">1</td><p data-id=\"keep\" title=\"id=&quot;x&quot;\">"
          "id=\"not an attribute\"</p></section>");
    // Tabs and upper case (raw HTML an author allowed).
    CHECK(prefix_ids("<h2\tID=\"a\">A</h2><a\tHREF=\"#a\">A</a>", "p-") == "<h2\tID=\"p-a\">A</h2><a\tHREF=\"#p-a\">A</a>");
    // Nothing to change: the same bytes.
    CHECK(prefix_ids("<p class=\"a\">b</p>", "eqsite-") == "<p class=\"a\">b</p>");
    CHECK(prefix_ids("", "eqsite-").empty());
}

// Raw HTML an author allowed may quote values with single quotes or none,
// and write names in capitals: a browser reads those ids all the same.
TEST_CASE("a fragment's ids are prefixed however raw HTML quotes them") {
    CHECK(prefix_ids("<h2 id='aims'>A</h2><P ID=intro>I</P><a href=#aims>a</a><a href='#intro'>i</a>", "p-") ==
          "<h2 id='p-aims'>A</h2><P ID=p-intro>I</P><a href=#p-aims>a</a><a href='#p-intro'>i</a>");
    // Not in a comment, nor in a script's text.
    CHECK(prefix_ids("<!-- <p id=x> --><script>s = \"<p id='y'>\";</script>", "p-") ==
          "<!-- <p id=x> --><script>s = \"<p id='y'>\";</script>");
}

TEST_CASE("an embed's links to parts of its own page stay in its frame") {
    CHECK(in_page_links_stay("<a href=\"#aims\">a</a> <a href=\"/x/\">x</a> <a class=c href='#b'>b</a>") ==
          "<a target=\"_self\" href=\"#aims\">a</a> <a href=\"/x/\">x</a> <a class=c target=\"_self\" href='#b'>b</a>");
    // Only links: an image or a link elsewhere is left alone.
    CHECK(in_page_links_stay("<link href=\"#x\"><a href=\"https://o.example/#x\">o</a>") ==
          "<link href=\"#x\"><a href=\"https://o.example/#x\">o</a>");
}

TEST_CASE("an empty prefix changes no fragment") {
    for (const std::string html : {"<h2 id='a'>x</h2>", "<a href=#b>b</a>", "<p ID=\"c\" for=d headers='e f'>",
                                   "<a href=\"#\">top</a><!-- <p id=z> -->"})
        CHECK(prefix_ids(html, "") == html);
}
