// libFuzzer harness: any Markdown (up to a size) through the checks eqsite
// runs when it loads a page, then through the writer that eqsite publishes
// with, raw HTML off, must give HTML that tests/fuzz/html_check.hpp accepts,
// and must read no byte past the end of the text it was given.
//
// scripts/check-clang runs it for a fixed number of inputs; run it longer by
// hand with: build/fuzz/markdown_fuzz -max_total_time=600
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "fuzz/html_check.hpp"
#include "load/markdown_check.hpp"
#include "render/markdown.hpp"

namespace {

constexpr std::size_t max_input = 1 << 16;  // above the -max_len check-clang uses

// The input copied so that its last byte is the last readable byte: the
// page after it is unreadable. md4c comes from Debian, built without
// AddressSanitizer, so a read past the end of its input would go unseen;
// here it stops the run at once (see generator/util/md4c_input.hpp).
std::string_view against_guard_page(const std::uint8_t* data, std::size_t size) {
    static const std::size_t page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
    static const std::size_t usable = (max_input + page - 1) / page * page;
    static char* const base = [] {
        void* m = mmap(nullptr, usable + page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (m == MAP_FAILED || mprotect(static_cast<char*>(m) + usable, page, PROT_NONE) != 0) std::abort();
        return static_cast<char*>(m);
    }();
    char* const start = base + usable - size;
    if (size > 0) std::memcpy(start, data, size);
    return {start, size};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > max_input) return 0;
    const std::string_view markdown = against_guard_page(data, size);
    // eqsite refuses a file that is not UTF-8 before anything renders it.
    if (!eqsite::test::valid_utf8(markdown)) return 0;
    for (bool unsafe_html : {false, true}) {
        eqsite::Diagnostics diags;
        eqsite::check_markdown(markdown, "fuzz.md", 1, unsafe_html, diags);
    }
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
