#include "model/last_updated.hpp"

namespace eqsite {

// The later of two dates, ignoring those after today (a plan's next
// review is not a change).
void take_newest(std::optional<Date>& newest, const std::optional<Date>& d, Date today) {
    if (d && *d <= today && (!newest || *newest < *d)) newest = d;
}
namespace {
template <typename T>
std::optional<Date> value_of(const std::optional<Located<T>>& l) {
    return l ? std::optional<Date>(l->value) : std::nullopt;
}
}  // namespace

// An objective changes when progress is recorded (its start is when the
// work begins, not when the page changed); else when it was published.
//
// These read the model through its recorded accessors: a page that shows
// its date (layout: "last updated") depends on what the date is made of.
std::optional<Date> objective_lastmod(const Site& site, const Objective& o, Date today) {
    std::optional<Date> newest;
    for (const auto& p : o.progress) take_newest(newest, p.date, today);
    if (!newest)
        take_newest(newest, o.school ? value_of(site.schools[*o.school].objectives_published)
                              : value_of(site.config->objectives_published),
             today);
    return newest;
}

std::optional<Date> plan_lastmod(const std::optional<AccessibilityPlan>& plan, Date today) {
    std::optional<Date> newest;
    if (plan) take_newest(newest, value_of(plan->published), today);
    return newest;
}

std::optional<Date> school_lastmod(const Site& site, const School& s, Date today) {
    std::optional<Date> newest;
    take_newest(newest, value_of(s.information_updated ? s.information_updated : site.config->information_updated), today);
    take_newest(newest, value_of(s.objectives_published), today);
    take_newest(newest, plan_lastmod(s.accessibility_plan, today), today);
    for (std::size_t o : s.objectives) take_newest(newest, objective_lastmod(site, site.objectives[o], today), today);
    return newest;
}

std::optional<Date> policy_lastmod(const Site& site, Date today) {
    const auto& policy = site.config->policy;
    std::optional<Date> newest;
    take_newest(newest, policy.approved_on, today);
    take_newest(newest, value_of(policy.last_reviewed), today);
    return newest;
}

std::optional<Date> accessibility_lastmod(const Site& site, Date today) {
    const auto& a = site.config->accessibility;
    std::optional<Date> newest;
    take_newest(newest, value_of(a.prepared), today);
    take_newest(newest, value_of(a.last_reviewed), today);
    take_newest(newest, a.last_tested, today);
    return newest;
}

// The trust's own dates: its information, objectives, policy and plan.
std::optional<Date> trust_lastmod(const Site& site, Date today) {
    std::optional<Date> newest;
    take_newest(newest, value_of(site.config->information_updated), today);
    take_newest(newest, value_of(site.config->objectives_published), today);
    take_newest(newest, policy_lastmod(site, today), today);
    take_newest(newest, plan_lastmod(*site.accessibility_plan, today), today);
    return newest;
}

// Pages that gather the whole site (home, /objectives/, data).
std::optional<Date> site_lastmod(const Site& site, Date today) {
    std::optional<Date> newest = trust_lastmod(site, today);
    for (const auto& s : site.schools) take_newest(newest, school_lastmod(site, s, today), today);
    for (const auto& o : site.objectives)
        if (o.trust_wide()) take_newest(newest, objective_lastmod(site, o, today), today);
    return newest;
}

}  // namespace eqsite
