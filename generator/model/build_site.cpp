#include "model/build_site.hpp"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>
#include <unordered_set>

#include "load/markdown_check.hpp"
#include "model/accessibility_plan.hpp"
#include "model/config.hpp"
#include "model/data_table.hpp"
#include "model/last_updated.hpp"
#include "model/objective.hpp"
#include "model/review.hpp"
#include "model/school.hpp"
#include "model/statutory.hpp"
#include "util/files.hpp"
#include "util/text.hpp"

namespace eqsite {

namespace fs = std::filesystem;

namespace {

std::string file_name_of(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Reads the site's files through the state's FileStore, and turns each
// Markdown file into a model value, taking it from the cache when the
// file's digest (with `salt`: whatever else the reading depends on) is the
// one it was made from. Thread-safe: school folders are read in parallel.
class Reader {
public:
    Reader(ModelState& state, fs::path root, bool unsafe_html)
        : state_(state), old_(std::move(state.cache)), root_(std::move(root)), unsafe_(unsafe_html) {
        fresh_.config = std::move(old_.config);  // site.yaml is read before the Reader (read_site_config)
    }
    // What was used this time becomes the cache: the entries taken from the
    // old cache, and those read afresh. Files that are gone drop out.
    ~Reader() {
        if (state_.keep) {
            ModelCache& next = old_;  // most entries are taken again: keep them where they are
            carry(next.texts, fresh_.texts);
            carry(next.policy, fresh_.policy);
            carry(next.objectives, fresh_.objectives);
            carry(next.schools, fresh_.schools);
            carry(next.plans, fresh_.plans);
            carry(next.tables, fresh_.tables);
            next.config = std::move(fresh_.config);
            next.published = std::move(fresh_.published);
            state_.cache = std::move(next);
        }
        state_.files.forget_unseen();
    }    const fs::path& root() const { return root_; }
    ModelState& state() { return state_; }

    // The value `parse(document, diags)` makes of `file`, or nullopt if the
    // file cannot be read or parsed. `digest` receives what the value was
    // made from (for the model's input fingerprints).
    template <typename T, typename Parse>
    std::optional<T> markdown(ReadCache<T> ModelCache::*which, const fs::path& file, std::string_view salt,
                              Parse parse, Diagnostics& diags, Digest& digest) {
        return markdown(which, file, relative_name(file, root_), salt, parse, diags, digest);
    }
    // The same, for a caller that has the file's site-relative name already.
    // `entry`, if given, receives the cache entry of a lent value.
    template <typename T, typename Parse>
    std::optional<T> markdown(ReadCache<T> ModelCache::*which, const fs::path& file, const std::string& rel,
                              std::string_view salt, Parse parse, Diagnostics& diags, Digest& digest,
                              CachedEntry<T>** entry = nullptr) {
        if (!look(file, rel, salt, diags, digest)) return std::nullopt;
        if (auto hit = reuse(which, rel, digest, entry)) {
            diags.append(hit->diags);
            return std::move(hit->value);
        }
        CachedRead<T> read{digest, std::nullopt, {}};
        if (!parse_now(file, rel, parse, read)) {
            diags.append(read.diags);
            return std::nullopt;
        }
        diags.append(read.diags);
        std::optional<T> value;
        if (lends<T>() && read.value) {
            value = std::move(read.value);
            read.value.reset();
            read.lent = true;
        } else {
            value = read.value;
        }
        CachedEntry<T>* kept = keep(which, rel, std::move(read));
        if (entry) *entry = lends<T>() && value ? kept : nullptr;
        return value;
    }
    // The same, read and parsed now and not kept: for files whose values
    // are kept elsewhere (a school folder's objectives, kept with their
    // folder).
    template <typename T, typename Parse>
    std::optional<T> uncached(const fs::path& file, const std::string& rel, Parse parse, Diagnostics& diags,
                              Digest& digest) {
        if (!look(file, rel, "", diags, digest)) return std::nullopt;
        CachedRead<T> read{digest, std::nullopt, {}};
        parse_now(file, rel, parse, read);
        diags.append(read.diags);
        return std::move(read.value);
    }

private:
    // Sets `digest` to what a value made of `file` depends on; false (and
    // an error) if the file cannot be read.
    bool look(const fs::path& file, const std::string& rel, std::string_view salt, Diagnostics& diags, Digest& digest) {
        const FileStore::Version version = state_.files.look(file, max_text_file);
        if (!version.ok) {
            diags.error({rel, 1, 1}, read_error_message(version.error, max_text_file));
            digest = {};
            return false;
        }
        digest = combine(combine(version.digest, salt), unsafe_ ? "unsafe" : "safe");
        return true;
    }
    // Parses `file` into `read`; false if its bytes are gone since look().
    template <typename T, typename Parse>
    bool parse_now(const fs::path& file, const std::string& rel, Parse parse, CachedRead<T>& read) {
        ReadError why;
        auto bytes = state_.files.take(file, max_text_file, why);
        if (!bytes) {
            read.diags.error({rel, 1, 1}, read_error_message(why, max_text_file));
            return false;
        }
        if (auto doc = parse_site_document(rel, *bytes, unsafe_, read.diags)) read.value = parse(*doc, read.diags);
        return true;
    }

public:
    // Objectives are lent to the model instead of copied: nothing changes
    // them once read (but their school's position, set again each time),
    // so lend_back() can return them as they were. Schools are changed by
    // the merge, so they are copied.
    template <typename T>
    static constexpr bool lends() { return std::is_same_v<T, Objective>; }

    // The cached read of `rel`, if it was made from `digest` without errors.
    // No lock: while files are read, the old cache's table is only looked
    // up, never changed, and each file's entry is marked by the one thread
    // that reads that file (two threads waiting on each other's lock for
    // every one of 16 000 objectives made a preview rebuild slower).
    template <typename T>
    std::optional<CachedRead<T>> reuse(ReadCache<T> ModelCache::*which, const std::string& rel, const Digest& digest,
                                       CachedEntry<T>** from = nullptr) {
        auto& old = old_.*which;
        const auto it = old.find(rel);
        if (it == old.end()) return std::nullopt;
        CachedRead<T>& entry = it->second;
        if (entry.stale || entry.digest != digest || entry.diags.has_errors()) return std::nullopt;
        if (entry.lent && !entry.value) return std::nullopt;  // never given back
        CachedRead<T> hit;
        if (lends<T>()) {
            hit.value = std::move(entry.value);
            entry.value.reset();
            entry.lent = true;
            hit.diags = entry.diags;
        } else {
            hit.value = entry.value;
            hit.diags = entry.diags;
        }
        entry.taken = true;
        if (from) *from = lends<T>() ? &*it : nullptr;
        return hit;
    }
    // Marks the cached read of `rel` as out of date (its school's logo is gone).
    template <typename T>
    void forget(ReadCache<T> ModelCache::*which, const std::string& rel) {
        auto& old = old_.*which;
        if (const auto it = old.find(rel); it != old.end()) it->second.stale = true;
    }

    // Returns where the entry will be in the next cache (nullptr when
    // nothing is kept, or when this rebuild already took the old entry of
    // `rel`: carry() keeps that one).
    template <typename T>
    CachedEntry<T>* keep(ReadCache<T> ModelCache::*which, const std::string& rel, CachedRead<T> read) {
        if (!state_.keep) return nullptr;
        const auto& old = old_.*which;
        const auto taken = old.find(rel);
        const bool superseded = taken != old.end() && taken->second.taken && !taken->second.stale;
        std::lock_guard lock(mutex_);
        auto& fresh = fresh_.*which;
        auto [it, added] = fresh.try_emplace(rel);
        it->second = std::move(read);
        return superseded ? nullptr : &*it;
    }

    // For what is cached whole (the published tables).
    ModelCache& old() { return old_; }
    ModelCache& fresh() { return fresh_; }
    bool unsafe() const { return unsafe_; }

private:
    // Keeps in `cache` the entries this rebuild took, and adds those read afresh.
    template <typename T>
    static void carry(ReadCache<T>& cache, ReadCache<T>& fresh) {
        for (auto it = cache.begin(); it != cache.end();) {
            if (!it->second.taken || it->second.stale) {
                it = cache.erase(it);
                continue;
            }
            it->second.taken = false;
            ++it;
        }
        // Moved as nodes, so an entry stays where it is (ModelState::lent_from).
        // A path read twice in one rebuild (never, as files are listed
        // once) keeps the entry it took first, which lent_from may name.
        while (!fresh.empty()) {
            auto node = fresh.extract(fresh.begin());
            if (!cache.count(node.key())) cache.insert(std::move(node));
        }
    }

    ModelState& state_;
    ModelCache old_, fresh_;
    fs::path root_;
    bool unsafe_;
    std::mutex mutex_;
};

PolicySection read_policy_section(const Document& doc, Diagnostics& diags) {
    Fields f(doc.front, doc.path, doc.front_first_line, diags);
    PolicySection p;
    p.slug = stem_of(file_name_of(doc.path));
    p.title = f.text("title", Need::required).value_or(p.slug);
    p.weight = f.integer("weight").value_or(0);
    p.markdown = doc.body;
    p.source = doc.path;
    f.finish();
    return p;
}

// site.yaml, read again only when its bytes change.
SiteConfig read_site_config(const SiteFiles& files, ModelState& state, Diagnostics& diags, Digest& digest) {
    if (!files.config) return {};
    const FileStore::Version version = state.files.look(*files.config, max_text_file);
    if (!version.ok) {
        diags.error({"site.yaml", 1, 1}, read_error_message(version.error, max_text_file));
        return {};
    }
    digest = version.digest;
    auto& cached = state.cache.config;
    if (cached && cached->digest == digest && !cached->diags.has_errors()) {
        diags.append(cached->diags);
        return *cached->value;
    }
    ReadError why;
    const auto bytes = state.files.take(*files.config, max_text_file, why);
    CachedRead<SiteConfig> read{digest, SiteConfig{}, {}};
    if (!bytes) {
        read.diags.error({"site.yaml", 1, 1}, read_error_message(why, max_text_file));
    } else if (auto yaml = load_yaml_file("site.yaml", *bytes, read.diags)) {
        read.value = read_config(*yaml, read.diags);
        read.value->read = true;
    }
    diags.append(read.diags);
    SiteConfig config = *read.value;
    if (state.keep) cached = std::move(read);
    else cached.reset();
    return config;
}

std::vector<PolicySection> read_policy(const SiteFiles& files, Reader& reader, Diagnostics& diags,
                                       std::vector<Digest>& digests) {
    std::vector<std::pair<PolicySection, Digest>> read;
    for (const auto& file : files.policy) {
        Digest d;
        if (auto p = reader.markdown(&ModelCache::policy, file, "", read_policy_section, diags, d))
            read.emplace_back(std::move(*p), d);
    }
    // Weight first; equal weights by file name (the documents are already
    // in file-name order, and the sort is stable).
    std::stable_sort(read.begin(), read.end(),
                     [](const auto& a, const auto& b) { return a.first.weight < b.first.weight; });
    std::vector<PolicySection> out;
    for (auto& [p, d] : read) {
        out.push_back(std::move(p));
        digests.push_back(d);
    }
    return out;
}

// Trust objectives on every school unless excluded; each school's own
// after. School objectives come grouped by school (read_schools keeps each
// school's together), so one pass finds them all.
void merge_objectives(Site& site, std::size_t trust_count, Diagnostics& diags) {
    auto& objectives = site.objectives.edit();
    auto& schools = site.schools.edit();
    std::vector<std::string> trust_slugs;
    for (std::size_t i = 0; i < trust_count; ++i) trust_slugs.push_back(objectives[i].slug);
    std::vector<std::vector<std::size_t>> own(schools.size());
    for (std::size_t i = trust_count; i < objectives.size(); ++i) own[*objectives[i].school].push_back(i);
    for (std::size_t s = 0; s < schools.size(); ++s) {
        School& school = schools[s];
        for (const auto& ex : school.excluded_trust_objectives) {
            if (std::find(trust_slugs.begin(), trust_slugs.end(), ex.value) != trust_slugs.end()) continue;
            std::string msg = "\"" + ex.value + "\" is not a trust objective";
            if (const auto dym = did_you_mean(ex.value, trust_slugs); !dym.empty()) msg += "; " + dym;
            msg += trust_slugs.empty() ? " (the trust has no objectives in content/trust/objectives)"
                                       : " Trust objectives are named after their files: " + join(trust_slugs, ", ");
            diags.error(ex.where, msg);
        }
        auto excluded = [&](const std::string& slug) {
            return std::any_of(school.excluded_trust_objectives.begin(), school.excluded_trust_objectives.end(),
                               [&](const Located<std::string>& e) { return e.value == slug; });
        };
        for (std::size_t i = 0; i < trust_count; ++i)
            if (!excluded(objectives[i].slug)) school.objectives.push_back(i);
        school.objectives.insert(school.objectives.end(), own[s].begin(), own[s].end());
    }
    for (std::size_t i = 0; i < objectives.size(); ++i) {
        site.by_status[status_filter(objectives[i], site.today.unrecorded())].edit().push_back(i);
        for (Aim a : objectives[i].aims) site.by_aim[static_cast<std::size_t>(a)].edit().push_back(i);
        for (Characteristic c : objectives[i].characteristics)
            site.by_characteristic[static_cast<std::size_t>(c)].edit().push_back(i);
    }
}

// An SVG file is a web page of its own: opened directly (not through an
// <img>), any script in it runs on the site's address. Published as the
// author gave it, with a warning.
void warn_svg_script(const std::filesystem::path& file, const std::string& shown, Diagnostics& diags) {
    if (!to_lower_ascii(shown).ends_with(".svg")) return;
    ReadError why;
    const auto text = read_file(file, max_text_file, why);
    if (!text) return;  // reported where it is copied
    const std::string lower = to_lower_ascii(*text);
    bool handler = false;  // an on...= attribute: "onload=", "onclick ="
    for (std::size_t at = lower.find(" on"); at != std::string::npos && !handler; at = lower.find(" on", at + 1)) {
        std::size_t i = at + 3;
        while (i < lower.size() && lower[i] >= 'a' && lower[i] <= 'z') ++i;
        while (i < lower.size() && (lower[i] == ' ' || lower[i] == '\n' || lower[i] == '\t')) ++i;
        handler = i > at + 3 && i < lower.size() && lower[i] == '=';
    }
    if (handler || lower.find("<script") != std::string::npos || lower.find("javascript:") != std::string::npos)
        diags.warning({shown, 1, 1}, "this SVG image holds a script (<script>, javascript: or an on...= "
                                     "attribute): shown on a page it cannot run, but anyone who opens the file "
                                     "itself runs it on this site's address; export the image again without "
                                     "scripts, or remove them");
}

void collect_copied_files(const SiteFiles& loaded, Site& site, Diagnostics& diags) {
    for (const auto& f : loaded.static_files) {
        site.copied_files.push_back({f.from, f.to});
        warn_svg_script(f.from, "static/" + f.to, diags);
    }
    auto& config = site.config.edit();
    if (const auto& logo = config.trust.logo) {
        // "static/./logo.svg" and "static//logo.svg" name static/logo.svg.
        const std::string under_static =
            std::filesystem::path(from_utf8(logo->substr(std::string("static/").size()))).lexically_normal().generic_string();
        const bool found = std::any_of(loaded.static_files.begin(), loaded.static_files.end(),
                                       [&](const StaticFile& f) { return f.to == under_static; });
        const Location at = config.where("trust.logo");
        if (under_static.starts_with("..")) {
            diags.error(at, "the trust logo \"" + *logo + "\" leads out of the static/ folder; it must be a file in "
                            "static/, e.g. static/logo.svg");
            config.trust.logo.reset();
        } else if (!found) {
            diags.error(at, "the trust logo \"" + *logo + "\" was not found in static/; put the file there or "
                            "correct trust.logo");
            config.trust.logo.reset();
        } else {
            config.trust.logo = "static/" + under_static;
        }
    }
    const auto& schools = site.schools.unrecorded();
    for (std::size_t s = 0; s < schools.size(); ++s) {
        const School& school = schools[s];
        if (!school.logo) continue;
        site.copied_files.push_back({site.root / from_utf8(loaded.schools[s].folder) / from_utf8(*school.logo),
                                     "schools/" + school.slug + "/" + *school.logo});
        warn_svg_script(site.copied_files.back().from, loaded.schools[s].folder + "/" + *school.logo, diags);
    }
}

// Reads, checks and publishes every data table, all at once: tables that
// share figures are protected together. The source figures live only
// inside this function: the model keeps what may be published. When no
// data file changed, the last publication is used again.
std::vector<PublishedTable> read_tables(const SiteFiles& files, const Site& site, Reader& reader,
                                        Diagnostics& diags, Digest& digest) {
    const auto& config = site.config.unrecorded();
    std::vector<std::string> slugs;
    for (const auto& s : site.schools.unrecorded()) slugs.push_back(s.slug);
    digest = digest_of(join(slugs, "\n") + "|" + join(files.unreadable_schools, "\n") + "|" +
                       std::to_string(config.suppression.threshold) + "|" +
                       std::to_string(config.suppression.staff_threshold) + (reader.unsafe() ? "|unsafe" : ""));
    bool readable = true;
    for (const auto& d : files.data) {
        for (const auto* file : {&d.yaml, &d.csv}) {
            const auto limit = file == &d.csv ? max_data_file : max_text_file;
            const auto version = reader.state().files.look(*file, limit);
            readable = readable && version.ok;
            digest = combine(combine(digest, relative_name(*file, files.root)), version.digest);
        }
    }
    auto& old = reader.old().published;
    if (readable && old && old->digest == digest && !old->diags.has_errors()) {
        diags.append(old->diags);
        if (reader.state().keep) reader.fresh().published = old;
        return *old->value;
    }
    CachedRead<std::vector<PublishedTable>> read{digest, std::vector<PublishedTable>{}, {}};
    std::vector<DataTable> tables;
    for (const auto& d : files.data) {
        ReadError yaml_error, csv_error;
        const auto yaml = reader.state().files.take(d.yaml, max_text_file, yaml_error);
        const auto csv = reader.state().files.take(d.csv, max_data_file, csv_error);
        const std::string yaml_rel = relative_name(d.yaml, files.root), csv_rel = relative_name(d.csv, files.root);
        if (!yaml) read.diags.error({yaml_rel, 1, 1}, read_error_message(yaml_error, max_text_file));
        if (!csv) read.diags.error({csv_rel, 1, 1}, read_error_message(csv_error, max_data_file));
        if (!yaml || !csv) continue;
        auto table = read_data_table(d.slug, yaml_rel, *yaml, csv_rel, *csv, slugs, config.suppression.threshold,
                                     config.suppression.staff_threshold, read.diags, files.unreadable_schools);
        if (!table) continue;
        // The commentary is Markdown on the page: its links are checked as
        // a Markdown file's are (a javascript: address is removed, and said).
        if (!table->spec.commentary.empty())
            check_markdown(table->spec.commentary, yaml_rel, table->spec.commentary_at.line, reader.unsafe(), read.diags);
        tables.push_back(std::move(*table));
    }
    read.value = publish_tables(tables, read.diags, slugs);
    diags.append(read.diags);
    std::vector<PublishedTable> published = *read.value;
    if (reader.state().keep) reader.fresh().published = std::move(read);
    return published;
}

// A school read from the cache is only good while its logo is still there.
bool logo_still_there(const School& s, const SchoolFiles& files, const fs::path& root) {
    if (!s.logo) return true;
    return check_site_path(root / from_utf8(files.folder) / from_utf8(*s.logo), root).kind == EntryKind::file;
}

std::size_t files_in(const SchoolFiles& sf) {
    return sf.objectives.size() + (sf.index ? 1 : 0) + (sf.accessibility_plan ? 1 : 0);
}

// One school's index.md, objectives and accessibility plan, read together
// on a worker thread.
SchoolFolderRead read_school_folder(const SiteFiles& files, std::size_t s, Reader& reader) {
    SchoolFolderRead r;
    const SchoolFiles& sf = files.schools[s];
    r.folder = sf.folder;
    r.files = files_in(sf);
    r.unsafe_html = reader.unsafe();
    // Whether a file just read is reached through a link (FileStore::linked).
    auto note_link = [&](const fs::path& file) { r.linked = r.linked || reader.state().files.linked(file); };
    std::optional<School> school;
    if (sf.index) {
        auto parse = [&](const Document& doc, Diagnostics& d) { return read_school(sf, &doc, files.root, d); };
        Diagnostics first;
        school = reader.markdown(&ModelCache::schools, *sf.index, "", parse, first, r.index_digest);
        if (school && !logo_still_there(*school, sf, files.root)) {
            // Read it again, so the missing logo is reported.
            Diagnostics again;
            const std::string rel = relative_name(*sf.index, files.root);
            reader.forget(&ModelCache::schools, rel);
            school = reader.markdown(&ModelCache::schools, *sf.index, "", parse, again, r.index_digest);
            first = std::move(again);
        }
        r.diags.append(first);
        note_link(*sf.index);
    }
    r.school = school ? std::move(*school) : read_school(sf, nullptr, files.root, r.diags);
    for (const auto& file : sf.objectives) {
        const std::string rel = relative_name(file, files.root);
        const std::string slug = stem_of(file_name_of(rel));
        Digest d;
        auto parse = [&](const Document& doc, Diagnostics& diags) { return read_objective(doc, slug, s, diags); };
        auto o = reader.uncached<Objective>(file, rel, parse, r.diags, d);
        note_link(file);  // known once the file store has looked at it
        if (o) {
            r.objectives.push_back(std::move(*o));
            r.objective_digests.push_back(d);
        }
    }
    if (sf.accessibility_plan) {
        const std::string whose = r.school.name;
        auto parse = [&](const Document& doc, Diagnostics& d) { return read_accessibility_plan(doc, whose, d); };
        r.school.accessibility_plan =
            reader.markdown(&ModelCache::plans, *sf.accessibility_plan, whose, parse, r.diags, r.plan_digest);
        note_link(*sf.accessibility_plan);
    }
    return r;
}

// Whether the preview may take `cached`, the last read of school folder
// `sf`, as it is: nothing under the folder was reported changed, it was
// read the same way from the same files, all of its files were watched
// where they are, it had no error (an error may come from outside the
// folder), its logo is still there, and its objectives are back (or kept
// together: lend_back()).
bool still_good(const SchoolFolderRead& cached, const SchoolFiles& sf, Reader& reader) {
    return (!cached.lent || cached.in_kept) && !cached.linked && !cached.diags.has_errors() &&
           cached.unsafe_html == reader.unsafe() && cached.files == files_in(sf) &&
           !reader.state().files.reported_under(sf.folder) &&
           logo_still_there(cached.school, sf, reader.root());
}

// Every school folder's read, in listing order, on `jobs` threads: taken
// from the preview's cache where still good, else read into `fresh`
// (which has a slot for each school, so the model is the same whatever
// the number of threads).
std::vector<SchoolFolderRead*> read_schools(const SiteFiles& files, unsigned jobs, Reader& reader,
                                            std::vector<std::optional<SchoolFolderRead>>& fresh) {
    std::vector<SchoolFolderRead*> reads(files.schools.size(), nullptr);
    fresh.assign(files.schools.size(), std::nullopt);
    auto& cached = reader.old().school_folders;  // only looked up while the threads run
    const bool keep = reader.state().keep;
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i = next++; i < reads.size(); i = next++) {
            const SchoolFiles& sf = files.schools[i];
            if (keep)
                if (const auto it = cached.find(sf.folder); it != cached.end() && still_good(it->second, sf, reader)) {
                    reads[i] = &it->second;
                    continue;
                }
            fresh[i] = read_school_folder(files, i, reader);
            reads[i] = &*fresh[i];
        }
    };
    const unsigned threads = std::min<unsigned>(jobs ? jobs : std::max(1u, std::thread::hardware_concurrency()),
                                                static_cast<unsigned>(std::max<std::size_t>(1, reads.size())));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    if (!keep) return reads;
    // The preview keeps what it read for next time, and drops the folders
    // that are gone. Entries stay where they are (ModelState::lent_schools).
    for (std::size_t i = 0; i < reads.size(); ++i)
        if (fresh[i]) reads[i] = &(cached[files.schools[i].folder] = std::move(*fresh[i]));
    if (cached.size() > reads.size()) {
        std::unordered_set<std::string_view> listed;
        for (const auto& sf : files.schools) listed.insert(sf.folder);
        std::erase_if(cached, [&](const auto& entry) { return !listed.count(entry.first); });
    }
    return reads;
}

// Moves every school's objectives into the model, after the trust's,
// school by school, and records where each school's came from
// (ModelState::lent_schools). When the schools are the folders of the last
// model in the same order, the last model's objectives (ModelState::kept)
// are taken back whole and only the folders read again are replaced in
// them: at 2 000 schools, moving 16 000 objectives out to their folders and
// back in took a seventh of an edit's rebuild.
bool take_school_objectives(const SiteFiles& files, const std::vector<SchoolFolderRead*>& reads, Reader& reader,
                            std::vector<Objective>& objectives, std::vector<Digest>& digests) {
    ModelState& state = reader.state();
    const std::size_t trust = objectives.size();
    auto& last = state.lent_schools;
    bool in_place = state.keep && state.kept_trust == trust && last.size() == reads.size();
    for (std::size_t s = 0; in_place && s < reads.size(); ++s)
        in_place = last[s].folder == reads[s] && last[s].name == files.schools[s].folder &&
                   (reads[s]->in_kept || reads[s]->objectives.size() == last[s].count);
    std::size_t total = trust;
    for (const auto& l : last) total += l.count;
    in_place = in_place && state.kept.size() == total;

    if (in_place) {
        std::vector<Objective> all = std::move(state.kept);
        std::move(objectives.begin(), objectives.end(), all.begin());
        std::size_t at = trust;
        for (SchoolFolderRead* r : reads) {
            if (!r->in_kept)  // read again: its objectives replace those it had
                std::move(r->objectives.begin(), r->objectives.end(), all.begin() + static_cast<std::ptrdiff_t>(at));
            at += r->objective_digests.size();
        }
        objectives = std::move(all);
    } else {
        // Each kept school's objectives back to its folder's read, if that
        // is still in the cache and was not read again.
        auto& cached = reader.old().school_folders;
        std::size_t at = state.kept_trust;
        for (const auto& l : last) {
            const auto it = cached.find(l.name);
            if (it != cached.end() && it->second.in_kept && at + l.count <= state.kept.size()) {
                const auto from = state.kept.begin() + static_cast<std::ptrdiff_t>(at);
                it->second.objectives.assign(std::make_move_iterator(from),
                                             std::make_move_iterator(from + static_cast<std::ptrdiff_t>(l.count)));
                it->second.in_kept = false;
                it->second.lent = false;
            }
            at += l.count;
        }
        for (std::size_t s = 0; s < reads.size(); ++s)
            if (reads[s]->in_kept)  // never (all kept were given back above), but its objectives must not be lost
                *reads[s] = read_school_folder(files, s, reader);
        std::size_t count = trust;
        for (const SchoolFolderRead* r : reads) count += r->objectives.size();
        objectives.reserve(count);  // each is moved once, not again as the list grows
        for (std::size_t s = 0; s < reads.size(); ++s) {
            for (auto& o : reads[s]->objectives) {
                o.school = s;  // the school's position may have changed since it was read
                objectives.push_back(std::move(o));
            }
        }
    }
    state.kept.clear();
    last.clear();
    for (std::size_t s = 0; s < reads.size(); ++s) {
        SchoolFolderRead& r = *reads[s];
        r.objectives.clear();
        r.in_kept = false;
        r.lent = true;
        digests.insert(digests.end(), r.objective_digests.begin(), r.objective_digests.end());
        if (state.keep) last.push_back({&r, files.schools[s].folder, r.objective_digests.size()});
    }
    state.kept_trust = trust;
    return in_place;
}

// The review of every school's dates (review_dates()), taking from the
// last rebuild's review each school whose folder was taken whole when
// nothing else it depends on changed: the schools are in the same places,
// with their objectives in the same places (`in_place`), and the settings,
// the day and the trust's objectives (`trust_print`) are the same. The
// trust's own review is always made again.
std::vector<ReviewGroup> review_again(const Site& site, ModelState& state, bool in_place, const Digest& trust_print,
                                      const std::vector<std::optional<SchoolFolderRead>>& fresh) {
    const std::size_t schools = site.schools.unrecorded().size();
    std::vector<ReviewGroup> last = std::move(state.review);
    state.review.clear();
    const bool reuse = state.keep && in_place && state.review_print == trust_print && last.size() == schools + 1;
    std::vector<ReviewGroup> groups;
    groups.reserve(schools + 1);
    groups.push_back(review_trust(site));
    for (std::size_t s = 0; s < schools; ++s)
        groups.push_back(reuse && !fresh[s] ? std::move(last[s + 1]) : review_school(site, s));
    state.review_print = trust_print;
    return groups;
}

// What the model was made from, for the input fingerprints.
struct ReadDigests {
    Digest config, home, trust_plan, tables;
    std::vector<Digest> policy, statutory, objectives, school_index, school_plan;
};

// Gives each part of the site a page can read its input id and fingerprint
// (model/recorded.hpp). A fingerprint covers everything a reader of that
// part sees: a school's covers its index.md, its plan, and which
// objectives and tables it has.
void assign_inputs(Site& site, const ReadDigests& read, InputNames& names) {
    auto set = [&](auto& part, const std::string& name, const Digest& print) {
        part.id = names.id(name);
        site.inputs.set(part.id, print);
    };
    set(site.config, "config", read.config);
    set(site.today, "today", digest_of(site.today.unrecorded().iso()));
    set(site.home, "home", read.home);
    Digest policy{};
    for (const auto& d : read.policy) policy = combine(policy, d);
    set(site.policy, "policy", policy);
    set(site.accessibility_plan, "trust-plan", read.trust_plan);
    Digest statutory{};
    for (const auto& d : read.statutory) statutory = combine(statutory, d);
    set(site.statutory, "statutory", statutory);
    set(site.tables, "tables", read.tables);
    const SiteSummary& summary = site.summary.unrecorded();
    std::string figures = std::to_string(summary.schools_with_own_objectives) + (summary.any_exclusions ? "x" : "-") +
                          std::to_string(summary.trust_objectives) + " " + std::to_string(summary.overdue_objectives) +
                          " " + std::to_string(summary.overdue_actions) + " " +
                          (summary.last_updated ? summary.last_updated->iso() : "none");
    for (std::size_t n : summary.review_counts) figures += " " + std::to_string(n);
    set(site.summary, "summary", digest_of(figures));

    auto& objectives = site.objectives.edit();
    auto& objective_ids = site.objectives.item_ids();
    objective_ids.clear();
    // Each objective's file name, digested once: the lists below fold in
    // the names of their members (a national trust has 100 000).
    std::vector<Digest> named(objectives.size());
    Digest all_objectives = digest_of(std::to_string(objectives.size()));
    for (std::size_t i = 0; i < objectives.size(); ++i) {
        if (!objectives[i].input) objectives[i].input = names.id("objective:" + objectives[i].source);
        const InputId id = *objectives[i].input;
        objective_ids.push_back(id);
        site.inputs.set(id, read.objectives[i]);
        named[i] = digest_of(objectives[i].source);
        all_objectives = combine(combine(all_objectives, named[i]), read.objectives[i]);
    }
    site.objectives.id = names.id("objectives");
    site.inputs.set(site.objectives.id, all_objectives);
    Digest objective_names = digest_of(std::to_string(objectives.size()));
    for (const Digest& name : named) objective_names = combine(objective_names, name);
    site.objective_names = names.id("objective-names");
    site.inputs.set(site.objective_names, objective_names);

    const auto& schools = site.schools.unrecorded();
    auto& school_ids = site.schools.item_ids();
    school_ids.clear();
    Digest all_schools = digest_of(std::to_string(schools.size()));
    for (std::size_t s = 0; s < schools.size(); ++s) {
        const School& school = schools[s];
        Digest print = combine(combine(read.school_index[s], read.school_plan[s]), school.slug);
        for (std::size_t o : school.objectives) print = combine(print, named[o]);
        for (const auto& t : school.tables) print = combine(print, std::to_string(t.table) + "/" + std::to_string(t.grid));
        const InputId id = names.id("school:" + school.slug);
        school_ids.push_back(id);
        site.inputs.set(id, print);
        all_schools = combine(all_schools, print);
    }
    site.schools.id = names.id("schools");
    site.inputs.set(site.schools.id, all_schools);

    auto index_print = [&](const std::vector<std::size_t>& members) {
        Digest d = digest_of(std::to_string(members.size()));
        for (std::size_t o : members) d = combine(d, named[o]);
        return d;
    };
    for (std::size_t i = 0; i < aim_count; ++i)
        set(site.by_aim[i], "by-aim:" + std::string(slug(static_cast<Aim>(i))), index_print(site.by_aim[i].unrecorded()));
    for (std::size_t i = 0; i < status_filters.size(); ++i)
        set(site.by_status[i], "by-status:" + std::string(status_filters[i]), index_print(site.by_status[i].unrecorded()));
    for (std::size_t i = 0; i < characteristic_count; ++i)
        set(site.by_characteristic[i], "by-characteristic:" + std::string(slug(static_cast<Characteristic>(i))),
            index_print(site.by_characteristic[i].unrecorded()));
}

}  // namespace

Site build_model(const SiteFiles& files, const ModelOptions& options, ModelState& state, Diagnostics& diags) {
    Site site;
    site.root = files.root;
    ReadDigests digests;
    // site.yaml first: whether raw HTML is allowed changes how Markdown is checked.
    SiteConfig config = read_site_config(files, state, diags, digests.config);
    Reader reader(state, files.root, config.markdown.unsafe_html);

    const Date today = config.today ? *config.today : options.today ? *options.today : today_from_clock();
    site.today.edit() = today;
    digests.config = combine(digests.config, today.iso());
    site.config.edit() = std::move(config);

    if (files.trust_index)
        if (auto t = reader.markdown(&ModelCache::texts, *files.trust_index, "", read_text, diags, digests.home))
            site.home.edit() = std::move(*t);
    site.policy.edit() = read_policy(files, reader, diags, digests.policy);

    auto& objectives = site.objectives.edit();
    std::vector<CachedEntry<Objective>*> lent_from;  // in step with `objectives`
    for (const auto& file : files.trust_objectives) {
        const std::string rel = relative_name(file, files.root);
        const std::string slug = stem_of(file_name_of(rel));
        auto parse = [&](const Document& doc, Diagnostics& d) { return read_objective(doc, slug, std::nullopt, d); };
        Digest d;
        CachedEntry<Objective>* from = nullptr;
        if (auto o = reader.markdown(&ModelCache::objectives, file, rel, "", parse, diags, d, &from)) {
            objectives.push_back(std::move(*o));
            digests.objectives.push_back(d);
            lent_from.push_back(from);
        }
    }
    const std::size_t trust_count = objectives.size();
    if (files.trust_accessibility_plan) {
        const std::string whose = site.config.unrecorded().trust.name;
        auto parse = [&](const Document& doc, Diagnostics& d) { return read_accessibility_plan(doc, whose, d); };
        site.accessibility_plan.edit() = reader.markdown(&ModelCache::plans, *files.trust_accessibility_plan, whose,
                                                         parse, diags, digests.trust_plan);
    }
    std::vector<std::optional<SchoolFolderRead>> fresh;
    const auto reads = read_schools(files, options.jobs, reader, fresh);
    const bool in_place = take_school_objectives(files, reads, reader, objectives, digests.objectives);
    for (std::size_t s = 0; s < reads.size(); ++s) {
        // The folder's read keeps its school as read: the merge adds to the model's copy.
        const SchoolFolderRead& r = *reads[s];
        site.schools.edit().push_back(r.school);
        digests.school_index.push_back(r.index_digest);
        digests.school_plan.push_back(r.plan_digest);
        diags.append(r.diags);
    }
    merge_objectives(site, trust_count, diags);

    site.tables.edit() = read_tables(files, site, reader, diags, digests.tables);
    const auto& tables = site.tables.unrecorded();
    for (std::size_t t = 0; t < tables.size(); ++t)
        for (std::size_t g = 0; g < tables[t].schools.size(); ++g)
            site.schools.edit()[*tables[t].schools[g].school].tables.push_back({t, g});
    // The built-in texts, each replaced by the site's file of the same name if it has one.
    site.statutory.edit() = read_statutory(files, diags, [&](const fs::path& file, Diagnostics& d) {
        Digest digest;
        auto text = reader.markdown(&ModelCache::texts, file, "", read_text, d, digest);
        digests.statutory.push_back(digest);
        return text;
    });
    collect_copied_files(files, site, diags);
    // Without a readable site.yaml every date would be "missing": the
    // error about site.yaml says all there is to say.
    Digest trust_print = combine(digests.config, std::to_string(trust_count));
    for (std::size_t i = 0; i < trust_count; ++i) trust_print = combine(trust_print, digests.objectives[i]);
    auto groups = review_again(site, state, in_place, trust_print, fresh);
    if (site.config.unrecorded().read) warn_review(site, groups, diags);
    site.summary.edit() = summarise(site, groups);
    if (state.keep) state.review = std::move(groups);
    site.summary.edit().last_updated = site_lastmod(site, today);
    assign_inputs(site, digests, state.names);
    state.lent_from = std::move(lent_from);  // valid after the Reader's end: entries move as nodes
    return site;
}

void lend_back(Site& previous, ModelState& state) {
    auto& objectives = previous.objectives.edit();
    std::size_t expected = state.lent_from.size();
    for (const auto& l : state.lent_schools) expected += l.count;
    if (objectives.size() != expected) {  // never: but then nothing is given back, and all is read again
        objectives.clear();
        state.lent_from.clear();
        state.lent_schools.clear();
        return;
    }
    // The trust's objectives, each to its cache entry.
    for (std::size_t i = 0; i < state.lent_from.size(); ++i) {
        Objective& o = objectives[i];
        CachedEntry<Objective>* entry = state.lent_from[i];
        if (!entry || entry->first != o.source) {  // not recorded, or not this model's
            const auto it = state.cache.objectives.find(o.source);
            if (it == state.cache.objectives.end()) continue;
            entry = &*it;
        }
        if (entry->second.lent && !entry->second.value) entry->second.value = std::move(o);
    }
    // The schools' objectives stay together, for the next model to take
    // back (take_school_objectives()).
    state.kept = std::move(objectives);
    state.kept_trust = state.lent_from.size();
    for (const auto& l : state.lent_schools) l.folder->in_kept = l.folder->lent && l.folder->objectives.empty();
    objectives.clear();
    state.lent_from.clear();
}

Site load_site(const fs::path& root, const ModelOptions& options, Diagnostics& diags) {
    ModelState state(root, false);
    return build_model(find_site_files(root, diags), options, state, diags);
}

}  // namespace eqsite
