// Renders one planned page to HTML with the theme's templates.
//
// Each worker thread has its own Renderer (it keeps words and the last
// page shown between pages); the Site, the Theme and the templates as
// parsed (ParsedTemplates) are shared read-only.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "model/recorded.hpp"
#include "model/site.hpp"
#include "render/pages.hpp"
#include "render/theme.hpp"

namespace eqsite {

struct RenderOptions {
    std::string base_url;         // "https://equality.trust.example", no trailing slash
    std::string base_path = "/";  // where the site lives on its host, ends with '/'
    std::string extra_head_html;  // added to every page's <head> (the preview server's reload script)
    InputId input = 0;            // every page reads these options (model/recorded.hpp)
};

// Splits a base URL into RenderOptions (base_path from its path part).
RenderOptions render_options_for(const std::string& base_url);

// The theme's templates parsed by kainjow, once for all the renderers of a
// build (a template's parse cost as much as rendering a dozen pages).
// Rendering reads them and changes nothing in them: kainjow writes into a
// template only on an error that the theme's checks rule out (an invalid
// partial, a lambda value, which no page value is).
class ParsedTemplates {
public:
    explicit ParsedTemplates(const Theme& theme);
    ~ParsedTemplates();
    ParsedTemplates(const ParsedTemplates&) = delete;
    ParsedTemplates& operator=(const ParsedTemplates&) = delete;

private:
    friend class Renderer;
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

class Renderer {
public:
    // `templates` must be `theme`'s, and live as long as the Renderer.
    Renderer(const Site& site, const Theme& theme, const ParsedTemplates& templates, RenderOptions options);
    // The same, parsing the templates itself.
    Renderer(const Site& site, const Theme& theme, RenderOptions options);
    ~Renderer();
    Renderer(const Renderer&) = delete;
    Renderer& operator=(const Renderer&) = delete;

    // Returns the page's HTML; on a template error, sets `error` instead.
    // A page for other sites (an embed page, a fragment) rendered right
    // after the page it shows, by the same Renderer, uses that page's
    // content as it was made, and notes what making it read.
    std::string render(const Page& page, std::string& error);

private:
    std::string for_other_sites(const Page& page, std::string content, const std::string& heading, std::string& error);
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// One partial of `theme` with `data` alone, outside any page: for tests
// and benchmarks of what the theme makes of a value, such as a data table
// (render/data_tables.hpp) with the default theme's `data-table`. Empty
// if the theme has no such partial.
std::string render_partial(const Theme& theme, const std::string& name, const kainjow::mustache::data& data);

}  // namespace eqsite
