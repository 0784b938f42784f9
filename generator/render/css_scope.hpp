// The theme's stylesheet with every rule under one class, for a fragment
// pasted into another site: ".eqsite-fragment a { ... }", so it styles
// the fragment and nothing of the page around it.
//
// Works on the plain CSS the default theme and site themes write: rule
// sets, comments, strings, and @media / @supports blocks (whose rules are
// scoped in turn). Other at-rules (@font-face, @keyframes, @page,
// @import) are dropped: they would reach beyond the fragment.
#pragma once

#include <string>
#include <string_view>

namespace eqsite {

std::string scope_css(std::string_view css, std::string_view scope);

}  // namespace eqsite
