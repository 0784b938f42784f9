#include "render/page_views.hpp"

#include <algorithm>
#include <numeric>

#include "render/data_tables.hpp"

#include "model/accessibility_plan.hpp"
#include "model/review.hpp"
#include "render/markdown.hpp"
#include "render/open_data.hpp"
#include "render/view_data.hpp"
#include "util/text.hpp"
#include "util/url.hpp"

namespace eqsite {

namespace {

template <class... Ts>
struct overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts>
overloaded(Ts...) -> overloaded<Ts...>;  // clang 14 needs the guide

void set_if(Data& d, const std::string& key, const std::optional<std::string>& value) {
    if (value && !value->empty()) put(d, key, *value);
}

List text_list(const std::vector<std::string>& items) {
    List l;
    l.reserve(items.size());
    for (const auto& s : items) l.push_back(Data(s));
    return l;
}

// Sets `key` to the list and `has_<key>` to whether it has items, since
// Mustache cannot test a list for emptiness without repeating its section.
void set_list(Data& d, const std::string& key, List list) {
    put(d, "has_" + key, Data(!list.empty()));
    put(d, key, list_data(std::move(list)));
}

// Root-relative links and images written in Markdown ("/policy/") start
// with the site's base path, like the theme's own links.
std::string markdown(const Site& site, const std::string& text, int top_level, HeadingIds& ids,
                     const std::string& base_path) {
    return render_markdown(text, {site.config->markdown.unsafe_html, top_level, base_path}, ids);
}

// The words for a term of the vocabulary: "vocabulary.aims.advance-equality".
std::string term(const Strings& s, std::string_view kind, std::string_view slug) { return s.term(kind, slug); }
std::string term(const Strings& s, Aim a) { return term(s, "aims", slug(a)); }
std::string term(const Strings& s, Characteristic c) { return term(s, "characteristics", slug(c)); }

std::string due_text(Words& words, const Objective& o) {
    if (!o.due) return "";
    return o.due->date ? words.date(*o.due->date) : words.strings().text("labels.ongoing");
}

// Status, as the author gave it, unless the due date has passed first.
void set_status(const Strings& s, Data& d, std::optional<std::string> given_label,
                std::optional<std::string_view> given_slug, bool overdue) {
    if (overdue) {
        put(d, "has_status", Data(true));
        put(d, "status_label", term(s, "review_status", "overdue"));
        put(d, "status_slug", "overdue");
        if (given_label) put(d, "given_status", *given_label);
        return;
    }
    put(d, "has_status", Data(given_label.has_value()));
    if (given_label) {
        put(d, "status_label", *given_label);
        put(d, "status_slug", std::string(*given_slug));
    }
}

Data action_data(Words& words, const Action& a, Date today) {
    const Strings& s = words.strings();
    Data ad;
    put(ad, "text", a.text);
    put(ad, "owner", a.owner.value_or(""));
    put(ad, "due", a.due ? words.date(a.due->value) : "");
    if (a.status)
        set_status(s, ad, term(s, "action_status", slug(*a.status)), slug(*a.status), overdue(a, today));
    else
        set_status(s, ad, std::nullopt, std::nullopt, overdue(a, today));
    return ad;
}

// The home page's review summary: how many dates have each status, and
// how many objectives and actions are overdue, with words that agree with
// the numbers.
void set_review_summary(const Strings& s, Data& d, const SiteSummary& summary, bool has_schools) {
    const std::string whose = s.text(has_schools ? "review_summary_text.whose_trust_and_schools"
                                                 : "review_summary_text.whose_trust");
    put(d, "review_whose", whose);
    const auto& counts = summary.review_counts;
    std::size_t total = 0;
    for (std::size_t c : counts) total += c;
    const auto n = [&](ReviewStatus st) { return static_cast<long long>(counts[static_cast<std::size_t>(st)]); };
    const std::string days = std::to_string(due_soon_days);
    List parts;
    std::optional<std::string> only;  // what every date is, if they all have one status
    auto part = [&](ReviewStatus st, const std::string& name) {
        if (n(st) == 0) return;
        if (static_cast<std::size_t>(n(st)) == total)
            only = s.count("review_summary_text.state_" + name, static_cast<long long>(total), {{"days", days}});
        Data p;
        put(p, "text", s.count("review_summary_text." + name, n(st), {{"days", days}}));
        put(p, "slug", std::string(slug(st)));
        parts.push_back(std::move(p));
    };
    part(ReviewStatus::overdue, "overdue");
    part(ReviewStatus::due_soon, "due_soon");
    part(ReviewStatus::not_published, "not_published");
    part(ReviewStatus::no_date, "no_date");
    part(ReviewStatus::date_in_future, "date_in_future");
    part(ReviewStatus::up_to_date, "up_to_date");
    const std::string total_text = s.count("review_summary_text.total", static_cast<long long>(total));
    put(d, "review_total", total_text);
    if (only) {
        // One status for every date: one sentence, not a list of one.
        put(d, "review_sentence", total == 1 ? s.text("review_summary_text.only_one", {{"whose", whose}, {"state", *only}})
                                            : s.text("review_summary_text.all_of",
                                                     {{"total", total_text}, {"whose", whose}, {"state", *only}}));
    } else {
        put(d, "review_parts", list_data(std::move(parts)));
    }
    const auto objectives = static_cast<long long>(summary.overdue_objectives);
    const auto actions = static_cast<long long>(summary.overdue_actions);
    std::vector<std::string> late;
    if (objectives) late.push_back(s.count("counts.objectives", objectives));
    if (actions) late.push_back(s.count("counts.actions", actions));
    if (!late.empty())
        put(d, "overdue_work", s.count("review_summary_text.late_work", objectives + actions,
                                      {{"what", join(late, s.text("review_summary_text.and"))}}));
}

}  // namespace

std::string PageViews::href(const std::string& route) const { return options_.base_path + route.substr(1); }

// A review item in the theme's words (the policy by its title).
std::string PageViews::review_what(const ReviewItem& item) const {
    if (item.kind == ReviewKind::policy) return policy_title();
    return strings_.text("review_items." + std::string(slug(item.kind)));
}

// What the plan's front matter calls it, else the theme's words.
std::string PageViews::plan_title(const AccessibilityPlan& plan) const {
    return plan.title_given ? plan.title : strings_.text("review_items.accessibility_plan");
}

// What site.yaml calls the policy, else the theme's words for it.
std::string PageViews::policy_title() const {
    const auto& p = site_.config->policy;
    return p.title_given ? p.title : strings_.text("titles.policy");
}

// Links to the pages of a list: the first and the last, and two either
// side of this one, with a gap for the rest, so a list of 700 pages does
// not put 700 links on each.
void PageViews::set_pagination(Data& d, const std::string& first_route, std::size_t page, std::size_t pages) const {
    constexpr std::size_t around = 2;
    List links;
    links.reserve(std::min<std::size_t>(pages, 16));
    bool gap = false;
    for (std::size_t p = 0; pages > 1 && p < pages; ++p) {
        const bool shown = p == 0 || p + 1 == pages || (p + around >= page && p <= page + around);
        if (!shown) {
            if (!gap) links.push_back(Data{"gap", Data(true)});
            gap = true;
            continue;
        }
        gap = false;
        Data l;
        put(l, "number", std::to_string(p + 1));
        put(l, "href", href(paged_route(first_route, p)));
        put(l, "current", Data(p == page));
        links.push_back(std::move(l));
    }
    set_list(d, "pages", std::move(links));
    if (page > 0) put(d, "previous_href", href(paged_route(first_route, page - 1)));
    if (page + 1 < pages) put(d, "next_href", href(paged_route(first_route, page + 1)));
}

Data PageViews::objective_card(std::size_t i) const {
    const Objective& o = site_.objectives[i];
    Data d;
    put(d, "title", o.title);
    put(d, "href", href(objective_route(site_, o)));
    put(d, "trust_wide", Data(o.trust_wide()));
    if (o.school) put(d, "school_name", site_.schools[*o.school].name);
    if (o.status)
        set_status(strings_, d, term(strings_, "objective_status", slug(*o.status)), slug(*o.status),
                   o.overdue(*site_.today));
    else
        set_status(strings_, d, std::nullopt, std::nullopt, o.overdue(*site_.today));
    put(d, "aims", words_.aims(o.aims));
    put(d, "characteristics", words_.characteristics(o.characteristics));
    set_if(d, "due", due_text(words_, o));
    return d;
}

List PageViews::objective_cards(const std::vector<std::size_t>& indices) const {
    List l;
    l.reserve(indices.size());
    for (std::size_t i : indices) l.push_back(objective_card(i));
    return l;
}

PageView PageViews::view(const Page& page) const {
    return std::visit(overloaded{
                          [&](const HomePage&) { return home(); },
                          [&](const DutyPage&) { return duty(); },
                          [&](const PolicyPage&) { return policy(); },
                          [&](const ObjectivesPage&) { return objectives(); },
                          [&](const CharacteristicPage& p) { return characteristic(p.which, p.page); },
                          [&](const AimPage& p) { return aim(p.which, p.page); },
                          [&](const StatusPage& p) { return status(p.which, p.page); },
                          [&](const SchoolPage& p) { return school(p.school); },
                          [&](const ObjectivePage& p) { return objective(p.objective); },
                          [&](const DataPage&) { return data(); },
                          [&](const ReviewPage& p) { return review(p.page); },
                          [&](const AccessibilityPage&) { return accessibility(); },
                          [&](const AccessibilityPlanPage& p) { return accessibility_plan(p.school); },
                          [&](const NotFoundPage&) { return not_found(); },
                          [&](const EmbedPage&) { return view(shown_page(site_, page)); },
                          [&](const FragmentPage&) { return view(shown_page(site_, page)); },
                      },
                      page.kind);
}

PageView PageViews::home() const {
    PageView v{"home", site_.home->title, {}, std::nullopt, "home", site_.home->summary, {}};
    HeadingIds ids(reserved_ids("home"));
    put(v.data, "title", site_.home->title);
    put(v.data, "intro_html", markdown(site_, site_.home->markdown, 2, ids, options_.base_path));
    List schools;
    schools.reserve(site_.schools.size());
    for (const auto& s : site_.schools) {
        Data d;
        put(d, "name", s.name);
        put(d, "href", href(school_route(s)));
        if (s.phase) put(d, "phase", term(strings_, "phase", slug_of(phase_vocabulary(), *s.phase)));
        schools.push_back(std::move(d));
    }
    set_list(v.data, "schools", std::move(schools));
    if (site_.config->scripts.school_filter) {  // asked for in site.yaml
        put(v.data, "school_filter", Data(true));
        put(v.data, "assets", options_.base_path + "assets/");
    }
    // The trust-wide objectives come first in the model: reading only
    // them, not the whole list, lets an edit of a school's objective
    // leave the home page alone.
    const SiteSummary& summary = *site_.summary;
    std::vector<std::size_t> trust_objectives(summary.trust_objectives);
    std::iota(trust_objectives.begin(), trust_objectives.end(), std::size_t{0});
    set_list(v.data, "objectives", objective_cards(trust_objectives));
    set_review_summary(strings_, v.data, summary, !site_.schools.empty());
    // Whether schools set objectives of their own decides the wording:
    // "each school" only when every one does.
    const std::size_t with_own = summary.schools_with_own_objectives;
    put(v.data, "every_school_sets_own", Data(with_own > 0 && with_own == site_.schools.size()));
    put(v.data, "some_schools_set_own", Data(with_own > 0 && with_own < site_.schools.size()));
    put(v.data, "has_many_schools", Data(site_.schools.size() > 1));
    put(v.data, "any_exclusions", Data(summary.any_exclusions));
    put(v.data, "review_href", href("/review/"));
    put(v.data, "objectives_href", href("/objectives/"));
    put(v.data, "policy_href", href("/policy/"));
    put(v.data, "policy_title", policy_title());
    if (site_.accessibility_plan->has_value()) put(v.data, "trust_plan_href", href("/accessibility-plan/"));
    put(v.data, "duty_title", site_.statutory->duty.title);
    put(v.data, "duty_href", href("/duty/"));
    return v;
}

PageView PageViews::duty() const {
    const Text& duty = site_.statutory->duty;
    PageView v{"duty", duty.title, {}, std::nullopt, "", duty.summary, {}};
    HeadingIds ids(reserved_ids("duty"));
    put(v.data, "title", duty.title);
    put(v.data, "duty_html", markdown(site_, duty.markdown, 2, ids, options_.base_path));
    put(v.data, "policy_href", href("/policy/"));
    put(v.data, "policy_title", policy_title());
    if (site_.accessibility_plan->has_value()) put(v.data, "trust_plan_href", href("/accessibility-plan/"));
    return v;
}

PageView PageViews::policy() const {
    const auto& p = site_.config->policy;
    const std::string title = policy_title();
    PageView v{"policy", title, {}, std::nullopt, "policy",
               strings_.text("titles.policy_description", {{"policy", title}, {"trust", site_.config->trust.name}}), {}};
    HeadingIds ids(reserved_ids("policy"));
    List sections;
    for (const auto& section : *site_.policy) {
        Data d;
        put(d, "title", section.title);
        put(d, "id", ids.claim(section.title));
        put(d, "body_html", markdown(site_, section.markdown, 3, ids, options_.base_path));
        sections.push_back(std::move(d));
    }
    set_list(v.data, "sections", std::move(sections));
    put(v.data, "title", title);
    put(v.data, "trust_name", site_.config->trust.name);
    set_if(v.data, "strapline", p.strapline);
    // Each fact only as the author gave it; missing ones are said to be.
    set_if(v.data, "approved_by", p.approved_by);
    if (p.approved_on) put(v.data, "approved_on", words_.date(*p.approved_on));
    // Either half of an approval missing is said on the page, not only warned.
    put(v.data, "approval_unrecorded", Data(!p.approved_by && !p.approved_on));
    put(v.data, "approver_unrecorded", Data(!p.approved_by && p.approved_on));
    put(v.data, "approval_date_unrecorded", Data(p.approved_by && !p.approved_on));
    List signatories;
    for (const auto& sig : p.signatories) {
        Data d;
        put(d, "name", sig.name);
        set_if(d, "role", sig.role);
        if (sig.date) {
            put(d, "date", words_.date(*sig.date));
            put(d, "iso_date", sig.date->iso());
        }
        signatories.push_back(std::move(d));
    }
    set_list(v.data, "signatories", std::move(signatories));
    if (p.last_reviewed) put(v.data, "last_reviewed", words_.date(p.last_reviewed->value));
    if (p.review_due) put(v.data, "review_due", words_.date(p.review_due->value));
    return v;
}

PageView PageViews::objectives() const {
    PageView v{"objectives", strings_.text("titles.objectives"), {}, std::nullopt, "objectives",
               strings_.text("titles.objectives_description", {{"trust", site_.config->trust.name}}), {}};
    List aims, groups, characteristics, schools;
    aims.reserve(aim_count);
    groups.reserve(aim_count);
    characteristics.reserve(characteristic_count);
    schools.reserve(site_.schools.size());
    for (std::size_t i = 0; i < aim_count; ++i) {
        const auto a = static_cast<Aim>(i);
        Data link;
        put(link, "label", term(strings_, a));
        put(link, "href", href(aim_route(a)));
        put(link, "count", std::to_string(site_.by_aim[i]->size()));
        aims.push_back(std::move(link));
        Data g;
        put(g, "label", term(strings_, a));
        put(g, "id", std::string(slug(a)));
        put(g, "href", href(aim_route(a)));
        const auto& all = *site_.by_aim[i];
        const std::size_t shown = std::min(all.size(), list_page_size);
        set_list(g, "objectives", objective_cards(std::vector<std::size_t>(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(shown))));
        put(g, "more", Data(all.size() > shown));
        put(g, "count", std::to_string(all.size()));
        groups.push_back(std::move(g));
    }
    for (std::size_t i = 0; i < characteristic_count; ++i) {
        const auto c = static_cast<Characteristic>(i);
        Data link;
        put(link, "label", term(strings_, c));
        put(link, "href", href(characteristic_route(c)));
        put(link, "count", std::to_string(site_.by_characteristic[i]->size()));
        characteristics.push_back(std::move(link));
    }
    List statuses;
    statuses.reserve(status_filters.size());
    for (std::size_t i = 0; i < status_filters.size(); ++i) {
        if (site_.by_status[i]->empty()) continue;  // no page for it
        Data link;
        put(link, "label", status_label(i));
        put(link, "href", href(status_route(i)));
        put(link, "count", std::to_string(site_.by_status[i]->size()));
        statuses.push_back(std::move(link));
    }
    set_list(v.data, "statuses", std::move(statuses));
    for (const auto& s : site_.schools) {
        Data link;
        put(link, "label", s.name);
        put(link, "href", href(school_route(s)) + "#objectives");
        put(link, "count", std::to_string(s.objectives.size()));
        schools.push_back(std::move(link));
    }
    const std::size_t total = objective_count(site_);
    put(v.data, "total", strings_.count("counts.equality_objectives", static_cast<long long>(total)));
    put(v.data, "one_objective", Data(total == 1));
    set_list(v.data, "aims", std::move(aims));
    set_list(v.data, "characteristics", std::move(characteristics));
    set_list(v.data, "schools", std::move(schools));
    set_list(v.data, "groups", std::move(groups));
    return v;
}

PageView PageViews::listing(const Text& text, const std::vector<std::size_t>& objectives, std::size_t page,
                            const std::string& first_route, std::string template_name) const {
    const std::size_t pages = page_count(objectives.size());
    std::string heading = text.title;
    if (page > 0)
        heading = strings_.text("titles.listing_page", {{"title", text.title},
                                                        {"page", std::to_string(page + 1)},
                                                        {"pages", std::to_string(pages)}});
    PageView v{std::move(template_name), heading, {{strings_.text("titles.objectives"), "/objectives/"}}, std::nullopt,
               "objectives", text.summary, {}};
    if (page > 0) v.crumbs.push_back({text.title, first_route});
    HeadingIds ids(reserved_ids(v.template_name));
    put(v.data, "title", heading);
    put(v.data, "summary", text.summary);
    put(v.data, "first_page", Data(page == 0));
    put(v.data, "body_html", page == 0 ? markdown(site_, text.markdown, 2, ids, options_.base_path) : std::string());
    const std::size_t from = std::min(objectives.size(), page * list_page_size);
    const std::size_t to = std::min(objectives.size(), from + list_page_size);
    set_list(v.data, "objectives",
             objective_cards(std::vector<std::size_t>(objectives.begin() + static_cast<std::ptrdiff_t>(from),
                                                      objectives.begin() + static_cast<std::ptrdiff_t>(to))));
    put(v.data, "count", std::to_string(objectives.size()));
    put(v.data, "count_text", strings_.count("counts.objectives", static_cast<long long>(objectives.size())));
    set_pagination(v.data, first_route, page, pages);
    return v;
}

PageView PageViews::characteristic(Characteristic c, std::size_t page) const {
    const auto i = static_cast<std::size_t>(c);
    return listing(site_.statutory->characteristics[i], *site_.by_characteristic[i], page, characteristic_route(c),
                   "characteristic");
}

// The words for one of status_filters: the vocabulary's, or "no status given".
std::string PageViews::status_label(std::size_t which) const {
    const std::string_view s = status_filters[which];
    if (s == "overdue") return term(strings_, "review_status", "overdue");
    if (s == "no-status") return strings_.text("status_filter.no_status");
    return term(strings_, "objective_status", s);
}

PageView PageViews::status(std::size_t which, std::size_t page) const {
    const std::string label = status_label(which);
    Text text;
    text.title = strings_.text("status_filter.title", {{"status", label}});
    text.summary = strings_.text(status_filters[which] == "overdue" ? "status_filter.summary_overdue"
                                                                      : "status_filter.summary",
                                 {{"status", label}});
    return listing(text, *site_.by_status[which], page, status_route(which), "status");
}

PageView PageViews::aim(Aim a, std::size_t page) const {
    const auto i = static_cast<std::size_t>(a);
    return listing(site_.statutory->aims[i], *site_.by_aim[i], page, aim_route(a), "aim");
}

// One data table for a page: its heading, one grid's figures (`table`,
// from table_data), downloads.
Data PageViews::table_view(const PublishedTable& t, Data table, std::string_view level, HeadingIds& ids) const {
    Data d;
    put(d, "title", t.spec.title);
    put(d, "level", std::string(level));
    put(d, "id", "data-" + t.spec.slug);
    put(d, "table", std::move(table));
    if (!t.spec.commentary.empty()) {
        // Headings in it (unusual in a few sentences) stay below the table's.
        put(d, "commentary_html", markdown(site_, t.spec.commentary, level == "2" ? 3 : 4, ids, options_.base_path));
    }
    put(d, "csv_href", href("/data/" + t.spec.slug + ".csv"));
    put(d, "json_href", href("/data/" + t.spec.slug + ".json"));
    return d;
}

// What the trust's sums add up, where that is not every figure of every
// school: the schools a table covers when some have no figures in it, and
// each sum that leaves out a school which gave no figure there. Without
// these the page would call a part of the trust the trust.
void PageViews::put_trust_coverage(Data& table, const PublishedTable& t) const {
    auto names = [&](const std::vector<std::size_t>& schools) {
        std::vector<std::string> out;
        out.reserve(schools.size());
        for (std::size_t i : schools) out.push_back(site_.schools[i].name);
        return join(out, strings_.text("labels.list_separator"));
    };
    if (t.schools.size() < site_.schools.size()) {
        // Whichever list is shorter: 3 primaries of 40 schools, or the one
        // nursery of 7.
        std::vector<std::size_t> covered, left_out;
        for (const auto& g : t.schools) covered.push_back(*g.school);
        for (std::size_t i = 0; i < site_.schools.size(); ++i)
            if (!std::binary_search(covered.begin(), covered.end(), i)) left_out.push_back(i);
        put(table, "trust_covers",
            covered.size() <= left_out.size()
                ? strings_.text("data_table.trust_covers", {{"schools", names(covered)}})
                : strings_.text("data_table.trust_leaves_out_schools", {{"schools", names(left_out)}}));
    }
    // Figures the trust gave itself (`school: trust`) among its sums.
    std::vector<std::string> own;
    for (const auto& [r, c] : t.trust_own()) own.push_back(t.rows[r] + strings_.text("labels.list_separator") + t.columns[c]);
    if (!own.empty())
        put(table, "trust_own", strings_.text(t.spec.totals ? "data_table.trust_own_in_totals" : "data_table.trust_own",
                                              {{"figures", join(own, strings_.text("labels.aims_separator"))}}));
    // The table is described by these notes (aria-describedby), so a
    // screen reader says them with it, not only after it.
    if (t.schools.size() < site_.schools.size() || !own.empty() || !t.trust_gaps.empty())
        put(table, "sums_id", "table-" + t.spec.slug + "-sums");
    if (t.trust_gaps.empty()) return;
    // A school that left out a whole row (or column) is said once for it.
    std::vector<bool> said(t.trust_gaps.size(), false);
    List items;
    // The shorter list: the schools left out, or the few it adds up.
    auto say = [&](const std::string& what, const std::vector<std::size_t>& without) {
        std::vector<std::size_t> with;
        for (const auto& g : t.schools)
            if (std::find(without.begin(), without.end(), *g.school) == without.end()) with.push_back(*g.school);
        items.push_back(Data("text", with.size() < without.size()
                                         ? strings_.text("data_table.trust_gap_only", {{"what", what}, {"schools", names(with)}})
                                         : strings_.text("data_table.trust_gap", {{"what", what}, {"schools", names(without)}})));
    };
    auto whole_line = [&](bool by_row, std::size_t line, std::size_t length) {
        std::vector<std::size_t> in;
        for (std::size_t k = 0; k < t.trust_gaps.size(); ++k)
            if (!said[k] && (by_row ? t.trust_gaps[k].row : t.trust_gaps[k].column) == line) in.push_back(k);
        if (in.size() != length || length < 2) return;
        for (std::size_t k : in)
            if (t.trust_gaps[k].without != t.trust_gaps[in[0]].without) return;
        for (std::size_t k : in) said[k] = true;
        say(by_row ? t.rows[line] : t.columns[line], t.trust_gaps[in[0]].without);
    };
    for (std::size_t r = 0; r < t.rows.size(); ++r) whole_line(true, r, t.columns.size());
    for (std::size_t c = 0; c < t.columns.size(); ++c) whole_line(false, c, t.rows.size());
    for (std::size_t k = 0; k < t.trust_gaps.size(); ++k) {
        if (said[k]) continue;
        const TrustGap& gap = t.trust_gaps[k];
        say(t.rows[gap.row] + strings_.text("labels.list_separator") + t.columns[gap.column], gap.without);
    }
    put(table, "has_trust_gaps", Data(true));
    put(table, "trust_gaps", list_data(std::move(items)));
}

std::set<std::string> PageViews::reserved_ids(const std::string& template_name) const {
    std::set<std::string> ids{"main", "content", "contents", "top"};
    if (fixed_ids_)
        if (const auto it = fixed_ids_->find(template_name); it != fixed_ids_->end())
            ids.insert(it->second.begin(), it->second.end());
    return ids;
}

std::set<std::string> PageViews::table_ids(std::set<std::string> ids) const {
    for (const auto& t : *site_.tables) {
        ids.insert("data-" + t.spec.slug);
        ids.insert("table-" + t.spec.slug);
        ids.insert("table-" + t.spec.slug + "-caption");
        ids.insert("table-" + t.spec.slug + "-sums");
        for (const char* part : {"-bonus", "-quarters"}) {  // the pay-gap layout's other tables
            ids.insert("table-" + t.spec.slug + part);
            ids.insert("table-" + t.spec.slug + part + "-caption");
        }
    }
    return ids;
}

PageView PageViews::data() const {
    PageView v{"data", strings_.text("titles.data"), {}, std::nullopt, "data",
               strings_.text("titles.data_description", {{"trust", site_.config->trust.name}}), {}};
    HeadingIds ids(table_ids(reserved_ids("data")));
    List tables;
    bool sums = false;  // whether any table adds up schools' figures
    for (const auto& t : *site_.tables) {
        if (!t.trust) continue;
        const bool adds_up = t.trust_sums_schools();
        sums = sums || adds_up;
        // "(all schools)" only where the trust's figures are sums of schools'.
        const std::string& trust = site_.config->trust.name;
        const std::string place =
            !adds_up                                    ? trust
            : t.schools.size() == site_.schools.size() ? strings_.text("labels.all_schools", {{"trust", trust}})
                                                        : strings_.text("labels.some_schools", {{"trust", trust},
                                                                         {"count", std::to_string(t.schools.size())},
                                                                         {"total", std::to_string(site_.schools.size())}});
        Data table = table_data(strings_, t, *t.trust, place, "table-" + t.spec.slug);
        if (adds_up) put_trust_coverage(table, t);
        tables.push_back(table_view(t, std::move(table), "2", ids));
    }
    set_list(v.data, "tables", std::move(tables));
    List downloads;
    for (const auto& t : *site_.tables) {
        Data d;
        put(d, "title", t.spec.title);
        put(d, "csv_href", href("/data/" + t.spec.slug + ".csv"));
        put(d, "json_href", href("/data/" + t.spec.slug + ".json"));
        downloads.push_back(std::move(d));
    }
    set_list(v.data, "downloads", std::move(downloads));
    put(v.data, "sums_schools", Data(sums));
    put(v.data, "pupil_threshold", std::to_string(site_.config->suppression.threshold));
    put(v.data, "staff_threshold", std::to_string(site_.config->suppression.staff_threshold));
    return v;
}

PageView PageViews::school(std::size_t i) const {
    const School& s = site_.schools[i];
    PageView v{"school", s.name, {}, i, "schools", strings_.text("titles.school_description", {{"school", s.name}}), {}};
    HeadingIds ids(table_ids(reserved_ids("school")));
    put(v.data, "name", s.name);
    put(v.data, "has_details", Data(s.phase || s.urn || s.headteacher || s.equality_lead || s.website));
    set_if(v.data, "urn", s.urn);
    if (s.phase) put(v.data, "phase", term(strings_, "phase", slug_of(phase_vocabulary(), *s.phase)));
    set_if(v.data, "headteacher", s.headteacher);
    set_if(v.data, "equality_lead", s.equality_lead);
    set_if(v.data, "website", s.website);
    std::string information = markdown(site_, s.markdown, 3, ids, options_.base_path);
    put(v.data, "has_information", Data(!trim(information).empty()));
    put(v.data, "information_html", std::move(information));
    List trust_wide, own;
    own.reserve(s.objectives.size());
    for (std::size_t o : s.objectives) (site_.objectives[o].trust_wide() ? trust_wide : own).push_back(objective_card(o));
    set_list(v.data, "own_objectives", std::move(own));
    set_list(v.data, "trust_objectives", std::move(trust_wide));
    const ReviewGroup review = review_school(site_, i);
    set_list(v.data, "review", review_items(review));
    set_glance(v.data, s, review);
    List tables;
    bool summed = false;  // whether the trust's data page adds up this school's figures
    for (const auto& ref : s.tables) {
        const PublishedTable& t = (*site_.tables)[ref.table];
        tables.push_back(table_view(t, table_data(strings_, t, t.schools[ref.grid], s.name, "table-" + t.spec.slug), "3", ids));
        summed = summed || t.trust_sums_schools();
    }
    set_list(v.data, "tables", std::move(tables));
    put(v.data, "tables_summed", Data(summed));
    put(v.data, "data_href", href("/data/"));
    if (s.accessibility_plan) {
        Data plan = plan_summary(*s.accessibility_plan);
        put(plan, "href", href(accessibility_plan_route(site_, i)));
        put(v.data, "plan", std::move(plan));
    }
    return v;
}

// Where the school stands, at the top of its page: how many objectives and
// how many overdue, when its equality information was last updated, and
// the next review date with what is due.
void PageViews::set_glance(Data& d, const School& s, const ReviewGroup& review) const {
    long long overdue = 0;
    for (std::size_t o : s.objectives) overdue += site_.objectives[o].overdue(*site_.today);
    put(d, "glance_objectives", strings_.count("school_glance.objectives", static_cast<long long>(s.objectives.size())));
    if (overdue) put(d, "glance_overdue", strings_.count("school_glance.overdue", overdue));
    const ReviewItem* next = nullptr;
    for (const auto& item : review.items) {
        if (item.kind == ReviewKind::information)
            put(d, "glance_updated", item.status == ReviewStatus::not_published
                                        ? term(strings_, "review_status", slug(ReviewStatus::not_published))
                                    : item.last ? words_.date(*item.last)
                                                : term(strings_, "review_status", slug(ReviewStatus::no_date)));
        // The next date still to come (a past one is overdue, said above).
        if (item.due && *item.due >= *site_.today && (!next || *item.due < *next->due)) next = &item;
    }
    if (next)
        put(d, "glance_next_due", strings_.text("school_glance.next_due",
                                               {{"date", words_.date(*next->due)},
                                                {"what", review_what(*next)}}));
    put(d, "glance_attention", Data(overdue > 0 || review.any(ReviewStatus::overdue)));
}

PageView PageViews::objective(std::size_t i) const {
    const Objective& o = site_.objectives[i];
    PageView v{"objective", o.title, {}, o.school, "objectives", o.why.value_or(""), {}};
    if (o.school) {
        const School& s = site_.schools[*o.school];
        v.crumbs.push_back({s.name, school_route(s)});
    } else {
        v.crumbs.push_back({strings_.text("titles.objectives"), "/objectives/"});
    }
    HeadingIds ids(reserved_ids("objective"));
    Data& d = v.data;
    d = objective_card(i);
    List aims, characteristics;
    aims.reserve(o.aims.size());
    characteristics.reserve(o.characteristics.size());
    for (Aim a : o.aims) {
        Data l;
        put(l, "label", term(strings_, a));
        put(l, "href", href(aim_route(a)));
        aims.push_back(std::move(l));
    }
    for (Characteristic c : o.characteristics) {
        Data l;
        put(l, "label", term(strings_, c));
        put(l, "href", href(characteristic_route(c)));
        characteristics.push_back(std::move(l));
    }
    set_list(d, "aim_links", std::move(aims));
    set_list(d, "characteristic_links", std::move(characteristics));
    // `all` narrowed to what the objective can cover: say so.
    put(d, "all_that_apply", Data(o.all_characteristics && o.characteristics.size() < characteristic_count));
    set_list(d, "target_groups", text_list(o.target_groups));
    set_list(d, "owners", text_list(o.owners));
    put(d, "owner_text", join(o.owners, strings_.text("labels.list_separator")));
    put(d, "target_groups_text", join(o.target_groups, strings_.text("labels.list_separator")));
    set_if(d, "why", o.why);
    if (o.start) put(d, "start", words_.date(*o.start));
    if (o.about) put(d, "about", term(strings_, "audience", slug_of(audience_vocabulary(), *o.about)));
    set_list(d, "measures", text_list(o.measures));
    List actions;
    actions.reserve(o.actions.size());
    for (const auto& a : o.actions) actions.push_back(action_data(words_, a, *site_.today));
    set_list(d, "actions", std::move(actions));
    List progress;
    progress.reserve(o.progress.size());
    for (const auto& p : o.progress) {
        Data pd;
        put(pd, "date", words_.date(p.date));
        put(pd, "iso_date", p.date.iso());
        put(pd, "note", p.note);
        progress.push_back(std::move(pd));
    }
    set_list(d, "progress", std::move(progress));
    std::string body = markdown(site_, o.markdown, 3, ids, options_.base_path);
    put(d, "has_body", Data(!trim(body).empty()));
    put(d, "body_html", std::move(body));
    return v;
}

List PageViews::review_items(const ReviewGroup& g) const {
    List items;
    items.reserve(g.items.size());
    for (const auto& item : g.items) {
        Data d;
        put(d, "what", review_what(item));
        // No link is false, not absent: an absent `href` would be the group's (its school's page).
        if (!item.route.empty() && item.status != ReviewStatus::not_published) put(d, "href", href(item.route));
        else put(d, "href", Data(false));
        if (item.status == ReviewStatus::not_published)
            put(d, "last", term(strings_, "review_status", slug(ReviewStatus::not_published)));
        else
            put(d, "last", item.last ? words_.date(*item.last) : term(strings_, "review_status", slug(ReviewStatus::no_date)));
        if (item.from_trust) put(d, "from_trust", Data(true));
        put(d, "due", item.due ? words_.date(*item.due) : strings_.text("labels.not_known"));
        put(d, "status_label", term(strings_, "review_status", slug(item.status)));
        put(d, "status_slug", std::string(slug(item.status)));
        put(d, "attention", Data(item.status != ReviewStatus::up_to_date));
        items.push_back(std::move(d));
    }
    return items;
}

List PageViews::overdue_work(const ReviewGroup& g) const {
    List out;
    out.reserve(g.overdue_work.size());
    for (const auto& w : g.overdue_work) {
        Data d;
        const Action* action = nullptr;
        if (!w.objective) {  // an action of the group's accessibility plan
            const auto& plan = g.school ? site_.schools[*g.school].accessibility_plan : *site_.accessibility_plan;
            put(d, "objective", plan_title(*plan));
            put(d, "href", href(accessibility_plan_route(site_, g.school)) + "#actions");
            action = &plan->actions[*w.action].action;
        } else {
            const Objective& o = site_.objectives[*w.objective];
            put(d, "objective", o.title);
            put(d, "href", href(objective_route(site_, o)) + (w.action ? "#actions" : ""));
            if (w.action) {
                action = &o.actions[*w.action];
            } else {
                put(d, "due", words_.date(*o.due->date));
                if (o.status) put(d, "given_status", term(strings_, "objective_status", slug(*o.status)));
            }
        }
        if (action) {
            put(d, "action", action->text);
            put(d, "due", words_.date(action->due->value));
            if (action->status) put(d, "given_status", term(strings_, "action_status", slug(*action->status)));
        }
        out.push_back(std::move(d));
    }
    return out;
}

Data PageViews::review_group(const ReviewGroup& g) const {
    Data gd;
    put(gd, "subject", g.subject);
    put(gd, "id", g.school ? "school-" + site_.schools[*g.school].slug : std::string("trust"));
    if (g.school) put(gd, "href", href(school_route(site_.schools[*g.school])));
    put(gd, "any_overdue", Data(g.any(ReviewStatus::overdue)));
    put(gd, "review", review_items(g));  // as on a school's page (partial review-table)
    set_list(gd, "overdue_work", overdue_work(g));
    return gd;
}

PageView PageViews::review(std::size_t page) const {
    const std::string title = strings_.text("titles.review");
    const std::size_t pages = page_count(site_.schools.size(), review_page_size);
    std::string heading = title;
    if (page > 0)
        heading = strings_.text("titles.listing_page",
                                {{"title", title}, {"page", std::to_string(page + 1)}, {"pages", std::to_string(pages)}});
    PageView v{"review", heading, {}, std::nullopt, "review", strings_.text("titles.review_description"), {}};
    if (page > 0) v.crumbs.push_back({title, "/review/"});
    put(v.data, "title", heading);
    put(v.data, "today", words_.date(*site_.today));
    put(v.data, "due_soon_days", std::to_string(due_soon_days));
    put(v.data, "policy_title", policy_title());
    put(v.data, "first_page", Data(page == 0));
    put(v.data, "many_pages", Data(pages > 1));
    put(v.data, "per_page", std::to_string(review_page_size));
    // The summary counts every school's dates, so only the first page has
    // it (a school's edit then re-renders that page and its school's).
    if (page == 0) set_review_summary(strings_, v.data, *site_.summary, !site_.schools.empty());
    List groups;
    groups.reserve(review_page_size + 1);
    if (page == 0) groups.push_back(review_group(review_trust(site_)));
    const std::size_t from = std::min(site_.schools.size(), page * review_page_size);
    const std::size_t to = std::min(site_.schools.size(), from + review_page_size);
    for (std::size_t i = from; i < to; ++i) groups.push_back(review_group(review_school(site_, i)));
    set_list(v.data, "groups", std::move(groups));
    set_pagination(v.data, "/review/", page, pages);
    return v;
}

PageView PageViews::accessibility() const {
    const auto& a = site_.config->accessibility;
    PageView v{"accessibility", strings_.text("titles.accessibility"), {}, std::nullopt, "",
               strings_.text("titles.accessibility_description"), {}};
    put(v.data, "trust_name", site_.config->trust.name);
    put(v.data, "site_url", site_.config->trust.url);
    set_if(v.data, "contact_email", a.contact_email ? a.contact_email : site_.config->trust.contact_email);
    set_list(v.data, "known_issues", text_list(a.known_issues));
    // Compliance only as the author declared it (required setting).
    if (a.compliance) {
        put(v.data, "compliance_stated", Data(true));
        put(v.data, "compliance", term(strings_, "compliance", slug_of(compliance_vocabulary(), *a.compliance)));
        put(v.data, "fully", Data(*a.compliance == Compliance::fully));
        // What users "should be able to do" is only said of a site that
        // is at least partly compliant.
        put(v.data, "usable", Data(*a.compliance != Compliance::not_compliant));
    }
    // "on 12 September 2024", or "in September 2024" for a month.
    if (a.prepared) put(v.data, "prepared", strings_.on_date(a.prepared->value));
    if (a.last_reviewed) put(v.data, "last_reviewed", strings_.on_date(a.last_reviewed->value));
    if (a.last_tested) put(v.data, "last_tested", strings_.on_date(*a.last_tested));
    if (a.response_days) put(v.data, "response_days", strings_.count("counts.working_days", *a.response_days));
    set_if(v.data, "tested_by", a.tested_by);
    set_if(v.data, "method", a.method);
    if (site_.accessibility_plan->has_value() || std::any_of(site_.schools.begin(), site_.schools.end(),
                                                [](const School& s) { return s.accessibility_plan.has_value(); }))
        put(v.data, "plans_href", href("/review/"));
    if (site_.accessibility_plan->has_value()) put(v.data, "trust_plan_href", href("/accessibility-plan/"));
    return v;
}

// What a school page or the plan page says about a plan's dates.
Data PageViews::plan_summary(const AccessibilityPlan& plan) const {
    Data d;
    put(d, "title", plan_title(plan));
    if (plan.published) put(d, "published", words_.date(plan.published->value));
    const auto due = plan.review_due ? std::optional<Date>(plan.review_due->value)
                     : plan.published ? std::optional<Date>(plan.published->value.plus_years(accessibility_plan_years))
                                      : std::nullopt;
    if (due) put(d, "review_due", words_.date(*due));
    set_if(d, "approved_by", plan.approved_by);
    return d;
}

PageView PageViews::accessibility_plan(std::optional<std::size_t> school) const {
    const AccessibilityPlan& plan = school ? *site_.schools[*school].accessibility_plan : **site_.accessibility_plan;
    const std::string whose = school ? site_.schools[*school].name : site_.config->trust.name;
    PageView v{"accessibility-plan", plan_title(plan), {}, school, school ? "schools" : "",
               strings_.text("titles.plan_description", {{"whose", whose}}), {}};
    if (school) v.crumbs.push_back({site_.schools[*school].name, school_route(site_.schools[*school])});
    HeadingIds ids(reserved_ids("accessibility-plan"));
    v.data = plan_summary(plan);
    put(v.data, "whose", whose);
    put(v.data, "statement_href", href("/accessibility/"));
    List strands;
    for (std::size_t i = 0; i < plan_strand_count; ++i) {
        const auto strand = static_cast<PlanStrand>(i);
        Data sd;
        put(sd, "label", term(strings_, "plan_strand", slug(strand)));
        put(sd, "id", "strand-" + std::string(slug(strand)));
        ids.claim("strand-" + std::string(slug(strand)));
        List actions;
        for (const auto& pa : plan.actions)
            if (pa.strand == strand) actions.push_back(action_data(words_, pa.action, *site_.today));
        set_list(sd, "actions", std::move(actions));
        strands.push_back(std::move(sd));
    }
    const bool any_actions = !plan.actions.empty();
    put(v.data, "has_actions", Data(any_actions));
    put(v.data, "strands", list_data(std::move(strands)));
    std::string body = markdown(site_, plan.markdown, 2, ids, options_.base_path);
    put(v.data, "has_body", Data(!trim(body).empty()));
    put(v.data, "body_html", std::move(body));
    return v;
}

PageView PageViews::not_found() const {
    PageView v{"404", strings_.text("titles.not_found"), {}, std::nullopt, "", "", {}};
    put(v.data, "home_href", href("/"));
    put(v.data, "objectives_href", href("/objectives/"));
    set_if(v.data, "contact_email", site_.config->trust.contact_email);
    return v;
}

Data PageViews::for_other_sites(const Page& page, const std::string& heading) const {
    const auto& trust = site_.config->trust;
    const Page shown = shown_page(site_, page);
    Data d;
    put(d, "lang", site_.config->language);
    // Not the title of the page it shows: titles stay unique across the site.
    put(d, "page_title", strings_.text("titles.embed_page", {{"heading", heading}}) +
                            (heading == trust.name ? "" : strings_.text("labels.title_separator") + trust.name));
    put(d, "trust_name", trust.name);
    put(d, "full_page_url", options_.base_url + shown.route);
    put(d, "site_url", options_.base_url + "/");
    put(d, "assets", options_.base_path + "assets/");
    put(d, "assets_url", options_.base_url + "/assets/");
    set_if(d, "contact_email", trust.contact_email);
    put(d, "accessibility_url", options_.base_url + "/accessibility/");
    put(d, "accessibility_href", href("/accessibility/"));
    put(d, "extra_head_html", options_.extra_head_html);
    return d;
}

Data PageViews::layout(const Page& page, const PageView& view) const {
    const auto& trust = site_.config->trust;
    Data d;
    put(d, "lang", site_.config->language);
    std::vector<std::string> title_parts{view.heading};
    if (view.school && !std::holds_alternative<SchoolPage>(page.kind))
        title_parts.push_back(site_.schools[*view.school].name);
    if (view.heading != trust.name) title_parts.push_back(trust.name);
    put(d, "page_title", join(title_parts, strings_.text("labels.title_separator")));
    set_if(d, "description", view.description);
    if (!std::holds_alternative<NotFoundPage>(page.kind)) put(d, "canonical", options_.base_url + page.route);
    // For print: the site's address, which the layout gives print.css as a
    // CSS string, so a printed link to "/policy/" shows the whole address.
    // Quotes, apostrophes and backslashes cannot end that string early.
    {
        std::string origin;
        for (char c : url_origin(options_.base_url))
            if (c != '"' && c != '\'' && c != '\\' && c != '\n' && c != '<' && c != '>' && c != '&') origin += c;
        put(d, "site_origin", origin);
    }
    put(d, "trust_name", trust.name);
    put(d, "home_href", href("/"));
    put(d, "assets", options_.base_path + "assets/");
    if (trust.logo) {
        put(d, "trust_logo_src", options_.base_path + trust.logo->substr(7));
        put(d, "trust_logo_alt", trust.logo_alt.value_or(strings_.text("titles.logo_alt", {{"trust", trust.name}})));
    }
    set_if(d, "contact_email", trust.contact_email);
    put(d, "accessibility_href", href("/accessibility/"));
    put(d, "duty_href", href("/duty/"));
    put(d, "duty_title", site_.statutory->duty.title);
    if (site_.config->scripts.print_date) put(d, "print_date", Data(true));  // asked for in site.yaml
    if (const auto updated = page_lastmod(site_, page)) put(d, "last_updated", words_.date(*updated));
    put(d, "extra_head_html", options_.extra_head_html);

    List nav;
    nav.reserve(5);
    const std::vector<std::pair<std::string, Crumb>> items = {
        {"home", {strings_.text("nav.home"), "/"}},
        {"policy", {policy_title(), "/policy/"}},
        {"objectives", {strings_.text("nav.objectives"), "/objectives/"}},
        {"data", {strings_.text("nav.data"), "/data/"}},
        {"review", {strings_.text("nav.review"), "/review/"}},
    };
    for (const auto& [key, item] : items) {
        Data n;
        put(n, "title", item.title);
        put(n, "href", href(item.route));
        put(n, "current", Data(key == view.nav && page.route == item.route));
        put(n, "section", Data(key == view.nav));
        nav.push_back(std::move(n));
    }
    put(d, "nav", std::move(nav));

    // Breadcrumbs: Home > ... > this page (not on the home page itself).
    List crumbs;
    crumbs.reserve(view.crumbs.size() + 1);
    if (!std::holds_alternative<HomePage>(page.kind)) {
        Data home;
        put(home, "title", strings_.text("nav.home"));
        put(home, "href", href("/"));
        crumbs.push_back(std::move(home));
        for (const auto& c : view.crumbs) {
            Data cd;
            put(cd, "title", c.title);
            put(cd, "href", href(c.route));
            crumbs.push_back(std::move(cd));
        }
    }
    set_list(d, "breadcrumbs", std::move(crumbs));
    put(d, "heading", view.heading);

    if (view.school) {
        const School& s = site_.schools[*view.school];
        Data sd;
        put(sd, "name", s.name);
        put(sd, "href", href(school_route(s)));
        put(sd, "brand_colour", s.brand_colour.value_or("#1d4f73"));
        if (s.logo) {
            put(sd, "logo_src", href(school_route(s)) + *s.logo);
            put(sd, "logo_alt", s.logo_alt);
        }
        put(d, "school", std::move(sd));
    }
    return d;
}

}  // namespace eqsite
