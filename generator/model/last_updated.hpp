// When each part of the site last changed, for "Last updated" on pages
// and <lastmod> in the sitemap: the newest date the content gives (progress
// recorded, a date published or reviewed), never a date after today (a
// next review is not a change), and never the time a file was saved.
//
// These read the model through its recorded accessors: a page that shows
// its date depends on what the date is made of.
#pragma once

#include <optional>

#include "model/site.hpp"

namespace eqsite {

// `newest` becomes `d` if `d` is later and not after today.
void take_newest(std::optional<Date>& newest, const std::optional<Date>& d, Date today);

std::optional<Date> objective_lastmod(const Site& site, const Objective& o, Date today);
std::optional<Date> plan_lastmod(const std::optional<AccessibilityPlan>& plan, Date today);
std::optional<Date> school_lastmod(const Site& site, const School& s, Date today);
std::optional<Date> policy_lastmod(const Site& site, Date today);
std::optional<Date> accessibility_lastmod(const Site& site, Date today);
// The trust's own dates: its information, objectives, policy and plan.
std::optional<Date> trust_lastmod(const Site& site, Date today);
// Pages that gather the whole site (home, /objectives/, data): the model
// keeps this one in Site::summary, worked out once per build.
std::optional<Date> site_lastmod(const Site& site, Date today);

}  // namespace eqsite
