// What the site publishes for machines rather than people: the objectives
// as JSON (/objectives.json, /schools/<slug>/objectives.json) and the
// sitemap with each page's last modification date.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/site.hpp"
#include "render/pages.hpp"

namespace eqsite {

// Every objective in `which` (indexes into site.objectives), with the
// fields of its front matter: dates ISO 8601 (a month as 2024-09),
// vocabulary as slugs, addresses absolute (`base_url` + route). Settings
// the author left out are absent, never filled in.
std::string objectives_json(const Site& site, const std::vector<std::size_t>& which, const std::string& base_url);

// The newest date the content shown on `page` was written or changed, as
// far as the content says (progress notes, start, publication, review and
// approval dates), never after today; nullopt when it says nothing.
std::optional<Date> page_lastmod(const Site& site, const Page& page);

// sitemap.xml: every page but the 404 page, sorted, with <lastmod> where
// page_lastmod knows it.
std::string sitemap_xml(const Site& site, const std::vector<Page>& pages, const std::string& base_url);

}  // namespace eqsite
