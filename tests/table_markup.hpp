// A data table as the default theme shows it: its `data-table` partial (and
// `bar-chart`) rendered with table_data(), for tests of the published
// markup (render/data_tables.hpp).
#pragma once

#include <string>

#include "model/disclosure.hpp"
#include "render/data_tables.hpp"
#include "render/renderer.hpp"
#include "render/theme.hpp"
#include "util/diagnostics.hpp"

namespace eqsite::test {

inline const Theme& default_theme() {
    static const Theme theme = [] {
        Diagnostics diags;  // a folder with no theme/: the built-in theme alone
        return load_theme("/nonexistent/eqsite-test-site", diags);
    }();
    return theme;
}

inline std::string table_html(const PublishedTable& t, const PublishedGrid& g, const std::string& place,
                              const std::string& id) {
    return render_partial(default_theme(), "data-table", table_data(default_theme().strings, t, g, place, id));
}

// The chart alone (empty for tables without one).
inline std::string chart_svg(const PublishedTable& t, const PublishedGrid& g) {
    const auto data = table_data(default_theme().strings, t, g, "", "chart");
    const auto* chart = data.get("chart");
    return chart ? render_partial(default_theme(), "bar-chart", *chart) : std::string();
}

}  // namespace eqsite::test
