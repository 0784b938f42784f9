#include <catch2/catch.hpp>

#include "model/vocabulary.hpp"
#include "util/text.hpp"

using namespace eqsite;

namespace {
std::vector<std::size_t> match(const Vocabulary& v, const std::string& text, Diagnostics& d) {
    return match_term(v, Located<std::string>{text, {"o.md", 4, 18}}, d);
}
}  // namespace

TEST_CASE("canonical terms match ignoring case, spaces, hyphens and slashes") {
    Diagnostics d;
    const auto& v = characteristics_vocabulary();
    CHECK(match(v, "sexual-orientation", d) == std::vector<std::size_t>{8});
    CHECK(match(v, "Sexual Orientation", d) == std::vector<std::size_t>{8});
    CHECK(match(v, "religion/or/belief", d) == std::vector<std::size_t>{6});
    CHECK(match(v, "PREGNANCY AND MATERNITY", d) == std::vector<std::size_t>{4});
    CHECK(d.empty());
}

TEST_CASE("`all` means every term") {
    Diagnostics d;
    CHECK(match(characteristics_vocabulary(), "all", d).size() == 9);
    CHECK(match(aims_vocabulary(), "All", d).size() == 3);
    CHECK(d.empty());
}

TEST_CASE("synonyms map to the statutory term with a warning") {
    Diagnostics d;
    const auto& v = characteristics_vocabulary();
    CHECK(match(v, "ethnicity", d) == std::vector<std::size_t>{5});
    CHECK(match(v, "gender identity", d) == std::vector<std::size_t>{2});
    CHECK(match(v, "gender", d) == std::vector<std::size_t>{7});
    CHECK(match(v, "religion", d) == std::vector<std::size_t>{6});
    CHECK(match(v, "LGBT", d) == std::vector<std::size_t>{8, 2});
    CHECK(d.error_count() == 0);
    REQUIRE(d.warning_count() == 5);
    CHECK(format_diagnostic(d.sorted()[0]) ==
          "o.md:4:18: warning: \"LGBT\" is not the statutory name of a protected characteristic; it is read as "
          "\"sexual-orientation\" and \"gender-reassignment\". Write \"sexual-orientation\" and "
          "\"gender-reassignment\" to make this clear");
}

TEST_CASE("aim synonyms from the spec are accepted silently") {
    Diagnostics d;
    const auto& v = aims_vocabulary();
    CHECK(match(v, "advance equality of opportunity", d) == std::vector<std::size_t>{1});
    CHECK(match(v, "foster good relations", d) == std::vector<std::size_t>{2});
    CHECK(match(v, "harassment", d) == std::vector<std::size_t>{0});
    CHECK(d.empty());
}

TEST_CASE("unknown values name the nearest valid value and list them all") {
    Diagnostics d;
    CHECK(match(characteristics_vocabulary(), "sexual orientaton", d).empty());
    REQUIRE(d.error_count() == 1);
    CHECK(format_diagnostic(d.sorted()[0]) ==
          "o.md:4:18: error: unknown protected characteristic \"sexual orientaton\"; did you mean "
          "\"sexual-orientation\"? Valid values are: age, disability, gender-reassignment, "
          "marriage-and-civil-partnership, pregnancy-and-maternity, race, religion-or-belief, sex, "
          "sexual-orientation, all");
}

TEST_CASE("statuses have no `all`") {
    Diagnostics d;
    CHECK(match(objective_status_vocabulary(), "all", d).empty());
    CHECK(d.error_count() == 1);
    Diagnostics d2;
    CHECK(match(objective_status_vocabulary(), "on track", d2) == std::vector<std::size_t>{1});
    CHECK(label(ObjectiveStatus::at_risk) == "At risk");
}

TEST_CASE("words that are groups or themes, not characteristics, get advice, never a look-alike") {
    for (const char* word : {"SEN", "SEND", "EAL", "FSM", "pupil premium", "BAME", "community cohesion"}) {
        Diagnostics d;
        INFO(word);
        CHECK(match(characteristics_vocabulary(), word, d).empty());
        REQUIRE(d.error_count() == 1);
        const std::string msg = d.all()[0].message;
        CHECK(msg.rfind("\"" + std::string(word) + "\" is not a protected characteristic: ", 0) == 0);
        CHECK(msg.find("did you mean") == std::string::npos);
    }
    Diagnostics d;
    match(characteristics_vocabulary(), "SEN", d);
    CHECK(d.all()[0].message.find("target_groups") != std::string::npos);
    CHECK(d.all()[0].message.find("\"disability\"") != std::string::npos);
}

TEST_CASE("two candidates as near as each other are both offered") {
    CHECK(nearest_all("cat", {"bat", "car", "dog"}) == std::vector<std::string>{"bat", "car"});
    CHECK(nearest_all("stauts", {"start", "status"}) == std::vector<std::string>{"status"});
    CHECK(nearest_all("zzzzzz", {"start", "status"}).empty());
    Diagnostics d;
    // "on-trck" is one edit from "on-track" only; "achieve" one from "achieved" only.
    match(objective_status_vocabulary(), "achieve", d);
    CHECK(d.all()[0].message.find("did you mean \"achieved\"?") != std::string::npos);
}

TEST_CASE("a misspelt synonym suggests the statutory term it stands for") {
    Diagnostics d;
    CHECK(match(characteristics_vocabulary(), "gender identiy", d).empty());
    REQUIRE(d.error_count() == 1);
    CHECK(d.all()[0].message.find("did you mean \"gender-reassignment\"?") != std::string::npos);
    Diagnostics e;
    match(characteristics_vocabulary(), "ethnicty", e);
    CHECK(e.all()[0].message.find("did you mean \"race\"?") != std::string::npos);
}
