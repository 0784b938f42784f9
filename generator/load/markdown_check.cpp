#include "load/markdown_check.hpp"

#include <md4c.h>

#include <algorithm>

#include "util/md4c_input.hpp"
#include "util/text.hpp"
#include "util/url.hpp"

namespace eqsite {
namespace {

struct Checker {
    std::string_view text;
    const std::string& file;
    int first_line;
    bool unsafe_html;
    Diagnostics& diags;
    std::size_t last_offset = 0;  // of the latest text md4c reported: where we are
    std::size_t counted_to = 0;   // newlines are counted up to here...
    int line = 0;                 // ...and there are this many before it
    std::string pending_table;    // a table's error, reported at its first text

    // A position from a pointer into the Markdown (md4c's text and most
    // attributes point into it); otherwise the latest known position.
    Location at(const char* p) {
        note(p);
        if (last_offset < counted_to) counted_to = 0, line = 0;  // md4c went back: count again
        line += static_cast<int>(std::count(text.begin() + static_cast<std::ptrdiff_t>(counted_to),
                                            text.begin() + static_cast<std::ptrdiff_t>(last_offset), '\n'));
        counted_to = last_offset;
        const auto line_start = text.substr(0, last_offset).rfind('\n');
        const std::size_t from = line_start == std::string_view::npos ? 0 : line_start + 1;
        return {file, first_line + line, column_of(text.substr(from), last_offset - from)};
    }

    // Remembers where md4c is, for a later diagnostic without a pointer of its own.
    void note(const char* p) {
        if (p >= text.data() && p <= text.data() + text.size()) last_offset = static_cast<std::size_t>(p - text.data());
    }

    // Where md4c is is noted at every text; its line and column are worked
    // out only for a diagnostic (most documents have none).
    void on_text(const char* p) {
        if (pending_table.empty()) return note(p);
        diags.error(at(p), pending_table);
        pending_table.clear();
    }

    static std::string decoded(const MD_ATTRIBUTE& a) {
        std::string out;
        for (unsigned i = 0; a.substr_offsets[i] < a.size; ++i) {
            const std::string_view part(a.text + a.substr_offsets[i], a.substr_offsets[i + 1] - a.substr_offsets[i]);
            out += a.substr_types[i] == MD_TEXT_ENTITY ? decode_character_references(part) : std::string(part);
        }
        return out;
    }

    void address(const MD_ATTRIBUTE& a, const char* what) {
        if (unsafe_html) return;
        const std::string url = browser_cleaned_url(decoded(a));
        if (is_allowed_url(url)) return;
        diags.warning(at(a.text), std::string("this ") + what + "'s address begins \"" + *url_scheme(url) +
                                      ":\", which is not allowed, so it is left out: use a web address (https://...), "
                                      "mailto:, tel:, or a link within the site");
    }

    void table(const MD_BLOCK_TABLE_DETAIL& d) {
        const unsigned long cells = static_cast<unsigned long>(d.col_count) * (d.head_row_count + d.body_row_count);
        if (d.col_count > max_table_columns)
            pending_table = "this table has " + std::to_string(d.col_count) + " columns; at most " +
                            std::to_string(max_table_columns) +
                            " are allowed (a wider table cannot be read); split it into several tables";
        else if (cells > max_table_cells)
            pending_table = "this table has " + std::to_string(cells) + " cells; at most " +
                            std::to_string(max_table_cells) +
                            " are allowed on a page; publish such figures as a data table instead";
    }
};

}  // namespace

void check_markdown(std::string_view markdown, const std::string& file, int first_line, bool unsafe_html,
                    Diagnostics& diags) {
    const Md4cInput input(markdown);
    // The checker works out lines from where md4c's pointers point: in the copy.
    Checker c{input.text(), file, first_line, unsafe_html, diags, 0, 0, 0, {}};
    MD_PARSER p{};
    p.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEAUTOLINKS |
              (unsafe_html ? 0u : static_cast<unsigned>(MD_FLAG_NOHTML));
    p.enter_block = [](MD_BLOCKTYPE type, void* detail, void* user) -> int {
        if (type == MD_BLOCK_TABLE) static_cast<Checker*>(user)->table(*static_cast<MD_BLOCK_TABLE_DETAIL*>(detail));
        return 0;
    };
    p.leave_block = [](MD_BLOCKTYPE, void*, void*) -> int { return 0; };
    p.enter_span = [](MD_SPANTYPE type, void* detail, void* user) -> int {
        auto* c = static_cast<Checker*>(user);
        if (type == MD_SPAN_A) c->address(static_cast<MD_SPAN_A_DETAIL*>(detail)->href, "link");
        if (type == MD_SPAN_IMG) c->address(static_cast<MD_SPAN_IMG_DETAIL*>(detail)->src, "image");
        return 0;
    };
    p.leave_span = [](MD_SPANTYPE, void*, void*) -> int { return 0; };
    p.text = [](MD_TEXTTYPE, const MD_CHAR* text, MD_SIZE, void* user) -> int {
        static_cast<Checker*>(user)->on_text(text);
        return 0;
    };
    md_parse(input.data(), input.size(), &p, &c);
    if (!c.pending_table.empty()) diags.error(c.at(nullptr), c.pending_table);  // a table with no text at all
}

}  // namespace eqsite
