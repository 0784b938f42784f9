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
    if (fs::exists(file, ec)) {
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

std::string objective_text(const std::string& title, Date today) {
    Date due = today;
    due.year += 4;  // objectives are reviewed at least every four years
    if (due.month == 2 && due.day == 29) due.day = 28;
    return "---\n"
           "title: " + title + "\n"
           "aims: [advance-equality]            # eliminate-discrimination, advance-equality, foster-good-relations\n"
           "characteristics: [disability]       # the protected characteristics this addresses\n"
           "target_groups: [Disabled pupils]\n"
           "why: Say what your equality information showed that made this a priority.\n"
           "owner: [Headteacher]\n"
           "start: " + today.iso() + "\n"
           "due: " + due.iso() + "                     # or: ongoing\n"
           "status: not-started                 # not-started, on-track, at-risk, achieved, ongoing\n"
           "measures:\n"
           "  - How you will know it has worked, with a number if you can\n"
           "actions:\n"
           "  - text: The first step\n"
           "    owner: Equality lead\n"
           "    due: " + today.iso() + "\n"
           "    status: planned\n"
           "---\n"
           "Describe the objective in plain words: what will change, for whom, and why.\n";
}

}  // namespace

int new_site(const fs::path& dir, Date today, std::ostream& out, std::ostream& err) {
    std::error_code ec;
    if (fs::exists(dir, ec) && !fs::is_empty(dir, ec)) {
        err << "eqsite: error: " << to_utf8(dir) << " already exists and is not empty; choose a new folder name\n";
        return 2;
    }
    out << "Creating a new eqsite site in " << to_utf8(dir) << ":\n";
    const std::string site_yaml =
        "trust:\n"
        "  name: Your Learning Trust                  # the trust's full name\n"
        "  url: https://equality.your-trust.org.uk    # where the site will be published\n"
        "  contact_email: equality@your-trust.org.uk\n"
        "language: en-GB\n"
        "policy:\n"
        "  approved_by: Board of Trustees\n"
        "  approved_on: " + today.iso() + "\n"
        "information_updated: " + today.iso() + "\n"
        "suppression:\n"
        "  threshold: 5          # pupil figures below this are hidden\n"
        "  staff_threshold: 10   # staff figures below this are hidden\n"
        "accessibility:\n"
        "  statement_reviewed: " + today.iso() + "\n"
        "  known_issues: []\n";
    bool ok = create(dir / "site.yaml", site_yaml, out, err, dir);
    ok = ok && create(dir / "content/trust/index.md",
                      "---\ntitle: Equality at Your Learning Trust\nsummary: How our schools meet the public sector "
                      "equality duty.\n---\nSay in a few sentences what equality means for your trust and its "
                      "schools, and where to find each school's information and objectives.\n",
                      out, err, dir);
    ok = ok && create(dir / "content/trust/policy/our-duties.md",
                      "---\ntitle: Our duties\nweight: 10\n---\nExplain how the trust meets the general equality "
                      "duty and the specific duties to publish information and objectives.\n",
                      out, err, dir);
    ok = ok && create(dir / "content/trust/objectives/example-objective.md",
                      objective_text("Replace this with your first trust-wide objective", today), out, err, dir);
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
    const std::string text = "---\nname: " + words_of(slug) +
                             "                # the school's full name\n"
                             "phase: primary                # nursery, primary, middle, secondary, all-through, "
                             "special, alternative-provision, post-16\n"
                             "# urn: 123456                 # the school's unique reference number\n"
                             "# headteacher: \n# equality_lead: \n# brand_colour: \"#1d4f73\"\n"
                             "---\nThe school's equality information: what you know about your pupils and staff, "
                             "and what it tells you.\n";
    out << "Creating school " << slug << ":\n";
    if (!create(folder / "index.md", text, out, err, site)) return 2;
    fs::create_directories(folder / "objectives", ec);
    out << "Next: give it objectives with \"eqsite new objective " << slug << " <slug>\".\n";
    return 0;
}

int new_objective(const fs::path& site, const std::optional<std::string>& school, const std::string& slug, Date today,
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
    return create(folder / from_utf8(slug + ".md"), objective_text(words_of(slug), today), out, err, site) ? 0 : 2;
}

}  // namespace eqsite
