#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <thread>

#include "support.hpp"
#include "pipeline/build.hpp"
#include "write/output_folder.hpp"

using namespace eqsite;
using namespace eqsite::test;

TEST_CASE("dangerous output folders are refused") {
    TempDir dir;
    const fs::path site = dir.path() / "trust";
    write_minimal_site(site);
    CHECK_FALSE(refuse_output_folder(site, site / "public"));
    // Inside a folder every build reads: each build would publish the last.
    for (const char* read : {"static", "content", "data", "theme"}) {
        INFO(read);
        const auto why = refuse_output_folder(site, site / read / "out");
        REQUIRE(why);
        CHECK(why->find(std::string("inside the site's ") + read + "/ folder") != std::string::npos);
    }
    CHECK_FALSE(refuse_output_folder(site, dir.path() / "elsewhere"));
    REQUIRE(refuse_output_folder(site, site));
    CHECK(refuse_output_folder(site, site)->find("is the site folder itself") != std::string::npos);
    REQUIRE(refuse_output_folder(site, dir.path()));
    CHECK(refuse_output_folder(site, dir.path())->find("contains the site folder") != std::string::npos);
    CHECK(refuse_output_folder(site, site / "content" / ".."));  // the site itself, spelt differently
    write(dir.path() / "other/content/x.md", "x");
    REQUIRE(refuse_output_folder(site, dir.path() / "other"));
    CHECK(refuse_output_folder(site, dir.path() / "other")->find("contains a content/ folder") != std::string::npos);
    write(dir.path() / "documents/letter.txt", "precious");
    REQUIRE(refuse_output_folder(site, dir.path() / "documents"));
    CHECK(refuse_output_folder(site, dir.path() / "documents")->find("did not make") != std::string::npos);
#ifndef _WIN32
    // A link as the output (live -> real): the swap would replace the link,
    // and the folder it leads to would become the spare.
    fs::create_directories(dir.path() / "real");
    fs::create_directory_symlink(dir.path() / "real", dir.path() / "live");
    REQUIRE(refuse_output_folder(site, dir.path() / "live"));
    CHECK(refuse_output_folder(site, dir.path() / "live")->find("is a link to ") != std::string::npos);
    fs::create_directory_symlink(dir.path() / "nowhere", dir.path() / "dangling");
    REQUIRE(refuse_output_folder(site, dir.path() / "dangling"));
    CHECK(refuse_output_folder(site, dir.path() / "dangling")->find("is a link that leads nowhere") != std::string::npos);
#endif
}

namespace {

// The visible files of a folder (hidden siblings such as the spare are eqsite's own).
std::vector<std::string> visible(const fs::path& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir))
        if (!e.path().filename().string().starts_with(".")) out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("an output writer replaces the output only on commit") {
    TempDir dir;
    const fs::path out = dir.path() / "public";
    {
        OutputWriter first(out);
        REQUIRE(first.ok());
        REQUIRE(first.write("old.html", "old"));
        REQUIRE(first.commit());
    }
    {
        OutputWriter w(out);
        REQUIRE(w.ok());
        w.write("new.html", "new");
        // Not committed: the output is untouched.
    }
    CHECK(read_tree(out) == std::map<std::string, std::string>{{"old.html", "old"}, {".eqsite-output", read(out / ".eqsite-output")}});
    CHECK(read(out / ".eqsite-output").find(" old.html\n") != std::string::npos);
    {
        OutputWriter w(out);
        w.write("new.html", "new");
        REQUIRE(w.commit());
    }
    const auto tree = read_tree(out);
    CHECK(tree.count("new.html") == 1);
    CHECK(tree.count("old.html") == 0);
    CHECK(visible(dir.path()) == std::vector<std::string>{"public"});
}

TEST_CASE("a file whose bytes did not change keeps its file and modification time") {
    TempDir dir;
    const fs::path out = dir.path() / "public";
    {
        OutputWriter w(out);
        w.write("same.html", "same");
        w.write("changes.html", "one");
        REQUIRE(w.commit());
    }
    const auto same_time = fs::last_write_time(out / "same.html");
    const auto changes_time = fs::last_write_time(out / "changes.html");
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    for (const char* text : {"two", "three"}) {  // twice: the spare folder is reused the second time
        OutputWriter w(out);
        w.write("same.html", "same");
        w.write("changes.html", text);
        REQUIRE(w.commit());
    }
    CHECK(fs::last_write_time(out / "same.html") == same_time);
    CHECK(fs::last_write_time(out / "changes.html") != changes_time);
    CHECK(read(out / "changes.html") == "three");

    // A build that changes nothing leaves every file alone, the manifest too.
    const auto manifest_time = fs::last_write_time(out / output_marker);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    for (int i = 0; i < 2; ++i) {
        OutputWriter w(out);
        w.write("same.html", "same");
        w.write("changes.html", "three");
        REQUIRE(w.commit());
    }
    CHECK(fs::last_write_time(out / output_marker) == manifest_time);
    CHECK(fs::last_write_time(out / "changes.html") != changes_time);
}

TEST_CASE("files eqsite did not write are kept, and a build that would replace one is refused") {
    TempDir dir;
    const fs::path site = dir.path() / "trust";
    write_minimal_site(site);
    date_trust_objectives(site);
    BuildOptions options;
    options.site = site;
    options.out = site / "public/";  // a trailing slash is the same folder
    REQUIRE(build(options).status == BuildStatus::ok);
    write(site / "public/CNAME", "equality.example\n");
    write(site / "public/.git/HEAD", "ref: refs/heads/gh-pages\n");
    write(site / "public/google123.html", "verify");
    write(site / "content/trust/objectives/new.md", objective("New"));
    BuildResult r = build(options);
    REQUIRE(r.status == BuildStatus::ok);
    CHECK(read(site / "public/CNAME") == "equality.example\n");
    CHECK(read(site / "public/.git/HEAD") == "ref: refs/heads/gh-pages\n");
    CHECK(read(site / "public/google123.html") == "verify");
    CHECK(fs::exists(site / "public/objectives/new/index.html"));
    std::sort(r.kept.begin(), r.kept.end());
    CHECK(r.kept == std::vector<std::string>{".git", "CNAME", "google123.html"});

    // static/CNAME would now replace the user's CNAME: refused, nothing lost.
    write(site / "static/CNAME", "other.example\n");
    BuildResult refused = build(options);
    CHECK(refused.status == BuildStatus::content_errors);
    REQUIRE(refused.diags.sorted().size() == 1);
    CHECK(refused.diags.sorted()[0].message.find("eqsite did not write this file, and this build would replace it") !=
          std::string::npos);
    CHECK(read(site / "public/CNAME") == "equality.example\n");
}

TEST_CASE("leftovers of interrupted builds are cleaned up or reused, never left to pile up") {
    TempDir dir;
    const fs::path out = dir.path() / "public";
    // An older eqsite's, marked as its own (anything else under these names
    // is someone else's: see the next test).
    write(dir.path() / ".public.eqsite-staging-123-4/x.html", "old staging");
    write(dir.path() / ".public.eqsite-staging-123-4/.eqsite-output", "");
    write(dir.path() / ".public.eqsite-old-55-6/y.html", "old output");
    write(dir.path() / ".public.eqsite-old-55-6/.eqsite-output", "");
    {
        OutputWriter w(out);
        w.write("index.html", "hi");
        REQUIRE(w.commit());
    }
    {
        OutputWriter w(out);  // stopped before commit: its staging folder remains
        w.write("index.html", "half");
    }
    {
        OutputWriter w(out);
        w.write("index.html", "hello");
        REQUIRE(w.commit());
    }
    CHECK(read(out / "index.html") == "hello");
    std::vector<std::string> hidden;
    for (const auto& e : fs::directory_iterator(dir.path())) hidden.push_back(e.path().filename().string());
    std::sort(hidden.begin(), hidden.end());
    CHECK(hidden == std::vector<std::string>{".public.eqsite-lock", ".public.eqsite-spare", "public"});
}

TEST_CASE("folders under eqsite's names that eqsite did not make are never removed, reused or written into") {
    for (const char* name : {"previous", "staging", "spare", "staging-2024", "old-mine"}) {
        INFO(name);
        TempDir dir;
        const fs::path out = dir.path() / "public";
        {
            OutputWriter w(out);
            w.write("index.html", "1");
            REQUIRE(w.commit());
        }
        const fs::path theirs = dir.path() / (std::string(".public.eqsite-") + name);
        if (fs::exists(theirs)) fs::remove_all(theirs);  // the spare eqsite left: replaced by the user's own
        write(theirs / "precious.txt", "mine");
        OutputWriter w(out);
        w.write("index.html", "2");
        const bool legacy = std::string(name).find('-') != std::string::npos;
        if (legacy) {
            CHECK(w.commit());  // an older eqsite's name: left alone, the build goes on
        } else {
            CHECK_FALSE(w.ok());
            CHECK(w.error().find("is in the way") != std::string::npos);
            CHECK(w.error().find("not one it made") != std::string::npos);
        }
        CHECK(read(theirs / "precious.txt") == "mine");
    }
}

#ifndef _WIN32
TEST_CASE("a spare that is a link is not written through: the folder it leads to keeps its files") {
    TempDir dir;
    const fs::path out = dir.path() / "public";
    for (int i = 0; i < 2; ++i) {
        OutputWriter w(out);
        w.write("index.html", std::to_string(i));
        REQUIRE(w.commit());
    }
    write(dir.path() / "home/precious.txt", "mine");
    fs::remove_all(dir.path() / ".public.eqsite-spare");
    fs::create_directory_symlink(dir.path() / "home", dir.path() / ".public.eqsite-spare");
    OutputWriter w(out);
    w.write("index.html", "3");
    CHECK_FALSE(w.ok());
    CHECK(w.error().find("this link is not one it made") != std::string::npos);
    CHECK(read_tree(dir.path() / "home") == std::map<std::string, std::string>{{"precious.txt", "mine"}});
    CHECK(read(out / "index.html") == "1");
    CHECK_FALSE(fs::is_symlink(out));
}
#endif

TEST_CASE("a build written into the spare (the build before last) keeps only its own files and folders") {
    TempDir dir;
    const fs::path out = dir.path() / "public";
    const auto build_of = [&](const std::map<std::string, std::string>& files) {
        OutputWriter w(out);
        for (const auto& [path, bytes] : files) REQUIRE(w.write(path, bytes));
        REQUIRE(w.commit());
    };
    build_of({{"index.html", "1"}, {"gone/index.html", "went"}, {"deep/er/x.html", "x"}});
    build_of({{"index.html", "2"}, {"gone/index.html", "went"}, {"deep/er/x.html", "x"}});
    {
        OutputWriter w(out);  // stopped before commit: a file of its own in the spare
        w.write("half/index.html", "half");
    }
    // Written into the first build's folder, which still holds gone/, deep/ and half/.
    build_of({{"index.html", "3"}, {"kept/index.html", "k"}});
    CHECK(read_tree(out) == std::map<std::string, std::string>{{"index.html", "3"},
                                                               {"kept/index.html", "k"},
                                                               {".eqsite-output", read(out / ".eqsite-output")}});
    for (const char* folder : {"gone", "deep", "half"}) CHECK_FALSE(fs::exists(out / folder));
    // The published output of the build before is now the spare, whole.
    CHECK(read(dir.path() / ".public.eqsite-spare/gone/index.html") == "went");
}

TEST_CASE("a page written where the staging folder already has a link to a published file replaces it") {
    // On a file system that ignores case, "Policy/index.html" (a static
    // file) is "policy/index.html" (a page): the build may have linked one
    // to the published file before it writes the other. Here the link is
    // made by hand, under a name the build then writes.
    TempDir dir;
    const fs::path out = dir.path() / "public";
    {
        OutputWriter w(out);
        REQUIRE(w.write("a.html", "published"));
        REQUIRE(w.commit());  // the output is new: no spare, so the next staging folder is made afresh
    }
    {
        OutputWriter w(out);
        REQUIRE(w.write("a.html", "published"));  // unchanged: linked to the published file
        const fs::path staging = dir.path() / ".public.eqsite-staging";
        REQUIRE(fs::equivalent(staging / "a.html", out / "a.html"));
        fs::create_hard_link(out / "a.html", staging / "b.html");  // another name for it
        REQUIRE(w.write("b.html", "new page"));
        CHECK(read(out / "a.html") == "published");  // the published file was not written through
        REQUIRE(w.commit());
    }
    CHECK(read(out / "a.html") == "published");
    CHECK(read(out / "b.html") == "new page");
}

TEST_CASE("two builds of one output at once: the second is refused") {
    TempDir dir;
    const fs::path out = dir.path() / "public";
    OutputWriter first(out);
    REQUIRE(first.ok());
    OutputWriter second(out);
    CHECK_FALSE(second.ok());
    CHECK(second.error().find("another eqsite build is writing") != std::string::npos);
}

TEST_CASE("a failed build leaves the previous output byte-identical, stale files go on success") {
    TempDir dir;
    const fs::path site = dir.path() / "trust";
    write_minimal_site(site);
    write(site / "content/trust/objectives/one.md", objective("One"));
    BuildOptions options;
    options.site = site;
    options.jobs = 2;
    REQUIRE(build(options).status == BuildStatus::ok);
    const auto first = read_tree(site / "public");
    REQUIRE(first.count("objectives/one/index.html") == 1);

    write(site / "content/trust/objectives/two.md", "---\ntitle: Two\naims: [nonsense]\n---\n");
    BuildResult failed = build(options);
    CHECK(failed.status == BuildStatus::content_errors);
    CHECK(read_tree(site / "public") == first);

    fs::remove(site / "content/trust/objectives/one.md");
    write(site / "content/trust/objectives/two.md", objective("Two"));
    REQUIRE(build(options).status == BuildStatus::ok);
    const auto third = read_tree(site / "public");
    CHECK(third.count("objectives/one/index.html") == 0);  // stale page gone
    CHECK_FALSE(fs::exists(site / "public/objectives/one"));  // and its folder, left empty
    CHECK(third.count("objectives/two/index.html") == 1);
    // Nothing but eqsite's hidden spare and lock is left beside the output.
    CHECK(visible(site) == std::vector<std::string>{"content", "public", "site.yaml"});
}

TEST_CASE("a static file may not replace a generated page") {
    TempDir dir;
    write_minimal_site(dir.path());
    write(dir.path() / "static/policy/index.html", "<p>mine</p>");
    BuildOptions options;
    options.site = dir.path();
    BuildResult r = build(options);
    CHECK(r.status == BuildStatus::content_errors);
    REQUIRE(r.diags.sorted().size() == 1);
    CHECK(format_diagnostic(r.diags.sorted()[0]) ==
          "static/policy/index.html:1:1: error: this file would replace the generated policy/index.html; rename or "
          "move it");
    CHECK_FALSE(fs::exists(dir.path() / "public"));
}

namespace {
// The messages of building a minimal site with these static files (path
// under static/ -> bytes), which must fail and publish nothing.
std::vector<std::string> static_file_errors(const std::map<std::string, std::string>& files) {
    TempDir dir;
    write_minimal_site(dir.path());
    for (const auto& [path, bytes] : files) write(dir.path() / "static" / path, bytes);
    BuildOptions options;
    options.site = dir.path();
    BuildResult r = build(options);
    CHECK(r.status == BuildStatus::content_errors);
    CHECK_FALSE(fs::exists(dir.path() / "public"));
    std::vector<std::string> messages;
    for (const auto& d : r.diags.sorted()) messages.push_back(format_diagnostic(d));
    return messages;
}
}  // namespace

TEST_CASE("a static file may not take a generated file's name, or another static file's, in other capitals") {
    // On Windows and macOS such names are one file: one would replace the other.
    const auto messages =
        static_file_errors({{"Policy/index.html", "<p>mine</p>"}, {"images/Logo.png", "a"}, {"images/logo.png", "b"}});
    REQUIRE(messages.size() == 2);
    CHECK(messages[0] ==
          "static/Policy/index.html:1:1: error: this file's name differs from a generated file's only in capitals "
          "(Policy/index.html); on Windows and macOS they are one file, so it would replace it: rename or move it");
    CHECK(messages[1].find("static/images/") == 0);
    CHECK(messages[1].find("only in capitals; on Windows and macOS they are one file, so one would replace the other") !=
          std::string::npos);
}

TEST_CASE("static files whose names differ only in non-ASCII capitals or in how accents are stored are one file") {
    // Équipe.pdf and équipe.pdf; café.pdf with é as one character and as e and an accent.
    const auto messages = static_file_errors({{"docs/\xC3\x89quipe.pdf", "a"},
                                              {"docs/\xC3\xA9quipe.pdf", "b"},
                                              {"docs/caf\xC3\xA9.pdf", "c"},
                                              {"docs/cafe\xCC\x81.pdf", "d"}});
    REQUIRE(messages.size() == 2);
    const auto has = [&](const std::string& text) {
        return std::any_of(messages.begin(), messages.end(), [&](const auto& m) { return m.find(text) != std::string::npos; });
    };
    CHECK(has("only in capitals; on Windows and macOS they are one file, so one would replace the other: rename one of them"));
    CHECK(has("only in how its accents are stored (they look the same); on Windows and macOS they are one file"));
}

TEST_CASE("the user's file in a folder that a later build starts writing into is kept, build after build") {
    TempDir dir;
    const fs::path out = dir.path() / "public";
    {
        OutputWriter w(out);
        w.write("index.html", "home");
        REQUIRE(w.commit());
    }
    // The user keeps a photo where a school's pages will go.
    fs::create_directories(out / "schools/new");
    write(out / "schools/new/photo.jpg", "jpeg");
    for (int build = 0; build < 3; ++build) {  // the third reuses the spare folder of the first
        OutputWriter w(out);
        w.write("index.html", "home");
        w.write("schools/new/index.html", "the new school");
        REQUIRE(w.commit());
        INFO("build " << build);
        REQUIRE(fs::exists(out / "schools/new/photo.jpg"));
        CHECK(read(out / "schools/new/photo.jpg") == "jpeg");
        CHECK(read(out / "schools/new/index.html") == "the new school");
    }
}

TEST_CASE("a published page edited by hand is replaced by the build's own, never kept") {
    TempDir dir;
    const fs::path out = dir.path() / "public";
    {
        OutputWriter w(out);
        w.write("policy/index.html", "the policy");
        REQUIRE(w.commit());
    }
    write(out / "policy/index.html", "an edit nobody approved");
    for (int build = 0; build < 2; ++build) {
        OutputWriter w(out);
        w.write("policy/index.html", "the policy");
        REQUIRE(w.commit());
        CHECK(read(out / "policy/index.html") == "the policy");
    }
}

namespace {
// A file made of `pieces`, handed over one at a time.
FilePieces pieces_of(std::vector<std::string> pieces) {
    return [pieces = std::move(pieces)](const auto& emit) {
        for (const auto& p : pieces) emit(p);
    };
}
}  // namespace

TEST_CASE("a file written in pieces is the pieces joined, kept when unchanged, replaced when edited by hand") {
    TempDir dir;
    const fs::path out = dir.path() / "public";
    {
        OutputWriter w(out);
        REQUIRE(w.write_pieces("objectives.json", pieces_of({"[\n", "  {\"a\": 1}", ",\n", "  {\"b\": 2}", "\n]\n"})));
        REQUIRE(w.write_pieces("empty.json", pieces_of({})));
        REQUIRE(w.commit());
    }
    CHECK(read(out / "objectives.json") == "[\n  {\"a\": 1},\n  {\"b\": 2}\n]\n");
    CHECK(read(out / "empty.json").empty());
    const auto time = fs::last_write_time(out / "objectives.json");
    std::this_thread::sleep_for(std::chrono::milliseconds(20));

    // The same pieces, build after build (the spare folder is reused the
    // second time): the published file is left alone.
    for (int build = 0; build < 2; ++build) {
        OutputWriter w(out);
        REQUIRE(w.write_pieces("objectives.json", pieces_of({"[\n", "  {\"a\": 1}", ",\n", "  {\"b\": 2}", "\n]\n"})));
        REQUIRE(w.commit());
        CHECK(fs::last_write_time(out / "objectives.json") == time);
    }
    // Other pieces: a new file.
    {
        OutputWriter w(out);
        REQUIRE(w.write_pieces("objectives.json", pieces_of({"[\n", "  {\"a\": 3}", "\n]\n"})));
        REQUIRE(w.commit());
    }
    CHECK(read(out / "objectives.json") == "[\n  {\"a\": 3}\n]\n");
    // Edited by hand (same size), then built again from the same pieces:
    // the build's own bytes, not the edit.
    write(out / "objectives.json", "[\n  {\"a\": 4}\n]\n");
    for (int build = 0; build < 2; ++build) {
        OutputWriter w(out);
        REQUIRE(w.write_pieces("objectives.json", pieces_of({"[\n", "  {\"a\": 3}", "\n]\n"})));
        REQUIRE(w.commit());
        CHECK(read(out / "objectives.json") == "[\n  {\"a\": 3}\n]\n");
    }
    // No temporary file is left behind.
    for (const auto& e : fs::recursive_directory_iterator(dir.path()))
        CHECK(e.path().filename().string().find("eqsite-tmp") == std::string::npos);
}
