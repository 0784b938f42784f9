#include "pipeline/link_check.hpp"

#include <algorithm>
#include <deque>
#include <tuple>

#include "render/renderer.hpp"
#include "util/files.hpp"
#include "util/html_attributes.hpp"
#include "util/text.hpp"
#include "util/url.hpp"

namespace eqsite {

namespace fs = std::filesystem;

namespace {

bool ends_with(std::string_view s, std::string_view end) {
    return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string percent_decoded(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
            out.push_back(static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2])));
            i += 2;
        } else {
            out.push_back(s[i]);
        }
    }
    return out;
}

// "a/b/../c/./d" -> "a/c/d"; false when ".." climbs above the root.
bool normalise(const std::string& path, std::string& out) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t end = std::min(path.find('/', start), path.size());
        const std::string part = path.substr(start, end - start);
        if (part == "..") {
            if (parts.empty()) return false;
            parts.pop_back();
        } else if (part != "." && !part.empty()) {
            parts.push_back(part);
        }
        start = end + 1;
    }
    out = join(parts, "/");
    return true;
}

// The values of every id, href and src attribute of a page, however they
// are quoted (raw HTML an author allowed may use single quotes or none).
// Ids are appended to `ids`, each after a NUL; links are views of `html`,
// or of `decoded` for the few with a character reference.
void attribute_values(std::string_view html, std::string& ids, std::vector<std::string_view>& links,
                      std::deque<std::string>& decoded) {
    for (const HtmlAttribute& a : html_attributes(html, {"id", "href", "src"})) {
        if (!a.has_value) continue;
        std::string_view value = a.value(html);
        // Most values have no character reference to decode.
        if (value.find('&') != std::string_view::npos) value = decoded.emplace_back(decode_character_references(value));
        if (same_attribute_name(a.name, "id")) {
            ids += '\0';
            ids += value;
        } else {
            links.push_back(value);
        }
    }
}

std::string route_of(const std::string& output_path) {
    if (output_path == "index.html") return "/";
    if (ends_with(output_path, "/index.html")) return "/" + output_path.substr(0, output_path.size() - 10);
    return "/" + output_path;
}

}  // namespace

LinkCheck::LinkCheck(const std::string& base_url, std::unordered_set<std::string> repeats)
    : repeats_(std::move(repeats)) {
    const RenderOptions options = render_options_for(base_url);
    base_path_ = options.base_path;
    origin_ = url_origin(options.base_url);
}

bool LinkCheck::write(const std::string& path, std::string_view bytes) {
    if (!ends_with(path, ".html") || repeats_.count(path)) {
        std::lock_guard lock(mutex_);
        files_.insert(path);
        return true;
    }
    std::string ids;
    std::vector<std::string_view> links;
    std::deque<std::string> decoded;
    attribute_values(bytes, ids, links, decoded);
    std::sort(links.begin(), links.end());
    links.erase(std::unique(links.begin(), links.end()), links.end());
    const std::string folder = path.substr(0, path.rfind('/') + 1);
    std::lock_guard lock(mutex_);
    files_.insert(path);
    ids_[path] += ids;
    for (const auto& link : links) {
        // "#x" and "x/" depend on the page; "/x/" and "https://..." do not.
        const bool relative =
            link.empty() || (link[0] != '/' && (link[0] == '#' || !url_scheme(browser_cleaned_url(link))));
        // Keys are joined with NUL, which no decoded address holds.
        // (An absolute link, the most common, is looked up as it is.)
        std::string relative_key;
        if (relative) {
            relative_key = folder + '\0' + std::string(link);
            if (!link.empty() && link[0] == '#') relative_key += '\0' + path;
        }
        const std::string_view key = relative ? std::string_view(relative_key) : link;
        auto it = uses_.find(key);
        if (it == uses_.end()) {
            it = uses_.emplace(std::string(key), Use{}).first;
            it->second.target = resolve(path, std::string(link));
            it->second.page = path;
        }
        ++it->second.pages;
        if (path < it->second.page) it->second.page = path;  // the first in order, whatever the thread
    }
    return true;
}

bool LinkCheck::write_pieces(const std::string& path, const FilePieces& make) {
    if (ends_with(path, ".html")) return OutputSink::write_pieces(path, make);
    std::lock_guard lock(mutex_);
    files_.insert(path);
    return true;
}

bool LinkCheck::copy(const std::string& path, const fs::path&) {
    std::lock_guard lock(mutex_);
    files_.insert(path);
    return true;
}

LinkCheck::Target LinkCheck::resolve(const std::string& page, const std::string& written) const {
    Target t;
    std::string link = browser_cleaned_url(written);
    if (link.empty()) return t;
    if (link.rfind("//", 0) == 0) return t;  // another host
    if (const auto scheme = url_scheme(link)) {
        if ((*scheme != "http" && *scheme != "https") || origin_.empty()) return t;
        const std::string lower = to_lower_ascii(link.substr(0, origin_.size()));
        if (lower != to_lower_ascii(origin_)) return t;  // another site
        link = link.substr(origin_.size());
        if (link.empty()) link = "/";
        if (link[0] != '/' && link[0] != '?' && link[0] != '#') return t;  // "https://x.example.org": another host
    }
    t.kind = Target::Kind::internal;
    if (const auto hash = link.find('#'); hash != std::string::npos) {
        t.anchor = percent_decoded(link.substr(hash + 1));
        link.resize(hash);
    }
    if (const auto query = link.find('?'); query != std::string::npos) link.resize(query);
    link = percent_decoded(link);

    std::string path;
    if (link.empty()) {
        path = page;
    } else if (link[0] == '/') {
        if (link.rfind(base_path_, 0) != 0 && link + "/" != base_path_) {
            t.kind = Target::Kind::outside;
            return t;
        }
        path = link.size() > base_path_.size() ? link.substr(base_path_.size()) : "";
        if (!path.empty() && link.back() == '/' && path.back() != '/') path += "/";
    } else {
        const std::size_t slash = page.rfind('/');
        path = (slash == std::string::npos ? "" : page.substr(0, slash + 1)) + link;
    }
    const bool folder = path.empty() || path.back() == '/';
    std::string clean;
    if (!normalise(path, clean)) {
        t.kind = Target::Kind::outside;
        return t;
    }
    t.path = folder ? (clean.empty() ? "index.html" : clean + "/index.html") : clean;
    return t;
}

std::vector<LinkCheck::Broken> LinkCheck::broken() const {
    std::lock_guard lock(mutex_);
    std::vector<Broken> out;
    for (const auto& [key, use] : uses_) {
        const std::size_t nul = key.find('\0');
        const std::string link = nul == std::string::npos ? key : key.substr(nul + 1);
        const std::string written = link.substr(0, link.find('\0'));
        const Target& t = use.target;
        if (t.kind == Target::Kind::external) continue;
        if (t.kind == Target::Kind::outside) {
            out.push_back({use.page, use.pages, written,
                           "leads outside the site, which lives at " + base_path_ +
                               " on its host; write the address from the site's own folder (with " + base_path_ +
                               " at the start, or relative to the page)"});
            continue;
        }
        std::string found;
        for (const std::string& candidate : {t.path, t.path + "/index.html"})
            if (files_.count(candidate)) {
                found = candidate;
                break;
            }
        if (found.empty()) {
            out.push_back({use.page, use.pages, written,
                           "leads to no page or file of the site; check the spelling (every page's address is in "
                           "sitemap.xml), or add the file to static/"});
            continue;
        }
        // "#top" and "#" go to the top of any page (HTML's own rule).
        if (t.anchor.empty() || to_lower_ascii(t.anchor) == "top") continue;
        const auto ids = ids_.find(found);
        // (No id holds a NUL, so an anchor with one, "%00", matches none.)
        if (ids != ids_.end() && (t.anchor.find('\0') != std::string::npos ||
                                  (ids->second + '\0').find('\0' + t.anchor + '\0') == std::string::npos))
            out.push_back({use.page, use.pages, written,
                           "goes to #" + t.anchor + ", but " + route_of(found) +
                               " has no heading or element with that id; a heading's id is its text in lower case "
                               "with hyphens (## Our aims is #our-aims)"});
    }
    std::sort(out.begin(), out.end(),
              [](const Broken& a, const Broken& b) { return std::tie(a.page, a.link) < std::tie(b.page, b.link); });
    return out;
}

void LinkCheck::report(const fs::path& site_root, Diagnostics& diags) const {
    const auto all = broken();
    if (all.empty()) return;
    // Where each link is written: searched for in the site's own text files.
    std::vector<std::pair<std::string, std::string>> sources;  // site-relative name, text
    std::error_code ec;
    for (const char* folder : {"content", "theme"}) {
        for (fs::recursive_directory_iterator it(site_root / folder, ec), end; !ec && it != end; it.increment(ec)) {
            std::error_code e;
            if (!it->is_regular_file(e) || it->is_symlink(e)) continue;
            const std::string name = to_utf8(it->path().lexically_relative(site_root));
            if (!ends_with(name, ".md") && !ends_with(name, ".mustache") && !ends_with(name, ".yaml")) continue;
            ReadError why;
            if (auto text = read_file(it->path(), max_text_file, why)) sources.emplace_back(name, std::move(*text));
        }
    }
    std::sort(sources.begin(), sources.end());
    // One warning per link and place written, naming the pages it is on.
    std::map<std::tuple<std::string, int, int, std::string>, std::vector<std::string>> grouped;
    for (const auto& b : all) {
        Location where{route_of(b.page), 1, 1};
        std::string as_written = b.link;
        if (base_path_.size() > 1 && as_written.rfind(base_path_, 0) == 0)
            as_written = as_written.substr(base_path_.size() - 1);  // rewritten from "/x/" by --base-url
        for (const auto& [name, text] : sources) {
            std::size_t at = text.find("(" + as_written);
            if (at != std::string::npos) ++at;
            else if ((at = text.find("\"" + as_written + "\"")) != std::string::npos) ++at;
            else if ((at = text.find(as_written)) == std::string::npos) continue;
            const std::size_t line_start = text.rfind('\n', at) == std::string::npos ? 0 : text.rfind('\n', at) + 1;
            const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + line_start, '\n'));
            where = {name, line, column_of(std::string_view(text).substr(line_start), at - line_start)};
            break;
        }
        auto& pages = grouped[{where.file, where.line, where.column, "the link \"" + b.link + "\" " + b.reason}];
        if (pages.empty()) pages.push_back(route_of(b.page));
        pages.resize(pages.size() + b.pages - 1, "");  // the others, counted
    }
    for (const auto& [key, pages] : grouped) {
        std::string on = " (on " + pages.front();
        if (pages.size() > 1) on += " and " + std::to_string(pages.size() - 1) + " other page" + (pages.size() > 2 ? "s" : "");
        const auto& [file, line, column, message] = key;
        diags.warning({file, line, column}, message + on + ")");
    }
}

}  // namespace eqsite
