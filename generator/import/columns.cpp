#include "import/columns.hpp"

#include <algorithm>
#include <array>

#include "util/text.hpp"

namespace eqsite::import {

namespace {

struct FieldInfo {
    Field field;
    const char* name;
};
constexpr std::array<FieldInfo, 16> fields_in_order{{
    {Field::title, "title"},         {Field::slug, "slug"},
    {Field::aims, "aims"},           {Field::characteristics, "characteristics"},
    {Field::target_groups, "target_groups"}, {Field::about, "about"},
    {Field::why, "why"},             {Field::owner, "owner"},
    {Field::start, "start"},         {Field::due, "due"},
    {Field::when, "dates"},          {Field::status, "status"},
    {Field::measures, "measures"},   {Field::actions, "actions"},
    {Field::progress, "progress"},   {Field::description, "description"},
}};

// Lower-case words of a header: "Who's responsible?" -> "whos responsible".
std::string words_of(std::string_view header) {
    std::string out;
    bool space = false;
    for (char c : to_lower_ascii(header)) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (space && !out.empty()) out += ' ';
            out += c;
            space = false;
        } else if (c != '\'' && static_cast<unsigned char>(c) < 0x80) {
            space = true;
        } else if (static_cast<unsigned char>(c) >= 0x80) {
            space = true;  // curly apostrophes and the like
        }
    }
    return out;
}

bool has_word(const std::string& words, std::string_view w) {
    const std::string padded = " " + words + " ";
    return padded.find(" " + std::string(w) + " ") != std::string::npos;
}

// Keywords for each setting; the longest phrase a header holds decides.
struct Rule {
    Field field;
    std::vector<std::string_view> phrases;  // any of these words or phrases
};
const std::vector<Rule>& rules() {
    static const std::vector<Rule> r = {
        {Field::slug, {"slug", "file name", "filename"}},
        {Field::aims, {"public sector equality duty", "psed", "general duty", "equality duty", "aims of the duty",
                       "aim of the duty", "link to duty", "duty"}},
        {Field::characteristics, {"protected characteristic", "protected characteristics", "characteristic",
                                  "characteristics"}},
        {Field::target_groups, {"target group", "target groups", "groups", "group", "who benefits", "pupil groups"}},
        {Field::status, {"rag", "rag rating", "status", "rating"}},
        {Field::owner, {"whos responsible", "who is responsible", "responsible", "responsibility", "lead",
                        "lead person", "owner", "person responsible", "by whom", "who"}},
        {Field::progress, {"progress", "milestone", "milestones", "monitoring", "evidence", "update", "updates",
                           "review", "impact so far"}},
        {Field::measures, {"success criteria", "success criterion", "measure", "measures", "measure of success",
                           "outcome", "outcomes", "impact", "target", "targets", "kpi", "how we will know"}},
        {Field::actions, {"action", "actions", "action plan", "steps", "strategies", "strategy", "what we will do",
                          "activities", "how"}},
        {Field::start, {"start", "start date", "from", "begin"}},
        {Field::due, {"due", "due date", "deadline", "by when", "completion date", "end date", "target date",
                      "review date", "date for review", "date to be achieved by"}},
        {Field::when, {"dates", "date", "timescale", "timescales", "timeframe", "time frame", "when", "timeline"}},
        {Field::why, {"why", "rationale", "reason", "reasons", "context", "background", "aim", "aims"}},
        {Field::title, {"objective", "objectives", "equality objective", "title", "priority"}},
        {Field::about, {"about", "audience", "pupils or staff"}},
        {Field::description, {"description", "notes", "comments", "details", "detail"}},
    };
    return r;
}

std::optional<Field> keyword_field(const std::string& words) {
    if (words.empty()) return std::nullopt;
    // An exact field name (eqsite's own columns: "target_groups" or "target groups") first.
    for (const auto& f : fields_in_order) {
        std::string name = f.name;
        std::replace(name.begin(), name.end(), '_', ' ');
        if (words == name) return f.field;
    }
    // The longest phrase a header holds wins, whichever rule it is in:
    // "Target date" is a due date (not a target), "Review date" too.
    std::optional<Field> best;
    std::size_t best_length = 0;
    for (const auto& rule : rules())
        for (const auto& phrase : rule.phrases)
            if (phrase.size() > best_length && has_word(words, phrase)) {
                best = rule.field;
                best_length = phrase.size();
            }
    return best;
}

}  // namespace

const char* field_name(Field f) {
    for (const auto& info : fields_in_order)
        if (info.field == f) return info.name;
    return "?";
}

std::vector<std::string> field_names() {
    std::vector<std::string> out;
    for (const auto& info : fields_in_order) out.emplace_back(info.name);
    return out;
}

std::optional<Field> field_named(std::string_view name) {
    const std::string n = to_lower_ascii(trim(name));
    for (const auto& info : fields_in_order)
        if (n == info.name) return info.field;
    return std::nullopt;
}

std::optional<std::size_t> ColumnMap::column_of(Field f) const {
    for (const auto& [column, field] : fields)
        if (field == f) return column;
    return std::nullopt;
}

int header_score(const std::vector<Cell>& row) {
    int score = 0;
    for (const auto& cell : row)
        if (cell.text.size() < 80 && keyword_field(words_of(cell.text))) ++score;
    return score;
}

std::optional<ColumnMap> map_columns(const Sheet& sheet, const std::map<std::string, Field>& overrides, std::string& why) {
    // The header: among the first ten rows, the first that names an
    // objective column and at least one other; rows above are titles.
    std::optional<std::size_t> header;
    for (std::size_t r = 0; r < sheet.rows.size() && r < 10 && !header; ++r) {
        bool title = false;
        for (const auto& cell : sheet.rows[r]) {
            const std::string words = words_of(cell.text);
            const bool overridden = overrides.count(to_lower_ascii(trim(cell.text))) &&
                                    overrides.at(to_lower_ascii(trim(cell.text))) == Field::title;
            title = title || overridden || (cell.text.size() < 80 && keyword_field(words) == Field::title);
        }
        if (title && header_score(sheet.rows[r]) >= 2) header = r;
    }
    if (!header) {
        why = "no row among the first ten of " + (sheet.name.empty() ? sheet.file : sheet.file + ":" + sheet.name) +
              " looks like a header naming the objective column (\"Objective\" or \"Title\") and another; add such "
              "a header, or say which column is which with --map \"Your header=title\"";
        return std::nullopt;
    }
    ColumnMap map;
    map.header_row = *header;
    if (*header > 0)
        map.decisions.push_back("rows 1 to " + std::to_string(*header) + " are above the header: skipped as titles");
    for (const auto& cell : sheet.rows[*header]) {
        const std::string text = trim(cell.text);
        if (text.empty()) continue;
        std::optional<Field> f;
        std::string how = "by its words";
        if (const auto o = overrides.find(to_lower_ascii(text)); o != overrides.end()) {
            f = o->second;
            how = "by --map";
        } else {
            f = keyword_field(words_of(text));
        }
        // A second column for the same setting: a plain "Aim" beside a
        // "Link to the duty" column is the objective's aim in words (why).
        if (f && map.column_of(*f)) {
            if (*f == Field::aims || *f == Field::why) f = map.column_of(Field::why) ? std::nullopt : std::optional(Field::why);
            else f = std::nullopt;
        }
        const std::string label = "\"" + text + "\" (column " + column_letters(cell.column) + ")";
        if (f) {
            map.fields[cell.column] = *f;
            map.decisions.push_back(label + " -> " + field_name(*f) + " (" + how + ")");
        } else {
            map.kept.push_back(cell.column);
            map.decisions.push_back(label + " -> kept in the objective's text under its header");
        }
    }
    return map;
}

}  // namespace eqsite::import
