#include <catch2/catch.hpp>

#include "support.hpp"

#include "render/css_scope.hpp"
#include "util/url.hpp"

using namespace eqsite;
using namespace eqsite::test;

TEST_CASE("a stylesheet scoped to a fragment styles nothing outside it") {
    const std::string css =
        "/* a comment { not a rule } */\n"
        ":root { --text: #111; }\nhtml { font-size: 100%; }\nbody { margin: 0; }\n"
        "a, a:visited { color: blue; }\n.card > h3 { margin: 0; }\n"
        ":is(h2, h3) + p { margin-top: 0; }\n[data-x=\"a,b\"] { color: red; }\n"
        "a::after { content: \"}\"; }\n"
        "@media (max-width: 40rem) {\n  .wrap { padding: 0; }\n  table, th { display: block; }\n}\n"
        "@font-face { font-family: X; src: url(x.woff2); }\n@import url(other.css);\n"
        "@keyframes spin { from { transform: rotate(0); } to { transform: rotate(1turn); } }\n";
    const std::string out = scope_css(css, ".s");
    CHECK(has(out, ".s { --text: #111; }"));
    CHECK(has(out, ".s { font-size: 100%; }"));
    CHECK(has(out, ".s { margin: 0; }"));
    CHECK(has(out, ".s a, .s a:visited { color: blue; }"));
    CHECK(has(out, ".s .card > h3 { margin: 0; }"));
    CHECK(has(out, ".s :is(h2, h3) + p { margin-top: 0; }"));
    CHECK(has(out, ".s [data-x=\"a,b\"] { color: red; }"));
    CHECK(has(out, ".s a::after { content: \"}\"; }"));
    CHECK(has(out, "@media (max-width: 40rem) {\n.s .wrap { padding: 0; }\n.s table, .s th { display: block; }\n}"));
    CHECK_FALSE(has(out, "@font-face"));
    CHECK_FALSE(has(out, "@import"));
    CHECK_FALSE(has(out, "@keyframes"));
    CHECK_FALSE(has(out, "not a rule"));
}

TEST_CASE("a fragment's addresses are made absolute, under the site's address") {
    const std::string html = "<a href=\"/equality/policy/\">p</a> <img src=\"/equality/logo.png\" alt=\"\"> "
                             "<a href=\"objectives/x/\">x</a> <a href=\"#aims\">a</a> <a href=\"mailto:a@b.example\">m</a> "
                             "<a href=\"https://else.example/\">e</a> <a href=\"//cdn.example/x\">c</a> "
                             "<a href=\"?a=1&amp;b=2\">q</a>";
    const std::string out = absolute_addresses(html, "https://org.example/equality", "/schools/s/");
    CHECK(has(out, "href=\"https://org.example/equality/policy/\""));
    CHECK(has(out, "src=\"https://org.example/equality/logo.png\""));
    CHECK(has(out, "href=\"https://org.example/equality/schools/s/objectives/x/\""));
    CHECK(has(out, "href=\"#aims\""));
    CHECK(has(out, "href=\"mailto:a@b.example\""));
    CHECK(has(out, "href=\"https://else.example/\""));
    CHECK(has(out, "href=\"//cdn.example/x\""));
    CHECK(has(out, "href=\"https://org.example/equality/schools/s/?a=1&amp;b=2\""));
    CHECK(absolute_addresses("<p>no links</p>", "https://o.example", "/") == "<p>no links</p>");
    // Raw HTML with an address that starts with a space: what follows in
    // it is part of the address, not an attribute of its own.
    CHECK(absolute_addresses("<a href=\" src=\"x\">", "https://o.example", "/p/") ==
          "<a href=\"https://o.example/p/ src=\"x\">");
    // Raw HTML quoted with single quotes or none, names in capitals; not a
    // comment, and not a script's text.
    CHECK(absolute_addresses("<a href='/a/'>a</a> <IMG SRC=b.png> <!-- <a href='/c/'> -->", "https://o.example", "/p/") ==
          "<a href='https://o.example/a/'>a</a> <IMG SRC=https://o.example/p/b.png> <!-- <a href='/c/'> -->");
    CHECK(absolute_addresses("<script>x = '<a href=\"/s/\">';</script>", "https://o.example", "/p/") ==
          "<script>x = '<a href=\"/s/\">';</script>");
}
