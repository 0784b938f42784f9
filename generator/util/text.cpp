#include "util/text.hpp"

#include <utf8proc.h>

#include <cstdlib>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <utility>

namespace eqsite {

std::string normalise_newlines(std::string_view raw) {
    if (raw.size() >= 3 && static_cast<unsigned char>(raw[0]) == 0xEF && static_cast<unsigned char>(raw[1]) == 0xBB &&
        static_cast<unsigned char>(raw[2]) == 0xBF)
        raw.remove_prefix(3);
    std::string out;
    out.reserve(raw.size());
    // Copied in runs between carriage returns (most files have none).
    std::size_t from = 0;
    for (std::size_t cr = raw.find('\r'); cr != std::string_view::npos; cr = raw.find('\r', from)) {
        out.append(raw.substr(from, cr - from));
        out.push_back('\n');
        from = cr + 1;
        if (from < raw.size() && raw[from] == '\n') ++from;
    }
    out.append(raw.substr(from));
    return out;
}

namespace {

// Length of the UTF-8 sequence starting at s[i], or 0 if it is invalid.
// Strict RFC 3629: no overlong forms, no surrogates (U+D800..U+DFFF), no
// code points above U+10FFFF.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) return 1;
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c == 0xE0) len = 3, lo = 0xA0;
    else if (c >= 0xE1 && c <= 0xEC) len = 3;
    else if (c == 0xED) len = 3, hi = 0x9F;
    else if (c >= 0xEE && c <= 0xEF) len = 3;
    else if (c == 0xF0) len = 4, lo = 0x90;
    else if (c >= 0xF1 && c <= 0xF3) len = 4;
    else if (c == 0xF4) len = 4, hi = 0x8F;
    else return 0;
    if (i + len > s.size()) return 0;
    const auto second = static_cast<unsigned char>(s[i + 1]);
    if (second < lo || second > hi) return 0;
    for (std::size_t k = 2; k < len; ++k)
        if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return 0;
    return len;
}

}  // namespace

std::optional<TextPosition> find_invalid_utf8(std::string_view text) {
    if (is_valid_utf8(text)) return std::nullopt;  // quick; then found character by character
    TextPosition pos;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t len = utf8_sequence_length(text, i);
        if (len == 0) return pos;
        if (text[i] == '\n') {
            ++pos.line;
            pos.column = 1;
        } else {
            ++pos.column;
        }
        i += len;
    }
    return std::nullopt;
}

bool is_valid_utf8(std::string_view text) {
    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n;) {
        // Most text is ASCII: eight bytes at a time while none has its
        // top bit set.
        for (std::uint64_t block; i + 8 <= n; i += 8) {
            std::memcpy(&block, text.data() + i, 8);
            if (block & 0x8080808080808080ull) break;
        }
        if (i >= n) break;
        const std::size_t len = utf8_sequence_length(text, i);
        if (len == 0) return false;
        i += len;
    }
    return true;
}

std::string valid_utf8(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t len = utf8_sequence_length(text, i);
        if (len == 0) {
            out += "\xEF\xBF\xBD";  // U+FFFD
            ++i;
        } else {
            out.append(text.substr(i, len));
            i += len;
        }
    }
    return out;
}

int column_of(std::string_view line_text, std::size_t offset) {
    int column = 1;
    for (std::size_t i = 0; i < offset && i < line_text.size(); ++i)
        if ((static_cast<unsigned char>(line_text[i]) & 0xC0) != 0x80) ++column;
    return column;
}

bool is_valid_slug(std::string_view s) {
    if (s.empty() || s.front() == '-' || s.back() == '-') return false;
    char prev = 0;
    for (char c : s) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        if (!ok || (c == '-' && prev == '-')) return false;
        prev = c;
    }
    return true;
}

namespace {

// Latin letters with accents, as used in English, Welsh, Irish and most
// European names, mapped to their plain ASCII letter.
const std::array<std::pair<std::string_view, char>, 58> accent_map{{
    {"à", 'a'}, {"á", 'a'}, {"â", 'a'}, {"ä", 'a'}, {"ã", 'a'}, {"å", 'a'}, {"è", 'e'}, {"é", 'e'},
    {"ê", 'e'}, {"ë", 'e'}, {"ì", 'i'}, {"í", 'i'}, {"î", 'i'}, {"ï", 'i'}, {"ò", 'o'}, {"ó", 'o'},
    {"ô", 'o'}, {"ö", 'o'}, {"õ", 'o'}, {"ø", 'o'}, {"ù", 'u'}, {"ú", 'u'}, {"û", 'u'}, {"ü", 'u'},
    {"ŵ", 'w'}, {"ẁ", 'w'}, {"ẃ", 'w'}, {"ẅ", 'w'}, {"ŷ", 'y'}, {"ỳ", 'y'}, {"ý", 'y'}, {"ÿ", 'y'},
    {"ç", 'c'}, {"ñ", 'n'}, {"À", 'a'}, {"Á", 'a'}, {"Â", 'a'}, {"Ä", 'a'}, {"È", 'e'}, {"É", 'e'},
    {"Ê", 'e'}, {"Ë", 'e'}, {"Ì", 'i'}, {"Í", 'i'}, {"Î", 'i'}, {"Ï", 'i'}, {"Ò", 'o'}, {"Ó", 'o'},
    {"Ô", 'o'}, {"Ö", 'o'}, {"Ù", 'u'}, {"Ú", 'u'}, {"Û", 'u'}, {"Ü", 'u'}, {"Ŵ", 'w'}, {"Ŷ", 'y'},
    {"Ç", 'c'}, {"Ñ", 'n'},
}};

}  // namespace

std::string suggest_slug(std::string_view s) {
    std::string out;
    bool pending_hyphen = false;
    auto put = [&](char c) {
        if (pending_hyphen && !out.empty()) out.push_back('-');
        pending_hyphen = false;
        out.push_back(c);
    };
    for (std::size_t i = 0; i < s.size();) {
        const char c = s[i];
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            put(c);
            ++i;
            continue;
        }
        if (c >= 'A' && c <= 'Z') {
            put(static_cast<char>(c - 'A' + 'a'));
            ++i;
            continue;
        }
        if (c == '\'' || c == '.') {  // "St Mary's" -> "st-marys"
            ++i;
            continue;
        }
        bool mapped = false;
        for (const auto& [from, to] : accent_map) {
            if (s.substr(i, from.size()) == from) {
                put(to);
                i += from.size();
                mapped = true;
                break;
            }
        }
        if (mapped) continue;
        pending_hyphen = true;
        ++i;
        while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    }
    return out;
}

std::string invalid_slug_message(std::string_view name, std::string_view what) {
    std::string msg = "\"" + std::string(name) + "\" is not a valid " + std::string(what) +
                      " name: use only lower-case letters, digits and hyphens";
    if (const std::string suggestion = suggest_slug(name); !suggestion.empty())
        msg += ", for example \"" + suggestion + "\"";
    return msg;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    // Three rows of the table: a swap of two neighbouring letters ("stauts")
    // looks back two rows.
    std::vector<std::size_t> before(b.size() + 1), above(b.size() + 1), row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) above[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            row[j] = std::min({above[j] + 1, row[j - 1] + 1, above[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                row[j] = std::min(row[j], before[j - 2] + 1);
        }
        std::swap(before, above);
        std::swap(above, row);
    }
    return above[b.size()];
}

std::optional<std::string> nearest(std::string_view word, const std::vector<std::string>& candidates) {
    const std::string w = to_lower_ascii(word);
    std::optional<std::string> best;
    std::size_t best_distance = 0;
    for (const auto& c : candidates) {
        const std::size_t d = edit_distance(w, to_lower_ascii(c));
        if (!best || d < best_distance) {
            best = c;
            best_distance = d;
        }
    }
    // Beyond about half the word's length the "suggestion" is a guess.
    const std::size_t limit = std::max<std::size_t>(2, (w.size() + 1) / 2);
    if (!best || best_distance > limit) return std::nullopt;
    return best;
}

std::vector<std::string> nearest_all(std::string_view word, const std::vector<std::string>& candidates) {
    const std::string w = to_lower_ascii(word);
    const std::size_t limit = std::max<std::size_t>(2, (w.size() + 1) / 2);
    std::size_t best = limit + 1;
    std::vector<std::string> out;
    for (const auto& c : candidates) {
        const std::size_t d = edit_distance(w, to_lower_ascii(c));
        if (d > limit || d > best) continue;
        if (d < best) out.clear();
        best = d;
        if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
    }
    return out;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
    std::vector<std::string> quoted;
    for (const auto& c : nearest_all(word, candidates)) quoted.push_back("\"" + c + "\"");
    return quoted.empty() ? "" : "did you mean " + join_words(quoted, " or ") + "?";
}

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
    if (from.empty()) return text;
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

namespace {
// `text` mapped by utf8proc with `options`, or nullopt if it is not UTF-8.
std::optional<std::string> utf8proc_mapped(std::string_view text, int options) {
    utf8proc_uint8_t* out = nullptr;
    const utf8proc_ssize_t size =
        utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()), static_cast<utf8proc_ssize_t>(text.size()),
                     &out, static_cast<utf8proc_option_t>(options | UTF8PROC_STABLE));
    if (size < 0) return std::nullopt;
    std::string mapped(reinterpret_cast<const char*>(out), static_cast<std::size_t>(size));
    std::free(out);
    return mapped;
}
}  // namespace

std::string file_name_key(std::string_view name) {
    auto key = utf8proc_mapped(name, UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD);
    return key ? std::move(*key) : to_lower_ascii(name);
}

std::string composed(std::string_view text) {
    auto nfc = utf8proc_mapped(text, UTF8PROC_COMPOSE);
    return nfc ? std::move(*nfc) : std::string(text);
}

std::string to_lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string trim(std::string_view s) {
    const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return std::string(s);
}

std::string join_words(const std::vector<std::string>& words, std::string_view last_sep) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0) out += (i + 1 == words.size()) ? std::string(last_sep) : std::string(", ");
        out += words[i];
    }
    return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) out += sep;
        out += parts[i];
    }
    return out;
}

std::size_t find_html_special(std::string_view s, std::size_t from) {
    const std::size_t n = s.size();
    std::size_t i = from;
    while (i < n) {
        // Eight bytes at a time while none is special: most text has none.
        for (std::uint64_t block; i + 8 <= n; i += 8) {
            std::memcpy(&block, s.data() + i, 8);
            if (any_byte_is(block, '&') || any_byte_is(block, '<') || any_byte_is(block, '>') ||
                any_byte_is(block, '"') || any_byte_is(block, '\''))
                break;
        }
        for (const std::size_t stop = std::min(n, i + 8); i < stop; ++i)
            switch (s[i]) {
                case '&': case '<': case '>': case '"': case '\'': return i;
                default: break;
            }
    }
    return std::string_view::npos;
}

void append_html_escaped(std::string& out, std::string_view s) {
    std::size_t from = 0;
    for (std::size_t at = find_html_special(s, 0); at != std::string_view::npos; at = find_html_special(s, from)) {
        out.append(s.substr(from, at - from));
        switch (s[at]) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += "&#39;"; break;
        }
        from = at + 1;
    }
    out.append(s.substr(from));
}

std::string html_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 16);
    append_html_escaped(out, s);
    return out;
}

bool natural_less(std::string_view a, std::string_view b) {
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (digit(a[i]) && digit(b[j])) {
            // Compare the numbers: without leading zeros, the longer is larger.
            std::size_t ai = i, bj = j;
            while (ai < a.size() && a[ai] == '0') ++ai;
            while (bj < b.size() && b[bj] == '0') ++bj;
            std::size_t ae = ai, be = bj;
            while (ae < a.size() && digit(a[ae])) ++ae;
            while (be < b.size() && digit(b[be])) ++be;
            if (ae - ai != be - bj) return ae - ai < be - bj;
            if (const int c = a.substr(ai, ae - ai).compare(b.substr(bj, be - bj)); c != 0) return c < 0;
            i = ae;
            j = be;
            continue;
        }
        if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
        ++i;
        ++j;
    }
    if (i < a.size() || j < b.size()) return j < b.size() && !(i < a.size());
    // Equal by reading ("007" and "7"): byte order decides, so only equal names are equivalent.
    return a < b;
}

}  // namespace eqsite
