// Calendar dates as written in site files: ISO YYYY-MM-DD, nothing else.
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

    auto operator<=>(const Date&) const = default;

    std::string iso() const;        // 2024-09-12
    std::string long_form() const;  // 12 September 2024
    // Same day and month N years on; 29 February becomes 28 February.
    Date plus_years(int years) const;
    Date plus_months(int months) const;
};

// Why a date did not parse, in words a user can act on.
struct DateError {
    std::string reason;
};

// Accepts exactly YYYY-MM-DD with a real calendar day.
std::optional<Date> parse_date(std::string_view text, DateError* why = nullptr);

// Today's date from the system clock (UTC).
Date today_from_clock();

}  // namespace eqsite
