#include "render/theme.hpp"

#include <kainjow/mustache.hpp>

#include "load/embedded.hpp"
#include "util/files.hpp"
#include "util/text.hpp"

namespace eqsite {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view builtin_prefix = "themes/default/";
constexpr std::string_view template_ext = ".mustache";

std::string name_without_ext(const std::string& file) {
    return file.ends_with(template_ext) ? file.substr(0, file.size() - template_ext.size()) : file;
}

// {{{name}}} and {{&name}} print without escaping: allow them only for
// names that promise HTML (ending in _html).
void check_raw_tags(const ThemeFile& f, Diagnostics& diags) {
    const std::string& t = f.text;
    int line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i + 2 < t.size(); ++i) {
        if (t[i] == '\n') {
            ++line;
            line_start = i + 1;
            continue;
        }
        if (t.compare(i, 2, "{{") != 0) continue;
        std::size_t name_start;
        if (t[i + 2] == '{') name_start = i + 3;
        else if (t[i + 2] == '&') name_start = i + 3;
        else continue;
        const std::size_t end = t.find('}', name_start);
        if (end == std::string::npos) continue;
        const std::string name = trim(std::string_view(t).substr(name_start, end - name_start));
        if (!name.ends_with("_html"))
            diags.error({f.source, line, column_of(std::string_view(t).substr(line_start), i - line_start)},
                        "{{{" + name + "}}} prints \"" + name + "\" without HTML escaping; use {{" + name +
                            "}} (only values whose names end in _html may be printed raw)");
    }
}

void check_syntax(const ThemeFile& f, Diagnostics& diags) {
    kainjow::mustache::mustache m(f.text);
    if (!m.is_valid()) diags.error({f.source, 1, 1}, "template error: " + m.error_message());
    check_raw_tags(f, diags);
}

}  // namespace

const std::vector<std::string>& template_names() {
    static const std::vector<std::string> names = {"layout",    "home",   "policy",    "objectives",
                                                    "characteristic", "aim", "school", "objective",
                                                    "data",      "review",    "accessibility", "404"};
    return names;
}

Theme load_theme(const fs::path& site_root, Diagnostics& diags) {
    Theme theme;
    for (const auto& file : embedded::files()) {
        if (!file.path.starts_with(builtin_prefix)) continue;
        const std::string rel(file.path.substr(builtin_prefix.size()));
        ThemeFile tf{std::string(file.data), "(built-in) " + std::string(file.path)};
        if (rel.starts_with("templates/"))
            theme.templates[name_without_ext(rel.substr(10))] = std::move(tf);
        else if (rel.starts_with("partials/"))
            theme.partials[name_without_ext(rel.substr(9))] = std::move(tf);
        else if (rel.starts_with("assets/"))
            theme.assets[rel.substr(7)] = std::move(tf);
    }

    const fs::path dir = site_root / "theme";
    auto override_folder = [&](const std::string& sub, std::map<std::string, ThemeFile>& into, bool templates) {
        for (const auto& entry : list_visible(dir / sub)) {
            if (entry.is_directory) continue;
            const fs::path path = dir / sub / from_utf8(entry.name);
            const std::string source = relative_name(path, site_root);
            auto bytes = read_file(path);
            if (!bytes) {
                diags.error({source, 1, 1}, "cannot read this file");
                continue;
            }
            std::string key = templates || sub == "partials" ? name_without_ext(entry.name) : entry.name;
            if (templates && into.find(key) == into.end()) {
                diags.warning({source, 1, 1}, "not used: the theme has no template called \"" + key +
                                                  "\"; templates are " + join(template_names(), ", "));
                continue;
            }
            into[key] = ThemeFile{normalise_newlines(*bytes), source};
        }
    };
    override_folder("templates", theme.templates, true);
    override_folder("partials", theme.partials, false);
    // Assets keep their bytes exactly (images, fonts).
    for (const auto& entry : list_visible(dir / "assets")) {
        if (entry.is_directory) continue;
        const fs::path path = dir / "assets" / from_utf8(entry.name);
        if (auto bytes = read_file(path)) theme.assets[entry.name] = ThemeFile{*bytes, relative_name(path, site_root)};
    }

    for (const auto& name : template_names())
        if (theme.templates.find(name) == theme.templates.end())
            diags.error({"theme/templates/" + name + ".mustache", 1, 1}, "the theme has no template \"" + name + "\"");
    for (const auto& [name, file] : theme.templates) check_syntax(file, diags);
    for (const auto& [name, file] : theme.partials) check_syntax(file, diags);
    return theme;
}

}  // namespace eqsite
