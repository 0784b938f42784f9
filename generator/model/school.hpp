// content/schools/<slug>/index.md (spec section 4) into a School.
#pragma once

#include <filesystem>

#include "load/site_files.hpp"
#include "model/site.hpp"

namespace eqsite {

School read_school(const LoadedSchool& loaded, const std::filesystem::path& site_root, Diagnostics& diags);

}  // namespace eqsite
