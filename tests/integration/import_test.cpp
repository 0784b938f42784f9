// `eqsite import objectives` on an action plan as schools keep it (issue 12):
// the same table as CSV, TSV, an Excel workbook and a Word document
// (tests/import/, made by make-fixtures.py), each imported, checked and built.
#include <catch2/catch.hpp>

#include <fstream>

#include "integration/run.hpp"

using namespace eqsite::test;

namespace {

fs::path new_school_site(const fs::path& dir) {
    const fs::path site = dir / "trust";
    REQUIRE(run_eqsite("new site " + quote(site.string())).exit_code == 0);
    REQUIRE(run_in(site, "new school brookmead-primary").exit_code == 0);
    return site;
}

const char* const slugs[] = {
    "reduce-homophobic-racist-and-transphobic-incidents", "make-the-school-site-accessible-to-wheelchair-users",
    "review-the-curriculum-so-that-every-pupil-sees-themselves-in", "build-links-with-local-faith-and-community-groups",
    "celebrate-the-languages-our-families-speak", "close-the-reading-gap-for-pupils-with-send",
};

}  // namespace

TEST_CASE("import: an action plan as the school has it, from CSV, TSV, Excel and Word") {
    struct Form {
        const char* file;
        const char* other_cell;  // where the "Other" characteristic is
    };
    for (const Form form : {Form{"action-plan.csv", "action-plan.csv:10:"}, Form{"action-plan.tsv", "action-plan.tsv:10:"},
                            Form{"action-plan.xlsx", "action-plan.xlsx:Action plan!B8 (Protected characteristic)"},
                            Form{"action-plan.docx", "action-plan.docx:Table 2!B6 (Protected characteristic)"}}) {
        SECTION(form.file) {
            TempDir dir;
            const fs::path site = new_school_site(dir.path());
            fs::copy_file(source_dir() / "tests/import" / form.file, site / form.file);
            const fs::path objectives = site / "content/schools/brookmead-primary/objectives";
            auto count_files = [&] {
                std::size_t n = 0;
                std::error_code ec;
                for (fs::directory_iterator it(objectives, ec), end; !ec && it != end; it.increment(ec))
                    n += it->path().extension() == ".md";
                return n;
            };
            const std::size_t before = count_files();
            const Run r = run_in(site, std::string("import objectives ") + form.file + " --school brookmead-primary");
            INFO(r.out << r.err);
            REQUIRE(r.exit_code == 0);
            // The mapping, as reported.
            CHECK(has(r.out, "\"Who\u2019s responsible?\" (column G) -> owner"));
            CHECK(has(r.out, "\"Link to Public Sector Equality Duty\" (column A) -> aims"));
            CHECK(has(r.out, "\"Aim\" (column C) -> why"));
            CHECK(has(r.out, "\"Milestone/progress\" (column I) -> progress"));
            CHECK(has(r.out, "\"Dates\" (column H) -> dates"));
            // The title row above the header (in a document it is a heading, outside the table).
            if (!has(form.file, ".docx")) CHECK(has(r.out, "rows 1 to 2 are above the header: skipped as titles"));
            CHECK(has(r.out, "has an empty objective cell: it continues row"));
            // Warnings at their cells.
            CHECK(has(r.err, form.other_cell));
            CHECK(has(r.err, "warning"));

            CHECK(count_files() == before + std::size(slugs));
            for (const char* slug : slugs) CHECK(fs::exists(objectives / (std::string(slug) + ".md")));

            const std::string first = read(objectives / (std::string(slugs[0]) + ".md"));
            CHECK(has(first, "aims: [\"eliminate-discrimination\"]"));
            CHECK(has(first, "start: 2017-09"));
            CHECK(has(first, "due: 2018-07"));
            CHECK(has(first, "status: on-track"));  // Green
            CHECK(has(first, "{text: \"Train all staff to record incidents\"}"));
            CHECK(has(first, "{text: \"Add a pupil survey each summer term\"}"));  // the continuation row
            CHECK(has(first, "## Milestone/progress"));
            CHECK(has(first, "Survey added in 2018"));
            CHECK_FALSE(has(first, "<p>"));
            CHECK(has(first, "imported:\n  from: "));
            const std::string all = read(objectives / (std::string(slugs[2]) + ".md"));
            CHECK(has(all, "aims: [\"eliminate-discrimination\", \"advance-equality\", \"foster-good-relations\"]"));
            CHECK(has(all, "characteristics: [all]"));
            CHECK(has(all, "due: 2028-07-31"));
            CHECK(has(all, "status: at-risk"));  // Red
            CHECK(has(read(objectives / (std::string(slugs[1]) + ".md")), "due: ongoing"));
            const std::string other = read(objectives / (std::string(slugs[3]) + ".md"));
            CHECK_FALSE(has(other, "characteristics:"));
            CHECK(has(other, "status: not-started"));

            // The site builds with them, warning about what the plan left out.
            const Run check = run_eqsite("check " + quote(site.string()));
            INFO(check.out);
            CHECK(check.exit_code == 0);
            CHECK(has(check.out, "without characteristics: the plan did not say which; add \"characteristics: [...]\""));
            TempDir out;
            REQUIRE(run_eqsite("build --quiet " + quote(site.string()) + " -o " + quote((out.path() / "p").string()))
                        .exit_code == 0);
            const std::string page =
                read(out.path() / "p/schools/brookmead-primary/objectives" / slugs[0] / "index.html");
            CHECK(has(page, "<li"));
            CHECK(has(page, "Train all staff to record incidents"));
            CHECK_FALSE(has(page, "&lt;p&gt;"));
            CHECK(has(read(out.path() / "p/characteristics/sexual-orientation/index.html"), "Reduce homophobic"));
            CHECK(has(read(out.path() / "p/characteristics/disability/index.html"), "Close the reading gap"));
        }
    }
}

TEST_CASE("import: --dry-run writes nothing, --update rewrites only what changed and never a person's edits") {
    TempDir dir;
    const fs::path site = new_school_site(dir.path());
    const fs::path plan = site / "plan.csv";
    fs::copy_file(source_dir() / "tests/import/action-plan.csv", plan);
    const fs::path objectives = site / "content/schools/brookmead-primary/objectives";

    const Run dry = run_in(site, "import objectives plan.csv --school brookmead-primary --dry-run");
    INFO(dry.out << dry.err);
    CHECK(dry.exit_code == 0);
    CHECK(has(dry.out, "    | title: \"Reduce homophobic, racist and transphobic incidents\""));
    CHECK(has(dry.out, "nothing was written"));
    CHECK_FALSE(fs::exists(objectives / (std::string(slugs[0]) + ".md")));

    REQUIRE(run_in(site, "import objectives plan.csv --school brookmead-primary").exit_code == 0);
    const auto before = read(objectives / (std::string(slugs[1]) + ".md"));
    // Without --update, nothing is overwritten.
    const Run again = run_in(site, "import objectives plan.csv --school brookmead-primary");
    CHECK(again.exit_code == 1);
    CHECK(has(again.err, "already exists"));

    // One cell changes: only its objective's file is rewritten.
    std::string csv = read(plan);
    csv.replace(csv.find("Deputy head"), 11, "Assistant head");
    write(plan, csv);
    const Run update = run_in(site, "import objectives plan.csv --school brookmead-primary --update");
    INFO(update.out << update.err);
    CHECK(update.exit_code == 0);
    CHECK(has(update.out, std::string(slugs[0]) + ".md (update)"));
    CHECK(has(update.out, std::string(slugs[1]) + ".md (unchanged)"));
    CHECK(has(update.out, "(1 written)"));
    CHECK(has(read(objectives / (std::string(slugs[0]) + ".md")), "Assistant head"));
    CHECK(read(objectives / (std::string(slugs[1]) + ".md")) == before);

    // A person edits a file: --update refuses it, naming it; --force replaces it.
    const fs::path edited = objectives / (std::string(slugs[1]) + ".md");
    write(edited, read(edited) + "\nA note the head added.\n");
    csv.replace(csv.find("Business manager"), 16, "Site manager");
    write(plan, csv);
    const Run refused = run_in(site, "import objectives plan.csv --school brookmead-primary --update");
    CHECK(refused.exit_code == 1);
    CHECK(has(refused.err, "content/schools/brookmead-primary/objectives/" + std::string(slugs[1]) +
                               ".md has been edited since it was imported"));
    CHECK(has(read(edited), "A note the head added."));
    const Run forced = run_in(site, "import objectives plan.csv --school brookmead-primary --update --force");
    CHECK(forced.exit_code == 0);
    CHECK_FALSE(has(read(edited), "A note the head added."));
    CHECK(has(read(edited), "Site manager"));
    // A file import never made is never replaced, even with --force.
    write(objectives / (std::string(slugs[2]) + ".md"), "---\ntitle: Mine\naims: [advance-equality]\ncharacteristics: [race]\n---\n");
    const Run mine = run_in(site, "import objectives plan.csv --school brookmead-primary --update --force");
    CHECK(mine.exit_code == 1);
    CHECK(has(mine.err, "was not made by eqsite import"));
}

TEST_CASE("import: values it cannot read are errors at their cells, with the nearest real value") {
    TempDir dir;
    const fs::path site = new_school_site(dir.path());
    std::ofstream(site / "bad.csv", std::ios::binary)
        << "Objective,Protected characteristic,Link to duty,Status,Dates\n"
           "Fewer incidents,sexual orientaton,Foster good relations,Gren,sometime soon\n";
    const Run r = run_in(site, "import objectives bad.csv --school brookmead-primary");
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(has(r.err, "bad.csv:2:17 (B2) (Protected characteristic): error: \"sexual orientaton\" is not a protected "
                     "characteristic; did you mean \"sexual-orientation\"?"));
    CHECK(has(r.err, "bad.csv:2:57 (D2) (Status): error: cannot read \"Gren\" as a status"));
    CHECK(has(r.err, "bad.csv:2:62 (E2) (Dates): error: cannot read \"sometime soon\" as a date"));
    CHECK(has(r.err, "nothing was imported"));
    CHECK_FALSE(fs::exists(site / "content/schools/brookmead-primary/objectives/fewer-incidents.md"));
}

TEST_CASE("import: --map names a column the words do not, and a column nothing matches is kept in the text") {
    TempDir dir;
    const fs::path site = new_school_site(dir.path());
    std::ofstream(site / "plan.csv", std::ios::binary)
        << "Plan item,Protected characteristic,Link to duty,Budget\n"
           "Fewer incidents,Race,Foster good relations,\"£200 for training\"\n";
    const Run without = run_in(site, "import objectives plan.csv --school brookmead-primary --dry-run");
    CHECK(without.exit_code == 1);
    CHECK(has(without.err, "--map \"Your header=title\""));
    const Run with = run_in(site, "import objectives plan.csv --school brookmead-primary --map \"Plan item=title\"");
    INFO(with.out << with.err);
    CHECK(with.exit_code == 0);
    CHECK(has(with.out, "\"Plan item\" (column A) -> title (by --map)"));
    CHECK(has(with.out, "\"Budget\" (column D) -> kept in the objective's text under its header"));
    const std::string file = read(site / "content/schools/brookmead-primary/objectives/fewer-incidents.md");
    CHECK(has(file, "## Budget\n\n£200 for training"));
    const Run bad_map = run_in(site, "import objectives plan.csv --map \"Plan item=titel\"");
    CHECK(bad_map.exit_code == 2);
}

TEST_CASE("import: a workbook made to expand is refused, not read") {
    TempDir dir;
    const fs::path site = new_school_site(dir.path());
    fs::copy_file(source_dir() / "tests/import/huge-reference.xlsx", site / "huge.xlsx");
    const Run r = run_in(site, "import objectives huge.xlsx --school brookmead-primary");
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "more than eqsite imports"));
}

TEST_CASE("import: never reads or writes through a link out of the site") {
    TempDir dir;
    const fs::path site = new_school_site(dir.path());
    fs::copy_file(source_dir() / "tests/import/action-plan.csv", site / "plan.csv");
    const fs::path objectives = site / "content/schools/brookmead-primary/objectives";
    const fs::path outside = dir.path() / "outside.md";
    write(outside, "---\ntitle: Outside\nimported:\n  from: x\n  digest: \"0\"\n---\n");
    fs::create_directories(objectives);
    fs::create_symlink(outside, objectives / (std::string(slugs[0]) + ".md"));
    const Run r = run_in(site, "import objectives plan.csv --school brookmead-primary --update --force");
    CHECK(r.exit_code == 1);
    CHECK(has(r.err, slugs[0]));
    CHECK(has(read(outside), "title: Outside"));  // untouched
}
