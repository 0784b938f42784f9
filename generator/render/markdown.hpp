// Markdown to HTML: md4c's parser with our own small HTML writer.
//
// Our own writer (instead of md4c-html) lets us give headings stable ids,
// shift heading levels to fit the page, escape raw HTML unless the site
// allows it, and avoid md4c-html's deprecated align=. Every attribute is
// decoded as a browser would, then escaped; a link or image address other
// than a relative one, http, https, mailto or tel is left out (its text
// stays), however it is spelt (util/url.hpp).
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>

namespace eqsite {

// The ids already used on one page, so headings from several Markdown
// documents (the policy page) never share an id.
class HeadingIds {
public:
    explicit HeadingIds(std::set<std::string> reserved = {"main", "content", "contents", "top"});
    // A stable id for this heading text: "Our aims" -> "our-aims", then
    // "our-aims-2" for the second heading with the same text.
    std::string claim(std::string_view heading_text);
    // A label no other landmark on the page has: "Table: A, B", then
    // "Table: A, B (2)".
    std::string unique_label(const std::string& label);

private:
    std::set<std::string> used_;
    std::set<std::string> labels_;
    std::map<std::string, int> next_suffix_;  // per base id: the next number to try
    std::map<std::string, int> next_label_;
};

struct MarkdownOptions {
    bool unsafe_html = false;
    // The level the document's highest heading becomes (2 under a page's h1).
    int top_heading_level = 2;
    // Where the site lives on its host ("/equality/"): a root-relative
    // address ("/policy/") is written under it ("/equality/policy/").
    std::string base_path = "/";
};

std::string render_markdown(std::string_view markdown, const MarkdownOptions& options, HeadingIds& ids);

// A heading id from text: lower-case ASCII letters and digits joined by
// hyphens, accents dropped. Never empty ("section" if nothing is left).
std::string heading_slug(std::string_view text);

}  // namespace eqsite
