// The file store that lets the preview server read only changed files.
#include <catch2/catch.hpp>

#include "load/file_store.hpp"
#include "support.hpp"

using namespace eqsite;
using namespace eqsite::test;

namespace {
Digest digest_now(FileStore& store, const fs::path& file) {
    const auto v = store.look(file, 1 << 20);
    REQUIRE(v.ok);
    return v.digest;
}
}  // namespace

TEST_CASE("a store that trusts the watcher reads again what was reported, and only that") {
    TempDir dir;
    const fs::path a = dir.path() / "content/a.md", b = dir.path() / "content/sub/b.md";
    write(a, "one");
    write(b, "one");
    FileStore store(dir.path(), true);
    const Digest a1 = digest_now(store, a), b1 = digest_now(store, b);
    CHECK(a1 == b1);

    // Not reported: taken as unchanged, without looking.
    write(a, "two, longer");
    CHECK(digest_now(store, a) == a1);
    // Reported: read again.
    store.changed({"content/a.md"});
    const Digest a2 = digest_now(store, a);
    CHECK(a2 != a1);
    CHECK(a2 == digest_of("two, longer"));

    // A folder's report stands for the files under it.
    write(b, "three");
    store.changed({"content/sub"});
    CHECK(digest_now(store, b) == digest_of("three"));
    write(b, "four");
    store.changed({"content/sub/"});
    CHECK(digest_now(store, b) == digest_of("four"));
    // ... and not for a folder whose name only starts the same.
    write(dir.path() / "content/subway/c.md", "c");
    const fs::path c = dir.path() / "content/subway/c.md";
    digest_now(store, c);
    write(c, "changed");
    store.changed({"content/sub"});
    CHECK(digest_now(store, c) == digest_of("c"));

    // Lost track: everything is looked at again.
    store.changed_everything();
    CHECK(digest_now(store, c) == digest_of("changed"));
}

TEST_CASE("a store that does not trust the watcher sees a change of size without a report") {
    TempDir dir;
    const fs::path a = dir.path() / "a.md";
    write(a, "one");
    FileStore store(dir.path());
    digest_now(store, a);
    write(a, "two, longer");
    CHECK(digest_now(store, a) == digest_of("two, longer"));
}

TEST_CASE("a file reached through a link inside the site is looked at even when trusted") {
    TempDir dir;
    const fs::path target = dir.path() / "content/real/a.md";
    write(target, "one");
    std::error_code ec;
    fs::create_directory_symlink(dir.path() / "content/real", dir.path() / "content/linked", ec);
    if (ec) {
        WARN("this system cannot make symbolic links");
        return;
    }
    const fs::path through = dir.path() / "content/linked/a.md";
    FileStore store(dir.path(), true);
    CHECK(digest_now(store, through) == digest_of("one"));
    // The watcher reports the target's path, not the link's.
    write(target, "two, longer");
    store.changed({"content/real/a.md"});
    CHECK(digest_now(store, through) == digest_of("two, longer"));
}

// Two names for one file (a hard link): an edit through one is reported
// under that name only, so the store looks at the other's size and time.
TEST_CASE("a store that trusts the watcher still sees an edit made through a file's other name") {
    TempDir dir;
    const fs::path a = dir.path() / "static/a.txt", b = dir.path() / "static/b.txt";
    write(a, "one");
    std::error_code ec;
    fs::create_hard_link(a, b, ec);
    if (ec) {
        WARN("this file system cannot make hard links");
        return;
    }
    FileStore store(dir.path(), true);
    CHECK(digest_now(store, a) == digest_of("one"));
    CHECK(digest_now(store, b) == digest_of("one"));
    write(a, "two, longer");  // in place: both names see it
    store.changed({"static/a.txt"});
    CHECK(digest_now(store, a) == digest_of("two, longer"));
    CHECK(digest_now(store, b) == digest_of("two, longer"));
}
