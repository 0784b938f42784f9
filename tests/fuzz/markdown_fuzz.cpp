// libFuzzer harness: any Markdown (up to a size) through the writer that
// eqsite publishes with, raw HTML off, must give HTML that tests/fuzz/
// html_check.hpp accepts. scripts/check-clang runs it for a fixed number of
// inputs; run it longer by hand with: build-fuzz/markdown_fuzz -max_total_time=600
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "fuzz/html_check.hpp"
#include "render/markdown.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view markdown(reinterpret_cast<const char*>(data), size);
    // eqsite refuses a file that is not UTF-8 before anything renders it.
    if (!eqsite::test::valid_utf8(markdown)) return 0;
    for (int top : {2, 3}) {
        eqsite::HeadingIds ids;
        const std::string html = eqsite::render_markdown(markdown, {false, top}, ids);
        if (const auto problem = eqsite::test::check_html(html)) {
            std::fprintf(stderr, "markdown_fuzz: %s\n--- output ---\n%s\n", problem->c_str(), html.c_str());
            std::abort();
        }
    }
    return 0;
}
