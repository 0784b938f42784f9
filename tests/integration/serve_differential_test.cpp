// The preview server's incremental rebuild against the truth (issue 11):
// seeded random sequences of edits of every kind of input are applied to a
// copy of site-example; after each, what the preview serves must be
// byte-for-byte what a clean build of the same content writes, file for
// file. An edit that breaks the site must leave what is served unchanged.
//
// EQSITE_EDITS_SEED replays a run; EQSITE_EDITS_COUNT changes its length;
// EQSITE_EDITS_TRACE prints each edit and what the rebuild did. Every
// error an edit makes is fixed by the next one, so any seed must pass.
#include <catch2/catch.hpp>

#include <iostream>

#include <cstdlib>
#include <map>
#include <mutex>
#include <random>
#include <set>

#include "integration/run.hpp"
#include "pipeline/pipeline.hpp"
#include "serve/preview_site.hpp"
#include "util/files.hpp"
#include "write/output_folder.hpp"

using namespace eqsite;
using namespace eqsite::test;

namespace {

using Files = std::map<std::string, std::string>;

// Keeps every file a build writes, in memory.
class MemorySink : public OutputSink {
public:
    bool write(const std::string& path, std::string_view bytes) override {
        std::lock_guard lock(mutex_);
        files[path] = std::string(bytes);
        return true;
    }
    bool copy(const std::string& path, const fs::path& from) override {
        auto bytes = eqsite::read_file(from);
        if (!bytes) return false;
        return write(path, *bytes);
    }
    Files files;

private:
    std::mutex mutex_;
};

const Date today{2026, 9, 1};

// A clean build of the site as it is now; nullopt if it has errors.
std::optional<Files> clean_build(const fs::path& site) {
    Pipeline p({site, today, 2, std::nullopt, false, {}});
    p.load();
    if (!p.ok()) return std::nullopt;
    MemorySink sink;
    p.write_all(sink);
    if (!p.ok()) return std::nullopt;
    return sink.files;
}

// A copy of site-example in `dir`, without a built output.
fs::path example_site(const TempDir& dir) {
    const fs::path site = dir.path() / "site";
    fs::copy(source_dir() / "site-example", site, fs::copy_options::recursive);
    fs::remove_all(site / "public");
    return site;
}

Files served(const PreviewSite& preview) {
    Files out;
    for (const auto& path : preview.files().paths()) {
        auto found = preview.files().find(path);
        REQUIRE(found);
        out[path] = found->bytes ? *found->bytes : eqsite::read_file(found->file).value_or("<unreadable>");
    }
    return out;
}

// Where two sets of files differ, in words, for the failure message.
std::string difference(const Files& got, const Files& want) {
    std::string out;
    for (const auto& [path, bytes] : want) {
        const auto it = got.find(path);
        if (it == got.end()) out += "  missing: " + path + "\n";
        else if (it->second != bytes) out += "  differs: " + path + "\n";
    }
    for (const auto& [path, bytes] : got)
        if (!want.count(path)) out += "  extra: " + path + "\n";
    return out.size() > 2000 ? out.substr(0, 2000) + "  ...\n" : out;
}

std::string rel(const fs::path& p, const fs::path& root) { return p.lexically_relative(root).generic_string(); }

// One random edit of the site; returns the paths it touched (as the
// watcher reports them) and a description.
class Editor {
public:
    Editor(fs::path root, unsigned seed) : root_(std::move(root)), rng_(seed) {}

    struct Edit {
        std::string what;
        std::vector<std::string> paths;
        bool breaks = false;  // the site has an error afterwards
    };

    Edit next() {
        // A pending error is fixed first, so the site is mostly valid.
        if (broken_) return fix();
        switch (pick(14)) {
            case 0: return edit_text(files_under("content/trust/policy", ".md"), "policy section");
            case 1: return edit_objective(files_under("content/trust/objectives", ".md"));
            case 2: return edit_objective(files_under("content/schools", ".md", "/objectives/"));
            case 3: return edit_school_index();
            case 4: return add_or_remove_objective();
            case 5: return edit_data();
            case 6: return edit_theme();
            case 7: return edit_static();
            case 8: return edit_site_yaml();
            case 9: return add_or_remove_school();
            case 10: return rename_file();
            case 11: return edit_text(files_under("content/schools", "accessibility-plan.md"), "accessibility plan");
            case 12: return edit_statutory();
            default: return break_a_file();
        }
    }

private:
    std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_); }
    std::string token() { return "edit " + std::to_string(++count_); }

    std::vector<fs::path> files_under(const std::string& dir, const std::string& ending, const std::string& inside = "") {
        std::vector<fs::path> out;
        std::error_code ec;
        if (!fs::is_directory(root_ / dir, ec)) return out;
        for (const auto& e : fs::recursive_directory_iterator(root_ / dir))
            if (e.is_regular_file() && e.path().string().ends_with(ending) &&
                e.path().string().find(inside) != std::string::npos &&
                e.path().filename().string().front() != '.' && e.path().filename().string().front() != '_')
                out.push_back(e.path());
        std::sort(out.begin(), out.end());
        return out;
    }

    // Whether another content file mentions this file's name (its slug).
    bool named_elsewhere(const fs::path& file) {
        const std::string slug = file.stem().string();
        for (const auto& other : files_under("content", ".md"))
            if (other != file && read(other).find(slug) != std::string::npos) return true;
        return false;
    }

    Edit touched(std::string what, const fs::path& file) { return {std::move(what), {rel(file, root_)}}; }

    // Appends a sentence to a Markdown body, or changes the title.
    Edit edit_text(const std::vector<fs::path>& files, const std::string& kind) {
        if (files.empty()) return edit_site_yaml();
        const fs::path& f = files[pick(files.size())];
        std::string text = read(f);
        if (pick(2) == 0) {
            text += "\nA new sentence (" + token() + ").\n";
        } else if (auto at = text.find("\ntitle: "); at != std::string::npos) {
            const auto end = text.find('\n', at + 1);
            text.replace(at, end - at, "\ntitle: A new title (" + token() + ")");
        }
        write(f, text);
        return touched("edit " + kind + " " + rel(f, root_), f);
    }

    Edit edit_objective(const std::vector<fs::path>& files) {
        if (files.empty()) return add_or_remove_objective();
        const fs::path& f = files[pick(files.size())];
        std::string text = read(f);
        // A due date in the past comes with an early start, so the edit
        // never leaves the objective due before it starts (an error no
        // later edit would fix, whatever the seed).
        static const std::vector<std::vector<std::string>> changes = {
            {"status: achieved"}, {"status: at-risk"}, {"due: 2021-07-31", "start: 2020-09"}, {"due: 2029-07"},
            {"start: 2020-09"}, {"characteristics: [all]"}, {"characteristics: [race, sex]"},
            {"aims: [eliminate-discrimination]"}, {"about: staff"}, {"owner: [Someone new]"}};
        const auto& lines = changes[pick(changes.size())];
        bool set_all = true;
        for (const auto& line : lines) set_all = set_setting(text, line) && set_all;
        if (!set_all) text += "\nMore words (" + token() + ").\n";
        write(f, text);
        return touched((set_all ? "set " + lines.front() + " in " : "edit objective ") + rel(f, root_), f);
    }

    // Replaces a front-matter setting if it is there, else adds it; false
    // when it is there in block form (a list over several lines), which
    // is left alone.
    static bool set_setting(std::string& text, const std::string& line) {
        const auto end = text.find("\n---", 3);
        const std::string key = line.substr(0, line.find(':') + 1);
        const auto at = text.find("\n" + key);
        if (at == std::string::npos || at > end) {
            text.insert(end, "\n" + line);
            return true;
        }
        const auto line_end = text.find('\n', at + 1);
        if (line_end == std::string::npos || text.compare(line_end + 1, 2, "  ") == 0) return false;
        text.replace(at + 1, line_end - at - 1, line);
        return true;
    }

    Edit edit_school_index() {
        const auto files = files_under("content/schools", "index.md");
        if (files.empty()) return add_or_remove_school();
        const fs::path& f = files[pick(files.size())];
        std::string text = read(f);
        switch (pick(4)) {
            case 0: {
                const auto at = text.find("\nname: ");
                const auto end = text.find('\n', at + 1);
                text.replace(at, end - at, "\nname: Renamed School " + std::to_string(count_ + 1));
                ++count_;
                break;
            }
            case 1: text.insert(text.find("\n---", 3), "\ninformation_updated: 2025-0" + std::to_string(1 + pick(9))); break;
            case 2: text += "\nMore about the school (" + token() + ").\n"; break;
            default:
                if (auto at = text.find("\nobjectives_published:"); at != std::string::npos)
                    text.erase(at, text.find('\n', at + 1) - at);
                else
                    text.insert(text.find("\n---", 3), "\nobjectives_published: 2023-0" + std::to_string(1 + pick(9)));
        }
        if (text.find("information_updated:") != text.rfind("information_updated:")) text = read(f);  // set twice: skip
        write(f, text);
        return touched("edit school " + rel(f, root_), f);
    }

    Edit add_or_remove_objective() {
        const auto trust = files_under("content/trust/objectives", ".md");
        const auto schools = files_under("content/schools", ".md", "/objectives/");
        if (pick(2) == 0 && !schools.empty()) {
            const fs::path& f = pick(2) ? schools[pick(schools.size())] : (trust.empty() ? schools[0] : trust[pick(trust.size())]);
            // Deleting a file another names (a school leaving out a trust
            // objective) is an error no later edit fixes: add one instead.
            if (named_elsewhere(f)) return add_objective();
            fs::remove(f);
            return touched("delete " + rel(f, root_), f);
        }
        return add_objective();
    }

    Edit add_objective() {
        const auto dirs = files_under("content/schools", "index.md");
        fs::path dir = root_ / "content/trust/objectives";
        if (pick(2) == 0 && !dirs.empty()) dir = dirs[pick(dirs.size())].parent_path() / "objectives";
        const fs::path f = dir / ("added-" + std::to_string(++count_) + ".md");
        write(f, objective("An added objective " + std::to_string(count_),
                           "status: on-track\ndue: 2028-07-31\nabout: pupils\n"));
        return touched("add " + rel(f, root_), f);
    }

    Edit edit_data() {
        const auto csvs = files_under("data", ".csv");
        if (csvs.empty()) return edit_site_yaml();
        const fs::path& csv = csvs[pick(csvs.size())];
        if (pick(3) == 0) {
            fs::path yaml = csv;
            yaml.replace_extension(".yaml");
            std::string text = read(yaml);
            const auto at = text.find("title: ");
            text.replace(at, text.find('\n', at) - at, "title: A retitled table (" + token() + ")");
            write(yaml, text);
            return touched("retitle " + rel(yaml, root_), yaml);
        }
        // Change one figure by one (counts stay whole; a numerator stays
        // within its denominator by lowering it, or raising a denominator).
        std::string text = read(csv);
        std::vector<std::size_t> line_starts;
        for (std::size_t i = text.find('\n'); i != std::string::npos && i + 1 < text.size(); i = text.find('\n', i + 1))
            line_starts.push_back(i + 1);
        const std::size_t start = line_starts[pick(line_starts.size())];
        const std::size_t end = text.find('\n', start);
        std::string line = text.substr(start, end - start);
        const auto last_comma = line.rfind(',');
        std::string figure = line.substr(last_comma + 1);
        if (figure.empty() || figure.find_first_not_of("0123456789") != std::string::npos)
            return touched("touch " + rel(csv, root_), csv);  // a value or symbol: leave it
        line.replace(last_comma + 1, std::string::npos, std::to_string(std::stoll(figure) + 1));
        text.replace(start, end - start, line);
        write(csv, text);
        return touched("change a figure in " + rel(csv, root_), csv);
    }

    Edit edit_theme() {
        const fs::path home = root_ / "theme/templates/home.mustache";
        const fs::path partial = root_ / "theme/partials/site-footer.mustache";
        const fs::path css = root_ / "theme/assets/extra.css";
        switch (pick(4)) {
            case 0:
                if (fs::exists(home)) {
                    fs::remove(home);
                    return touched("remove the home template override", home);
                }
                write(home, "<h1>{{title}}</h1>\n{{{intro_html}}}\n<p>Overridden home (" + token() + ").</p>\n");
                return touched("override the home template", home);
            case 1:
                if (fs::exists(partial)) {
                    fs::remove(partial);
                    return touched("remove the footer override", partial);
                }
                write(partial, "<footer class=\"site-footer\"><p><a href=\"{{accessibility_href}}\">Accessibility "
                               "statement</a> (" + token() + ")</p></footer>\n");
                return touched("override the footer partial", partial);
            default:
                write(css, "/* " + token() + " */\nbody { margin: 0; }\n");
                return touched("write a theme asset", css);
        }
    }

    Edit edit_static() {
        const fs::path f = root_ / "static" / ("note-" + std::to_string(pick(3)) + ".txt");
        if (fs::exists(f) && pick(2) == 0) {
            fs::remove(f);
            return touched("delete " + rel(f, root_), f);
        }
        write(f, "A static file (" + token() + ")\n");
        return touched("write " + rel(f, root_), f);
    }

    Edit edit_site_yaml() {
        const fs::path f = root_ / "site.yaml";
        std::string text = read(f);
        switch (pick(3)) {
            case 0: {
                const auto at = text.find("  name: ");
                text.replace(at, text.find('\n', at) - at, "  name: Marches Trust " + std::to_string(++count_));
                break;
            }
            case 1: {
                const auto at = text.find("information_updated: ");
                text.replace(at, text.find('\n', at) - at,
                             "information_updated: 2025-" + std::string(pick(2) ? "10" : "08") + "-15");
                break;
            }
            default:
                if (auto at = text.find("  title: "); at != std::string::npos)
                    text.erase(at, text.find('\n', at) - at + 1);
                else
                    text.insert(text.find("policy:\n") + 8, "  title: Equality Charter " + std::to_string(++count_) + "\n");
        }
        write(f, text);
        return touched("edit site.yaml", f);
    }

    Edit add_or_remove_school() {
        const fs::path added = root_ / "content/schools/added-school";
        if (fs::exists(added)) {
            fs::remove_all(added);
            return {"remove a school", {rel(added, root_), rel(added / "index.md", root_)}};
        }
        write(added / "index.md", "---\nname: Added School\nphase: primary\nobjectives_published: 2025-09\n---\nHello.\n");
        write(added / "objectives/first.md", objective("Its first objective", "status: on-track\ndue: 2028-07-31\n"));
        return {"add a school", {rel(added, root_), rel(added / "index.md", root_), rel(added / "objectives/first.md", root_)}};
    }

    Edit rename_file() {
        auto files = files_under("content/trust/policy", ".md");
        for (const auto& f : files_under("content/schools", ".md", "/objectives/")) files.push_back(f);
        if (files.empty()) return edit_site_yaml();
        const fs::path& from = files[pick(files.size())];
        if (named_elsewhere(from)) return edit_site_yaml();
        const fs::path to = from.parent_path() / ("renamed-" + std::to_string(++count_) + ".md");
        fs::rename(from, to);
        return {"rename " + rel(from, root_), {rel(from, root_), rel(to, root_)}};
    }

    Edit edit_statutory() {
        const fs::path f = root_ / "content/characteristics/race.md";
        if (fs::exists(f) && pick(2) == 0) {
            fs::remove(f);
            return touched("remove the race text override", f);
        }
        write(f, "---\ntitle: Race (our words " + token() + ")\n---\nWhat race means here.\n");
        return touched("override the race text", f);
    }

    Edit break_a_file() {
        const auto files = files_under("content/schools", ".md", "/objectives/");
        if (files.empty()) return edit_site_yaml();
        broken_ = files[pick(files.size())];
        saved_ = read(*broken_);
        write(*broken_, "---\ntitle: [unclosed\n---\n");
        Edit e = touched("break " + rel(*broken_, root_), *broken_);
        e.breaks = true;
        return e;
    }

    Edit fix() {
        write(*broken_, saved_);
        Edit e = touched("fix " + rel(*broken_, root_), *broken_);
        broken_.reset();
        return e;
    }

    fs::path root_;
    std::mt19937 rng_;
    int count_ = 0;
    std::optional<fs::path> broken_;
    std::string saved_;
};

unsigned env_or(const char* name, unsigned fallback) {
    const char* v = std::getenv(name);
    return v ? static_cast<unsigned>(std::strtoul(v, nullptr, 10)) : fallback;
}

}  // namespace

TEST_CASE("serve: after every one of 200 random edits, the preview serves exactly a clean build") {
    const unsigned seed = env_or("EQSITE_EDITS_SEED", 20261127);
    const unsigned edits = env_or("EQSITE_EDITS_COUNT", 200);
    TempDir dir;
    const fs::path site = example_site(dir);
    fs::create_directories(dir.path() / "work");
    PreviewSite preview({site, today, 2, std::nullopt, true, {}}, dir.path() / "work");
    REQUIRE(preview.rebuild().ok);
    Files last_good = served(preview);
    REQUIRE(last_good == *clean_build(site));

    Editor editor(site, seed);
    std::size_t incremental = 0, rendered = 0, broken = 0;
    for (unsigned i = 0; i < edits; ++i) {
        const Editor::Edit edit = editor.next();
        INFO("seed " << seed << ", edit " << i << ": " << edit.what);
        // Mostly what the watcher says; now and then only "something changed".
        Changes changes{edit.paths, false};
        if (i % 17 == 16) changes = {{}, true};
        const PreviewSite::Report report = preview.rebuild(changes);
        if (std::getenv("EQSITE_EDITS_TRACE"))  // to see what each edit cost, when a seed fails
            std::cerr << i << " " << edit.what << ": full " << report.full << ", pages " << report.pages_rendered
                      << ", ok " << report.ok << "\n";
        const auto truth = clean_build(site);
        CHECK(report.ok == truth.has_value());
        const Files now = served(preview);
        if (!truth) {
            ++broken;
            INFO("an edit with errors must leave the last good build served\n" << difference(now, last_good));
            CHECK(now == last_good);
            continue;
        }
        INFO("served after the edit differs from a clean build:\n" << difference(now, *truth));
        REQUIRE(now == *truth);
        last_good = now;
        if (!report.full) {
            ++incremental;
            rendered += report.pages_rendered;
        }
    }
    // The run did exercise the incremental path, with errors among the edits.
    CHECK(incremental > edits / 2);
    CHECK(broken > 0);
    INFO("pages rendered per incremental rebuild: " << (incremental ? rendered / incremental : 0));
    CHECK(rendered < incremental * 40);  // far fewer than the ~70 pages of the site
}

namespace {
// The routes a rebuild after `edit` would render, on a copy of site-example.
std::set<std::string> rerendered_after(const std::function<void(const fs::path& site)>& edit,
                                       const std::string& edited) {
    TempDir dir;
    const fs::path site = example_site(dir);
    Pipeline pipeline({site, today, 2, std::nullopt, true, {}});
    pipeline.load({{}, true});
    REQUIRE(pipeline.ok());
    FolderSink sink(dir.path() / "out");
    pipeline.write_all(sink);
    edit(site);
    pipeline.load({{edited}, false});
    REQUIRE(pipeline.ok());
    std::set<std::string> routes;
    for (std::size_t i : pipeline.changes().pages) routes.insert(pipeline.pages()[i].route);
    return routes;
}
}  // namespace

TEST_CASE("serve: an edit of a school's objective re-renders the home page only when its summary changes") {
    const std::string edited = "content/schools/meadowside-school/objectives/communication-passports.md";
    // More words: the objective's pages change, the trust's summary does not.
    const auto words = rerendered_after([&](const fs::path& site) {
        write(site / edited, read(site / edited) + "\nOne more sentence.\n");
    }, edited);
    CHECK(words.count("/schools/meadowside-school/") == 1);
    CHECK(words.count("/") == 0);
    // Overdue now: the home page's count of overdue objectives changes.
    const auto overdue = rerendered_after([&](const fs::path& site) {
        std::string text = read(site / edited);
        text.replace(text.find("due: 2027-07-16"), 15, "due: 2026-07-16");
        write(site / edited, text);
    }, edited);
    CHECK(overdue.count("/schools/meadowside-school/") == 1);
    CHECK(overdue.count("/") == 1);
}

namespace {
enum class Link { symbolic, hard };

// Makes `name` another name for `target`: a symbolic link holding
// `relative` (the target as seen from name's folder), or a hard link.
// False, with a warning, where the file system cannot make that kind.
bool make_link(Link kind, const fs::path& target, const fs::path& relative, const fs::path& name) {
    std::error_code ec;
    if (kind == Link::symbolic) fs::create_symlink(relative, name, ec);
    else fs::create_hard_link(target, name, ec);
    if (ec) WARN("this file system cannot make this kind of link");
    return !ec;
}

// The theme's footer partial is another name for static/footer.mustache
// (a symbolic or a hard link). The watcher reports an edit under the
// name it was written through, never under theme/: the preview must
// still follow it.
void theme_partial_through_link_follows_edits(Link kind) {
    TempDir dir;
    const fs::path site = example_site(dir);
    const auto footer = [](const std::string& words) {
        return "<footer class=\"site-footer\"><p><a href=\"{{accessibility_href}}\">Accessibility statement</a> (" +
               words + ")</p></footer>\n";
    };
    write(site / "static/footer.mustache", footer("first words"));
    fs::create_directories(site / "theme/partials");
    const fs::path partial = site / "theme/partials/site-footer.mustache";
    if (!make_link(kind, site / "static/footer.mustache", "../../static/footer.mustache", partial)) return;
    fs::create_directories(dir.path() / "work");
    PreviewSite preview({site, today, 2, std::nullopt, true, {}}, dir.path() / "work");
    REQUIRE(preview.rebuild().ok);
    CHECK(served(preview).at("index.html").find("first words") != std::string::npos);
    // Written in place (a hard link's other name sees it too); reported under the name written.
    write(site / "static/footer.mustache", footer("second words"));
    REQUIRE(preview.rebuild({{"static/footer.mustache"}, false}).ok);
    const Files now = served(preview);
    CHECK(now.at("index.html").find("second words") != std::string::npos);
    CHECK(now == *clean_build(site));
}
}  // namespace

TEST_CASE("serve: a theme file that links to another file of the site follows that file's edits") {
    theme_partial_through_link_follows_edits(Link::symbolic);
}

// The preview plans its pages again only when what the plan reads changed
// (pipeline.hpp: Planned). Edits that add a page without renaming any
// objective must still be seen: a school with no objectives yet, and the
// first objective without a status (its status page appears).
TEST_CASE("serve: pages that appear without a new objective file are planned and served") {
    TempDir dir;
    const fs::path site = example_site(dir);
    fs::create_directories(dir.path() / "work");
    PreviewSite preview({site, today, 2, std::nullopt, true, {}}, dir.path() / "work");
    REQUIRE(preview.rebuild().ok);
    const std::size_t before = served(preview).size();

    fs::create_directories(site / "content/schools/new-school");
    write(site / "content/schools/new-school/index.md",
          "---\nname: New School\nurn: 150001\nphase: primary\nobjectives_published: 2026-09-01\n---\nA new school.\n");
    REQUIRE(preview.rebuild({{"content/schools/new-school"}, false}).ok);
    Files now = served(preview);
    CHECK(now.count("schools/new-school/index.html") == 1);
    CHECK(now.size() > before);
    CHECK(now == *clean_build(site));

    const std::string edited = "content/schools/meadowside-school/objectives/communication-passports.md";
    std::string text = read(site / edited);
    REQUIRE(text.find("status: on-track\n") != std::string::npos);
    text.erase(text.find("status: on-track\n"), 17);
    write(site / edited, text);
    const std::size_t files = now.size();
    REQUIRE(preview.rebuild({{edited}, false}).ok);
    now = served(preview);
    CHECK(now.size() == files + 1);  // the status page of objectives without a status
    CHECK(now == *clean_build(site));
}

TEST_CASE("serve: a theme file with another name in the site (a hard link) follows edits made through that name") {
    theme_partial_through_link_follows_edits(Link::hard);
}

namespace {
// One school's objective is another name (a symbolic or a hard link) for
// another school's objective file. An edit is reported only under the
// name it was written through, in the other school's folder: the preview,
// which takes unreported school folders from its cache whole, must still
// show the edit on both schools' objective pages.
void school_objective_through_link_follows_edits(Link kind) {
    TempDir dir;
    const fs::path site = example_site(dir);
    const std::string real = "content/schools/meadowside-school/objectives/communication-passports.md";
    const fs::path other = site / "content/schools/castlegate-academy/objectives/shared-passports.md";
    if (!make_link(kind, site / real, "../../meadowside-school/objectives/communication-passports.md", other)) return;
    fs::create_directories(dir.path() / "work");
    PreviewSite preview({site, today, 2, std::nullopt, true, {}}, dir.path() / "work");
    REQUIRE(preview.rebuild().ok);
    REQUIRE(served(preview) == *clean_build(site));
    write(site / real, read(site / real) + "\nA sentence written through one name only.\n");
    REQUIRE(preview.rebuild({{real}, false}).ok);
    const Files now = served(preview);
    CHECK(now.at("schools/castlegate-academy/objectives/shared-passports/index.html").find("written through one name only") !=
          std::string::npos);
    CHECK(now == *clean_build(site));
}
}  // namespace

TEST_CASE("serve: a school's objective that is a link to another school's follows that file's edits") {
    school_objective_through_link_follows_edits(Link::symbolic);
    school_objective_through_link_follows_edits(Link::hard);
}
