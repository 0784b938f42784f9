// load/simple_yaml.hpp: on every input it accepts, the simple reader must
// build the tree yaml-cpp builds, with the same positions; anything else it
// must leave to yaml-cpp.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "load/simple_yaml.hpp"
#include "yaml_compare.hpp"

using namespace eqsite;
using eqsite::test::compare_yaml_readers;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> everyday = {
    "title: \"Objective 2: team model learn\"\naims: [advance-equality, eliminate-discrimination]\n"
    "characteristics: [disability, gender-reassignment, religion-or-belief]\nwhy: \"Listen library observe.\"\n"
    "status: achieved\nstart: 2022-05-14\ndue: 2024-06-17\nprogress:\n  - date: 2023-09-20\n"
    "    note: \"Reviewed by governors.\"\n",
    "name: \"Alderbridge Academy 877\"\nurn: 100876\nphase: primary\nobjectives_published: 2024-09-10\n",
    "title: Reduce sexist language\naims:\n  - eliminate-discrimination\n  - foster-good-relations\n"
    "characteristics: [sex, sexual-orientation]\nowner: Head of PSHE\n",
    "# a comment line\ntitle: Children's centre\n\nsummary: 'Plain, with a comma and a colon: inside quotes'\n",
    "actions:\n- text: Train staff\n  owner: SENCo\n  due: 2025-03-31\n  status: in-progress\n"
    "- text: Review the policy\n  due: ongoing\nlink: https://example.org/a?b=c\n",
    "tags: []\nlevels:\n  primary:\n    count: 3\n  secondary:\n    count: 4\nlast: done\n",
    "title:    Extra spaces   \nlist: [ a ,b,  c d ]\n",
    "lede: Every objective of {trust} and [its] schools}\nplural:\n  one: \"{count} school\"\n  other: all {count} schools\n",
    "404:\n  heading: Not found\n",
    "",
};

}  // namespace

TEST_CASE("simple YAML: everyday front matter is read as yaml-cpp reads it, positions included") {
    for (const auto& yaml : everyday) {
        INFO(yaml);
        const auto d = compare_yaml_readers(yaml);
        REQUIRE(d.has_value());  // accepted
        CHECK(*d == "");
    }
}

TEST_CASE("simple YAML: anything outside the subset is left to yaml-cpp") {
    const char* refused[] = {
        "body: |\n  a block\n",        "body: >\n  folded\n",          "a: \"esc\\n\"\n",
        "a: &x 1\nb: *x\n",            "a: !!str 1\n",                 "a: value # comment\n",
        "a:\nb: c\n",                  "a:\n",                         "a: 1\na: 2\n",
        "a:\t1\n",                     "a: {b: c}\n",                  "a: [\"x\", y]\n",
        "a: null\n",                   "a: ~\n",                       "- a\n- b\n",
        "  a: 1\n",                    "a: b: c\n",                    "a: [b, [c]]\n",
        "a: [b,, c]\n",                "a: [b,]\n",                    "a: 'it''s'\n",
        "a: b\n  c\n",                 "a:\n  - b\n c: d\n",           "a: -1\n",
        "? a\n: b\n",                  "a: \"b\" c\n",                 "a: text:\n",
        "title: x\n---\n",             "a: \xE2\x80\xA8\n",           "a key: 1\n",
        "null: []\n",                  "Null: x\n",
    };
    for (const char* yaml : refused) {
        INFO(yaml);
        CHECK_FALSE(compare_yaml_readers(yaml).has_value());
    }
    // Too long a key, too deep a nesting: yaml-cpp refuses them.
    CHECK_FALSE(compare_yaml_readers(std::string(1025, 'a') + ": x\n").has_value());
    std::string deep;
    for (int level = 0; level < 40; ++level) deep += std::string(static_cast<std::size_t>(level) * 2, ' ') + "a:\n";
    deep += std::string(80, ' ') + "b: c\n";
    CHECK_FALSE(compare_yaml_readers(deep).has_value());
    CHECK(compare_yaml_readers("a:\n  b:\n    c: d\n") == std::optional<std::string>(""));
}

TEST_CASE("simple YAML: every front matter of site-example and the test sites, where accepted, reads the same") {
    std::size_t seen = 0, accepted = 0;
    for (const char* root : {"site-example", "tests/sites"}) {
        const fs::path folder = fs::path(EQSITE_SOURCE_DIR) / root;
        for (const auto& entry : fs::recursive_directory_iterator(folder)) {
            if (entry.path().extension() != ".md") continue;
            std::ifstream in(entry.path(), std::ios::binary);
            std::stringstream text;
            text << in.rdbuf();
            const std::string s = text.str();
            if (s.rfind("---\n", 0) != 0) continue;
            const std::size_t end = s.find("\n---\n", 3);
            if (end == std::string::npos) continue;
            const std::string yaml = s.substr(4, end - 3);
            ++seen;
            INFO(entry.path().string());
            const auto d = compare_yaml_readers(yaml);
            if (!d) continue;
            ++accepted;
            CHECK(*d == "");
        }
    }
    INFO(accepted << " of " << seen << " accepted");
    CHECK(seen > 50);
    CHECK(accepted * 2 > seen);  // the subset is the everyday shape
}

TEST_CASE("simple YAML: the theme's strings are read without yaml-cpp, as yaml-cpp reads them") {
    // 470 lines read at every build: yaml-cpp took 3 % of a small site's build.
    std::ifstream in(fs::path(EQSITE_SOURCE_DIR) / "themes/default/i18n/en-GB.yaml", std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    const auto d = compare_yaml_readers(text.str());
    REQUIRE(d.has_value());
    CHECK(*d == "");
}

TEST_CASE("simple YAML: random edits of everyday front matter are read the same or left to yaml-cpp") {
    const char* seed_text = std::getenv("EQSITE_YAML_SEED");
    std::mt19937 random(seed_text ? static_cast<unsigned>(std::strtoul(seed_text, nullptr, 10)) : 20261128u);
    const std::string alphabet = " :-#[],'\"\nab1~&|>{}\t\\?!%";
    std::size_t accepted = 0;
    for (int round = 0; round < 6000; ++round) {
        std::string yaml = everyday[random() % (everyday.size() - 1)];
        const int edits = 1 + static_cast<int>(random() % 3);
        for (int e = 0; e < edits; ++e) {
            const std::size_t at = random() % (yaml.size() + 1);
            const char c = alphabet[random() % alphabet.size()];
            switch (random() % 3) {
                case 0: yaml.insert(at, 1, c); break;
                case 1: if (at < yaml.size()) yaml.erase(at, 1); break;
                default: if (at < yaml.size()) yaml[at] = c;
            }
        }
        const auto d = compare_yaml_readers(yaml);
        if (!d) continue;
        ++accepted;
        INFO(yaml);
        REQUIRE(*d == "");
    }
    CHECK(accepted > 600);  // the edits did reach the reader's paths
}
