#include <catch2/catch.hpp>

#include <deque>

#include <yaml-cpp/yaml.h>

#include "load/document.hpp"
#include "load/fields.hpp"

using namespace eqsite;

namespace {
// A Fields reads a tree that must outlive it: each test's trees are kept here.
Fields fields_of(const std::string& yaml, Diagnostics& d) {
    static std::deque<YamlNode> trees;
    trees.push_back(*yaml_tree_of(YAML::Load(yaml), 1 << 20));
    return Fields(trees.back(), "f.md", 2, d);
}
std::string first(const Diagnostics& d) { return format_diagnostic(d.sorted().at(0)); }
}  // namespace

TEST_CASE("unknown keys are errors with a suggestion at the key") {
    Diagnostics d;
    auto f = fields_of("title: x\ncharactersitics: [race]\n", d);
    f.text("title");
    f.text_list("characteristics");
    f.finish();
    REQUIRE(d.error_count() == 1);
    CHECK(first(d) == "f.md:3:1: error: unknown setting \"charactersitics\"; did you mean \"characteristics\"?");
}

TEST_CASE("an unknown key with no near match lists the allowed keys") {
    Diagnostics d;
    auto f = fields_of("colour: red\n", d);
    f.text("title");
    f.text("weight");
    f.finish();
    CHECK(first(d) == "f.md:2:1: error: unknown setting \"colour\"; the settings allowed here are: title, weight");
}

TEST_CASE("a key set twice is an error") {
    Diagnostics d;
    auto f = fields_of("title: a\ntitle: b\n", d);
    f.text("title");
    f.finish();
    CHECK(d.error_count() == 1);
    CHECK(first(d) == "f.md:3:1: error: \"title\" is set twice; keep one of them");
}

TEST_CASE("missing required settings say what to add") {
    Diagnostics d;
    auto f = fields_of("weight: 1\n", d);
    CHECK_FALSE(f.text("title", Need::required));
    f.integer("weight");
    f.finish();
    CHECK(first(d) == "f.md:2:1: error: missing required setting \"title\": add a line such as "
                      "\"title: Closing the attendance gap\"");
}

TEST_CASE("a misspelt required setting is one mistake and one message") {
    Diagnostics d;
    auto f = fields_of("titel: Hello\nsubject: x\n", d);
    CHECK_FALSE(f.text("title", Need::required));
    CHECK_FALSE(f.text("summary", Need::required));
    f.finish();
    const auto all = d.sorted();
    REQUIRE(all.size() == 3);
    CHECK(format_diagnostic(all[0]) == "f.md:2:1: error: missing required setting \"summary\": add a line such as "
                                       "\"summary: some text\"");
    CHECK(format_diagnostic(all[1]) == "f.md:2:1: error: unknown setting \"titel\"; did you mean \"title\"?");
    CHECK(format_diagnostic(all[2]).rfind("f.md:3:1: error: unknown setting \"subject\"", 0) == 0);
}

TEST_CASE("typed getters report wrong types at the value") {
    Diagnostics d;
    auto f = fields_of("weight: ten\nstart: 2024-02-30\nlist: {a: 1}\nok: yes\n", d);
    CHECK_FALSE(f.integer("weight"));
    CHECK_FALSE(f.date("start"));
    CHECK(f.text_list("list").empty());
    CHECK(f.boolean("ok") == true);
    f.finish();
    const auto all = d.sorted();
    REQUIRE(all.size() == 3);
    CHECK(format_diagnostic(all[0]) == "f.md:2:9: error: \"weight\" must be a whole number such as 10, not \"ten\"");
    CHECK(format_diagnostic(all[1]) ==
          "f.md:3:8: error: \"start\" is not a valid date (\"2024-02-30\"): February 2024 has 29 days");
    CHECK(format_diagnostic(all[2]) == "f.md:4:7: error: \"list\" should be a list such as [first, second], not a map");
}

TEST_CASE("a single value is accepted where a list is expected") {
    Diagnostics d;
    auto f = fields_of("owner: Deputy head\n", d);
    auto owners = f.plain_text_list("owner");
    REQUIRE(owners.size() == 1);
    CHECK(owners[0] == "Deputy head");
}
