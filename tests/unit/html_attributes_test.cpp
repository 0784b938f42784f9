// Attributes found as a browser finds them: the base of a fragment's ids,
// an embed's addresses and the link check.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "util/html_attributes.hpp"

using namespace eqsite;

namespace {

// "tag name=value" for each attribute, values as written.
std::vector<std::string> seen(std::string_view html) {
    std::vector<std::string> out;
    for (const auto& a : html_attributes(html, {"href", "title", "s", "\"x\"'", "id", "class", "disabled", "value", "src", "alt"})) {
        std::string s = std::string(a.tag) + " " + std::string(a.name);
        if (a.has_value) s += "=" + std::string(a.value(html));
        out.push_back(s);
    }
    return out;
}

using List = std::vector<std::string>;

}  // namespace

TEST_CASE("attribute values in double quotes, single quotes or none") {
    // A backslash escapes nothing: the value ends at the next quote.
    CHECK(seen(R"(<a href="/a/" title='It\'s "x"'>x</a>)") == List{"a href=/a/", "a title=It\\", "a s", "a \"x\"'"});
    CHECK(seen("<h2 id=aims class = 'big'>Aims</h2>") == List{"h2 id=aims", "h2 class=big"});
    CHECK(seen("<INPUT DISABLED Value=x>") == List{"INPUT DISABLED", "INPUT Value=x"});
    CHECK(seen("<img src=a.png alt=\"\"/>") == List{"img src=a.png", "img alt="});
    // A value straight after another's closing quote is an attribute too.
    CHECK(seen(R"(<a href="#x"title="t">)") == List{"a href=#x", "a title=t"});
    // "=" before any value: an empty value, and the tag ends.
    CHECK(seen("<a href=>x</a><p>") == List{"a href="});
    // An unquoted value runs to a space or ">", quotes and all.
    CHECK(seen("<a href=/x'y\">") == List{"a href=/x'y\""});
}

TEST_CASE("what is not a start tag has no attributes") {
    // Text, a comment, a doctype, an end tag, a "<" that opens nothing.
    CHECK(seen(R"(<!DOCTYPE html><!-- <a href="/c/"> --><p>a < b and id="x"</p></p id="y">)") == List{});
    CHECK(seen("<!--> <a id=1> <!---> <a id=2> <!-- x --!> <a id=3>") == List{"a id=1", "a id=2", "a id=3"});
    CHECK(seen("<?xml version=\"1\"?><br id=b>") == List{"br id=b"});
    // The text of script, style, textarea and title is text, to its end tag in any case.
    CHECK(seen("<script>var a = \"<a href='/s/'>\";</SCRIPT ><i id=after>") == List{"i id=after"});
    CHECK(seen("<style>a[href=\"x\"]{}</style><title><b id=t></title><textarea><a id=q></textarea>") == List{});
    CHECK(seen("<scripts id=s>") == List{"scripts id=s"});
    // A tag cut off at the end is no tag; nor is anything after <plaintext>.
    CHECK(seen("<p id=a><a href=\"/x/\" title='never closed") == List{"p id=a"});
    CHECK(seen("<p id=a><a href=/x/") == List{"p id=a"});
    CHECK(seen("<plaintext><a id=z>") == List{});
    CHECK(seen("<script><a id=z>") == List{});
}

TEST_CASE("only the attributes asked for, with where their values are") {
    const std::string html = "<a class=x HREF='/p/'>p</a>";
    const auto found = html_attributes(html, {"href"});
    REQUIRE(found.size() == 1);
    CHECK(found[0].value_at == html.find("/p/"));
    CHECK(found[0].value(html) == "/p/");
    CHECK(same_attribute_name("HrEf", "href"));
    CHECK_FALSE(same_attribute_name("hre", "href"));
}

// Random scraps of HTML: every attribute found lies inside the text, in
// order, and a fragment's rewriting with an empty prefix changes nothing.
TEST_CASE("attributes of random HTML lie inside it, in order") {
    const std::vector<std::string> pieces = {"<", ">", "</", "<!--", "-->", "<a", "<p", " ", "\t", "=", "\"", "'",
                                             "id", "href", "#x", "/y/", "<script>", "</script>", "<title>", "x",
                                             "</title >", "<!x>", "<?", "/", "HREF", "<A"};
    std::uint32_t seed = 12345;
    auto next = [&] { return seed = seed * 1664525u + 1013904223u; };
    for (int round = 0; round < 3000; ++round) {
        std::string html;
        for (int k = static_cast<int>(next() % 40); k > 0; --k) html += pieces[next() % pieces.size()];
        INFO(html);
        std::size_t last = 0;
        for (const auto& a : html_attributes(html, {"id", "href"})) {
            const auto name_at = static_cast<std::size_t>(a.name.data() - html.data());
            CHECK(name_at >= last);
            CHECK(a.value_at >= name_at + a.name.size());
            CHECK(a.value_at <= a.value_end);
            CHECK(a.value_end <= html.size());
            last = a.value_end;
        }
    }
}
