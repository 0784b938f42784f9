// `eqsite new`: starts a site, a school or an objective from a template
// that builds as it is, so a communications officer fills in blanks
// instead of learning the format from nothing.
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>


namespace eqsite {

// Scaffolds make no claim for the author: approvals, dates and the
// accessibility compliance status are left empty with a note on what to
// write, and text to replace starts with "Replace this", so the build
// warns until the author has filled everything in.
//
// Each returns the exit status (0 created, 2 refused) and prints what it
// made, or why it made nothing, to `out` / `err`. Nothing is ever
// overwritten.
int new_site(const std::filesystem::path& dir, std::ostream& out, std::ostream& err);
int new_school(const std::filesystem::path& site, const std::string& slug, std::ostream& out, std::ostream& err);
int new_objective(const std::filesystem::path& site, const std::optional<std::string>& school, const std::string& slug,
                  std::ostream& out, std::ostream& err);

}  // namespace eqsite
