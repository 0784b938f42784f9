// The typed, validated model of one trust's site. Built by load_site()
// (model/build_site.cpp) from what load/ read; rendered by render/.
//
// Objectives live in one vector; schools and the indexes refer to them by
// position, so there is exactly one copy of each.
#pragma once

#include <array>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "load/fields.hpp"
#include "model/disclosure.hpp"
#include "model/recorded.hpp"
#include "model/vocabulary.hpp"
#include "util/date.hpp"

namespace eqsite {

// Who signed a document, as the document gives it.
struct Signatory {
    std::string name;
    std::optional<std::string> role;  // "Chief Executive Officer"
    std::optional<Date> date;
};

struct SiteConfig {
    bool read = false;  // site.yaml was found and parsed
    struct Trust {
        std::string name;
        std::string url;  // absolute, no trailing slash
        std::optional<std::string> contact_email;
        std::optional<std::string> logo;  // path under static/, e.g. static/logo.svg
        std::optional<std::string> logo_alt;
    } trust;
    std::string language = "en-GB";
    std::string theme = "default";
    std::optional<Date> today;
    // The trust's equality policy (or charter, or PSED statement): what it
    // is called and who approved it. Nothing here has a default that
    // claims anything: an unset approval is shown as not recorded.
    struct Policy {
        std::string title = "Equality policy";  // page heading and navigation label (in messages)
        bool title_given = false;               // written in site.yaml; else the theme's words are shown
        std::optional<std::string> strapline;   // one sentence under the heading
        std::optional<std::string> approved_by;  // a body: "Board of Trustees"
        std::optional<Date> approved_on;
        std::vector<Signatory> signatories;
        std::optional<Located<Date>> last_reviewed;
        std::optional<Located<Date>> review_due;
    } policy;
    std::optional<Located<Date>> information_updated;   // the trust's equality information
    std::optional<Located<Date>> objectives_published;  // when the trust-wide objectives were set
    struct Suppression {
        int threshold = 5;
        int staff_threshold = 10;
    } suppression;
    // The website's accessibility statement (GOV.UK model statement).
    struct Accessibility {
        std::optional<Compliance> compliance;  // required; unset: the statement says it is not stated
        std::optional<Located<Date>> prepared;
        std::optional<Located<Date>> last_reviewed;  // `statement_reviewed` in the original format
        std::optional<Date> last_tested;
        std::optional<std::string> tested_by;
        std::optional<std::string> method;
        std::optional<std::string> contact_email;
        std::optional<int> response_days;  // how soon a request for another format is answered
        std::vector<std::string> known_issues;
    } accessibility;
    struct Markdown {
        bool unsafe_html = false;
    } markdown;
    // Scripts the author asks for (EXTENSION); without them a page has none.
    struct Scripts {
        bool school_filter = false;  // the home page's "Find your school" box
        bool print_date = false;     // a printed page says the day it was printed
    } scripts;

    // Where each statutory setting is, or would go: the key if it is
    // written (even empty), else its section, else the top of site.yaml.
    // Keyed by dotted name ("policy.review_due"); for warnings that say
    // what to fill in.
    std::map<std::string, Location> setting_at;
    Location where(const std::string& dotted) const {
        if (const auto it = setting_at.find(dotted); it != setting_at.end()) return it->second;
        const auto dot = dotted.rfind('.');
        if (dot != std::string::npos) return where(dotted.substr(0, dot));
        return Location{"site.yaml", 1, 1};
    }
};

// Text that a page shows, with its Markdown source kept until render time.
struct Text {
    std::string title;
    std::string summary;
    std::string markdown;
    std::string source;  // site-relative path, or "(built-in) content/..."
};

struct PolicySection {
    std::string slug;
    std::string title;
    long long weight = 0;
    std::string markdown;
    std::string source;
};

struct Action {
    std::string text;
    std::optional<std::string> owner;
    std::optional<Located<Date>> due;
    std::optional<ActionStatus> status;  // unset: the author gave none, and none is shown
};

struct ProgressNote {
    Date date;
    std::string note;
};

// When an objective is due: a date, or `ongoing` (no end date).
struct Deadline {
    std::optional<Date> date;  // nullopt means ongoing
};

struct Objective {
    std::string slug;
    std::string source;                  // site-relative path of the .md file
    std::optional<std::size_t> school;   // index into Site::schools; nullopt = trust-wide
    // Its file's input id (model/recorded.hpp), given once and kept with
    // the cached read: a national trust's 100 000 names are not looked up
    // again on every preview rebuild.
    std::optional<InputId> input;
    std::string title;
    std::vector<Aim> aims;               // canonical order, no duplicates
    bool all_aims = false;
    std::vector<Characteristic> characteristics;
    bool all_characteristics = false;
    std::vector<std::string> target_groups;
    std::optional<std::string> why;
    std::vector<std::string> owners;
    std::optional<Date> start;
    std::optional<Deadline> due;
    Location due_at;                     // the `due` value, for warnings
    std::optional<ObjectiveStatus> status;
    std::optional<Audience> about;
    std::vector<std::string> measures;
    std::vector<Action> actions;
    std::vector<ProgressNote> progress;
    std::string markdown;
    // Written by `eqsite import` from a school's plan ("plan.xlsx:Sheet1!A5").
    std::optional<std::string> imported_from;

    bool trust_wide() const { return !school.has_value(); }
    // Past its due date and not achieved: shown as overdue whatever the
    // status says.
    bool overdue(Date today) const {
        return due && due->date && *due->date < today && status != ObjectiveStatus::achieved;
    }
};

inline bool overdue(const Action& a, Date today) {
    return a.due && a.due->value < today && a.status != ActionStatus::done;
}

// An accessibility plan (Equality Act 2010, Schedule 10): how a school
// will improve access for disabled pupils over three years. Not to be
// confused with the website's accessibility statement.
struct AccessibilityPlan {
    std::string source;  // content/.../accessibility-plan.md
    std::string title;   // as written, else "Accessibility plan" (for messages)
    bool title_given = false;  // written in the front matter; else the theme's words are shown
    Location front_at;   // where to add settings
    std::optional<Located<Date>> published;
    Location published_at;  // the setting, or where it would go
    std::optional<Located<Date>> review_due;  // unset: three years after published
    std::optional<std::string> approved_by;
    struct PlanAction {
        PlanStrand strand;
        Action action;
    };
    std::vector<PlanAction> actions;
    std::string markdown;
    // Which strands the plan covers, by an action or a section heading.
    std::array<bool, plan_strand_count> covers{};
};

struct School {
    std::string slug;
    std::string source;  // content/schools/<slug>/index.md
    std::string name;
    std::optional<std::string> urn;
    std::optional<Phase> phase;
    std::optional<std::string> headteacher;
    std::optional<std::string> equality_lead;
    std::optional<std::string> brand_colour;  // "#rrggbb"
    std::optional<std::string> logo;          // file name in the school folder
    std::string logo_alt;
    std::optional<std::string> website;
    std::optional<Located<Date>> objectives_published;
    Location objectives_published_at;  // the setting, or where it would go
    std::optional<Located<Date>> information_updated;  // defaults to the trust's
    std::vector<Located<std::string>> excluded_trust_objectives;
    std::string markdown;
    Location front_at;  // the front matter, where missing settings belong
    std::optional<AccessibilityPlan> accessibility_plan;
    // Objectives shown on this school's page: the trust's (minus exclusions)
    // then the school's own, each group in file-name order.
    std::vector<std::size_t> objectives;
    // This school's data: which of Site::tables, and which of its grids.
    struct TableRef {
        std::size_t table;
        std::size_t grid;  // index into PublishedTable::schools
    };
    std::vector<TableRef> tables;
};

// Built-in statutory text (repository content/), overridable per site.
struct Statutory {
    Text duty;
    Text equality_information;
    std::array<Text, aim_count> aims;
    std::array<Text, characteristic_count> characteristics;
};

// A file copied to the output unchanged.
struct CopiedFile {
    std::filesystem::path from;
    std::string to;  // output-relative path with '/'
};

// The objectives' statuses as /objectives/ filters by them: the status the
// author gave, unless the due date has passed first ("overdue"), and
// "no-status" for an objective without one.
inline constexpr std::array<std::string_view, 7> status_filters = {"overdue",  "at-risk",  "on-track", "not-started",
                                                                   "ongoing",  "achieved", "no-status"};
inline std::size_t status_filter(const Objective& o, Date today) {
    if (o.overdue(today)) return 0;
    if (!o.status) return status_filters.size() - 1;
    const std::string_view s = slug(*o.status);
    for (std::size_t i = 1; i + 1 < status_filters.size(); ++i)
        if (status_filters[i] == s) return i;
    return status_filters.size() - 1;
}

// Figures about the whole site that summary pages show (the home page and
// the first /review/ page). They are worked out once, as the model is
// built, from every school and objective; their fingerprint is the figures
// themselves, so an edit that leaves them as they were does not make every
// summary page render again.
struct SiteSummary {
    std::array<std::size_t, 6> review_counts{};  // statutory items by ReviewStatus (model/review.hpp)
    std::size_t overdue_objectives = 0, overdue_actions = 0;  // actions of objectives and of plans
    std::size_t schools_with_own_objectives = 0;
    std::size_t trust_objectives = 0;  // the first this many of Site::objectives are trust-wide
    bool any_exclusions = false;  // a school leaves out a trust-wide objective
    std::optional<Date> last_updated;  // of pages that gather the whole site (model/last_updated.hpp)
};

// Every part a page can read is Recorded (model/recorded.hpp): reading it
// notes its input id while a page renders, so the preview server knows
// which pages an edit concerns. `inputs` holds each id's fingerprint.
struct Site {
    std::filesystem::path root;
    Recorded<SiteConfig> config;
    Recorded<Date> today;
    Recorded<Text> home;
    Recorded<std::vector<PolicySection>> policy;  // weight order, then file name
    Recorded<std::optional<AccessibilityPlan>> accessibility_plan;  // the trust's own, if it has one
    RecordedList<School> schools;        // slug order
    RecordedList<Objective> objectives;  // trust-wide first, then by school
    // The objectives' file names, in order: all their addresses are made
    // of (with their schools'). The page plan reads this rather than each
    // objective, so editing what an objective says does not plan again.
    InputId objective_names = 0;
    std::array<Recorded<std::vector<std::size_t>>, aim_count> by_aim;
    std::array<Recorded<std::vector<std::size_t>>, characteristic_count> by_characteristic;
    std::array<Recorded<std::vector<std::size_t>>, status_filters.size()> by_status;  // see status_filter()
    Recorded<Statutory> statutory;
    Recorded<SiteSummary> summary;
    std::vector<CopiedFile> copied_files;
    // Data tables as published: suppression already applied, so the source
    // figures are not kept in the model at all. File-name order.
    Recorded<std::vector<PublishedTable>> tables;
    InputTable inputs;  // the fingerprint of each input id above
};

// How many objectives the site has, read as their names: a page that
// shows the count is not made again when what an objective says changes.
inline std::size_t objective_count(const Site& site) {
    InputRecorder::note(site.objective_names);
    return site.objectives.unrecorded().size();
}

}  // namespace eqsite
