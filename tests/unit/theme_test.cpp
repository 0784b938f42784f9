#include <catch2/catch.hpp>

#include "model/build_site.hpp"
#include "render/renderer.hpp"
#include "render/theme.hpp"
#include "support.hpp"

#include <thread>

using namespace eqsite;
using namespace eqsite::test;

TEST_CASE("the default theme is complete and valid") {
    TempDir dir;
    Diagnostics d;
    Theme theme = load_theme(dir.path(), d);
    CHECK(d.empty());
    for (const auto& name : template_names()) CHECK(theme.templates.count(name) == 1);
    CHECK(theme.assets.count("style.css") == 1);
}

TEST_CASE("a site overrides one partial, the rest stay default") {
    TempDir dir;
    write_minimal_site(dir.path());
    write(dir.path() / "theme/partials/site-footer.mustache", "<footer>Our own footer for {{trust_name}}</footer>");
    Diagnostics d;
    Site site = load_site(dir.path(), {}, d);
    Theme theme = load_theme(dir.path(), d);
    REQUIRE_FALSE(d.has_errors());
    CHECK(theme.partials.at("site-footer").source == "theme/partials/site-footer.mustache");
    CHECK(theme.partials.at("site-header").source.starts_with("(built-in)"));
    Renderer r(site, theme, render_options_for("https://test.example"));
    std::string error;
    const auto html = r.render({"/", HomePage{}}, error);
    REQUIRE(error.empty());
    CHECK(html.find("<footer>Our own footer for Test Trust</footer>") != std::string::npos);
    CHECK(html.find("class=\"site-header\"") != std::string::npos);
}

// A heading in the content must not take an id the template writes itself,
// however the template quotes it: the page would have the id twice.
TEST_CASE("a template's own ids are found however it quotes them") {
    TempDir dir;
    write_minimal_site(dir.path());
    write(dir.path() / "theme/partials/site-footer.mustache",
          "<footer id='details'><p ID=summary>{{trust_name}}</p><p id=\"row-{{id}}\"></p>"
          "<!-- <p id=\"commented\"> --></footer>");
    Diagnostics d;
    Site site = load_site(dir.path(), {}, d);
    Theme theme = load_theme(dir.path(), d);
    REQUIRE_FALSE(d.has_errors());
    const auto& ids = theme.fixed_ids.at("policy");  // every page has the layout's footer
    CHECK(ids.count("details") == 1);
    CHECK(ids.count("summary") == 1);
    CHECK(ids.count("main") == 1);  // the layout's own, in double quotes
    CHECK(ids.count("commented") == 0);
    for (const auto& id : ids) CHECK(id.find("{{") == std::string::npos);
    // And a heading with that text takes another id.
    write(dir.path() / "content/trust/policy/policy.md", "---\ntitle: Our policy\n---\n## Details\n\nText.\n");
    Diagnostics d2;
    Site site2 = load_site(dir.path(), {}, d2);
    Renderer r(site2, theme, render_options_for("https://test.example"));
    std::string error;
    const auto html = r.render({"/policy/", PolicyPage{}}, error);
    REQUIRE(error.empty());
    INFO(html);
    CHECK(html.find(" id=\"details-2\">Details</h") != std::string::npos);
}

TEST_CASE("a partial tag whose name holds another tag is one tag, written in once") {
    // {{>a{{>site-footer}}: one tag, for the partial "a{{>site-footer" (none).
    TempDir dir;
    write(dir.path() / "theme/templates/404.mustache", "MARK1{{>a{{>site-footer}}XYZ");
    Diagnostics d;
    Theme theme = load_theme(dir.path(), d);
    const std::string& compiled = theme.compiled.at("404");
    CHECK(compiled == "MARK1XYZ");
}

TEST_CASE("a raw {{{value}}} is refused unless it holds HTML we made") {
    TempDir dir;
    write(dir.path() / "theme/templates/home.mustache", "<h1>{{{title}}}</h1>\n{{{intro_html}}}\n  {{& title}}\n");
    Diagnostics d;
    load_theme(dir.path(), d);
    std::vector<std::string> got;
    for (const auto& x : d.sorted()) got.push_back(format_diagnostic(x));
    REQUIRE(got.size() == 2);
    CHECK(got[0] == "theme/templates/home.mustache:1:5: error: {{{title}}} prints \"title\" without HTML escaping; "
                    "use {{title}} (only values whose names end in _html may be printed raw)");
    CHECK(got[1].starts_with("theme/templates/home.mustache:3:3: error: {{{title}}}"));
}

TEST_CASE("a raw tag is found however the template spells it") {
    // A Set Delimiter tag or spaces inside the tag must not hide raw output.
    TempDir dir;
    write(dir.path() / "theme/templates/home.mustache",
          "{{=<% %>=}}<h1><%& title %></h1><%={{ }}=%>\n{{ & summary }}\n{{! {{{ignored}}} in a comment }}\n");
    Diagnostics d;
    load_theme(dir.path(), d);
    std::vector<std::string> got;
    for (const auto& x : d.sorted()) got.push_back(format_diagnostic(x));
    REQUIRE(got.size() == 2);
    CHECK(got[0].starts_with("theme/templates/home.mustache:1:16: error: {{{title}}} prints \"title\" without HTML escaping"));
    CHECK(got[1].starts_with("theme/templates/home.mustache:2:1: error: {{{summary}}} prints \"summary\""));
}

TEST_CASE("a partial that includes itself is an error, not a crash") {
    TempDir dir;
    write(dir.path() / "theme/partials/loop.mustache", "x{{> loop}}");
    write(dir.path() / "theme/partials/ping.mustache", "{{> pong}}");
    write(dir.path() / "theme/partials/pong.mustache", "{{> ping}}");
    Diagnostics d;
    load_theme(dir.path(), d);
    std::vector<std::string> got;
    for (const auto& x : d.sorted()) got.push_back(format_diagnostic(x));
    REQUIRE(got.size() == 2);
    CHECK(got[0] == "theme/partials/loop.mustache:1:1: error: the partial \"loop\" includes itself (loop > loop), which "
                    "never ends; remove one of these {{> }} tags");
    CHECK(got[1] == "theme/partials/ping.mustache:1:1: error: the partial \"ping\" includes itself (ping > pong > ping), "
                    "which never ends; remove one of these {{> }} tags");
}

TEST_CASE("template syntax errors and unknown template names are reported") {
    TempDir dir;
    write(dir.path() / "theme/templates/school.mustache", "{{#open}}never closed");
    write(dir.path() / "theme/templates/shcool.mustache", "x");
    Diagnostics d;
    load_theme(dir.path(), d);
    std::vector<std::string> got;
    for (const auto& x : d.sorted()) got.push_back(format_diagnostic(x));
    REQUIRE(got.size() == 2);
    CHECK(got[0].starts_with("theme/templates/school.mustache:1:1: error: template error: "));
    CHECK(got[1].starts_with("theme/templates/shcool.mustache:1:1: warning: not used: the theme has no template "
                             "called \"shcool\""));
}

TEST_CASE("template values are HTML-escaped") {
    TempDir dir;
    write_minimal_site(dir.path());
    write(dir.path() / "content/trust/objectives/x.md",
          objective("\"<script>alert('x')</script>\"", "why: \"Tom & Jerry <b>\"\n"));
    Diagnostics d;
    Site site = load_site(dir.path(), {}, d);
    Theme theme = load_theme(dir.path(), d);
    REQUIRE_FALSE(d.has_errors());
    Renderer r(site, theme, render_options_for("https://test.example"));
    std::string error;
    const auto html = r.render({"/objectives/x/", ObjectivePage{0}}, error);
    REQUIRE(error.empty());
    CHECK(html.find("<script>alert") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("Tom &amp; Jerry &lt;b&gt;") != std::string::npos);
}

TEST_CASE("links follow the base URL's path") {
    const auto o = render_options_for("https://example.github.io/equality/");
    CHECK(o.base_url == "https://example.github.io/equality");
    CHECK(o.base_path == "/equality/");
    CHECK(render_options_for("https://t.example").base_path == "/");
}

// The threads of a build share one parse of the templates: each renderer
// gives the pages a renderer parsing its own would.
TEST_CASE("renderers on two threads share the parsed templates and make the same pages") {
    TempDir dir;
    write_minimal_site(dir.path());
    Diagnostics d;
    Site site = load_site(dir.path(), {}, d);
    Theme theme = load_theme(dir.path(), d);
    REQUIRE_FALSE(d.has_errors());
    const std::vector<Page> pages = {{"/", HomePage{}}, {"/policy/", PolicyPage{}}, {"/duty/", DutyPage{}},
                                     {"/objectives/", ObjectivesPage{}}, {"/review/", ReviewPage{0}}};
    const RenderOptions options = render_options_for("https://test.example");
    std::vector<std::string> alone;
    {
        Renderer own(site, theme, options);
        for (const auto& p : pages) {
            std::string error;
            alone.push_back(own.render(p, error));
            REQUIRE(error.empty());
        }
    }
    const ParsedTemplates parsed(theme);
    std::vector<std::string> a(pages.size()), b(pages.size());
    auto render_all = [&](std::vector<std::string>& out) {
        Renderer shared(site, theme, parsed, options);
        for (std::size_t i = 0; i < pages.size(); ++i) {
            std::string error;
            out[i] = shared.render(pages[i], error);
        }
    };
    std::thread other(render_all, std::ref(b));
    render_all(a);
    other.join();
    CHECK(a == alone);
    CHECK(b == alone);
}
