#include "cli/new_files.hpp"

#include "util/files.hpp"
#include "util/text.hpp"

namespace eqsite {

namespace fs = std::filesystem;

namespace {

// "oak-primary" -> "Oak Primary"
std::string words_of(const std::string& slug) {
    std::string out;
    bool start = true;
    for (char c : slug) {
        if (c == '-') {
            out += ' ';
            start = true;
            continue;
        }
        out += start && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
        start = false;
    }
    return out;
}

bool valid_slug(const std::string& slug, const std::string& what, std::ostream& err) {
    if (is_valid_slug(slug)) return true;
    err << "eqsite: error: " << invalid_slug_message(slug, what) << "\n";
    return false;
}

bool is_site(const fs::path& site, std::ostream& err) {
    std::error_code ec;
    if (fs::is_regular_file(site / "site.yaml", ec)) return true;
    err << "eqsite: error: no site.yaml in " << to_utf8(fs::absolute(site))
        << ": run this in your site folder (or create a site with: eqsite new site DIR)\n";
    return false;
}

// Writes a file that must not exist yet.
bool create(const fs::path& file, const std::string& text, std::ostream& out, std::ostream& err,
            const fs::path& base) {
    std::error_code ec;
    // Never written through a link out of the site, nor through a link at
    // the file's own name (one that leads nowhere would be followed).
    if (const auto problem = folder_problem(file, base, false)) {
        err << "eqsite: error: " << relative_name(problem->folder, base) << ": " << problem->problem
            << "; nothing was changed\n";
        return false;
    }
    if (fs::exists(fs::symlink_status(file, ec))) {
        err << "eqsite: error: " << relative_name(file, base) << " already exists; nothing was changed\n";
        return false;
    }
    fs::create_directories(file.parent_path(), ec);
    if (!write_file(file, text)) {
        err << "eqsite: error: cannot write " << relative_name(file, base) << "\n";
        return false;
    }
    out << "  created " << relative_name(file, base) << "\n";
    return true;
}

// Scaffolds state nothing on the author's behalf: every approval, date
// and compliance setting is present but empty, with a note on what to
// write; every sentence to replace starts with placeholder_marker, so the
// build warns while one is still published.
std::string objective_text(const std::string& title) {
    return "---\n"
           "title: " + title + "\n"
           "aims: [advance-equality]            # eliminate-discrimination, advance-equality, foster-good-relations\n"
           "characteristics: [disability]       # the protected characteristics this addresses\n"
           "target_groups:                      # groups that are not protected characteristics, e.g. [Disadvantaged pupils]\n"
           "why: Replace this with what your equality information showed that made this a priority.\n"
           "owner:                              # who leads it, e.g. [Headteacher]\n"
           "start:                              # when work began, e.g. 2025-09-01\n"
           "due:                                # when it should be achieved (e.g. 2029-07-31), or: ongoing\n"
           "status:                             # not-started, on-track, at-risk, achieved, ongoing\n"
           "measures:\n"
           "  - Replace this with how you will know it has worked, with a number if you can\n"
           "actions:\n"
           "  - text: Replace this with the first step\n"
           "    owner:                          # who does it\n"
           "    due:                            # e.g. 2026-03-31\n"
           "    status:                         # planned, in-progress, done\n"
           "---\n"
           "Replace this with the objective in plain words: what will change, for whom, and why.\n";
}

std::string site_yaml_text() {
    return "# eqsite settings. Text after # is a note for you and is never published.\n"
           "trust:\n"
           "  name: Replace this with the trust's full name\n"
           "  url: https://equality.your-trust.example    # the address the site will be published at\n"
           "  contact_email: equality@your-trust.example\n"
           "language: en-GB\n"
           "\n"
           "# When the trust last published its equality information (at least once a\n"
           "# year) and set its trust-wide objectives (at least every four years).\n"
           "# Write a day (2025-09-30) or a month (2025-09).\n"
           "information_updated:\n"
           "objectives_published:\n"
           "\n"
           "policy:\n"
           "  title: Equality policy       # what your document is called, e.g. Equality and Diversity Charter\n"
           "  # Approval, as the minutes record it. Nothing is said about approval until you fill these in.\n"
           "  approved_by:                 # the body that approved it, e.g. Board of Trustees\n"
           "  approved_on:                 # the date of that meeting, e.g. 2025-09-12 or 2025-09\n"
           "  review_due:                  # when it must next be reviewed\n"
           "  # signatories:               # people who signed it, as the document gives them\n"
           "  #   - name: A. Person\n"
           "  #     role: Chief Executive Officer\n"
           "  #     date: 2025-09\n"
           "\n"
           "suppression:\n"
           "  threshold: 5          # pupil figures below this are hidden\n"
           "  staff_threshold: 10   # staff figures below this are hidden\n"
           "\n"
           "accessibility:          # the website's accessibility statement\n"
           "  compliance:           # fully, partially or not: how far the site meets WCAG 2.2 AA, as tested\n"
           "  prepared:             # when the statement was first prepared\n"
           "  last_reviewed:        # when it was last reviewed (at least once a year)\n"
           "  last_tested:          # when the website was last tested\n"
           "  tested_by:            # who tested it, e.g. the trust's IT team\n"
           "  method:               # how, e.g. every page type checked with a screen reader and by keyboard\n"
           "  known_issues: []      # what is not accessible, one item each\n";
}

std::string accessibility_plan_text(const std::string& name) {
    return "---\n"
           "title: Accessibility plan\n"
           "published:              # when the governors or trustees adopted it, e.g. 2025-09 (it runs three years)\n"
           "review_due:             # leave empty for three years after published\n"
           "# approved_by:          # e.g. Local Governing Body\n"
           "---\n"
           "Replace this with a summary of how " + name + " will improve access for disabled pupils.\n"
           "\n"
           "## Increasing participation in the curriculum\n"
           "\n"
           "Replace this with what the school will do so disabled pupils can take part in lessons, trips and clubs.\n"
           "\n"
           "## Improving the physical environment\n"
           "\n"
           "Replace this with changes to buildings and grounds, and when they will be made.\n"
           "\n"
           "## Improving the delivery of information\n"
           "\n"
           "Replace this with how information for pupils will be made accessible (large print, audio, symbols).\n";
}

}  // namespace

int new_site(const fs::path& dir, std::ostream& out, std::ostream& err) {
    std::error_code ec;
    if (fs::exists(dir, ec) && !fs::is_empty(dir, ec)) {
        err << "eqsite: error: " << to_utf8(dir) << " already exists and is not empty; choose a new folder name\n";
        return 2;
    }
    out << "Creating a new eqsite site in " << to_utf8(dir) << ":\n";
    bool ok = create(dir / "site.yaml", site_yaml_text(), out, err, dir);
    ok = ok && create(dir / "content/trust/index.md",
                      "---\ntitle: Equality and diversity\nsummary: How our schools meet the public sector "
                      "equality duty.\n---\nReplace this with a few sentences on what equality means for your "
                      "trust and its schools, and where to find each school's information and objectives.\n",
                      out, err, dir);
    ok = ok && create(dir / "content/trust/policy/our-duties.md",
                      "---\ntitle: Our duties\nweight: 10\n---\nReplace this with how the trust meets the general "
                      "equality duty and the specific duties to publish information and objectives.\n",
                      out, err, dir);
    ok = ok && create(dir / "content/trust/objectives/example-objective.md",
                      objective_text("Replace this with your first trust-wide objective"), out, err, dir);
    if (!ok) return 2;
    fs::create_directories(dir / "content/schools", ec);
    fs::create_directories(dir / "data", ec);
    fs::create_directories(dir / "static", ec);
    out << "Next: cd " << to_utf8(dir) << ", add schools with \"eqsite new school <slug>\", then \"eqsite serve\".\n";
    return 0;
}

int new_school(const fs::path& site, const std::string& slug, std::ostream& out, std::ostream& err) {
    if (!is_site(site, err) || !valid_slug(slug, "school folder", err)) return 2;
    const fs::path folder = site / "content/schools" / from_utf8(slug);
    std::error_code ec;
    if (fs::exists(folder, ec)) {
        err << "eqsite: error: content/schools/" << slug << " already exists; nothing was changed\n";
        return 2;
    }
    const std::string name = words_of(slug);
    const std::string text = "---\nname: " + name +
                             "                # the school's full name\n"
                             "phase:                        # nursery, primary, middle, secondary, all-through, "
                             "special, alternative-provision, post-16\n"
                             "# urn: 123456                 # the school's unique reference number\n"
                             "# headteacher: \n# equality_lead: \n# brand_colour: \"#1d4f73\"\n"
                             "objectives_published:         # when the school set its objectives, e.g. 2025-09\n"
                             "information_updated:          # when its equality information was last updated; "
                             "leave empty to use the trust's date\n"
                             "---\nReplace this with the school's equality information: what you know about your "
                             "pupils and staff, and what it tells you.\n";
    out << "Creating school " << slug << ":\n";
    if (!create(folder / "index.md", text, out, err, site)) return 2;
    if (!create(folder / "accessibility-plan.md", accessibility_plan_text(name), out, err, site)) return 2;
    fs::create_directories(folder / "objectives", ec);
    out << "Next: give it objectives with \"eqsite new objective " << slug << " <slug>\".\n";
    return 0;
}

int new_objective(const fs::path& site, const std::optional<std::string>& school, const std::string& slug,
                  std::ostream& out, std::ostream& err) {
    if (!is_site(site, err) || !valid_slug(slug, "objective file", err)) return 2;
    fs::path folder = site / "content/trust/objectives";
    if (school) {
        if (!valid_slug(*school, "school folder", err)) return 2;
        const fs::path school_folder = site / "content/schools" / from_utf8(*school);
        std::error_code ec;
        if (!fs::is_directory(school_folder, ec)) {
            err << "eqsite: error: there is no school \"" << *school << "\" in content/schools/; create it with "
                << "\"eqsite new school " << *school << "\"\n";
            return 2;
        }
        folder = school_folder / "objectives";
    }
    out << "Creating " << (school ? "an objective for " + *school : std::string("a trust-wide objective")) << ":\n";
    return create(folder / from_utf8(slug + ".md"), objective_text(words_of(slug)), out, err, site) ? 0 : 2;
}

}  // namespace eqsite
