// Helpers shared by the tests: throw-away folders and small site trees.
#pragma once

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "util/diagnostics.hpp"

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

inline bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// How many times `what` occurs in `text`, not overlapping.
inline std::size_t occurrences(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

// Each diagnostic as the terminal shows it, in order.
inline std::vector<std::string> messages(const Diagnostics& d) {
    std::vector<std::string> out;
    for (const auto& x : d.sorted()) out.push_back(format_diagnostic(x));
    return out;
}

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

// The settings a complete site.yaml has, so a minimal site builds without
// warnings: every statutory date given and up to date on 2026-09-01.
inline const char* complete_settings =
    "today: 2026-09-01\n"
    "information_updated: 2026-01-15\n"
    "policy:\n  approved_by: Board of Trustees\n  approved_on: 2025-09-10\n  review_due: 2028-09-10\n"
    "accessibility:\n  compliance: fully\n  prepared: 2025-09-01\n  last_reviewed: 2026-03-01\n"
    "  last_tested: 2026-02-20\n  contact_email: access@test.example\n";

// A trust with no schools whose every statutory item is published and up
// to date on 2026-09-01: it builds with no warnings.
inline void write_minimal_site(const fs::path& root) {
    write(root / "site.yaml", std::string("trust:\n  name: Test Trust\n  url: https://test.example\n") + complete_settings);
    write(root / "content/trust/index.md", "---\ntitle: Welcome\n---\nHello.\n");
    write(root / "content/trust/policy/policy.md", "---\ntitle: Our policy\n---\nWe follow the duty.\n");
}

// Says when the trust-wide objectives were set: for tests that add some to
// a minimal site (without it, the review warns that they have no date).
inline void date_trust_objectives(const fs::path& root) {
    write(root / "site.yaml", read(root / "site.yaml") + "objectives_published: 2025-09-01\n");
}

// A school folder whose statutory items are complete on 2026-09-01 (an
// objective is added separately, or trust-wide ones apply).
inline void write_complete_school(const fs::path& root, const std::string& slug, const std::string& name) {
    write(root / "content/schools" / slug / "index.md",
          "---\nname: " + name + "\nobjectives_published: 2025-09-01\n---\nAbout us.\n");
    write(root / "content/schools" / slug / "accessibility-plan.md",
          "---\npublished: 2025-09-01\n---\n## Curriculum\n\nA.\n\n## Physical environment\n\nB.\n\n"
          "## Information\n\nC.\n");
}

inline std::string objective(const std::string& title, const std::string& extra = "") {
    return "---\ntitle: " + title + "\naims: [advance-equality]\ncharacteristics: [disability]\n" + extra + "---\nBody.\n";
}

}  // namespace eqsite::test
