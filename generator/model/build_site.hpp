// The model stage: turns what load/ read into a validated Site, merging
// trust-wide objectives into every school and indexing by aim and
// characteristic.
#pragma once

#include <optional>

#include "load/site_files.hpp"
#include "model/site.hpp"

namespace eqsite {

struct ModelOptions {
    std::optional<Date> today;  // --today; site.yaml `today` wins over it
    unsigned jobs = 0;          // schools read in parallel; 0: one thread per core
};

// Always returns a Site; check diags.has_errors() before publishing it.
Site build_model(const SiteFiles& files, const ModelOptions& options, Diagnostics& diags);

// Reads and validates a whole site folder: load + model in one call.
Site load_site(const std::filesystem::path& root, const ModelOptions& options, Diagnostics& diags);

}  // namespace eqsite
