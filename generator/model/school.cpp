#include "model/school.hpp"

#include <cstdio>

#include "util/colour.hpp"
#include "util/files.hpp"
#include "util/text.hpp"
#include "util/url.hpp"

namespace eqsite {
namespace {

std::optional<std::string> brand_colour(Fields& f) {
    auto v = f.located_text("brand_colour");
    if (!v) return std::nullopt;
    auto rgb = parse_hex_colour(v->value);
    if (!rgb) {
        f.diags().error(v->where, "\"brand_colour\" must be a hex colour such as \"#1d5c8a\" (in quotes), not \"" +
                                      v->value + "\"");
        return std::nullopt;
    }
    const double ratio = contrast_ratio(*rgb, Rgb{255, 255, 255});
    if (ratio < 4.5) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%.2f", ratio);
        const Rgb better = darken_until_contrast(*rgb, 4.5);
        f.diags().error(v->where, "brand colour " + v->value + " has a contrast of only " + buf +
                                      ":1 with white text; it needs at least 4.5:1 to be readable. The nearest "
                                      "darker colour that passes is \"" + better.hex() + "\"");
        return std::nullopt;
    }
    return rgb->hex();
}

}  // namespace

School read_school(const SchoolFiles& loaded, const Document* index, const std::filesystem::path& site_root,
                   Diagnostics& diags) {
    School s;
    s.slug = loaded.slug;
    s.name = loaded.slug;
    if (!index) return s;
    const Document& doc = *index;
    s.source = doc.path;
    s.markdown = doc.body;
    Fields f(doc.front, doc.path, doc.front_first_line, diags);
    s.front_at = f.where_map();
    s.name = f.text("name", Need::required).value_or(s.slug);
    if (auto urn = f.located_text("urn")) {
        const bool six_digits = urn->value.size() == 6 &&
                                urn->value.find_first_not_of("0123456789") == std::string::npos;
        if (!six_digits)
            diags.error(urn->where, "\"urn\" must be the school's 6-digit unique reference number from Get "
                                    "Information about Schools, not \"" + urn->value + "\"");
        else
            s.urn = urn->value;
    }
    if (auto phase = f.located_text("phase"))
        if (auto i = match_single(phase_vocabulary(), *phase, diags)) s.phase = static_cast<Phase>(*i);
    s.headteacher = f.text("headteacher");
    s.equality_lead = f.text("equality_lead");
    s.brand_colour = brand_colour(f);
    if (auto logo = f.located_text("logo")) {
        const auto path = site_root / from_utf8(loaded.folder) / from_utf8(logo->value);
        std::error_code ec;
        if (logo->value.find("..") != std::string::npos || logo->value.find('/') != std::string::npos ||
            logo->value.find('\\') != std::string::npos)
            diags.error(logo->where, "\"logo\" must be the name of a file in this school's folder, e.g. logo.svg");
        else if (!std::filesystem::exists(std::filesystem::symlink_status(path, ec)))
            diags.error(logo->where, "logo file \"" + logo->value + "\" not found; put it in " + loaded.folder + "/");
        else if (const PathCheck c = check_site_path(path, site_root); c.kind != EntryKind::file)
            diags.error(logo->where, "logo file \"" + logo->value + "\": " +
                                         (c.kind == EntryKind::directory ? "this is a folder, not a file" : c.problem));
        else
            s.logo = logo->value;
    }
    s.logo_alt = f.text("logo_alt").value_or(s.name + " logo");
    if (auto web = f.located_text("website")) {
        // Checked as the trust's address is: a page links to it.
        if (const std::string problem = site_address_problem(web->value); !problem.empty())
            diags.error(web->where, "\"website\" " + problem);
        else
            s.website = web->value;
    }
    s.objectives_published = f.located_date("objectives_published");
    s.objectives_published_at = f.where_value("objectives_published");
    s.information_updated = f.located_date("information_updated");
    s.excluded_trust_objectives = f.text_list("exclude_trust_objectives");
    f.finish();
    return s;
}

}  // namespace eqsite
