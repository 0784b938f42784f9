#include "util/platform.hpp"

#include <cstdio>

#include <algorithm>
#include <cerrno>

#ifdef _WIN32
#include <fcntl.h>
#include <io.h>
#include <sys/stat.h>
#include <windows.h>
#else
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

NewFile write_new_file(const fs::path& file, std::string_view bytes) {
#ifdef _WIN32
    const int fd = _wopen(file.c_str(), _O_WRONLY | _O_CREAT | _O_EXCL | _O_BINARY | _O_NOINHERIT, _S_IREAD | _S_IWRITE);
#else
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
#endif
    if (fd < 0) return errno == EEXIST ? NewFile::exists : NewFile::failed;
    bool ok = true;
    for (std::size_t done = 0; ok && done < bytes.size();) {
        const std::size_t chunk = std::min<std::size_t>(bytes.size() - done, 1u << 30);
#ifdef _WIN32
        const auto n = _write(fd, bytes.data() + done, static_cast<unsigned>(chunk));
#else
        const auto n = ::write(fd, bytes.data() + done, chunk);
        if (n < 0 && errno == EINTR) continue;
#endif
        ok = n > 0;
        if (ok) done += static_cast<std::size_t>(n);
    }
#ifdef _WIN32
    ok = _close(fd) == 0 && ok;
#else
    ok = ::close(fd) == 0 && ok;
#endif
    if (!ok) {
        std::error_code ec;
        fs::remove(file, ec);
        return NewFile::failed;
    }
    return NewFile::written;
}

bool stderr_is_terminal() {
#ifdef _WIN32
    return _isatty(_fileno(stderr)) != 0;
#else
    return isatty(STDERR_FILENO) != 0;
#endif
}

}  // namespace eqsite::platform
