// Objective files (spec section 4) into Objective values.
#pragma once

#include <optional>
#include <string>

#include "load/document.hpp"
#include "model/site.hpp"

namespace eqsite {

// One item of an `actions:` list (objectives and accessibility plans): its
// text, owner, due date and status. Does not call finish(), so the caller
// can read keys of its own first.
Action read_action(Fields& item);

Objective read_objective(const Document& doc, std::string slug, std::optional<std::size_t> school,
                         Diagnostics& diags);

}  // namespace eqsite
