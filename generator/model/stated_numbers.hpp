// The numbers a piece of the author's prose states about people ("only 3
// pupils", "sixty disadvantaged pupils", "a third of them", "17.5%"), so
// that suppression can tell when a table's commentary repeats a figure the
// table hides. Internal to the model stage.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace eqsite {

struct StatedNumber {
    std::string text;      // as written: "3", "two hundred", "17.5%", "1/3"
    double value = 0;      // 3, 200, 17.5, 33.33...
    int decimals = 0;      // digits after the point as written: 17.5 has 1
    bool percent = false;  // a share: followed by "%" or "per cent", or a fraction ("a third", "1/3", "0.33")
    int line = 0;          // 0 for the text's first line
    int column = 0;        // bytes before it on its line
    std::string counts;    // the few words after it that say what it counts, lower case: "disadvantaged pupils"
};

// Numbers written in digits (thousands with commas allowed), as words up to
// nine hundred and ninety-nine ("one" and "a single" only a few words
// before a word for people: "one disadvantaged pupil"), and shares ("a
// third", "three quarters", "half of", "1/3", "0.33", "17.5%"). Not
// numbers that name or measure something else: part of a word or code
// ("KS2", "Y6"), after "Year", "Key stage", "page" or "grade", before a
// unit of time or a count of things that are not people ("3 years", "10
// days", "3 points", "three primaries"), in a compound ("3-year"), or a date
// or period ("1 September", "2024/25", "12-03-2025"). A plain number
// counts people only when the words after it say so (`counts` names
// pupils, children, staff...; the caller may look for its own groups'
// names there too): "3 disadvantaged pupils", not "3 reminders".
std::vector<StatedNumber> stated_numbers(std::string_view text);

// Whether `words` name people as a table of pupils or staff does.
bool names_people(std::string_view words);

}  // namespace eqsite
