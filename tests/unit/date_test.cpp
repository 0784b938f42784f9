#include <catch2/catch.hpp>

#include "util/date.hpp"

using namespace eqsite;

TEST_CASE("dates parse only as real ISO calendar days") {
    REQUIRE(parse_date("2024-09-12") == Date{2024, 9, 12});
    REQUIRE(parse_date("2024-02-29") == Date{2024, 2, 29});
    DateError why;
    CHECK_FALSE(parse_date("2023-02-29", &why));
    CHECK(why.reason == "February 2023 has 28 days");
    CHECK_FALSE(parse_date("2024-13-01", &why));
    CHECK(why.reason == "the month must be 01 to 12 (dates are YYYY-MM-DD)");
    CHECK_FALSE(parse_date("12/09/2024", &why));
    CHECK(why.reason == "dates are written year-month-day: write 2024-09-12");
    CHECK_FALSE(parse_date("2024-9-12"));
    CHECK_FALSE(parse_date("2024-09-1x"));
    CHECK_FALSE(parse_date(""));
}

TEST_CASE("date arithmetic and display") {
    CHECK(Date{2024, 2, 29}.plus_years(4) == Date{2028, 2, 29});
    CHECK(Date{2024, 2, 29}.plus_years(1) == Date{2025, 2, 28});
    CHECK(Date{2024, 11, 30}.plus_months(3) == Date{2025, 2, 28});
    CHECK(Date{2024, 9, 2}.long_form() == "2 September 2024");
    CHECK(Date{2024, 9, 2}.iso() == "2024-09-02");
    CHECK(Date{987, 12, 31}.iso() == "0987-12-31");
    CHECK(Date{2030, 10, 10}.iso() == "2030-10-10");
    CHECK(Date{2024, 1, 1} < Date{2024, 1, 2});
}

TEST_CASE("dates written day first get the exact ISO date to write instead") {
    DateError why;
    CHECK_FALSE(parse_date("31/07/2028", &why));
    CHECK(why.reason == "dates are written year-month-day: write 2028-07-31");
    CHECK_FALSE(parse_date("1.9.2025", &why));
    CHECK(why.reason == "dates are written year-month-day: write 2025-09-01");
    CHECK_FALSE(parse_date("2028 July 31", &why));
    CHECK(why.reason == "dates are written YYYY-MM-DD or YYYY-MM, for example 2024-09-12 or 2024-09");
}

TEST_CASE("a month stands for its last day, and is shown as written") {
    const auto september = parse_date("2024-09");
    REQUIRE(september);
    CHECK(september->whole_month);
    CHECK(*september == Date{2024, 9, 30});
    CHECK(september->long_form() == "September 2024");
    CHECK(september->iso() == "2024-09");
    CHECK(parse_date("2024-02")->plus_years(4) == Date{2028, 2, 29});  // still the last day of February
    CHECK(parse_date("2024-02")->plus_years(4).long_form() == "February 2028");
    CHECK(Date{2024, 9, 12} < *september);
    DateError why;
    CHECK_FALSE(parse_date("2024-13", &why));
    CHECK(why.reason == "the month must be 01 to 12 (dates are YYYY-MM)");
    CHECK_FALSE(parse_date("2024-09", &why, DatePrecision::day_only));
    CHECK(why.reason == "a whole day is needed here, not only a month: write 2024-09-DD");
}

TEST_CASE("dates written out as documents give them are read") {
    CHECK(parse_date("September 2024")->long_form() == "September 2024");
    CHECK(parse_date("12 September 2024") == Date{2024, 9, 12});
    CHECK(parse_date("12th Sept 2024") == Date{2024, 9, 12});
    CHECK(parse_date("1 jan 2025") == Date{2025, 1, 1});
    DateError why;
    CHECK_FALSE(parse_date("31 February 2025", &why));
    CHECK(why.reason == "February 2025 has 28 days");
    CHECK_FALSE(parse_date("Septober 2024", &why));
}

TEST_CASE("days between dates, and due-soon arithmetic") {
    CHECK(Date{2026, 9, 1}.days_until(Date{2026, 10, 31}) == 60);
    CHECK(Date{2026, 9, 1}.days_until(Date{2026, 8, 31}) == -1);
    CHECK(Date{2024, 2, 28}.plus_days(1) == Date{2024, 2, 29});
    CHECK(Date{2024, 12, 31}.plus_days(1) == Date{2025, 1, 1});
}
