#include "render/renderer.hpp"

#include "render/id_prefix.hpp"

#include <kainjow/mustache.hpp>

#include "render/page_views.hpp"
#include "render/view_data.hpp"
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

// Collects kainjow's output in one string. kainjow's own render(ctx)
// writes into an ostringstream and copies the page out of it at the end.
struct Collect {
    std::string text;
    Collect& operator<<(const std::string& piece) {
        text += piece;
        return *this;
    }
};

// kainjow's own escaping (the same five characters, the same entities,
// so pages do not change), copied in runs rather than a character at a
// time: most values have nothing to escape.
std::string escape(const std::string& text) {
    std::size_t at = find_html_special(text, 0);
    if (at == std::string::npos) return text;
    std::string out;
    out.reserve(text.size() + 16);
    std::size_t from = 0;
    for (; at != std::string::npos; at = find_html_special(text, from)) {
        out.append(text, from, at - from);
        switch (text[at]) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += "&apos;"; break;
        }
        from = at + 1;
    }
    out.append(text, from, std::string::npos);
    return out;
}

std::string render_into_string(mustache::mustache& compiled, ThemeContext& ctx) {
    Collect out;
    out.text.reserve(1 << 14);
    compiled.render(ctx, out);
    return std::move(out.text);
}

}  // namespace

struct ParsedTemplates::Impl {
    // kainjow's render() is not const, though it changes nothing here (see
    // renderer.hpp): the threads' renderers share these.
    mutable std::map<std::string, mustache::mustache> templates;
    mustache::data partials;
};

ParsedTemplates::ParsedTemplates(const Theme& theme) : impl_(std::make_unique<Impl>()) {
    for (const auto& [name, text] : theme.compiled)  // partials included take the escape too
        impl_->templates.emplace(name, mustache::mustache(text)).first->second.set_custom_escape(escape);
    for (const auto& [name, file] : theme.partials) impl_->partials.set(name, mustache::data(file.text));
}

ParsedTemplates::~ParsedTemplates() = default;

struct Renderer::Impl {
    const Site& site;
    const Theme& theme;
    RenderOptions options;
    std::unique_ptr<ParsedTemplates> own;  // when the renderer parsed the templates itself
    const ParsedTemplates::Impl& parsed;
    std::map<std::string, mustache::mustache>& templates = parsed.templates;
    const mustache::data& partials = parsed.partials;
    Words words{theme.strings};  // dates and lists in words, for all this renderer's pages

    // The content of the last page other pages show (a school's page, the
    // home page), for its embed page and fragment rendered next.
    struct Shown {
        std::string route;
        std::string html;
        std::string heading;
        std::vector<InputId> reads;  // what making it read (when reads are recorded)
    } last_shown;

    Impl(const Site& s, const Theme& t, std::unique_ptr<ParsedTemplates> mine, const ParsedTemplates& p, RenderOptions o)
        : site(s), theme(t), options(std::move(o)), own(std::move(mine)), parsed(*p.impl_) {}

    std::string apply(const std::string& name, const mustache::data& data, std::string& error) {
        auto it = templates.find(name);
        if (it == templates.end()) {
            error = "no template \"" + name + "\"";
            return {};
        }
        if (const auto id = theme.ids.find(name); id != theme.ids.end()) InputRecorder::note(id->second);
        ThemeContext ctx(&data, &partials);
        std::string out = render_into_string(it->second, ctx);
        if (!it->second.is_valid()) error = theme.templates.at(name).source + ": " + it->second.error_message();
        if (ctx.over_budget())
            error = theme.templates.at(name).source + ": more than " + std::to_string(ThemeContext::budget) +
                    " partials on one page; a partial probably includes itself";
        return out;
    }
};

Renderer::Renderer(const Site& site, const Theme& theme, const ParsedTemplates& templates, RenderOptions options)
    : impl_(std::make_unique<Impl>(site, theme, nullptr, templates, std::move(options))) {}

Renderer::Renderer(const Site& site, const Theme& theme, RenderOptions options) {
    auto own = std::make_unique<ParsedTemplates>(theme);
    const ParsedTemplates& parsed = *own;
    impl_ = std::make_unique<Impl>(site, theme, std::move(own), parsed, std::move(options));
}

Renderer::~Renderer() = default;

std::string Renderer::render(const Page& page, std::string& error) {
    InputRecorder::note(impl_->options.input);  // every page's links start with the base path
    const PageViews views{impl_->site, impl_->options, impl_->theme, impl_->words};
    const bool other_site = eqsite::for_other_sites(page);
    const bool shown_elsewhere = std::holds_alternative<SchoolPage>(page.kind) || std::holds_alternative<HomePage>(page.kind);
    auto& last = impl_->last_shown;
    if (other_site && last.route == shown_page(impl_->site, page).route) {
        for (InputId id : last.reads) InputRecorder::note(id);  // this page read them too
        return for_other_sites(page, last.html, last.heading, error);
    }
    // What making the content reads is kept with it when other pages show
    // it and reads are recorded (the preview); else it is noted as usual.
    std::vector<InputId> reads;
    PageView view;
    std::string content;
    if (shown_elsewhere && InputRecorder::recording()) {
        {
            InputRecorder::Scope record(reads);
            view = views.view(page);
            content = impl_->apply(view.template_name, view.data, error);
        }
        for (InputId id : reads) InputRecorder::note(id);
    } else {
        view = views.view(page);
        content = impl_->apply(view.template_name, view.data, error);
    }
    if (!error.empty()) return {};
    if (shown_elsewhere) last = {page.route, content, view.heading, std::move(reads)};
    if (other_site) return for_other_sites(page, std::move(content), view.heading, error);
    mustache::data layout = views.layout(page, view);
    put(layout, "content_html", std::move(content));
    return impl_->apply("layout", layout, error);
}

// An embed page or a fragment around `content`, the content of the page it shows.
std::string Renderer::for_other_sites(const Page& page, std::string content, const std::string& heading,
                                      std::string& error) {
    const PageViews views{impl_->site, impl_->options, impl_->theme, impl_->words};
    {
        const bool fragment = std::holds_alternative<FragmentPage>(page.kind);
        mustache::data around = views.for_other_sites(page, heading);
        // Both are shown on another site, at another address than the page
        // they show: every address in them must be absolute.
        std::string shown = absolute_addresses(content, impl_->options.base_url, shown_page(impl_->site, page).route);
        // In an iframe, links leave the frame (<base target="_top">), but a
        // link to a part of the page itself stays in it.
        if (!fragment) shown = in_page_links_stay(shown);
        // Pasted into a page with ids of its own, and perhaps beside
        // another fragment: each fragment's ids are its own.
        if (fragment) {
            const auto& f = std::get<FragmentPage>(page.kind);
            // "--" ends the slug (a slug has single hyphens only), so no
            // two fragments' prefixes can make the same id.
            shown = prefix_ids(shown, f.school ? "eqsite-school-" + impl_->site.schools.unrecorded()[*f.school].slug + "--"
                                               : std::string("eqsite-trust--"));
        }
        put(around, "content_html", std::move(shown));
        return impl_->apply(fragment ? "fragment" : "embed", around, error);
    }
}

std::string render_partial(const Theme& theme, const std::string& name, const mustache::data& data) {
    mustache::data partials;
    for (const auto& [partial, file] : theme.partials) partials.set(partial, mustache::data(file.text));
    const auto it = theme.partials.find(name);
    if (it == theme.partials.end()) return {};
    mustache::mustache compiled(it->second.text);
    compiled.set_custom_escape(escape);
    ThemeContext ctx(&data, &partials);
    return render_into_string(compiled, ctx);
}

}  // namespace eqsite
