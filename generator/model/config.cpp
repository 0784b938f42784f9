#include "model/config.hpp"

#include "model/vocabulary.hpp"

#include <set>

#include "util/text.hpp"
#include "util/url.hpp"

namespace eqsite {
namespace {

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

// A signatory list as documents give it: name, role and date of each.
std::vector<Signatory> read_signatories(Fields& policy) {
    std::vector<Signatory> out;
    for (auto& s : policy.map_list("signatories")) {
        auto name = s.text("name", Need::required);
        Signatory sig{name.value_or(""), s.text("role"), s.date("date")};
        s.finish();
        if (name) out.push_back(std::move(sig));
    }
    return out;
}

void read_policy(Fields& p, SiteConfig::Policy& policy) {
    if (auto title = p.text("title")) {
        policy.title = *title;
        policy.title_given = true;
    }
    policy.strapline = p.text("strapline");
    policy.approved_by = p.text("approved_by");
    // "Approved by no" is a claim the author did not mean: a word that
    // names no one is taken as not recorded, and said so.
    if (policy.approved_by) {
        static const std::set<std::string> no_one = {"no", "none", "n/a", "na", "tbc", "tba", "tbd", "-", "--",
                                                     "false", "yes", "true", "unknown", "?", "x", "nobody"};
        if (no_one.count(to_lower_ascii(trim(*policy.approved_by)))) {
            p.diags().warning(p.where_value("approved_by"),
                              "\"approved_by: " + *policy.approved_by + "\" names no one: write the body that "
                              "approved the policy (e.g. Board of Trustees), or leave it out; until then the page "
                              "says that approval is not recorded");
            policy.approved_by.reset();
        }
    }
    policy.approved_on = p.date("approved_on");
    policy.signatories = read_signatories(p);
    policy.last_reviewed = p.located_date("last_reviewed");
    policy.review_due = p.located_date("review_due");
    if (policy.approved_on && !policy.approved_by)
        p.diags().warning(p.where_value("approved_on"),
                          "the policy gives a date of approval but not who approved it: add \"approved_by:\" with "
                          "the body that approved it, e.g. \"approved_by: Board of Trustees\"");
    if (policy.approved_by && !policy.approved_on)
        p.diags().warning(p.where_value("approved_by"),
                          "the policy says who approved it but not when: add \"approved_on:\" with the date of the "
                          "meeting (2024-09-12, or 2024-09 if the document gives only the month)");
    p.finish();
}

void warn_compliance_unset(Location where, Diagnostics& diags) {
    diags.warning(where, "the accessibility statement cannot say how far this website meets WCAG 2.2 AA: add "
                         "\"compliance:\" under \"accessibility:\" with fully, partially or not (the page says "
                         "that the status has not been stated until you do)");
}

void warn_untested(Location where, Diagnostics& diags) {
    diags.warning(where, "the accessibility statement cannot say when this website was last tested: add "
                         "\"last_tested:\" under \"accessibility:\" with the date of the last test, and "
                         "\"tested_by:\" with who tested it");
}

void read_accessibility(Fields& a, SiteConfig::Accessibility& acc) {
    auto& diags = a.diags();
    std::optional<Location> compliance_at;
    if (auto v = a.located_text("compliance")) {
        compliance_at = v->where;
        if (auto i = match_single(compliance_vocabulary(), *v, diags)) acc.compliance = static_cast<Compliance>(*i);
    } else if (!a.has("compliance")) {  // (a value of the wrong shape is an error already, not also missing)
        warn_compliance_unset(a.where_value("compliance"), diags);
    }
    acc.prepared = a.located_date("prepared");
    acc.last_reviewed = a.located_date("last_reviewed");
    // `statement_reviewed` is the original name of last_reviewed.
    if (auto old = a.located_date("statement_reviewed")) {
        if (acc.last_reviewed)
            diags.error(old->where, "\"statement_reviewed\" and \"last_reviewed\" are the same setting; keep "
                                    "\"last_reviewed\" only");
        else
            acc.last_reviewed = old;
    }
    acc.last_tested = a.date("last_tested");
    acc.tested_by = a.text("tested_by");
    acc.method = a.text("method");
    acc.contact_email = email(a, "contact_email");
    if (auto days = a.integer("response_days")) {
        if (*days < 1 || *days > 60)
            diags.error(a.where_value("response_days"), "\"response_days\" is how many working days you take to "
                                                        "answer a request: a whole number from 1 to 60");
        else
            acc.response_days = static_cast<int>(*days);
    }
    acc.known_issues = a.plain_text_list("known_issues");
    if (compliance_at && acc.compliance == Compliance::fully && !acc.known_issues.empty())
        diags.error(*compliance_at, "the statement says the website is fully compliant but lists " +
                                        std::to_string(acc.known_issues.size()) +
                                        (acc.known_issues.size() == 1 ? " known issue" : " known issues") +
                                        ": a website with known issues is partially compliant (or not compliant); "
                                        "change \"compliance\", or fix the issues and remove them from \"known_issues\"");
    if (compliance_at && acc.compliance && acc.compliance != Compliance::fully && acc.known_issues.empty())
        diags.warning(*compliance_at, "the statement says the website is " +
                                          std::string(label_of(compliance_vocabulary(), *acc.compliance)) +
                                          " but lists no known issues: list the content that is not accessible, "
                                          "and why, in \"known_issues\"");
    if (!acc.last_tested) warn_untested(a.where_value("last_tested"), diags);
    // Who tested it and how belong to a test with a date: without one the
    // statement cannot show them, and the author should know.
    if (!acc.last_tested && (acc.tested_by || acc.method))
        diags.warning(a.where_value(acc.tested_by ? "tested_by" : "method"),
                      "the statement does not show \"" + std::string(acc.tested_by ? "tested_by" : "method") +
                          "\" until it can say when the test was: add \"last_tested:\" with its date");
    a.finish();
}

// Records where the statutory settings of `f` are (or would go).
void note_places(Fields& f, const std::string& prefix, std::initializer_list<const char*> keys,
                 std::map<std::string, Location>& at) {
    for (const char* key : keys) at[prefix + key] = f.where_value(key);
}

}  // namespace

bool looks_like_email(const std::string& s) {
    const auto at = s.find('@');
    if (at == std::string::npos || at == 0 || s.find(' ') != std::string::npos) return false;
    const auto dot = s.find('.', at);
    return dot != std::string::npos && dot > at + 1 && dot + 1 < s.size();
}

SiteConfig read_config(const YamlNode& root, Diagnostics& diags) {
    SiteConfig c;
    Fields f(root, "site.yaml", 1, diags);

    if (auto trust = f.map("trust", Need::required)) {
        c.trust.name = trust->text("name", Need::required).value_or("");
        if (auto url = trust->located_text("url", Need::required)) {
            if (const std::string problem = site_address_problem(url->value); !problem.empty())
                diags.error(url->where, "\"url\" " + problem);
            c.trust.url = url->value;
            while (c.trust.url.ends_with("/")) c.trust.url.pop_back();
        }
        c.trust.contact_email = email(*trust, "contact_email");
        if (auto logo = trust->located_text("logo")) {
            c.setting_at["trust.logo"] = logo->where;
            if (!logo->value.starts_with("static/"))
                diags.error(logo->where, "the trust logo must be a file in the static/ folder, e.g. static/logo.svg");
            else
                c.trust.logo = logo->value;
        }
        c.trust.logo_alt = trust->text("logo_alt");
        trust->finish();
    }
    if (auto lang = f.located_text("language")) {
        if (looks_like_language_tag(lang->value)) {
            c.language = lang->value;
            c.setting_at["language"] = lang->where;  // where a language without words is reported
        }
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
    c.today = f.date("today", Need::optional, DatePrecision::day_only);
    note_places(f, "", {"information_updated", "objectives_published", "policy", "accessibility"}, c.setting_at);
    if (auto policy = f.map("policy")) {
        note_places(*policy, "policy.", {"approved_by", "approved_on", "review_due"}, c.setting_at);
        read_policy(*policy, c.policy);
    }
    c.information_updated = f.located_date("information_updated");
    c.objectives_published = f.located_date("objectives_published");
    if (auto s = f.map("suppression")) {
        c.suppression.threshold = threshold(*s, "threshold", 5);
        c.suppression.staff_threshold = threshold(*s, "staff_threshold", 10);
        s->finish();
    }
    if (auto a = f.map("accessibility")) {
        note_places(*a, "accessibility.", {"prepared", "last_reviewed", "last_tested"}, c.setting_at);
        read_accessibility(*a, c.accessibility);
    }
    else {
        warn_compliance_unset(f.where_map(), diags);
        warn_untested(f.where_map(), diags);
    }
    if (auto m = f.map("markdown")) {
        c.markdown.unsafe_html = m->boolean("unsafe_html").value_or(false);
        m->finish();
    }
    if (auto m = f.map("scripts")) {
        c.scripts.school_filter = m->boolean("school_filter").value_or(false);
        c.scripts.print_date = m->boolean("print_date").value_or(false);
        m->finish();
    }
    // The statement must say how to ask for another format and report a
    // problem (the model statement's feedback and reporting sections).
    if (!c.trust.contact_email && !c.accessibility.contact_email)
        diags.warning(c.setting_at.count("accessibility") ? c.setting_at.at("accessibility") : f.where_map(),
                      "the accessibility statement gives no way to contact the trust (for another format, or to "
                      "report a problem): add \"contact_email:\" under \"trust:\" or under \"accessibility:\"");
    f.finish();
    return c;
}

}  // namespace eqsite
