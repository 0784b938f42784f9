#include "render/pages.hpp"

namespace eqsite {

std::string school_route(const School& school) { return "/schools/" + school.slug + "/"; }

std::string objective_route(const Site& site, const Objective& o) {
    if (o.school) return school_route(site.schools[*o.school]) + "objectives/" + o.slug + "/";
    return "/objectives/" + o.slug + "/";
}

std::string aim_route(Aim a) { return "/aims/" + std::string(slug(a)) + "/"; }

std::string characteristic_route(Characteristic c) { return "/characteristics/" + std::string(slug(c)) + "/"; }

std::string output_path(const std::string& route) {
    std::string p = route.substr(1);
    if (p.empty() || p.ends_with("/")) p += "index.html";
    return p;
}

std::vector<Page> plan_pages(const Site& site) {
    std::vector<Page> pages;
    pages.reserve(16 + site.schools.size() + site.objectives.size());
    pages.push_back({"/", HomePage{}});
    pages.push_back({"/policy/", PolicyPage{}});
    pages.push_back({"/objectives/", ObjectivesPage{}});
    for (std::size_t i = 0; i < characteristic_count; ++i) {
        const auto c = static_cast<Characteristic>(i);
        pages.push_back({characteristic_route(c), CharacteristicPage{c}});
    }
    for (std::size_t i = 0; i < aim_count; ++i) {
        const auto a = static_cast<Aim>(i);
        pages.push_back({aim_route(a), AimPage{a}});
    }
    for (std::size_t i = 0; i < site.schools.size(); ++i) pages.push_back({school_route(site.schools[i]), SchoolPage{i}});
    for (std::size_t i = 0; i < site.objectives.size(); ++i)
        pages.push_back({objective_route(site, site.objectives[i]), ObjectivePage{i}});
    pages.push_back({"/review/", ReviewPage{}});
    pages.push_back({"/accessibility/", AccessibilityPage{}});
    pages.push_back({"/404.html", NotFoundPage{}});
    return pages;
}

}  // namespace eqsite
