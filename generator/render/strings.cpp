#include "render/strings.hpp"

#include <algorithm>

#include "load/document.hpp"
#include "load/embedded.hpp"
#include "util/files.hpp"
#include "util/text.hpp"

namespace eqsite {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view default_language = "en-GB";
constexpr std::string_view builtin_dir = "themes/default/i18n/";

bool is_plural_category(const std::string& s) {
    return s == "zero" || s == "one" || s == "two" || s == "few" || s == "many" || s == "other";
}

using Entries = std::map<std::string, Strings::Entry, std::less<>>;

// Flattens nested maps into dotted keys ("review.heading"); a list gives
// keys numbered from 1 (dates.months.1 is January). A map of plural
// categories with `other` is one string with plural forms.
void flatten(const YamlNode& node, const std::string& prefix, const std::string& file, Entries& out,
             Diagnostics& diags) {
    const Location where{file, node.line + 1, node.column + 1};
    if (node.is_text()) {
        out[prefix] = {{{"", node.text}}, where};
        return;
    }
    if (node.is_list()) {
        for (std::size_t i = 0; i < node.items.size(); ++i)
            flatten(node.items[i], prefix + "." + std::to_string(i + 1), file, out, diags);
        return;
    }
    if (!node.is_map()) {
        diags.error(where, "\"" + prefix + "\" has no text: write the words after the colon");
        return;
    }
    bool plural = false;
    for (const auto& key : node.keys) plural = plural || key.text == "other";
    for (std::size_t i = 0; i < node.items.size(); ++i)
        plural = plural && is_plural_category(node.keys[i].text) && node.items[i].is_text();
    if (plural && !prefix.empty()) {
        Strings::Entry e{{}, where};
        for (std::size_t i = 0; i < node.items.size(); ++i) e.forms[node.keys[i].text] = node.items[i].text;
        out[prefix] = std::move(e);
        return;
    }
    for (std::size_t i = 0; i < node.items.size(); ++i) {
        const std::string& key = node.keys[i].text;
        flatten(node.items[i], prefix.empty() ? key : prefix + "." + key, file, out, diags);
    }
}

// Whether every brace in `s` belongs to a placeholder {name} (letters,
// digits and _, not starting with a digit), and there is no {{ or }}.
bool placeholders_are_names(std::string_view s) {
    if (s.find("{{") != std::string_view::npos || s.find("}}") != std::string_view::npos) return false;
    auto name_char = [](char c, bool first) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (!first && c >= '0' && c <= '9');
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '}') return false;  // a closing brace with no opening one
        if (s[i] != '{') continue;
        const std::size_t close = s.find_first_of("{}", i + 1);
        if (close == std::string_view::npos || s[close] == '{') return false;
        if (close == i + 1) return false;  // {}
        for (std::size_t j = i + 1; j < close; ++j)
            if (!name_char(s[j], j == i + 1)) return false;
        i = close;
    }
    return true;
}

std::optional<Entries> parse_strings(const std::string& file, std::string_view text, Diagnostics& diags) {
    const auto yaml = load_yaml_file(file, text, diags);
    if (!yaml) return std::nullopt;
    Entries out;
    flatten(*yaml, "", file, out, diags);
    // A placeholder is a name: {school}. Braces around anything else would
    // become a Mustache tag of another kind (a section, a comment) in a
    // template, so they are refused.
    // Such a string is left out (the built-in one stands in), so that the
    // template it would go into is not also blamed for it.
    for (auto it = out.begin(); it != out.end();) {
        const auto& [key, entry] = *it;
        const bool bad = std::any_of(entry.forms.begin(), entry.forms.end(),
                                     [](const auto& form) { return !placeholders_are_names(form.second); });
        if (!bad) {
            ++it;
            continue;
        }
        diags.error(entry.where, "\"" + key + "\" has braces that are not a placeholder: strings are plain "
                                 "text, with a value of the page written as {name} (letters, digits and _)");
        it = out.erase(it);
    }
    return out;
}

std::optional<std::string_view> builtin(std::string_view language) {
    for (const auto& f : embedded::files())
        if (f.path == std::string(builtin_dir) + std::string(language) + ".yaml") return f.data;
    return std::nullopt;
}

// The site's theme/i18n/<language>.yaml, if it has one (never through a
// link out of the site: load_theme reports a link on the way to the folder,
// and list_visible lists nothing beyond one).
std::optional<std::pair<std::string, std::string>> site_file(const fs::path& root, const std::string& language,
                                                             Diagnostics& diags) {
    const fs::path dir = root / "theme" / "i18n";
    for (const auto& entry : list_visible(dir, root)) {
        if (entry.name != language + ".yaml") continue;
        const std::string source = relative_name(dir / from_utf8(entry.name), root);
        if (entry.kind == EntryKind::problem) diags.error({source, 1, 1}, entry.problem);
        if (!entry.is_file()) return std::nullopt;
        ReadError why;
        auto bytes = read_file(dir / from_utf8(entry.name), max_text_file, why);
        if (!bytes) {
            diags.error({source, 1, 1}, read_error_message(why, max_text_file));
            return std::nullopt;
        }
        return std::make_pair(source, std::move(*bytes));
    }
    return std::nullopt;
}

// One pass, so a value that itself holds "{name}" is never filled again.
std::string fill(const std::string& text, const Strings::Args& args) {
    std::string out;
    std::size_t from = 0;
    while (true) {
        const auto open = text.find('{', from);
        const auto close = open == std::string::npos ? open : text.find('}', open);
        if (close == std::string::npos) break;
        const std::string_view name(text.data() + open + 1, close - open - 1);
        const auto arg = std::find_if(args.begin(), args.end(), [&](const auto& a) { return a.first == name; });
        out.append(text, from, open - from);
        if (arg != args.end()) out += arg->second;
        else out.append(text, open, close - open + 1);
        from = close + 1;
    }
    out.append(text, from, std::string::npos);
    return out;
}

}  // namespace

std::string_view plural_category(const std::string& language, long long n) {
    if (language == "cy" || language.starts_with("cy-")) {
        switch (n) {
            case 0: return "zero";
            case 1: return "one";
            case 2: return "two";
            case 3: return "few";
            case 6: return "many";
            default: return "other";
        }
    }
    return n == 1 ? "one" : "other";
}

Strings::Strings(std::string language, std::map<std::string, Entry, std::less<>> entries)
    : language_(std::move(language)), entries_(std::move(entries)) {
    constexpr std::string_view prefix = "vocabulary.";
    for (auto it = entries_.lower_bound(prefix); it != entries_.end() && it->first.starts_with(prefix); ++it) {
        const std::string_view rest = std::string_view(it->first).substr(prefix.size());
        const std::size_t dot = rest.find('.');
        if (dot == std::string_view::npos) continue;
        vocabulary_[std::string(rest.substr(0, dot))][std::string(rest.substr(dot + 1))] = text(it->first);
    }
    for (int m = 1; m <= 12; ++m) months_.push_back(text("dates.months." + std::to_string(m)));
}

std::string Strings::term(std::string_view kind, std::string_view slug) const {
    if (const auto k = vocabulary_.find(kind); k != vocabulary_.end())
        if (const auto s = k->second.find(slug); s != k->second.end()) return s->second;
    return text("vocabulary." + std::string(kind) + "." + std::string(slug));  // "[key]"
}

std::string Strings::text(std::string_view key, const Args& args) const {
    const auto it = entries_.find(key);
    if (it == entries_.end()) return "[" + std::string(key) + "]";
    const auto& forms = it->second.forms;
    auto form = forms.find("");
    if (form == forms.end()) form = forms.find("other");
    return fill(form != forms.end() ? form->second : forms.begin()->second, args);
}

std::string Strings::count(std::string_view key, long long n, Args args) const {
    const auto it = entries_.find(key);
    if (it == entries_.end()) return "[" + std::string(key) + "]";
    const auto& forms = it->second.forms;
    auto form = forms.find(std::string(plural_category(language_, n)));
    if (form == forms.end()) form = forms.find("other");
    if (form == forms.end()) form = forms.begin();
    args.emplace_back("count", std::to_string(n));
    return fill(form->second, args);
}

std::string Strings::date(const Date& d) const {
    const std::string month = d.month >= 1 && d.month <= 12 && months_.size() == 12
                                  ? months_[static_cast<std::size_t>(d.month - 1)]
                                  : text("dates.months." + std::to_string(d.month));
    if (d.whole_month) return text("dates.month", {{"month", month}, {"year", std::to_string(d.year)}});
    return text("dates.day", {{"day", std::to_string(d.day)}, {"month", month}, {"year", std::to_string(d.year)}});
}

std::string Strings::on_date(const Date& d) const {
    return text(d.whole_month ? "dates.in_month" : "dates.on_day", {{"date", date(d)}});
}

const std::string* Strings::single(std::string_view key) const {
    const auto it = entries_.find(key);
    if (it == entries_.end()) return nullptr;
    const auto form = it->second.forms.find("");
    return form == it->second.forms.end() ? nullptr : &form->second;
}

std::vector<std::string> Strings::keys() const {
    std::vector<std::string> out;
    for (const auto& [key, e] : entries_) out.push_back(key);
    return out;
}

Digest Strings::digest() const {
    std::string all = language_;
    for (const auto& [key, e] : entries_)
        for (const auto& [form, text] : e.forms) all += "\n" + key + "\t" + form + "\t" + text;
    return digest_of(all);
}

Strings load_strings(const fs::path& site_root, const std::string& language, const Location& language_at,
                     Diagnostics& diags) {
    Diagnostics ignored;  // the built-in files are checked by the tests
    const auto fallback = builtin(default_language);
    Entries base = fallback ? parse_strings("(built-in) i18n/en-GB.yaml", *fallback, ignored).value_or(Entries{})
                            : Entries{};
    // Any English (en, en-US) is shown in the built-in British English.
    const bool english = language.size() >= 2 && (language[0] == 'e' || language[0] == 'E') &&
                         (language[1] == 'n' || language[1] == 'N') && (language.size() == 2 || language[2] == '-');
    const auto own_builtin = builtin(english ? default_language : std::string_view(language));
    const auto site = site_file(site_root, language, diags);
    if (!own_builtin && !site) {
        diags.error(language_at, "the theme has no words in \"" + language + "\": add theme/i18n/" + language +
                                     ".yaml with the text of every key of the built-in en-GB.yaml, "
                                     "translated (or set language: en-GB)");
        return Strings(language, std::move(base));  // one error, not one per missing key
    }
    Entries entries = base;
    std::map<std::string, Location> added;
    if (own_builtin && !english)
        for (auto& [key, e] : parse_strings("(built-in) i18n/" + language + ".yaml", *own_builtin, ignored).value_or(Entries{}))
            entries[key] = std::move(e);
    if (site) {
        const auto& [source, text] = *site;
        const auto over = parse_strings(source, text, diags);
        if (over) {
            for (const auto& [key, e] : *over) {
                if (!base.count(key)) added[key] = e.where;  // for the site's own templates, if they use it
                entries[key] = e;
            }
            // A language of its own must say everything: what it leaves out
            // is shown in English.
            if (!own_builtin) {
                std::vector<std::string> missing;
                for (const auto& [key, e] : base)
                    if (!over->count(key)) missing.push_back(key);
                if (!missing.empty())
                    diags.warning({source, 1, 1}, std::to_string(missing.size()) + " key" +
                                                      (missing.size() == 1 ? " is" : "s are") +
                                                      " missing, so shown in English (en-GB): " + join(missing, ", "));
            }
        }
    }
    Strings out(language, std::move(entries));
    out.added_ = std::move(added);
    return out;
}

void warn_unused_keys(const Strings& strings, const std::set<std::string>& used, Diagnostics& diags) {
    std::vector<std::string> known;
    for (const auto& key : strings.keys())
        if (!strings.added().count(key)) known.push_back(key);
    for (const auto& [key, where] : strings.added()) {
        if (used.count(key)) continue;
        std::string msg = "\"" + key + "\" is not a key of the theme's strings, and no template of the site "
                          "uses it, so it is never shown";
        if (const auto dym = did_you_mean(key, known); !dym.empty()) msg += "; " + dym;
        diags.warning(where, msg);
    }
}

}  // namespace eqsite
