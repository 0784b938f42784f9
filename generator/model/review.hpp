// Publication and review dates (the specific duties and Schedule 10):
// each statutory item of the trust and of every school, when it was last
// published, when it is next due, and its status today.
//
// Every status comes from a date the author wrote. An item whose date is
// missing is "no date given" (or "not published" when the document does
// not exist) and the build warns; nothing is assumed up to date.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/site.hpp"

namespace eqsite {

// date_in_future: the date the author wrote is after today (a mistyped
// year), so whether the item is up to date is not known.
enum class ReviewStatus { up_to_date, due_soon, overdue, no_date, not_published, date_in_future };
constexpr std::size_t review_status_count = 6;

std::string_view label(ReviewStatus s);  // "Up to date"
std::string_view slug(ReviewStatus s);   // "up-to-date"

constexpr int information_review_years = 1;  // equality information: at least yearly
constexpr int objectives_review_years = 4;   // equality objectives: at least every four years
constexpr int statement_review_years = 1;    // accessibility statement: yearly
constexpr int due_soon_days = 60;            // "due soon": due within this many days

// The statutory items whose dates are reviewed.
enum class ReviewKind { information, trust_objectives, objectives, policy, statement, accessibility_plan };
std::string_view slug(ReviewKind k);  // "trust_objectives": the theme's review_items.<slug>

struct ReviewItem {
    ReviewKind kind = ReviewKind::information;  // which item: the page's words are the theme's for it
    std::string what;              // "Equality objectives", or the policy's title (for messages)
    std::optional<Date> last;      // last published or reviewed, if given
    std::optional<Date> due;       // next due, if known
    ReviewStatus status = ReviewStatus::not_published;
    std::string route;             // the page that shows the item, if any
    // The setting that holds the date, or where to add it; and what to
    // write there (for the warning when it is missing).
    Location where;
    std::string fix;
    // The date is the trust's, used by a school that has none of its own.
    bool from_trust = false;
    // Where the last-published date is written (to warn of one in the
    // future), and what to do once an overdue item is reviewed.
    std::optional<Location> last_at;
    std::string update = "review it, then update this date";
};

// An objective, one of its actions, or an action of the group's
// accessibility plan, past its due date and not achieved or done.
struct OverdueWork {
    std::optional<std::size_t> objective;  // index into Site::objectives; nullopt: the group's plan
    std::optional<std::size_t> action;     // index into its actions; nullopt: the objective itself
};

struct ReviewGroup {
    std::string subject;                     // trust or school name
    std::optional<std::size_t> school;       // nullopt for the trust
    std::vector<ReviewItem> items;
    std::vector<OverdueWork> overdue_work;   // its own objectives (the trust's for the trust), then its plan
    bool any(ReviewStatus s) const;
};

ReviewGroup review_trust(const Site& site);
ReviewGroup review_school(const Site& site, std::size_t school);
// The trust first, then each school in slug order.
std::vector<ReviewGroup> review_dates(const Site& site);

// How many items of `groups` have each status, indexed by ReviewStatus.
std::array<std::size_t, review_status_count> count_statuses(const std::vector<ReviewGroup>& groups);

// Warnings for every overdue item, every item without a date or not
// published, and every overdue objective and action, each at the setting
// to change; a note for items due soon. `groups` is review_dates(site).
void warn_review(const Site& site, const std::vector<ReviewGroup>& groups, Diagnostics& diags);

// The site's summary figures (SiteSummary), given review_dates(site).
SiteSummary summarise(const Site& site, const std::vector<ReviewGroup>& groups);

}  // namespace eqsite
