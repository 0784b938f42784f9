// The numbers a table's commentary states (model/stated_numbers.hpp).
#include <catch2/catch.hpp>

#include "model/stated_numbers.hpp"

using namespace eqsite;

namespace {

std::vector<std::string> said(std::string_view text) {
    std::vector<std::string> out;
    for (const auto& n : stated_numbers(text)) out.push_back(n.text + (n.percent ? " (%)" : ""));
    return out;
}

}  // namespace

TEST_CASE("stated numbers: digits, thousands, decimals and percentages") {
    CHECK(said("At Brookmead only 3 pupils are disadvantaged, down from 11.") == std::vector<std::string>{"3", "11"});
    CHECK(said("1,234 pupils; 17.5% met it; 40 per cent did not; 12 percent left") ==
          std::vector<std::string>{"1,234", "17.5 (%)", "40 (%)", "12 (%)"});
    const auto n = stated_numbers("about 17.5%\nand 1,234");
    REQUIRE(n.size() == 2);
    CHECK(n[0].value == 17.5);
    CHECK(n[0].decimals == 1);
    CHECK(n[0].line == 0);
    CHECK(n[1].value == 1234);
    CHECK(n[1].line == 1);
}

TEST_CASE("stated numbers: numbers in words, and 'one' only before a word for people") {
    CHECK(said("Two girls and Twelve boys; one of our schools; one pupil") ==
          std::vector<std::string>{"Two", "Twelve", "one"});
    const auto n = stated_numbers("only one pupil");
    REQUIRE(n.size() == 1);
    CHECK(n[0].value == 1);
}

TEST_CASE("stated numbers: a pair, a couple, a trio, a dozen, half a dozen, a dozen and a half, a score") {
    std::vector<double> values;
    for (const auto& n : stated_numbers("A pair of girls, a couple of boys and a trio of pupils; a dozen pupils, half a "
                                        "dozen staff, a dozen and a half pupils and a score of families."))
        values.push_back(n.value);
    CHECK(values == std::vector<double>{2, 2, 3, 12, 6, 18, 20});
    const auto n = stated_numbers("half a dozen disadvantaged pupils");
    REQUIRE(n.size() == 1);
    CHECK(n[0].text == "half a dozen");
    CHECK(names_people(n[0].counts));
    // What they count decides: not "a couple of weeks".
    const auto weeks = stated_numbers("within a couple of weeks");
    REQUIRE(weeks.size() == 1);
    CHECK_FALSE(names_people(weeks[0].counts));
}

TEST_CASE("stated numbers: not a number that names something (a year group, key stage, code, date or period)") {
    CHECK(said("Year 6 pupils at key stage 2 (KS2, Y6) in 2024/25, on 12-03-2025 at 10:30, grade 4, page 3").empty());
    CHECK(said("the 3rd year") .empty());
    CHECK(said("5 of them") == std::vector<std::string>{"5"});
}

TEST_CASE("stated numbers: the ways the review wrote a hidden number are found") {
    auto value_of = [](std::string_view text) {
        const auto n = stated_numbers(text);
        REQUIRE(n.size() == 1);
        return n[0];
    };
    CHECK(value_of("Only one disadvantaged pupil was absent.").value == 1);
    CHECK(value_of("At Brookmead, a single disadvantaged pupil was absent.").text == "a single");
    CHECK(value_of("At Castlegate, sixty disadvantaged pupils were absent.").value == 60);
    CHECK(value_of("At Castlegate, two hundred disadvantaged pupils were counted.").value == 200);
    CHECK(value_of("twenty-one pupils").value == 21);
    CHECK(value_of("three hundred and five pupils").value == 305);
    const auto third = value_of("A third of disadvantaged pupils were absent.");
    CHECK(third.percent);
    CHECK(third.value == Approx(33.33).epsilon(0.001));
    const auto fraction = value_of("At Brookmead, 1/3 of disadvantaged pupils were absent.");
    CHECK(fraction.percent);
    CHECK(fraction.text == "1/3");
    const auto share = value_of("At Brookmead, 0.33 of disadvantaged pupils were absent.");
    CHECK(share.percent);
    CHECK(share.value == Approx(33));
    CHECK(share.decimals == 0);
}

TEST_CASE("stated numbers: time, things counted and compounds are not numbers of people") {
    for (const char* prose : {"We set up a breakfast club three years ago.", "two secondary schools and three primaries",
                              "Attendance officers meet families within 10 days.", "The policy was updated on 1 September.",
                              "Our 3-year plan is on page 2.", "Reviews happen at 3 points in the year.",
                              "One of our priorities", "Schools support one another.", "Key Stage 1 and Year 3",
                              "section 3.3", "term 3", "Years 3 to 6"}) {
        INFO(prose);
        CHECK(said(prose).empty());
    }
    // What a number counts: the words after it, up to another phrase.
    for (const char* things : {"We have 3 new governors.", "Pupils get 3 reminders.", "15 classrooms for its pupils",
                               "Pupils at three of our schools"}) {
        INFO(things);
        const auto n = stated_numbers(things);
        REQUIRE(n.size() == 1);
        CHECK_FALSE(names_people(n[0].counts));  // and so no warning
    }
    CHECK(names_people(stated_numbers("At Aspen 3 of the disadvantaged pupils left.")[0].counts));
    const auto pc = stated_numbers("33.3 percent of them");
    REQUIRE(pc.size() == 1);
    CHECK(pc[0].percent);
}
