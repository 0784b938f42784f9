// The built-in statutory text (repository content/, compiled in) and the
// site's overrides of it.
#pragma once

#include "load/site_files.hpp"
#include "model/site.hpp"

namespace eqsite {

Statutory read_statutory(const SiteFiles& files, bool unsafe_html, Diagnostics& diags);

}  // namespace eqsite
