#include "util/date.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>

namespace eqsite {
namespace {

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
    static constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : days[static_cast<std::size_t>(m - 1)];
}

const char* month_name(int m) {
    static constexpr std::array<const char*, 12> names{"January", "February", "March",     "April",
                                                       "May",     "June",     "July",      "August",
                                                       "September", "October", "November", "December"};
    return names[static_cast<std::size_t>(m - 1)];
}

}  // namespace

std::string Date::iso() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

std::string Date::long_form() const {
    return std::to_string(day) + " " + month_name(month) + " " + std::to_string(year);
}

Date Date::plus_years(int years) const {
    Date d{year + years, month, day};
    if (d.day > days_in_month(d.year, d.month)) d.day = days_in_month(d.year, d.month);
    return d;
}

Date Date::plus_months(int months) const {
    int total = year * 12 + (month - 1) + months;
    Date d{total / 12, total % 12 + 1, day};
    if (d.day > days_in_month(d.year, d.month)) d.day = days_in_month(d.year, d.month);
    return d;
}

std::optional<Date> parse_date(std::string_view text, DateError* why) {
    auto fail = [&](std::string reason) -> std::optional<Date> {
        if (why) why->reason = std::move(reason);
        return std::nullopt;
    };
    auto digits = [&](std::size_t from, std::size_t count) {
        int v = 0;
        for (std::size_t i = from; i < from + count; ++i) {
            if (text[i] < '0' || text[i] > '9') return -1;
            v = v * 10 + (text[i] - '0');
        }
        return v;
    };
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        // The British way round, 31/07/2028 or 31.07.2028: say exactly what to write.
        const auto sep = text.find_first_of("/.");
        const auto sep2 = sep == std::string_view::npos ? sep : text.find(text[sep], sep + 1);
        if (sep2 != std::string_view::npos && text.size() - sep2 - 1 == 4) {
            auto part = [&](std::size_t from, std::size_t to) { return std::string(text.substr(from, to - from)); };
            std::string day = part(0, sep), month = part(sep + 1, sep2), year = part(sep2 + 1, text.size());
            const bool ok = !day.empty() && day.size() <= 2 && !month.empty() && month.size() <= 2 &&
                            std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || c == '/' || c == '.'; });
            if (ok) {
                if (day.size() == 1) day = "0" + day;
                if (month.size() == 1) month = "0" + month;
                return fail("dates are written year-month-day: write " + year + "-" + month + "-" + day);
            }
        }
        return fail("dates are written YYYY-MM-DD, for example 2024-09-12");
    }
    int y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
    if (y < 0 || m < 0 || d < 0) return fail("dates are written YYYY-MM-DD with digits only, for example 2024-09-12");
    if (y < 1900 || y > 2200) return fail("the year " + std::to_string(y) + " is out of range");
    if (m < 1 || m > 12) return fail("the month must be 01 to 12 (dates are YYYY-MM-DD)");
    if (d < 1 || d > days_in_month(y, m))
        return fail(std::string(month_name(m)) + " " + std::to_string(y) + " has " +
                    std::to_string(days_in_month(y, m)) + " days");
    return Date{y, m, d};
}

Date today_from_clock() {
    const auto now = std::chrono::system_clock::now();
    const std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(now)};
    return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

}  // namespace eqsite
