#include "util/platform.hpp"

#include <cstdio>

#ifdef _WIN32
#include <io.h>
#include <windows.h>
#else
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#endif

namespace eqsite::platform {

namespace fs = std::filesystem;

namespace {

bool two_renames(const fs::path& a, const fs::path& b, std::string& error) {
    std::error_code ec;
    const fs::path aside = b.parent_path() / (b.filename().string() + ".eqsite-swap");
    fs::rename(b, aside, ec);
    if (!ec) fs::rename(a, b, ec);
    if (!ec) fs::rename(aside, a, ec);
    if (ec) error = ec.message();
    return !ec;
}

}  // namespace

bool exchange(const fs::path& a, const fs::path& b, std::string& error) {
#if defined(__linux__)
    if (::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) == 0) return true;
    if (errno != EINVAL && errno != ENOSYS) {  // the file system cannot: fall back, else report
        error = std::strerror(errno);
        return false;
    }
#elif defined(__APPLE__)
    if (::renamex_np(a.c_str(), b.c_str(), RENAME_SWAP) == 0) return true;
    if (errno != ENOTSUP && errno != EINVAL) {
        error = std::strerror(errno);
        return false;
    }
#endif
    return two_renames(a, b, error);
}

#ifdef _WIN32
FileLock::FileLock(const fs::path& file) {
    handle_ = CreateFileW(file.c_str(), GENERIC_READ | GENERIC_WRITE, 0, nullptr, OPEN_ALWAYS, FILE_ATTRIBUTE_HIDDEN,
                          nullptr);
    held_ = handle_ != INVALID_HANDLE_VALUE;  // no sharing: a second opener fails
}
FileLock::~FileLock() {
    if (held_) CloseHandle(handle_);
}
#else
FileLock::FileLock(const fs::path& file) {
    fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    held_ = fd_ >= 0 && ::flock(fd_, LOCK_EX | LOCK_NB) == 0;
}
FileLock::~FileLock() {
    if (fd_ >= 0) ::close(fd_);  // releases the lock
}
#endif

bool stderr_is_terminal() {
#ifdef _WIN32
    return _isatty(_fileno(stderr)) != 0;
#else
    return isatty(STDERR_FILENO) != 0;
#endif
}

}  // namespace eqsite::platform
