// Objective files (spec section 4) into Objective values.
#pragma once

#include <optional>
#include <string>

#include "load/document.hpp"
#include "model/site.hpp"

namespace eqsite {

Objective read_objective(const Document& doc, std::string slug, std::optional<std::size_t> school,
                         Diagnostics& diags);

}  // namespace eqsite
