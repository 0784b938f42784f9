#include <catch2/catch.hpp>

#include "support.hpp"

#include "load/document.hpp"
#include "load/fields.hpp"
#include "util/text.hpp"

using namespace eqsite;
using namespace eqsite::test;

TEST_CASE("front matter is split from the Markdown body") {
    Diagnostics d;
    auto doc = load_document("a.md", "---\ntitle: Hello\n---\n# Body\n", d);
    REQUIRE(doc);
    CHECK(d.empty());
    REQUIRE(doc->front.get("title"));
    CHECK(doc->front.get("title")->text == "Hello");
    CHECK(doc->body == "# Body\n");
    CHECK(doc->front_first_line == 2);
}

TEST_CASE("BOM and CRLF are accepted and do not shift positions") {
    Diagnostics d;
    auto doc = load_document("a.md", "\xEF\xBB\xBF---\r\ntitle: Tŷ Gwyn\r\nweight: 3\r\n---\r\nText\r\n", d);
    REQUIRE(doc);
    REQUIRE(doc->front.get("title"));
    CHECK(doc->front.get("title")->text == "Tŷ Gwyn");
    const Fields f(doc->front, doc->path, doc->front_first_line, d);
    CHECK(f.where_value("weight").line == 3);
    CHECK(f.where_value("weight").column == 9);
    CHECK(doc->body == "Text\n");
}

TEST_CASE("empty front matter is an empty map") {
    Diagnostics d;
    auto doc = load_document("a.md", "---\n---\nText", d);
    REQUIRE(doc);
    CHECK(doc->front.is_map());
    CHECK(doc->front.items.empty());
}

TEST_CASE("a file without front matter is an error at 1:1") {
    Diagnostics d;
    CHECK_FALSE(load_document("a.md", "# Just Markdown\n", d));
    REQUIRE(messages(d).size() == 1);
    CHECK(messages(d)[0].starts_with("a.md:1:1: error: a page must start with front matter"));
}

TEST_CASE("unclosed front matter is reported") {
    Diagnostics d;
    CHECK_FALSE(load_document("a.md", "---\ntitle: x\n", d));
    CHECK(messages(d).at(0).starts_with("a.md:1:1: error: the front matter that starts here is never closed"));
}

TEST_CASE("YAML syntax errors give the file position") {
    Diagnostics d;
    CHECK_FALSE(load_document("a.md", "---\ntitle: ok\naims: [a, b\n---\n", d));
    REQUIRE(d.error_count() == 1);
    const auto m = messages(d)[0];
    CHECK(m.starts_with("a.md:"));
    CHECK(m.find("YAML syntax error") != std::string::npos);
    // The error is on or after the line that opens the bracket (line 3).
    CHECK(d.sorted()[0].where.line >= 3);
}

TEST_CASE("invalid UTF-8 is an error at its position") {
    Diagnostics d;
    CHECK_FALSE(load_document("a.md", "---\ntitle: caf\xE9\n---\n", d));
    CHECK(messages(d).at(0).starts_with("a.md:2:11: error: this file is not valid UTF-8"));
}

TEST_CASE("site.yaml must be a map") {
    Diagnostics d;
    CHECK_FALSE(load_yaml_file("site.yaml", "- a\n- b\n", d));
    CHECK(messages(d).at(0).starts_with("site.yaml:1:1: error: this file must be a list of settings"));
}

TEST_CASE("YAML aliases: a few are read, one inside itself or too many repeats are an error, never a crash") {
    Diagnostics d;
    auto doc = load_document("a.md", "---\nowner: &head Headteacher\nlead: *head\n---\n", d);
    REQUIRE(doc);
    CHECK(d.empty());
    REQUIRE(doc->front.get("lead"));
    CHECK(doc->front.get("lead")->text == "Headteacher");

    Diagnostics self;
    CHECK_FALSE(load_document("a.md", "---\ntitle: x\ntarget_groups: &x [*x]\n---\n", self));
    REQUIRE(messages(self).size() == 1);
    CHECK(messages(self)[0].find("aliases (*name)") != std::string::npos);

    // Ten times ten times ... : a billion copies from a few lines.
    std::string yaml = "l0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (int level = 1; level <= 8; ++level) {
        yaml += "l" + std::to_string(level) + ": &a" + std::to_string(level) + " [";
        for (int i = 0; i < 10; ++i) yaml += std::string(i ? ", " : "") + "*a" + std::to_string(level - 1);
        yaml += "]\n";
    }
    Diagnostics many;
    CHECK_FALSE(load_document("a.md", "---\n" + yaml + "---\n", many));
    REQUIRE(messages(many).size() == 1);
    CHECK(messages(many)[0].starts_with("a.md:2:1: error: this YAML's aliases"));
}
