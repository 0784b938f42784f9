// content/schools/<slug>/index.md (spec section 4) into a School.
#pragma once

#include <filesystem>

#include "load/site_files.hpp"
#include "model/site.hpp"

namespace eqsite {

// `index` is the school's parsed index.md, or null if it has none (already
// reported by load/).
School read_school(const SchoolFiles& files, const Document* index, const std::filesystem::path& site_root,
                   Diagnostics& diags);

}  // namespace eqsite
