// The text of one cell of a school's own action-plan table, as people
// really fill them in: HTML copied from a web page or a CMS (<p>, <br>,
// <li>, &nbsp;), line breaks typed inside an Excel or Word cell, and
// bulleted or numbered lines. Everything here is plain text out: no HTML
// survives, so nothing a cell holds can be published as markup.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace eqsite::import {

// One line of a cleaned cell, in the order it was written. `item` is true
// for a list item (an HTML <li>, or a line starting with a bullet or a
// number such as "•", "-", "1." or "a)"), whose marker has been removed.
struct CellLine {
    std::string text;
    bool item = false;
};

// Every non-empty line of the cell, in order, with markup removed,
// character references decoded, spaces collapsed and ends trimmed.
// Callers that need the order of paragraphs and items use this.
std::vector<CellLine> cell_lines(std::string_view raw);

// A cell split into what the objective file needs: plain lines become
// paragraphs (for "why" or the description), list lines become items (for
// actions, measures and progress notes).
struct CellText {
    std::vector<std::string> paragraphs;
    std::vector<std::string> items;
};
CellText clean_cell(std::string_view raw);

// The cell as one line of plain text, every line joined by a space, for
// values that must be one line (a title, an owner).
std::string cell_plain(std::string_view raw);

// The items of a list cell (characteristics, aims, target groups): split on
// new lines, bullets, '/', ';', ',', '&' and the word "and". Each of
// `protected_phrases` that appears is kept whole (compared ignoring case,
// spaces, hyphens and underscores), so "marriage and civil partnership" is
// one item when the caller says so. Text in brackets is never split: it is
// a comment on the item before it. Items are trimmed; empty ones dropped.
std::vector<std::string> split_list(std::string_view text, const std::vector<std::string>& protected_phrases = {});

// The same for one line of text already cleaned by cell_lines(), for a
// caller that edits lines before splitting them.
std::vector<std::string> split_line(std::string_view line, const std::vector<std::string>& protected_phrases = {});

}  // namespace eqsite::import
