// GCC 12 warns that a std::optional<Reading> moved out of a function may
// hold an uninitialised string; it cannot (a false positive of its
// -Wmaybe-uninitialized with std::optional of a struct holding strings).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include "import/values.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <limits>
#include <utility>

#include "import/cell_text.hpp"
#include "util/text.hpp"

namespace eqsite::import {
namespace {

// ---- Words --------------------------------------------------------------

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool all_digits(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), is_digit); }

int number(std::string_view digits) {
    int v = 0;
    for (char c : digits) v = v * 10 + (c - '0');
    return v;
}

// Lower-case ASCII words with punctuation turned into single spaces, so
// "On-going.", "RAG: Green" and "Who’s" compare as "on going", "rag green"
// and "whos". '+' is kept for "LGBT+"; '&' is the word "and".
std::string normalised(std::string_view text) {
    std::string spaced;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\'') continue;  // "who's" stays one word
        if (text.substr(i, 3) == "’") {
            i += 2;
            continue;
        }
        if (text[i] == '&') {
            spaced += " and ";
            continue;
        }
        const char c = text[i] >= 'A' && text[i] <= 'Z' ? static_cast<char>(text[i] - 'A' + 'a') : text[i];
        const bool kept = (c >= 'a' && c <= 'z') || is_digit(c) || c == '+';
        spaced.push_back(kept ? c : ' ');
    }
    std::string out;
    for (char c : spaced)
        if (c != ' ' || (!out.empty() && out.back() != ' ')) out.push_back(c);
    return trim(out);
}

// The words of normalised text.
std::vector<std::string> words_of(std::string_view normalised_text) {
    std::vector<std::string> out;
    std::size_t from = 0;
    while (from < normalised_text.size()) {
        const std::size_t to = std::min(normalised_text.find(' ', from), normalised_text.size());
        out.emplace_back(normalised_text.substr(from, to - from));
        from = to + 1;
    }
    return out;
}

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

// `text` (lower case) starts with `phrase` followed by a space; the text
// after that space, or nullopt.
std::optional<std::string_view> after_leading(std::string_view text, std::string_view phrase) {
    if (text.size() <= phrase.size() || !text.starts_with(phrase) || text[phrase.size()] != ' ')
        return std::nullopt;
    return text.substr(phrase.size() + 1);
}

// ---- Dates --------------------------------------------------------------

constexpr std::string_view school_year_note = "school years run from 1 September to 31 July";

// A stretch of time named by part of a cell. `first` and `last` are where
// it starts and ends: the same day for a date, the same whole month for a
// month, 1 September and 31 July for a school year. `span` is set when the
// words name a stretch (a school year, a term), which alone gives a start
// as well as a due date. `note` says what was assumed.
struct Period {
    Date first;
    Date last;
    bool span = false;
    std::string note;
};

// A day or a month: a stretch that starts and ends with itself.
Period point(Date d, std::string note = {}) { return Period{d, d, false, std::move(note)}; }

bool plausible_year(int y) { return y >= 1900 && y <= 2200; }

// eqsite's own format: 2024-09-12 or 2024-09. Tried first, so "2011-12"
// is December 2011, not the 2011/12 school year.
std::optional<Period> iso_period(std::string_view text) {
    const bool shaped = (text.size() == 10 || text.size() == 7) && text[4] == '-';
    if (!shaped) return std::nullopt;
    if (auto d = parse_date(text)) return point(*d);
    return std::nullopt;
}

// "12 September 2024", "1st Sept. 2024", "12th of June 2025", "July 2018":
// parse_date reads these once full stops, "of" and "the" are gone.
std::optional<Period> written_period(std::string_view text) {
    std::vector<std::string> kept;
    for (auto& word : words_of(normalised(text)))
        if (word != "of" && word != "the") kept.push_back(word);
    if (kept.size() < 2) return std::nullopt;
    if (auto d = parse_date(join(kept, " "))) return point(*d);
    return std::nullopt;
}

// Day first, as UK spreadsheets show dates: 31/07/2028, 1.9.2025,
// 31-07-2028, and 31/07/28 (a two-digit year is in this century).
std::optional<Period> day_first_period(std::string_view text) {
    const std::size_t sep = text.find_first_of("/.-");
    if (sep == std::string_view::npos) return std::nullopt;
    const std::size_t sep2 = text.find(text[sep], sep + 1);
    if (sep2 == std::string_view::npos) return std::nullopt;
    const auto day = text.substr(0, sep), month = text.substr(sep + 1, sep2 - sep - 1), year = text.substr(sep2 + 1);
    const bool shaped = all_digits(day) && day.size() <= 2 && all_digits(month) && month.size() <= 2 &&
                        all_digits(year) && (year.size() == 2 || year.size() == 4);
    if (!shaped) return std::nullopt;
    const int y = year.size() == 2 ? 2000 + number(year) : number(year);
    const Date wanted{y, number(month), number(day)};
    const auto d = parse_date(wanted.iso());
    if (!d || d->month != wanted.month || d->day != wanted.day) return std::nullopt;
    std::string note = "day first, the UK order";
    if (year.size() == 2) note += "; the year " + std::string(year) + " read as " + std::to_string(y);
    return point(*d, note);
}

// The text without a leading "academic year" or "school year".
std::string_view without_year_words(std::string_view text) {
    const std::string lowered = to_lower_ascii(text);
    for (std::string_view lead : {"academic year", "school year", "ay"})
        if (auto rest = after_leading(lowered, lead)) return text.substr(text.size() - rest->size());
    return text;
}

// School years: "2023/24", "2023-24", "2023/2024", "2023–2024", and
// several, "2017/2021": from 1 September of the first year to 31 July of
// the last.
std::optional<Period> school_years_period(std::string_view text) {
    std::string compact;
    for (char c : std::string(without_year_words(text)))
        if (c != ' ') compact.push_back(c);
    for (std::string_view dash : {"–", "—"})
        if (const auto at_dash = compact.find(dash); at_dash != std::string::npos) compact.replace(at_dash, dash.size(), "-");
    if (compact.size() < 7 || (compact[4] != '/' && compact[4] != '-')) return std::nullopt;
    const std::string_view first = std::string_view(compact).substr(0, 4), second = std::string_view(compact).substr(5);
    if (!all_digits(first) || !all_digits(second) || (second.size() != 2 && second.size() != 4)) return std::nullopt;
    const int from = number(first);
    int to = number(second);
    if (second.size() == 2) to += from / 100 * 100 + (to <= from % 100 ? 100 : 0);
    if (!plausible_year(from) || to <= from || to - from > 10) return std::nullopt;
    return Period{Date{from, 9, 1}, Date{to, 7, 31}, true, std::string(school_year_note)};
}

// A year alone, as the school year it ends or begins: "2021" as a due date
// is 31 July 2021, as a start 1 September 2021.
std::optional<Period> year_period(std::string_view text) {
    if (text.size() != 4 || !all_digits(text) || !plausible_year(number(text))) return std::nullopt;
    const int y = number(text);
    return Period{Date{y, 9, 1}, Date{y, 7, 31}, false, std::string(school_year_note)};
}

// Terms and half terms as whole months. Term dates differ between schools
// and years, so these are the months each term mostly covers.
struct Term {
    std::string_view name;
    int half;  // 0 for the whole term
    int first_month;
    int last_month;
};
constexpr std::array<Term, 9> terms{{
    {"autumn", 0, 9, 12}, {"autumn", 1, 9, 10}, {"autumn", 2, 11, 12},
    {"spring", 0, 1, 3},  {"spring", 1, 1, 2},  {"spring", 2, 3, 3},
    {"summer", 0, 4, 7},  {"summer", 1, 4, 5},  {"summer", 2, 6, 7},
}};

// "September", as Date writes it.
std::string month_name(int month) {
    const std::string long_form = month_date(2000, month).long_form();  // "September 2000"
    return long_form.substr(0, long_form.find(' '));
}

// "Summer 2024", "Summer term 2024", "Autumn 1 2023", "Spring half term 2 2025".
std::optional<Period> term_period(std::string_view text) {
    std::vector<std::string> words;
    for (auto& w : words_of(normalised(text)))
        if (w != "term" && w != "half") words.push_back(w);
    if (words.size() < 2 || words.size() > 3 || words.back().size() != 4 || !all_digits(words.back()))
        return std::nullopt;
    const int half = words.size() == 3 ? (words[1] == "1" ? 1 : words[1] == "2" ? 2 : -1) : 0;
    const int y = number(words.back());
    for (const auto& t : terms) {
        if (t.name != words[0] || t.half != half || !plausible_year(y)) continue;
        const std::string which = std::string(t.name) + (half ? " " + std::to_string(half) + " half term" : " term");
        return Period{month_date(y, t.first_month), month_date(y, t.last_month), true,
                      "the " + which + " taken as " + month_name(t.first_month) + " to " + month_name(t.last_month)};
    }
    return std::nullopt;
}

// One date or stretch of time, in any of the forms above.
std::optional<Period> read_period(std::string_view text) {
    using Reader = std::optional<Period> (*)(std::string_view);
    for (Reader read : {iso_period, school_years_period, year_period, term_period, day_first_period, written_period})
        if (auto p = read(text)) return p;
    return std::nullopt;
}

// Words for work that does not end, as normalised words.
constexpr std::array<std::string_view, 18> ongoing_words{
    "ongoing",    "on going",   "termly",     "half termly", "annually",           "yearly",
    "each term",  "every term", "each year",  "every year",  "throughout the year", "all year",
    "continuous", "continual",  "continually", "continuing", "monthly",            "weekly"};

// The whole text is one of those words.
bool is_ongoing(std::string_view text) {
    const std::string key = normalised(text);
    return std::find(ongoing_words.begin(), ongoing_words.end(), key) != ongoing_words.end();
}

// "Ongoing – reviewed each term": starts with a word for work that does not end.
bool starts_ongoing(std::string_view text) {
    const std::string key = normalised(text);
    return std::any_of(ongoing_words.begin(), ongoing_words.end(),
                       [&](std::string_view w) { return after_leading(key, w).has_value(); });
}

// A reading of the cell and what was assumed to make it.
struct Reading {
    When when;
    std::string note;
};

// Which end of a single date a leading or trailing word fixes: "by July
// 2024" is only a due date, "from Sept 2023" only a start, "2023 onwards"
// a start with no end.
enum class End { natural, start, due, start_onwards };

// That word, and the text after or before it.
std::pair<End, std::string_view> end_words(std::string_view text) {
    std::string lowered = to_lower_ascii(text);
    std::replace(lowered.begin(), lowered.end(), ':', ' ');  // "Deadline: July 2024"; same length, same positions
    auto rest_of = [&](std::string_view rest) { return text.substr(text.size() - rest.size()); };
    for (std::string_view lead : {"by the end of", "by end of", "end of", "by", "before", "due by", "due", "deadline"})
        if (auto rest = after_leading(lowered, lead)) return {End::due, rest_of(*rest)};
    for (std::string_view lead : {"from", "starting", "beginning"})
        if (auto rest = after_leading(lowered, lead)) return {End::start, rest_of(*rest)};
    if (lowered.ends_with(" onwards")) return {End::start_onwards, text.substr(0, text.size() - 8)};
    return {End::natural, text};
}

// The cell as one date or stretch of time.
std::optional<Reading> single_reading(std::string_view text) {
    const auto [end, rest] = end_words(text);
    const auto p = read_period(trim(rest));
    if (!p) return std::nullopt;
    Reading r{{}, p->note};
    const bool has_start = end == End::start || end == End::start_onwards || (end == End::natural && p->span);
    const bool has_due = end == End::due || end == End::natural;
    if (has_start) r.when.start = p->first;
    if (has_due) r.when.due = p->last;
    r.when.ongoing = end == End::start_onwards;
    return r;
}

// The start of a range: "Sept 2017", or "Sept" with the year of its end
// ("Sept – Dec 2023", "Sept – July 2024": the September before).
std::optional<Period> range_start(std::string_view text, const std::optional<Period>& end) {
    const std::string left = trim(end_words(text).second);
    if (auto p = read_period(left)) return p;
    if (!end) return std::nullopt;
    for (int y : {end->last.year, end->last.year - 1})
        if (auto p = read_period(left + " " + std::to_string(y)); p && p->first <= end->last) return p;
    return std::nullopt;
}

// Two notes as one, each once.
std::string both_notes(const std::string& a, const std::string& b) {
    if (a.empty() || a == b) return b;
    if (b.empty()) return a;
    return a + "; " + b;
}

// The cell split at `at` into the two ends of a range.
std::optional<Reading> range_reading_at(std::string_view text, std::size_t at, std::size_t join_size) {
    const std::string right = trim(text.substr(at + join_size));
    const bool onwards = is_ongoing(right) || to_lower_ascii(right) == "onwards";
    const auto end = onwards ? std::nullopt : read_period(right);
    if (!onwards && !end) return std::nullopt;
    // "Ongoing until July 2024": work that goes on to a due date.
    if (end && is_ongoing(text.substr(0, at))) return Reading{{std::nullopt, end->last, false, ""}, end->note};
    const auto start = range_start(text.substr(0, at), end);
    if (!start) return std::nullopt;
    Reading r{{start->first, std::nullopt, onwards, ""}, both_notes(start->note, end ? end->note : "")};
    if (end) r.when.due = end->last;
    return r;
}

// A range: two dates joined by "to", "until" or a dash. Every place each
// join appears is tried, because dates hold dashes too.
std::optional<Reading> range_reading(std::string_view text) {
    const std::string lowered = to_lower_ascii(text);
    for (std::string_view joiner : {" to ", " until ", " till ", " - ", "–", "—", "-"})
        for (auto at = lowered.find(joiner); at != std::string::npos; at = lowered.find(joiner, at + 1))
            if (auto r = range_reading_at(text, at, joiner.size())) return r;
    return std::nullopt;
}

// "start 2017-09, due 2018-07", "due 2028-07-31", "ongoing".
std::string describe(const When& w) {
    std::vector<std::string> parts;
    if (w.start) parts.push_back("start " + w.start->iso());
    if (w.due) parts.push_back("due " + w.due->iso());
    if (w.ongoing) parts.push_back("ongoing");
    return join(parts, ", ");
}

// eqsite's own date format needs no explanation.
bool is_plain_iso(std::string_view text) { return iso_period(text).has_value(); }

// The reading as the caller gets it: with the decision in words, unless
// the cell was already in eqsite's own format.
When decided(std::string_view text, Reading r) {
    if (!is_plain_iso(text))
        r.when.decision = "read " + quoted(text) + " as " + describe(r.when) + (r.note.empty() ? "" : " (" + r.note + ")");
    return r.when;
}

// ---- Status -------------------------------------------------------------

struct StatusWord {
    std::string_view words;  // normalised
    ObjectiveStatus status;
    std::string_view why = {};
    bool alone = false;  // only as the whole cell: "Met with parents" is not "met"
};

constexpr std::string_view no_off_track = "eqsite has no off-track status";

constexpr std::array<StatusWord, 33> status_words{{
    {"not started", ObjectiveStatus::not_started},
    {"not yet started", ObjectiveStatus::not_started},
    {"not begun", ObjectiveStatus::not_started},
    {"planned", ObjectiveStatus::not_started},
    {"to do", ObjectiveStatus::not_started},
    {"to be started", ObjectiveStatus::not_started},
    {"on track", ObjectiveStatus::on_track},
    {"in progress", ObjectiveStatus::on_track},
    {"underway", ObjectiveStatus::on_track},
    {"under way", ObjectiveStatus::on_track},
    {"started", ObjectiveStatus::on_track},
    {"progressing", ObjectiveStatus::on_track},
    {"green", ObjectiveStatus::on_track},
    {"at risk", ObjectiveStatus::at_risk},
    {"amber", ObjectiveStatus::at_risk},
    {"yellow", ObjectiveStatus::at_risk},
    {"red", ObjectiveStatus::at_risk, no_off_track},
    {"off track", ObjectiveStatus::at_risk, no_off_track},
    {"behind", ObjectiveStatus::at_risk},
    {"delayed", ObjectiveStatus::at_risk},
    {"achieved", ObjectiveStatus::achieved},
    {"fully achieved", ObjectiveStatus::achieved},
    {"done", ObjectiveStatus::achieved},
    {"complete", ObjectiveStatus::achieved},
    {"completed", ObjectiveStatus::achieved},
    {"met", ObjectiveStatus::achieved, {}, true},
    {"fully met", ObjectiveStatus::achieved},
    {"finished", ObjectiveStatus::achieved},
    {"blue", ObjectiveStatus::achieved, "in a BRAG rating blue means complete"},
    {"ongoing", ObjectiveStatus::ongoing},
    {"on going", ObjectiveStatus::ongoing},
    {"continuing", ObjectiveStatus::ongoing},
    {"continuous", ObjectiveStatus::ongoing},
}};

// The key without a leading "RAG", "Status", "Rating" and the like.
std::string_view without_status_labels(std::string_view key) {
    static constexpr std::array<std::string_view, 6> labels{"rag", "brag", "status", "rating", "current", "overall"};
    for (bool found = true; found;) {
        found = false;
        for (std::string_view label : labels) {
            if (key == label) return {};
            if (auto rest = after_leading(key, label)) {
                key = *rest;
                found = true;
            }
        }
    }
    return key;
}

// The longest status word that is the whole key or starts it.
const StatusWord* leading_status(std::string_view key) {
    const StatusWord* best = nullptr;
    for (const auto& w : status_words) {
        const bool whole = key == w.words;
        const bool leads = !w.alone && after_leading(key, w.words).has_value();
        if ((whole || leads) && (!best || w.words.size() > best->words.size())) best = &w;
    }
    return best;
}

// ---- Aims and characteristics -------------------------------------------

// Does the key say "all", alone or with words such as "aims of the duty"?
bool names_all(std::string_view key, const std::vector<std::string_view>& fillers) {
    const auto words = words_of(key);
    if (words.empty() || words[0] != "all") return false;
    return std::all_of(words.begin() + 1, words.end(), [&](const std::string& w) {
        return std::find(fillers.begin(), fillers.end(), w) != fillers.end();
    });
}

// The term or terms a vocabulary gives `item` (as written, then as
// normalised words), with the vocabulary's own warning for a synonym
// that is not the statutory name. False when the vocabulary does not know it.
bool read_from_vocabulary(const Vocabulary& vocab, std::string_view item, Terms& out) {
    for (const std::string& text : {std::string(item), normalised(item)}) {
        Diagnostics scratch;
        const auto found = match_term(vocab, Located<std::string>{text, {}}, scratch);
        if (found.empty()) continue;
        for (auto i : found) out.slugs.emplace_back(vocab.terms[i]);
        for (const auto& d : scratch.all())
            if (d.severity == Severity::warning) out.warnings.push_back(d.message);
        return true;
    }
    return false;
}

using ItemReader = std::function<bool(std::string_view, Terms&)>;

// The item before any words in brackets: "Sex (gender)" is "Sex".
std::optional<std::string> before_brackets(std::string_view item) {
    const std::size_t open = item.find_first_of("([");
    if (open == std::string_view::npos || open == 0) return std::nullopt;
    return trim(item.substr(0, open));
}

// Reads one item with `read`; failing that, the item without its words in
// brackets, saying so; failing that, the item is unknown.
void read_item(std::string_view item, Terms& out, const ItemReader& read) {
    if (read(item, out)) return;
    if (const auto head = before_brackets(item); head && read(*head, out)) {
        out.warnings.push_back(quoted(item) + " is read as " + quoted(*head) + "; the words in brackets are left out");
        return;
    }
    out.unknown.push_back(trim(item));
}

// Each value once, in the order first given.
void keep_first(std::vector<std::string>& values) {
    std::vector<std::string> kept;
    for (auto& v : values)
        if (std::find(kept.begin(), kept.end(), v) == kept.end()) kept.push_back(std::move(v));
    values = std::move(kept);
}

// Slugs in the vocabulary's order (the Act's order), each once; the other
// lists each once.
Terms finished(const Vocabulary& vocab, Terms t) {
    auto rank = [&](const std::string& s) { return std::find(vocab.terms.begin(), vocab.terms.end(), s) - vocab.terms.begin(); };
    std::sort(t.slugs.begin(), t.slugs.end(), [&](const auto& a, const auto& b) { return rank(a) < rank(b); });
    t.slugs.erase(std::unique(t.slugs.begin(), t.slugs.end()), t.slugs.end());
    keep_first(t.target_groups);
    keep_first(t.warnings);
    keep_first(t.unknown);
    return t;
}

// The vocabulary's words, for suggestions: terms, labels and synonyms.
std::vector<std::string> vocabulary_words(const Vocabulary& vocab) {
    std::vector<std::string> out{"all"};
    for (auto t : vocab.terms) out.emplace_back(t);
    for (auto l : vocab.labels) out.emplace_back(l);
    for (const auto& s : vocab.synonyms) out.emplace_back(s.text);
    return out;
}

// The phrases, and each one holding " and " once more with " & " instead,
// so that "Religion & belief" is kept whole like "Religion and belief".
std::vector<std::string> also_with_ampersands(const std::vector<std::string>& phrases) {
    std::vector<std::string> out = phrases;
    for (std::string p : phrases) {
        const std::size_t at = to_lower_ascii(p).find(" and ");
        if (at == std::string::npos) continue;
        p.replace(at, 5, " & ");
        out.push_back(p);
    }
    return out;
}

// ---- Aims ---------------------------------------------------------------

// The Act's wording and the short forms plans use, beyond the vocabulary.
struct AimWords {
    std::string_view words;
    Aim aim;
};
constexpr std::array<AimWords, 12> aim_table{{
    {"Eliminate unlawful discrimination, harassment and victimisation", Aim::eliminate_discrimination},
    {"Eliminate unlawful discrimination, harassment, victimisation", Aim::eliminate_discrimination},
    {"Eliminate unlawful discrimination", Aim::eliminate_discrimination},
    {"Unlawful discrimination, harassment and victimisation", Aim::eliminate_discrimination},
    {"Discrimination, harassment and victimisation", Aim::eliminate_discrimination},
    {"Eliminate discrimination, harassment and victimisation", Aim::eliminate_discrimination},
    {"Advance equality", Aim::advance_equality},
    {"Promote equality of opportunity", Aim::advance_equality},
    {"Promote equality", Aim::advance_equality},
    {"Advance equality of opportunity", Aim::advance_equality},
    {"Promote good relations", Aim::foster_good_relations},
    {"Foster good relations", Aim::foster_good_relations},
}};

// Phrases that hold a separator but name one aim, with and without their
// commas ("Eliminate unlawful discrimination harassment and victimisation").
const std::vector<std::string>& aim_phrases() {
    static const std::vector<std::string> phrases = [] {
        std::vector<std::string> out;
        for (const auto& a : aim_table) {
            out.emplace_back(a.words);
            std::string without_commas;
            for (char c : a.words)
                if (c != ',') without_commas.push_back(c);
            out.push_back(without_commas);
        }
        return also_with_ampersands(out);
    }();
    return phrases;
}

// The Act goes on after each aim: "...victimisation and other conduct
// prohibited by the Act", "...between people who share a relevant
// protected characteristic and people who do not share it". These endings
// do not change which aim is meant, and their "and" would split the item,
// so each is cut up to the next list separator.
std::string without_statutory_endings(std::string_view line) {
    const std::string lowered = to_lower_ascii(line);
    std::string out;
    std::size_t from = 0;
    while (from < line.size()) {
        std::size_t cut = std::string::npos;
        for (std::string_view ending : {" between ", " and any other conduct", " and other conduct", " other conduct"})
            cut = std::min(cut, lowered.find(ending, from));
        if (cut == std::string::npos) break;
        out.append(line.substr(from, cut - from));
        from = std::min(lowered.find_first_of(",;/", cut), line.size());
    }
    if (from < line.size()) out.append(line.substr(from));
    return out;
}

// "Eliminating discrimination" is "eliminate discrimination".
std::string aim_key(std::string_view item) {
    std::string key = normalised(item);
    for (auto [from, to] : std::array<std::pair<std::string_view, std::string_view>, 4>{
             {{"eliminating", "eliminate"}, {"advancing", "advance"}, {"fostering", "foster"}, {"promoting", "promote"}}})
        if (key.starts_with(from)) key = std::string(to) + key.substr(from.size());
    return key;
}

// "Aim 1", "aim b", "aim three": the aims in the order of section 149(1).
std::optional<Aim> numbered_aim(std::string_view key) {
    const auto rest = after_leading(key, "aim");
    if (!rest) return std::nullopt;
    static constexpr std::array<std::array<std::string_view, 3>, 3> names{
        {{"1", "a", "one"}, {"2", "b", "two"}, {"3", "c", "three"}}};
    for (std::size_t i = 0; i < names.size(); ++i)
        if (std::find(names[i].begin(), names[i].end(), *rest) != names[i].end()) return static_cast<Aim>(i);
    return std::nullopt;
}

bool read_aim(std::string_view item, Terms& out) {
    const std::string key = aim_key(item);
    if (key.empty()) return true;
    if (names_all(key, {"3", "three", "aims", "aim", "of", "the", "general", "public", "sector", "equality", "duty",
                        "psed"})) {
        out.all = true;
        return true;
    }
    for (const auto& a : aim_table) {
        if (normalised(a.words) != key) continue;
        out.slugs.emplace_back(slug(a.aim));
        return true;
    }
    if (const auto aim = numbered_aim(key)) {
        out.slugs.emplace_back(slug(*aim));
        out.warnings.push_back(quoted(trim(item)) + " is read as " + quoted(slug(*aim)) +
                               ": the aims are numbered as in section 149(1) of the Equality Act 2010");
        return true;
    }
    return read_from_vocabulary(aims_vocabulary(), trim(item), out);
}

// ---- Characteristics ----------------------------------------------------

// How a word that is not a statutory name is read.
enum class Meaning {
    same,         // another way of writing a characteristic: read silently
    renamed,      // a different word for it: read, with a warning
    with_group,   // a characteristic and a target group ("Girls")
    group,        // not a protected characteristic: a target group
    theme,        // a theme, neither characteristic nor group
    nothing,      // names no characteristic ("Other", "N/A")
};

struct GroupWords {
    std::string_view words;
    Meaning meaning;
    std::string_view slug = {};
    std::string_view advice = {};
};

constexpr std::string_view sen_advice =
    "Special educational needs are not the same as disability, the protected characteristic: add \"disability\" "
    "too if the objective is about disabled pupils";
constexpr std::string_view bame_advice =
    "Government guidance (the GOV.UK style guide) advises against \"BAME\" and \"BME\": name the specific ethnic "
    "groups the objective is about, as target groups, or write \"ethnic minorities\"";
constexpr std::string_view everyone_advice =
    "write \"all\" if the objective is about every protected characteristic";
constexpr std::string_view cohesion_advice =
    "Work on community cohesion usually belongs to the aim \"foster-good-relations\"";

constexpr std::array<GroupWords, 51> characteristic_table{{
    {"disabled", Meaning::same, "disability"},
    {"disabilities", Meaning::same, "disability"},
    {"pregnancy", Meaning::same, "pregnancy-and-maternity"},
    {"maternity", Meaning::same, "pregnancy-and-maternity"},
    {"marriage", Meaning::same, "marriage-and-civil-partnership"},
    {"civil partnership", Meaning::same, "marriage-and-civil-partnership"},
    {"religion and belief", Meaning::same, "religion-or-belief"},
    {"transgender", Meaning::renamed, "gender-reassignment"},
    {"trans", Meaning::renamed, "gender-reassignment"},
    {"sexuality", Meaning::renamed, "sexual-orientation"},
    {"faith", Meaning::renamed, "religion-or-belief"},
    {"nationality", Meaning::renamed, "race"},
    {"national origin", Meaning::renamed, "race"},
    {"national origins", Meaning::renamed, "race"},
    {"ethnic origin", Meaning::renamed, "race"},
    {"ethnic origins", Meaning::renamed, "race"},
    {"ethnic minorities", Meaning::renamed, "race"},
    {"ethnic minority", Meaning::renamed, "race"},
    {"minority ethnic", Meaning::renamed, "race"},
    {"BAME", Meaning::renamed, "race", bame_advice},
    {"BME", Meaning::renamed, "race", bame_advice},
    {"Black and minority ethnic", Meaning::renamed, "race", bame_advice},
    {"Black, Asian and minority ethnic", Meaning::renamed, "race", bame_advice},
    {"Gypsy, Roma and Traveller", Meaning::with_group, "race"},
    {"GRT", Meaning::with_group, "race"},
    {"girls", Meaning::with_group, "sex"},
    {"boys", Meaning::with_group, "sex"},
    {"SEN", Meaning::group, {}, sen_advice},
    {"SEND", Meaning::group, {}, sen_advice},
    {"SEN/D", Meaning::group, {}, sen_advice},
    {"special educational needs", Meaning::group, {}, sen_advice},
    {"special educational needs and disabilities", Meaning::group, {}, sen_advice},
    {"special educational needs and disability", Meaning::group, {}, sen_advice},
    {"EAL", Meaning::group},
    {"English as an additional language", Meaning::group},
    {"FSM", Meaning::group},
    {"free school meals", Meaning::group},
    {"pupil premium", Meaning::group},
    {"disadvantaged", Meaning::group},
    {"young carers", Meaning::group},
    {"looked after children", Meaning::group},
    {"children looked after", Meaning::group},
    {"LAC", Meaning::group},
    {"CLA", Meaning::group},
    {"all pupils", Meaning::group, {}, everyone_advice},
    {"all staff", Meaning::group, {}, everyone_advice},
    {"whole school", Meaning::group, {}, everyone_advice},
    {"community cohesion", Meaning::theme, {}, cohesion_advice},
    {"Other", Meaning::nothing},
    {"N/A", Meaning::nothing},
    {"none", Meaning::nothing},
}};

// Phrases that hold a separator but name one thing.
const std::vector<std::string>& characteristic_phrases() {
    static const std::vector<std::string> phrases{
        "marriage and civil partnership", "pregnancy and maternity", "religion or belief", "religion and belief",
        "sexual orientation", "gender reassignment", "special educational needs and disabilities",
        "special educational needs and disability", "SEN/D", "N/A", "Black and minority ethnic",
        "Black, Asian and minority ethnic", "Gypsy, Roma and Traveller"};
    static const std::vector<std::string> with_ampersands = also_with_ampersands(phrases);
    return with_ampersands;
}

// The warning for a word read through the table, or "" for none.
std::string characteristic_warning(std::string_view item, const GroupWords& g) {
    std::string text;
    switch (g.meaning) {
        case Meaning::same: return {};
        case Meaning::renamed:
            text = quoted(item) + " is not the statutory name of a protected characteristic; it is read as " +
                   quoted(g.slug);
            break;
        case Meaning::with_group:
            text = quoted(item) + " is read as the protected characteristic " + quoted(g.slug) +
                   ", and kept as a target group";
            break;
        case Meaning::group:
            text = quoted(item) + " is not one of the nine protected characteristics, so it is kept as a target group";
            break;
        case Meaning::theme:
            text = quoted(item) + " is a theme, not a protected characteristic, so no characteristic is recorded for it";
            break;
        case Meaning::nothing:
            text = quoted(item) + " does not name a protected characteristic, so no characteristic is recorded for it";
            break;
    }
    if (!g.advice.empty()) text += g.advice == everyone_advice ? "; " : ". ";
    return text + std::string(g.advice);
}

const GroupWords* table_entry(std::string_view key) {
    for (const auto& g : characteristic_table)
        if (normalised(g.words) == key) return &g;
    return nullptr;
}

// Words for the people a group is made of: "SEND pupils", "Pupils with
// disabilities" name the same thing as "SEND" and "disabilities".
constexpr std::array<std::string_view, 7> people_words{"pupils", "students", "children", "learners",
                                                       "staff",  "people",   "families"};

// The table entry for the key, or for the key without its people words.
const GroupWords* characteristic_entry(std::string_view key) {
    if (const auto* g = table_entry(key)) return g;
    for (std::string_view people : people_words) {
        if (key.ends_with(" " + std::string(people)))
            if (const auto* g = table_entry(key.substr(0, key.size() - people.size() - 1))) return g;
        if (const auto rest = after_leading(key, std::string(people) + " with"))
            if (const auto* g = table_entry(*rest)) return g;
    }
    return nullptr;
}

void apply(const GroupWords& g, std::string_view item, Terms& out) {
    if (!g.slug.empty()) out.slugs.emplace_back(g.slug);
    if (g.meaning == Meaning::group || g.meaning == Meaning::with_group) out.target_groups.push_back(trim(item));
    if (auto w = characteristic_warning(item, g); !w.empty()) out.warnings.push_back(std::move(w));
}

bool read_characteristic(std::string_view item, Terms& out) {
    const std::string key = normalised(item);
    if (key.empty()) return true;
    if (names_all(key, {"protected", "characteristics", "characteristic", "pcs", "9", "nine", "the", "of", "groups"})) {
        out.all = true;
        return true;
    }
    if (read_from_vocabulary(characteristics_vocabulary(), trim(item), out)) return true;
    if (const auto* g = characteristic_entry(key)) {
        apply(*g, trim(item), out);
        return true;
    }
    return false;
}

}  // namespace

// ---- Public -------------------------------------------------------------

std::optional<When> parse_when(std::string_view cell) {
    const std::string text = cell_plain(cell);
    if (text.empty()) return std::nullopt;
    const Reading ongoing{When{{}, {}, true, {}}, {}};
    if (auto r = single_reading(text)) return decided(text, std::move(*r));
    if (is_ongoing(text)) return decided(text, ongoing);
    if (auto r = range_reading(text)) return decided(text, std::move(*r));
    if (starts_ongoing(text)) return decided(text, ongoing);  // "Ongoing – reviewed each term"
    return std::nullopt;
}

std::optional<StatusGuess> parse_status(std::string_view cell) {
    const std::string plain = cell_plain(cell);
    const std::string normal = normalised(plain);
    const std::string_view key = without_status_labels(normal);
    const StatusWord* found = leading_status(key);
    if (!found) return std::nullopt;
    // "Amber/Green" names two different statuses: which one is meant?
    if (key.size() > found->words.size())
        if (const auto* second = leading_status(key.substr(found->words.size() + 1));
            second && second->status != found->status)
            return std::nullopt;
    StatusGuess guess{found->status, {}};
    if (normal != normalised(slug(found->status)))
        guess.decision = "read " + quoted(plain) + " as " + std::string(slug(found->status)) +
                         (found->why.empty() ? "" : ": " + std::string(found->why));
    return guess;
}

Terms parse_aims(std::string_view cell) {
    Terms out;
    for (const auto& line : cell_lines(cell))
        for (const auto& item : split_line(without_statutory_endings(line.text), aim_phrases()))
            read_item(item, out, read_aim);
    return finished(aims_vocabulary(), std::move(out));
}

Terms parse_characteristics(std::string_view cell) {
    Terms out;
    for (const auto& item : split_list(cell, characteristic_phrases())) read_item(item, out, read_characteristic);
    return finished(characteristics_vocabulary(), std::move(out));
}

std::vector<std::string> aim_words() {
    auto out = vocabulary_words(aims_vocabulary());
    for (const auto& a : aim_table) out.emplace_back(a.words);
    keep_first(out);
    return out;
}

std::vector<std::string> characteristic_words() {
    auto out = vocabulary_words(characteristics_vocabulary());
    for (const auto& g : characteristic_table) out.emplace_back(g.words);
    keep_first(out);
    return out;
}

std::vector<std::string> suggest(std::string_view word, const std::vector<std::string>& candidates) {
    const std::string w = to_lower_ascii(trim(word));
    std::vector<std::string> best;
    std::size_t best_distance = std::numeric_limits<std::size_t>::max();
    for (const auto& c : candidates) {
        const std::string lowered = to_lower_ascii(c);
        const std::size_t d = edit_distance(w, lowered);
        const bool seen = std::any_of(best.begin(), best.end(), [&](const auto& b) { return to_lower_ascii(b) == lowered; });
        if (d < best_distance) {
            best = {c};
            best_distance = d;
        } else if (d == best_distance && !seen) {
            best.push_back(c);
        }
    }
    // Beyond about half the word's length a "suggestion" is a guess.
    if (best_distance > std::max<std::size_t>(2, w.size() / 2)) return {};
    return best;
}

}  // namespace eqsite::import
