// Checks a Markdown body before anything renders it: tables too wide or
// too large to publish (a 40 KB table can otherwise become a 270 MB page,
// since md4c pads every row to the header's width), and link or image
// addresses that will be left out because they could run script.
#pragma once

#include <string>
#include <string_view>

#include "util/diagnostics.hpp"

namespace eqsite {

inline constexpr unsigned max_table_columns = 64;
inline constexpr unsigned long max_table_cells = 100000;

// `first_line` is the file line on which `markdown` starts. With
// `unsafe_html` (the author allows raw HTML and any address), addresses
// are not checked.
void check_markdown(std::string_view markdown, const std::string& file, int first_line, bool unsafe_html,
                    Diagnostics& diags);

}  // namespace eqsite
