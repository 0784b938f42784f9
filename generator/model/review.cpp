#include "model/review.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "model/accessibility_plan.hpp"
#include "util/text.hpp"

namespace eqsite {

std::string_view label(ReviewStatus s) {
    switch (s) {
        case ReviewStatus::up_to_date: return "Up to date";
        case ReviewStatus::due_soon: return "Due soon";
        case ReviewStatus::overdue: return "Overdue";
        case ReviewStatus::no_date: return "No date given";
        case ReviewStatus::not_published: return "Not published";
        case ReviewStatus::date_in_future: return "Date in the future";
    }
    return "";
}

std::string_view slug(ReviewStatus s) {
    switch (s) {
        case ReviewStatus::up_to_date: return "up-to-date";
        case ReviewStatus::due_soon: return "due-soon";
        case ReviewStatus::overdue: return "overdue";
        case ReviewStatus::no_date: return "no-date";
        case ReviewStatus::not_published: return "not-published";
        case ReviewStatus::date_in_future: return "date-in-future";
    }
    return "";
}

std::string_view slug(ReviewKind k) {
    switch (k) {
        case ReviewKind::information: return "information";
        case ReviewKind::trust_objectives: return "trust_objectives";
        case ReviewKind::objectives: return "objectives";
        case ReviewKind::policy: return "policy";
        case ReviewKind::statement: return "statement";
        case ReviewKind::accessibility_plan: return "accessibility_plan";
    }
    return "";
}

bool ReviewGroup::any(ReviewStatus s) const {
    return std::any_of(items.begin(), items.end(), [&](const ReviewItem& i) { return i.status == s; });
}

namespace {

// The status of an item with a known due date.
ReviewStatus status_on(Date due, Date today) {
    if (due < today) return ReviewStatus::overdue;
    if (today.days_until(due) <= due_soon_days) return ReviewStatus::due_soon;
    return ReviewStatus::up_to_date;
}

// What an item is called in messages (the page's words are the theme's).
std::string what_of(ReviewKind kind) {
    switch (kind) {
        case ReviewKind::information: return "Equality information";
        case ReviewKind::trust_objectives: return "Trust-wide equality objectives";
        case ReviewKind::objectives: return "Equality objectives";
        case ReviewKind::policy: return "Equality policy";  // replaced by the policy's title
        case ReviewKind::statement: return "Accessibility statement";
        case ReviewKind::accessibility_plan: return "Accessibility plan";
    }
    return "";
}

// An item published on `last` and due again `years` later. Without a date
// it is "no date given", with `fix` saying where to add one.
ReviewItem every_n_years(ReviewKind kind, const std::optional<Located<Date>>& last, int years, Date today,
                         std::string route, Location add_at, std::string fix) {
    ReviewItem item;
    item.kind = kind;
    item.what = what_of(kind);
    item.route = std::move(route);
    if (!last) {
        item.status = ReviewStatus::no_date;
        item.where = std::move(add_at);
        item.fix = std::move(fix);
        return item;
    }
    item.last = last->value;
    item.last_at = last->where;
    item.due = last->value.plus_years(years);
    item.status = status_on(*item.due, today);
    item.where = last->where;
    return item;
}

ReviewItem not_published(ReviewKind kind, Location where, std::string fix) {
    ReviewItem item;
    item.kind = kind;
    item.what = what_of(kind);
    item.status = ReviewStatus::not_published;
    item.where = std::move(where);
    item.fix = std::move(fix);
    return item;
}

// A Schedule 10 plan: due at its review_due, else three years on.
ReviewItem plan_item(const AccessibilityPlan& plan, const std::string& whose, Date today, std::string route) {
    ReviewItem item = every_n_years(ReviewKind::accessibility_plan, plan.published, accessibility_plan_years, today, route,
                                    plan.published_at,
                                    whose + "'s accessibility plan has no date: add \"published: YYYY-MM-DD\" "
                                            "to its front matter with the date it was published (plans run for "
                                            "three years)");
    // A review date alone does not say when the plan was adopted: still
    // "no date given" (and a warning), with the review date shown.
    if (plan.review_due) {
        item.due = plan.review_due->value;
        if (plan.published) {
            item.status = status_on(*item.due, today);
            item.where = plan.review_due->where;
        }
    }
    return item;
}

bool has_trust_objectives(const Site& site) {
    return std::any_of(site.objectives.begin(), site.objectives.end(),
                       [](const Objective& o) { return o.trust_wide(); });
}

// The overdue objectives (and actions) among `indices`.
std::vector<OverdueWork> overdue_among(const Site& site, const std::vector<std::size_t>& indices) {
    std::vector<OverdueWork> out;
    for (std::size_t i : indices) {
        const Objective& o = site.objectives[i];
        if (o.overdue(*site.today)) out.push_back({i, std::nullopt});
        for (std::size_t a = 0; a < o.actions.size(); ++a)
            if (overdue(o.actions[a], *site.today)) out.push_back({i, a});
    }
    return out;
}

void add_plan_work(const std::optional<AccessibilityPlan>& plan, Date today, std::vector<OverdueWork>& out) {
    if (!plan) return;
    for (std::size_t a = 0; a < plan->actions.size(); ++a)
        if (overdue(plan->actions[a].action, today)) out.push_back({std::nullopt, a});
}

// An item whose last date is after today is not up to date, nor due, nor
// overdue: the date is a mistake (a mistyped year), and the page says so.
void mark_dates_in_future(ReviewGroup& g, Date today) {
    for (auto& item : g.items)
        if (item.status != ReviewStatus::not_published && item.last && today < *item.last)
            item.status = ReviewStatus::date_in_future;
}

Location school_file(const School& s) {
    if (!s.source.empty()) return s.front_at;
    return {"content/schools/" + s.slug + "/index.md", 1, 1};
}

}  // namespace

ReviewGroup review_trust(const Site& site) {
    const SiteConfig& c = *site.config;
    const Date today = *site.today;
    ReviewGroup trust{c.trust.name, std::nullopt, {}, {}};

    trust.items.push_back(every_n_years(
        ReviewKind::information, c.information_updated, information_review_years, today, "/",
        c.where("information_updated"),
        "the trust's equality information has no publication date: add \"information_updated: YYYY-MM-DD\" to "
        "site.yaml with the date it was last published (it must be updated at least once a year)"));

    if (has_trust_objectives(site))
        trust.items.push_back(every_n_years(
            ReviewKind::trust_objectives, c.objectives_published, objectives_review_years, today, "/objectives/",
            c.where("objectives_published"),
            "the trust-wide objectives have no date: add \"objectives_published: YYYY-MM-DD\" to site.yaml with "
            "the date they were set (objectives are set at least every four years)"));
    else if (c.objectives_published)  // a date, but nothing published under it
        trust.items.push_back(not_published(
            ReviewKind::trust_objectives, c.objectives_published->where,
            "site.yaml gives \"objectives_published\" but the trust has no trust-wide objectives: add them in "
            "content/trust/objectives/, or remove the date"));

    // The policy: its own review date.
    ReviewItem policy;
    policy.what = c.policy.title;
    policy.route = "/policy/";
    if (site.policy->empty()) {
        policy = not_published(ReviewKind::policy, {"content/trust/policy", 1, 1},
                               "the trust has no \"" + c.policy.title +
                                   "\" on this site: add its sections as Markdown files in content/trust/policy/");
    } else {
        if (c.policy.last_reviewed) policy.last = c.policy.last_reviewed->value;
        else if (c.policy.approved_on) policy.last = c.policy.approved_on;
        if (c.policy.review_due) {
            policy.due = c.policy.review_due->value;
            policy.status = status_on(*policy.due, today);
            policy.where = c.policy.review_due->where;
        } else {
            policy.status = ReviewStatus::no_date;
            policy.where = c.where("policy.review_due");
            policy.fix = "the \"" + c.policy.title +
                         "\" has no review date: add \"review_due: YYYY-MM-DD\" under \"policy:\" in site.yaml";
        }
    }
    policy.kind = ReviewKind::policy;
    policy.what = c.policy.title;
    trust.items.push_back(policy);

    const auto& a = c.accessibility;
    ReviewItem statement = every_n_years(
        ReviewKind::statement, a.last_reviewed ? a.last_reviewed : a.prepared, statement_review_years, today,
        "/accessibility/", c.where(a.prepared ? "accessibility.last_reviewed" : "accessibility.prepared"),
        "the accessibility statement has no date: add \"prepared: YYYY-MM-DD\" and \"last_reviewed: YYYY-MM-DD\" "
        "under \"accessibility:\" in site.yaml (it is reviewed every year)");
    if (!a.last_reviewed && a.prepared) {
        // Reviewing it means adding a review date, not changing when it was first prepared.
        statement.where = c.where("accessibility.last_reviewed");
        statement.update = "review it, then add \"last_reviewed:\" with the date under \"accessibility:\"";
    }
    trust.items.push_back(statement);

    // The duty to have a plan is each school's; the trust's own is optional.
    if (const auto& plan = *site.accessibility_plan)
        trust.items.push_back(plan_item(*plan, c.trust.name, today, "/accessibility-plan/"));

    // Which objectives are the trust's own follows from their files'
    // names: a page showing this is not made again when a school's
    // objective changes.
    std::vector<std::size_t> own;
    InputRecorder::note(site.objective_names);
    const auto& objectives = site.objectives.unrecorded();
    for (std::size_t i = 0; i < objectives.size(); ++i)
        if (objectives[i].trust_wide()) own.push_back(i);
    trust.overdue_work = overdue_among(site, own);
    add_plan_work(*site.accessibility_plan, today, trust.overdue_work);
    mark_dates_in_future(trust, today);
    return trust;
}

ReviewGroup review_school(const Site& site, std::size_t i) {
    const School& s = site.schools[i];
    const Date today = *site.today;
    const std::string page = "/schools/" + s.slug + "/";
    ReviewGroup g{s.name, i, {}, {}};

    // Equality information: the school's date, else the trust's.
    const bool own_information = s.information_updated.has_value();
    ReviewItem info = every_n_years(
        ReviewKind::information, own_information ? s.information_updated : site.config->information_updated,
        information_review_years, today, page + "#information", site.config->where("information_updated"),
        "the trust's equality information has no publication date: add \"information_updated: YYYY-MM-DD\" to "
        "site.yaml with the date it was last published (it must be updated at least once a year)");
    info.from_trust = !own_information && site.config->information_updated.has_value();
    // A school page with no equality information on it has published
    // none, whatever the date says.
    if (!s.source.empty() && trim(s.markdown).empty())
        info = not_published(ReviewKind::information, s.front_at,
                             s.name + " has no equality information on its page: write it in " + s.source +
                                 " below the front matter (what the school knows about its pupils and staff, and "
                                 "what that tells it); until then the page says it is not published");
    g.items.push_back(info);

    // Equality objectives: the school's own date; a school that only has
    // trust-wide objectives is covered by the trust's date.
    std::vector<std::size_t> own;
    for (std::size_t o : s.objectives)
        if (!site.objectives[o].trust_wide()) own.push_back(o);
    const bool trust_only = own.empty() && !s.objectives.empty();
    if (s.objectives.empty()) {
        // Nothing published, whatever date is given.
        g.items.push_back(not_published(
            ReviewKind::objectives, s.objectives_published ? s.objectives_published->where : school_file(s),
            s.name + " has no equality objectives" +
                (s.objectives_published ? std::string(" (its objectives_published date stands for nothing)") : "") +
                ": add them with \"eqsite new objective " + s.slug + " <name>\", or let trust-wide objectives apply "
                "to it"));
    } else if (s.objectives_published || !own.empty()) {
        g.items.push_back(every_n_years(
            ReviewKind::objectives, s.objectives_published, objectives_review_years, today, page + "#objectives",
            s.objectives_published_at,
            s.name + "'s equality objectives have no date: add \"objectives_published: YYYY-MM-DD\" to the front "
                     "matter of " + (s.source.empty() ? "its index.md" : s.source) +
                " with the date they were set (at least every four years)"));
    } else if (trust_only) {
        ReviewItem item = every_n_years(
            ReviewKind::trust_objectives, site.config->objectives_published, objectives_review_years, today,
            page + "#objectives", site.config->where("objectives_published"),
            "the trust-wide objectives have no date: add \"objectives_published: YYYY-MM-DD\" to site.yaml with "
            "the date they were set (objectives are set at least every four years)");
        item.from_trust = true;
        g.items.push_back(item);
    }

    if (s.accessibility_plan)
        g.items.push_back(plan_item(*s.accessibility_plan, s.name, today, page + "accessibility-plan/"));
    else
        g.items.push_back(not_published(
            ReviewKind::accessibility_plan, school_file(s),
            s.name + " has no accessibility plan (every school needs one under Schedule 10 to the Equality Act "
                     "2010): write it in content/schools/" + s.slug + "/accessibility-plan.md"));

    g.overdue_work = overdue_among(site, own);
    add_plan_work(s.accessibility_plan, today, g.overdue_work);
    mark_dates_in_future(g, *site.today);
    return g;
}

std::vector<ReviewGroup> review_dates(const Site& site) {
    std::vector<ReviewGroup> out{review_trust(site)};
    for (std::size_t i = 0; i < site.schools.size(); ++i) out.push_back(review_school(site, i));
    return out;
}

std::array<std::size_t, review_status_count> count_statuses(const std::vector<ReviewGroup>& groups) {
    std::array<std::size_t, review_status_count> counts{};
    for (const auto& g : groups)
        for (const auto& item : g.items) ++counts[static_cast<std::size_t>(item.status)];
    return counts;
}

namespace {

// Schools without a date of their own use the trust's, so one date can
// concern many schools: one message per date and problem, naming them all.
struct Finding {
    Location where;
    ReviewStatus status;
    std::string what;
    std::optional<Date> due;
    std::string fix;
    std::string update;
    std::vector<std::string> subjects;
};

std::string subjects_text(const std::vector<std::string>& subjects) {
    if (subjects.size() <= 4) return join_words(subjects);
    return subjects.front() + " and " + std::to_string(subjects.size() - 1) + " schools that use this date";
}

const AccessibilityPlan* plan_of(const Site& site, const ReviewGroup& g) {
    const auto& plan = g.school ? site.schools[*g.school].accessibility_plan : *site.accessibility_plan;
    return plan ? &*plan : nullptr;
}

void warn_action(const Action& a, Diagnostics& diags) {
    diags.warning(a.due->where, "this action was due " + a.due->value.on_form() +
                                    " and is not marked done, so it is shown as overdue; set \"status: done\" if "
                                    "it is, otherwise a new \"due\" date");
}

void warn_overdue_work(const Site& site, const ReviewGroup& g, Diagnostics& diags) {
    for (const auto& w : g.overdue_work) {
        if (!w.objective) {
            warn_action(plan_of(site, g)->actions[*w.action].action, diags);
            continue;
        }
        const Objective& o = site.objectives[*w.objective];
        if (w.action) {
            warn_action(o.actions[*w.action], diags);
            continue;
        }
        const std::string status = o.status ? "its status is \"" + std::string(slug(*o.status)) + "\""
                                            : "it has no status";
        diags.warning(o.due_at, "this objective was due " + o.due->date->on_form() + " and is not marked achieved (" +
                                    status + "), so it is shown as overdue; if it was achieved, set \"status: "
                                    "achieved\", otherwise set a new \"due\" date");
    }
}

}  // namespace

SiteSummary summarise(const Site& site, const std::vector<ReviewGroup>& groups) {
    static_assert(std::tuple_size_v<decltype(SiteSummary::review_counts)> == review_status_count);
    SiteSummary summary;
    summary.review_counts = count_statuses(groups);
    for (const auto& g : groups)
        for (const auto& w : g.overdue_work) ++(w.action ? summary.overdue_actions : summary.overdue_objectives);
    const auto& objectives = site.objectives.unrecorded();
    while (summary.trust_objectives < objectives.size() && objectives[summary.trust_objectives].trust_wide())
        ++summary.trust_objectives;
    for (const auto& school : site.schools.unrecorded()) {
        summary.schools_with_own_objectives +=
            std::any_of(school.objectives.begin(), school.objectives.end(),
                        [&](std::size_t o) { return !site.objectives.unrecorded()[o].trust_wide(); });
        summary.any_exclusions |= !school.excluded_trust_objectives.empty();
    }
    return summary;
}

void warn_review(const Site& site, const std::vector<ReviewGroup>& groups, Diagnostics& diags) {
    // A setting already reported as wrong (a date that is not a date) is
    // not reported again as missing.
    std::set<std::tuple<std::string, int, int>> errors;
    for (const auto& d : diags.all())
        if (d.severity == Severity::error) errors.emplace(d.where.file, d.where.line, d.where.column);
    std::vector<Finding> found;
    // Findings by place and problem, so each item is matched in one look
    // (a national trust has thousands: a search through all of them for
    // each item took a tenth of every preview rebuild).
    using Key = std::tuple<ReviewStatus, std::string, int, int, std::string>;
    std::map<Key, std::size_t> by_what, by_fix;
    auto same_finding = [&](const ReviewItem& item) -> std::optional<std::size_t> {
        std::optional<std::size_t> first;
        auto look = [&](const std::map<Key, std::size_t>& in, const std::string& text) {
            const auto it = in.find({item.status, item.where.file, item.where.line, item.where.column, text});
            if (it != in.end() && (!first || it->second < *first)) first = it->second;
        };
        look(by_what, item.what);
        if (!item.fix.empty()) look(by_fix, item.fix);
        return first;
    };
    for (const auto& group : groups) {
        // A school folder without index.md is an error already; its dates
        // cannot be anywhere.
        if (group.school && site.schools[*group.school].source.empty()) continue;
        for (const auto& item : group.items) {
            if (item.status == ReviewStatus::up_to_date) continue;
            if (errors.count({item.where.file, item.where.line, item.where.column})) continue;
            if (const auto same = same_finding(item)) {
                found[*same].subjects.push_back(group.subject);
                continue;
            }
            const Location& at = item.where;
            by_what.try_emplace({item.status, at.file, at.line, at.column, item.what}, found.size());
            if (!item.fix.empty()) by_fix.try_emplace({item.status, at.file, at.line, at.column, item.fix}, found.size());
            found.push_back({item.where, item.status, item.what, item.due, item.fix, item.update, {group.subject}});
        }
        warn_overdue_work(site, group, diags);
    }
    for (const auto& f : found) {
        const std::string who = subjects_text(f.subjects);
        switch (f.status) {
            case ReviewStatus::overdue:
                diags.warning(f.where, who + ": " + f.what + ": the review was due " + f.due->on_form() +
                                           " and is overdue (today is " + site.today->long_form() + "); " +
                                           f.update);
                break;
            case ReviewStatus::due_soon:
                diags.note(f.where, who + ": " + f.what + " is due for review " + f.due->on_form() + ", within " +
                                        std::to_string(due_soon_days) + " days");
                break;
            case ReviewStatus::no_date:
            case ReviewStatus::not_published: diags.warning(f.where, f.fix); break;
            case ReviewStatus::up_to_date:
            case ReviewStatus::date_in_future: break;  // warned below, at the date
        }
    }
    // A date after today (a mistyped year) would make an item look up to
    // date for years.
    std::set<std::tuple<std::string, int, int>> warned_future;
    auto future = [&](const Date& d, const Location& at, const std::string& what) {
        if (!(*site.today < d) || !warned_future.emplace(at.file, at.line, at.column).second) return;
        diags.warning(at, what + " is " + d.long_form() + ", after today (" + site.today->long_form() +
                              "): check the year; until then the page says the date is in the future");
    };
    for (const auto& group : groups)
        for (const auto& item : group.items)
            if (item.last && item.last_at) future(*item.last, *item.last_at, "the date of the " + to_lower_ascii(item.what));
    const auto& c = *site.config;
    if (c.policy.approved_on) future(*c.policy.approved_on, c.where("policy.approved_on"), "the date of approval");
    if (c.policy.last_reviewed) future(c.policy.last_reviewed->value, c.policy.last_reviewed->where, "the date of review");
    for (const auto& signatory : c.policy.signatories)
        if (signatory.date) future(*signatory.date, c.where("policy.signatories"), "the date " + signatory.name + " signed");
    if (c.accessibility.last_tested)
        future(*c.accessibility.last_tested, c.where("accessibility.last_tested"), "the date of the last test");
    if (c.accessibility.prepared)
        future(c.accessibility.prepared->value, c.accessibility.prepared->where, "the date the statement was prepared");

    // A review date years beyond the last review says the policy is up to
    // date long after anyone looked at it.
    const std::optional<Date> policy_last =
        c.policy.last_reviewed ? std::optional<Date>(c.policy.last_reviewed->value) : c.policy.approved_on;
    if (c.policy.review_due && policy_last && policy_last->plus_years(objectives_review_years) < c.policy.review_due->value)
        diags.warning(c.policy.review_due->where,
                      "the \"" + c.policy.title + "\" is due for review on " + c.policy.review_due->value.long_form() +
                          ", more than " + std::to_string(objectives_review_years) + " years after it was last " +
                          (c.policy.last_reviewed ? "reviewed" : "approved") + " (" + policy_last->long_form() +
                          "); check the year, or review it sooner (the page shows it as up to date until then)");

    // Approval is a claim only the author can make.
    if (!site.policy->empty() && !site.config->policy.approved_by && !site.config->policy.approved_on)
        diags.warning(site.config->where("policy.approved_by"), "the \"" + site.config->policy.title +
                                     "\" does not say who approved it or when; the page says so until you add "
                                     "\"approved_by:\" (the body, e.g. Board of Trustees) and \"approved_on:\" "
                                     "under \"policy:\" in site.yaml");
}

}  // namespace eqsite
