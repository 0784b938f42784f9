#include "serve/guarded_server.hpp"

#ifdef _WIN32
#include <winsock2.h>
#include <ws2tcpip.h>
#else
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

#include <algorithm>
#include <cstring>

namespace eqsite {
namespace {

using clock = std::chrono::steady_clock;

// ---- the operating system's socket calls ----------------------------------

#ifdef _WIN32
using poll_fd = WSAPOLLFD;
int poll_socket(poll_fd* fds, int ms) { return WSAPoll(fds, 1, ms); }
long receive(socket_t s, char* p, std::size_t n) { return recv(s, p, static_cast<int>(n), 0); }
long transmit(socket_t s, const char* p, std::size_t n) { return send(s, p, static_cast<int>(n), 0); }
void close_socket(socket_t s) {
    shutdown(s, SD_BOTH);
    closesocket(s);
}
#else
using poll_fd = pollfd;
int poll_socket(poll_fd* fds, int ms) { return poll(fds, 1, ms); }
long receive(socket_t s, char* p, std::size_t n) { return recv(s, p, n, 0); }
long transmit(socket_t s, const char* p, std::size_t n) { return send(s, p, n, MSG_NOSIGNAL); }
void close_socket(socket_t s) {
    shutdown(s, SHUT_RDWR);
    close(s);
}
#endif

// True when the socket can be read (or written) within `ms`.
bool wait_for(socket_t s, bool write, int ms) {
    poll_fd fd{};
    fd.fd = s;
    fd.events = write ? POLLOUT : POLLIN;
    return poll_socket(&fd, std::max(ms, 0)) > 0;
}

void address_of(socket_t s, bool peer, std::string& ip, int& port) {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    const int rc = peer ? getpeername(s, reinterpret_cast<sockaddr*>(&addr), &len)
                        : getsockname(s, reinterpret_cast<sockaddr*>(&addr), &len);
    if (rc != 0) return;
    char text[INET6_ADDRSTRLEN] = {};
    if (addr.ss_family == AF_INET) {
        const auto* a = reinterpret_cast<sockaddr_in*>(&addr);
        inet_ntop(AF_INET, &a->sin_addr, text, sizeof text);
        port = ntohs(a->sin_port);
    } else if (addr.ss_family == AF_INET6) {
        const auto* a = reinterpret_cast<sockaddr_in6*>(&addr);
        inet_ntop(AF_INET6, &a->sin6_addr, text, sizeof text);
        port = ntohs(a->sin6_port);
    }
    ip = text;
}

// ---- a stream that enforces the limits -------------------------------------

class GuardedStream : public httplib::Stream {
public:
    GuardedStream(socket_t sock, const RequestLimits& limits) : sock_(sock), limits_(limits) {}

    // Starts the clock and the byte count for the next request.
    void next_request() {
        deadline_ = clock::now() + limits_.read_deadline;
        read_ = end_ - at_;  // what is already buffered belongs to this request
    }

    // Bytes received but not yet read (the next request, if pipelined).
    bool buffered() const { return at_ < end_; }
    bool is_readable() const override { return buffered() || wait_for(sock_, false, remaining_ms()); }
    bool is_writable() const override { return wait_for(sock_, true, 5000); }

    // cpp-httplib reads a request line and headers a byte at a time: each
    // read is served from a buffer filled by one receive, not one poll and
    // one receive per byte (with the copies of each page it made, that kept
    // the preview at a third of the requests per second it serves now).
    ssize_t read(char* ptr, size_t size) override {
        if (!buffered()) {
            if (read_ >= limits_.most_bytes || !wait_for(sock_, false, remaining_ms())) return -1;  // too big, or too slow
            const long n = receive(sock_, buffer_, std::min(sizeof buffer_, limits_.most_bytes - read_ + 1));
            if (n <= 0) return n;
            read_ += static_cast<std::size_t>(n);
            at_ = 0;
            end_ = static_cast<std::size_t>(n);
        }
        const std::size_t n = std::min(size, end_ - at_);
        std::memcpy(ptr, buffer_ + at_, n);
        at_ += n;
        return static_cast<ssize_t>(n);
    }
    ssize_t write(const char* ptr, size_t size) override {
        if (!is_writable()) return -1;
        return transmit(sock_, ptr, size);
    }
    void get_remote_ip_and_port(std::string& ip, int& port) const override { address_of(sock_, true, ip, port); }
    void get_local_ip_and_port(std::string& ip, int& port) const override { address_of(sock_, false, ip, port); }
    socket_t socket() const override { return sock_; }

private:
    int remaining_ms() const {
        return static_cast<int>(
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - clock::now()).count());
    }

    socket_t sock_;
    const RequestLimits& limits_;
    clock::time_point deadline_ = clock::now();
    std::size_t read_ = 0;  // bytes received for this request
    char buffer_[4096];
    std::size_t at_ = 0, end_ = 0;
};

}  // namespace

ElasticPool::~ElasticPool() { shutdown(); }

void ElasticPool::enqueue(std::function<void()> fn) {
    std::lock_guard lock(mutex_);
    jobs_.push_back(std::move(fn));
    // Idle threads that have not yet taken a job are counted in idle_, so
    // compare with every job waiting, not just this one.
    if (jobs_.size() > idle_ && threads_.size() < most_) threads_.emplace_back([this] { work(); });
    else ready_.notify_one();
}

void ElasticPool::shutdown() {
    {
        std::lock_guard lock(mutex_);
        if (stopping_) return;
        stopping_ = true;
    }
    ready_.notify_all();
    for (auto& t : threads_) t.join();
}

void ElasticPool::work() {
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock lock(mutex_);
            ++idle_;
            ready_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
            --idle_;
            if (jobs_.empty()) return;  // stopping, and nothing left to do
            job = std::move(jobs_.front());
            jobs_.pop_front();
        }
        job();
    }
}

bool GuardedServer::bind_with_backlog(const std::string& host, int port, int backlog) {
    if (!bind_to_port(host, port)) return false;
    return ::listen(svr_sock_, backlog) == 0;
}

int GuardedServer::bind_any_with_backlog(const std::string& host, int backlog) {
    const int port = bind_to_any_port(host);
    if (port < 0 || ::listen(svr_sock_, backlog) != 0) return -1;
    return port;
}

// cpp-httplib's own loop (keep-alive, one request after another) with the
// stream above: a request that takes too long or grows too big ends the
// connection.
bool GuardedServer::process_and_close_socket(socket_t sock) {
    GuardedStream stream(sock, limits_);
    const int idle_ms = static_cast<int>(std::chrono::milliseconds(limits_.keep_alive).count());
    for (std::size_t n = 0; n < limits_.requests_per_connection && is_running(); ++n) {
        if (n > 0 && !stream.buffered() && !wait_for(sock, false, idle_ms)) break;  // idle too long between requests
        stream.next_request();
        bool closed = false;
        const bool last = n + 1 == limits_.requests_per_connection;
        if (!process_request(stream, last, closed, nullptr) || closed) break;
    }
    close_socket(sock);
    return true;
}

}  // namespace eqsite
