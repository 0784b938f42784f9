#include "render/theme.hpp"

#include <kainjow/mustache.hpp>

#include <algorithm>
#include <functional>
#include <optional>
#include <set>

#include "load/embedded.hpp"
#include "util/files.hpp"
#include "util/html_attributes.hpp"
#include "util/text.hpp"

namespace eqsite {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view builtin_prefix = "themes/default/";
constexpr std::string_view template_ext = ".mustache";

std::string name_without_ext(const std::string& file) {
    return file.ends_with(template_ext) ? file.substr(0, file.size() - template_ext.size()) : file;
}

namespace km = kainjow::mustache;

// What a template's parsed tags say: the names printed without escaping,
// and the partials it includes. Read from kainjow's own parser, so a Set
// Delimiter tag ({{=<% %>=}}) or spaces ({{ & x }}) cannot hide a raw tag.
struct Tags {
    struct Raw {
        std::string name;
        std::size_t position;  // byte offset of the tag
    };
    std::vector<Raw> raw;
    std::vector<std::string> partials;
    std::string error;  // a syntax error, if any
};

Tags tags_of(const std::string& text) {
    Tags out;
    km::context<std::string> ctx;
    km::context_internal<std::string> internal{ctx};
    km::component<std::string> root;
    km::parser<std::string> parse{text, internal, root, out.error};
    if (!out.error.empty()) return out;
    root.walk_children([&](km::component<std::string>& c) {
        if (c.tag.type == km::tag_type::unescaped_variable) out.raw.push_back({c.tag.name, c.position});
        if (c.tag.type == km::tag_type::partial) out.partials.push_back(c.tag.name);
        return km::component<std::string>::walk_control::walk;
    });
    return out;
}

Location location_of(const ThemeFile& f, std::size_t offset) {
    int line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset && i < f.text.size(); ++i)
        if (f.text[i] == '\n') {
            ++line;
            line_start = i + 1;
        }
    return {f.source, line, column_of(std::string_view(f.text).substr(line_start), offset - line_start)};
}

// A syntax error, or a value printed raw whose name does not end in _html
// (only rendered Markdown and our own HTML may skip escaping).
void check_tags(const ThemeFile& f, const Tags& tags, Diagnostics& diags) {
    if (!tags.error.empty()) {
        diags.error({f.source, 1, 1}, "template error: " + tags.error);
        return;
    }
    for (const auto& raw : tags.raw)
        if (!raw.name.ends_with("_html"))
            diags.error(location_of(f, raw.position),
                        "{{{" + raw.name + "}}} prints \"" + raw.name + "\" without HTML escaping; use {{" + raw.name +
                            "}} (only values whose names end in _html may be printed raw)");
}

// Partials that include themselves, directly or through others, would
// recurse until the program crashes: each cycle is an error naming it.
// A chain of partials deeper than the limit is an error too.
void check_partial_graph(const Theme& theme, const std::map<std::string, Tags>& partial_tags, Diagnostics& diags) {
    constexpr std::size_t deepest = 16;
    enum class State { unseen, open, done };
    std::map<std::string, State> state;
    std::vector<std::string> path;
    std::function<std::size_t(const std::string&)> visit = [&](const std::string& name) -> std::size_t {
        const auto it = partial_tags.find(name);
        if (it == partial_tags.end()) return 0;  // unknown partials render nothing
        State& s = state[name];
        if (s == State::open) {
            const auto from = std::find(path.begin(), path.end(), name);
            std::vector<std::string> cycle(from, path.end());
            cycle.push_back(name);
            diags.error({theme.partials.at(name).source, 1, 1},
                        "the partial \"" + name + "\" includes itself (" + join(cycle, " > ") +
                            "), which never ends; remove one of these {{> }} tags");
            return 0;
        }
        if (s == State::done) return 0;
        s = State::open;
        path.push_back(name);
        std::size_t depth = 0;
        for (const auto& child : it->second.partials) depth = std::max(depth, 1 + visit(child));
        path.pop_back();
        s = State::done;
        if (depth + 1 == deepest + 1)
            diags.error({theme.partials.at(name).source, 1, 1},
                        "partials are included " + std::to_string(deepest + 1) + " deep from \"" + name +
                            "\"; at most " + std::to_string(deepest) + " levels are allowed");
        return depth;
    };
    for (const auto& [name, tags] : partial_tags) visit(name);
}

// The tag `open` + spaces + `lead` + a name + spaces + "}}" starting at
// `at` in `text` ({{> name}}, {{ t.key }}): where its name is and where
// it ends, or nullopt. Spaces are those of a regular expression's \s.
struct TagMatch {
    std::size_t name_at, name_length, end;
};
bool tag_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }
bool word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
bool partial_name_char(char c) { return !tag_space(c) && c != '}'; }
bool string_key_char(char c) { return word_char(c) || c == '.' || c == '-'; }

std::optional<TagMatch> match_tag(std::string_view text, std::size_t at, std::string_view open, std::string_view lead,
                                  bool (*name_char)(char)) {
    if (text.substr(at, open.size()) != open) return std::nullopt;
    std::size_t i = at + open.size();
    while (i < text.size() && tag_space(text[i])) ++i;
    if (text.substr(i, lead.size()) != lead) return std::nullopt;
    i += lead.size();
    const std::size_t name_at = i;
    while (i < text.size() && name_char(text[i])) ++i;
    if (i == name_at) return std::nullopt;
    const std::size_t name_length = i - name_at;
    while (i < text.size() && tag_space(text[i])) ++i;
    if (text.substr(i, 2) != "}}") return std::nullopt;
    return TagMatch{name_at, name_length, i + 2};
}

// `text` with each {{> name}} replaced by that partial's text, itself with
// its partials written in. nullopt where this cannot be done by text (a
// Set Delimiter tag; partials nested too deep, which load_theme reports):
// kainjow then includes the partials itself.
std::optional<std::string> inline_partials(const std::string& text, const std::map<std::string, ThemeFile>& partials,
                                           int depth = 0) {
    if (depth > 16 || text.find("{{=") != std::string::npos) return std::nullopt;
    std::string out;
    std::size_t from = 0;
    for (std::size_t at = text.find("{{>"); at != std::string::npos; at = text.find("{{>", at + 1)) {
        const auto tag = match_tag(text, at, "{{>", "", partial_name_char);
        if (!tag) continue;
        out.append(text, from, at - from);
        from = tag->end;
        at = tag->end - 1;  // the next tag starts after this one (a name may hold "{{>")
        const auto partial = partials.find(text.substr(tag->name_at, tag->name_length));
        if (partial == partials.end()) continue;  // an unknown partial renders nothing
        auto inner = inline_partials(partial->second.text, partials, depth + 1);
        if (!inner) return std::nullopt;
        out += *inner;
    }
    out.append(text, from, std::string::npos);
    return out;
}

// Writes the theme's strings into a template or partial: each {{t.key}}
// becomes the key's text, HTML-escaped, with each {name} placeholder the
// Mustache variable {{name}}. An unknown key, or one with plural forms
// (a template cannot choose among them), is an error at the tag.
std::string with_strings(const ThemeFile& file, const Strings& strings, std::set<std::string>& used,
                         Diagnostics& diags) {
    const std::string& text = file.text;
    if (text.find("{{") == std::string::npos) return text;
    std::string out;
    std::size_t from = 0;
    for (std::size_t at = text.find("{{"); at != std::string::npos; at = text.find("{{", at + 1)) {
        const auto tag = match_tag(text, at, "{{", "t.", string_key_char);
        if (!tag) continue;
        out.append(text, from, at - from);
        from = tag->end;
        const std::size_t tag_at = at;
        at = tag->end - 1;  // the next tag starts after this one
        const std::string key = text.substr(tag->name_at, tag->name_length);
        used.insert(key);
        const std::string* value = strings.single(key);
        if (!value) {
            std::string msg = strings.has(key) ? "\"" + key + "\" has plural forms, which only eqsite can choose "
                                                 "among; use a key with one text"
                                               : "the theme's strings have no key \"" + key + "\"";
            if (!strings.has(key))
                if (const auto dym = did_you_mean(key, strings.keys()); !dym.empty()) msg += "; " + dym;
            diags.error(location_of(file, tag_at), msg);
            continue;
        }
        // Escaped here (& < > and ", so it is safe in an attribute too; an
        // apostrophe stays as written); placeholders become values.
        std::string escaped;
        for (char c : *value) {
            switch (c) {
                case '&': escaped += "&amp;"; break;
                case '<': escaped += "&lt;"; break;
                case '>': escaped += "&gt;"; break;
                case '"': escaped += "&quot;"; break;
                default: escaped += c;
            }
        }
        std::size_t p = 0;
        while (true) {
            const auto open = escaped.find('{', p);
            const auto close = open == std::string::npos ? open : escaped.find('}', open);
            if (close == std::string::npos) break;
            out.append(escaped, p, open - p);
            out += "{{" + escaped.substr(open + 1, close - open - 1) + "}}";
            p = close + 1;
        }
        out.append(escaped, p, std::string::npos);
    }
    out.append(text, from, std::string::npos);
    return out;
}

}  // namespace

const std::vector<std::string>& template_names() {
    static const std::vector<std::string> names = {"layout",    "home",   "duty",  "policy",    "objectives",
                                                    "characteristic", "aim", "status", "school", "objective",
                                                    "data",      "review",    "accessibility", "accessibility-plan", "404",
                                                    "embed",     "fragment"};
    return names;
}

Theme load_theme(const fs::path& site_root, Diagnostics& diags, const std::string& language,
                 const Location& language_at) {
    Theme theme;
    const fs::path dir = site_root / "theme";
    // The theme's folders are reached by their names: a link out of the
    // site on the way to one is an error at the link (once), and nothing
    // in or beyond it is read (list_visible lists nothing there).
    std::set<fs::path> blocked;
    for (const char* sub : {"i18n", "templates", "partials", "assets"})
        if (const auto problem = folder_problem(dir / sub, site_root, true))
            if (blocked.insert(problem->folder).second)
                diags.error({relative_name(problem->folder, site_root), 1, 1}, problem->problem);
    theme.strings = load_strings(site_root, language, language_at, diags);
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
        else if (rel.starts_with("scripts/"))
            theme.scripts[rel.substr(8)] = std::move(tf);
    }

    // The readable files of theme/<sub>: links out of the site and special
    // files are errors, and so is a template that is not UTF-8.
    auto each_file = [&](const std::string& sub, std::uintmax_t limit, auto use) {
        for (const auto& entry : list_visible(dir / sub, site_root)) {
            const fs::path path = dir / sub / from_utf8(entry.name);
            const std::string source = relative_name(path, site_root);
            if (entry.kind == EntryKind::problem) diags.error({source, 1, 1}, entry.problem);
            if (!entry.is_file()) continue;
            ReadError why;
            auto bytes = read_file(path, limit, why);
            if (!bytes) diags.error({source, 1, 1}, read_error_message(why, limit));
            else use(entry.name, source, std::move(*bytes));
        }
    };
    auto override_folder = [&](const std::string& sub, std::map<std::string, ThemeFile>& into, bool templates) {
        each_file(sub, max_text_file, [&](const std::string& name, const std::string& source, std::string bytes) {
            std::string key = templates || sub == "partials" ? name_without_ext(name) : name;
            if (templates && into.find(key) == into.end()) {
                diags.warning({source, 1, 1}, "not used: the theme has no template called \"" + key +
                                                  "\"; templates are " + join(template_names(), ", "));
                return;
            }
            std::string text = normalise_newlines(bytes);
            if (auto bad = find_invalid_utf8(text)) {
                diags.error({source, bad->line, bad->column}, "this file is not valid UTF-8; save it as \"UTF-8\" "
                                                              "in your editor");
                return;
            }
            into[key] = ThemeFile{std::move(text), source};
        });
    };
    override_folder("templates", theme.templates, true);
    override_folder("partials", theme.partials, false);
    // Assets keep their bytes exactly (images, fonts).
    each_file("assets", max_data_file, [&](const std::string& name, const std::string& source, std::string bytes) {
        theme.assets[name] = ThemeFile{std::move(bytes), source};
    });

    std::set<std::string> used;  // keys of the strings the templates use
    for (auto* files : {&theme.templates, &theme.partials})
        for (auto& [name, file] : *files) file.text = with_strings(file, theme.strings, used, diags);
    warn_unused_keys(theme.strings, used, diags);

    for (const auto& name : template_names())
        if (theme.templates.find(name) == theme.templates.end())
            diags.error({"theme/templates/" + name + ".mustache", 1, 1}, "the theme has no template \"" + name + "\"");
    for (const auto& [name, file] : theme.templates) check_tags(file, tags_of(file.text), diags);
    std::map<std::string, Tags> partial_tags;
    for (const auto& [name, file] : theme.partials) {
        partial_tags[name] = tags_of(file.text);
        check_tags(file, partial_tags[name], diags);
    }
    check_partial_graph(theme, partial_tags, diags);
    for (const auto& [name, file] : theme.templates)
        theme.compiled[name] = inline_partials(file.text, theme.partials).value_or(file.text);
    // Literal ids (id="details", id='details', ID=details), found as a
    // browser finds them; an id made from a value (id="review-{{id}}") is
    // not fixed.
    auto ids_in = [&](const std::string& text, std::set<std::string>& out) {
        for (const HtmlAttribute& a : html_attributes(text, {"id"})) {
            const std::string_view id = a.value(text);
            if (!id.empty() && id.find("{{") == std::string_view::npos) out.insert(std::string(id));
        }
    };
    std::set<std::string> layout_ids;
    if (const auto layout = theme.compiled.find("layout"); layout != theme.compiled.end()) ids_in(layout->second, layout_ids);
    for (const auto& [name, text] : theme.compiled) {
        auto& ids = theme.fixed_ids[name];
        ids = layout_ids;
        ids_in(text, ids);
    }
    return theme;
}

}  // namespace eqsite
