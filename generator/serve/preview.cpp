#include "serve/preview.hpp"

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <mutex>
#include <random>
#include <memory>
#include <stdexcept>
#include <thread>

#include "serve/guarded_server.hpp"
#include "serve/preview_site.hpp"
#include "serve/request_path.hpp"
#include "serve/site_watcher.hpp"
#include "util/files.hpp"
#include "util/text.hpp"

namespace eqsite {
namespace {

namespace fs = std::filesystem;

std::atomic<bool> stop_requested{false};
extern "C" void on_stop_signal(int) { stop_requested = true; }

// Reloads the page after each rebuild; EventSource reconnects by itself, and
// a different build id after a reconnect (the server restarted) reloads too.
constexpr const char* live_script = R"JS((function () {
  var seen = null;
  var events = new EventSource("/__eqsite/events");
  events.onmessage = function (e) {
    if (seen !== null && e.data !== seen) { window.location.reload(); return; }
    seen = e.data;
  };
  var overlay = document.getElementById("eqsite-errors");
  if (overlay) overlay.focus();
})();
)JS";

class Preview {
public:
    Preview(const ServeOptions& options, std::ostream& out)
        : out_(out), instance_(unique_id()), work_(private_folder(instance_)),
          site_({options.site, options.today, options.jobs, std::nullopt, true, {}}, work_) {}

    // A folder of our own: create_directory fails if it already exists, so
    // two servers never share (and delete) each other's builds. Drafts are
    // private: other users of the computer cannot read them.
    static fs::path private_folder(const std::string& instance) {
        std::error_code ec;
        for (int attempt = 0;; ++attempt) {
            fs::path work = fs::temp_directory_path(ec) / ("eqsite-serve-" + instance + "-" + std::to_string(attempt));
            if (fs::create_directory(work, ec)) {
                fs::permissions(work, fs::perms::owner_all, fs::perm_options::replace, ec);
                return work;
            }
            if (attempt > 100) throw std::runtime_error("cannot create a temporary folder in " +
                                                        to_utf8(fs::temp_directory_path(ec)));
        }
    }
    static std::string unique_id() {
        const auto now = std::chrono::steady_clock::now().time_since_epoch().count();
        return std::to_string(std::random_device{}() ^ static_cast<unsigned>(now));
    }
    ~Preview() {
        std::error_code ec;
        fs::remove_all(work_, ec);  // every build in it (site_ then finds its folders gone)
    }

    // Reads what changed and brings the served files up to date
    // (serve/preview_site.hpp). Says what happened before telling pages to
    // reload, so the terminal (and a test reading it) is never behind the
    // browser.
    void rebuild(const Changes& changes = {{}, true}) {
        const auto started = std::chrono::steady_clock::now();
        PreviewSite::Report report = site_.rebuild(changes);
        for (const auto& d : report.messages) out_ << format_diagnostic(d) << '\n';
        std::vector<Diagnostic> errors;
        for (const auto& d : report.messages)
            if (d.severity == Severity::error) errors.push_back(d);
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
        if (report.ok)
            out_ << report.summary << " in " << ms.count() << " ms.\n";
        else
            out_ << "The site has " << errors.size() << (errors.size() == 1 ? " error" : " errors")
                 << "; still serving the last good build. Fix and save to try again.\n";
        out_.flush();
        {
            std::lock_guard lock(mutex_);
            errors_ = std::move(errors);
            if (report.ok) base_path_ = site_.base_path();
            ++generation_;
        }
        changed_.notify_all();
    }

    void handle_get(const httplib::Request& req, httplib::Response& res) {
        std::string base;
        {
            std::lock_guard lock(mutex_);
            base = base_path_;
        }
        // A site whose address has a path (trust.url: https://org.example/equality)
        // is served under that path, as its host will; "/" leads there.
        if (base != "/" && (req.path == "/" || req.path + "/" == base)) {
            res.set_redirect(base);
            return;
        }
        const bool under_base = req.path.starts_with(base);
        const auto path = under_base ? output_path_of_request(req.path.substr(base.size() - 1)) : std::nullopt;
        std::optional<ServedFiles::Found> found;
        if (path) found = site_.files().find(*path);
        int status = 200;
        std::string type = path ? content_type_for(from_utf8(*path)) : "text/html; charset=utf-8";
        if (!found && !site_.files().empty()) {
            status = 404;
            found = site_.files().find("404.html");
            type = "text/html; charset=utf-8";
        }
        if (!found) {
            res.status = site_.files().empty() ? 200 : 404;
            res.set_content(page_with_overlay("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                                              "eqsite preview</title></head><body><main><h1>Not found</h1></main>"
                                              "</body></html>"),
                            "text/html; charset=utf-8");
            return;
        }
        std::shared_ptr<const std::string> bytes = found->bytes;
        if (!bytes) {
            auto read = read_file(found->file);
            if (!read) {
                res.status = 404;
                return;
            }
            bytes = std::make_shared<const std::string>(std::move(*read));
        }
        res.status = status;
        res.set_header("Cache-Control", "no-store");
        res.set_header("X-Content-Type-Options", "nosniff");
        if (type.starts_with("text/html")) {
            res.body = page_with_overlay(*bytes);  // moved in: set_content would copy it again
            res.set_header("Content-Type", type);
        } else {
            res.set_content(*bytes, type);
        }
    }

    // Each open page holds a stream (and a worker thread) while it is
    // open; past `most_streams`, a page is told to try again in a while
    // (the browser's EventSource does), so streams never take every worker
    // (there are up to 1 024). A team previewing with 100 tabs open gets
    // a reload in every one (issue 11).
    static constexpr int most_streams = 256;

    void handle_events(httplib::Response& res) {
        res.set_header("Cache-Control", "no-store");
        if (streams_.fetch_add(1) >= most_streams) {
            streams_.fetch_sub(1);
            res.set_header("Connection", "close");
            res.set_content("retry: 10000\n\n", "text/event-stream");
            return;
        }
        auto last = std::make_shared<long long>(-1);
        res.set_chunked_content_provider(
            "text/event-stream",
            [this, last](std::size_t, httplib::DataSink& sink) {
                try {
                    std::unique_lock lock(mutex_);
                    if (*last == generation_) changed_.wait_for(lock, std::chrono::seconds(10), [&] {
                        return generation_ != *last || stopping_;
                    });
                    if (stopping_) return false;
                    std::string message;
                    if (*last == generation_) {
                        message = ": still here\n\n";  // keeps proxies and browsers from timing out
                    } else {
                        *last = generation_;
                        message = "data: " + instance_ + "-" + std::to_string(generation_) + "\n\n";
                    }
                    lock.unlock();
                    return sink.write(message.data(), message.size());
                } catch (...) {
                    return false;  // an exception here would end the whole server
                }
            },
            [this](bool) { streams_.fetch_sub(1); });
    }

    void stop() {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        changed_.notify_all();
    }

private:
    // Adds the reload script before </head> and, while the content has
    // errors, the overlay right after <body ...>.
    // One copy of the page, made to size (pages are read for every request).
    std::string page_with_overlay(std::string_view page) {
        const std::string_view script = "<script src=\"/__eqsite/live.js\" defer></script>\n";
        std::string html;
        html.reserve(page.size() + script.size());
        const auto head = page.find("</head>");
        html.append(page.substr(0, head));
        if (head != std::string_view::npos) {
            html.append(script);
            html.append(page.substr(head));
        }
        std::vector<Diagnostic> errors;
        {
            std::lock_guard lock(mutex_);
            errors = errors_;
        }
        if (errors.empty()) return html;
        std::string overlay =
            "<div id=\"eqsite-errors\" role=\"alertdialog\" aria-modal=\"false\" aria-labelledby=\"eqsite-errors-title\" "
            "tabindex=\"-1\" style=\"position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:1000;"
            "background:#fff;color:#1b1b1b;border-top:6px solid #a0281c;padding:1rem 1.5rem;"
            "font:16px/1.5 system-ui,sans-serif;box-shadow:0 -4px 12px rgba(0,0,0,.3)\">\n"
            "<h2 id=\"eqsite-errors-title\" style=\"margin:0 0 .5rem;font-size:1.25rem\">The site has " +
            std::to_string(errors.size()) + (errors.size() == 1 ? " error" : " errors") +
            "</h2>\n<p style=\"margin:0 0 .5rem\">You are seeing the last version that built. Fix these, save, and "
            "this page reloads by itself.</p>\n<ul style=\"margin:0;padding-left:1.25rem\">\n";
        for (const auto& e : errors)
            overlay += "<li><code>" + html_escape(e.where.file + ":" + std::to_string(e.where.line) + ":" +
                                                  std::to_string(e.where.column)) +
                       "</code>: " + html_escape(e.message) + "</li>\n";
        overlay += "</ul>\n</div>\n";
        const auto body = html.find("<body");
        const auto body_end = body == std::string::npos ? std::string::npos : html.find('>', body);
        if (body_end == std::string::npos) return overlay + html;
        html.insert(body_end + 1, "\n" + overlay);
        return html;
    }

    std::ostream& out_;
    const std::string instance_;
    fs::path work_;
    PreviewSite site_;

    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<Diagnostic> errors_;    // of the latest build
    std::string base_path_ = "/";       // of the latest good build
    long long generation_ = 0;
    bool stopping_ = false;
    std::atomic<int> streams_{0};  // open live-reload streams
};

bool is_loopback(const std::string& host) {
    return host == "127.0.0.1" || host == "localhost" || host == "::1" || host.starts_with("127.");
}

// The Host header a browser sends for this server: a loopback name or the
// bound address, with the port. Anything else is a page on another site
// reaching the preview through a DNS name it controls (DNS rebinding).
bool allowed_host(const std::string& host, const std::string& bind, int port) {
    const std::string suffix = ":" + std::to_string(port);
    if (!host.ends_with(suffix)) return false;
    const std::string name = to_lower_ascii(host.substr(0, host.size() - suffix.size()));
    return name == "127.0.0.1" || name == "localhost" || name == "[::1]" || name == bind || name == "[" + bind + "]";
}

}  // namespace

int serve(const ServeOptions& options, std::ostream& out, std::ostream& err) {
    // Each request is read within 10 s and 64 KB, and threads start as
    // connections need them (serve/guarded_server.hpp), so open pages'
    // streams and slow clients leave room for page requests.
    GuardedServer server;
    server.new_task_queue = [] { return new ElasticPool(1024); };
    server.set_payload_max_length(64 * 1024);
    server.set_read_timeout(5, 0);
    server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        res.status = 500;
        res.set_content("Internal error.\n", "text/plain; charset=utf-8");  // never the exception's text
    });
    // Headers and body go out in separate writes; with Nagle's algorithm
    // the body waits for the client's delayed ACK (40 ms on Linux), so
    // every response took at least 40 ms (bench/README.md, "Preview server").
    server.set_tcp_nodelay(true);
    // cpp-httplib's default sets SO_REUSEPORT, which lets a second server
    // share a port already in use; we want "port in use" to be an error.
    server.set_socket_options([](socket_t sock) {
        int yes = 1;
#ifdef _WIN32
        setsockopt(sock, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, reinterpret_cast<const char*>(&yes), sizeof yes);
#else
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
#endif
    });

    const int port = options.port == 0 ? server.bind_any_with_backlog(options.bind) : options.port;
    if (port < 0 || (options.port != 0 && !server.bind_with_backlog(options.bind, port))) {
        err << "eqsite: error: cannot listen on " << options.bind << " port " << options.port
            << ": the port is in use by another program (perhaps another eqsite serve), or the address is not "
               "this computer's. Stop the other program, or choose another port, e.g. eqsite serve --port "
            << (options.port == 65535 ? 8081 : options.port + 1) << "\n";
        return 2;
    }
    if (!is_loopback(options.bind))
        err << "eqsite: warning: serving on " << options.bind
            << ", so other computers on your network can see this preview. Use --bind 127.0.0.1 to keep it "
               "to this computer.\n";

    // Watch from before the first build, so saves made while it runs count.
    std::unique_ptr<SiteWatcher> files = make_site_watcher(options.site, options.poll);
    Preview preview(options, out);
    preview.rebuild();

    // Before any route, and before any body is read: only GET and HEAD,
    // only from this computer's names for itself, one range at most.
    server.set_pre_routing_handler([&](const httplib::Request& req, httplib::Response& res) {
        using Result = httplib::Server::HandlerResponse;
        if (req.method != "GET" && req.method != "HEAD") {
            res.status = 405;
            res.set_header("Allow", "GET, HEAD");
            res.set_header("Connection", "close");
            res.set_content("Only GET and HEAD are allowed.\n", "text/plain; charset=utf-8");
            return Result::Handled;
        }
        if (req.get_header_value_count("Host") != 1 || !allowed_host(req.get_header_value("Host"), options.bind, port)) {
            res.status = 421;
            res.set_content("This preview answers only to http://127.0.0.1:" + std::to_string(port) + "/.\n",
                            "text/plain; charset=utf-8");
            return Result::Handled;
        }
        if (req.get_header_value("Range").find(',') != std::string::npos) {
            res.status = 416;  // many ranges would copy the body once each
            return Result::Handled;
        }
        return Result::Unhandled;
    });
    server.Get("/__eqsite/live.js", [](const httplib::Request&, httplib::Response& res) {
        res.set_header("Cache-Control", "no-store");
        res.set_content(live_script, "text/javascript; charset=utf-8");
    });
    server.Get("/__eqsite/events", [&](const httplib::Request&, httplib::Response& res) { preview.handle_events(res); });
    server.Get(".*", [&](const httplib::Request& req, httplib::Response& res) { preview.handle_get(req, res); });

    stop_requested = false;
    std::signal(SIGINT, on_stop_signal);
    std::signal(SIGTERM, on_stop_signal);
    std::thread watcher([&] {
        while (!stop_requested) {
            if (auto changes = files->wait_for_change(std::chrono::milliseconds(300)))
                preview.rebuild({std::move(changes->paths), changes->everything});
        }
        preview.stop();
        server.stop();
    });

    out << "Serving " << to_utf8(fs::absolute(options.site).lexically_normal()) << " at http://"
        << (options.bind.find(':') != std::string::npos ? "[" + options.bind + "]" : options.bind) << ":" << port
        << "/ (press Ctrl-C to stop)\n";
    out.flush();
    server.listen_after_bind();
    stop_requested = true;
    watcher.join();
    out << "Stopped.\n";
    return 0;
}

}  // namespace eqsite
