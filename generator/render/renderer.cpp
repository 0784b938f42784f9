#include "render/renderer.hpp"

#include "render/id_prefix.hpp"

#include <kainjow/mustache.hpp>

#include "render/page_views.hpp"
#include "util/text.hpp"
#include "util/url.hpp"

namespace eqsite {

namespace mustache = kainjow::mustache;

RenderOptions render_options_for(const std::string& base_url) {
    RenderOptions o;
    std::string url = base_url;
    while (url.ends_with("/")) url.pop_back();
    o.base_url = url;
    o.base_path = url.substr(url_origin(url).size()) + "/";
    return o;
}

namespace {

// kainjow looks partials up among the data, so {{> breadcrumbs}} would find
// a `breadcrumbs` value. This context looks them up among partials only,
// and stops including them after a budget: load_theme() refuses partials
// that include themselves, and this is the guard behind it (kainjow would
// recurse until the stack overflows).
class ThemeContext : public mustache::context<std::string> {
public:
    static constexpr std::size_t budget = 100000;  // partial inclusions per page

    ThemeContext(const mustache::data* page, const mustache::data* partials)
        : mustache::context<std::string>(page), partials_(partials) {}
    const mustache::data* get_partial(const std::string& name) const override {
        if (++included_ > budget) return nullptr;
        return partials_->get(name);
    }
    bool over_budget() const { return included_ > budget; }

private:
    const mustache::data* partials_;
    mutable std::size_t included_ = 0;
};

}  // namespace

struct Renderer::Impl {
    const Site& site;
    const Theme& theme;
    RenderOptions options;
    std::map<std::string, mustache::mustache> templates;
    mustache::data partials;

    SharedContents* shared;

    Impl(const Site& s, const Theme& t, RenderOptions o, SharedContents* sh)
        : site(s), theme(t), options(std::move(o)), shared(sh) {
        for (const auto& [name, text] : theme.compiled) templates.emplace(name, mustache::mustache(text));
        for (const auto& [name, file] : theme.partials) partials.set(name, mustache::data(file.text));
    }

    std::string apply(const std::string& name, const mustache::data& data, std::string& error) {
        auto it = templates.find(name);
        if (it == templates.end()) {
            error = "no template \"" + name + "\"";
            return {};
        }
        if (const auto id = theme.ids.find(name); id != theme.ids.end()) InputRecorder::note(id->second);
        ThemeContext ctx(&data, &partials);
        std::string out = it->second.render(ctx);
        if (!it->second.is_valid()) error = theme.templates.at(name).source + ": " + it->second.error_message();
        if (ctx.over_budget())
            error = theme.templates.at(name).source + ": more than " + std::to_string(ThemeContext::budget) +
                    " partials on one page; a partial probably includes itself";
        return out;
    }
};

Renderer::Renderer(const Site& site, const Theme& theme, RenderOptions options, SharedContents* shared)
    : impl_(std::make_unique<Impl>(site, theme, std::move(options), shared)) {}

Renderer::~Renderer() = default;

bool SharedContents::shared(const std::string& route) const {
    std::lock_guard lock(mutex_);
    const auto it = uses_.find(route);
    return it != uses_.end() && it->second > 1;
}

std::optional<SharedContents::Content> SharedContents::take(const std::string& route) {
    std::lock_guard lock(mutex_);
    const auto made = made_.find(route);
    if (made == made_.end()) return std::nullopt;
    auto& left = uses_[route];
    if (left > 0) --left;
    if (left > 0) return made->second;
    Content last = std::move(made->second);  // the last use: nobody needs it after
    made_.erase(made);
    return last;
}

void SharedContents::give(const std::string& route, const Content& content) {
    std::lock_guard lock(mutex_);
    auto& left = uses_[route];
    if (left > 0) --left;
    if (left > 0) made_.try_emplace(route, content);
    else made_.erase(route);
}

std::string Renderer::render(const Page& page, std::string& error) {
    InputRecorder::note(impl_->options.input);  // every page's links start with the base path
    const PageViews views{impl_->site, impl_->options, impl_->theme};
    const bool other_site = std::holds_alternative<EmbedPage>(page.kind) || std::holds_alternative<FragmentPage>(page.kind);
    const std::string shown = other_site ? shown_page(impl_->site, page).route : page.route;
    SharedContents* shared = impl_->shared && impl_->shared->shared(shown) ? impl_->shared : nullptr;
    // A page for other sites shows a page's content as it is: made once.
    std::optional<SharedContents::Content> made = other_site && shared ? shared->take(shown) : std::nullopt;
    if (made) {
        for (InputId id : made->reads) InputRecorder::note(id);  // this page read them too
        return for_other_sites(page, std::move(made->html), made->heading, error);
    }
    std::vector<InputId> reads;
    PageView view;
    std::string content;
    {
        InputRecorder::Scope record(reads);
        view = views.view(page);
        content = impl_->apply(view.template_name, view.data, error);
    }
    for (InputId id : reads) InputRecorder::note(id);
    if (!error.empty()) return {};
    if (shared) shared->give(shown, {content, view.heading, std::move(reads)});
    if (other_site) return for_other_sites(page, std::move(content), view.heading, error);
    mustache::data layout = views.layout(page, view);
    layout.set("content_html", content);
    return impl_->apply("layout", layout, error);
}

// An embed page or a fragment around `content`, the content of the page it shows.
std::string Renderer::for_other_sites(const Page& page, std::string content, const std::string& heading,
                                      std::string& error) {
    const PageViews views{impl_->site, impl_->options, impl_->theme};
    {
        const bool fragment = std::holds_alternative<FragmentPage>(page.kind);
        mustache::data around = views.for_other_sites(page, heading);
        // Both are shown on another site, at another address than the page
        // they show: every address in them must be absolute.
        std::string shown = absolute_addresses(content, impl_->options.base_url, shown_page(impl_->site, page).route);
        // In an iframe, links leave the frame (<base target="_top">), but a
        // link to a part of the page itself stays in it.
        if (!fragment) shown = replace_all(shown, "<a href=\"#", "<a target=\"_self\" href=\"#");
        // Pasted into a page with ids of its own, and perhaps beside
        // another fragment: each fragment's ids are its own.
        if (fragment) {
            const auto& f = std::get<FragmentPage>(page.kind);
            // "--" ends the slug (a slug has single hyphens only), so no
            // two fragments' prefixes can make the same id.
            shown = prefix_ids(shown, f.school ? "eqsite-school-" + impl_->site.schools.unrecorded()[*f.school].slug + "--"
                                               : std::string("eqsite-trust--"));
        }
        around.set("content_html", shown);
        return impl_->apply(fragment ? "fragment" : "embed", around, error);
    }
}

std::string render_partial(const Theme& theme, const std::string& name, const mustache::data& data) {
    mustache::data partials;
    for (const auto& [partial, file] : theme.partials) partials.set(partial, mustache::data(file.text));
    const auto it = theme.partials.find(name);
    if (it == theme.partials.end()) return {};
    mustache::mustache compiled(it->second.text);
    ThemeContext ctx(&data, &partials);
    return compiled.render(ctx);
}

}  // namespace eqsite
