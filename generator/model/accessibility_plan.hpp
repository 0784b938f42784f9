// Accessibility plans (Equality Act 2010, Schedule 10): the trust's
// content/trust/accessibility-plan.md and each school's
// content/schools/<slug>/accessibility-plan.md.
//
// Front matter: title, published, review_due (default: three years after
// published), approved_by, and actions, each with a `strand`:
// curriculum, environment or information. A plan covers a strand by an
// action in it or by a section whose heading names it.
#pragma once

#include "load/document.hpp"
#include "model/site.hpp"

namespace eqsite {

// Schedule 10 plans run for three years.
constexpr int accessibility_plan_years = 3;

// Reads one plan. `whose` names the school or trust, for messages.
AccessibilityPlan read_accessibility_plan(const Document& doc, const std::string& whose, Diagnostics& diags);

// The strand a section heading names ("Improving the physical environment"
// is environment), if any.
std::optional<PlanStrand> strand_of_heading(std::string_view heading);

}  // namespace eqsite
