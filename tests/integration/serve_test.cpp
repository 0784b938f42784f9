// `eqsite serve` as a user runs it: a real server process on a free port
// against a copy of site-example, edited while it runs. POSIX only (it
// starts the server with the shell and stops it with SIGINT).
#include <catch2/catch.hpp>

#include <httplib.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <fstream>
#include <regex>
#include <thread>

#include "integration/run.hpp"

using namespace eqsite::test;
using namespace std::chrono_literals;

namespace {

// Waits up to 15 s for `ready()`.
template <typename F>
bool eventually(F ready) {
    for (int i = 0; i < 150; ++i) {
        if (ready()) return true;
        std::this_thread::sleep_for(100ms);
    }
    return ready();
}

class ServeProcess {
public:
    explicit ServeProcess(const fs::path& site) : log_(dir_.path() / "log") {
        const fs::path pid = dir_.path() / "pid";
        const std::string cmd = quote(EQSITE_BIN) + " serve " + quote(site.string()) + " --port 0 >" +
                                quote(log_.string()) + " 2>&1 & echo $! >" + quote(pid.string());
        REQUIRE(std::system(cmd.c_str()) == 0);
        REQUIRE(eventually([&] { return !read(pid).empty(); }));
        pid_ = std::stoi(read(pid));
        std::smatch m;
        REQUIRE(eventually([&] {
            const std::string text = read(log_);
            return std::regex_search(text, m, std::regex(R"(at http://127\.0\.0\.1:(\d+)/)")) &&
                   (port_ = std::stoi(m[1].str())) > 0;
        }));
    }
    ~ServeProcess() { stop(); }

    int stop() {
        if (pid_ <= 0) return 0;
        ::kill(pid_, SIGINT);
        const bool stopped = eventually([&] { return read(log_).find("Stopped.") != std::string::npos; });
        if (!stopped) ::kill(pid_, SIGKILL);
        pid_ = 0;
        return stopped ? 0 : 1;
    }
    int port() const { return port_; }
    std::string log() const { return read(log_); }

private:
    TempDir dir_;
    fs::path log_;
    int pid_ = 0;
    int port_ = 0;
};

std::string body_of(httplib::Client& c, const std::string& path, int* status = nullptr) {
    auto r = c.Get(path.c_str());
    if (!r) return "(no answer)";
    if (status) *status = r->status;
    return r->body;
}

// The page as built, from the page as served: serve adds one script line.
std::string without_live_script(std::string html) {
    const std::string script = "<script src=\"/__eqsite/live.js\" defer></script>\n";
    if (auto at = html.find(script); at != std::string::npos) html.erase(at, script.size());
    return html;
}

// A connection to the server on this computer that gives up reading
// after 5 s of silence, or -1.
int connect_to(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    ::inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd);
        return -1;
    }
    timeval tv{5, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    return fd;
}

void send_all(int fd, const std::string& bytes) {
    for (std::size_t sent = 0; sent < bytes.size();) {
        const auto n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) break;
        sent += static_cast<std::size_t>(n);
    }
}

// Sends `bytes` and returns everything the server answers until it closes
// the connection (or 5 s of silence).
std::string raw_exchange(int port, const std::string& bytes) {
    const int fd = connect_to(port);
    if (fd < 0) return "";
    send_all(fd, bytes);
    std::string answer;
    char buf[4096];
    for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;) answer.append(buf, static_cast<std::size_t>(n));
    ::close(fd);
    return answer;
}

// Sends raw bytes and returns the first line of the answer ("" if none).
std::string raw_request(int port, const std::string& bytes) {
    const int fd = connect_to(port);
    if (fd < 0) return "";
    send_all(fd, bytes);
    std::string answer;
    char buf[512];
    const auto n = ::recv(fd, buf, sizeof buf, 0);
    if (n > 0) answer.assign(buf, static_cast<std::size_t>(n));
    ::close(fd);
    return answer.substr(0, answer.find("\r\n"));
}

// Every file a clean `eqsite build` of the site writes is served with the
// same bytes (pages with the reload script added), and nothing else is.
void check_same_as_clean_build(const fs::path& site, httplib::Client& client, const std::string& when) {
    TempDir dir;
    const Run built = run_eqsite("build " + quote(site.string()) + " -o " + quote((dir.path() / "clean").string()));
    REQUIRE(built.exit_code == 0);
    std::size_t compared = 0;
    for (const auto& entry : fs::recursive_directory_iterator(dir.path() / "clean")) {
        if (!entry.is_regular_file() || entry.path().filename() == ".eqsite-output") continue;
        std::string route = "/" + fs::relative(entry.path(), dir.path() / "clean").generic_string();
        if (route.ends_with("/index.html")) route.resize(route.size() - std::string("index.html").size());
        int status = 0;
        const std::string served = body_of(client, route, &status);
        INFO(when << ": " << route);
        CHECK(status == 200);
        CHECK(without_live_script(served) == read(entry.path()));
        ++compared;
    }
    CHECK(compared > 60);
}

void replace_line(const fs::path& file, const std::string& starts_with, const std::string& line) {
    std::string text = read(file);
    const auto at = text.find("\n" + starts_with);
    REQUIRE(at != std::string::npos);
    const auto end = text.find('\n', at + 1);
    text.replace(at + 1, end - at - 1, line);
    std::ofstream(file, std::ios::binary) << text;
}

}  // namespace

TEST_CASE("serve: pages match a clean build, reload after edits, show errors, follow new and deleted schools") {
    TempDir dir;
    const fs::path site = dir.path() / "site";
    fs::copy(source_dir() / "site-example", site, fs::copy_options::recursive);
    fs::remove_all(site / "public");
    ServeProcess server(site);
    httplib::Client client("127.0.0.1", server.port());
    client.set_read_timeout(10, 0);

    // Same files as a clean build, apart from the reload script.
    check_same_as_clean_build(site, client, "first build");
    CHECK(body_of(client, "/").find("/__eqsite/live.js") != std::string::npos);

    // Live reload: an edit sends an event and the page has the new text.
    std::atomic<int> events{0};
    std::atomic<bool> listening{true};
    std::thread sse([&] {
        httplib::Client c("127.0.0.1", server.port());
        c.set_read_timeout(30, 0);
        c.Get("/__eqsite/events", [&](const char* data, std::size_t len) {
            const std::string chunk(data, len);
            for (std::size_t at = chunk.find("data: "); at != std::string::npos; at = chunk.find("data: ", at + 1))
                ++events;
            return listening.load();
        });
    });
    REQUIRE(eventually([&] { return events >= 1; }));
    const fs::path objective = site / "content/schools/brookmead-primary/objectives/accessible-parents-evenings.md";
    replace_line(objective, "title:", "title: Evenings everyone can reach");
    REQUIRE(eventually([&] { return events >= 2; }));
    CHECK(body_of(client, "/schools/brookmead-primary/").find("Evenings everyone can reach") !=
          std::string::npos);
    CHECK(server.log().find("Rebuilt ") != std::string::npos);  // only the pages that show it
    check_same_as_clean_build(site, client, "after editing a school objective");

    // Other kinds of edit, each followed by the same comparison.
    const std::vector<std::pair<fs::path, std::pair<std::string, std::string>>> edits = {
        {site / "content/schools/castlegate-academy/index.md", {"name:", "name: Castlegate Academy Trust School"}},
        {site / "content/trust/objectives/challenge-stereotypes-in-careers-guidance.md", {"title:", "title: Careers guidance without stereotypes"}},
        {site / "content/trust/index.md", {"title:", "title: Equality at the Marches Learning Trust"}},
    };
    for (const auto& [file, change] : edits) {
        const int before = events.load();
        replace_line(file, change.first, change.second);
        REQUIRE(eventually([&] { return events > before; }));
        check_same_as_clean_build(site, client, "after editing " + file.filename().string());
    }
    {
        const int before = events.load();
        const fs::path csv = site / "data/suspensions.csv";
        std::string text = read(csv);
        const auto at = text.find("brookmead-primary,White,Suspended once,");
        REQUIRE(at != std::string::npos);
        const auto end = text.find('\n', at);
        text.replace(at, end - at, "brookmead-primary,White,Suspended once,11");
        std::ofstream(csv, std::ios::binary) << text;
        REQUIRE(eventually([&] { return events > before; }));
        check_same_as_clean_build(site, client, "after editing a data table");
    }

    // Errors: the overlay names file:line:column on every page, then goes.
    const std::string good = read(objective);
    std::ofstream(objective, std::ios::binary) << "---\ncharactersitics: [race]\n" << good.substr(4);
    REQUIRE(eventually([&] { return body_of(client, "/").find("id=\"eqsite-errors\"") != std::string::npos; }));
    const std::string with_overlay = body_of(client, "/policy/");
    CHECK(with_overlay.find("role=\"alertdialog\"") != std::string::npos);
    CHECK(with_overlay.find("content/schools/brookmead-primary/objectives/accessible-parents-evenings.md:2:1") !=
          std::string::npos);
    CHECK(server.log().find("accessible-parents-evenings.md:2:1: error: unknown setting") != std::string::npos);
    std::ofstream(objective, std::ios::binary) << good;
    REQUIRE(eventually([&] { return body_of(client, "/").find("id=\"eqsite-errors\"") == std::string::npos; }));
    check_same_as_clean_build(site, client, "after fixing the error");

    // A new school appears; a deleted one disappears (404, the site's page).
    const fs::path school = site / "content/schools/new-valley-primary";
    fs::create_directories(school);
    std::ofstream(school / "index.md", std::ios::binary) << "---\nname: New Valley Primary School\nphase: primary\n---\nHello.\n";
    int status = 0;
    REQUIRE(eventually([&] { return body_of(client, "/schools/new-valley-primary/", &status).find("New Valley") != std::string::npos; }));
    CHECK(status == 200);
    check_same_as_clean_build(site, client, "after adding a school");
    fs::remove_all(school);
    REQUIRE(eventually([&] {
        body_of(client, "/schools/new-valley-primary/", &status);
        return status == 404;
    }));
    CHECK(body_of(client, "/schools/new-valley-primary/").find("Page not found") != std::string::npos);
    check_same_as_clean_build(site, client, "after deleting a school");

    listening = false;
    CHECK(server.stop() == 0);
    sse.join();
}

TEST_CASE("serve: requests that try to leave the site, other methods and garbage get answers, never files") {
    TempDir dir;
    const fs::path site = dir.path() / "site";
    fs::copy(source_dir() / "site-example", site, fs::copy_options::recursive);
    fs::remove_all(site / "public");
    ServeProcess server(site);
    const int port = server.port();

    const std::string host = "Host: 127.0.0.1:" + std::to_string(port) + "\r\n";
    for (const std::string path : {"/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                                   "/..%2f..%2f..%2fetc%2fpasswd", "/..\\..\\..\\etc\\passwd", "//etc/passwd",
                                   "/assets/%00style.css", "/C:/Windows/win.ini", "/schools/../../site.yaml",
                                   "/%2e%2e%5c%2e%2e%5csite.yaml"}) {
        INFO(path);
        const std::string status = raw_request(port, "GET " + path + " HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n");
        CHECK((status == "HTTP/1.1 404 Not Found" || status == "HTTP/1.1 400 Bad Request"));
    }
    CHECK(raw_request(port, "POST / HTTP/1.1\r\n" + host + "Content-Length: 1\r\nConnection: close\r\n\r\nx") ==
          "HTTP/1.1 405 Method Not Allowed");
    CHECK(raw_request(port, "HEAD / HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n") == "HTTP/1.1 200 OK");
    // Two requests in one packet (pipelined): both are answered, at once.
    const std::string two = raw_exchange(port, "GET / HTTP/1.1\r\n" + host + "\r\nGET /nothing-here HTTP/1.1\r\n" +
                                                   host + "Connection: close\r\n\r\n");
    CHECK(two.starts_with("HTTP/1.1 200 OK"));
    CHECK(two.find("HTTP/1.1 404 Not Found") != std::string::npos);
    // Oversized headers and URL, and bytes that are not HTTP at all.
    const std::string big(100000, 'a');
    raw_request(port, "GET / HTTP/1.1\r\n" + host + "X-Big: " + big + "\r\n\r\n");
    raw_request(port, "GET /" + big + " HTTP/1.1\r\n" + host + "\r\n");
    static constexpr char tls_hello[] = "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03garbage\r\n\r\n";
    raw_request(port, std::string(tls_hello, sizeof tls_hello - 1));  // with its NUL bytes, without the last
    raw_request(port, "\r\n\r\n\r\n");
    // Still serving, with the right types.
    httplib::Client client("127.0.0.1", port);
    for (const auto& [path, type] : std::vector<std::pair<std::string, std::string>>{
             {"/", "text/html; charset=utf-8"},
             {"/assets/style.css", "text/css; charset=utf-8"},
             {"/logo.svg", "image/svg+xml"},
             {"/sitemap.xml", "application/xml"},
             {"/robots.txt", "text/plain; charset=utf-8"},
             {"/data/attendance.csv", "text/csv; charset=utf-8"},
             {"/data/attendance.json", "application/json"}}) {
        auto r = client.Get(path.c_str());
        INFO(path);
        REQUIRE(r);
        CHECK(r->status == 200);
        CHECK(r->get_header_value("Content-Type") == type);
    }
    auto missing = client.Get("/no/such/page/");
    REQUIRE(missing);
    CHECK(missing->status == 404);
    CHECK(missing->body.find("Page not found") != std::string::npos);
    auto folder = client.Get("/assets");  // a folder without a trailing slash: no listing
    REQUIRE(folder);
    CHECK(folder->status == 404);
    CHECK(server.stop() == 0);
}

TEST_CASE("serve: only this computer's names are answered, so a page elsewhere cannot read the preview") {
    TempDir dir;
    const fs::path site = dir.path() / "site";
    write_minimal_site(site);
    ServeProcess server(site);
    const int port = server.port();
    const std::string p = std::to_string(port);
    // DNS rebinding: a page at attacker.example whose name now points here.
    for (const std::string& host : std::vector<std::string>{"attacker.example:" + p, "127.0.0.1:1",
                                                          "127.0.0.1.attacker.example:" + p, ""}) {
        INFO("Host: " << host);
        CHECK(raw_request(port, "GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n") ==
              "HTTP/1.1 421 Misdirected Request");
    }
    CHECK(raw_request(port, "GET / HTTP/1.1\r\nConnection: close\r\n\r\n") == "HTTP/1.1 421 Misdirected Request");
    // The drafts it builds are in a folder only its user can read.
    int folders = 0;
    for (const auto& e : fs::directory_iterator(fs::temp_directory_path()))
        if (e.path().filename().string().starts_with("eqsite-serve-")) {
            ++folders;
            INFO(e.path());
            CHECK((fs::status(e.path()).permissions() & (fs::perms::group_all | fs::perms::others_all)) == fs::perms::none);
        }
    CHECK(folders > 0);
    for (const std::string& host : std::vector<std::string>{"127.0.0.1:" + p, "localhost:" + p, "LOCALHOST:" + p}) {
        INFO("Host: " << host);
        CHECK(raw_request(port, "GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n") ==
              "HTTP/1.1 200 OK");
    }
    CHECK(server.stop() == 0);
}

TEST_CASE("serve: a huge chunked body, huge headers, many ranges, slow clients and open pages do not stop it") {
    TempDir dir;
    const fs::path site = dir.path() / "site";
    write_minimal_site(site);
    ServeProcess server(site);
    const int port = server.port();
    const std::string host = "Host: 127.0.0.1:" + std::to_string(port) + "\r\n";

    // A chunked body is refused before a byte of it is read.
    std::string chunked = "POST / HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n\r\n";
    for (int i = 0; i < 64; ++i) chunked += "10000\r\n" + std::string(0x10000, 'a') + "\r\n";
    CHECK(raw_request(port, chunked) == "HTTP/1.1 405 Method Not Allowed");
    // 16 MB of headers: the connection is dropped, nothing is buffered.
    std::string headers = "GET / HTTP/1.1\r\n" + host;
    for (int i = 0; i < 4096; ++i) headers += "X-" + std::to_string(i) + ": " + std::string(4000, 'h') + "\r\n";
    CHECK(raw_request(port, headers + "\r\n") != "HTTP/1.1 200 OK");
    // Many ranges would copy the page once each.
    std::string ranges = "bytes=0-";
    for (int i = 0; i < 500; ++i) ranges += ",0-";
    CHECK(raw_request(port, "GET / HTTP/1.1\r\n" + host + "Range: " + ranges + "\r\nConnection: close\r\n\r\n") ==
          "HTTP/1.1 416 Range Not Satisfiable");

    // 200 clients sending a header byte now and then, and 100 open pages
    // listening for reloads: a page request is still answered.
    std::vector<int> held;
    auto open_socket = [&] {
        const int fd = connect_to(port);
        REQUIRE(fd >= 0);
        held.push_back(fd);
        return fd;
    };
    for (int i = 0; i < 200; ++i) {
        const std::string start = "GET / HTTP/1.1\r\n" + host + "X-Slow: ";
        ::send(open_socket(), start.data(), start.size(), MSG_NOSIGNAL);
    }
    for (int i = 0; i < 100; ++i) {
        const std::string events = "GET /__eqsite/events HTTP/1.1\r\n" + host + "\r\n";
        ::send(open_socket(), events.data(), events.size(), MSG_NOSIGNAL);
    }
    std::this_thread::sleep_for(500ms);
    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(5, 0);
    auto page = client.Get("/");
    REQUIRE(page);
    CHECK(page->status == 200);
    for (int fd : held) ::close(fd);
    CHECK(server.stop() == 0);
}

TEST_CASE("serve: a port in use is a clear error naming the port") {
    httplib::Server other;
    const int port = other.bind_to_any_port("127.0.0.1");
    REQUIRE(port > 0);
    // `timeout`: if the port were (wrongly) shared, the server would run on.
    TempDir capture;
    const fs::path err = capture.path() / "err";
    const std::string cmd = "timeout 10 " + quote(EQSITE_BIN) + " serve " +
                            quote((source_dir() / "site-example").string()) + " --port " + std::to_string(port) +
                            " >/dev/null 2>" + quote(err.string());
    const int status = std::system(cmd.c_str());
    Run r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.err = read(err);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("port " + std::to_string(port)) != std::string::npos);
    CHECK(r.err.find("--port") != std::string::npos);
}

TEST_CASE("serve: a site whose address has a path is served under that path, and / leads there") {
    TempDir dir;
    const fs::path site = dir.path() / "site";
    write_minimal_site(site);
    std::string yaml = read(site / "site.yaml");
    yaml.replace(yaml.find("https://test.example"), 20, "https://org.example/equality");
    write(site / "site.yaml", yaml);
    write(site / "content/trust/index.md", "---\ntitle: Welcome\n---\nRead [the policy](/policy/).\n");
    ServeProcess server(site);
    httplib::Client client("127.0.0.1", server.port());
    client.set_read_timeout(10, 0);
    int status = 0;
    const std::string home = body_of(client, "/equality/", &status);
    CHECK(status == 200);
    CHECK(home.find("href=\"/equality/policy/\"") != std::string::npos);  // written in Markdown as /policy/
    CHECK(home.find("/equality/assets/") != std::string::npos);
    body_of(client, "/equality/policy/", &status);
    CHECK(status == 200);
    // Every stylesheet the home page links is there.
    const std::regex stylesheet(R"(href="(/equality/assets/[^"]+\.css)\")");
    int sheets = 0;
    for (std::sregex_iterator it(home.begin(), home.end(), stylesheet), end; it != end; ++it, ++sheets) {
        body_of(client, (*it)[1].str(), &status);
        CHECK(status == 200);
    }
    CHECK(sheets > 0);
    auto root = client.Get("/");
    REQUIRE(root);
    CHECK(root->status == 302);
    CHECK(root->get_header_value("Location") == "/equality/");
    body_of(client, "/policy/", &status);  // not where the site lives
    CHECK(status == 404);
}

TEST_CASE("serve: 100 open pages each hear of an edit, and pages are still answered") {
    TempDir dir;
    const fs::path site = dir.path() / "site";
    write_minimal_site(site);
    ServeProcess server(site);
    const int port = server.port();
    const std::string request = "GET /__eqsite/events HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) + "\r\n\r\n";

    // Reads from `fd` until `count` "data:" messages have arrived in all
    // (the first is the build the page was opened on), or 20 s pass.
    auto messages = [](int fd, std::string& seen, int count) {
        const auto give_up = std::chrono::steady_clock::now() + 20s;
        auto received = [&] {
            int n = 0;
            for (auto at = seen.find("data:"); at != std::string::npos; at = seen.find("data:", at + 1)) ++n;
            return n;
        };
        while (received() < count && std::chrono::steady_clock::now() < give_up) {
            timeval wait{0, 200000};
            ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);
            char buffer[4096];
            const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
            if (n == 0) break;  // closed
            if (n > 0) seen.append(buffer, static_cast<std::size_t>(n));
        }
        return received();
    };

    std::vector<int> pages;
    std::vector<std::string> seen(100);
    for (int i = 0; i < 100; ++i) {
        const int fd = connect_to(port);
        REQUIRE(fd >= 0);
        send_all(fd, request);
        pages.push_back(fd);
    }
    int opened = 0;
    for (int i = 0; i < 100; ++i) opened += messages(pages[i], seen[i], 1) == 1;
    CHECK(opened == 100);

    write(site / "content/trust/index.md", "---\ntitle: Welcome\n---\nHello again.\n");
    int reloaded = 0;
    for (int i = 0; i < 100; ++i) reloaded += messages(pages[i], seen[i], 2) == 2;
    CHECK(reloaded == 100);

    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(5, 0);
    auto page = client.Get("/");
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->body.find("Hello again.") != std::string::npos);
    for (int fd : pages) ::close(fd);
    CHECK(server.stop() == 0);
}
