// The numbers a piece of the author's prose states ("only 3 pupils",
// "two girls", "17.5%"), so that suppression can tell when a table's
// commentary repeats a figure the table hides. Internal to the model stage.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace eqsite {

struct StatedNumber {
    std::string text;      // as written: "3", "two", "17.5%"
    double value = 0;      // 3, 2, 17.5
    int decimals = 0;      // digits after the point: 17.5 has 1
    bool percent = false;  // followed by "%", "per cent" or "percent"
    int line = 0;          // 0 for the text's first line
};

// Numbers written in digits (thousands with commas allowed) or as the words
// two to twenty ("one" only before a word for people: "one pupil"). Not
// numbers that name something rather than count it: part of a word or code
// ("KS2", "Y6"), after "Year" or "Key stage", or part of a date or period
// ("2024/25", "12-03-2025").
std::vector<StatedNumber> stated_numbers(std::string_view text);

}  // namespace eqsite
