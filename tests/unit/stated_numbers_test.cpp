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

TEST_CASE("stated numbers: not a number that names something (a year group, key stage, code, date or period)") {
    CHECK(said("Year 6 pupils at key stage 2 (KS2, Y6) in 2024/25, on 12-03-2025 at 10:30, grade 4, page 3").empty());
    CHECK(said("the 3rd year") .empty());
    CHECK(said("5 of them") == std::vector<std::string>{"5"});
}
