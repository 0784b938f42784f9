// The few things eqsite needs that standard C++ cannot say portably: an
// atomic swap of two folders, a lock on a file, a file written only if it
// is new, and whether the standard error stream is a terminal (for a
// progress line). Everything else in eqsite is std::filesystem.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace eqsite::platform {

// Swaps the folders `a` and `b` in one step, so that each path names one
// whole folder at every instant (Linux: renameat2 RENAME_EXCHANGE; macOS:
// renamex_np RENAME_SWAP). Where the system has no such call, two renames
// (a moment in which `b` does not exist). Sets `error` on failure.
bool exchange(const std::filesystem::path& a, const std::filesystem::path& b, std::string& error);

// Writes `bytes` to `file` only if no file is there (created exclusively,
// in one step: open with O_EXCL). Returns `exists` when something is
// there, even under another spelling on a file system that ignores case;
// `failed` when it could not write (the file is then removed).
enum class NewFile { written, exists, failed };
NewFile write_new_file(const std::filesystem::path& file, std::string_view bytes);

// Whether standard error is a terminal (not a file, a pipe or a CI log), so
// a progress line that rewrites itself can be shown.
bool stderr_is_terminal();

// An exclusive lock on a file (created if missing), held while the object
// lives, so two builds never write the same output at once. A lock left by
// a process that was killed is released by the system.
class FileLock {
public:
    explicit FileLock(const std::filesystem::path& file);
    ~FileLock();
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;
    bool held() const { return held_; }

private:
    bool held_ = false;
#ifdef _WIN32
    void* handle_ = nullptr;
#else
    int fd_ = -1;
#endif
};

}  // namespace eqsite::platform
