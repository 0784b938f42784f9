// JSON text as nlohmann's dump(2) writes it (two spaces of indent, UTF-8
// kept as it is), for the open data's trees of objects, lists, texts and
// true/false. nlohmann's serializer decodes every byte of every text; this
// copies text in runs, and was a tenth of a build's work at 300 schools.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace eqsite {

// Appends `j` to `out` as dump(2) would, starting at `depth` (the indent
// of its inner lines is depth + 1 levels), so that a tree can be written
// inside a list. Falls back to nlohmann for what it does not write
// itself (numbers, and text that is not valid UTF-8, which nlohmann
// replaces).
void append_json(std::string& out, const nlohmann::ordered_json& j, int depth = 0);

}  // namespace eqsite
