// Helpers shared by the tests: throw-away folders and small site trees.
#pragma once

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

namespace eqsite::test {

namespace fs = std::filesystem;

// A fresh folder under the system temp folder, removed afterwards.
class TempDir {
public:
    TempDir() {
        static std::atomic<int> counter{0};
        const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
        path_ = fs::temp_directory_path() / ("eqsite-test-" + std::to_string(stamp) + "-" + std::to_string(counter++));
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

inline void write(const fs::path& file, const std::string& text) {
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
}

inline std::string read(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Every file under `root` (relative path -> bytes).
inline std::map<std::string, std::string> read_tree(const fs::path& root) {
    std::map<std::string, std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(root))
        if (e.is_regular_file()) out[e.path().lexically_relative(root).generic_string()] = read(e.path());
    return out;
}

// The smallest valid site; tests add files to it.
inline void write_minimal_site(const fs::path& root) {
    write(root / "site.yaml", "trust:\n  name: Test Trust\n  url: https://test.example\ntoday: 2026-09-01\n");
    write(root / "content/trust/index.md", "---\ntitle: Welcome\n---\nHello.\n");
}

inline std::string objective(const std::string& title, const std::string& extra = "") {
    return "---\ntitle: " + title + "\naims: [advance-equality]\ncharacteristics: [disability]\n" + extra + "---\nBody.\n";
}

}  // namespace eqsite::test
