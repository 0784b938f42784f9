// Open data's files made the three ways: the preview's (every text kept),
// a one-off build's (a school's objective kept from its first file to its
// second, within a budget), and a build past its budget (made again).
#include <catch2/catch.hpp>

#include <map>

#include "model/build_site.hpp"
#include "render/open_data.hpp"
#include "support.hpp"

using namespace eqsite;
using namespace eqsite::test;

namespace {

// Every file objectives_files hands over, made, by path.
std::map<std::string, std::string> files_of(const Site& site, ObjectiveJsonCache& cache) {
    std::map<std::string, std::string> out;
    objectives_files(site, "https://test.example", cache, [&](std::string path, Digest, FilePieces make, HeldMaker held) {
        std::string bytes;
        if (held) {
            const auto pieces = held();
            for (const auto& piece : *pieces) bytes += *piece;
        } else {
            make([&](std::string_view piece) { bytes += piece; });
        }
        out[path] = bytes;
    });
    return out;
}

}  // namespace

TEST_CASE("open data is the same whether a school's objective is kept between its two files or made again") {
    TempDir dir;
    write_minimal_site(dir.path());
    date_trust_objectives(dir.path());
    write(dir.path() / "content/trust/objectives/shared.md", objective("Shared aim"));
    for (const std::string s : {"north", "south", "west"}) {
        write_complete_school(dir.path(), s, "School " + s);
        for (int k = 1; k <= 3; ++k)
            write(dir.path() / "content/schools" / s / "objectives" / ("o" + std::to_string(k) + ".md"),
                  objective("Objective " + std::to_string(k) + " of " + s));
    }
    Diagnostics d;
    const Site site = load_site(dir.path(), {}, d);
    REQUIRE_FALSE(d.has_errors());

    ObjectiveJsonCache preview;  // keeps every text
    const auto expected = files_of(site, preview);
    REQUIRE(expected.size() == 4);  // three schools' files and /objectives.json
    CHECK(has(expected.at("objectives.json"), "Objective 2 of south"));
    CHECK(has(expected.at("schools/south/objectives.json"), "Shared aim"));

    for (std::size_t budget : {std::size_t{32} << 20, std::size_t{0}, expected.at("schools/north/objectives.json").size()}) {
        INFO("budget " << budget);
        ObjectiveJsonCache once;
        once.keep = false;
        once.keep_between = budget;
        CHECK(files_of(site, once) == expected);
        // Each text kept was let go at its second file: nothing is left over.
        CHECK(once.between == 0);
    }
}
