#include "import/objective_rows.hpp"

#include <algorithm>
#include <map>

#include "import/cell_text.hpp"
#include "import/values.hpp"
#include "model/vocabulary.hpp"
#include "util/digest.hpp"
#include "util/text.hpp"

namespace eqsite::import {

namespace {

std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        if (c == '\t') {
            out += ' ';
            continue;
        }
        out += c;
    }
    return out + "\"";
}

std::string flow_list(const std::vector<std::string>& items) {
    std::vector<std::string> q;
    for (const auto& i : items) q.push_back(quoted(i));
    return "[" + join(q, ", ") + "]";
}

// Every line of a cell, paragraphs and items alike, in order.
std::vector<std::string> all_lines(std::string_view raw) {
    std::vector<std::string> out;
    for (const auto& l : cell_lines(raw)) out.push_back(l.text);
    return out;
}

std::vector<std::string> split_line_on(const std::string& line, char separator) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= line.size()) {
        const std::size_t end = std::min(line.find(separator, start), line.size());
        if (auto part = trim(line.substr(start, end - start)); !part.empty()) out.push_back(part);
        start = end + 1;
    }
    return out;
}

// One objective's cells: the texts of each column over its rows.
struct Gathered {
    std::map<std::size_t, std::string> text;   // by column
    std::map<std::size_t, const Cell*> first;  // the first non-empty cell of each column
    std::size_t row = 0;
};

class RowReader {
public:
    RowReader(const Sheet& sheet, const ColumnMap& map, Diagnostics& diags)
        : sheet_(sheet), map_(map), diags_(diags) {}

    ImportedObjective read(const Gathered& g) {
        g_ = &g;
        out_ = ImportedObjective{};
        target_groups_.clear();
        out_.row = g.row;
        const auto title_column = map_.column_of(Field::title);
        const Cell* title_cell = title_column && g.first.count(*title_column) ? g.first.at(*title_column) : nullptr;
        out_.where = title_cell ? sheet_.where(*title_cell) : sheet_.where(g.row, 0);
        text_ = "---\n";
        out_.line_cells.push_back(out_.where);

        const std::string title = value(Field::title) ? cell_plain(*value(Field::title)) : "";
        line("title", quoted(title), Field::title);
        if (auto slug = value(Field::slug)) out_.slug = trim(cell_plain(*slug));
        if (out_.slug.empty()) out_.slug = suggest_slug(title);
        if (out_.slug.size() > 60) out_.slug = out_.slug.substr(0, out_.slug.find_last_of('-', 60));
        if (auto about = value(Field::about)) line("about", quoted(trim(cell_plain(*about))), Field::about);
        aims();
        characteristics();
        if (!target_groups_.empty()) line("target_groups", flow_list(target_groups_), Field::target_groups);
        if (auto why = value(Field::why)) line("why", quoted(join(all_lines(*why), " ")), Field::why);
        if (auto owner = value(Field::owner)) {
            // One owner per line or per ";": "Head of Maths and English" is one person.
            std::vector<std::string> owners;
            for (const auto& l : cell_lines(*owner))
                for (auto& part : split_line_on(l.text, ';')) owners.push_back(part);
            if (!owners.empty()) line("owner", flow_list(owners), Field::owner);
        }
        dates();
        status();
        if (auto measures = value(Field::measures)) {
            auto items = all_lines(*measures);
            if (!items.empty()) line("measures", flow_list(items), Field::measures);
        }
        if (auto actions = value(Field::actions)) {
            std::vector<std::string> items;
            for (const auto& a : all_lines(*actions)) items.push_back("{text: " + quoted(a) + "}");
            if (!items.empty()) {
                line("actions", "[" + join(items, ", ") + "]", Field::actions);
                decide(Field::actions, std::to_string(items.size()) + (items.size() == 1 ? " action" : " actions"));
            }
        }
        text_ += "---\n";
        body();
        out_.text = text_;
        return std::move(out_);
    }

private:
    // The column's text for this objective, if it has any.
    std::optional<std::string> value(Field f) const {
        const auto c = map_.column_of(f);
        if (!c || !g_->text.count(*c) || trim(g_->text.at(*c)).empty()) return std::nullopt;
        return g_->text.at(*c);
    }
    std::string cell_name(Field f) const {
        const auto c = map_.column_of(f);
        if (!c) return out_.where;
        const auto it = g_->first.find(*c);
        const std::string header = trim(sheet_.rows[map_.header_row][*c].text);
        const std::string at = it == g_->first.end() ? sheet_.where(g_->row, *c) : sheet_.where(*it->second);
        return at + " (" + header + ")";
    }
    void line(const std::string& key, const std::string& yaml, Field from) {
        text_ += key + ": " + yaml + "\n";
        out_.line_cells.push_back(cell_name(from));
    }
    void decide(Field f, const std::string& what) { out_.decisions.push_back(cell_name(f) + ": " + what); }
    void warn(Field f, const std::string& what) { diags_.warning({cell_name(f), 0, 0}, what); }
    void error(Field f, const std::string& what) { diags_.error({cell_name(f), 0, 0}, what); }

    void unknown_terms(Field f, const std::vector<std::string>& unknown, const std::vector<std::string>& valid,
                       const std::string& noun) {
        for (const auto& u : unknown) {
            const auto near = suggest(u, valid);
            std::string msg = "\"" + u + "\" is not " + noun;
            if (near.size() == 1) msg += "; did you mean \"" + near[0] + "\"?";
            else if (near.size() > 1) msg += "; did you mean " + join_words(near, " or ") + "?";
            else msg += "; use " + join_words(valid, " or ");
            error(f, msg);
        }
    }

    void aims() {
        const auto cell = value(Field::aims);
        if (!cell) {
            decide(Field::title, "no aims of the duty given: written without them (the build warns until you add them)");
            return;
        }
        const Terms t = parse_aims(*cell);
        for (const auto& w : t.warnings) warn(Field::aims, w);
        std::vector<std::string> valid;
        for (auto term : aims_vocabulary().terms) valid.emplace_back(term);
        unknown_terms(Field::aims, t.unknown, valid, "an aim of the general equality duty");
        std::vector<std::string> slugs = t.slugs;
        if (t.all) {
            slugs = valid;
            decide(Field::aims, "\"" + cell_plain(*cell) + "\" read as all three aims");
        }
        if (!slugs.empty()) line("aims", flow_list(slugs), Field::aims);
    }

    void characteristics() {
        // One group per line, ";" or ",": "Pupils and visitors with mobility needs" is one group.
        if (auto groups = value(Field::target_groups))
            for (const auto& l : cell_lines(*groups))
                for (const auto& part : split_line_on(l.text, ';'))
                    for (auto& g : split_line_on(part, ',')) target_groups_.push_back(g);
        const auto cell = value(Field::characteristics);
        if (!cell) return;
        const Terms t = parse_characteristics(*cell);
        for (const auto& w : t.warnings) warn(Field::characteristics, w);
        std::vector<std::string> valid;
        for (auto term : characteristics_vocabulary().terms) valid.emplace_back(term);
        unknown_terms(Field::characteristics, t.unknown, valid, "a protected characteristic");
        for (const auto& g : t.target_groups)
            if (std::find(target_groups_.begin(), target_groups_.end(), g) == target_groups_.end())
                target_groups_.push_back(g);
        if (t.all) {
            line("characteristics", "[all]", Field::characteristics);
            decide(Field::characteristics, "\"" + cell_plain(*cell) + "\" read as all protected characteristics");
        } else if (!t.slugs.empty()) {
            line("characteristics", flow_list(t.slugs), Field::characteristics);
        }
    }

    void dates() {
        std::optional<Date> start, due;
        bool ongoing = false;
        auto read = [&](Field f, bool is_start) {
            const auto cell = value(f);
            if (!cell) return;
            const auto when = parse_when(cell_plain(*cell));
            if (!when) {
                error(f, "cannot read \"" + cell_plain(*cell) + "\" as a date; write it as 31/07/2028, July 2028, "
                         "2027/28, a range such as \"Sept 2025 - July 2026\", or on-going");
                return;
            }
            if (!when->decision.empty()) decide(f, when->decision);
            if (is_start) {
                start = when->start ? when->start : when->due;
            } else {
                if (when->start && !start) start = when->start;
                if (when->due) due = when->due;
                ongoing = ongoing || when->ongoing;
            }
        };
        read(Field::start, true);
        read(Field::when, false);
        read(Field::due, false);
        const Field due_from = map_.column_of(Field::due) && value(Field::due) ? Field::due : Field::when;
        if (start) line("start", start->iso(), map_.column_of(Field::start) && value(Field::start) ? Field::start : due_from);
        if (due) line("due", due->iso(), due_from);
        else if (ongoing) line("due", "ongoing", due_from);
    }

    void status() {
        const auto cell = value(Field::status);
        if (!cell) {
            // Plans without a status column often start their progress
            // notes with one: "Green", "Amber - quote received".
            const auto progress = value(Field::progress);
            const auto lines = progress ? cell_lines(*progress) : std::vector<CellLine>{};
            if (lines.empty()) return;
            if (const auto s = parse_status(lines.front().text)) {
                decide(Field::progress, "status taken from the start of the progress notes: " +
                                            (s->decision.empty() ? "\"" + lines.front().text + "\" as " +
                                                                       std::string(slug(s->status))
                                                                 : s->decision));
                line("status", std::string(slug(s->status)), Field::progress);
            }
            return;
        }
        const auto s = parse_status(cell_plain(*cell));
        if (!s) {
            std::vector<std::string> valid;
            for (auto term : objective_status_vocabulary().terms) valid.emplace_back(term);
            error(Field::status, "cannot read \"" + cell_plain(*cell) + "\" as a status; use " + join_words(valid, " or ") +
                                     " (or a RAG colour: red, amber, green)");
            return;
        }
        if (!s->decision.empty()) decide(Field::status, s->decision);
        line("status", std::string(slug(s->status)), Field::status);
    }

    // The text: the description, then the progress notes and every column
    // that matched no setting, each under its header, as Markdown.
    void body() {
        auto section = [&](const std::string& heading, const std::string& raw) {
            const auto lines = cell_lines(raw);
            if (lines.empty()) return;
            if (!heading.empty()) text_ += "\n## " + heading + "\n\n";
            bool in_list = false;
            for (const auto& l : lines) {
                if (l.item) {
                    text_ += "- " + escape_markdown(l.text) + "\n";
                    in_list = true;
                } else {
                    if (in_list) text_ += "\n";
                    text_ += escape_markdown(l.text) + "\n\n";
                    in_list = false;
                }
            }
        };
        if (auto d = value(Field::description)) section("", *d);
        if (auto p = value(Field::progress)) {
            const auto c = map_.column_of(Field::progress);
            section(trim(sheet_.rows[map_.header_row][*c].text), *p);
        }
        for (std::size_t c : map_.kept) {
            if (!g_->text.count(c) || trim(g_->text.at(c)).empty()) continue;
            const std::string header = trim(sheet_.rows[map_.header_row][c].text);
            section(header, g_->text.at(c));
            out_.decisions.push_back(sheet_.where(g_->row, c) + " (" + header +
                                     "): no setting matches this column, so it is kept in the text under \"" +
                                     header + "\"");
        }
    }

    // Cell text is published as written: Markdown characters in it are not markup.
    static std::string escape_markdown(const std::string& s) {
        std::string out;
        for (char c : s) {
            if (c == '\\' || c == '`' || c == '*' || c == '_' || c == '[' || c == ']' || c == '<' || c == '>' ||
                c == '#' || c == '|')
                out += '\\';
            out += c;
        }
        return out;
    }

    const Sheet& sheet_;
    const ColumnMap& map_;
    Diagnostics& diags_;
    const Gathered* g_ = nullptr;
    ImportedObjective out_;
    std::string text_;
    std::vector<std::string> target_groups_;
};

bool row_empty(const std::vector<Cell>& row) {
    for (const auto& c : row)
        if (!trim(c.text).empty()) return false;
    return true;
}

}  // namespace

std::vector<ImportedObjective> objective_rows(const Sheet& sheet, const ColumnMap& map, Diagnostics& diags,
                                              std::vector<std::string>& decisions) {
    const auto title_column = map.column_of(Field::title);
    std::vector<Gathered> gathered;
    for (std::size_t r = map.header_row + 1; r < sheet.rows.size(); ++r) {
        const auto& row = sheet.rows[r];
        if (row_empty(row)) continue;
        const bool has_title = title_column && *title_column < row.size() && !trim(row[*title_column].text).empty();
        if (!has_title) {
            if (gathered.empty()) {
                diags.error({sheet.where(r, title_column.value_or(0)), 0, 0},
                            "this row has no objective, and no row above it to continue; fill in its objective "
                            "cell or delete the row");
                continue;
            }
            decisions.push_back("row " + std::to_string(r + 1) + " has an empty objective cell: it continues row " +
                                std::to_string(gathered.back().row + 1) + ", so its cells are added to that objective");
        } else {
            gathered.push_back({{}, {}, r});
        }
        Gathered& g = gathered.back();
        for (const auto& cell : row) {
            if (trim(cell.text).empty()) continue;
            auto& text = g.text[cell.column];
            // A merged cell repeats its value down the rows it covers: once is enough.
            if (!has_title && text == cell.text) continue;
            if (!text.empty()) text += "\n";
            text += cell.text;
            g.first.emplace(cell.column, &cell);
        }
    }
    std::vector<ImportedObjective> out;
    RowReader reader(sheet, map, diags);
    for (const auto& g : gathered) out.push_back(reader.read(g));
    return out;
}

namespace {
constexpr const char* marker_start = "imported:\n";
}  // namespace

std::string with_import_marker(const std::string& text, const std::string& from) {
    // The marker goes last in the front matter; the digest covers the file without it.
    const Digest d = digest_of(text);
    const std::size_t end = text.find("\n---\n", 3);
    if (end == std::string::npos) return text;
    return text.substr(0, end + 1) + marker_start + "  from: " + quoted(from) + "\n  digest: \"" + d.hex() + "\"\n" +
           text.substr(end + 1);
}

ImportedState imported_state(const std::string& text) {
    const std::size_t at = text.find(std::string("\n") + marker_start);
    if (at == std::string::npos) return ImportedState::not_imported;
    const std::size_t from_end = text.find('\n', at + 1 + std::string(marker_start).size());
    const std::size_t digest_line = from_end == std::string::npos ? std::string::npos : from_end + 1;
    if (digest_line == std::string::npos || text.compare(digest_line, 11, "  digest: \"") != 0)
        return ImportedState::edited;
    const std::size_t digest_end = text.find('\n', digest_line);
    if (digest_end == std::string::npos) return ImportedState::edited;
    const std::string hex = text.substr(digest_line + 11, 32);
    const std::string without = text.substr(0, at + 1) + text.substr(digest_end + 1);
    return digest_of(without).hex() == hex ? ImportedState::unchanged : ImportedState::edited;
}

}  // namespace eqsite::import
