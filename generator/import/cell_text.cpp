#include "import/cell_text.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

#include "util/text.hpp"
#include "util/url.hpp"

namespace eqsite::import {
namespace {

constexpr auto npos = std::string_view::npos;

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_letter(c) || is_digit(c); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// ---- Markup -------------------------------------------------------------

// A tag in the cell: its lower-case name ("p", "br", "li"), whether it
// closes ("</li>") or closes itself ("<br/>"), and where the text after it
// starts.
struct Tag {
    std::string name;
    bool closing = false;
    bool self_closing = false;
    std::size_t end = 0;
};

// Just past the '>' ending a tag whose name ends at `from`. A '>' inside a
// quoted attribute value does not end it. npos when nothing ends it: the
// '<' was then ordinary text, as in "pupils aged <5 and >2".
std::size_t tag_end(std::string_view s, std::size_t from) {
    // No '>' after `from` at all: not a tag. Answered at once, so a cell of
    // many unclosed '<' costs one pass, not one pass per '<'.
    if (const auto last = s.rfind('>'); last == npos || last < from) return npos;
    char quote = 0;
    for (std::size_t i = from; i < s.size(); ++i) {
        if (quote) {
            if (s[i] == quote) quote = 0;
        } else if (s[i] == '"' || s[i] == '\'') {
            quote = s[i];
        } else if (s[i] == '>') {
            return i + 1;
        }
    }
    return npos;
}

// The tag starting at s[at] (a '<'), or nullopt when the '<' is text.
// Comments, <!DOCTYPE> and <?xml?> (Word puts them in copied HTML) are
// tags with no name, so they are simply removed.
std::optional<Tag> read_tag(std::string_view s, std::size_t at) {
    if (s.substr(at, 4) == "<!--") {
        const std::size_t close = s.find("-->", at + 4);
        return Tag{"", false, false, close == npos ? s.size() : close + 3};
    }
    std::size_t i = at + 1;
    Tag tag;
    if (i < s.size() && (s[i] == '!' || s[i] == '?')) {
        tag.end = tag_end(s, i);
        if (tag.end == npos) return std::nullopt;
        return tag;
    }
    if (i < s.size() && s[i] == '/') {
        tag.closing = true;
        ++i;
    }
    if (i >= s.size() || !is_letter(s[i])) return std::nullopt;
    const std::size_t name_from = i;
    while (i < s.size() && (is_alnum(s[i]) || s[i] == ':' || s[i] == '-')) ++i;
    tag.name = to_lower_ascii(s.substr(name_from, i - name_from));
    tag.end = tag_end(s, i);
    if (tag.end == npos) return std::nullopt;
    tag.self_closing = s[tag.end - 2] == '/';
    return tag;
}

// Block elements: each starts and ends a line of its own, as a browser
// shows it.
bool breaks_line(std::string_view name) {
    static constexpr std::array<std::string_view, 25> blocks{
        "br", "p",  "div", "ul", "ol", "li", "tr",      "td",      "th",     "table",  "h1",  "h2",  "h3",
        "h4", "h5", "h6",  "dl", "dt", "dd", "section", "article", "header", "footer", "pre", "blockquote"};
    return std::find(blocks.begin(), blocks.end(), name) != blocks.end();
}

// Elements whose content is code or metadata, never text for a reader.
bool hides_content(const Tag& tag) {
    return !tag.closing && !tag.self_closing &&
           (tag.name == "script" || tag.name == "style" || tag.name == "head" || tag.name == "title");
}

// Just past the closing tag of a hidden element (or the end of the cell).
std::size_t after_hidden(std::string_view s, const Tag& tag) {
    // "</script" in any case, found without copying the cell for each element.
    std::size_t close = npos;
    for (std::size_t at = s.find("</", tag.end); at != npos; at = s.find("</", at + 2))
        if (to_lower_ascii(s.substr(at + 2, tag.name.size())) == tag.name) {
            close = at;
            break;
        }
    if (close == npos) return s.size();
    const std::size_t end = tag_end(s, close + 2 + tag.name.size());
    return end == npos ? s.size() : end;
}

// Length of the line break at s[i]: \n, \r\n, \r, the vertical tab and
// form feed Word uses for manual breaks, and Unicode line and paragraph
// separators. 0 if there is none.
std::size_t line_break_at(std::string_view s, std::size_t i) {
    if (s.substr(i, 2) == "\r\n") return 2;
    if (s[i] == '\n' || s[i] == '\r' || s[i] == '\v' || s[i] == '\f') return 1;
    for (std::string_view sep : {"\u2028", "\u2029", "\u0085"})
        if (s.substr(i, sep.size()) == sep) return sep.size();
    return 0;
}

// Tracks whether text is inside an HTML list, so that each line of an
// <li> is a list item even with no bullet written in it.
struct ListState {
    int lists = 0;  // open <ul>/<ol>
    int items = 0;  // open <li>

    void apply(const Tag& tag) {
        if (tag.self_closing) return;
        if (tag.name == "ul" || tag.name == "ol") {
            lists = tag.closing ? std::max(0, lists - 1) : lists + 1;
            if (lists == 0) items = 0;  // </ul> also ends an <li> left open
        } else if (tag.name == "li") {
            items = tag.closing ? std::max(0, items - 1) : items + 1;
        }
    }
    bool in_item() const { return lists > 0 || items > 0; }
};

// The cell's lines with tags removed, before spaces are tidied.
std::vector<CellLine> markup_lines(std::string_view s) {
    std::vector<CellLine> lines;
    std::string current;
    ListState list;
    auto end_line = [&] {
        lines.push_back({std::move(current), list.in_item()});
        current.clear();
    };
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] == '<') {
            if (const auto tag = read_tag(s, i)) {
                if (breaks_line(tag->name)) end_line();
                list.apply(*tag);
                i = hides_content(*tag) ? after_hidden(s, *tag) : tag->end;
                continue;
            }
        }
        if (const std::size_t n = line_break_at(s, i)) {
            end_line();
            i += n;
            continue;
        }
        current.push_back(s[i++]);
    }
    end_line();
    return lines;
}

// ---- Spaces and bullets -------------------------------------------------

// Characters that look like a space (no-break spaces from &nbsp; and Word,
// thin and narrow spaces) become one; invisible ones (soft hyphen,
// zero-width space, word joiner, byte-order mark) are dropped, so that
// "Race" copied from a web page matches "Race" typed.
constexpr std::array<std::pair<std::string_view, std::string_view>, 17> space_like{{
    {"\u00A0", " "}, {"\u2000", " "}, {"\u2001", " "}, {"\u2002", " "}, {"\u2003", " "}, {"\u2004", " "},
    {"\u2005", " "}, {"\u2006", " "}, {"\u2007", " "}, {"\u2008", " "}, {"\u2009", " "}, {"\u200A", " "},
    {"\u202F", " "}, {"\u00AD", ""},  {"\u200B", ""},  {"\u2060", ""},  {"\uFEFF", ""},
}};

// One line with every kind of space made a plain space, control characters
// dropped, runs of spaces collapsed and the ends trimmed.
std::string tidy_spaces(std::string_view line) {
    std::string spaced;
    for (std::size_t i = 0; i < line.size();) {
        const auto it = std::find_if(space_like.begin(), space_like.end(),
                                     [&](const auto& e) { return line.substr(i, e.first.size()) == e.first; });
        if (it != space_like.end()) {
            spaced.append(it->second);
            i += it->first.size();
            continue;
        }
        const auto c = static_cast<unsigned char>(line[i++]);
        if (c == '\t') spaced.push_back(' ');
        else if (c >= 0x20 && c != 0x7F) spaced.push_back(static_cast<char>(c));
    }
    std::string out;
    for (char c : spaced) {
        if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
        out.push_back(c);
    }
    return trim(out);
}

// Bullets that mark a list item even with no space after them ("•one").
// U+F0B7 and U+F0A7 are the Symbol and Wingdings bullets Word leaves in
// text copied out of a bulleted list.
constexpr std::array<std::string_view, 12> bullet_symbols{
    "•", "·", "‣", "▪", "■", "●", "○", "◦", "➢", "\uF0B7", "\uF0A7", "\u2043"};
// Characters that mark an item only when a space follows ("- one"), so
// that "-5" or "*note" stay as written.
constexpr std::array<std::string_view, 5> spaced_bullets{"-", "*", "+", "–", "—"};

// Length of a number or letter that marks a list item: "1.", "12)", "a)",
// "iv)", "(a)", "(3)". 0 when `line` does not start with one. A letter
// followed by a full stop is not one: "J. Smith" is a name.
std::size_t numbering_length(std::string_view line) {
    std::size_t i = line.starts_with('(') ? 1 : 0;
    const std::size_t from = i;
    while (i < line.size() && i - from < 3 && is_digit(line[i])) ++i;
    const bool number = i > from;
    if (!number) {
        while (i < line.size() && i - from < 4 && std::string_view("ivxIVX").find(line[i]) != npos) ++i;
        if (i == from && i < line.size() && is_letter(line[i])) ++i;
    }
    if (i == from || i >= line.size()) return 0;
    const bool closed = line[i] == ')' || (number && from == 0 && line[i] == '.');
    if (!closed) return 0;
    ++i;
    return i == line.size() || line[i] == ' ' ? i : 0;
}

// Length of the bullet or numbering at the start of a tidied line, or 0.
std::size_t bullet_length(std::string_view line) {
    for (std::string_view b : bullet_symbols)
        if (line.starts_with(b)) return b.size();
    for (std::string_view b : spaced_bullets)
        if (line.starts_with(b) && (line.size() == b.size() || line[b.size()] == ' ')) return b.size();
    return numbering_length(line);
}

// ---- Lists --------------------------------------------------------------

// Length of `phrase` written at text[at] as a whole phrase, comparing
// letters without case and skipping spaces, hyphens and underscores on
// both sides ("Marriage-and-civil partnership"); 0 if it is not there.
std::size_t phrase_length(std::string_view text, std::size_t at, std::string_view phrase) {
    auto is_gap = [](char c) { return c == ' ' || c == '-' || c == '_'; };
    if (at > 0 && is_alnum(text[at - 1])) return 0;
    std::size_t t = at;
    for (char p : phrase) {
        if (is_gap(p)) continue;
        while (t < text.size() && is_gap(text[t])) ++t;
        if (t >= text.size() || lower(text[t]) != lower(p)) return 0;
        ++t;
    }
    if (t < text.size() && is_alnum(text[t])) return 0;
    return t - at;
}

// Length of the longest protected phrase at text[at], or 0.
std::size_t protected_length(std::string_view text, std::size_t at, const std::vector<std::string>& phrases) {
    std::size_t best = 0;
    for (const auto& p : phrases) best = std::max(best, phrase_length(text, at, p));
    return best;
}

// Length of the list separator at text[at], or 0: a '/', ';', ',' or '&',
// a bullet in the middle of a line, or the word "and" between spaces.
std::size_t separator_length(std::string_view text, std::size_t at) {
    if (std::string_view("/;,&").find(text[at]) != npos) return 1;
    for (std::string_view b : {"•", "·"})
        if (text.substr(at, b.size()) == b) return b.size();
    const bool word_start = at == 0 || text[at - 1] == ' ';
    const bool word_end = at + 3 == text.size() || (at + 3 < text.size() && text[at + 3] == ' ');
    if (word_start && word_end && to_lower_ascii(text.substr(at, 3)) == "and") return 3;
    return 0;
}

// Bracket depth after character c: text in brackets is a comment on the
// item ("Race (including Gypsy, Roma and Traveller pupils)") and is kept
// with it.
int bracket_depth(int depth, char c) {
    if (c == '(' || c == '[') return depth + 1;
    if (c == ')' || c == ']') return std::max(0, depth - 1);
    return depth;
}

}  // namespace

std::vector<CellLine> cell_lines(std::string_view raw) {
    // Decoded twice, so HTML a CMS escaped ("&lt;p&gt;", "&amp;nbsp;") is
    // removed as HTML rather than published as text.
    const std::string decoded = decode_character_references(decode_character_references(raw));
    std::vector<CellLine> out;
    for (auto& line : markup_lines(decoded)) {
        std::string text = tidy_spaces(line.text);
        if (const std::size_t n = bullet_length(text)) {
            text = trim(std::string_view(text).substr(n));
            line.item = true;
        }
        if (!text.empty()) out.push_back({std::move(text), line.item});
    }
    return out;
}

CellText clean_cell(std::string_view raw) {
    CellText out;
    for (auto& line : cell_lines(raw)) (line.item ? out.items : out.paragraphs).push_back(std::move(line.text));
    return out;
}

std::string cell_plain(std::string_view raw) {
    std::vector<std::string> texts;
    for (auto& line : cell_lines(raw)) texts.push_back(std::move(line.text));
    return join(texts, " ");
}

std::vector<std::string> split_line(std::string_view line, const std::vector<std::string>& protected_phrases) {
    std::vector<std::string> pieces;
    std::string current;
    auto flush = [&] {
        if (std::string piece = trim(current); !piece.empty()) pieces.push_back(std::move(piece));
        current.clear();
    };
    int depth = 0;
    for (std::size_t i = 0; i < line.size();) {
        if (depth == 0) {
            if (const std::size_t n = protected_length(line, i, protected_phrases)) {
                current.append(line.substr(i, n));
                i += n;
                continue;
            }
            if (const std::size_t n = separator_length(line, i)) {
                flush();
                i += n;
                continue;
            }
        }
        depth = bracket_depth(depth, line[i]);
        current.push_back(line[i++]);
    }
    flush();
    return pieces;
}

std::vector<std::string> split_list(std::string_view text, const std::vector<std::string>& protected_phrases) {
    std::vector<std::string> pieces;
    for (const auto& line : cell_lines(text))
        for (auto& piece : split_line(line.text, protected_phrases)) pieces.push_back(std::move(piece));
    return pieces;
}

}  // namespace eqsite::import
