// The page plan: every page of the site (spec section 6) as a route and a
// kind, small enough to list 150 000 of them without rendering any.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "model/site.hpp"

namespace eqsite {

struct HomePage {};
struct PolicyPage {};
struct ObjectivesPage {};
struct CharacteristicPage { Characteristic which; };
struct AimPage { Aim which; };
struct SchoolPage { std::size_t school; };
struct ObjectivePage { std::size_t objective; };
struct ReviewPage {};
struct AccessibilityPage {};
struct NotFoundPage {};

using PageKind = std::variant<HomePage, PolicyPage, ObjectivesPage, CharacteristicPage, AimPage, SchoolPage,
                              ObjectivePage, ReviewPage, AccessibilityPage, NotFoundPage>;

struct Page {
    std::string route;  // "/schools/x/" (or "/404.html")
    PageKind kind;
};

std::vector<Page> plan_pages(const Site& site);

// "/schools/x/" -> "schools/x/index.html"; "/404.html" -> "404.html".
std::string output_path(const std::string& route);

std::string school_route(const School& school);
// Trust-wide objectives live at /objectives/<slug>/ (an extension: the
// spec's URL map has no page for them), school ones under their school.
std::string objective_route(const Site& site, const Objective& objective);
std::string aim_route(Aim a);
std::string characteristic_route(Characteristic c);

}  // namespace eqsite
