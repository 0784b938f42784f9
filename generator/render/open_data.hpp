// What the site publishes for machines rather than people: the objectives
// as JSON (/objectives.json, /schools/<slug>/objectives.json) and the
// sitemap with each page's last modification date.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "model/site.hpp"
#include "render/pages.hpp"
#include "util/digest.hpp"
#include "util/files.hpp"

namespace eqsite {

// Each objective's JSON text, by its file, with the fingerprint of what it
// was made from. Made when first asked for; the preview keeps it between
// rebuilds, so only objectives that changed are turned into JSON again.
struct ObjectiveJsonCache {
    // By the objective's input id (Site::objectives.item_ids(): one for
    // each file, small numbers given in turn), so the 100 000 texts of
    // /objectives.json are found without a lookup by name on each edit.
    std::vector<std::pair<Digest, std::shared_ptr<const std::string>>> texts;
    std::size_t held = 0;  // how many of `texts` hold a text
    // A one-off build keeps only trust-wide objectives' texts (see
    // objectives_files), so no file is ever whole in memory; a school's
    // objective's text only from its first file to its second, within a
    // budget (`between` bytes are so kept now).
    bool keep = true;
    std::size_t between = 0;
    std::size_t keep_between = std::size_t{32} << 20;  // the budget
};

// One file of open data: its fingerprint (of what it is made from, cheap
// to work out) and a way to make its bytes, called only when needed:
// `make` streams them (a one-off build), or, when the cache keeps texts
// (the preview), `held` lists the cache's texts and what joins them, so
// the file is never copied whole on an edit.
using HeldMaker = std::function<std::shared_ptr<const HeldPieces>()>;
using OpenDataFile = std::function<void(std::string path, Digest fingerprint, FilePieces make, HeldMaker held)>;

// /objectives.json (every objective) and every school's objectives.json
// (the objectives its page shows), handed to `each`. Each objective has
// the fields of its front matter: dates ISO 8601 (a month as 2024-09),
// vocabulary as slugs, addresses absolute (`base_url` + route); settings
// the author left out are absent, never filled in. Each objective is
// turned into JSON once per `cache` (a trust-wide objective is on every
// school's file); `cache` must outlive every `make`.
void objectives_files(const Site& site, const std::string& base_url, ObjectiveJsonCache& cache,
                      const OpenDataFile& each);

// The newest date the content shown on `page` was written or changed, as
// far as the content says (progress notes, start, publication, review and
// approval dates), never after today; nullopt when it says nothing.
std::optional<Date> page_lastmod(const Site& site, const Page& page);

// sitemap.xml: every page but the 404 page and pages for other sites,
// sorted, with <lastmod> where page_lastmod knows it.
std::string sitemap_xml(const Site& site, const std::vector<Page>& pages, const std::string& base_url);
// The same, one line at a time: `page`'s line ("" for a page the sitemap
// leaves out), and the sitemap of lines by route. The preview works out a
// page's line with the page, so it reads the same inputs and is worked
// out again only when they change.
std::string sitemap_line(const Site& site, const Page& page, const std::string& base_url);
std::string sitemap_xml(const std::map<std::string, std::string>& lines);

}  // namespace eqsite
