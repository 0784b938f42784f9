#include "model/stated_numbers.hpp"

#include <array>
#include <cctype>

#include "util/text.hpp"

namespace eqsite {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

// The word before position `at` (letters only), lower case.
std::string word_before(std::string_view text, std::size_t at) {
    std::size_t end = at;
    while (end > 0 && text[end - 1] == ' ') --end;
    std::size_t start = end;
    while (start > 0 && is_letter(text[start - 1])) --start;
    return to_lower_ascii(std::string(text.substr(start, end - start)));
}

// The word after position `at`, lower case.
std::string word_after(std::string_view text, std::size_t at) {
    while (at < text.size() && text[at] == ' ') ++at;
    std::size_t end = at;
    while (end < text.size() && is_letter(text[end])) ++end;
    return to_lower_ascii(std::string(text.substr(at, end - at)));
}

bool names_people(const std::string& word) {
    static const std::array<std::string_view, 18> people = {
        "pupil", "pupils", "child", "children", "student", "students", "girl", "girls", "boy", "boys",
        "person", "people", "member", "members", "teacher", "teachers", "staff", "learner"};
    for (auto p : people)
        if (word == p) return true;
    return false;
}

// "%", "per cent" or "percent" after position `at`.
bool percent_after(std::string_view text, std::size_t at) {
    while (at < text.size() && text[at] == ' ') ++at;
    if (at < text.size() && text[at] == '%') return true;
    const std::string w = word_after(text, at);
    if (w == "percent") return true;
    if (w != "per") return false;
    return word_after(text, at + 3) == "cent";
}

}  // namespace

std::vector<StatedNumber> stated_numbers(std::string_view text) {
    static const std::array<std::string_view, 21> words = {
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
    std::vector<StatedNumber> out;
    int line = 0;
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (c == '\n') {
            ++line;
            ++i;
            continue;
        }
        if (is_letter(c)) {
            std::size_t end = i;
            while (end < text.size() && is_letter(text[end])) ++end;
            const std::string w = to_lower_ascii(std::string(text.substr(i, end - i)));
            for (std::size_t n = 2; n < words.size(); ++n)
                if (w == words[n]) out.push_back({std::string(text.substr(i, end - i)), double(n), 0, percent_after(text, end), line});
            if (w == "one" && names_people(word_after(text, end))) out.push_back({std::string(text.substr(i, end - i)), 1, 0, false, line});
            i = end;
            continue;
        }
        if (!is_digit(c)) {
            ++i;
            continue;
        }
        // Digits, with thousands commas and a decimal part.
        std::size_t end = i;
        std::string digits;
        int decimals = -1;
        while (end < text.size()) {
            if (is_digit(text[end])) {
                digits += text[end];
                if (decimals >= 0) ++decimals;
                ++end;
            } else if (text[end] == ',' && decimals < 0 && end + 3 < text.size() && is_digit(text[end + 1]) &&
                       is_digit(text[end + 2]) && is_digit(text[end + 3]) &&
                       (end + 4 == text.size() || !is_digit(text[end + 4]))) {
                ++end;  // "1,234"
            } else if (text[end] == '.' && decimals < 0 && end + 1 < text.size() && is_digit(text[end + 1])) {
                digits += '.';
                decimals = 0;
                ++end;
            } else {
                break;
            }
        }
        const std::size_t start = i;
        i = end;
        // Part of a code or word ("KS2", "Y6", "3rd"), of a date or period
        // ("2024/25", "12-03"), or a year or key stage's number.
        if (start > 0 && (is_letter(text[start - 1]) || text[start - 1] == '/' || text[start - 1] == '-' ||
                          text[start - 1] == ':' || text[start - 1] == '.'))
            continue;
        if (end < text.size() && (is_letter(text[end]) || text[end] == '/' || text[end] == ':' ||
                                  (text[end] == '-' && end + 1 < text.size() && is_digit(text[end + 1]))))
            continue;
        const std::string before = word_before(text, start);
        if (before == "year" || before == "years" || before == "stage" || before == "ks" || before == "grade" ||
            before == "level" || before == "page")
            continue;
        out.push_back({std::string(text.substr(start, end - start)), std::stod(digits), decimals < 0 ? 0 : decimals,
                       percent_after(text, end), line});
    }
    return out;
}

}  // namespace eqsite
