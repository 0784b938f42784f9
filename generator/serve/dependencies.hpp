// The preview server's dependency record: which pages each input file of a
// site feeds, so an edit re-renders only the pages that show it.
//
//   content/trust/index.md               home page
//   content/trust/policy/*.md            /policy/
//   content/trust/objectives/<o>.md      its page, every school page, home, lists
//   content/schools/<s>/index.md         school s, its objective pages, every
//                                        trust objective page, home, lists, review
//   content/schools/<s>/objectives/<o>   its page, school s, home, lists
//   data/*                               every school page, /data/, downloads
//   static/*                             that file, copied again
//   ("lists" = /objectives/ and every aim and characteristic page)
//
// Anything else - site.yaml, theme/, built-in text overrides, and any file
// added, removed or renamed - is structural: everything is rebuilt, so
// pages that no longer exist disappear.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "model/site.hpp"
#include "render/pages.hpp"

namespace eqsite {

// Every input file of a site (site.yaml, content/, data/, static/, theme/)
// by site-relative path, with a fingerprint of its bytes.
using InputFingerprints = std::map<std::string, std::uint64_t>;
InputFingerprints fingerprint_inputs(const std::filesystem::path& site_root);

struct RebuildPlan {
    bool everything = false;
    std::vector<Page> pages;                    // when not everything
    bool data_files = false;                    // rewrite /data/*.csv and .json
    std::vector<CopiedFile> copies;             // static files to copy again
    std::size_t changed_files = 0;
};

// What must be redone, given the inputs of the last good build and now.
// `site` is the newly loaded site and `pages` its page plan.
RebuildPlan plan_rebuild(const Site& site, const std::vector<Page>& pages, const InputFingerprints& before,
                         const InputFingerprints& now);

}  // namespace eqsite
