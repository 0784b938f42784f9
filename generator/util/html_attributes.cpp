#include "util/html_attributes.hpp"

#include <array>

namespace eqsite {

namespace {
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
}  // namespace

bool same_attribute_name(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}

namespace {

constexpr auto npos = std::string_view::npos;

// What ends a tag's name, an attribute's name or an unquoted value, a
// byte at a time from a table (a page's tags are read a byte at a time).
enum : unsigned char { space = 1, slash = 2, gt = 4, equals = 8 };
constexpr std::array<unsigned char, 256> classes = [] {
    std::array<unsigned char, 256> t{};
    for (unsigned char c : {' ', '\t', '\n', '\f', '\r'}) t[c] = space;
    t['/'] = slash;
    t['>'] = gt;
    t['='] = equals;
    return t;
}();
bool is(char c, unsigned char which) { return (classes[static_cast<unsigned char>(c)] & which) != 0; }
bool is_space(char c) { return is(c, space); }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Elements whose content is text up to their end tag, not tags: a browser
// reads <script>var a = "<a href='x'>";</script> as no link at all. After
// <plaintext>, everything is text.
enum class Content { tags, text, all_text };
Content content_of(std::string_view tag) {
    // Most tags are none of these: told apart by their length and first letter.
    if (tag.size() < 3 || tag.size() > 9) return Content::tags;
    const char first = lower(tag[0]);
    if (first != 's' && first != 't' && first != 'x' && first != 'i' && first != 'n' && first != 'p') return Content::tags;
    static constexpr std::array<std::string_view, 8> names = {"script", "style",  "textarea", "title",
                                                              "xmp",    "iframe", "noembed",  "noframes"};
    for (std::string_view n : names)
        if (same_attribute_name(tag, n)) return Content::text;
    return same_attribute_name(tag, "plaintext") ? Content::all_text : Content::tags;
}

// Where the text of a `tag` element, from `from`, ends: at its end tag
// ("</script" then a space, "/" or ">", in any case). npos if it never does.
std::size_t end_of_text(std::string_view html, std::size_t from, std::string_view tag) {
    for (std::size_t at = html.find("</", from); at != npos; at = html.find("</", at + 2)) {
        const std::size_t after = at + 2 + tag.size();
        if (after >= html.size()) return npos;
        const char c = html[after];
        if (same_attribute_name(html.substr(at + 2, tag.size()), tag) && (is_space(c) || c == '/' || c == '>')) return at;
    }
    return npos;
}

// Past a comment that starts at `at` ("<!--"): after "-->" or "--!>", or
// right after "<!-->" and "<!--->". npos if it never ends.
std::size_t past_comment(std::string_view html, std::size_t at) {
    const std::size_t body = at + 4;
    if (html.substr(body, 1) == ">") return body + 1;
    if (html.substr(body, 2) == "->") return body + 2;
    for (std::size_t dashes = html.find("--", body); dashes != npos; dashes = html.find("--", dashes + 1)) {
        if (html.substr(dashes + 2, 1) == ">") return dashes + 3;
        if (html.substr(dashes + 2, 2) == "!>") return dashes + 4;
    }
    return npos;
}

// Past the next ">" from `from` (a bogus comment: <!doctype>, <?xml?>, </1>).
std::size_t past_gt(std::string_view html, std::size_t from) {
    const std::size_t gt = html.find('>', from);
    return gt == npos ? npos : gt + 1;
}

bool is_one_of(std::string_view name, std::initializer_list<std::string_view> names) {
    for (std::string_view n : names)
        if (same_attribute_name(name, n)) return true;
    return false;
}

}  // namespace

std::vector<HtmlAttribute> html_attributes(std::string_view html, std::initializer_list<std::string_view> wanted) {
    std::vector<HtmlAttribute> out;
    const std::size_t size = html.size();
    std::size_t at = 0;
    while ((at = html.find('<', at)) != npos && at + 1 < size) {
        const char next = html[at + 1];
        if (next == '!') {
            at = html.substr(at, 4) == "<!--" ? past_comment(html, at) : past_gt(html, at + 2);
            if (at == npos) break;
            continue;
        }
        if (next == '?') {
            if ((at = past_gt(html, at + 2)) == npos) break;
            continue;
        }
        const bool end_tag = next == '/';
        std::size_t i = at + (end_tag ? 2 : 1);
        if (i >= size) break;
        if (!is_letter(html[i])) {
            if (!end_tag) ++at;  // a "<" of the text
            else if (html[i] == '>') at = i + 1;  // "</>" is nothing
            else if ((at = past_gt(html, i)) == npos) break;
            continue;
        }
        const std::size_t name_at = i;
        while (i < size && !is(html[i], space | slash | gt)) ++i;
        const std::string_view tag = html.substr(name_at, i - name_at);
        if (end_tag && i < size && html[i] == '>') {  // </li>: half of all tags
            at = i + 1;
            continue;
        }

        const std::size_t kept = out.size();
        bool complete = false;
        while (i < size) {
            const char c = html[i];
            if (is(c, space | slash)) {
                ++i;
                continue;
            }
            if (c == '>') {
                complete = true;
                ++i;
                break;
            }
            // A name runs to a space, "/", ">" or "=" (an "=" first is part of it).
            const std::size_t attr_at = i++;
            while (i < size && !is(html[i], space | slash | gt | equals)) ++i;
            HtmlAttribute a{tag, html.substr(attr_at, i - attr_at), i, i, false};
            std::size_t j = i;
            while (j < size && is_space(html[j])) ++j;
            if (j < size && html[j] == '=') {
                ++j;
                while (j < size && is_space(html[j])) ++j;
                if (j >= size) break;
                const char quote = html[j];
                if (quote == '"' || quote == '\'') {
                    const std::size_t close = html.find(quote, j + 1);
                    if (close == npos) break;
                    a.value_at = j + 1;
                    a.value_end = close;
                    i = close + 1;
                } else {
                    a.value_at = j;  // unquoted (or none before ">": an empty value)
                    while (j < size && !is(html[j], space | gt)) ++j;
                    a.value_end = j;
                    i = j;
                }
                a.has_value = true;
            }
            if (!end_tag && is_one_of(a.name, wanted)) out.push_back(a);
        }
        if (!complete) {  // cut off by the end of the text: no tag
            out.resize(kept);
            break;
        }
        at = i;
        if (end_tag) continue;
        const Content content = content_of(tag);
        if (content == Content::all_text) break;
        if (content == Content::text && (at = end_of_text(html, at, tag)) == npos) break;
    }
    return out;
}

}  // namespace eqsite
