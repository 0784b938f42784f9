#include "render/markdown.hpp"

#include <md4c.h>

#include <algorithm>
#include <optional>
#include <vector>

#include "util/md4c_input.hpp"
#include "util/text.hpp"
#include "util/url.hpp"

namespace eqsite {

HeadingIds::HeadingIds(std::set<std::string> reserved) : used_(std::move(reserved)) {}

// The next suffix to try is remembered per base, so 20 000 headings with
// the same text cost 20 000 steps, not 200 million.
std::string HeadingIds::claim(std::string_view heading_text) {
    const std::string base = heading_slug(heading_text);
    std::string id = base;
    for (int& n = next_suffix_.try_emplace(base, 2).first->second; used_.count(id); ++n)
        id = base + "-" + std::to_string(n);
    used_.insert(id);
    return id;
}

std::string HeadingIds::unique_label(const std::string& label) {
    std::string out = label;
    for (int& n = next_label_.try_emplace(label, 2).first->second; labels_.count(out); ++n)
        out = label + " (" + std::to_string(n) + ")";
    labels_.insert(out);
    return out;
}

std::string heading_slug(std::string_view text) {
    std::string s = suggest_slug(text);
    return s.empty() ? "section" : s;
}

namespace {

constexpr unsigned base_flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEAUTOLINKS;

struct Writer {
    Writer(const MarkdownOptions& o, HeadingIds& i) : options(o), ids(i) {}

    const MarkdownOptions& options;
    HeadingIds& ids;
    std::string out;

    // Headings are written at md4c's level, and moved to the page's levels
    // once the whole document has been read (finish_headings): the shift
    // depends on the document's highest heading, which may come last.
    struct HeadingMark {
        std::size_t open_digit, close_digit;  // of "<hN" and "</hN" in `out`
        int level;                            // md4c's, 1 to 6
    };
    std::vector<HeadingMark> headings;

    // A heading is written once it is complete, since its id depends on its text.
    bool in_heading = false;
    int heading_level = 0;
    std::string heading_html, heading_text;
    // Inside an image, text goes into the alt attribute and markup is dropped.
    int image_depth = 0;
    // Tables are wrapped in a labelled, focusable scroll container once
    // complete, named after their column headings.
    std::size_t table_start = 0;
    bool in_th = false;
    std::vector<std::string> column_names;

    std::string& sink() { return in_heading ? heading_html : out; }

    void text(std::string_view t) {
        if (in_th) column_names.back().append(t);
        append_html_escaped(sink(), t);  // in an image, the alt attribute
        if (in_heading && image_depth == 0) heading_text.append(t);
    }

    void raw(std::string_view t) {
        if (image_depth == 0) sink().append(t);
    }

    // An attribute's text as a browser would read it: character references
    // decoded, so that what is checked is what the browser sees.
    static std::string decoded(const MD_ATTRIBUTE& a) {
        std::string out;
        for (unsigned i = 0; a.substr_offsets[i] < a.size; ++i) {
            const std::string_view part(a.text + a.substr_offsets[i], a.substr_offsets[i + 1] - a.substr_offsets[i]);
            if (a.substr_types[i] == MD_TEXT_ENTITY) out += decode_character_references(part);
            else if (a.substr_types[i] == MD_TEXT_NULLCHAR) out += "\xEF\xBF\xBD";
            else out += part;
        }
        return out;
    }

    // The address to write, or nullopt when it is not allowed (javascript:
    // however spelt, data:, file: ...): see util/url.hpp.
    std::optional<std::string> address(const MD_ATTRIBUTE& a) const {
        std::string url = browser_cleaned_url(decoded(a));
        if (!options.unsafe_html && !is_allowed_url(url)) return std::nullopt;
        if (options.base_path.size() > 1 && url.size() > 0 && url[0] == '/' && (url.size() == 1 || url[1] != '/') &&
            url.rfind(options.base_path, 0) != 0 && url + "/" != options.base_path)
            url = options.base_path + url.substr(1);
        return url;
    }

    int enter_block(MD_BLOCKTYPE type, void* detail) {
        block_marks.push_back(spans.size());
        switch (type) {
            case MD_BLOCK_DOC: break;
            case MD_BLOCK_QUOTE: raw("<blockquote>\n"); break;
            case MD_BLOCK_UL: raw("<ul>\n"); break;
            case MD_BLOCK_OL: {
                const auto* d = static_cast<MD_BLOCK_OL_DETAIL*>(detail);
                if (d->start == 1)
                    raw("<ol>\n");
                else
                    raw("<ol start=\"" + std::to_string(d->start) + "\">\n");
                break;
            }
            case MD_BLOCK_LI: raw("<li>"); break;
            case MD_BLOCK_HR: raw("<hr>\n"); break;
            case MD_BLOCK_H: {
                const auto* d = static_cast<MD_BLOCK_H_DETAIL*>(detail);
                heading_level = std::clamp(static_cast<int>(d->level), 1, 6);
                in_heading = true;
                heading_html.clear();
                heading_text.clear();
                break;
            }
            case MD_BLOCK_CODE: raw("<pre><code>"); break;
            case MD_BLOCK_HTML: break;
            case MD_BLOCK_P: raw("<p>"); break;
            case MD_BLOCK_TABLE:
                table_start = out.size();
                column_names.clear();
                break;
            case MD_BLOCK_THEAD: raw("<thead>\n"); break;
            case MD_BLOCK_TBODY: raw("<tbody>\n"); break;
            case MD_BLOCK_TR: raw("<tr>"); break;
            case MD_BLOCK_TH:
                in_th = true;
                column_names.emplace_back();
                raw("<th scope=\"col\"" + align_class(detail) + ">");
                break;
            case MD_BLOCK_TD: raw("<td" + align_class(detail) + ">"); break;
        }
        return 0;
    }

    static std::string align_class(void* detail) {
        switch (static_cast<MD_BLOCK_TD_DETAIL*>(detail)->align) {
            case MD_ALIGN_LEFT: return " class=\"align-left\"";
            case MD_ALIGN_CENTER: return " class=\"align-center\"";
            case MD_ALIGN_RIGHT: return " class=\"align-right\"";
            default: return "";
        }
    }

    int leave_block(MD_BLOCKTYPE type, void*) {
        close_spans(block_marks.back());  // what md4c left open in this block
        block_marks.pop_back();
        switch (type) {
            case MD_BLOCK_DOC: break;
            case MD_BLOCK_QUOTE: raw("</blockquote>\n"); break;
            case MD_BLOCK_UL: raw("</ul>\n"); break;
            case MD_BLOCK_OL: raw("</ol>\n"); break;
            case MD_BLOCK_LI: raw("</li>\n"); break;
            case MD_BLOCK_HR: break;
            case MD_BLOCK_H: {
                in_heading = false;
                const char level = static_cast<char>('0' + heading_level);
                HeadingMark mark{out.size() + 2, 0, heading_level};
                out += "<h";
                out += level;
                out += " id=\"" + ids.claim(heading_text) + "\">" + heading_html + "</h";
                mark.close_digit = out.size();
                out += level;
                out += ">\n";
                headings.push_back(mark);
                break;
            }
            case MD_BLOCK_CODE: raw("</code></pre>\n"); break;
            case MD_BLOCK_HTML: break;
            case MD_BLOCK_P: raw("</p>\n"); break;
            case MD_BLOCK_TABLE: {
                const std::string label = ids.unique_label("Table: " + join(column_names, ", "));
                const std::string open = "<section class=\"table-scroll\" aria-label=\"" + html_escape(label) +
                                         "\" tabindex=\"0\">\n<table>\n";
                out.insert(table_start, open);
                for (auto& h : headings)  // none can be inside a table; kept right all the same
                    if (h.open_digit >= table_start) h.open_digit += open.size(), h.close_digit += open.size();
                raw("</table>\n</section>\n");
                break;
            }
            case MD_BLOCK_THEAD: raw("</thead>\n"); break;
            case MD_BLOCK_TBODY: raw("</tbody>\n"); break;
            case MD_BLOCK_TR: raw("</tr>\n"); break;
            case MD_BLOCK_TH: in_th = false; raw("</th>"); break;
            case MD_BLOCK_TD: raw("</td>"); break;
        }
        return 0;
    }

    // Inline elements opened and not yet closed, with their closing tags.
    // md4c can leave one unclosed (a "~" that opens a strikethrough and
    // closes inside a link's address), so the writer closes whatever is
    // still open when its block ends, and always in order.
    struct OpenSpan {
        MD_SPANTYPE type;
        std::string close;  // "" when nothing was opened (a link left out)
    };
    std::vector<OpenSpan> spans;
    std::vector<std::size_t> block_marks;  // spans.size() when each open block began

    void open_span(MD_SPANTYPE type, std::string open, std::string close) {
        raw(open);
        spans.push_back({type, std::move(close)});
    }
    // Closes open spans down to `depth`.
    void close_spans(std::size_t depth) {
        while (spans.size() > depth) {
            raw(spans.back().close);
            spans.pop_back();
        }
    }

    int enter_span(MD_SPANTYPE type, void* detail) {
        if (image_depth > 0) {
            if (type == MD_SPAN_IMG) ++image_depth;
            return 0;
        }
        switch (type) {
            case MD_SPAN_EM: open_span(type, "<em>", "</em>"); break;
            case MD_SPAN_STRONG: open_span(type, "<strong>", "</strong>"); break;
            case MD_SPAN_A: {
                const auto* d = static_cast<MD_SPAN_A_DETAIL*>(detail);
                const auto href = address(d->href);
                if (!href) {  // the link's text stays, as text
                    open_span(type, "", "");
                    break;
                }
                std::string a = "<a href=\"" + html_escape(*href) + "\"";
                if (d->title.size > 0) a += " title=\"" + html_escape(decoded(d->title)) + "\"";
                open_span(type, a + ">", "</a>");
                break;
            }
            case MD_SPAN_IMG: {
                const auto* d = static_cast<MD_SPAN_IMG_DETAIL*>(detail);
                const auto src = address(d->src);
                image_title = d->title.size > 0 ? decoded(d->title) : std::string();
                image_shown = src.has_value();
                // An image with a disallowed address is left out; its text
                // goes nowhere (image_depth still swallows it).
                if (image_shown) sink() += "<img src=\"" + html_escape(*src) + "\" alt=\"";
                ++image_depth;
                break;
            }
            case MD_SPAN_CODE: open_span(type, "<code>", "</code>"); break;
            case MD_SPAN_DEL: open_span(type, "<del>", "</del>"); break;
            default: break;
        }
        return 0;
    }
    std::string image_title;
    bool image_shown = false;

    int leave_span(MD_SPANTYPE type, void*) {
        if (image_depth > 0) {
            if (type == MD_SPAN_IMG && --image_depth == 0 && image_shown) {
                sink() += "\"";
                if (!image_title.empty()) sink() += " title=\"" + html_escape(image_title) + "\"";
                sink() += ">";
            }
            return 0;
        }
        // The innermost open span of this type, and any opened inside it.
        for (std::size_t i = spans.size(); i-- > 0;)
            if (spans[i].type == type) {
                close_spans(i);
                break;
            }
        return 0;
    }

    // Moves every heading by the same number of levels, so that the
    // document's highest becomes `top_heading_level` (within h1 to h6).
    void finish_headings() {
        if (headings.empty()) return;
        int top = 6;
        for (const auto& h : headings) top = std::min(top, h.level);
        const int shift = options.top_heading_level - top;
        for (const auto& h : headings) {
            const char level = static_cast<char>('0' + std::clamp(h.level + shift, 1, 6));
            out[h.open_digit] = level;
            out[h.close_digit] = level;
        }
    }

    int on_text(MD_TEXTTYPE type, std::string_view t) {
        // In an image left out, nothing; in one shown, the alt attribute.
        if (image_depth > 0 && !image_shown) return 0;
        switch (type) {
            case MD_TEXT_NULLCHAR: text("\xEF\xBF\xBD"); break;
            case MD_TEXT_BR: image_depth ? text(" ") : raw("<br>\n"); break;
            case MD_TEXT_SOFTBR:
                if (image_depth) text(" ");
                else raw("\n");
                if (in_heading) heading_text += " ";
                break;
            case MD_TEXT_ENTITY:
                // Decoded, then escaped like any text: what the reader sees.
                text(decode_character_references(t));
                break;
            case MD_TEXT_HTML:
                // Only reached with unsafe_html: md4c is told to treat HTML as text otherwise.
                raw(t);
                break;
            default: text(t); break;
        }
        return 0;
    }
};

}  // namespace

std::string render_markdown(std::string_view markdown, const MarkdownOptions& options, HeadingIds& ids) {
    const unsigned flags = base_flags | (options.unsafe_html ? 0u : static_cast<unsigned>(MD_FLAG_NOHTML));
    const Md4cInput input(markdown);
    Writer w(options, ids);
    w.out.reserve(markdown.size() * 5 / 4 + 64);

    MD_PARSER p{};
    p.flags = flags;
    p.enter_block = [](MD_BLOCKTYPE t, void* d, void* u) { return static_cast<Writer*>(u)->enter_block(t, d); };
    p.leave_block = [](MD_BLOCKTYPE t, void* d, void* u) { return static_cast<Writer*>(u)->leave_block(t, d); };
    p.enter_span = [](MD_SPANTYPE t, void* d, void* u) { return static_cast<Writer*>(u)->enter_span(t, d); };
    p.leave_span = [](MD_SPANTYPE t, void* d, void* u) { return static_cast<Writer*>(u)->leave_span(t, d); };
    p.text = [](MD_TEXTTYPE t, const MD_CHAR* s, MD_SIZE n, void* u) {
        return static_cast<Writer*>(u)->on_text(t, std::string_view(s, n));
    };
    md_parse(input.data(), input.size(), &p, &w);
    w.finish_headings();
    return std::move(w.out);
}

}  // namespace eqsite
