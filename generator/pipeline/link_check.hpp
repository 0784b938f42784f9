// `eqsite check`'s link check: every internal link and image of every page
// (the theme's and those written in Markdown) must lead to a file the build
// writes, and a link with `#anchor` to an element with that id.
//
// It is an OutputSink: `check` renders every page into it instead of a
// folder, so it sees exactly the pages and files `build` would write.
// Links and ids are found as a browser finds them, however they are
// quoted (util/html_attributes.hpp).
#pragma once

#include <filesystem>
#include <mutex>
#include <unordered_map>
#include <unordered_set>
#include <string>
#include <vector>

#include "util/diagnostics.hpp"
#include "write/output_folder.hpp"

namespace eqsite {

class LinkCheck : public OutputSink {
public:
    // `base_url` is the site's address ("https://x.example/equality"):
    // links to it count as internal, and its path is where the site lives.
    // Links on the pages at `repeats` are not followed: they are those of
    // pages checked anyway (the embed and fragment copies of a page).
    LinkCheck(const std::string& base_url, std::unordered_set<std::string> repeats = {});

    bool write(const std::string& path, std::string_view bytes) override;
    bool copy(const std::string& path, const std::filesystem::path& from) override;
    // Files made in pieces are open data, not pages: noted, never made.
    bool write_pieces(const std::string& path, const FilePieces& make) override;

    // A warning for every link that leads nowhere, at the place in the
    // site's files where the link is written (searched for in content/ and
    // theme/), else at the page's own address.
    void report(const std::filesystem::path& site_root, Diagnostics& diags) const;

    struct Broken {
        std::string page;    // output path of the first page holding the link ("policy/index.html")
        std::size_t pages;   // how many pages hold it
        std::string link;    // as written in the page, decoded
        std::string reason;  // "leads to no page of the site", "has no element with id \"x\""
    };
    std::vector<Broken> broken() const;  // sorted by page, then link

private:
    // Where a link leads: an output path and an anchor, or nowhere we
    // check (another site), or above the site's folder on its host.
    struct Target {
        enum class Kind { external, internal, outside } kind = Kind::external;
        std::string path;
        std::string anchor;
    };
    Target resolve(const std::string& page, const std::string& link) const;

    // Each distinct link text and where it leads, with its first page; a
    // site of 18 000 pages has a few thousand of these, not millions.
    struct Use {
        Target target;
        std::string page;
        std::size_t pages = 0;
    };

    std::string origin_;     // "https://x.example"
    std::string base_path_;  // "/equality/"
    mutable std::mutex mutex_;
    std::unordered_set<std::string> repeats_;
    std::unordered_set<std::string> files_;
    // Looked up by string_view as well as by string.
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, std::string> ids_;  // by page, for anchors: each id after a NUL
    std::unordered_map<std::string, Use, Hash, std::equal_to<>> uses_;  // by link text (and the page's folder, for relative links)
};

}  // namespace eqsite
