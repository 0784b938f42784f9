#include "cli/import_objectives.hpp"

#include <algorithm>
#include <map>

#include "cli/report.hpp"
#include "load/csv_file.hpp"
#include "load/document.hpp"
#include "model/objective.hpp"
#include "util/files.hpp"
#include "util/text.hpp"

namespace eqsite {

namespace fs = std::filesystem;

namespace {

// The columns, in the order their lines are written to the file.
struct Column {
    const char* name;
    bool list;  // "a; b" becomes [a, b]
};
const Column columns[] = {
    {"title", false},  {"about", false},         {"aims", true},  {"characteristics", true},
    {"target_groups", true}, {"why", false},     {"owner", true}, {"start", false},
    {"due", false},    {"status", false},        {"measures", true},
};

std::string yaml_quoted(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out + "\"";
}

std::string yaml_list(const std::string& cell) {
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start <= cell.size()) {
        const std::size_t end = std::min(cell.find(';', start), cell.size());
        if (auto item = trim(cell.substr(start, end - start)); !item.empty()) items.push_back(yaml_quoted(item));
        start = end + 1;
    }
    return "[" + join(items, ", ") + "]";
}

struct Planned {
    fs::path file;
    std::string text;
};

}  // namespace

int import_objectives(const fs::path& site, const fs::path& file, const std::optional<std::string>& school,
                      std::ostream& out, std::ostream& err) {
    std::error_code ec;
    if (!fs::is_regular_file(site / "site.yaml", ec)) {
        err << "eqsite: error: no site.yaml in " << to_utf8(fs::absolute(site)) << ": run this in your site folder\n";
        return 2;
    }
    fs::path folder = site / "content/trust/objectives";
    if (school) {
        if (!is_valid_slug(*school) || !fs::is_directory(site / "content/schools" / from_utf8(*school), ec)) {
            err << "eqsite: error: there is no school \"" << *school << "\" in content/schools/\n";
            return 2;
        }
        folder = site / "content/schools" / from_utf8(*school) / "objectives";
    }
    const auto bytes = read_file(file);
    if (!bytes) {
        err << "eqsite: error: cannot read " << to_utf8(file) << "\n";
        return 2;
    }
    const std::string name = to_utf8(file.filename());
    const bool tsv = to_lower_ascii(to_utf8(file.extension())) == ".tsv";
    Diagnostics diags;
    const auto csv = parse_csv(name, *bytes, diags, tsv ? '\t' : ',');
    if (!csv) {
        print_diagnostics(diags, ReportFormat::text, err);
        return 1;
    }

    // Which spreadsheet column holds each setting.
    std::map<std::string, std::size_t> at;
    std::vector<std::string> known;
    for (const auto& c : columns) known.emplace_back(c.name);
    known.insert(known.end(), {"slug", "description"});
    const CsvRow& header = csv->rows[0];
    for (std::size_t i = 0; i < header.size(); ++i) {
        const std::string h = to_lower_ascii(trim(header[i].text));
        if (std::find(known.begin(), known.end(), h) != known.end()) {
            at[h] = i;
            continue;
        }
        std::string msg = "unknown column \"" + header[i].text + "\"";
        if (auto guess = nearest(h, known)) msg += "; did you mean \"" + *guess + "\"?";
        else msg += ".";
        diags.error(csv->at(header[i]), msg + " The columns are " + join(known, ", "));
    }
    if (!at.count("title"))
        diags.error(csv->at(header[0]), "the first row must name a \"title\" column (one objective per row)");

    std::vector<Planned> planned;
    std::map<std::string, int> slug_line;
    for (std::size_t r = 1; at.count("title") && r < csv->rows.size(); ++r) {
        const CsvRow& row = csv->rows[r];
        // Spreadsheets often save empty rows (",,,,") at the end: skip them.
        if (std::all_of(row.begin(), row.end(), [](const CsvField& f) { return trim(f.text).empty(); })) continue;
        auto cell = [&](const std::string& key) -> const CsvField* {
            const auto it = at.find(key);
            return it == at.end() || it->second >= row.size() ? nullptr : &row[it->second];
        };
        const CsvField* title = cell("title");
        std::string slug = cell("slug") ? trim(cell("slug")->text) : "";
        if (slug.empty() && title) slug = suggest_slug(title->text);
        if (slug.size() > 60) slug = slug.substr(0, slug.find_last_of('-', 60));
        const CsvField& where = cell("slug") ? *cell("slug") : title ? *title : row[0];
        if (!is_valid_slug(slug)) {
            diags.error(csv->at(where), "cannot make a file name from this row: add a \"slug\" column with a name "
                                        "such as close-the-reading-gap");
            continue;
        }
        if (auto [it, fresh] = slug_line.emplace(slug, csv->rows[r][0].line); !fresh) {
            diags.error(csv->at(where), "two objectives would both be " + slug + ".md (the other is on line " +
                                            std::to_string(it->second) + "); give one a different slug");
            continue;
        }
        const fs::path target = folder / from_utf8(slug + ".md");
        if (fs::exists(target, ec)) {
            diags.error(csv->at(where), relative_name(target, site) + " already exists; eqsite import never "
                                        "overwrites: remove this row or give it another slug");
            continue;
        }
        // The file as it will be written; line n of it comes from lines[n - 2].
        std::string text = "---\n";
        std::vector<const CsvField*> lines;
        for (const auto& c : columns) {
            const CsvField* f = cell(c.name);
            if (!f || trim(f->text).empty()) continue;
            text += std::string(c.name) + ": " + (c.list ? yaml_list(f->text) : yaml_quoted(trim(f->text))) + "\n";
            lines.push_back(f);
        }
        text += "---\n";
        if (const CsvField* d = cell("description")) text += d->text + "\n";

        // Check it exactly as the build will, then point at the cells.
        Diagnostics row_diags;
        const std::string rel = relative_name(target, site);
        if (auto doc = parse_document(rel, text, row_diags)) read_objective(*doc, slug, std::nullopt, row_diags);
        for (const auto& d : row_diags.sorted()) {
            const int index = d.where.line - 2;
            const CsvField& source = index >= 0 && index < static_cast<int>(lines.size()) ? *lines[index] : row[0];
            Diagnostic moved = d;
            moved.where = csv->at(source);
            diags.add(moved);
        }
        planned.push_back({target, text});
    }

    print_diagnostics(diags, ReportFormat::text, err);
    if (diags.has_errors()) {
        err << "eqsite: nothing was imported. Fix the spreadsheet and import again.\n";
        return 1;
    }
    for (const auto& p : planned) {
        fs::create_directories(p.file.parent_path(), ec);
        if (!write_file(p.file, p.text)) {
            err << "eqsite: error: cannot write " << relative_name(p.file, site) << "\n";
            return 2;
        }
        out << "  created " << relative_name(p.file, site) << "\n";
    }
    out << "Imported " << planned.size() << (planned.size() == 1 ? " objective" : " objectives")
        << ". Check them with: eqsite check\n";
    return 0;
}

}  // namespace eqsite
