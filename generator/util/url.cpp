#include "util/url.hpp"

#include "util/html_attributes.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>

namespace eqsite {
namespace {

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

// Named references a browser decodes that can matter in an address (ASCII
// punctuation and whitespace: enough to spell any scheme or separator),
// and the common typographic ones authors write. Other names are left as
// text, which a browser would show but never read as part of a scheme.
constexpr std::array<std::pair<std::string_view, std::string_view>, 55> named{{
    {"amp", "&"},      {"AMP", "&"},       {"lt", "<"},        {"LT", "<"},        {"gt", ">"},
    {"GT", ">"},       {"quot", "\""},     {"QUOT", "\""},     {"apos", "'"},      {"colon", ":"},
    {"Tab", "\t"},     {"NewLine", "\n"},  {"sol", "/"},       {"bsol", "\\"},     {"lpar", "("},
    {"rpar", ")"},     {"period", "."},    {"comma", ","},     {"excl", "!"},      {"num", "#"},
    {"percnt", "%"},   {"semi", ";"},      {"equals", "="},    {"quest", "?"},     {"commat", "@"},
    {"lsqb", "["},     {"rsqb", "]"},      {"lcub", "{"},      {"rcub", "}"},      {"Hat", "^"},
    {"grave", "`"},    {"lowbar", "_"},    {"dollar", "$"},    {"nbsp", "\u00A0"}, {"copy", "\u00A9"},
    {"reg", "\u00AE"}, {"trade", "\u2122"}, {"ndash", "\u2013"}, {"mdash", "\u2014"}, {"hellip", "\u2026"},
    {"pound", "\u00A3"}, {"euro", "\u20AC"}, {"lsquo", "\u2018"}, {"rsquo", "\u2019"}, {"ldquo", "\u201C"},
    {"rdquo", "\u201D"}, {"middot", "\u00B7"}, {"times", "\u00D7"}, {"divide", "\u00F7"}, {"deg", "\u00B0"},
    {"frac12", "\u00BD"}, {"frac14", "\u00BC"}, {"frac34", "\u00BE"}, {"shy", "\u00AD"}, {"bull", "\u2022"},
}};

bool is_digit(char c, bool hex) {
    return (c >= '0' && c <= '9') || (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
}

}  // namespace

std::string decode_character_references(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] != '&') {
            out.push_back(text[i++]);
            continue;
        }
        // &#NNN; or &#xHH; (the semicolon may be missing, as browsers allow).
        if (i + 2 < text.size() && text[i + 1] == '#') {
            const bool hex = text[i + 2] == 'x' || text[i + 2] == 'X';
            std::size_t j = i + (hex ? 3 : 2);
            std::uint64_t cp = 0;
            const std::size_t digits_from = j;
            while (j < text.size() && is_digit(text[j], hex)) {
                const char c = text[j++];
                const std::uint64_t d = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
                cp = std::min<std::uint64_t>(cp * (hex ? 16 : 10) + d, 0x110000);
            }
            if (j > digits_from) {
                if (j < text.size() && text[j] == ';') ++j;
                append_utf8(out, static_cast<std::uint32_t>(cp));
                i = j;
                continue;
            }
        }
        const auto end = text.find(';', i);
        if (end != std::string_view::npos && end - i <= 32) {
            const std::string_view name = text.substr(i + 1, end - i - 1);
            const auto it = std::find_if(named.begin(), named.end(), [&](const auto& e) { return e.first == name; });
            if (it != named.end()) {
                out.append(it->second);
                i = end + 1;
                continue;
            }
        }
        out.push_back(text[i++]);
    }
    return out;
}

std::string browser_cleaned_url(std::string_view url) {
    auto control_or_space = [](char c) { return static_cast<unsigned char>(c) <= 0x20; };
    while (!url.empty() && control_or_space(url.front())) url.remove_prefix(1);
    while (!url.empty() && control_or_space(url.back())) url.remove_suffix(1);
    std::string out;
    for (char c : url)
        if (c != '\t' && c != '\n' && c != '\r') out.push_back(c);
    return out;
}

std::optional<std::string> url_scheme(std::string_view cleaned) {
    auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    if (cleaned.empty() || !alpha(cleaned.front())) return std::nullopt;
    for (std::size_t i = 1; i < cleaned.size(); ++i) {
        const char c = cleaned[i];
        if (c == ':') {
            std::string scheme(cleaned.substr(0, i));
            for (char& s : scheme) s = static_cast<char>(s | 0x20);
            return scheme;
        }
        if (!(alpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) return std::nullopt;
    }
    return std::nullopt;
}

bool is_allowed_url(std::string_view cleaned) {
    const auto scheme = url_scheme(cleaned);
    return !scheme || *scheme == "http" || *scheme == "https" || *scheme == "mailto" || *scheme == "tel";
}

std::string url_origin(std::string_view url) {
    const std::size_t scheme_end = url.find("://");
    const std::size_t path_start = scheme_end == std::string_view::npos ? std::string_view::npos : url.find('/', scheme_end + 3);
    return std::string(url.substr(0, path_start));
}

std::string site_address_problem(std::string_view url) {
    std::string_view rest;
    if (url.starts_with("https://")) rest = url.substr(8);
    else if (url.starts_with("http://")) rest = url.substr(7);
    else return "must be the full web address of the site, starting with https://";
    const std::string_view host = rest.substr(0, rest.find('/'));
    if (host.empty()) return "must name the site's host after https:// (e.g. https://www.example-trust.org.uk)";
    for (const char c : url) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7f) return "must not contain spaces or control characters";
        if (c == '"' || c == '\'' || c == '<' || c == '>' || c == '\\' || c == '`')
            return std::string("must not contain the character ") + c;
        if (c == '?' || c == '#')
            return "must be the site's address without a query (?) or fragment (#): every page's address is made by adding to it";
    }
    return "";
}

std::string absolute_addresses(std::string_view html, const std::string& base_url, const std::string& page_route) {
    const std::string origin = url_origin(base_url);
    std::string out;
    out.reserve(html.size() + html.size() / 8);
    std::size_t done = 0;
    for (const HtmlAttribute& a : html_attributes(html, {"href", "src"})) {
        const std::string_view rest = a.value(html);
        if (rest.rfind("//", 0) == 0 || rest.empty() || rest[0] == '#' || url_scheme(browser_cleaned_url(rest))) continue;
        out.append(html.substr(done, a.value_at - done));
        append_html_escaped(out, rest[0] == '/' ? origin : base_url + page_route);
        done = a.value_at;
    }
    out.append(html.substr(done));
    return out;
}

}  // namespace eqsite
