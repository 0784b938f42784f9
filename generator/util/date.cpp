#include "util/date.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <vector>

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

Date month_date(int year, int month) { return Date{year, month, days_in_month(year, month), true}; }

std::string Date::iso() const {
    // By hand rather than snprintf: the sitemap writes one per page.
    if (year < 0 || year > 9999) {
        char buf[32];
        std::snprintf(buf, sizeof buf, whole_month ? "%04d-%02d" : "%04d-%02d-%02d", year, month, day);
        return buf;
    }
    auto two = [](std::string& s, int v) {
        s.push_back(static_cast<char>('0' + v / 10 % 10));
        s.push_back(static_cast<char>('0' + v % 10));
    };
    std::string out;
    out.reserve(10);
    two(out, year / 100);
    two(out, year % 100);
    out.push_back('-');
    two(out, month);
    if (!whole_month) {
        out.push_back('-');
        two(out, day);
    }
    return out;
}

std::string Date::long_form() const {
    const std::string month_year = std::string(month_name(month)) + " " + std::to_string(year);
    return whole_month ? month_year : std::to_string(day) + " " + month_year;
}

std::string Date::on_form() const { return (whole_month ? "in " : "on ") + long_form(); }

Date Date::plus_years(int years) const { return plus_months(12 * years); }

Date Date::plus_months(int months) const {
    const int total = year * 12 + (month - 1) + months;
    const int y = total / 12, m = total % 12 + 1;
    if (whole_month) return month_date(y, m);
    return Date{y, m, std::min(day, days_in_month(y, m)), false};
}

namespace {
std::chrono::sys_days as_days(const Date& d) {
    return std::chrono::sys_days{std::chrono::year{d.year} / std::chrono::month{static_cast<unsigned>(d.month)} /
                                 std::chrono::day{static_cast<unsigned>(d.day)}};
}
}  // namespace

Date Date::plus_days(int days) const {
    const std::chrono::year_month_day ymd{as_days(*this) + std::chrono::days{days}};
    return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                static_cast<int>(static_cast<unsigned>(ymd.day())), false};
}

long Date::days_until(const Date& later) const { return (as_days(later) - as_days(*this)).count(); }

namespace {

// "September", "sept", "Sep" -> 9; 0 if not a month name.
int month_from_name(std::string_view word) {
    std::string w;
    for (char c : word) w += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (w.size() < 3) return 0;
    for (int m = 1; m <= 12; ++m) {
        std::string name = month_name(m);
        for (auto& c : name) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        if (w == name || w == name.substr(0, 3) || (m == 9 && w == "sept")) return m;
    }
    return 0;
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int number(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

// Splits "12 September 2024" into words.
std::vector<std::string_view> words(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == ',')) ++i;
        const std::size_t from = i;
        while (i < text.size() && text[i] != ' ' && text[i] != ',') ++i;
        if (i > from) out.push_back(text.substr(from, i - from));
    }
    return out;
}

}  // namespace

std::optional<Date> parse_date(std::string_view text, DateError* why, DatePrecision precision) {
    auto fail = [&](std::string reason) -> std::optional<Date> {
        if (why) why->reason = std::move(reason);
        return std::nullopt;
    };
    const bool months_allowed = precision == DatePrecision::day_or_month;
    const char* example = months_allowed ? "dates are written YYYY-MM-DD or YYYY-MM, for example 2024-09-12 or 2024-09"
                                         : "dates are written YYYY-MM-DD, for example 2024-09-12";
    auto check_year = [&](int y) { return y >= 1900 && y <= 2200; };
    auto whole_day = [&](int y, int m, int d) -> std::optional<Date> {
        if (!check_year(y)) return fail("the year " + std::to_string(y) + " is out of range");
        if (m < 1 || m > 12) return fail("the month must be 01 to 12 (dates are YYYY-MM-DD)");
        if (d < 1 || d > days_in_month(y, m))
            return fail(std::string(month_name(m)) + " " + std::to_string(y) + " has " +
                        std::to_string(days_in_month(y, m)) + " days");
        return Date{y, m, d, false};
    };
    auto whole = [&](int y, int m) -> std::optional<Date> {
        if (!months_allowed)
            return fail("a whole day is needed here, not only a month: write " + std::to_string(y) + "-" +
                        (m < 10 ? "0" : "") + std::to_string(m) + "-DD");
        if (!check_year(y)) return fail("the year " + std::to_string(y) + " is out of range");
        if (m < 1 || m > 12) return fail("the month must be 01 to 12 (dates are YYYY-MM)");
        return month_date(y, m);
    };

    // ISO: YYYY-MM-DD or YYYY-MM.
    if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
        if (!all_digits(text.substr(0, 4)) || !all_digits(text.substr(5, 2)) || !all_digits(text.substr(8, 2)))
            return fail("dates are written YYYY-MM-DD with digits only, for example 2024-09-12");
        return whole_day(number(text.substr(0, 4)), number(text.substr(5, 2)), number(text.substr(8, 2)));
    }
    if (text.size() == 7 && text[4] == '-') {
        if (!all_digits(text.substr(0, 4)) || !all_digits(text.substr(5, 2))) return fail(example);
        return whole(number(text.substr(0, 4)), number(text.substr(5, 2)));
    }
    // Written out: "12 September 2024", "September 2024", "12th Sept 2024".
    const auto w = words(text);
    if ((w.size() == 2 || w.size() == 3) && all_digits(w.back()) && w.back().size() == 4) {
        const int y = number(w.back());
        if (const int m = month_from_name(w[w.size() - 2])) {
            if (w.size() == 2) return whole(y, m);
            std::string_view day = w[0];
            for (std::string_view suffix : {"st", "nd", "rd", "th"})
                if (day.size() > 2 && day.ends_with(suffix)) day.remove_suffix(2);
            if (all_digits(day) && day.size() <= 2) return whole_day(y, m, number(day));
        }
    }
    // The British way round, 31/07/2028 or 31.07.2028: say exactly what to write.
    const auto sep = text.find_first_of("/.");
    const auto sep2 = sep == std::string_view::npos ? sep : text.find(text[sep], sep + 1);
    if (sep2 != std::string_view::npos && text.size() - sep2 - 1 == 4) {
        auto part = [&](std::size_t from, std::size_t to) { return std::string(text.substr(from, to - from)); };
        std::string day = part(0, sep), month = part(sep + 1, sep2), year = part(sep2 + 1, text.size());
        const bool ok = !day.empty() && day.size() <= 2 && !month.empty() && month.size() <= 2 &&
                        std::all_of(text.begin(), text.end(),
                                    [](char c) { return (c >= '0' && c <= '9') || c == '/' || c == '.'; });
        if (ok) {
            if (day.size() == 1) day = "0" + day;
            if (month.size() == 1) month = "0" + month;
            return fail("dates are written year-month-day: write " + year + "-" + month + "-" + day);
        }
    }
    return fail(example);
}

Date today_from_clock() {
    const auto now = std::chrono::system_clock::now();
    const std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(now)};
    return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

}  // namespace eqsite
