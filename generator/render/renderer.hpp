// Renders one planned page to HTML with the theme's templates.
//
// A Renderer holds compiled templates, which kainjow mustache mutates while
// rendering, so each worker thread makes its own. The Site and Theme are
// shared read-only.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
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

// The content of a page that other pages show again (a school's page, its
// embed page and its fragment; the home page and /embed/), made by the
// first of them to render and used by the others, on any thread. What it
// read is kept with it and noted again by each page that uses it, so the
// preview knows those pages read it too. An entry is dropped after its
// last use, so few are held at once (each page's embed is planned next to
// it).
class SharedContents {
public:
    // `shown`: for each route, how many of the pages to render show it.
    explicit SharedContents(std::map<std::string, std::size_t> shown) : uses_(std::move(shown)) {}

    struct Content {
        std::string html;     // the page's content, without the layout
        std::string heading;  // its heading
        std::vector<InputId> reads;
    };
    // The content of `route` if another page made it; counts one use.
    std::optional<Content> take(const std::string& route);
    // Offers what this page made of `route`; counts one use.
    void give(const std::string& route, const Content& content);
    bool shared(const std::string& route) const;

private:
    mutable std::mutex mutex_;
    std::map<std::string, std::size_t> uses_;  // left, by route
    std::map<std::string, Content> made_;
};

class Renderer {
public:
    Renderer(const Site& site, const Theme& theme, RenderOptions options, SharedContents* shared = nullptr);
    ~Renderer();
    Renderer(const Renderer&) = delete;
    Renderer& operator=(const Renderer&) = delete;

    // Returns the page's HTML; on a template error, sets `error` instead.
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
