#include "model/config.hpp"

#include "util/text.hpp"

namespace eqsite {
namespace {

std::optional<Located<Date>> located_date(Fields& f, const std::string& key, Need need = Need::optional) {
    auto d = f.date(key, need);
    if (!d) return std::nullopt;
    return Located<Date>{*d, f.where_value(key)};
}

std::optional<std::string> email(Fields& f, const std::string& key) {
    auto v = f.located_text(key);
    if (!v) return std::nullopt;
    if (!looks_like_email(v->value)) {
        f.diags().error(v->where, "\"" + v->value + "\" does not look like an e-mail address (name@example.org)");
        return std::nullopt;
    }
    return v->value;
}

int threshold(Fields& f, const std::string& key, int fallback) {
    auto v = f.integer(key);
    if (!v) return fallback;
    if (*v < 2 || *v > 100) {
        f.diags().error(f.where_value(key), "\"" + key + "\" must be a whole number from 2 to 100");
        return fallback;
    }
    return static_cast<int>(*v);
}

bool looks_like_language_tag(const std::string& s) {
    // en, en-GB, cy-GB: letters, then groups of letters or digits after '-'.
    if (s.empty() || s.front() == '-' || s.back() == '-') return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return true;
}

}  // namespace

bool looks_like_email(const std::string& s) {
    const auto at = s.find('@');
    if (at == std::string::npos || at == 0 || s.find(' ') != std::string::npos) return false;
    const auto dot = s.find('.', at);
    return dot != std::string::npos && dot > at + 1 && dot + 1 < s.size();
}

SiteConfig read_config(const YAML::Node& root, Diagnostics& diags) {
    SiteConfig c;
    Fields f(root, "site.yaml", 1, diags);

    if (auto trust = f.map("trust", Need::required)) {
        c.trust.name = trust->text("name", Need::required).value_or("");
        if (auto url = trust->located_text("url", Need::required)) {
            if (!url->value.starts_with("https://") && !url->value.starts_with("http://"))
                diags.error(url->where, "\"url\" must be the full web address of the site, starting with https://");
            c.trust.url = url->value;
            while (c.trust.url.ends_with("/")) c.trust.url.pop_back();
        }
        c.trust.contact_email = email(*trust, "contact_email");
        if (auto logo = trust->located_text("logo")) {
            if (!logo->value.starts_with("static/"))
                diags.error(logo->where, "the trust logo must be a file in the static/ folder, e.g. static/logo.svg");
            else
                c.trust.logo = logo->value;
        }
        c.trust.logo_alt = trust->text("logo_alt");
        trust->finish();
    }
    if (auto lang = f.located_text("language")) {
        if (looks_like_language_tag(lang->value))
            c.language = lang->value;
        else
            diags.error(lang->where, "\"language\" must be a language tag such as en-GB or cy");
    }
    if (auto theme = f.located_text("theme")) {
        if (theme->value != "default")
            diags.error(theme->where, "unknown theme \"" + theme->value +
                                          "\"; the only built-in theme is \"default\" (change templates in the "
                                          "site's theme/ folder instead)");
        c.theme = theme->value;
    }
    c.today = f.date("today");
    if (auto policy = f.map("policy")) {
        c.policy.approved_by = policy->text("approved_by");
        c.policy.approved_on = policy->date("approved_on");
        c.policy.review_due = located_date(*policy, "review_due");
        policy->finish();
    }
    c.information_updated = located_date(f, "information_updated");
    if (auto s = f.map("suppression")) {
        c.suppression.threshold = threshold(*s, "threshold", 5);
        c.suppression.staff_threshold = threshold(*s, "staff_threshold", 10);
        s->finish();
    }
    if (auto a = f.map("accessibility")) {
        c.accessibility.statement_reviewed = located_date(*a, "statement_reviewed");
        c.accessibility.contact_email = email(*a, "contact_email");
        c.accessibility.known_issues = a->plain_text_list("known_issues");
        a->finish();
    }
    if (auto m = f.map("markdown")) {
        c.markdown.unsafe_html = m->boolean("unsafe_html").value_or(false);
        m->finish();
    }
    f.finish();
    return c;
}

}  // namespace eqsite
