// The page plan: every page of the site (spec section 6) as a route and a
// kind, small enough to list 150 000 of them without rendering any.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "model/site.hpp"

namespace eqsite {

struct HomePage {};
// What the public sector equality duty asks of a school (the built-in
// statutory text, content/duty.md, or the site's own): /duty/.
struct DutyPage {};
struct PolicyPage {};
struct ObjectivesPage {};
// Listings of objectives are split into pages of `list_page_size`, so no
// page's size grows without bound with the site (a national corpus has
// 140 000 objectives). `page` counts from 0; page 0 is the plain URL.
constexpr std::size_t list_page_size = 200;
struct CharacteristicPage { Characteristic which; std::size_t page = 0; };
struct AimPage { Aim which; std::size_t page = 0; };
// /objectives/status/<status>/: the objectives of one status_filters entry.
struct StatusPage { std::size_t which; std::size_t page = 0; };
struct SchoolPage { std::size_t school; };
struct ObjectivePage { std::size_t objective; };
struct DataPage {};
// /review/ lists the trust's dates and then the schools' in pages of
// `review_page_size` schools, so it stays small at national size (each
// school's own page has its dates too).
constexpr std::size_t review_page_size = 50;
struct ReviewPage { std::size_t page = 0; };
struct AccessibilityPage {};
// A Schedule 10 accessibility plan: the trust's (school = nullopt) or a school's.
struct AccessibilityPlanPage { std::optional<std::size_t> school; };
struct NotFoundPage {};
// A school's page (or the trust's home page, school = nullopt) for other
// websites to show: EmbedPage is a whole page without navigation, for an
// <iframe> (/schools/<slug>/embed/, /embed/); FragmentPage is the content
// alone with absolute links, to paste into a CMS page
// (/fragments/schools/<slug>.html, /fragments/trust.html; `build --fragments`).
struct EmbedPage { std::optional<std::size_t> school; };
struct FragmentPage { std::optional<std::size_t> school; };

using PageKind = std::variant<HomePage, DutyPage, PolicyPage, ObjectivesPage, CharacteristicPage, AimPage, StatusPage, SchoolPage,
                              ObjectivePage, DataPage, ReviewPage, AccessibilityPage, AccessibilityPlanPage,
                              NotFoundPage, EmbedPage, FragmentPage>;

struct Page {
    std::string route;  // "/schools/x/" (or "/404.html")
    PageKind kind;
};

// `fragments`: the pages to paste into another site too (build --fragments).
std::vector<Page> plan_pages(const Site& site, bool fragments = false);

// The page an embed or fragment shows (a school page, or the home page);
// any other page is its own.
Page shown_page(const Site& site, const Page& page);
// Pages only for other sites to show, never listed in the sitemap.
bool for_other_sites(const Page& page);

// "/schools/x/" -> "schools/x/index.html"; "/404.html" -> "404.html".
std::string output_path(const std::string& route);

std::string school_route(const School& school);
// Trust-wide objectives live at /objectives/<slug>/ (an extension: the
// spec's URL map has no page for them), school ones under their school.
std::string objective_route(const Site& site, const Objective& objective);
// "/accessibility-plan/" for the trust, "/schools/x/accessibility-plan/" for a school.
std::string accessibility_plan_route(const Site& site, std::optional<std::size_t> school);
std::string aim_route(Aim a, std::size_t page = 0);
std::string characteristic_route(Characteristic c, std::size_t page = 0);
std::string status_route(std::size_t which, std::size_t page = 0);
// "/aims/x/" for page 0, "/aims/x/page/2/" for page 1, and so on.
std::string paged_route(const std::string& first_page, std::size_t page);
// How many pages a listing of `count` items takes (at least one), with
// `per_page` on each.
std::size_t page_count(std::size_t count, std::size_t per_page = list_page_size);

}  // namespace eqsite
