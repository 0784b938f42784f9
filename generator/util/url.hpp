// Addresses written by authors (Markdown links and images): decoded the
// way a browser decodes them, and checked against an allow-list, so a link
// can never run script however it is spelt.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace eqsite {

// Decodes HTML character references as a browser does in an attribute:
// numeric ones (&#106; &#x6A;, with or without the semicolon), and the
// named ones that can matter in an address (&colon; &Tab; &NewLine; &amp;
// and the like). Unknown names stay as written; a code point that cannot
// be a character (0, surrogates, above U+10FFFF) becomes U+FFFD.
std::string decode_character_references(std::string_view text);

// The address as a browser's URL parser sees it: leading and trailing
// control characters and spaces removed, tabs and newlines removed
// everywhere (so "java\tscript:" is "javascript:").
std::string browser_cleaned_url(std::string_view url);

// The scheme of a cleaned address in lower case ("javascript"), or nullopt
// for a relative address ("/policy/", "#aims", "logo.svg", "//host/x").
std::optional<std::string> url_scheme(std::string_view cleaned);

// Allowed: relative addresses and http, https, mailto and tel.
bool is_allowed_url(std::string_view cleaned);

// The scheme and host of an address: "https://host/equality" -> "https://host";
// the address itself when it has no path.
std::string url_origin(std::string_view url);

// Why `url` cannot be a site's public address (trust.url, --base-url), or
// "" if it can: it must be http:// or https://, name a host, and hold no
// spaces, quotes, angle brackets, query or fragment (every page's address
// is made by adding to it).
std::string site_address_problem(std::string_view url);

// A page's HTML with every href and src made absolute, for pasting
// into another site: "/x/" becomes "https://host/x/", "x/" is resolved
// against `page_route` under `base_url` ("https://host/equality"), and
// "#x", "mailto:" and full addresses stay as they are.
std::string absolute_addresses(std::string_view html, const std::string& base_url, const std::string& page_route);

}  // namespace eqsite
