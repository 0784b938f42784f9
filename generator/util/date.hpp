// Calendar dates as written in site files: a day (2024-09-12) or a whole
// month (2024-09), as trust documents give them ("approved September 2024").
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace eqsite {

struct Date {
    int year = 1970;
    int month = 1;
    int day = 1;
    // Written as a month only. `day` is then the month's last day, so that
    // review arithmetic gives the author the whole month ("due September
    // 2028" is not overdue until October).
    bool whole_month = false;

    // Dates compare by the day they stand for; precision does not matter.
    friend bool operator==(const Date& a, const Date& b) {
        return a.year == b.year && a.month == b.month && a.day == b.day;
    }
    friend std::strong_ordering operator<=>(const Date& a, const Date& b) {
        if (auto c = a.year <=> b.year; c != 0) return c;
        if (auto c = a.month <=> b.month; c != 0) return c;
        return a.day <=> b.day;
    }

    std::string iso() const;        // 2024-09-12, or 2024-09 for a month (valid in <time datetime>)
    std::string long_form() const;  // 12 September 2024, or September 2024 for a month
    std::string on_form() const;    // "on 12 September 2024", or "in September 2024", for sentences
    // N years on; a month stays a month. 29 February becomes 28 February.
    Date plus_years(int years) const;
    Date plus_months(int months) const;
    Date plus_days(int days) const;
    // Days from this date to `later` (negative if `later` is earlier).
    long days_until(const Date& later) const;
};

// A month as a date: its last day, marked whole_month.
Date month_date(int year, int month);

// Why a date did not parse, in words a user can act on.
struct DateError {
    std::string reason;
};

enum class DatePrecision { day_only, day_or_month };

// Accepts YYYY-MM-DD with a real calendar day, and (day_or_month) a month
// as YYYY-MM. Written-out dates ("12 September 2024", "September 2024")
// are accepted too, since that is how documents give them; day-first
// numeric dates (12/09/2024) are refused with the exact ISO date to write.
std::optional<Date> parse_date(std::string_view text, DateError* why = nullptr,
                               DatePrecision precision = DatePrecision::day_or_month);

// Today's date from the system clock (UTC).
Date today_from_clock();

}  // namespace eqsite
