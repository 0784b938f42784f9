// Runs the eqsite binary as a user would and captures what it prints.
#pragma once

#include <cstdlib>
#include <string>

#include "support.hpp"

#ifndef _WIN32
#include <sys/wait.h>
#endif

namespace eqsite::test {

struct Run {
    int exit_code = -1;
    std::string out;
    std::string err;
};

inline std::string quote(const std::string& s) { return "'" + s + "'"; }

// `args` is appended to the command line as written (quote paths yourself).
inline Run run_eqsite(const std::string& args) {
    TempDir capture;
    const auto out = capture.path() / "out", err = capture.path() / "err";
    const std::string cmd = quote(EQSITE_BIN) + " " + args + " >" + quote(out.string()) + " 2>" + quote(err.string()) +
                            " </dev/null";
    const int status = std::system(cmd.c_str());
    Run r;
#ifdef _WIN32
    r.exit_code = status;
#else
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
#endif
    r.out = read(out);
    r.err = read(err);
    return r;
}

// Runs eqsite in `dir`, as a user does for `new school` and `new objective`.
inline Run run_in(const fs::path& dir, const std::string& args) {
    TempDir capture;
    const auto out = capture.path() / "out", err = capture.path() / "err";
    const std::string cmd = "cd " + quote(dir.string()) + " && " + quote(EQSITE_BIN) + " " + args + " >" +
                            quote(out.string()) + " 2>" + quote(err.string()) + " </dev/null";
    const int status = std::system(cmd.c_str());
    Run r;
#ifdef _WIN32
    r.exit_code = status;
#else
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
#endif
    r.out = read(out);
    r.err = read(err);
    return r;
}

inline const fs::path source_dir() { return fs::path(EQSITE_SOURCE_DIR); }

}  // namespace eqsite::test
