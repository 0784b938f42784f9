#include "model/review.hpp"

#include <algorithm>

#include "util/text.hpp"

namespace eqsite {

bool ReviewGroup::any_overdue() const {
    return std::any_of(items.begin(), items.end(), [](const ReviewItem& i) { return i.overdue; });
}

namespace {

ReviewItem every_n_years(std::string what, const std::optional<Located<Date>>& last, int years, Date today) {
    ReviewItem item{std::move(what), std::nullopt, std::nullopt, false, std::nullopt};
    if (last) {
        item.last = last->value;
        item.due = last->value.plus_years(years);
        item.overdue = *item.due < today;
        item.where = last->where;
    }
    return item;
}

}  // namespace

ReviewGroup review_trust(const Site& site) {
    const auto& c = site.config;
    ReviewGroup trust{c.trust.name, std::nullopt, {}};
    ReviewItem policy{"Equality policy", c.policy.approved_on, std::nullopt, false, std::nullopt};
    if (c.policy.review_due) {
        policy.due = c.policy.review_due->value;
        policy.overdue = *policy.due < site.today;
        policy.where = c.policy.review_due->where;
    }
    trust.items.push_back(policy);
    trust.items.push_back(
        every_n_years("Equality information", c.information_updated, information_review_years, site.today));
    trust.items.push_back(every_n_years("Accessibility statement", c.accessibility.statement_reviewed, 1, site.today));
    return trust;
}

ReviewGroup review_school(const Site& site, std::size_t i) {
    const School& s = site.schools[i];
    ReviewGroup g{s.name, i, {}};
    g.items.push_back(every_n_years("Equality objectives", s.objectives_published, objectives_review_years, site.today));
    const auto& info = s.information_updated ? s.information_updated : site.config.information_updated;
    g.items.push_back(every_n_years("Equality information", info, information_review_years, site.today));
    return g;
}

std::vector<ReviewGroup> review_dates(const Site& site) {
    std::vector<ReviewGroup> out{review_trust(site)};
    for (std::size_t i = 0; i < site.schools.size(); ++i) out.push_back(review_school(site, i));
    return out;
}

void warn_overdue(const Site& site, Diagnostics& diags) {
    // Schools without a date of their own use the trust's, so one overdue
    // date can concern many schools: one warning per date, naming them all.
    struct Overdue {
        Location where;
        std::string what;
        Date due;
        std::vector<std::string> subjects;
    };
    std::vector<Overdue> found;
    for (const auto& group : review_dates(site)) {
        for (const auto& item : group.items) {
            if (!item.overdue || !item.where) continue;
            const auto same = std::find_if(found.begin(), found.end(), [&](const Overdue& o) {
                return o.what == item.what && o.where.file == item.where->file && o.where.line == item.where->line &&
                       o.where.column == item.where->column;
            });
            if (same != found.end()) same->subjects.push_back(group.subject);
            else found.push_back({*item.where, item.what, *item.due, {group.subject}});
        }
    }
    for (const auto& o : found) {
        const std::string who = o.subjects.size() <= 4
                                    ? join_words(o.subjects)
                                    : o.subjects.front() + " and " + std::to_string(o.subjects.size() - 1) +
                                          " schools that use this date";
        diags.warning(o.where, who + ": " + o.what + ": the review was due on " + o.due.long_form() +
                                   " and is overdue (today is " + site.today.long_form() +
                                   "); review it, then update this date");
    }
}

}  // namespace eqsite
