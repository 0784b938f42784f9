#include "render/open_data.hpp"

#include <algorithm>
#include <memory>

#include <nlohmann/json.hpp>

#include "model/last_updated.hpp"
#include "model/model_cache.hpp"
#include "model/vocabulary.hpp"
#include "render/json_text.hpp"
#include "util/text.hpp"

namespace eqsite {

namespace {

using nlohmann::ordered_json;

std::string_view audience_slug(Audience a) {
    switch (a) {
        case Audience::pupils: return "pupils";
        case Audience::staff: return "staff";
        case Audience::everyone: return "everyone";
    }
    return "everyone";
}

ordered_json objective_json(const Site& site, const Objective& o, const std::string& base_url) {
    const auto& schools = site.schools.unrecorded();
    ordered_json j;
    j["slug"] = o.slug;
    j["title"] = o.title;
    j["url"] = base_url + objective_route(site, o);
    j["school"] = o.school ? schools[*o.school].slug : "trust";
    if (o.school) j["school_name"] = schools[*o.school].name;
    // Absent when the content gives none (an imported objective may lack
    // them): an empty list would read as "addresses none".
    for (Aim a : o.aims) j["aims"].push_back(std::string(slug(a)));
    if (o.all_aims) j["all_aims"] = true;
    for (Characteristic c : o.characteristics) j["characteristics"].push_back(std::string(slug(c)));
    if (o.all_characteristics) j["all_characteristics"] = true;
    if (!o.target_groups.empty()) j["target_groups"] = o.target_groups;
    if (o.about) j["about"] = std::string(audience_slug(*o.about));
    if (o.why) j["why"] = *o.why;
    if (!o.owners.empty()) j["owners"] = o.owners;
    if (o.start) j["start"] = o.start->iso();
    if (o.due) j["due"] = o.due->date ? o.due->date->iso() : "ongoing";
    if (o.status) j["status"] = std::string(slug(*o.status));
    if (!o.measures.empty()) j["measures"] = o.measures;
    if (!o.actions.empty()) {
        j["actions"] = ordered_json::array();
        for (const auto& a : o.actions) {
            ordered_json action;
            action["text"] = a.text;
            if (a.owner) action["owner"] = *a.owner;
            if (a.due) action["due"] = a.due->value.iso();
            if (a.status) action["status"] = std::string(slug(*a.status));
            j["actions"].push_back(std::move(action));
        }
    }
    if (!o.progress.empty()) {
        j["progress"] = ordered_json::array();
        for (const auto& p : o.progress) j["progress"].push_back({{"date", p.date.iso()}, {"note", p.note}});
    }
    j["description_markdown"] = o.markdown;
    return j;
}

// "key": [slugs of `values`], unless there are none (an empty list would
// read as "addresses none").
template <typename Term>
void slug_list(JsonWriter& w, std::string_view key, const std::vector<Term>& values) {
    if (values.empty()) return;
    w.key(key);
    w.begin_array();
    for (Term v : values) w.value(slug(v));
    w.end_array();
}

// The same as objective_json, written as text as it goes (a national
// trust's open data is 100 000 objectives, each a tree built and thrown
// away before). The test of open data compares the two.
void write_objective(JsonWriter& w, const Site& site, const Objective& o, const std::string& base_url) {
    const auto& schools = site.schools.unrecorded();
    w.begin_object();
    w.field("slug", o.slug);
    w.field("title", o.title);
    w.field("url", base_url + objective_route(site, o));
    w.field("school", o.school ? std::string_view(schools[*o.school].slug) : std::string_view("trust"));
    if (o.school) w.field("school_name", schools[*o.school].name);
    slug_list(w, "aims", o.aims);
    if (o.all_aims) w.field("all_aims", true);
    slug_list(w, "characteristics", o.characteristics);
    if (o.all_characteristics) w.field("all_characteristics", true);
    if (!o.target_groups.empty()) w.field("target_groups", o.target_groups);
    if (o.about) w.field("about", audience_slug(*o.about));
    if (o.why) w.field("why", *o.why);
    if (!o.owners.empty()) w.field("owners", o.owners);
    if (o.start) w.field("start", o.start->iso());
    if (o.due) w.field("due", o.due->date ? o.due->date->iso() : "ongoing");
    if (o.status) w.field("status", slug(*o.status));
    if (!o.measures.empty()) w.field("measures", o.measures);
    if (!o.actions.empty()) {
        w.key("actions");
        w.begin_array();
        for (const auto& a : o.actions) {
            w.begin_object();
            w.field("text", a.text);
            if (a.owner) w.field("owner", *a.owner);
            if (a.due) w.field("due", a.due->value.iso());
            if (a.status) w.field("status", slug(*a.status));
            w.end_object();
        }
        w.end_array();
    }
    if (!o.progress.empty()) {
        w.key("progress");
        w.begin_array();
        for (const auto& p : o.progress) {
            w.begin_object();
            w.field("date", p.date.iso());
            w.field("note", p.note);
            w.end_object();
        }
        w.end_array();
    }
    w.field("description_markdown", o.markdown);
    w.end_object();
}

// A page of a listing: the objectives it shows.
std::optional<Date> listing_lastmod(const Site& site, const std::vector<std::size_t>& all, std::size_t page,
                                    Date today) {
    std::optional<Date> newest;
    const std::size_t from = std::min(all.size(), page * list_page_size);
    const std::size_t to = std::min(all.size(), from + list_page_size);
    for (std::size_t k = from; k < to; ++k) take_newest(newest, objective_lastmod(site, site.objectives[all[k]], today), today);
    return newest;
}

// A page of /review/: its schools, and the trust's dates on the first.
std::optional<Date> review_lastmod(const Site& site, std::size_t page, Date today) {
    std::optional<Date> newest = page == 0 ? trust_lastmod(site, today) : std::nullopt;
    // The number of schools as the page reads it (it decides which schools are on the page).
    const std::size_t count = site.schools.size();
    const std::size_t from = std::min(count, page * review_page_size);
    const std::size_t to = std::min(count, from + review_page_size);
    for (std::size_t i = from; i < to; ++i) take_newest(newest, school_lastmod(site, site.schools[i], today), today);
    return newest;
}

}  // namespace

namespace {

// One objective as it stands in a list: indented one level. One tree at a
// time (a national trust has 100 000 objectives), then text.
std::string list_item(const Site& site, const Objective& o, const std::string& base_url) {
    std::string out = "  ";
    out.reserve(2048);
    JsonWriter w(out, 1);
    write_objective(w, site, o, base_url);
    if (w.valid()) return out;
    out = "  ";  // a text that is not UTF-8: nlohmann replaces what is broken
    append_json(out, objective_json(site, o, base_url), 1);
    return out;
}

// Each objective's text handed to `use`.
using WithText = std::function<void(std::size_t, const std::function<void(std::string_view)>& use)>;

// A JSON list of the objectives `which`, in pieces: one per objective.
FilePieces json_list(std::vector<std::size_t> which, WithText with_text) {
    return [which = std::move(which), with_text = std::move(with_text)](const auto& emit) {
        if (which.empty()) {
            emit("[]\n");
            return;
        }
        emit("[\n");
        for (std::size_t k = 0; k < which.size(); ++k) {
            with_text(which[k], emit);
            emit(k + 1 < which.size() ? ",\n" : "\n");
        }
        emit("]\n");
    };
}

// The same list as the cache's texts, shared, with what goes between them.
using SharedText = std::function<std::shared_ptr<const std::string>(std::size_t)>;
HeldMaker held_list(std::vector<std::size_t> which, SharedText text) {
    return [which = std::move(which), text = std::move(text)] {
        static const auto empty = std::make_shared<const std::string>("[]\n");
        static const auto open = std::make_shared<const std::string>("[\n");
        static const auto between = std::make_shared<const std::string>(",\n");
        static const auto close = std::make_shared<const std::string>("\n]\n");
        auto pieces = std::make_shared<HeldPieces>();
        if (which.empty()) {
            pieces->push_back(empty);
            return std::shared_ptr<const HeldPieces>(std::move(pieces));
        }
        pieces->reserve(2 * which.size() + 1);
        pieces->push_back(open);
        for (std::size_t k = 0; k < which.size(); ++k) {
            if (k) pieces->push_back(between);
            pieces->push_back(text(which[k]));
        }
        pieces->push_back(close);
        return std::shared_ptr<const HeldPieces>(std::move(pieces));
    };
}

}  // namespace

void objectives_files(const Site& site, const std::string& base_url, ObjectiveJsonCache& cache,
                      const OpenDataFile& each) {
    const auto& objectives = site.objectives.unrecorded();
    const auto& schools = site.schools.unrecorded();
    // What each text is made of: the objective's file, its name (the
    // slug), what reading it depended on, its school's slug and name, and
    // the site's address.
    // (Each digested once, not once per objective: this runs on every
    // edit in the preview.) An objective's input id stands for its file.
    const Digest address = digest_of(base_url);
    std::vector<Digest> school_names(schools.size());
    for (std::size_t s = 0; s < schools.size(); ++s)
        school_names[s] = combine(digest_of(schools[s].slug), schools[s].name);
    std::vector<Digest> keys(objectives.size());
    for (std::size_t i = 0; i < objectives.size(); ++i) {
        const Objective& o = objectives[i];
        const InputId id = site.objectives.item_ids()[i];
        keys[i] = combine(combine(site.inputs.print(id), Digest{id, 0}), address);
        if (o.school) keys[i] = combine(keys[i], school_names[*o.school]);
    }
    // Room for every objective's text, so the makers below never move the
    // cache's table (they may run after this returns).
    const auto& ids = site.objectives.item_ids();
    InputId top = 0;
    for (InputId id : ids) top = std::max(top, id);
    if (!ids.empty() && cache.texts.size() <= top) cache.texts.resize(top + 1);
    // Texts of objectives that are gone. Only worth a look when more texts
    // are held than there are objectives (a file removed or renamed): a
    // stale text is never used (its fingerprint names its file's digest),
    // only kept.
    if (cache.keep && cache.held > objectives.size()) {
        std::vector<bool> live(cache.texts.size());
        for (InputId id : ids) live[id] = true;
        cache.held = 0;
        for (std::size_t id = 0; id < cache.texts.size(); ++id) {
            if (!live[id]) cache.texts[id] = {};
            cache.held += cache.texts[id].second != nullptr;
        }
    }
    // Shared by the makers below, which may run after this returns.
    auto prints = std::make_shared<std::vector<Digest>>(std::move(keys));
    // A text is kept when the cache keeps texts (the preview), or when its
    // objective is trust-wide (it is on every school's file). A one-off
    // build makes a school's objective for its school's file and again for
    // /objectives.json, and keeps neither: at national size the texts
    // would be as large as that file.
    // The cache's text of objective i, made again if what it is made from changed.
    auto cached = [&site, &cache, base_url, prints](std::size_t i) {
        const Objective& o = site.objectives.unrecorded()[i];
        auto& entry = cache.texts[site.objectives.item_ids()[i]];
        if (entry.first != (*prints)[i] || !entry.second) {
            cache.held += entry.second == nullptr;
            entry = {(*prints)[i], std::make_shared<const std::string>(list_item(site, o, base_url))};
        }
        return entry.second;
    };
    // A one-off build writes a school's objective in two files, its
    // school's and /objectives.json, in either order: its text is kept from
    // the first to the second while the texts so kept stay within a budget
    // (a national site's would be as large as /objectives.json), and made
    // again past it.
    WithText with_text = [&site, &cache, base_url, cached, prints](std::size_t i, const auto& use) {
        const Objective& o = site.objectives.unrecorded()[i];
        if (cache.keep || o.trust_wide()) {
            use(*cached(i));
            return;
        }
        // The entry holds the objective's fingerprint once its first file is
        // made, with its text if that was kept.
        auto& entry = cache.texts[site.objectives.item_ids()[i]];
        const bool second = entry.first == (*prints)[i];
        if (second && entry.second) {
            use(*entry.second);
            cache.between -= entry.second->size();
            --cache.held;
            entry = {};
            return;
        }
        auto text = std::make_shared<const std::string>(list_item(site, o, base_url));
        use(*text);
        if (second) {  // made again: the budget was spent when the first was made
            entry = {};
            return;
        }
        entry.first = (*prints)[i];
        if (cache.between + text->size() > cache.keep_between) return;
        cache.between += text->size();
        ++cache.held;
        entry.second = std::move(text);
    };
    auto fingerprint = [prints](const std::vector<std::size_t>& which) {
        Digest d = digest_of(std::to_string(which.size()));
        for (std::size_t i : which) d = combine(d, (*prints)[i]);
        return d;
    };
    // The preview holds the cache's texts; a build streams them.
    auto hand = [&](std::string path, std::vector<std::size_t> which) {
        const Digest print = fingerprint(which);
        if (cache.keep) each(std::move(path), print, {}, held_list(std::move(which), cached));
        else each(std::move(path), print, json_list(std::move(which), with_text), {});
    };
    for (const auto& school : schools) hand("schools/" + school.slug + "/objectives.json", school.objectives);
    std::vector<std::size_t> all(objectives.size());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
    hand("objectives.json", std::move(all));
}

std::optional<Date> page_lastmod(const Site& site, const Page& page) {
    const Date today = *site.today;
    return std::visit(
        [&](const auto& kind) -> std::optional<Date> {
            using K = std::decay_t<decltype(kind)>;
            if constexpr (std::is_same_v<K, ObjectivePage>)
                return objective_lastmod(site, site.objectives[kind.objective], today);
            else if constexpr (std::is_same_v<K, SchoolPage>)
                return school_lastmod(site, site.schools[kind.school], today);
            else if constexpr (std::is_same_v<K, PolicyPage>)
                return policy_lastmod(site, today);
            else if constexpr (std::is_same_v<K, AccessibilityPage>)
                return accessibility_lastmod(site, today);
            else if constexpr (std::is_same_v<K, AccessibilityPlanPage>)
                return plan_lastmod(kind.school ? site.schools[*kind.school].accessibility_plan : *site.accessibility_plan,
                                    today);
            else if constexpr (std::is_same_v<K, AimPage>)
                return listing_lastmod(site, *site.by_aim[static_cast<std::size_t>(kind.which)], kind.page, today);
            else if constexpr (std::is_same_v<K, CharacteristicPage>)
                return listing_lastmod(site, *site.by_characteristic[static_cast<std::size_t>(kind.which)], kind.page,
                                       today);
            else if constexpr (std::is_same_v<K, StatusPage>)
                return listing_lastmod(site, *site.by_status[kind.which], kind.page, today);
            else if constexpr (std::is_same_v<K, ReviewPage>)
                return review_lastmod(site, kind.page, today);
            else if constexpr (std::is_same_v<K, NotFoundPage> || std::is_same_v<K, DutyPage>)
                return std::nullopt;  // nothing of the trust's own
            else
                return site.summary->last_updated;  // worked out once, with the model
        },
        page.kind);
}

std::string sitemap_line(const Site& site, const Page& page, const std::string& base_url) {
    if (std::holds_alternative<NotFoundPage>(page.kind) || for_other_sites(page)) return {};
    std::string line = "  <url><loc>" + html_escape(base_url + page.route) + "</loc>";
    if (const auto lastmod = page_lastmod(site, page)) line += "<lastmod>" + lastmod->iso() + "</lastmod>";
    line += "</url>\n";
    return line;
}

std::string sitemap_xml(const std::map<std::string, std::string>& lines) {
    std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    for (const auto& [route, line] : lines) xml += line;
    xml += "</urlset>\n";
    return xml;
}

std::string sitemap_xml(const Site& site, const std::vector<Page>& pages, const std::string& base_url) {
    std::map<std::string, std::string> lines;
    for (const auto& p : pages)
        if (auto line = sitemap_line(site, p, base_url); !line.empty()) lines.emplace(p.route, std::move(line));
    return sitemap_xml(lines);
}

}  // namespace eqsite
