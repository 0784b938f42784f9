#include "render/id_prefix.hpp"

#include "util/html_attributes.hpp"

namespace eqsite {

namespace {

// `value` with `prefix` before each of its space-separated words.
void append_prefixed_words(std::string& out, std::string_view value, std::string_view prefix) {
    bool word_start = true;
    for (char c : value) {
        const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
        if (!space && word_start) out += prefix;
        word_start = space;
        out += c;
    }
}

}  // namespace

std::string prefix_ids(std::string_view html, std::string_view prefix) {
    std::string out;
    out.reserve(html.size() + html.size() / 16);
    std::size_t done = 0;
    // href, and the attributes whose value is an id or a list of ids
    // separated by spaces.
    for (const HtmlAttribute& a : html_attributes(html, {"href", "id", "for", "headers", "list", "form", "aria-labelledby",
                                                         "aria-describedby", "aria-controls", "aria-owns"})) {
        const std::string_view value = a.value(html);
        if (!same_attribute_name(a.name, "href")) {  // ids
            out.append(html.substr(done, a.value_at - done));
            append_prefixed_words(out, value, prefix);
            done = a.value_end;
        } else if (value.size() > 1 && value[0] == '#') {
            // A link to a part of this page (links elsewhere are absolute).
            out.append(html.substr(done, a.value_at + 1 - done));
            out.append(prefix).append(value.substr(1));
            done = a.value_end;
        }
    }
    out.append(html.substr(done));
    return out;
}

std::string in_page_links_stay(std::string_view html) {
    std::string out;
    std::size_t done = 0;
    for (const HtmlAttribute& a : html_attributes(html, {"href"})) {
        if (!same_attribute_name(a.tag, "a") || a.value_at >= a.value_end || html[a.value_at] != '#') continue;
        const std::size_t name_at = static_cast<std::size_t>(a.name.data() - html.data());
        out.append(html.substr(done, name_at - done)).append("target=\"_self\" ");
        done = name_at;
    }
    out.append(html.substr(done));
    return out;
}

}  // namespace eqsite
