#include "cli/import_objectives.hpp"

#include <map>
#include <set>

#include "cli/report.hpp"
#include "import/columns.hpp"
#include "import/objective_rows.hpp"
#include "import/sheet.hpp"
#include "load/document.hpp"
#include "model/objective.hpp"
#include "util/files.hpp"
#include "util/text.hpp"

namespace eqsite {

namespace fs = std::filesystem;
using namespace eqsite::import;

namespace {

// --map "Header=field" options, by header in lower case.
bool read_maps(const std::vector<std::string>& maps, std::map<std::string, Field>& out, std::ostream& err) {
    for (const auto& m : maps) {
        const auto eq = m.rfind('=');
        const auto field = eq == std::string::npos ? std::nullopt : field_named(m.substr(eq + 1));
        if (!field) {
            err << "eqsite: error: --map \"" << m << "\": write it as \"Your header=field\", where field is one of "
                << join_words(field_names(), " or ") << "\n";
            return false;
        }
        out[to_lower_ascii(trim(m.substr(0, eq)))] = *field;
    }
    return true;
}

// Of a document's tables, the one that looks most like an action plan.
const Sheet* choose_table(const std::vector<Sheet>& sheets) {
    const Sheet* best = nullptr;
    int best_score = 0;
    for (const auto& s : sheets) {
        int score = 0;
        for (std::size_t r = 0; r < s.rows.size() && r < 10; ++r) score = std::max(score, header_score(s.rows[r]));
        if (score > best_score) {
            best = &s;
            best_score = score;
        }
    }
    return best ? best : sheets.empty() ? nullptr : &sheets.front();
}

// The build's own checks of a file, reported at the cells its lines came from.
void check_like_the_build(const ImportedObjective& o, const std::string& text, const std::string& rel,
                          Diagnostics& diags) {
    Diagnostics file_diags;
    if (auto doc = parse_document(rel, text, file_diags)) read_objective(*doc, o.slug, std::nullopt, file_diags);
    for (const auto& d : file_diags.sorted()) {
        const auto index = static_cast<std::size_t>(std::max(0, d.where.line - 1));
        Diagnostic moved = d;
        moved.where = {index < o.line_cells.size() ? o.line_cells[index] : o.where, 0, 0};
        diags.add(moved);
    }
}

}  // namespace

int import_objectives(const ImportOptions& options, std::ostream& out, std::ostream& err) {
    std::error_code ec;
    const fs::path& site = options.site;
    if (!fs::is_regular_file(site / "site.yaml", ec)) {
        err << "eqsite: error: no site.yaml in " << to_utf8(fs::absolute(site)) << ": run this in your site folder\n";
        return 2;
    }
    fs::path folder = site / "content/trust/objectives";
    if (options.school) {
        if (!is_valid_slug(*options.school) || !fs::is_directory(site / "content/schools" / from_utf8(*options.school), ec)) {
            err << "eqsite: error: there is no school \"" << *options.school << "\" in content/schools/\n";
            return 2;
        }
        folder = site / "content/schools" / from_utf8(*options.school) / "objectives";
    }
    // Never read or write through a link that leads out of the site.
    for (fs::path p = folder; !p.empty() && p != site && p.has_parent_path(); p = p.parent_path()) {
        if (!fs::exists(fs::symlink_status(p, ec))) continue;
        if (const auto c = check_site_path(p, site); c.kind == EntryKind::problem) {
            err << "eqsite: error: " << relative_name(p, site) << ": " << c.problem << "\n";
            return 2;
        }
    }
    std::map<std::string, Field> overrides;
    if (!read_maps(options.maps, overrides, err)) return 2;

    std::string why;
    const auto sheets = read_sheets(options.file, {options.sheet, options.table}, why);
    if (sheets.empty()) {
        err << "eqsite: error: " << why << "\n";
        return 2;
    }
    const Sheet& sheet = *choose_table(sheets);
    const auto map = map_columns(sheet, overrides, why);
    if (!map) {
        err << "eqsite: error: " << why << "\n";
        return 1;
    }
    out << "Reading " << (sheet.name.empty() ? sheet.file : sheet.file + ":" + sheet.name) << "\n";
    for (const auto& d : map->decisions) out << "  " << d << "\n";

    Diagnostics diags;
    std::vector<std::string> table_decisions;
    auto objectives = objective_rows(sheet, *map, diags, table_decisions);
    for (const auto& d : table_decisions) out << "  " << d << "\n";

    struct Planned {
        fs::path file;
        std::string text;
        std::string verb;  // "create", "update", "unchanged"
    };
    std::vector<Planned> planned;
    std::map<std::string, std::string> slug_at;
    for (auto& o : objectives) {
        if (!is_valid_slug(o.slug)) {
            diags.error({o.where, 0, 0}, "cannot make a file name from this objective; add a \"slug\" column with "
                                         "a name such as close-the-reading-gap");
            continue;
        }
        if (auto [it, fresh] = slug_at.emplace(o.slug, o.where); !fresh) {
            diags.error({o.where, 0, 0}, "two objectives would both be " + o.slug + ".md (the other is at " +
                                             it->second + "); give one a different title or slug");
            continue;
        }
        const fs::path target = folder / from_utf8(o.slug + ".md");
        const std::string rel = relative_name(target, site);
        const std::string text = with_import_marker(o.text, o.where);
        check_like_the_build(o, text, rel, diags);
        std::string verb = "create";
        if (fs::exists(fs::symlink_status(target, ec))) {
            if (const auto c = check_site_path(target, site); c.kind != EntryKind::file) {
                diags.error({o.where, 0, 0}, rel + ": " + (c.problem.empty() ? "not a plain file" : c.problem) +
                                                 "; import writes only plain files inside the site");
                continue;
            }
            ReadError why;
            const auto current = read_file(target, max_text_file, why);
            const ImportedState state = current ? imported_state(*current) : ImportedState::not_imported;
            if (!options.update) {
                diags.error({o.where, 0, 0}, rel + " already exists; eqsite import never overwrites a file unless "
                                             "you ask: use --update to refresh the files an earlier import made");
                continue;
            }
            if (state == ImportedState::not_imported) {
                diags.error({o.where, 0, 0}, rel + " was not made by eqsite import, so --update leaves it alone; "
                                             "rename it, or give this objective another slug");
                continue;
            }
            if (state == ImportedState::edited && !options.force) {
                diags.error({o.where, 0, 0}, rel + " has been edited since it was imported; --update would lose "
                                             "those edits. Copy them into the table, or use --force to replace it");
                continue;
            }
            verb = current && *current == text ? "unchanged" : "update";
        }
        planned.push_back({target, text, verb});
        out << "  " << o.where << " -> " << rel << " (" << verb << ")\n";
        for (const auto& d : o.decisions) out << "    " << d << "\n";
        if (options.dry_run) {
            std::string indented;
            for (char c : text) {
                if (indented.empty() || indented.back() == '\n') indented += "    | ";
                indented += c;
            }
            out << indented;
        }
    }

    // In the order of the table (row by row), not sorted as text: "B10" after "B9".
    for (const auto& d : diags.all()) err << format_diagnostic(d) << "\n";
    if (diags.has_errors()) {
        err << "eqsite: nothing was imported. Fix the table and import again.\n";
        return 1;
    }
    if (options.dry_run) {
        out << "Dry run: " << planned.size() << (planned.size() == 1 ? " objective" : " objectives")
            << " would be written; nothing was written.\n";
        return 0;
    }
    std::size_t written = 0;
    for (const auto& p : planned) {
        if (p.verb == "unchanged") continue;
        fs::create_directories(p.file.parent_path(), ec);
        // Written beside it and renamed over it: an update stopped half way
        // leaves the old file whole.
        const fs::path temporary = p.file.parent_path() / ("." + to_utf8(p.file.filename()) + ".eqsite-import");
        bool ok = write_file(temporary, p.text);
        if (ok) {
            fs::rename(temporary, p.file, ec);
            ok = !ec;
        }
        if (!ok) {
            fs::remove(temporary, ec);
            err << "eqsite: error: cannot write " << relative_name(p.file, site) << "\n";
            return 2;
        }
        ++written;
    }
    out << "Imported " << planned.size() << (planned.size() == 1 ? " objective" : " objectives") << " ("
        << written << " written). Check them with: eqsite check\n";
    return 0;
}

}  // namespace eqsite
