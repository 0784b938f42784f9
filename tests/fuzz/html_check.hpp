// What the Markdown writer must always produce, whatever the input: HTML
// that is well formed and can run nothing. Written apart from the writer
// (generator/render/markdown.cpp), so the fuzzer does not grade it with its
// own rules:
//   - only the elements and attributes the writer is meant to use, every
//     element closed in order (br, hr and img are void);
//   - attribute values quoted, with no raw '"', '<' or '>' inside;
//   - no raw '<' or '>' in text, and every '&' starting a character
//     reference;
//   - every href and src, once its references are decoded and the
//     characters a browser ignores are dropped, relative or http, https,
//     mailto or tel;
//   - valid UTF-8.
#pragma once

#include <cctype>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace eqsite::test {

inline bool valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += n;
    }
    return true;
}

// A browser's view of an attribute value that is a URL: references decoded
// (&#NN; &#xNN; and the few named ones that spell punctuation), then
// leading and trailing controls and spaces, and all tabs and newlines, gone.
inline std::string url_as_browser_sees(std::string_view v) {
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (v[i] != '&') {
            out.push_back(v[i]);
            continue;
        }
        const auto semi = v.find(';', i);
        const std::string ref(v.substr(i + 1, semi == std::string_view::npos ? 0 : semi - i - 1));
        if (semi == std::string_view::npos) {
            out.push_back('&');
            continue;
        }
        if (!ref.empty() && ref[0] == '#') {
            const bool hex = ref.size() > 1 && (ref[1] == 'x' || ref[1] == 'X');
            const long cp = std::strtol(ref.c_str() + (hex ? 2 : 1), nullptr, hex ? 16 : 10);
            out.push_back(cp > 0 && cp < 128 ? static_cast<char>(cp) : '?');
        } else if (ref == "amp") out.push_back('&');
        else if (ref == "quot") out.push_back('"');
        else if (ref == "lt") out.push_back('<');
        else if (ref == "gt") out.push_back('>');
        else if (ref == "apos") out.push_back('\'');
        else if (ref == "colon") out.push_back(':');
        else if (ref == "Tab") out.push_back('\t');
        else if (ref == "NewLine") out.push_back('\n');
        else out += "&" + ref + ";";
        i = semi;
    }
    std::string clean;
    for (char c : out)
        if (c != '\t' && c != '\n' && c != '\r') clean.push_back(c);
    while (!clean.empty() && static_cast<unsigned char>(clean.front()) <= 0x20) clean.erase(clean.begin());
    return clean;
}

inline bool allowed_url(const std::string& url) {
    std::size_t i = 0;
    if (url.empty() || !std::isalpha(static_cast<unsigned char>(url[0]))) return true;  // relative
    while (i < url.size() && (std::isalnum(static_cast<unsigned char>(url[i])) || url[i] == '+' || url[i] == '-' || url[i] == '.')) ++i;
    if (i == url.size() || url[i] != ':') return true;  // no scheme: relative
    std::string scheme = url.substr(0, i);
    for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return scheme == "http" || scheme == "https" || scheme == "mailto" || scheme == "tel";
}

// nullopt when `html` keeps every rule above, else what broke where.
inline std::optional<std::string> check_html(std::string_view html) {
    static const std::set<std::string> elements = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
                                                   "blockquote", "pre", "code", "em", "strong", "del", "a", "img",
                                                   "br", "hr", "table", "thead", "tbody", "tr", "th", "td", "section"};
    static const std::set<std::string> void_elements = {"br", "hr", "img"};
    static const std::set<std::string> attributes = {"href", "src", "alt", "title", "id", "class", "scope",
                                                     "start", "aria-label", "tabindex"};
    if (!valid_utf8(html)) return "not valid UTF-8";
    std::vector<std::string> open;
    for (std::size_t i = 0; i < html.size();) {
        const char c = html[i];
        if (c == '>') return "a raw '>' in text at " + std::to_string(i);
        if (c == '&') {
            const auto semi = html.find(';', i);
            const std::string_view ref = html.substr(i + 1, semi == std::string_view::npos ? 0 : semi - i - 1);
            bool ok = semi != std::string_view::npos && !ref.empty() && ref.size() < 12;
            for (char r : ref) ok = ok && (std::isalnum(static_cast<unsigned char>(r)) || r == '#');
            if (!ok) return "a bare '&' at " + std::to_string(i);
            i = semi + 1;
            continue;
        }
        if (c != '<') {
            ++i;
            continue;
        }
        const auto end = html.find('>', i);
        if (end == std::string_view::npos) return "an unclosed tag at " + std::to_string(i);
        std::string_view tag = html.substr(i + 1, end - i - 1);
        const bool closing = !tag.empty() && tag[0] == '/';
        if (closing) tag.remove_prefix(1);
        const std::size_t name_end = std::min(tag.find(' '), tag.size());
        const std::string name(tag.substr(0, name_end));
        if (!elements.count(name)) return "element <" + name + "> at " + std::to_string(i);
        if (closing) {
            if (open.empty() || open.back() != name) return "</" + name + "> closes nothing open at " + std::to_string(i);
            open.pop_back();
        } else {
            // name="value" pairs, values without raw quotes or angle brackets.
            std::string_view rest = tag.substr(name_end);
            while (!rest.empty()) {
                if (rest[0] != ' ') return "junk in <" + name + "> at " + std::to_string(i);
                rest.remove_prefix(1);
                const auto eq = rest.find("=\"");
                if (eq == std::string_view::npos) return "an unquoted attribute in <" + name + ">";
                const std::string attr(rest.substr(0, eq));
                const auto close = rest.find('"', eq + 2);
                if (close == std::string_view::npos) return "an unclosed attribute value in <" + name + ">";
                const std::string_view value = rest.substr(eq + 2, close - eq - 2);
                if (!attributes.count(attr)) return "attribute " + attr + " on <" + name + ">";
                if (value.find('<') != std::string_view::npos || value.find('>') != std::string_view::npos)
                    return "a raw angle bracket in " + attr;
                if ((attr == "href" || attr == "src") && !allowed_url(url_as_browser_sees(value)))
                    return attr + "=\"" + std::string(value) + "\" is not an allowed address";
                rest.remove_prefix(close + 1);
            }
            if (!void_elements.count(name)) open.push_back(name);
        }
        i = end + 1;
    }
    if (!open.empty()) return "<" + open.back() + "> never closed";
    return std::nullopt;
}

}  // namespace eqsite::test
