#include "render/pages.hpp"

namespace eqsite {

std::string school_route(const School& school) { return "/schools/" + school.slug + "/"; }

std::string objective_route(const Site& site, const Objective& o) {
    if (o.school) return school_route(site.schools[*o.school]) + "objectives/" + o.slug + "/";
    return "/objectives/" + o.slug + "/";
}

std::string accessibility_plan_route(const Site& site, std::optional<std::size_t> school) {
    return (school ? school_route(site.schools[*school]) : std::string("/")) + "accessibility-plan/";
}

std::string paged_route(const std::string& first_page, std::size_t page) {
    return page == 0 ? first_page : first_page + "page/" + std::to_string(page + 1) + "/";
}

std::size_t page_count(std::size_t count, std::size_t per_page) {
    return count == 0 ? 1 : (count + per_page - 1) / per_page;
}

std::string aim_route(Aim a, std::size_t page) { return paged_route("/aims/" + std::string(slug(a)) + "/", page); }

std::string characteristic_route(Characteristic c, std::size_t page) {
    return paged_route("/characteristics/" + std::string(slug(c)) + "/", page);
}

std::string status_route(std::size_t which, std::size_t page) {
    return paged_route("/objectives/status/" + std::string(status_filters[which]) + "/", page);
}

std::string output_path(const std::string& route) {
    std::string p = route.substr(1);
    if (p.empty() || p.ends_with("/")) p += "index.html";
    return p;
}

std::vector<Page> plan_pages(const Site& site, bool fragments) {
    std::vector<Page> pages;
    pages.reserve(16 + site.schools.size() + site.objectives.unrecorded().size());
    pages.push_back({"/", HomePage{}});
    pages.push_back({"/embed/", EmbedPage{std::nullopt}});
    if (fragments) pages.push_back({"/fragments/trust.html", FragmentPage{std::nullopt}});
    pages.push_back({"/duty/", DutyPage{}});
    pages.push_back({"/policy/", PolicyPage{}});
    pages.push_back({"/objectives/", ObjectivesPage{}});
    for (std::size_t i = 0; i < characteristic_count; ++i) {
        const auto c = static_cast<Characteristic>(i);
        for (std::size_t p = 0; p < page_count(site.by_characteristic[i]->size()); ++p)
            pages.push_back({characteristic_route(c, p), CharacteristicPage{c, p}});
    }
    for (std::size_t i = 0; i < aim_count; ++i) {
        const auto a = static_cast<Aim>(i);
        for (std::size_t p = 0; p < page_count(site.by_aim[i]->size()); ++p)
            pages.push_back({aim_route(a, p), AimPage{a, p}});
    }
    // A status no objective has gets no page (and no link).
    for (std::size_t i = 0; i < status_filters.size(); ++i)
        for (std::size_t p = 0; !site.by_status[i]->empty() && p < page_count(site.by_status[i]->size()); ++p)
            pages.push_back({status_route(i, p), StatusPage{i, p}});
    // Each page that other sites show is followed by the pages that show
    // it (one thread renders them together and makes the content once:
    // Pipeline::render).
    for (std::size_t i = 0; i < site.schools.size(); ++i) {
        pages.push_back({school_route(site.schools[i]), SchoolPage{i}});
        pages.push_back({school_route(site.schools[i]) + "embed/", EmbedPage{i}});
        if (fragments) pages.push_back({"/fragments/schools/" + site.schools[i].slug + ".html", FragmentPage{i}});
        if (site.schools[i].accessibility_plan)
            pages.push_back({accessibility_plan_route(site, i), AccessibilityPlanPage{i}});
    }
    // An objective's page depends on its file's name (and its school), not what it says.
    InputRecorder::note(site.objective_names);
    const auto& objectives = site.objectives.unrecorded();
    for (std::size_t i = 0; i < objectives.size(); ++i)
        pages.push_back({objective_route(site, objectives[i]), ObjectivePage{i}});
    pages.push_back({"/data/", DataPage{}});
    for (std::size_t p = 0; p < page_count(site.schools.size(), review_page_size); ++p)
        pages.push_back({paged_route("/review/", p), ReviewPage{p}});
    pages.push_back({"/accessibility/", AccessibilityPage{}});
    if (site.accessibility_plan->has_value()) pages.push_back({"/accessibility-plan/", AccessibilityPlanPage{std::nullopt}});
    pages.push_back({"/404.html", NotFoundPage{}});
    return pages;
}

Page shown_page(const Site& site, const Page& page) {
    std::optional<std::size_t> school;
    if (const auto* e = std::get_if<EmbedPage>(&page.kind)) school = e->school;
    else if (const auto* f = std::get_if<FragmentPage>(&page.kind)) school = f->school;
    else return page;
    if (school) return {school_route(site.schools[*school]), SchoolPage{*school}};
    return {"/", HomePage{}};
}

bool for_other_sites(const Page& page) {
    return std::holds_alternative<EmbedPage>(page.kind) || std::holds_alternative<FragmentPage>(page.kind);
}

}  // namespace eqsite
