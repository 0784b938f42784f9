#include "render/id_prefix.hpp"

#include <array>
#include <cctype>

namespace eqsite {

namespace {

// Attributes whose value is an id, or a list of ids separated by spaces.
constexpr std::array<std::string_view, 9> id_attributes = {
    "id", "for", "headers", "list", "form", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns"};

// Attribute names are compared without case (raw HTML may write ID=).
bool same_name(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != b[i]) return false;
    return true;
}

bool names_ids(std::string_view attribute) {
    for (std::string_view a : id_attributes)
        if (same_name(attribute, a)) return true;
    return false;
}

// The name of the attribute whose value opens at `quote` (name="...), or
// "" if the quote does not open one.
std::string_view attribute_before(std::string_view html, std::size_t quote) {
    if (quote < 2 || html[quote - 1] != '=') return {};
    std::size_t start = quote - 1;
    while (start > 0) {
        const char c = html[start - 1];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-')) break;
        --start;
    }
    const char before = start == 0 ? '\0' : html[start - 1];
    if (before != ' ' && before != '\n' && before != '\t' && before != '\r' && before != '\f') return {};
    return html.substr(start, quote - 1 - start);
}

// `value` with `prefix` before each of its space-separated words.
void append_prefixed_words(std::string& out, std::string_view value, std::string_view prefix) {
    bool word_start = true;
    for (char c : value) {
        const bool space = c == ' ' || c == '\t' || c == '\n';
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
    for (std::size_t at = html.find('"'); at != std::string_view::npos; at = html.find('"', at + 1)) {
        const std::size_t end = html.find('"', at + 1);
        if (end == std::string_view::npos) break;
        const std::string_view name = attribute_before(html, at);
        const std::string_view value = html.substr(at + 1, end - at - 1);
        if (names_ids(name)) {
            out.append(html.substr(done, at + 1 - done));
            append_prefixed_words(out, value, prefix);
            done = end;
        } else if (same_name(name, "href") && value.size() > 1 && value[0] == '#') {
            // A link to a part of this page (links elsewhere are absolute).
            out.append(html.substr(done, at + 2 - done));
            out.append(prefix).append(value.substr(1));
            done = end;
        }
        if (!name.empty()) at = end;  // the closing quote opens nothing
    }
    out.append(html.substr(done));
    return out;
}

}  // namespace eqsite
