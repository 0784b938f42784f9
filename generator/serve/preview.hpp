// `eqsite serve`: builds the site into a private temporary folder (never
// over public/), serves it on loopback with cpp-httplib, rebuilds when the
// site's files change and tells open pages to reload (Server-Sent Events).
//
// While the content has errors, the last good build stays up and every
// page carries an overlay listing the errors; the next good build removes
// it. The reload script and the overlay are added to pages as they are
// sent, so the files on disk are exactly what `eqsite build` writes.
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>

#include "util/date.hpp"

namespace eqsite {

struct ServeOptions {
    std::filesystem::path site = ".";
    std::string bind = "127.0.0.1";
    int port = 8080;  // 0: any free port (the URL printed says which)
    unsigned jobs = 0;
    std::optional<Date> today;
    bool poll = false;  // watch files by polling even where a native watcher (inotify) exists
};

// Runs until Ctrl-C (SIGINT/SIGTERM). Returns the exit status: 0 after a
// clean shutdown, 2 if the port cannot be opened.
int serve(const ServeOptions& options, std::ostream& out, std::ostream& err);

}  // namespace eqsite
