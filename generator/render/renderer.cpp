#include "render/renderer.hpp"

#include <kainjow/mustache.hpp>

#include "render/page_views.hpp"

namespace eqsite {

namespace mustache = kainjow::mustache;

RenderOptions render_options_for(const std::string& base_url) {
    RenderOptions o;
    std::string url = base_url;
    while (url.ends_with("/")) url.pop_back();
    o.base_url = url;
    const auto scheme = url.find("://");
    const auto path_start = scheme == std::string::npos ? std::string::npos : url.find('/', scheme + 3);
    o.base_path = path_start == std::string::npos ? "/" : url.substr(path_start) + "/";
    return o;
}

namespace {

// kainjow looks partials up among the data, so {{> breadcrumbs}} would find
// a `breadcrumbs` value. This context looks them up among partials only.
class ThemeContext : public mustache::context<std::string> {
public:
    ThemeContext(const mustache::data* page, const mustache::data* partials)
        : mustache::context<std::string>(page), partials_(partials) {}
    const mustache::data* get_partial(const std::string& name) const override { return partials_->get(name); }

private:
    const mustache::data* partials_;
};

}  // namespace

struct Renderer::Impl {
    const Site& site;
    const Theme& theme;
    RenderOptions options;
    std::map<std::string, mustache::mustache> templates;
    mustache::data partials;

    Impl(const Site& s, const Theme& t, RenderOptions o) : site(s), theme(t), options(std::move(o)) {
        for (const auto& [name, file] : theme.templates) templates.emplace(name, mustache::mustache(file.text));
        for (const auto& [name, file] : theme.partials) partials.set(name, mustache::data(file.text));
    }

    std::string apply(const std::string& name, const mustache::data& data, std::string& error) {
        auto it = templates.find(name);
        if (it == templates.end()) {
            error = "no template \"" + name + "\"";
            return {};
        }
        ThemeContext ctx(&data, &partials);
        std::string out = it->second.render(ctx);
        if (!it->second.is_valid()) error = theme.templates.at(name).source + ": " + it->second.error_message();
        return out;
    }
};

Renderer::Renderer(const Site& site, const Theme& theme, RenderOptions options)
    : impl_(std::make_unique<Impl>(site, theme, std::move(options))) {}

Renderer::~Renderer() = default;

std::string Renderer::render(const Page& page, std::string& error) {
    const PageViews views{impl_->site, impl_->options};
    PageView view = views.view(page);
    std::string content = impl_->apply(view.template_name, view.data, error);
    if (!error.empty()) return {};
    mustache::data layout = views.layout(page, view);
    layout.set("content_html", content);
    return impl_->apply("layout", layout, error);
}

}  // namespace eqsite
