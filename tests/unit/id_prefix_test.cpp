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
