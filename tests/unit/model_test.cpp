#include <catch2/catch.hpp>

#include "model/build_site.hpp"
#include "model/review.hpp"
#include "support.hpp"

using namespace eqsite;
using namespace eqsite::test;

namespace {
std::vector<std::string> lines(const Diagnostics& d) {
    std::vector<std::string> out;
    for (const auto& x : d.sorted()) out.push_back(format_diagnostic(x));
    return out;
}

// A trust with two trust objectives and two schools; `b` excludes one.
void write_two_schools(const fs::path& root) {
    write_minimal_site(root);
    date_trust_objectives(root);
    write(root / "content/trust/objectives/close-gap.md", objective("Close the gap"));
    write(root / "content/trust/objectives/careers.md", objective("Careers for all"));
    write_complete_school(root, "a-school", "A School");
    write(root / "content/schools/a-school/objectives/reading.md", objective("Reading"));
    write_complete_school(root, "b-school", "B School");
    write(root / "content/schools/b-school/index.md",
          "---\nname: B School\nexclude_trust_objectives: [careers]\nobjectives_published: 2025-09-01\n---\n");
    write(root / "content/schools/b-school/objectives/play.md", objective("Play"));
}
}  // namespace

TEST_CASE("trust objectives appear on every school unless excluded, school objectives on their own school") {
    TempDir dir;
    write_two_schools(dir.path());
    Diagnostics d;
    Site site = load_site(dir.path(), {}, d);
    REQUIRE_FALSE(d.has_errors());
    REQUIRE(site.schools.size() == 2);
    auto titles = [&](const School& s) {
        std::vector<std::string> t;
        for (auto i : s.objectives) t.push_back(site.objectives[i].title);
        return t;
    };
    // Trust objectives first (file-name order), then the school's own.
    CHECK(titles(site.schools[0]) == std::vector<std::string>{"Careers for all", "Close the gap", "Reading"});
    CHECK(titles(site.schools[1]) == std::vector<std::string>{"Close the gap", "Play"});
    CHECK(site.by_aim[static_cast<std::size_t>(Aim::advance_equality)]->size() == 4);
    CHECK(site.by_characteristic[static_cast<std::size_t>(Characteristic::disability)]->size() == 4);
    CHECK(site.by_characteristic[static_cast<std::size_t>(Characteristic::race)]->empty());
}

TEST_CASE("an exclusion naming no trust objective is an error with a suggestion") {
    TempDir dir;
    write_two_schools(dir.path());
    write(dir.path() / "content/schools/b-school/index.md",
          "---\nname: B School\nexclude_trust_objectives: [carers]\nobjectives_published: 2025-09\n---\nAbout us.\n");
    Diagnostics d;
    load_site(dir.path(), {}, d);
    CHECK(lines(d) == std::vector<std::string>{
                          "content/schools/b-school/index.md:3:28: error: \"carers\" is not a trust objective; did "
                          "you mean \"careers\"? Trust objectives are named after their files: careers, close-gap"});
}

TEST_CASE("policy sections are ordered by weight, then by file name") {
    TempDir dir;
    write_minimal_site(dir.path());
    const fs::path p = dir.path() / "content/trust/policy";
    fs::remove(p / "policy.md");
    write(p / "zeta.md", "---\ntitle: Zeta\nweight: 10\n---\n");
    write(p / "alpha.md", "---\ntitle: Alpha\nweight: 20\n---\n");
    write(p / "beta.md", "---\ntitle: Beta\nweight: 10\n---\n");
    write(p / "none.md", "---\ntitle: No weight\n---\n");
    Diagnostics d;
    Site site = load_site(dir.path(), {}, d);
    REQUIRE_FALSE(d.has_errors());
    std::vector<std::string> order;
    for (const auto& s : *site.policy) order.push_back(s.title);
    CHECK(order == std::vector<std::string>{"No weight", "Beta", "Zeta", "Alpha"});
}

TEST_CASE("objective fields are read into typed values") {
    TempDir dir;
    write_minimal_site(dir.path());
    date_trust_objectives(dir.path());
    write(dir.path() / "content/trust/objectives/full.md",
          "---\ntitle: Full\naims: [all]\ncharacteristics: [race, Disability, race]\nstatus: at-risk\n"
          "due: ongoing\nstart: 2024-09-01\nabout: staff\nowner: Head\nactions:\n  - text: Do it\n    status: done\n"
          "progress:\n  - date: 2025-01-02\n    note: Later\n  - date: 2024-12-01\n    note: Earlier\n---\n");
    Diagnostics d;
    Site site = load_site(dir.path(), {}, d);
    REQUIRE(lines(d).empty());
    const Objective& o = site.objectives.at(0);
    CHECK(o.all_aims);
    CHECK(o.aims.size() == 3);
    CHECK(o.characteristics == std::vector<Characteristic>{Characteristic::disability, Characteristic::race});
    CHECK(o.status == ObjectiveStatus::at_risk);
    REQUIRE(o.due);
    CHECK_FALSE(o.due->date);  // ongoing
    CHECK(o.owners == std::vector<std::string>{"Head"});
    CHECK(o.actions.at(0).status == ActionStatus::done);
    CHECK(o.progress.at(0).note == "Earlier");
}

TEST_CASE("a due date before the start is an error") {
    TempDir dir;
    write_minimal_site(dir.path());
    date_trust_objectives(dir.path());
    write(dir.path() / "content/trust/objectives/x.md", objective("X", "start: 2025-01-01\ndue: 2024-01-01\nstatus: achieved\n"));
    Diagnostics d;
    load_site(dir.path(), {}, d);
    CHECK(lines(d) == std::vector<std::string>{"content/trust/objectives/x.md:6:6: error: \"due\" (2024-01-01) is "
                                               "before \"start\" (2025-01-01); check both dates"});
}

TEST_CASE("review dates: objectives every 4 years, information yearly, each status from a date") {
    TempDir dir;
    write_minimal_site(dir.path());
    write(dir.path() / "site.yaml",
          std::string("trust:\n  name: T\n  url: https://t.example\ntoday: 2026-09-01\ninformation_updated: 2025-09-30\n"
                      "policy:\n  approved_by: Board\n  approved_on: 2022-09-01\n  review_due: 2026-08-31\n"
                      "accessibility:\n  compliance: fully\n  last_reviewed: 2026-03-01\n  last_tested: 2026-02-01\n"));
    write(dir.path() / "content/schools/old/index.md", "---\nname: Old School\nobjectives_published: 2022-08-31\n---\nAbout us.\n");
    write(dir.path() / "content/schools/old/objectives/a.md", objective("A"));
    write(dir.path() / "content/schools/new/index.md",
          "---\nname: New School\nobjectives_published: 2022-09\ninformation_updated: 2024-08-01\n---\nAbout us.\n");
    write(dir.path() / "content/schools/new/objectives/b.md", objective("B"));
    write(dir.path() / "content/schools/new/accessibility-plan.md",
          "---\npublished: 2023-10-20\n---\n## Curriculum\n## Physical environment\n## Information\n");
    Diagnostics d;
    Site site = load_site(dir.path(), {}, d);
    const auto groups = review_dates(site);
    REQUIRE(groups.size() == 3);
    const auto& trust = groups[0].items;
    REQUIRE(trust.size() == 3);  // no trust objectives and no trust plan: not listed
    CHECK(trust[0].what == "Equality information");
    CHECK(trust[0].status == ReviewStatus::due_soon);      // due 2026-09-30, 29 days away
    CHECK(trust[1].what == "Equality policy");
    CHECK(trust[1].status == ReviewStatus::overdue);       // review_due 2026-08-31 < today
    CHECK(trust[1].last == Date{2022, 9, 1});
    CHECK(trust[2].what == "Accessibility statement");
    CHECK(trust[2].status == ReviewStatus::up_to_date);    // due 2027-03-01
    const auto& fresh = groups[1];
    CHECK(fresh.subject == "New School");
    CHECK(fresh.items[0].status == ReviewStatus::overdue);          // own information date, two years old
    CHECK(fresh.items[1].due == Date{2026, 9, 30});                 // a month: its last day, four years on
    CHECK(fresh.items[1].status == ReviewStatus::due_soon);
    CHECK(fresh.items[2].what == "Accessibility plan");
    CHECK(fresh.items[2].due == Date{2026, 10, 20});                // three years on
    const auto& old = groups[2];
    CHECK(old.items[0].from_trust);                                  // the trust's information date
    CHECK(old.items[1].status == ReviewStatus::overdue);            // objectives due 2026-08-31
    CHECK(old.items[2].status == ReviewStatus::not_published);      // no accessibility plan
    CHECK(d.error_count() == 0);

    // A school page with no equality information text has published none,
    // whatever date applies to it.
    write(dir.path() / "content/schools/old/index.md", "---\nname: Old School\nobjectives_published: 2022-08-31\n---\n\n");
    Diagnostics again;
    const auto empty = review_dates(load_site(dir.path(), {}, again));
    CHECK(empty[2].items[0].status == ReviewStatus::not_published);
    const auto said = lines(again);
    CHECK(std::any_of(said.begin(), said.end(), [](const std::string& l) { return has(l, "Old School has no equality information on its page"); }));
}

TEST_CASE("review dates: a date after today is 'date in the future', never up to date, and every such date is warned of") {
    TempDir dir;
    write_minimal_site(dir.path());
    write(dir.path() / "site.yaml",
          std::string("trust:\n  name: T\n  url: https://t.example\ntoday: 2026-09-01\ninformation_updated: 2099-09-30\n"
                      "policy:\n  approved_by: Board\n  approved_on: 2099-09-12\n  last_reviewed: 2025-09-01\n"
                      "  review_due: 2078-01-01\n  signatories:\n    - name: Ann Chair\n      date: 2098-09-01\n"
                      "accessibility:\n  compliance: fully\n  prepared: 2098-10-02\n  last_reviewed: 2025-10-15\n"
                      "  last_tested: 2026-02-01\n"));
    Diagnostics d;
    Site site = load_site(dir.path(), {}, d);
    const auto groups = review_dates(site);
    const auto& trust = groups.at(0).items;
    REQUIRE(trust.size() == 3);
    CHECK(trust[0].status == ReviewStatus::date_in_future);  // equality information dated 2099
    CHECK(trust[1].status == ReviewStatus::up_to_date);      // the policy: reviewed 2025, due 2078 (warned below)
    warn_review(site, groups, d);
    const auto warned = [&](const std::string& text) {
        return std::any_of(d.all().begin(), d.all().end(), [&](const Diagnostic& x) {
            return x.severity == Severity::warning && x.message.find(text) != std::string::npos;
        });
    };
    CHECK(warned("the date of the equality information is 30 September 2099, after today"));
    CHECK(warned("the date of approval is 12 September 2099, after today"));  // even with last_reviewed
    CHECK(warned("the date Ann Chair signed is"));
    CHECK(warned("the date the statement was prepared is 2 October 2098"));
    CHECK(warned("is due for review on 1 January 2078, more than 4 years after it was last reviewed"));
}

TEST_CASE("an approver that names no one is not recorded, and no contact for the statement is a warning") {
    for (const std::string word : {"no", "N/A", "TBC", "-", "false"}) {
        INFO(word);
        TempDir dir;
        write_minimal_site(dir.path());
        std::string yaml = read(dir.path() / "site.yaml");
        yaml.replace(yaml.find("Board of Trustees"), 17, "\"" + word + "\"");
        yaml.replace(yaml.find("  contact_email: access@test.example\n"), 37, "");
        write(dir.path() / "site.yaml", yaml);
        Diagnostics d;
        Site site = load_site(dir.path(), {}, d);
        CHECK_FALSE(site.config->policy.approved_by);  // the page says approval is not recorded
        const auto said = lines(d);
        CHECK(std::any_of(said.begin(), said.end(), [&](const std::string& l) {
            return has(l, "\"approved_by: " + word + "\" names no one");
        }));
        CHECK(std::any_of(said.begin(), said.end(), [](const std::string& l) {
            return has(l, "warning: the accessibility statement gives no way to contact the trust");
        }));
    }
}

TEST_CASE("who tested the site, without a date of the test, is a warning, and a school has no trust date when the trust has none") {
    TempDir dir;
    write_minimal_site(dir.path());
    std::string yaml = read(dir.path() / "site.yaml");
    yaml.replace(yaml.find("  last_tested: 2026-02-20\n"), 25, "  tested_by: Access Audits Ltd\n");
    yaml.replace(yaml.find("information_updated: 2026-01-15\n"), 32, "");
    write(dir.path() / "site.yaml", yaml);
    write(dir.path() / "content/schools/oak/index.md", "---\nname: Oak School\n---\nAbout us.\n");
    Diagnostics d;
    Site site = load_site(dir.path(), {}, d);
    const auto said = lines(d);
    CHECK(std::any_of(said.begin(), said.end(), [](const std::string& l) {
        return has(l, "warning: the statement does not show \"tested_by\" until it can say when the test was");
    }));
    const auto groups = review_dates(site);
    REQUIRE(groups.size() == 2);
    CHECK(groups[1].items[0].status == ReviewStatus::no_date);
    CHECK_FALSE(groups[1].items[0].from_trust);  // not "No date given (the trust's date)"
}

TEST_CASE("a compliance setting of the wrong shape is one error, not also a missing setting") {
    for (const std::string value : {"[]", "{}"}) {
        INFO(value);
        TempDir dir;
        write_minimal_site(dir.path());
        std::string yaml = read(dir.path() / "site.yaml");
        yaml.replace(yaml.find("compliance: fully"), 17, "compliance: " + value);
        write(dir.path() / "site.yaml", yaml);
        Diagnostics d;
        load_site(dir.path(), {}, d);
        const auto said = lines(d);
        CHECK(std::count_if(said.begin(), said.end(), [](const std::string& l) { return has(l, "compliance"); }) == 1);
        CHECK(d.error_count() == 1);
    }
}

TEST_CASE("today comes from site.yaml, then --today, then the clock") {
    TempDir dir;
    write_minimal_site(dir.path());
    Diagnostics d;
    CHECK(*load_site(dir.path(), {Date{2030, 1, 1}}, d).today == Date{2026, 9, 1});
    write(dir.path() / "site.yaml", "trust:\n  name: T\n  url: https://t.example\n");
    CHECK(*load_site(dir.path(), {Date{2030, 1, 1}}, d).today == Date{2030, 1, 1});
    CHECK(*load_site(dir.path(), {}, d).today == today_from_clock());
}

TEST_CASE("site-wide overrides of built-in statutory text win") {
    TempDir dir;
    write_minimal_site(dir.path());
    Diagnostics d;
    Site builtin = load_site(dir.path(), {}, d);
    CHECK(builtin.statutory->characteristics[5].title == "Race");
    write(dir.path() / "content/characteristics/race.md", "---\ntitle: Race (our words)\n---\nOurs.\n");
    Site overridden = load_site(dir.path(), {}, d);
    CHECK(overridden.statutory->characteristics[5].title == "Race (our words)");
    CHECK(overridden.statutory->characteristics[5].markdown == "Ours.\n");
    CHECK_FALSE(d.has_errors());
}

TEST_CASE("dot and underscore files are ignored") {
    TempDir dir;
    write_minimal_site(dir.path());
    write(dir.path() / "content/trust/objectives/_draft.md", "not even front matter");
    write(dir.path() / "content/trust/objectives/.hidden.md", "nor this");
    write(dir.path() / "content/schools/_template/index.md", "nor this");
    Diagnostics d;
    Site site = load_site(dir.path(), {}, d);
    CHECK(lines(d).empty());
    CHECK(site.objectives.empty());
    CHECK(site.schools.empty());
}
