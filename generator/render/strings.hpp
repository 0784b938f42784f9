// The theme's interface text in the site's language: every word a page
// shows that does not come from the content (headings, labels, sentences
// of the review, dates' month names) lives in a strings file,
// themes/default/i18n/<language>.yaml, which a site's
// theme/i18n/<language>.yaml overrides key by key.
//
// A string may hold placeholders, `{name}`, filled from values of the page
// (in templates, `{{t.key}}` becomes the string with each placeholder the
// Mustache variable of that name), and plural forms: a map of CLDR plural
// categories (one, other; Welsh also zero, two, few, many), chosen by the
// `count` of the sentence.
#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/date.hpp"
#include "util/diagnostics.hpp"
#include "util/digest.hpp"

namespace eqsite {

class Strings {
public:
    using Args = std::vector<std::pair<std::string_view, std::string>>;

    // The text of `key` with its placeholders filled from `args` (a
    // placeholder with no value is left as written). A key the strings do
    // not have gives "[key]": a bug, which the tests look for.
    std::string text(std::string_view key, const Args& args = {}) const;
    // text("vocabulary.<kind>.<slug>"), found without making the key:
    // pages ask for these words (an aim, a status) thousands of times.
    std::string term(std::string_view kind, std::string_view slug) const;
    // The plural form of `key` for `n`, with {count} and `args` filled in.
    std::string count(std::string_view key, long long n, Args args = {}) const;
    // "12 September 2024", or "September 2024" for a month.
    std::string date(const Date& d) const;
    // "on 12 September 2024", or "in September 2024", for sentences.
    std::string on_date(const Date& d) const;

    const std::string& language() const { return language_; }
    // The one form of `key`, as written (templates), or nullptr if there is
    // none: an unknown key, or one with plural forms.
    const std::string* single(std::string_view key) const;
    bool has(std::string_view key) const { return entries_.count(std::string(key)) != 0; }
    // Every key, sorted (for the tests and for did-you-mean).
    std::vector<std::string> keys() const;
    // Of every key and text: pages read the strings (model/recorded.hpp).
    Digest digest() const;
    // Keys the site's file adds to the theme's, where each is written:
    // for its own templates, or a misspelling.
    const std::map<std::string, Location>& added() const { return added_; }

    // Built by load_strings().
    struct Entry {
        std::map<std::string, std::string> forms;  // "" for a string without plural forms
        Location where;                            // where it was written
    };
    Strings(std::string language, std::map<std::string, Entry, std::less<>> entries);
    Strings() = default;

private:
    friend Strings load_strings(const std::filesystem::path&, const std::string&, const Location&, Diagnostics&);
    std::string language_;
    std::map<std::string, Entry, std::less<>> entries_;
    std::map<std::string, Location> added_;
    // The texts of the vocabulary.* keys, by kind, then slug.
    std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>> vocabulary_;
    std::vector<std::string> months_;  // dates.months.1 to 12, at 0 to 11
};

// The strings of `language`: the default theme's file for it, then the
// site's theme/i18n/<language>.yaml over it key by key. A language the
// default theme has no file for needs the site's file: without it, an
// error says which file to add; keys that file lacks fall back to the
// default (en-GB) with one warning naming them. A key the default theme
// does not have is added, for the site's own templates.
Strings load_strings(const std::filesystem::path& site_root, const std::string& language, const Location& language_at,
                     Diagnostics& diags);

// Warns at each key the site added that no template uses (`used`: the
// keys of every {{t.key}}), with the nearest key of the theme.
void warn_unused_keys(const Strings& strings, const std::set<std::string>& used, Diagnostics& diags);

// The CLDR plural category of `n` in `language`: "one" or "other" in
// English, Welsh's six forms for "cy".
std::string_view plural_category(const std::string& language, long long n);

}  // namespace eqsite
