// What each kind of page shows: the values handed to its template.
//
// Every string given to a template is plain text (the template escapes
// it), except names ending in _html, which hold rendered Markdown or HTML
// we built ourselves from escaped parts.
#pragma once

#include <optional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "model/review.hpp"
#include "model/site.hpp"
#include "render/markdown.hpp"
#include "render/pages.hpp"
#include "render/renderer.hpp"
#include "render/strings.hpp"
#include "render/theme.hpp"
#include "render/words.hpp"

namespace eqsite {

struct Crumb {
    std::string title;
    std::string route;
};

struct PageView {
    std::string template_name;
    std::string heading;                    // the page's h1
    std::vector<Crumb> crumbs;              // excluding Home and the page itself
    std::optional<std::size_t> school;      // school branding on this page
    std::string nav;                        // which main-navigation item is current
    std::string description;                // <meta name=description>
    kainjow::mustache::data data;
};

class PageViews {
public:
    // The theme gives the interface text (Theme::strings) and the ids each
    // template writes itself (Theme::fixed_ids), which headings in the
    // content must not take.
    // `words`: the theme's words for dates and lists, kept by the renderer
    // between pages (render/words.hpp).
    PageViews(const Site& site, const RenderOptions& options, const Theme& theme, Words& words)
        : site_(site), options_(options), strings_(theme.strings), words_(words), fixed_ids_(&theme.fixed_ids) {}

    PageView view(const Page& page) const;
    // The values for layout.mustache, around the page's content.
    kainjow::mustache::data layout(const Page& page, const PageView& view) const;
    // The values for embed.mustache and fragment.mustache, around the
    // content of the page they show, whose heading is `heading`
    // (render/pages.hpp, EmbedPage).
    kainjow::mustache::data for_other_sites(const Page& page, const std::string& heading) const;

private:
    PageView home() const;
    PageView duty() const;
    PageView policy() const;
    PageView objectives() const;
    PageView characteristic(Characteristic c, std::size_t page) const;
    PageView aim(Aim a, std::size_t page) const;
    PageView status(std::size_t which, std::size_t page) const;
    std::string status_label(std::size_t which) const;
    PageView listing(const Text& text, const std::vector<std::size_t>& objectives, std::size_t page,
                     const std::string& first_route, std::string template_name) const;
    PageView school(std::size_t i) const;
    PageView objective(std::size_t i) const;
    PageView data() const;
    PageView review(std::size_t page) const;
    PageView accessibility() const;
    PageView accessibility_plan(std::optional<std::size_t> school) const;
    PageView not_found() const;

    std::string href(const std::string& route) const;
    std::string policy_title() const;
    std::string review_what(const ReviewItem& item) const;
    std::string plan_title(const AccessibilityPlan& plan) const;
    kainjow::mustache::data objective_card(std::size_t i) const;
    kainjow::mustache::list objective_cards(const std::vector<std::size_t>& indices) const;
    kainjow::mustache::data review_group(const ReviewGroup& group) const;
    void set_pagination(kainjow::mustache::data& d, const std::string& first_route, std::size_t page,
                        std::size_t pages) const;
    kainjow::mustache::list review_items(const ReviewGroup& group) const;
    kainjow::mustache::list overdue_work(const ReviewGroup& group) const;
    kainjow::mustache::data plan_summary(const AccessibilityPlan& plan) const;
    void set_glance(kainjow::mustache::data& d, const School& school, const ReviewGroup& review) const;
    kainjow::mustache::data table_view(const PublishedTable& t, kainjow::mustache::data table, std::string_view level,
                                       HeadingIds& ids) const;
    void put_trust_coverage(kainjow::mustache::data& table, const PublishedTable& t) const;
    // `ids` plus the ids the data tables use, so Markdown headings avoid them.
    std::set<std::string> table_ids(std::set<std::string> ids) const;

    // The ids a content heading may not take on a page of this template.
    std::set<std::string> reserved_ids(const std::string& template_name) const;

    const Site& site_;
    const RenderOptions& options_;
    const Strings& strings_;
    Words& words_;
    const std::map<std::string, std::set<std::string>>* fixed_ids_ = nullptr;
};

}  // namespace eqsite
