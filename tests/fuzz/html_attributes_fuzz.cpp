// libFuzzer harness: any text, read as HTML the way a browser finds
// attributes (util/html_attributes), and rewritten as a page shown on
// another site is (a fragment's ids, an embed's addresses and in-page
// links). Whatever the text:
//   - every attribute found lies inside it, in order, and no byte past
//     its end is read;
//   - a rewriting changes values only: read again, the rewritten text has
//     the same attributes, in the same tags, with the values expected;
//   - an empty prefix changes nothing.
//
// scripts/check-clang runs it for a fixed number of inputs; run it longer by
// hand with: build/fuzz/html_attributes_fuzz -max_total_time=600
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "render/id_prefix.hpp"
#include "util/html_attributes.hpp"
#include "util/url.hpp"

namespace {

void fail(const char* what, std::string_view input, std::string_view output) {
    std::fprintf(stderr, "html_attributes_fuzz: %s\n--- input ---\n%.*s\n--- output ---\n%.*s\n", what,
                 static_cast<int>(input.size()), input.data(), static_cast<int>(output.size()), output.data());
    std::abort();
}

const std::initializer_list<std::string_view> rewritten = {"id",   "for", "headers", "list", "form", "aria-labelledby",
                                                          "aria-describedby", "aria-controls", "aria-owns", "href", "src"};

// The names (lower case) and tags of the rewritten attributes, in order.
std::vector<std::string> shape(std::string_view html) {
    std::vector<std::string> out;
    for (const auto& a : eqsite::html_attributes(html, rewritten)) {
        std::string s;
        for (char c : std::string(a.tag) + " " + std::string(a.name)) s += (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
        out.push_back(s + (a.has_value ? "=" : ""));
    }
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // An exact-size copy: AddressSanitizer sees any read past its end.
    const std::vector<char> bytes(data, data + size);
    const std::string_view html(bytes.data(), bytes.size());

    std::size_t last = 0;
    for (const auto& a : eqsite::html_attributes(html, rewritten)) {
        const auto name_at = static_cast<std::size_t>(a.name.data() - html.data());
        if (name_at < last || a.name.empty() || a.value_at < name_at + a.name.size() || a.value_at > a.value_end ||
            a.value_end > html.size())
            fail("an attribute out of place", html, {});
        last = a.value_end;
    }

    const auto before = shape(html);
    if (eqsite::prefix_ids(html, "") != html) fail("an empty prefix changed the text", html, {});
    const std::string prefixed = eqsite::prefix_ids(html, "eqsite-x--");
    if (shape(prefixed) != before) fail("prefixing ids changed the attributes", html, prefixed);
    const std::string absolute = eqsite::absolute_addresses(html, "https://o.example/eq", "/schools/s/");
    if (shape(absolute) != before) fail("absolute addresses changed the attributes", html, absolute);
    // In-page links gain an attribute each (target is not among those read).
    const std::string staying = eqsite::in_page_links_stay(html);
    if (shape(staying) != before) fail("in-page links changed the attributes", html, staying);
    for (const auto& a : eqsite::html_attributes(staying, {"href"}))
        if (a.value_at < a.value_end && staying[a.value_at] == '#' && (a.tag == "a" || a.tag == "A") &&
            std::string_view(staying).substr(0, static_cast<std::size_t>(a.name.data() - staying.data()))
                    .ends_with("target=\"_self\" ") == false)
            fail("an in-page link without target=_self", html, staying);
    return 0;
}
