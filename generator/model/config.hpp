// site.yaml (spec section 3) into SiteConfig.
#pragma once

#include "load/yaml_tree.hpp"

#include "model/site.hpp"
#include "util/diagnostics.hpp"

namespace eqsite {

SiteConfig read_config(const YamlNode& root, Diagnostics& diags);

// Checks an e-mail address loosely (something@something.something).
bool looks_like_email(const std::string& s);

}  // namespace eqsite
