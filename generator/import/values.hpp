// The values in a school's own action-plan table, read the way people
// write them: "Sept 2017 – July 2018", "On-going", "Green - good progress",
// "Sexual Orientation/Race/Gender identity", "SEN".
//
// Each parser is a pure function from a cell's text to what it means, plus
// the words that tell the user what was decided on their behalf. They
// never report anything themselves: the import reports each decision,
// warning and unknown value at the cell it came from.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/vocabulary.hpp"
#include "util/date.hpp"

namespace eqsite::import {

// ---- Dates --------------------------------------------------------------

// When an objective runs, as read from a "Dates" or "Timescale" cell.
// `decision` says in words how a cell that is not a plain ISO date was
// read, for example: read "Sept 2017 – July 2018" as start 2017-09, due
// 2018-07.
struct When {
    std::optional<Date> start;
    std::optional<Date> due;
    bool ongoing = false;
    std::string decision;
};

// Reads ISO dates; UK numeric dates (31/07/2028, 1.9.2025, 31-07-28: day
// first); written dates ("1st Sept 2024", "September 2024"); school years
// ("2023/24", "2023-2024"); terms ("Summer 2024", "Autumn 1 2023");
// ranges of any of these ("Sept 2017 – July 2018", "2017 to 2021",
// "Sept 2023 - ongoing"); and words for work that does not end
// ("On-going", "termly", "annually"). A single date is the due date.
// nullopt when the cell cannot be read as any of these.
std::optional<When> parse_when(std::string_view cell);

// ---- Status -------------------------------------------------------------

struct StatusGuess {
    ObjectiveStatus status;
    std::string decision;  // empty when the cell is eqsite's own word
};

// Reads eqsite's statuses, RAG and BRAG colours and the usual words
// ("done", "in progress", "not started"), ignoring case, punctuation, a
// leading "RAG:" or "Status:" and a comment after the status ("Green -
// good progress"). nullopt when no status is recognised.
std::optional<StatusGuess> parse_status(std::string_view cell);

// ---- Aims and characteristics -------------------------------------------

// What an aims or characteristics cell names. `slugs` are eqsite's terms in
// the vocabulary's order, each once; `all` is set by "all" and its longer
// forms; `target_groups` keeps, as written, groups that are not protected
// characteristics ("SEN"); `warnings` explain every reading the user
// should check; `unknown` holds items as written that mean nothing known,
// for the caller to report with suggest().
struct Terms {
    std::vector<std::string> slugs;
    bool all = false;
    std::vector<std::string> target_groups;
    std::vector<std::string> warnings;
    std::vector<std::string> unknown;
};

// The three aims of the general equality duty (Equality Act 2010, section
// 149(1)), by eqsite slug, label, the Act's wording (with or without its
// "between people who share..." ending) and short forms.
Terms parse_aims(std::string_view cell);

// The nine protected characteristics by slug, label and the synonyms the
// build knows, plus groups that plans name but are not protected
// characteristics: "SEN", "EAL", "FSM", "BAME" and others.
Terms parse_characteristics(std::string_view cell);

// Every word parse_aims() and parse_characteristics() accept, for
// suggest() to choose from when an item is unknown.
std::vector<std::string> aim_words();
std::vector<std::string> characteristic_words();

// ---- Suggestions --------------------------------------------------------

// The candidates nearest to `word` by Damerau-Levenshtein distance (a
// swapped pair of letters is one edit), ignoring case: all of them when
// several are equally near, so the message can say "did you mean X or
// Y?"; none when even the nearest is further than max(2, half the word's
// length), which would be a guess rather than a typo.
std::vector<std::string> suggest(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace eqsite::import
