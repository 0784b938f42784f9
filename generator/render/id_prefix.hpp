// Ids of a fragment pasted into another website (build --fragments): the
// host page has ids of its own ("content", "objectives"), and a repeated
// id breaks its links and its labels for screen readers. Every id in the
// fragment, and every reference to one, gets the fragment's own prefix.
#pragma once

#include <string>
#include <string_view>

namespace eqsite {

// `html` with `prefix` before every id, every "#..." link to a part of
// the same page, and every id named by for, headers, list, form and the
// aria-labelledby, aria-describedby, aria-controls and aria-owns
// attributes (each of a list's ids). Attributes are found as a browser
// finds them (util/html_attributes.hpp), so raw HTML an author allowed in
// Markdown is rewritten too, however its values are quoted.
std::string prefix_ids(std::string_view html, std::string_view prefix);

// `html` with target="_self" on every link (<a>) to a part of the same
// page ("#..."), for an embed page: in an iframe whose links leave the
// frame (<base target="_top">), these stay in it.
std::string in_page_links_stay(std::string_view html);

}  // namespace eqsite
