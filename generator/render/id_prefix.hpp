// Ids of a fragment pasted into another website (build --fragments): the
// host page has ids of its own ("content", "objectives"), and a repeated
// id breaks its links and its labels for screen readers. Every id in the
// fragment, and every reference to one, gets the fragment's own prefix.
#pragma once

#include <string>
#include <string_view>

namespace eqsite {

// `html` (eqsite's own: attribute values in double quotes, escaped) with
// `prefix` before every id="...", every "#..." link to a part of the
// same page, and every id named by for, headers, list, form and the
// aria-labelledby, aria-describedby, aria-controls and aria-owns
// attributes (each of a list's ids). Raw HTML an author allowed in
// Markdown is rewritten too when its values are in double quotes; values
// in single quotes or none are left as they are.
std::string prefix_ids(std::string_view html, std::string_view prefix);

}  // namespace eqsite
