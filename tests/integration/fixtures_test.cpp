// Every folder in tests/sites/ is a broken site with expected.txt: the exact
// diagnostics `eqsite check --today 2026-09-01` must print. A change to a
// message or a position fails here.
#include <catch2/catch.hpp>

#include <sstream>

#include "integration/run.hpp"

using namespace eqsite::test;

namespace {
std::vector<std::string> diagnostic_lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (line.find(": error: ") != std::string::npos || line.find(": warning: ") != std::string::npos)
            out.push_back(line);
    return out;
}
}  // namespace

TEST_CASE("invalid-site fixtures print exactly their expected messages") {
    const fs::path sites = source_dir() / "tests/sites";
    int checked = 0;
    for (const auto& entry : fs::directory_iterator(sites)) {
        if (!fs::exists(entry.path() / "expected.txt")) continue;
        const std::string name = entry.path().filename().string();
        SECTION(name) {
            const Run r = run_eqsite("check --today 2026-09-01 " + quote(entry.path().string()));
            const auto expected = diagnostic_lines(read(entry.path() / "expected.txt"));
            INFO("fixture " << name << "\n--- printed ---\n" << r.out);
            CHECK(diagnostic_lines(r.out) == expected);
            const bool has_error = r.out.find(": error: ") != std::string::npos;
            CHECK(r.exit_code == (has_error ? 1 : 0));

            // check is build without writing: build reports the same
            // problems (check adds only its link check) and fails alike.
            TempDir out;
            const Run b = run_eqsite("build --today 2026-09-01 " + quote(entry.path().string()) + " -o " +
                                     quote((out.path() / "public").string()));
            std::vector<std::string> from_check;
            for (const auto& line : diagnostic_lines(r.out))
                if (line.find("warning: the link \"") == std::string::npos) from_check.push_back(line);
            INFO("--- build printed ---\n" << b.err);
            CHECK(diagnostic_lines(b.err) == from_check);
            CHECK(b.exit_code == r.exit_code);
            CHECK(fs::exists(out.path() / "public") == !has_error);
        }
        ++checked;
    }
    CHECK(checked >= 10);
}
