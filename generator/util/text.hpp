// Small text helpers shared by every stage: input normalisation, slugs,
// "did you mean" suggestions and HTML escaping.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eqsite {

// Drops a UTF-8 byte-order mark and turns CRLF and lone CR into LF, so line
// and column numbers match what an editor shows on any platform.
std::string normalise_newlines(std::string_view raw);

// Position (1-based line and column, counting characters) of the first byte
// that is not valid UTF-8, or nullopt when the text is valid.
struct TextPosition {
    int line = 1;
    int column = 1;
};
// Strict UTF-8 (RFC 3629): no overlong forms, surrogates or code points
// above U+10FFFF.
std::optional<TextPosition> find_invalid_utf8(std::string_view text);
bool is_valid_utf8(std::string_view text);
// The text with every invalid byte replaced by U+FFFD, for showing a name.
std::string valid_utf8(std::string_view text);

// Column (1-based, in characters) of byte `offset` within its line.
int column_of(std::string_view line_text, std::size_t offset);

// A slug is lower-case ASCII letters, digits and single hyphens between them.
bool is_valid_slug(std::string_view s);
// The nearest valid slug: accents dropped (é→e, ŵ→w), spaces and other
// characters turned into hyphens. May be empty for text with no letters.
std::string suggest_slug(std::string_view s);
// "\"St Mary's\" is not a valid school folder name: use only lower-case
// letters, digits and hyphens, for example \"st-marys\"".
std::string invalid_slug_message(std::string_view name, std::string_view what);

// Damerau-Levenshtein distance (optimal string alignment: a swap of two
// neighbouring characters is one edit), counted in bytes.
std::size_t edit_distance(std::string_view a, std::string_view b);
// The candidate closest to `word`, compared case-insensitively; nullopt if
// nothing is close enough to be a plausible typo.
std::optional<std::string> nearest(std::string_view word, const std::vector<std::string>& candidates);
// Every candidate at the nearest plausible distance (several when they tie,
// so a message can offer both), in the candidates' order; empty if none is
// close enough.
std::vector<std::string> nearest_all(std::string_view word, const std::vector<std::string>& candidates);
// "did you mean \"status\"?", or with two as near as each other "did you
// mean \"bat\" or \"car\"?"; "" when nothing is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

std::string to_lower_ascii(std::string_view s);
// A file name (UTF-8) as Windows and macOS compare names: capitals folded
// ("É" and "é", "ß" and "SS") and accents decomposed ("é" written as one
// character or as "e" and a combining accent). Two names with the same
// key are one file there. Text that is not UTF-8 is folded in ASCII only.
std::string file_name_key(std::string_view name);
// `text` (UTF-8) with its accents composed (NFC: "e" and a combining
// accent become "é"); text that is not UTF-8 as it is.
std::string composed(std::string_view text);
// Every `from` in `text` replaced by `to`.
std::string replace_all(std::string text, std::string_view from, std::string_view to);
std::string trim(std::string_view s);
// "a, b and c"
std::string join_words(const std::vector<std::string>& words, std::string_view last_sep = " and ");
std::string join(const std::vector<std::string>& parts, std::string_view sep);

// Escapes & < > " ' for text and attribute values.
std::string html_escape(std::string_view s);
void append_html_escaped(std::string& out, std::string_view s);
// Where the first of & < > " and ' is in `s` from `from`, or npos
// (eight bytes at a time while there is none).
std::size_t find_html_special(std::string_view s, std::size_t from);

// Tests of eight bytes at once, the bytes of `block` (read with memcpy),
// for the scans that skip plain text a block at a time: whether any byte
// is `c`, whether any is below `n` (n at most 128).
constexpr bool any_byte_is(std::uint64_t block, unsigned char c) {
    constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    const std::uint64_t v = block ^ (ones * c);
    return ((v - ones) & ~v & highs) != 0;  // a byte of v is zero
}
constexpr bool any_byte_below(std::uint64_t block, unsigned char n) {
    constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    return ((block - ones * n) & ~block & highs) != 0;
}

// Orders names as people read them: runs of digits by their number, so
// "objective-9.md" comes before "objective-10.md" and cell B9 before B10.
// Otherwise byte order. A strict weak order (equal only when equal).
bool natural_less(std::string_view a, std::string_view b);

}  // namespace eqsite
