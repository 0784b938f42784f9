// Every sentence about compliance comes from a value the author wrote;
// where the value is missing the page says so and the build warns
// (issue 10). Each case builds a fixture of tests/sites/claims-* (or a
// fresh scaffold) and checks the exact published sentences; the exact
// warnings of the fixtures are in their expected.txt (fixtures_test.cpp).
#include <catch2/catch.hpp>

#include <regex>
#include <sstream>

#include <nlohmann/json.hpp>

#include "integration/run.hpp"

using namespace eqsite::test;

namespace {

// The text a reader sees in a page's <main>: tags dropped, entities
// decoded, white space collapsed.
std::string main_text(const std::string& html) {
    const auto from = html.find("<main"), to = html.find("</main>");
    std::string s = html.substr(from, to - from);
    s = std::regex_replace(s, std::regex("<[^>]*>"), " ");
    for (const auto& [entity, ch] : std::vector<std::pair<std::string, std::string>>{
             {"&amp;", "&"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&apos;", "'"}, {"&lt;", "<"}, {"&gt;", ">"}})
        for (auto at = s.find(entity); at != std::string::npos; at = s.find(entity, at + ch.size()))
            s.replace(at, entity.size(), ch);
    s = std::regex_replace(s, std::regex("\\s+"), " ");
    s = std::regex_replace(s, std::regex(" ([.,:;)])"), "$1");
    return s;
}

// Builds tests/sites/<name> on 1 September 2026 and returns its pages.
struct Built {
    Run run;
    std::map<std::string, std::string> files;
    std::string text(const std::string& page) const {
        const auto it = files.find(page);
        REQUIRE(it != files.end());
        return main_text(it->second);
    }
};

Built build_site(const fs::path& site) {
    static TempDir scratch;
    static int n = 0;
    const fs::path out = scratch.path() / std::to_string(++n);
    Built b;
    b.run = run_eqsite("build " + quote(site.string()) + " -o " + quote(out.string()) + " --today 2026-09-01");
    INFO(b.run.err);
    REQUIRE(b.run.exit_code == 0);
    b.files = read_tree(out);
    return b;
}

Built build_fixture(const std::string& name) { return build_site(source_dir() / "tests/sites" / name); }

std::vector<std::string> warnings_of(const std::string& printed) {
    std::vector<std::string> out;
    std::istringstream in(printed);
    for (std::string line; std::getline(in, line);)
        if (line.find(": warning: ") != std::string::npos || line.find(": error: ") != std::string::npos)
            out.push_back(line);
    return out;
}

const std::string placeholder_warning =
    ": warning: placeholder text from \"eqsite new\" is still here and would be published: replace it with your own "
    "words";

}  // namespace

TEST_CASE("an untouched new site and new school claim nothing, and warn once per unfilled item") {
    TempDir dir;
    const fs::path site = dir.path() / "trust";
    REQUIRE(run_eqsite("new site " + quote(site.string())).exit_code == 0);
    REQUIRE(run_in(site, "new school oak-primary").exit_code == 0);
    const Built b = build_site(site);
    CHECK(warnings_of(b.run.err) == std::vector<std::string>{
        "content/schools/oak-primary/accessibility-plan.md:3:1: warning: Oak Primary's accessibility plan has no "
        "date: add \"published: YYYY-MM-DD\" to its front matter with the date it was published (plans run for three "
        "years)",
        "content/schools/oak-primary/accessibility-plan.md:7:1" + placeholder_warning,
        "content/schools/oak-primary/accessibility-plan.md:11:1" + placeholder_warning,
        "content/schools/oak-primary/accessibility-plan.md:15:1" + placeholder_warning,
        "content/schools/oak-primary/accessibility-plan.md:19:1" + placeholder_warning,
        "content/schools/oak-primary/index.md:11:1" + placeholder_warning,
        "content/trust/index.md:5:1" + placeholder_warning,
        "content/trust/objectives/example-objective.md:2:8" + placeholder_warning,
        "content/trust/objectives/example-objective.md:6:6" + placeholder_warning,
        "content/trust/objectives/example-objective.md:12:5" + placeholder_warning,
        "content/trust/objectives/example-objective.md:14:11" + placeholder_warning,
        "content/trust/objectives/example-objective.md:19:1" + placeholder_warning,
        "content/trust/policy/our-duties.md:5:1" + placeholder_warning,
        "site.yaml:3:9" + placeholder_warning,
        "site.yaml:4:25: warning: \"your-trust.example\" is the made-up address from \"eqsite new\" and would be "
        "published: write the real one",
        "site.yaml:5:27: warning: \"your-trust.example\" is the made-up address from \"eqsite new\" and would be "
        "published: write the real one",
        "site.yaml:11:1: warning: the trust's equality information has no publication date: add "
        "\"information_updated: YYYY-MM-DD\" to site.yaml with the date it was last published (it must be updated at "
        "least once a year)",
        "site.yaml:12:1: warning: the trust-wide objectives have no date: add \"objectives_published: YYYY-MM-DD\" to "
        "site.yaml with the date they were set (objectives are set at least every four years)",
        "site.yaml:17:3: warning: the \"Equality policy\" does not say who approved it or when; the page says so until "
        "you add \"approved_by:\" (the body, e.g. Board of Trustees) and \"approved_on:\" under \"policy:\" in "
        "site.yaml",
        "site.yaml:19:3: warning: the \"Equality policy\" has no review date: add \"review_due: YYYY-MM-DD\" under "
        "\"policy:\" in site.yaml",
        "site.yaml:30:3: warning: the accessibility statement cannot say how far this website meets WCAG 2.2 AA: add "
        "\"compliance:\" under \"accessibility:\" with fully, partially or not (the page says that the status has not "
        "been stated until you do)",
        "site.yaml:31:3: warning: the accessibility statement has no date: add \"prepared: YYYY-MM-DD\" and "
        "\"last_reviewed: YYYY-MM-DD\" under \"accessibility:\" in site.yaml (it is reviewed every year)",
        "site.yaml:33:3: warning: the accessibility statement cannot say when this website was last tested: add "
        "\"last_tested:\" under \"accessibility:\" with the date of the last test, and \"tested_by:\" with who "
        "tested it",
    });

    const std::string policy = b.text("policy/index.html");
    CHECK(has(policy, "Approval Not recorded: this page does not say who approved the document or when."));
    CHECK(has(policy, "Next review due Not recorded"));
    CHECK_FALSE(has(policy, "Approved by"));
    const std::string statement = b.text("accessibility/index.html");
    CHECK(has(statement, "has not yet stated how far this website complies with the Web Content Accessibility "
                         "Guidelines (WCAG) version 2.2 AA standard."));
    CHECK(has(statement, "This statement does not give the date it was prepared. It does not give a date of review."));
    CHECK(has(statement, "This statement does not say when the website was last tested."));
    CHECK_FALSE(has(statement, "fully compliant"));
    CHECK_FALSE(has(statement, "tested automatically"));
    CHECK_FALSE(has(statement, "We are not aware"));
    const std::string review = b.text("review/index.html");
    CHECK_FALSE(has(review, "Up to date No"));  // no item claims to be up to date
    CHECK(has(review, "Equality information No date given Not known No date given"));
    CHECK(has(review, "Accessibility plan No date given Not known No date given"));
    CHECK(has(b.text("index.html"),
              "All 7 publication and review dates of the trust and its schools have no dates given."));
    const std::string objective = b.files.at("objectives/example-objective/index.html");
    CHECK_FALSE(has(objective, "<dt>Status</dt>"));
    CHECK_FALSE(has(objective, "Planned"));
    CHECK_FALSE(has(objective, "Not started"));

    const Run strict = run_eqsite("check --strict --today 2026-09-01 " + quote(site.string()));
    CHECK(strict.exit_code == 1);
    CHECK(has(strict.out, "eqsite check: 0 errors and 23 warnings. --strict: the warnings fail the check."));
    CHECK(run_eqsite("check --today 2026-09-01 " + quote(site.string())).exit_code == 0);
}

TEST_CASE("check --strict passes a site with no warnings") {
    const Run r = run_eqsite("check --strict --today 2026-09-01 " +
                             quote((source_dir() / "tests/sites/claims-charter").string()));
    CHECK(r.exit_code == 0);
    CHECK(has(r.out, "eqsite check: 0 errors and 0 warnings."));
}

TEST_CASE("a site with no trust objectives says so, and words about schools follow the content") {
    const Built b = build_fixture("claims-no-trust-objectives");
    const std::string home = b.text("index.html");
    CHECK(has(home, "The trust has not published trust-wide objectives. Each school sets its own: see all equality "
                    "objectives."));
    CHECK_FALSE(has(home, "Each school also sets its own"));
    CHECK(has(home, "All 6 publication and review dates of the trust and its schools are up to date."));
    const std::string review = b.text("review/index.html");
    CHECK_FALSE(has(review, "Trust-wide equality objectives"));
    CHECK(has(review, "Equality objectives 1 September 2025 1 September 2029 Up to date"));
}

TEST_CASE("a school without objectives_published is 'no date given', one with nothing is 'not published'") {
    const Built b = build_fixture("claims-school-without-date");
    const std::string review = b.text("review/index.html");
    CHECK(has(review, "Oak Primary School What Last published Next due Status Equality information 15 January 2026 "
                      "(the trust's date) 15 January 2027 Up to date Equality objectives No date given Not known No date "
                      "given Accessibility plan 20 January 2025 20 January 2028 Up to date"));
    CHECK(has(review, "Elm Primary School What Last published Next due Status Equality information 15 January 2026 "
                      "(the trust's date) 15 January 2027 Up to date Equality objectives Not published Not known Not "
                      "published Accessibility plan Not published Not known Not published"));
    CHECK(has(b.text("schools/elm-primary/index.html"),
              "Elm Primary School has not published an accessibility plan on this website."));
    CHECK(has(b.text("index.html"), "Of the 9 publication and review dates of the trust and its schools: 2 not "
                                    "published 1 with no date given 6 up to date"));
}

TEST_CASE("an objective past its due date and not achieved is overdue everywhere, and a missing status is not invented") {
    const Built b = build_fixture("claims-overdue-objective");
    const std::string page = b.text("objectives/close-the-gap/index.html");
    CHECK(has(page, "Status Overdue (due 31 July 2021; status given: On track)"));
    CHECK_FALSE(has(page, "Status On track"));
    // The actions: no status given shows none; a planned one past its date is overdue; done stays done.
    CHECK(has(page, "Meet each family 31 March 2027 Train staff March 2022 Overdue Buy software 31 January 2020 Done"));
    CHECK_FALSE(has(page, "Planned"));
    const std::string list = b.text("objectives/index.html");
    CHECK(has(list, "Close the attendance gap Applies to Trust-wide Status Overdue Due 31 July 2021"));
    // No status and not yet due: no status row at all.
    CHECK(has(list, "Fair recruitment Applies to Trust-wide Due 31 July 2029"));
    CHECK(has(b.text("schools/oak-primary/index.html"), "Close the attendance gap Applies to Trust-wide Status Overdue"));
    const std::string review = b.text("review/index.html");
    CHECK(has(review, "Overdue objectives and actions Close the attendance gap, due 31 July 2021 (status given: On "
                      "track) Close the attendance gap: action “Train staff”, due March 2022 (status given: Planned)"));
    CHECK(has(b.text("index.html"), "1 objective and 1 action are past their due date and not marked done or "
                                    "achieved."));
}

TEST_CASE("characteristics: all covers only what the objective can cover") {
    const Built b = build_fixture("claims-all-characteristics");
    const std::string age = b.text("characteristics/age/index.html");
    CHECK_FALSE(has(age, "Belonging for every pupil"));  // pupils: the age strand does not cover them
    CHECK(has(age, "No bullying or harassment"));         // everyone (with a warning)
    CHECK(has(age, "Fair pay and promotion"));            // staff
    const std::string marriage = b.text("characteristics/marriage-and-civil-partnership/index.html");
    CHECK_FALSE(has(marriage, "Belonging for every pupil"));  // advance equality only
    CHECK(has(marriage, "No bullying or harassment"));         // eliminate discrimination
    CHECK(has(marriage, "Fair pay and promotion"));            // all three aims, eliminate among them
    CHECK(has(b.text("characteristics/race/index.html"), "Belonging for every pupil"));
    CHECK(has(b.text("objectives/pupils-all/index.html"),
              "Protected characteristics All that apply to this objective: Disability Gender reassignment Pregnancy "
              "and maternity Race Religion or belief Sex Sexual orientation"));
    CHECK(has(b.text("objectives/staff-all/index.html"), "Protected characteristics Age Disability"));
}

TEST_CASE("a charter-titled policy with two signatories and month dates is published as the document gives it") {
    const Built b = build_fixture("claims-charter");
    const std::string policy = b.text("policy/index.html");
    CHECK(has(policy, "Equality and Diversity Charter How we treat pupils, staff and families fairly. Published by "
                      "Test Learning Trust Approved by Board of Trustees Date of approval September 2024 Signed by Dr Priya "
                      "Raman, Chief Executive Officer, September 2024 Mr Tom Fielding, Chair of the Board of Trustees, "
                      "18 September 2024 Last reviewed September 2025 Next review due September 2027"));
    CHECK_FALSE(has(policy, "Approved by the"));
    // The title is the page's and the navigation's.
    CHECK(has(b.files.at("policy/index.html"), "<title>Equality and Diversity Charter – Test Learning Trust</title>"));
    CHECK(has(b.files.at("index.html"), "<a href=\"/policy/\">Equality and Diversity Charter</a>"));
    const std::string statement = b.text("accessibility/index.html");
    CHECK(has(statement, "This website is partially compliant with the Web Content Accessibility Guidelines (WCAG) "
                         "version 2.2 AA standard, due to the non-compliances listed below."));
    CHECK(has(statement, "This statement was prepared on 1 September 2025. It was last reviewed on 1 March 2026."));
    CHECK(has(statement, "This website was last tested on 20 February 2026 by the trust's IT team. How it was tested: "
                         "every page type checked with a keyboard and a screen reader"));
    const std::string review = b.text("review/index.html");
    CHECK(has(review, "Equality and Diversity Charter September 2025 September 2027 Up to date"));
    CHECK(has(review, "Equality objectives September 2024 September 2028 Up to date"));
}

TEST_CASE("the pay gap shows the six statutory figures readably, z where no figure can exist, x for a missing one") {
    const Built b = build_fixture("claims-pay-gap");
    const std::string data = b.text("data/index.html");
    CHECK(has(data, "Figures on the snapshot date, 31 March 2025, for Test Learning Trust. Source: Trust payroll."));
    CHECK(has(data, "Gender pay gap: Test Learning Trust Average Hourly pay gap Bonus pay gap Mean 19.7% -6.2% "
                    "Median 27.3% 0.0%"));
    CHECK(has(data, "Proportion of men and of women paid a bonus: Test Learning Trust Staff Paid a bonus Men 1.8% "
                    "Women 1.3%"));
    CHECK(has(data, "Men and women in each quarter of the pay range: Test Learning Trust Pay quarter Men Women Lower "
                    "quarter (lowest paid) 15.2% 84.8% Lower middle quarter 17.9% 82.1% Upper middle quarter 26.8% "
                    "73.2% Upper quarter (highest paid) 34.5% x"));
    CHECK(has(data, "x: not available (the trust has not given this statutory figure)"));
    // Only the trust's figures: no "(all schools)" on either table.
    CHECK_FALSE(has(data, "all schools"));
    CHECK(has(data, "Staff by contract: Test Learning Trust."));
    const std::string csv = b.files.at("data/gender-pay-gap.csv");
    CHECK(has(csv, "trust,Men,Mean hourly pay gap,z,z\n"));
    CHECK(has(csv, "trust,Women,Upper quartile,x,x\n"));
    CHECK(has(csv, "trust,All staff,Paid a bonus,z,z\n"));
    CHECK(has(b.files.at("data/gender-pay-gap.json"), "\"snapshot\": \"2025-03-31\""));
}

TEST_CASE("every review status is shown and counted with the right words") {
    const Built b = build_fixture("claims-every-status");
    const std::string review = b.text("review/index.html");
    CHECK(has(review, "Equality information 15 October 2025 15 October 2026 Due soon"));
    CHECK(has(review, "Equality objectives August 2022 August 2026 Overdue"));
    CHECK(has(review, "Equality objectives No date given Not known No date given"));
    CHECK(has(review, "Accessibility plan Not published Not known Not published"));
    CHECK(has(review, "Accessibility statement 1 March 2026 1 March 2027 Up to date"));
    CHECK(has(b.text("index.html"), "Of the 9 publication and review dates of the trust and its schools: 1 overdue "
                                    "3 due for review within 60 days 1 not published 1 with no date given 3 up to "
                                    "date"));
}

TEST_CASE("a trust plan is its own page, linked from home and the statement, and half-given dates are said to be") {
    const Built b = build_fixture("claims-plans-and-dates");
    const std::string plan = b.text("accessibility-plan/index.html");
    CHECK(has(plan, "Trust accessibility plan 2025 to 2028 How Test Learning Trust will improve access to education for "
                    "disabled pupils over three years, as Schedule 10 to the Equality Act 2010 requires. This plan is "
                    "not about this website"));
    CHECK(has(plan, "Published September 2025 Next review due September 2028"));
    CHECK(has(plan, "Improving the physical environment Action Who By Status Survey every site for step-free access "
                    "March 2026 Done"));
    CHECK(has(b.files.at("index.html"), "href=\"/accessibility-plan/\""));
    CHECK(has(b.files.at("accessibility/index.html"), "href=\"/accessibility-plan/\""));
    // A school plan with only a review date: no date of its own, the review date shown.
    CHECK(has(b.text("review/index.html"), "Accessibility plan No date given July 2027 No date given"));
    // Who approved the policy, but not when.
    CHECK(has(b.text("policy/index.html"), "Approved by Board of Trustees Date of approval Not recorded"));
    // "not" compliant: no list of what users should be able to do, and no invented non-compliances.
    const std::string statement = b.text("accessibility/index.html");
    CHECK(has(statement, "This website is not compliant with the Web Content Accessibility Guidelines (WCAG) version "
                         "2.2 AA standard. The non-compliances have not been listed yet."));
    CHECK_FALSE(has(statement, "you should be able to"));
    CHECK(has(statement, "This statement was prepared on 2 June 2025. It does not give a date of review."));
    CHECK(has(statement, "This website was last tested in June 2025."));
    CHECK(has(statement, "get back to you."));  // no number of days promised unless response_days is set
}

TEST_CASE("settings that cannot be right are errors at their place, with the value to write") {
    const Run r = run_eqsite("check --today 2026-09-01 " +
                             quote((source_dir() / "tests/sites/claims-bad-settings").string()));
    CHECK(r.exit_code == 1);
    CHECK(has(r.out, "site.yaml:4:8: error: \"today\" is not a valid date (\"2026-09\"): a whole day is needed here, "
                     "not only a month: write 2026-09-DD"));
    CHECK(has(r.out, "site.yaml:11:15: error: unknown compliance status \"partialy\"; did you mean \"partially\"?"));
    CHECK(has(r.out, "accessibility-plan.md:3:13: error: \"review_due\" (2024-09-01) is before \"published\" "
                     "(2025-09-01); check both dates"));
}

TEST_CASE("a date due within 60 days is a note in check, not a warning") {
    const Run r = run_eqsite("check --today 2026-09-01 " +
                             quote((source_dir() / "tests/sites/claims-every-status").string()));
    CHECK(has(r.out, "site.yaml:4:22: note: Test Learning Trust, Elm Primary School and Oak Primary School: Equality "
                     "information is due for review on 15 October 2026, within 60 days"));
    CHECK(r.exit_code == 0);
}

TEST_CASE("a school page with no information text or details says so, and is not shown as published") {
    TempDir dir;
    const fs::path site = dir.path() / "site";
    write_minimal_site(site);
    write(site / "content/schools/bare/index.md", "---\nname: Bare School\nobjectives_published: 2025-09-01\n---\n");
    write(site / "content/schools/bare/objectives/reading.md", objective("Reading"));
    const Built b = build_site(site);
    const std::string page = b.text("schools/bare/index.html");
    CHECK(has(page, "Equality information This school has not published its equality information on this website."));
    CHECK(has(page, "School details The school's details (phase, URN, headteacher) are not given on this website."));
    CHECK(has(b.text("review/index.html"), "Bare School What Last published Next due Status Equality information Not "
                                           "published Not known Not published"));
    CHECK(has(b.run.err, "Bare School has no equality information on its page"));
}

TEST_CASE("a trust table says which schools it adds up, and each trust figure that leaves out a school which gave none") {
    // site-example: KS2 is given by 5 of the 7 schools, and Meadowside
    // gives no SEN support row of KS2 results or attendance. Then Brookmead's Male row of
    // staff is taken out of a copy.
    TempDir dir;
    const fs::path site = dir.path() / "site";
    fs::copy(source_dir() / "site-example", site, fs::copy_options::recursive);
    const fs::path staff = site / "data/workforce-sex.csv";
    std::string csv = read(staff), kept;
    std::istringstream lines(csv);
    for (std::string line; std::getline(lines, line);)
        if (line.rfind("brookmead-primary,Male,", 0) != 0) kept += line + "\n";
    REQUIRE(kept.size() < csv.size());
    write(staff, kept);
    // Staff of the schools with the trust's central staff (its own rows),
    // and the same with no trust total: only the trust's own figures.
    const std::string staff_yaml = "title: Teachers and central staff\nkind: count\nabout: staff\n"
                                   "groups: [Female, Male]\nmeasures: [Teachers, Central staff]\n";
    std::string staff_csv = "school,group,measure,count\n";
    for (const char* school : {"brookmead-primary", "castlegate-academy", "hartsbrook-academy", "meadowside-school",
                               "whitmore-vale-primary", "willowbank-nursery", "ysgol-ty-gwyn"})
        staff_csv += std::string(school) + ",Female,Teachers,30\n" + school + ",Male,Teachers,12\n";
    staff_csv += "trust,Female,Central staff,30\ntrust,Male,Central staff,25\n";
    write(site / "data/central.yaml", staff_yaml + "totals: true\n");
    write(site / "data/central.csv", staff_csv);
    write(site / "data/central-only.yaml", "title: Central staff only\n" + staff_yaml.substr(staff_yaml.find('\n') + 1) +
                                               "trust_total: false\n");
    write(site / "data/central-only.csv", staff_csv);
    write(site / "data/central-plain.yaml", "title: Central staff, no totals\n" + staff_yaml.substr(staff_yaml.find('\n') + 1));
    write(site / "data/central-plain.csv", staff_csv);
    const Built b = build_site(site);
    const std::string data = b.text("data/index.html");
    CHECK_FALSE(has(data, "every school"));
    CHECK(has(data, "Pupils meeting the expected standard in reading, writing and maths: Marches Learning Trust (5 of "
                    "its 7 schools), 2024/25."));
    CHECK(has(data, "These figures leave out the schools that gave no figures for this table: Castlegate Academy, "
                    "Willowbank Nursery School."));
    CHECK(has(data, "Where a school gave no figure, the trust's figures that would include it leave it out: SEN "
                    "support: without a figure from Meadowside School"));
    // A whole row (and the Total row it is part of) is said once each.
    CHECK(has(data, "Staff by sex and role: Marches Learning Trust (all schools), November 2025."));
    CHECK(has(data, "Where a school gave no figure, the trust's figures that would include it leave it out: Male: "
                    "without a figure from Brookmead Primary School Total: without a figure from Brookmead Primary "
                    "School"));
    // The staff table's other sums are whole: no note beside Female.
    CHECK_FALSE(has(data, "Female: without"));
    // The trust's own figures among its sums are said to be its own.
    CHECK(has(data, "Teachers and central staff: Marches Learning Trust (all schools)."));
    CHECK(has(data, "The trust gave these figures itself; they are not sums of the schools' figures, and the totals of "
                    "their rows and columns include them: Female, Central staff; Male, Central staff."));
    // Without totals there are no totals to include them.
    CHECK(has(data, "The trust gave these figures itself; they are not sums of the schools' figures: Female, Central "
                    "staff; Male, Central staff."));
    // With no trust total, nothing is added up, and nothing says so.
    CHECK(has(data, "Central staff only: Marches Learning Trust."));
    const auto only = nlohmann::json::parse(b.files.at("data/central-only.json"));
    CHECK_FALSE(only.contains("trust_adds_up"));
    CHECK(nlohmann::json::parse(b.files.at("data/central.json"))["trust_own"].size() == 2);
    // The notes describe the table they are about.
    const std::string html = b.files.at("data/index.html");
    CHECK(has(html, "<table class=\"figures\" id=\"table-workforce-sex\" aria-describedby=\"table-workforce-sex-sums\">"));
    CHECK(has(html, "<div id=\"table-workforce-sex-sums\">"));
    CHECK(has(html, "<table class=\"figures\" id=\"table-central-only\">"));
    const auto json = nlohmann::json::parse(b.files.at("data/workforce-sex.json"));
    CHECK(json["trust_adds_up"].size() == 7);
    REQUIRE(json["trust_leaves_out"].size() == 10);  // Male × 4 measures and Total, the Total row × 5
    CHECK(json["trust_leaves_out"][0] ==
          nlohmann::json{{"group", "Male"}, {"measure", "Teachers"}, {"without", {"brookmead-primary"}}});
    const auto ks2 = nlohmann::json::parse(b.files.at("data/ks2-attainment.json"));
    CHECK(ks2["trust_adds_up"].size() == 5);
    CHECK(ks2["trust_leaves_out"].size() == 4);  // Meadowside's SEN support row, one per measure
    CHECK(nlohmann::json::parse(b.files.at("data/attendance.json"))["trust_leaves_out"].size() == 2);
    CHECK(nlohmann::json::parse(b.files.at("data/suspensions.json"))["trust_leaves_out"].empty());
    // The pay gap is the trust's own: it adds up no school.
    CHECK_FALSE(nlohmann::json::parse(b.files.at("data/gender-pay-gap.json")).contains("trust_adds_up"));
}
