// Publication and review dates (the specific duties): the equality policy's
// review date, objectives at least every four years, equality information
// at least yearly, the accessibility statement yearly.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/site.hpp"

namespace eqsite {

struct ReviewItem {
    std::string what;             // "Equality objectives"
    std::optional<Date> last;     // when it was last done, if known
    std::optional<Date> due;      // when it is due next, if known
    bool overdue = false;
    std::optional<Location> where;  // the setting that holds the date
};

struct ReviewGroup {
    std::string subject;                     // trust or school name
    std::optional<std::size_t> school;       // nullopt for the trust
    std::vector<ReviewItem> items;
    bool any_overdue() const;
};

constexpr int objectives_review_years = 4;
constexpr int information_review_years = 1;

ReviewGroup review_trust(const Site& site);
ReviewGroup review_school(const Site& site, std::size_t school);
// The trust first, then each school in slug order.
std::vector<ReviewGroup> review_dates(const Site& site);

// One warning for each overdue item, at the setting that holds its date.
void warn_overdue(const Site& site, Diagnostics& diags);

}  // namespace eqsite
