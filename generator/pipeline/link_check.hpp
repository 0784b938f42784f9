// `eqsite check`'s link check: every internal link and image of every page
// (the theme's and those written in Markdown) must lead to a file the build
// writes, and a link with `#anchor` to an element with that id.
//
// It is an OutputSink: `check` renders every page into it instead of a
// folder, so it sees exactly the pages and files `build` would write.
// Pages are read as eqsite writes them (attributes in double quotes,
// escaped with html_escape), not as arbitrary HTML.
#pragma once

#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "util/diagnostics.hpp"
#include "write/output_folder.hpp"

namespace eqsite {

class LinkCheck : public OutputSink {
public:
    // `base_url` is the site's address ("https://x.example/equality"):
    // links to it count as internal, and its path is where the site lives.
    explicit LinkCheck(const std::string& base_url);

    bool write(const std::string& path, std::string_view bytes) override;
    bool copy(const std::string& path, const std::filesystem::path& from) override;

    // A warning for every link that leads nowhere, at the place in the
    // site's files where the link is written (searched for in content/ and
    // theme/), else at the page's own address.
    void report(const std::filesystem::path& site_root, Diagnostics& diags) const;

    struct Broken {
        std::string page;    // output path of the page holding the link ("policy/index.html")
        std::string link;    // as written in the page, decoded
        std::string reason;  // "leads to no page of the site", "has no element with id \"x\""
    };
    std::vector<Broken> broken() const;

private:
    struct PageLinks {
        std::set<std::string> ids;
        std::vector<std::string> links;
    };
    // The output path a link points to ("" for another site), and its anchor.
    struct Target {
        bool internal = false;
        std::string path;
        std::string anchor;
    };
    Target resolve(const std::string& page, const std::string& link) const;
    const PageLinks* page_at(const std::string& path, std::string& found) const;

    std::string origin_;     // "https://x.example"
    std::string base_path_;  // "/equality/"
    mutable std::mutex mutex_;
    std::set<std::string> files_;
    std::map<std::string, PageLinks> pages_;
};

}  // namespace eqsite
