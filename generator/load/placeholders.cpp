#include "load/placeholders.hpp"

namespace eqsite {
namespace {

// Where a YAML line's comment starts: a '#' at the start or after a space.
std::size_t comment_start(std::string_view line) {
    for (std::size_t i = 0; i < line.size(); ++i)
        if (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) return i;
    return line.size();
}

}  // namespace

void warn_placeholders(std::string_view text, const std::string& file, int first_markdown_line, Diagnostics& diags) {
    int line_number = 1;
    std::size_t from = 0;
    while (from <= text.size()) {
        auto to = text.find('\n', from);
        if (to == std::string_view::npos) to = text.size();
        std::string_view line = text.substr(from, to - from);
        const bool yaml = first_markdown_line <= 0 || line_number < first_markdown_line;
        if (yaml) line = line.substr(0, comment_start(line));
        if (const auto at = line.find(placeholder_marker); at != std::string_view::npos)
            diags.warning({file, line_number, static_cast<int>(at) + 1},
                          "placeholder text from \"eqsite new\" is still here and would be published: replace it "
                          "with your own words");
        else if (const auto address = line.find(placeholder_address); address != std::string_view::npos)
            diags.warning({file, line_number, static_cast<int>(address) + 1},
                          "\"" + std::string(placeholder_address) + "\" is the made-up address from \"eqsite new\" "
                          "and would be published: write the real one");
        if (to == text.size()) break;
        from = to + 1;
        ++line_number;
    }
}

}  // namespace eqsite
