#include <catch2/catch.hpp>

#include "util/diagnostics.hpp"
#include "util/files.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <filesystem>
#include <random>

using namespace eqsite;

TEST_CASE("slugs are lower-case letters, digits and single hyphens") {
    CHECK(is_valid_slug("riverside-primary"));
    CHECK(is_valid_slug("post-16"));
    CHECK_FALSE(is_valid_slug("Riverside"));
    CHECK_FALSE(is_valid_slug("st marys"));
    CHECK_FALSE(is_valid_slug("-lead"));
    CHECK_FALSE(is_valid_slug("trail-"));
    CHECK_FALSE(is_valid_slug("a--b"));
    CHECK_FALSE(is_valid_slug("close_gap"));
    CHECK_FALSE(is_valid_slug(""));
}

TEST_CASE("suggested slugs drop accents and punctuation") {
    CHECK(suggest_slug("St Mary's") == "st-marys");
    CHECK(suggest_slug("Close_Gap") == "close-gap");
    CHECK(suggest_slug("Ysgol Tŷ Gwyn") == "ysgol-ty-gwyn");
    CHECK(suggest_slug("Ŵyn  École") == "wyn-ecole");
    CHECK(suggest_slug("  --  ") == "");
}

TEST_CASE("suggestions pick the nearest plausible candidate") {
    const std::vector<std::string> keys{"title", "aims", "characteristics", "status"};
    CHECK(nearest("charactersitics", keys) == "characteristics");
    CHECK(nearest("Titel", keys) == "title");
    CHECK_FALSE(nearest("zzzzzzzzzzzz", keys));
    CHECK(edit_distance("kitten", "sitting") == 3);
    // A swap of two neighbouring letters is one edit (Damerau-Levenshtein).
    CHECK(edit_distance("stauts", "status") == 1);
    CHECK(edit_distance("biuld", "build") == 1);
    CHECK(edit_distance("ca", "abc") == 3);  // optimal string alignment: no edit of a swapped pair
    CHECK(edit_distance("", "abc") == 3);
    CHECK(nearest("stauts", {"start", "status", "slug"}) == "status");
    CHECK(nearest("sexual-orientaton", {"sex", "sexual-orientation", "race"}) == "sexual-orientation");
}

TEST_CASE("newlines and BOM are normalised, invalid UTF-8 is located") {
    CHECK(normalise_newlines("\xEF\xBB\xBF" "a\r\nb\rc\n") == "a\nb\nc\n");
    CHECK(normalise_newlines("a\r") == "a\n");
    CHECK(normalise_newlines("a\r\r\nb\r\n") == "a\n\nb\n");
    CHECK(normalise_newlines("") == "");
    CHECK_FALSE(find_invalid_utf8("Ysgol Tŷ Gwyn"));
    auto bad = find_invalid_utf8("ok\nab\xE9z");
    REQUIRE(bad);
    CHECK(bad->line == 2);
    CHECK(bad->column == 3);
}

TEST_CASE("is_valid_utf8 and find_invalid_utf8 agree with a look at every character, ASCII runs and all") {
    // is_valid_utf8 skips ASCII eight bytes at a time (find_invalid_utf8
    // starts with it); valid_utf8 looks at every character.
    const std::vector<std::string> pieces = {"a", "Gwyn ", "0123456789", "\n", "é", "ŷ", "€", "𝄞", "\xC3", "\xFF",
                                             "\xED\xA0\x80", "\xE2\x82", "\xF4\x90\x80\x80", "\xC0\xAF", "\x80"};
    std::mt19937 random(20261128u);
    std::size_t invalid = 0;
    for (int round = 0; round < 20000; ++round) {
        std::string s;
        for (int n = static_cast<int>(random() % 24); n > 0; --n) s += pieces[random() % pieces.size()];
        INFO(s);
        const bool valid = valid_utf8(s) == s;
        REQUIRE(is_valid_utf8(s) == valid);
        REQUIRE(find_invalid_utf8(s).has_value() == !valid);
        invalid += !is_valid_utf8(s);
    }
    CHECK(invalid > 1000);
    CHECK(is_valid_utf8(std::string(1000, 'a') + "é"));
    CHECK_FALSE(is_valid_utf8(std::string(1000, 'a') + "\xC3"));
}

TEST_CASE("HTML escaping covers text and attributes") {
    CHECK(html_escape("<a href=\"x\">Tom & Jerry's</a>") ==
          "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
}

TEST_CASE("relative names cut the site folder off, as lexically_relative does") {
    namespace fs = std::filesystem;
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"site/content/a.md", "site"},      {"site/content/a.md", "site/"},   {"/tmp/s/x/y.md", "/tmp/s"},
        {"./site/a.md", "./site"},          {"site/./a.md", "site"},          {"site/x/../a.md", "site"},
        {"site//a.md", "site"},             {"sites/a.md", "site"},           {"site", "site"},
        {"other/a.md", "site"},             {"site/a.md/", "site"},           {"/a.md", "/"},
        {"site/Ysgol Tŷ Gwyn/a.md", "site"}, {"site/..hidden/a", "site"},     {"a.md", "."},
        {"./a.md", "."}};
    for (const auto& [path, root] : cases) {
        INFO(path << " under " << root);
        const auto expected = fs::path(path).lexically_relative(fs::path(root));
        CHECK(relative_name(fs::path(path), fs::path(root)) == to_utf8(expected.empty() ? fs::path(path) : expected));
    }
    CHECK(relative_name("site/content/a.md", "site") == "content/a.md");
}

TEST_CASE("names are ordered as people read them: numbers by their value") {
    CHECK(natural_less("objective-9.md", "objective-10.md"));
    CHECK_FALSE(natural_less("objective-10.md", "objective-9.md"));
    CHECK(natural_less("plan.xlsx:Sheet1!B9", "plan.xlsx:Sheet1!B10"));
    CHECK(natural_less("a", "b"));
    CHECK(natural_less("a", "a1"));
    CHECK_FALSE(natural_less("a1", "a"));
    CHECK_FALSE(natural_less("same", "same"));
    // Equal as read ("07" and "7"): still a strict order, by bytes.
    CHECK(natural_less("x07", "x7"));
    CHECK_FALSE(natural_less("x7", "x07"));
    CHECK(natural_less("x2y", "x10a"));
    // Numbers longer than any integer type.
    CHECK(natural_less("n99999999999999999999", "n100000000000000000000"));
    std::vector<std::string> names = {"s10", "s9", "s1", "s100", "s09", "t", "s"};
    std::sort(names.begin(), names.end(), [](const auto& a, const auto& b) { return natural_less(a, b); });
    CHECK(names == std::vector<std::string>{"s", "s1", "s09", "s9", "s10", "s100", "t"});
}

TEST_CASE("messages are sorted by file as people read the names") {
    Diagnostics d;
    d.warning({"content/x/objective-10.md", 1, 1}, "ten");
    d.warning({"content/x/objective-9.md", 2, 1}, "nine, line 2");
    d.warning({"content/x/objective-9.md", 1, 1}, "nine, line 1");
    const auto sorted = d.sorted();
    REQUIRE(sorted.size() == 3);
    CHECK(sorted[0].message == "nine, line 1");
    CHECK(sorted[1].message == "nine, line 2");
    CHECK(sorted[2].message == "ten");
}

TEST_CASE("HTML escaping finds every special character, in long runs of text too") {
    // find_html_special skips eight bytes at a time; compare it with a
    // look at every character, at every offset.
    std::mt19937 random(20261128u);
    const std::string alphabet = "abcXYZ 019é&<>\"'\n";
    for (int round = 0; round < 20000; ++round) {
        std::string s;
        const std::size_t n = random() % 40;
        for (std::size_t i = 0; i < n; ++i) s += alphabet[random() % (random() % 3 == 0 ? alphabet.size() : 13)];
        const std::size_t from = s.empty() ? 0 : random() % (s.size() + 1);
        INFO(s << " from " << from);
        REQUIRE(find_html_special(s, from) == s.find_first_of("&<>\"'", from));
        std::string expected;
        for (char c : s) expected += c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '"' ? "&quot;"
                                     : c == '\'' ? "&#39;" : std::string(1, c);
        REQUIRE(html_escape(s) == expected);
    }
}

TEST_CASE("file names that Windows and macOS take for one have one key") {
    // Capitals, in any script; an accent stored as one character or two.
    CHECK(file_name_key("Logo.PNG") == file_name_key("logo.png"));
    CHECK(file_name_key("\xC3\x89quipe.pdf") == file_name_key("\xC3\xA9quipe.pdf"));     // Équipe, équipe
    CHECK(file_name_key("caf\xC3\xA9.pdf") == file_name_key("cafe\xCC\x81.pdf"));         // é, e + U+0301
    CHECK(file_name_key("\xCE\xA3\xCE\xA7\xCE\x9F\xCE\x9B\xCE\x95\xCE\x99\xCE\x9F") ==  // ΣΧΟΛΕΙΟ, σχολειο
          file_name_key("\xCF\x83\xCF\x87\xCE\xBF\xCE\xBB\xCE\xB5\xCE\xB9\xCE\xBF"));
    // Different names stay different.
    CHECK(file_name_key("cafe.pdf") != file_name_key("caf\xC3\xA9.pdf"));
    CHECK(file_name_key("a.png") != file_name_key("b.png"));
    // Not UTF-8: folded in ASCII only, never dropped.
    CHECK(file_name_key("A\xFF.png") == "a\xFF.png");
    // Composed: what a name looks like, whichever way its accents are stored.
    CHECK(composed("cafe\xCC\x81") == "caf\xC3\xA9");
    CHECK(composed("caf\xC3\xA9") == "caf\xC3\xA9");
    CHECK(composed("A\xFF") == "A\xFF");
}

TEST_CASE("a diagnostic for the terminal shows control characters as hex escapes, never as the characters") {
    eqsite::Diagnostic d{{"content/schools/x\x1b[31my/index.md", 2, 3}, eqsite::Severity::warning,
                         "compliance \"\x1b]0;pwned\x07\x1b[2J\" is not one of fully, partially or not\nnext line \xc2\x9b" "31m"};
    const std::string shown = eqsite::format_diagnostic(d);
    CHECK(shown.find('\x1b') == std::string::npos);
    CHECK(shown.find('\x07') == std::string::npos);
    CHECK(shown.find("\xc2\x9b") == std::string::npos);
    CHECK(shown == "content/schools/x\\x1b[31my/index.md:2:3: warning: compliance \"\\x1b]0;pwned\\x07\\x1b[2J\" is not "
                   "one of fully, partially or not\nnext line \\x9b31m");
    // Text with no control characters is unchanged, accents included.
    d.message = "École Ysgol Tŷ Gwyn: ok";
    CHECK(eqsite::format_diagnostic(d) == "content/schools/x\\x1b[31my/index.md:2:3: warning: École Ysgol Tŷ Gwyn: ok");
}
