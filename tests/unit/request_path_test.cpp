#include <catch2/catch.hpp>

#include <fstream>

#include "serve/request_path.hpp"
#include "support.hpp"

using namespace eqsite;
using namespace eqsite::test;

TEST_CASE("request paths map to files inside the served folder only") {
    TempDir dir;
    const fs::path root = dir.path() / "public";
    fs::create_directories(root / "schools/a");
    std::ofstream(root / "index.html") << "home";
    std::ofstream(root / "schools/a/index.html") << "school";
    std::ofstream(dir.path() / "secret.txt") << "secret";

    CHECK(resolve_request_path(root, "/") == fs::canonical(root / "index.html"));
    CHECK(resolve_request_path(root, "/schools/a/") == fs::canonical(root / "schools/a/index.html"));
    CHECK(resolve_request_path(root, "/schools/a/index.html") == fs::canonical(root / "schools/a/index.html"));
    for (const char* bad : {"", "index.html", "/../secret.txt", "/schools/../../secret.txt", "/./index.html",
                            "/schools\\a\\index.html", "//index.html", "/C:/secret.txt", "/schools/a",
                            "/schools/", "/missing.html"}) {
        INFO(bad);
        CHECK_FALSE(resolve_request_path(root, bad));
    }
    CHECK_FALSE(resolve_request_path(root, std::string_view("/index.html\0x", 13)));
}

TEST_CASE("a symlink inside the served folder cannot lead out of it") {
    TempDir dir;
    const fs::path root = dir.path() / "public";
    fs::create_directories(root);
    std::ofstream(dir.path() / "secret.txt") << "secret";
    std::ofstream(root / "real.txt") << "fine";
    std::error_code ec;
    fs::create_symlink(dir.path() / "secret.txt", root / "leak.txt", ec);
    fs::create_directory_symlink(dir.path(), root / "up", ec);
    fs::create_symlink(root / "real.txt", root / "alias.txt", ec);
    if (ec) {
        WARN("this file system cannot make symlinks");
        return;
    }
    CHECK_FALSE(resolve_request_path(root, "/leak.txt"));
    CHECK_FALSE(resolve_request_path(root, "/up/secret.txt"));
    CHECK(resolve_request_path(root, "/alias.txt") == fs::canonical(root / "real.txt"));
}

TEST_CASE("content types for the files a site serves") {
    CHECK(content_type_for("a.html") == "text/html; charset=utf-8");
    CHECK(content_type_for("a.CSS") == "text/css; charset=utf-8");
    CHECK(content_type_for("a.js") == "text/javascript; charset=utf-8");
    CHECK(content_type_for("a.svg") == "image/svg+xml");
    CHECK(content_type_for("a.png") == "image/png");
    CHECK(content_type_for("a.jpg") == "image/jpeg");
    CHECK(content_type_for("a.csv") == "text/csv; charset=utf-8");
    CHECK(content_type_for("a.json") == "application/json");
    CHECK(content_type_for("a.xml") == "application/xml");
    CHECK(content_type_for("a.txt") == "text/plain; charset=utf-8");
    CHECK(content_type_for("a.pdf") == "application/pdf");
    CHECK(content_type_for("a.exe") == "application/octet-stream");
}
