// Both site watchers (the polling one and the native one, inotify on Linux)
// against the same edits. Timings are generous: a change must wake the
// watcher within 10 s, and a burst of saves must come out as one change.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>

#include <atomic>
#include <thread>

#include "serve/site_watcher.hpp"
#include "support.hpp"

using namespace eqsite;
using namespace eqsite::test;
using namespace std::chrono_literals;

namespace {

constexpr auto wake = std::chrono::milliseconds(10'000);  // a change must show up within this
constexpr auto quiet = std::chrono::milliseconds(1'000);  // nothing more may show up within this

std::unique_ptr<SiteWatcher> watcher_for(const fs::path& root, bool poll) {
    if (poll) return std::make_unique<PollingSiteWatcher>(root);
    return make_native_site_watcher(root);
}

void make_site(const fs::path& root) {
    write_minimal_site(root);
    write(root / "content/schools/a/index.md", "---\ntitle: A\n---\n");
    write(root / "content/schools/a/objectives/one.md", objective("One"));
    write(root / "data/results.csv", "school,figure\na,1\n");
    write(root / "static/logo.svg", "<svg/>");
}

}  // namespace

TEST_CASE("the site watchers wake on every kind of change, once per burst") {
    const bool poll = GENERATE(true, false);
    TempDir dir;
    const fs::path root = dir.path();
    make_site(root);
    // A temporary file an editor wrote before the watcher started: only its
    // rename over the original happens while watching.
    write(root / "content/schools/a/objectives/.one.md.tmp", objective("One, renamed into place"));
    write(root / "site.yaml.tmp", "trust:\n  name: Renamed Trust\n  url: https://test.example\ntoday: 2026-09-01\n");

    auto watcher = watcher_for(root, poll);
#ifdef __linux__
    REQUIRE(watcher);
    CHECK(watcher->method() == (poll ? "polling" : "inotify"));
#else
    if (!watcher) return;  // no native watcher on this system: `eqsite serve` polls
#endif
    INFO(watcher->method());

    SECTION("a changed file") {
        write(root / "content/schools/a/objectives/one.md", objective("One", "owner: Head\n"));
        CHECK(watcher->wait_for_change(wake));
        CHECK_FALSE(watcher->wait_for_change(quiet));
    }
    SECTION("site.yaml changed") {
        write(root / "site.yaml", read(root / "site.yaml") + "# edited\n");
        CHECK(watcher->wait_for_change(wake));
    }
    SECTION("a new file in a new folder, then an edit to it") {
        const fs::path added = root / "content/schools/b/objectives/two.md";
        write(added, objective("Two"));
        CHECK(watcher->wait_for_change(wake));
        write(added, objective("Two, edited"));
        CHECK(watcher->wait_for_change(wake));
    }
    SECTION("a watched folder that did not exist at the start") {
        write(root / "theme/templates/page.mustache", "{{title}}");
        const auto made = watcher->wait_for_change(wake);
        REQUIRE(made);
        // Its files may come before its watches: reported as everything,
        // or with the file itself, never as nothing under theme/.
        CHECK((made->everything || std::count(made->paths.begin(), made->paths.end(),
                                              "theme/templates/page.mustache") == 1));
        write(root / "theme/templates/page.mustache", "<h1>{{title}}</h1>");
        CHECK(watcher->wait_for_change(wake));
    }
    SECTION("a deleted file") {
        fs::remove(root / "data/results.csv");
        CHECK(watcher->wait_for_change(wake));
    }
    SECTION("a renamed folder, then an edit inside it") {
        fs::rename(root / "content/schools/a", root / "content/schools/c");
        CHECK(watcher->wait_for_change(wake));
        write(root / "content/schools/c/objectives/one.md", objective("One, moved and edited"));
        CHECK(watcher->wait_for_change(wake));
    }
    SECTION("a save that writes a temporary file and renames it over the original") {
        fs::rename(root / "content/schools/a/objectives/.one.md.tmp", root / "content/schools/a/objectives/one.md");
        CHECK(watcher->wait_for_change(wake));
        fs::rename(root / "site.yaml.tmp", root / "site.yaml");
        CHECK(watcher->wait_for_change(wake));
    }
    SECTION("five files saved at once are one change naming them all") {
        for (int i = 1; i <= 5; ++i)
            write(root / ("content/schools/a/objectives/burst-" + std::to_string(i) + ".md"), objective("Burst"));
        const auto changes = watcher->wait_for_change(wake);
        REQUIRE(changes);
        for (int i = 1; i <= 5; ++i)
            CHECK((changes->everything ||
                   std::count(changes->paths.begin(), changes->paths.end(),
                              "content/schools/a/objectives/burst-" + std::to_string(i) + ".md") == 1));
        CHECK_FALSE(watcher->wait_for_change(quiet));
    }
    SECTION("the changed path is reported") {
        write(root / "content/schools/a/objectives/one.md", objective("One", "owner: Head\n"));
        const auto changes = watcher->wait_for_change(wake);
        REQUIRE(changes);
        CHECK(std::count(changes->paths.begin(), changes->paths.end(), "content/schools/a/objectives/one.md") == 1);
    }
    if (!poll) {
        SECTION("inotify: a file still open for writing is waited for until the editor closes it") {
            std::atomic<bool> closed{false};
            std::thread editor([&] {
                std::ofstream f(root / "content/schools/a/objectives/one.md", std::ios::binary);
                f << "---\ntitle: Half";
                f.flush();
                std::this_thread::sleep_for(300ms);
                f << " written\naims: [advance-equality]\ncharacteristics: [race]\n---\n";
                f.flush();
                closed = true;
                f.close();
            });
            // A settle long enough that only the close can end the wait.
            const auto changes = watcher->wait_for_change(wake, 8ms, 20s);
            const bool after_close = closed;
            editor.join();
            CHECK(changes);
            CHECK(after_close);
        }
    }
    SECTION("no change: false once give_up has passed; files outside the watched folders don't count") {
        write(root / "public/index.html", "built");
        write(root / "README.md", "notes");
        const auto started = std::chrono::steady_clock::now();
        CHECK_FALSE(watcher->wait_for_change(quiet));
        const auto took = std::chrono::steady_clock::now() - started;
        CHECK(took >= quiet - 10ms);
        CHECK(took < quiet + 5s);
    }
}

TEST_CASE("make_site_watcher polls when asked to, and uses the native watcher otherwise where there is one") {
    TempDir dir;
    make_site(dir.path());
    CHECK(make_site_watcher(dir.path(), true)->method() == "polling");
#ifdef __linux__
    CHECK(make_site_watcher(dir.path(), false)->method() == "inotify");
#endif
    // A folder that does not exist: no native watcher can start, polling
    // still works (and sees nothing).
    auto missing = make_site_watcher(dir.path() / "missing", false);
    CHECK(missing->method() == "polling");
    CHECK_FALSE(missing->wait_for_change(200ms));
}
