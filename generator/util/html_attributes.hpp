// The attributes of an HTML page's start tags, found as a browser finds
// them: values in double quotes, in single quotes or in none, names in any
// case, and nothing taken from comments, end tags, or the text of script,
// style, textarea and title elements (HTML's tokenizer, for tags only).
//
// eqsite's own pages write every value in double quotes, but an author
// who allows raw HTML in Markdown may write <a href='/policy/'> or
// <h2 id=aims>: a fragment's ids and addresses, and the link check, must
// see those too.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string_view>
#include <vector>

namespace eqsite {

struct HtmlAttribute {
    std::string_view tag;        // the element's name, as written
    std::string_view name;       // as written: compare with same_attribute_name()
    std::size_t value_at = 0;    // where the value starts in the page (after its quote)
    std::size_t value_end = 0;   // just past it (at its closing quote)
    bool has_value = false;      // false for <input disabled>: value_at == value_end

    std::string_view value(std::string_view html) const { return html.substr(value_at, value_end - value_at); }
};

// Whether two names (of attributes or tags) are the same but for the case
// of ASCII letters, as HTML compares them.
bool same_attribute_name(std::string_view a, std::string_view b);

// The attributes named `wanted` (lower-case names; in the page, in any
// case) of every complete start tag in `html`, in order. A tag cut off by
// the end of the text is not one (a browser drops it).
std::vector<HtmlAttribute> html_attributes(std::string_view html, std::initializer_list<std::string_view> wanted);

}  // namespace eqsite
