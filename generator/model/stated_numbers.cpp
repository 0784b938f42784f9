#include "model/stated_numbers.hpp"

#include <algorithm>
#include <array>
#include <tuple>
#include <cctype>
#include <optional>

#include "util/text.hpp"

namespace eqsite {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

// The text as words, lower case, with where each starts and ends.
struct Word {
    std::string text;
    std::size_t start, end;
};

std::vector<Word> words_of(std::string_view text) {
    std::vector<Word> out;
    for (std::size_t i = 0; i < text.size();) {
        if (!is_letter(text[i]) && !is_digit(text[i])) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && (is_letter(text[end]) || is_digit(text[end]))) ++end;
        out.push_back({to_lower_ascii(std::string(text.substr(i, end - i))), i, end});
        i = end;
    }
    return out;
}

constexpr std::array<std::string_view, 20> units = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
constexpr std::array<std::string_view, 8> tens = {"twenty", "thirty", "forty", "fifty",
                                                  "sixty", "seventy", "eighty", "ninety"};

std::optional<int> unit_word(std::string_view w) {
    for (std::size_t i = 0; i < units.size(); ++i)
        if (w == units[i]) return static_cast<int>(i);
    return std::nullopt;
}
std::optional<int> tens_word(std::string_view w) {
    for (std::size_t i = 0; i < tens.size(); ++i)
        if (w == tens[i]) return static_cast<int>(20 + 10 * i);
    return std::nullopt;
}

bool one_of(std::string_view w, std::initializer_list<std::string_view> list) {
    for (auto x : list)
        if (w == x) return true;
    return false;
}

bool people_word(std::string_view w) {
    return one_of(w, {"pupil", "pupils", "child", "children", "student", "students", "girl", "girls", "boy", "boys",
                      "person", "people", "member", "members", "teacher", "teachers", "staff", "learner", "learners",
                      "colleague", "colleagues", "employee", "employees", "leaver", "leavers"});
}

// Words after a number that say it counts time or things, not people.
bool unit_after(std::string_view w) {
    return one_of(w, {"year", "years", "day", "days", "week", "weeks", "month", "months", "term", "terms", "hour",
                      "hours", "minute", "minutes", "session", "sessions", "point", "points", "time", "times",
                      "school", "schools", "primary", "primaries", "secondary", "secondaries", "academy", "academies",
                      "governor", "governors", "priority", "priorities", "objective", "objectives", "page", "pages",
                      "step", "steps", "per", "am", "pm", "th", "st", "nd", "rd"}) ||
           one_of(w, {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                      "october", "november", "december"});
}
bool names_before(std::string_view w) {
    return one_of(w, {"year", "years", "stage", "ks", "grade", "level", "page", "section", "term", "phase", "step",
                      "priority", "objective", "january", "february", "march", "april", "may", "june", "july",
                      "august", "september", "october", "november", "december"});
}

// "%", "per cent" or "percent" from word w on (or a "%" at `at`).
bool percent_at(std::string_view text, std::size_t at, const std::vector<Word>& words, std::size_t w) {
    while (at < text.size() && text[at] == ' ') ++at;
    if (at < text.size() && text[at] == '%') return true;
    if (w < words.size() && words[w].text == "percent") return true;
    return w + 1 < words.size() && words[w].text == "per" && words[w + 1].text == "cent";
}

}  // namespace

bool names_people(std::string_view words) {
    for (const auto& w : words_of(words))
        if (people_word(w.text)) return true;
    return false;
}

std::vector<StatedNumber> stated_numbers(std::string_view text) {
    const std::vector<Word> words = words_of(text);
    std::vector<StatedNumber> out;
    auto line_of = [&](std::size_t at) {
        int line = 0;
        std::size_t line_start = 0;
        for (std::size_t i = 0; i < at; ++i)
            if (text[i] == '\n') ++line, line_start = i + 1;
        return std::pair<int, int>{line, static_cast<int>(at - line_start)};
    };
    // The few words after a number that say what it counts ("3 of the
    // disadvantaged pupils"), up to a word that starts another phrase
    // ("15 classrooms for its pupils").
    auto following = [&](std::size_t end) {
        std::string out;
        std::size_t k = 0;
        while (k < words.size() && words[k].start < end) ++k;
        for (std::size_t n = 0; k < words.size() && n < 5; ++k, ++n) {
            if (one_of(words[k].text, {"for", "in", "at", "on", "per", "each", "every", "with", "to", "by", "from"})) break;
            out += (out.empty() ? "" : " ") + words[k].text;
        }
        return out;
    };
    auto push = [&](std::size_t start, std::size_t end, double value, int decimals, bool percent) {
        const auto [line, column] = line_of(start);
        out.push_back({std::string(text.substr(start, end - start)), value, decimals, percent, line, column,
                       following(end)});
    };
    // A word for people within the next three words.
    auto people_soon = [&](std::size_t w) {
        for (std::size_t k = w; k < words.size() && k < w + 3; ++k)
            if (people_word(words[k].text)) return true;
        return false;
    };
    auto before = [&](std::size_t w) { return w > 0 ? words[w - 1].text : std::string(); };
    auto after = [&](std::size_t w) { return w + 1 < words.size() ? words[w + 1].text : std::string(); };
    // A compound ("3-year", "two-thirds"): joined to the next word by "-".
    auto hyphen_after = [&](std::size_t end) { return end + 1 < text.size() && text[end] == '-' && is_letter(text[end + 1]); };

    for (std::size_t w = 0; w < words.size(); ++w) {
        const Word& word = words[w];
        if (is_digit(word.text[0])) continue;
        // Shares in words.
        const std::string next = after(w);
        if ((word.text == "a" || word.text == "one") && one_of(next, {"third", "quarter"})) {
            push(word.start, words[w + 1].end, next == "third" ? 100.0 / 3 : 25, 0, true);
            ++w;
            continue;
        }
        if (word.text == "two" && one_of(next, {"thirds"})) {
            push(word.start, words[w + 1].end, 200.0 / 3, 0, true);
            ++w;
            continue;
        }
        if (word.text == "three" && one_of(next, {"quarters"})) {
            push(word.start, words[w + 1].end, 75, 0, true);
            ++w;
            continue;
        }
        if (word.text == "half" && next == "of") {
            push(word.start, word.end, 50, 0, true);
            continue;
        }
        // Numbers in other words: "a pair of", "a couple of", "a trio of",
        // "a dozen", "half a dozen", "a dozen and a half", "a score of".
        if (word.text == "half" && next == "a" && w + 2 < words.size() && words[w + 2].text == "dozen") {
            push(word.start, words[w + 2].end, 6, 0, false);
            w += 2;
            continue;
        }
        if (word.text == "a" && one_of(next, {"pair", "couple", "trio", "dozen", "score"})) {
            double value = next == "pair" || next == "couple" ? 2 : next == "trio" ? 3 : next == "dozen" ? 12 : 20;
            std::size_t last = w + 1;
            if (next == "dozen" && w + 4 < words.size() && words[w + 2].text == "and" && words[w + 3].text == "a" &&
                words[w + 4].text == "half")
                value = 18, last = w + 4;
            push(word.start, words[last].end, value, 0, false);
            w = last;
            continue;
        }
        if (word.text == "a" && next == "single" && people_soon(w + 2)) {
            push(word.start, words[w + 1].end, 1, 0, false);
            ++w;
            continue;
        }
        // Numbers in words: [units | tens[-units]] [hundred [and] [tens[-units] | units]].
        auto small_number = [&](std::size_t k, std::size_t& used) -> std::optional<int> {
            if (k >= words.size()) return std::nullopt;
            if (const auto u = unit_word(words[k].text)) {
                used = 1;
                return *u;
            }
            if (const auto t = tens_word(words[k].text)) {
                used = 1;
                if (k + 1 < words.size() && words[k + 1].start <= words[k].end + 1)
                    if (const auto u = unit_word(words[k + 1].text); u && *u >= 1 && *u <= 9) {
                        used = 2;
                        return *t + *u;
                    }
                return *t;
            }
            return std::nullopt;
        };
        std::size_t used = 0;
        auto n = small_number(w, used);
        if (!n) continue;
        std::size_t last = w + used - 1;
        if (last + 1 < words.size() && words[last + 1].text == "hundred" && *n >= 1 && *n <= 9) {
            *n *= 100;
            last += 1;
            std::size_t k = last + 1;
            if (k < words.size() && words[k].text == "and") ++k;
            std::size_t more = 0;
            if (const auto rest = small_number(k, more); rest && *rest >= 1 && *rest <= 99) {
                *n += *rest;
                last = k + more - 1;
            }
        }
        const std::size_t end = words[last].end;
        if (*n == 0 || hyphen_after(end) || unit_after(after(last)) || names_before(before(w))) {
            w = last;
            continue;
        }
        const bool percent = percent_at(text, end, words, last + 1);
        // "one" alone is everywhere ("one of our schools"): only just
        // before a word for people.
        if (*n == 1 && !people_soon(last + 1)) {
            w = last;
            continue;
        }
        push(word.start, end, *n, 0, percent);
        w = last;
    }

    // Numbers in digits.
    for (std::size_t i = 0; i < text.size();) {
        if (!is_digit(text[i])) {
            ++i;
            continue;
        }
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
        if (start > 0 && (is_letter(text[start - 1]) || text[start - 1] == '-' || text[start - 1] == ':' ||
                          text[start - 1] == '.' || text[start - 1] == '/'))
            continue;  // part of a code, a date or a period
        // A fraction: "1/3", "60/200" (not a period: "2024/25").
        if (end + 1 < text.size() && text[end] == '/' && is_digit(text[end + 1]) && decimals < 0) {
            std::size_t d_end = end + 1;
            while (d_end < text.size() && is_digit(text[d_end])) ++d_end;
            const double a = std::stod(digits), b = std::stod(std::string(text.substr(end + 1, d_end - end - 1)));
            i = d_end;
            if (b > 0 && a <= b && !(d_end < text.size() && (text[d_end] == '/' || text[d_end] == '-')))
                push(start, d_end, 100 * a / b, 1, true);
            continue;
        }
        if (end < text.size() && (is_letter(text[end]) || text[end] == '/' || text[end] == ':' ||
                                  (text[end] == '-' && end + 1 < text.size() && (is_digit(text[end + 1]) || is_letter(text[end + 1])))))
            continue;
        // The word after it, and before it ("33.3" is two words to words_of).
        std::size_t w = 0;
        while (w < words.size() && words[w].start < start) ++w;  // words[w] is this number
        std::size_t next = w;
        while (next < words.size() && words[next].start < end) ++next;  // the first word after it
        const std::string word_after = next < words.size() ? words[next].text : std::string();
        const std::string word_before = w > 0 ? words[w - 1].text : std::string();
        if (names_before(word_before)) continue;
        // The end of a range of them: "Years 3 to 6", "Year 5 and 6".
        if (w >= 3 && one_of(word_before, {"to", "and", "or"}) && is_digit(words[w - 2].text[0]) &&
            names_before(words[w - 3].text))
            continue;
        const double value = std::stod(digits);
        const bool percent = percent_at(text, end, words, next);
        if (!percent && unit_after(word_after)) continue;
        // A proportion: "0.33" of them.
        if (!percent && value < 1 && decimals >= 1) {
            push(start, end, value * 100, std::max(0, decimals - 2), true);
            continue;
        }
        push(start, end, value, decimals < 0 ? 0 : decimals, percent);
    }
    std::sort(out.begin(), out.end(), [](const StatedNumber& a, const StatedNumber& b) {
        return std::tie(a.line, a.column) < std::tie(b.line, b.column);
    });
    return out;
}

}  // namespace eqsite
