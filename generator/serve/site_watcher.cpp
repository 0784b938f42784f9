#include "serve/site_watcher.hpp"

#include <algorithm>
#include <thread>

#include "util/files.hpp"

namespace eqsite {

namespace fs = std::filesystem;

PollingSiteWatcher::PollingSiteWatcher(fs::path site_root) : root_(std::move(site_root)), last_(snapshot()) {}

PollingSiteWatcher::Snapshot PollingSiteWatcher::snapshot() const {
    Snapshot out;
    std::error_code ec;
    auto add = [&](const fs::path& p) {
        std::error_code e;
        const auto size = fs::file_size(p, e);
        const auto time = fs::last_write_time(p, e);
        if (!e) out[relative_name(p, root_)] = {size, time};
    };
    add(root_ / "site.yaml");
    for (const char* dir : site_input_folders) {
        const fs::path top = root_ / dir;
        if (!fs::is_directory(top, ec)) continue;
        for (fs::recursive_directory_iterator it(top, fs::directory_options::skip_permission_denied, ec), end;
             !ec && it != end; it.increment(ec)) {
            if (it->is_regular_file(ec)) add(it->path());
            else if (it->is_directory(ec)) out[relative_name(it->path(), root_) + "/"] = {0, {}};  // folder added or removed
        }
    }
    return out;
}

std::optional<WatchedChanges> PollingSiteWatcher::wait_for_change(std::chrono::milliseconds give_up,
                                                                   std::chrono::milliseconds burst,
                                                                   std::chrono::milliseconds settle) {
    using clock = std::chrono::steady_clock;
    const auto poll = std::chrono::milliseconds(100);
    const auto deadline = clock::now() + give_up;
    while (clock::now() < deadline) {
        std::this_thread::sleep_for(poll);
        Snapshot now = snapshot();
        if (now == last_) continue;
        // Polling cannot see a save finish: wait until the files stop
        // changing (`settle` at most between looks, `burst` at least).
        const auto wait = std::max(burst, std::min(settle, std::chrono::milliseconds(50)));
        for (;;) {
            std::this_thread::sleep_for(wait);
            Snapshot again = snapshot();
            if (again == now) break;
            now = std::move(again);
        }
        WatchedChanges changes;
        auto differs = [](const Snapshot& a, const Snapshot& b, std::vector<std::string>& into) {
            for (const auto& [path, stat] : a) {
                const auto other = b.find(path);
                if (other == b.end() || other->second != stat) into.push_back(path);
            }
        };
        differs(now, last_, changes.paths);   // new or changed
        differs(last_, now, changes.paths);   // deleted
        std::sort(changes.paths.begin(), changes.paths.end());
        changes.paths.erase(std::unique(changes.paths.begin(), changes.paths.end()), changes.paths.end());
        last_ = std::move(now);
        return changes;
    }
    return std::nullopt;
}

std::unique_ptr<SiteWatcher> make_site_watcher(const fs::path& site_root, bool poll) {
    if (!poll) {
        if (auto native = make_native_site_watcher(site_root)) return native;
    }
    return std::make_unique<PollingSiteWatcher>(site_root);
}

}  // namespace eqsite
