// Which column of a school's table holds what: its header row found among
// the first rows (title rows above it are skipped), and each header mapped
// to an objective setting by keywords and synonyms, case and punctuation
// aside ("Who's responsible?" is the owner, "Link to Public Sector
// Equality Duty" the aims). A column that matches nothing is kept, and
// published in the objective's text under its header.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "import/sheet.hpp"

namespace eqsite::import {

enum class Field {
    title, slug, aims, characteristics, target_groups, about, why, owner, start, due, when, status, measures,
    actions, progress, description,
};
const char* field_name(Field f);
// Every field name, for messages and --map.
std::vector<std::string> field_names();
std::optional<Field> field_named(std::string_view name);

struct ColumnMap {
    std::size_t header_row = 0;                // in the sheet
    std::map<std::size_t, Field> fields;       // by column
    std::vector<std::size_t> kept;             // columns matching no field, kept in the text
    std::vector<std::string> decisions;        // "Who's responsible? (G) -> owner", for --dry-run
    std::optional<std::size_t> column_of(Field f) const;
};

// `overrides` (--map "Header=field") win over the keywords. nullopt when
// no row of the first ten names an objective (title) column; `why` says so.
std::optional<ColumnMap> map_columns(const Sheet& sheet, const std::map<std::string, Field>& overrides,
                                     std::string& why);

// How many of a row's cells name a field: how much it looks like a header.
int header_score(const std::vector<Cell>& row);

}  // namespace eqsite::import
