#include "render/css_scope.hpp"

#include "util/text.hpp"

namespace eqsite {

namespace {

// The index just past the block that opens at css[open] ('{'), skipping
// strings and comments; css.size() if it never closes.
std::size_t block_end(std::string_view css, std::size_t open) {
    int depth = 0;
    for (std::size_t i = open; i < css.size(); ++i) {
        const char c = css[i];
        if (c == '/' && i + 1 < css.size() && css[i + 1] == '*') {
            const std::size_t end = css.find("*/", i + 2);
            if (end == std::string_view::npos) return css.size();
            i = end + 1;
        } else if (c == '"' || c == '\'') {
            for (++i; i < css.size() && css[i] != c; ++i)
                if (css[i] == '\\') ++i;
        } else if (c == '{') {
            ++depth;
        } else if (c == '}' && --depth == 0) {
            return i + 1;
        }
    }
    return css.size();
}

// One selector under the scope: "html", "body" and ":root" become the
// scope itself (the fragment is its own root); anything else goes inside.
std::string scoped_selector(std::string selector, std::string_view scope) {
    selector = trim(selector);
    for (std::string_view root : {":root", "html", "body"}) {
        if (selector.rfind(root, 0) != 0) continue;
        const std::string rest = selector.substr(root.size());
        if (rest.empty() || rest[0] == ' ' || rest[0] == '>' || rest[0] == '.' || rest[0] == ':' || rest[0] == '[')
            return std::string(scope) + rest;
    }
    return std::string(scope) + " " + selector;
}

// Splits a selector list at its top-level commas (not those inside
// :is(a, b) or [attr="a,b"]).
std::string scoped_selectors(std::string_view list, std::string_view scope) {
    std::string out, part;
    int depth = 0;
    char quote = 0;
    for (char c : list) {
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '(' || c == '[') {
            ++depth;
        } else if (c == ')' || c == ']') {
            --depth;
        } else if (c == ',' && depth == 0) {
            out += scoped_selector(part, scope) + ", ";
            part.clear();
            continue;
        }
        part.push_back(c);
    }
    return out + scoped_selector(part, scope);
}

void scope_rules(std::string_view css, std::string_view scope, std::string& out) {
    std::size_t i = 0;
    while (i < css.size()) {
        // Skip space and comments between rules.
        if (css[i] == ' ' || css[i] == '\n' || css[i] == '\t' || css[i] == '\r') {
            ++i;
            continue;
        }
        if (css.compare(i, 2, "/*") == 0) {
            const std::size_t end = css.find("*/", i + 2);
            i = end == std::string_view::npos ? css.size() : end + 2;
            continue;
        }
        const std::size_t open = css.find_first_of("{;", i);
        if (open == std::string_view::npos) break;
        if (css[open] == ';') {  // @import, @charset ...: not scoped, dropped
            i = open + 1;
            continue;
        }
        const std::size_t end = block_end(css, open);
        const std::string_view prelude = css.substr(i, open - i);
        if (prelude.rfind("@media", 0) == 0 || prelude.rfind("@supports", 0) == 0) {
            out += std::string(trim(prelude)) + " {\n";
            scope_rules(css.substr(open + 1, end - open - 2), scope, out);
            out += "}\n";
        } else if (!prelude.empty() && prelude[0] != '@') {
            out += scoped_selectors(prelude, scope);
            out += " ";
            out += css.substr(open, end - open);
            out += "\n";
        }
        i = end;
    }
}

}  // namespace

std::string scope_css(std::string_view css, std::string_view scope) {
    std::string out = "/* The theme's styles for a fragment on another site: every rule is under " +
                      std::string(scope) + ". */\n";
    scope_rules(css, scope, out);
    return out;
}

}  // namespace eqsite
