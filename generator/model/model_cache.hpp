// What the model made of each file, by the file's digest: a rebuild (the
// preview server's) parses and reads again only the files whose bytes
// changed. `eqsite build` and `check` run once and keep no cache.
//
// An entry is used again only when its file's digest (and whatever else
// reading it depended on, folded into the digest) is the same, and only if
// reading it gave no error: errors may depend on other files (a missing
// logo), so those files are always read again.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/data_table.hpp"
#include "model/disclosure.hpp"
#include "model/site.hpp"
#include "util/diagnostics.hpp"
#include "util/digest.hpp"

namespace eqsite {

template <typename T>
struct CachedRead {
    Digest digest;
    std::optional<T> value;  // nullopt: the file could not be parsed, or it is lent
    Diagnostics diags;       // what reading it reported
    // The value was moved into the model rather than copied (objectives:
    // a national trust has 100 000); lend_back() returns it before the
    // next rebuild. A lent value that never came back is read again.
    bool lent = false;
    // The Reader's marks during one rebuild: this rebuild took the entry
    // (it stays in the cache), or found it stale (it must be read again).
    bool taken = false;
    bool stale = false;
};

template <typename T>
using ReadCache = std::unordered_map<std::string, CachedRead<T>>;  // by site-relative path
// One entry, with its path: where a lent value goes back to.
template <typename T>
using CachedEntry = typename ReadCache<T>::value_type;

// One school folder as it was read: its index.md, objectives and
// accessibility plan. The preview takes it again whole when nothing under
// the folder was reported changed (FileStore::reported_under), so an edit
// costs the folder it was made in rather than a look at each of a large
// trust's 18 000 files.
struct SchoolFolderRead {
    std::string folder;  // site-relative, as listed
    School school;       // as read: the model's copy gains its objectives and tables
    Digest index_digest, plan_digest;
    std::vector<Objective> objectives;  // in file-name order; empty while lent to the model
    std::vector<Digest> objective_digests;  // one for each objective, lent or not
    Diagnostics diags;
    // What it was read with: taken again only if these still hold.
    std::size_t files = 0;     // index, objectives and plan listed
    bool unsafe_html = false;  // site.yaml's markdown.unsafe_html
    bool linked = false;       // a file reached through a link: its edits are reported elsewhere
    bool lent = false;         // the objectives are the model's until lend_back()
    bool in_kept = false;      // ...and since then in ModelState::kept, at their place in the last model
};

struct ModelCache {
    std::optional<CachedRead<SiteConfig>> config;
    ReadCache<Text> texts;  // the home page and statutory overrides
    ReadCache<PolicySection> policy;
    ReadCache<Objective> objectives;
    ReadCache<School> schools;
    ReadCache<AccessibilityPlan> plans;
    ReadCache<DataTable> tables;  // by CSV path
    std::unordered_map<std::string, SchoolFolderRead> school_folders;  // by folder
    // All tables published together: the digest of every table's inputs.
    std::optional<CachedRead<std::vector<PublishedTable>>> published;
};

}  // namespace eqsite
