// cpp-httplib's server with limits it does not have on its own (0.11.4):
// a deadline for reading each request and a cap on its size, so a client
// that sends a byte every few seconds (slowloris) or 16 MB of headers
// cannot hold a worker or the memory, and a longer listen queue.
//
// The socket calls (poll, recv, send) are the only operating-system
// specific code of the preview server; they live in guarded_server.cpp.
#pragma once

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace eqsite {

struct RequestLimits {
    std::chrono::seconds read_deadline{10};       // to receive a whole request
    std::size_t most_bytes = 64 * 1024;           // request line, headers and any body
    std::chrono::seconds keep_alive{2};           // idle wait for the next request
    std::size_t requests_per_connection = 100;
};

// Worker threads started as they are needed, up to `most`: a thread per
// connection (cpp-httplib's model), so slow clients and open live-reload
// streams do not leave page requests waiting while threads are free to
// start, and an idle preview holds few threads.
class ElasticPool : public httplib::TaskQueue {
public:
    explicit ElasticPool(std::size_t most) : most_(most) {}
    ~ElasticPool() override;
    void enqueue(std::function<void()> fn) override;
    void shutdown() override;

private:
    void work();

    std::size_t most_;
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<std::function<void()>> jobs_;
    std::vector<std::thread> threads_;
    std::size_t idle_ = 0;
    bool stopping_ = false;
};

class GuardedServer : public httplib::Server {
public:
    explicit GuardedServer(RequestLimits limits = {}) : limits_(limits) {}

    // Binds, then lets more connections wait in the kernel's queue than
    // cpp-httplib's fixed 5 (a burst of requests got refused or slowed).
    bool bind_with_backlog(const std::string& host, int port, int backlog = 128);
    int bind_any_with_backlog(const std::string& host, int backlog = 128);

private:
    bool process_and_close_socket(socket_t sock) override;

    RequestLimits limits_;
};

}  // namespace eqsite
