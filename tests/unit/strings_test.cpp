// The theme's strings (render/strings.hpp): placeholders, plural forms,
// dates, overrides key by key, a language without words, and {{t.key}} in
// templates.
#include <catch2/catch.hpp>

#include "model/build_site.hpp"
#include "render/renderer.hpp"
#include "render/strings.hpp"
#include "render/theme.hpp"
#include "render/words.hpp"
#include "support.hpp"

using namespace eqsite;
using namespace eqsite::test;

TEST_CASE("strings: placeholders, plural forms and dates in British English") {
    TempDir dir;
    Diagnostics d;
    const Strings s = load_strings(dir.path(), "en-GB", {"site.yaml", 1, 1}, d);
    CHECK(d.empty());
    CHECK(s.text("nav.home") == "Home");
    CHECK(s.text("titles.school_description", {{"school", "Oak {count} School"}}) ==
          "Equality information and objectives for Oak {count} School");  // a value is never filled again
    CHECK(s.count("counts.objectives", 1) == "1 objective");
    CHECK(s.count("counts.objectives", 0) == "0 objectives");
    CHECK(s.count("counts.objectives", 12) == "12 objectives");
    CHECK(s.date(Date{2024, 9, 12, false}) == "12 September 2024");
    CHECK(s.date(month_date(2025, 3)) == "March 2025");
    CHECK(s.on_date(Date{2024, 9, 12, false}) == "on 12 September 2024");
    CHECK(s.on_date(month_date(2025, 3)) == "in March 2025");
    CHECK(s.text("no.such.key") == "[no.such.key]");
    // Every template key has one text; the theme's own keys are many.
    CHECK(s.keys().size() > 300);
}

TEST_CASE("strings: Welsh plural categories") {
    CHECK(plural_category("cy", 0) == "zero");
    CHECK(plural_category("cy", 1) == "one");
    CHECK(plural_category("cy", 2) == "two");
    CHECK(plural_category("cy", 3) == "few");
    CHECK(plural_category("cy", 6) == "many");
    CHECK(plural_category("cy", 4) == "other");
    CHECK(plural_category("en-GB", 1) == "one");
    CHECK(plural_category("en-GB", 2) == "other");
}

TEST_CASE("strings: a site changes some keys, the rest stay, a key no template uses is a warning") {
    TempDir dir;
    write(dir.path() / "theme/i18n/en-GB.yaml",
          "nav:\n  home: Start\ncounts:\n  objectives:\n    one: \"{count} aim\"\n    other: \"{count} aims\"\n"
          "nav_home: typo\n");
    Diagnostics d;
    const Theme theme = load_theme(dir.path(), d);
    const Strings& s = theme.strings;
    CHECK(s.text("nav.home") == "Start");
    CHECK(s.count("counts.objectives", 2) == "2 aims");
    CHECK(s.text("nav.data") == "Data");  // not overridden: the default, with no warning
    const auto got = messages(d);
    REQUIRE(got.size() == 1);
    CHECK(got[0].starts_with("theme/i18n/en-GB.yaml:7:11: warning: \"nav_home\" is not a key of the theme's strings"));
    CHECK(got[0].find("nav.home") != std::string::npos);  // did you mean
}

TEST_CASE("strings: a language the theme has no words in is an error naming the file to add") {
    TempDir dir;
    Diagnostics d;
    load_strings(dir.path(), "cy", {"site.yaml", 4, 11}, d);
    const auto got = messages(d);
    REQUIRE(got.size() == 1);
    CHECK(got[0].starts_with("site.yaml:4:11: error: the theme has no words in \"cy\": add theme/i18n/cy.yaml"));
}

TEST_CASE("strings: a language of the site's own falls back to English key by key, with one warning naming them") {
    TempDir dir;
    write(dir.path() / "theme/i18n/cy.yaml", "nav:\n  home: Hafan\n  data: Data\n");
    Diagnostics d;
    const Strings s = load_strings(dir.path(), "cy", {"site.yaml", 1, 1}, d);
    CHECK(s.text("nav.home") == "Hafan");
    CHECK(s.text("nav.review") == "Review dates");
    const auto got = messages(d);
    REQUIRE(got.size() == 1);
    CHECK(got[0].starts_with("theme/i18n/cy.yaml:1:1: warning: "));
    CHECK(got[0].find("missing, so shown in English (en-GB): ") != std::string::npos);
    CHECK(got[0].find("nav.review") != std::string::npos);
    CHECK(got[0].find("nav.home,") == std::string::npos);
}

TEST_CASE("strings: {{t.key}} in a template is the escaped text, its placeholders values of the page") {
    TempDir dir;
    write_minimal_site(dir.path());
    write(dir.path() / "theme/i18n/en-GB.yaml", "home:\n  test_line: \"Fish & <chips> at {title}'s\"\n");
    write(dir.path() / "theme/templates/home.mustache", "<p title=\"{{t.home.test_line}}\">{{t.home.test_line}}</p>\n");
    Diagnostics d;
    Site site = load_site(dir.path(), {}, d);
    Theme theme = load_theme(dir.path(), d);
    REQUIRE_FALSE(d.has_errors());
    Renderer r(site, theme, render_options_for("https://test.example"));
    std::string error;
    const auto html = r.render({"/", HomePage{}}, error);
    REQUIRE(error.empty());
    CHECK(html.find("<p title=\"Fish &amp; &lt;chips&gt; at Welcome's\">Fish &amp; &lt;chips&gt; at Welcome's</p>") !=
          std::string::npos);
}

TEST_CASE("strings: an unknown {{t.key}} is an error at its place, with the nearest key") {
    TempDir dir;
    write(dir.path() / "theme/templates/home.mustache", "<h1>{{title}}</h1>\n<p>{{t.nav.hom}}</p>\n");
    Diagnostics d;
    load_theme(dir.path(), d);
    const auto got = messages(d);
    REQUIRE(got.size() == 1);
    CHECK(got[0].starts_with("theme/templates/home.mustache:2:4: error: the theme's strings have no key \"nav.hom\""));
    CHECK(got[0].find("nav.home") != std::string::npos);
}

TEST_CASE("strings: a string with plural forms cannot be used by a template") {
    TempDir dir;
    write(dir.path() / "theme/templates/home.mustache", "<p>{{t.counts.objectives}}</p>\n");
    Diagnostics d;
    load_theme(dir.path(), d);
    const auto got = messages(d);
    REQUIRE(got.size() == 1);
    CHECK(got[0].find("\"counts.objectives\" has plural forms") != std::string::npos);
}

TEST_CASE("strings: braces that are not a placeholder are refused, at the string") {
    TempDir dir;
    write(dir.path() / "theme/i18n/en-GB.yaml", "nav:\n  home: \"Home {#section}\"\n  data: \"Costs {£5\"\n");
    Diagnostics d;
    load_strings(dir.path(), "en-GB", {"site.yaml", 1, 1}, d);
    const auto got = messages(d);
    REQUIRE(got.size() == 2);
    CHECK(got[0].starts_with("theme/i18n/en-GB.yaml:2:9: error: \"nav.home\" has braces that are not a placeholder"));
    CHECK(got[1].starts_with("theme/i18n/en-GB.yaml:3:9: error: \"nav.data\" has braces"));
}

TEST_CASE("strings: a string with braces that are not a placeholder is one error, and the built-in one stands in") {
    for (const char* bad : {"Skip {{{page_title}}}", "Skip {{& page_title}}", "Skip {#x}"}) {
        INFO(bad);
        TempDir dir;
        write(dir.path() / "theme/i18n/en-GB.yaml", std::string("layout:\n  skip_link: \"") + bad + "\"\n");
        Diagnostics d;
        load_theme(dir.path(), d);  // the strings go into the templates: no template is blamed for them
        const auto got = messages(d);
        REQUIRE(got.size() == 1);
        CHECK(got[0].starts_with("theme/i18n/en-GB.yaml:2:14: error: \"layout.skip_link\" has braces"));
        Diagnostics quiet;
        CHECK(load_strings(dir.path(), "en-GB", {"site.yaml", 1, 1}, quiet).text("layout.skip_link") ==
              load_strings(TempDir().path(), "en-GB", {"site.yaml", 1, 1}, quiet).text("layout.skip_link"));
    }
}

TEST_CASE("strings: any English is the built-in British English, another language without words is one error") {
    TempDir dir;
    for (const char* english : {"en", "en-US", "EN-gb"}) {
        Diagnostics d;
        const Strings s = load_strings(dir.path(), english, {"site.yaml", 1, 1}, d);
        CHECK(d.empty());
        CHECK(s.text("nav.home") == "Home");
    }
    Diagnostics d;
    write(dir.path() / "site.yaml", "trust:\n  name: T\n  url: https://t.example\nlanguage: fr\n");
    load_theme(dir.path(), d, "fr", {"site.yaml", 4, 11});
    const auto got = messages(d);
    REQUIRE(got.size() == 1);  // not one more for every {{t.key}} of the templates
    CHECK(got[0].starts_with("site.yaml:4:11: error: the theme has no words in \"fr\": add theme/i18n/fr.yaml"));
}

TEST_CASE("words kept between pages say what the strings say, for each value asked about") {
    TempDir dir;
    Diagnostics d;
    const Strings s = load_strings(dir.path(), "en-GB", {"site.yaml", 1, 1}, d);
    Words words(s);
    // Dates: each kept apart, a day and its month too.
    for (int round = 0; round < 2; ++round) {
        CHECK(words.date(Date{2024, 9, 12, false}) == "12 September 2024");
        CHECK(words.date(Date{2024, 9, 13, false}) == "13 September 2024");
        CHECK(words.date(month_date(2024, 9)) == "September 2024");
        CHECK(words.date(Date{2025, 9, 12, false}) == "12 September 2025");
    }
    // Lists: in the order given, and every characteristic in one word.
    CHECK(words.aims({Aim::advance_equality}) == s.term("aims", "advance-equality"));
    CHECK(words.aims({Aim::advance_equality, Aim::foster_good_relations}) ==
          s.term("aims", "advance-equality") + s.text("labels.aims_separator") + s.term("aims", "foster-good-relations"));
    CHECK(words.aims({Aim::foster_good_relations, Aim::advance_equality}) ==
          s.term("aims", "foster-good-relations") + s.text("labels.aims_separator") + s.term("aims", "advance-equality"));
    CHECK(words.characteristics({Characteristic::race, Characteristic::sex}) ==
          s.term("characteristics", "race") + s.text("labels.list_separator") + s.term("characteristics", "sex"));
    std::vector<Characteristic> all;
    for (std::size_t c = 0; c < characteristic_count; ++c) all.push_back(static_cast<Characteristic>(c));
    CHECK(words.characteristics(all) == s.text("labels.all_characteristics"));
    CHECK(words.characteristics({}) == "");
}
