#include "model/objective.hpp"

#include <algorithm>

#include "util/text.hpp"

namespace eqsite {
namespace {

// Reads a list of vocabulary values into sorted, de-duplicated enums.
template <typename E>
std::vector<E> read_terms(Fields& f, const Vocabulary& vocab, bool& all, std::vector<Located<std::string>>& raw,
                          Need need = Need::required) {
    raw = f.text_list(std::string(vocab.key), need);
    std::vector<E> out;
    for (const auto& item : raw) {
        if (to_lower_ascii(trim(item.value)) == "all") all = true;
        for (std::size_t i : match_term(vocab, item, f.diags())) out.push_back(static_cast<E>(i));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

template <typename E>
std::optional<E> read_single(Fields& f, const Vocabulary& vocab, const std::string& key) {
    auto v = f.located_text(key);
    if (!v) return std::nullopt;
    auto i = match_single(vocab, *v, f.diags());
    if (!i) return std::nullopt;
    return static_cast<E>(*i);
}

std::optional<Deadline> read_due(Fields& f) {
    auto v = f.located_text("due");
    if (!v) return std::nullopt;
    if (to_lower_ascii(v->value) == "ongoing") return Deadline{std::nullopt};
    DateError why;
    if (auto d = parse_date(v->value, &why)) return Deadline{*d};
    f.diags().error(v->where, "\"due\" must be a date such as 2028-07-31 or the word ongoing, not \"" + v->value +
                                  "\": " + why.reason);
    return std::nullopt;
}

bool is_all(const Located<std::string>& item) { return to_lower_ascii(trim(item.value)) == "all"; }

std::string folded(const std::string& value) {
    std::string f = to_lower_ascii(value);
    std::erase_if(f, [](char c) { return c == ' ' || c == '-' || c == '_' || c == '/'; });
    return f;
}

bool has_aim(const Objective& o, Aim a) { return std::find(o.aims.begin(), o.aims.end(), a) != o.aims.end(); }

// The duty's rules on which characteristic applies to which aim and whom,
// for characteristics the author named.
void check_statutory_fit(const Objective& o, const std::vector<Located<std::string>>& raw_characteristics,
                         Fields& f) {
    for (const auto& item : raw_characteristics) {
        if (is_all(item)) continue;
        const std::string name = folded(item.value);
        if (name == "age" && o.about != Audience::staff)
            f.diags().warning(item.where,
                              "the age characteristic does not apply to pupils in schools (the duty's age strand "
                              "covers staff); if this objective is about staff, add \"about: staff\"");
        const bool only_first_aim =
            o.aims.size() == 1 && o.aims.front() == Aim::eliminate_discrimination && !o.all_aims;
        if (name == "marriageandcivilpartnership" && !only_first_aim && !o.aims.empty())
            f.diags().warning(item.where,
                              "marriage and civil partnership applies only to the aim \"eliminate-discrimination\" "
                              "(and only for staff); list that aim alone, or remove this characteristic");
    }
}

// `characteristics: all` means every characteristic the objective can
// cover: age only for staff (the age strand does not cover pupils in
// schools) and marriage and civil partnership only under the aim of
// eliminating discrimination. Characteristics also named one by one are
// kept (and warned about by check_statutory_fit).
void narrow_all(Objective& o, const std::vector<Located<std::string>>& raw, Fields& f) {
    const auto all = std::find_if(raw.begin(), raw.end(), is_all);
    if (all == raw.end()) return;
    auto named = [&](const char* name) {
        return std::any_of(raw.begin(), raw.end(), [&](const Located<std::string>& i) { return folded(i.value) == name; });
    };
    std::vector<std::string> left_out;
    if (o.about == Audience::everyone && !named("age")) {
        f.diags().warning(all->where,
                          "\"all\" includes age because this objective is about everyone, but the duty's age "
                          "strand covers staff, not pupils in schools; if the objective is about pupils, add "
                          "\"about: pupils\", or list the characteristics one by one");
    } else if (o.about != Audience::staff && !named("age")) {
        std::erase(o.characteristics, Characteristic::age);
        left_out.push_back("age (it covers staff, and this objective is not \"about: staff\")");
    }
    // Marriage and civil partnership: only eliminating discrimination, and
    // only at work, so only for an objective about staff (or everyone).
    if (!named("marriageandcivilpartnership")) {
        const bool about_staff = o.about == Audience::staff || o.about == Audience::everyone;
        if (!has_aim(o, Aim::eliminate_discrimination) || !about_staff) {
            std::erase(o.characteristics, Characteristic::marriage_and_civil_partnership);
            left_out.push_back(has_aim(o, Aim::eliminate_discrimination)
                                   ? "marriage and civil partnership (it covers staff, and this objective is not "
                                     "\"about: staff\")"
                                   : "marriage and civil partnership (it applies only to the aim "
                                     "eliminate-discrimination)");
        } else if (o.aims.size() > 1 || o.about == Audience::everyone) {
            // The same warning as for naming it with these aims.
            f.diags().warning(all->where,
                              "\"all\" includes marriage and civil partnership, which applies only to the aim "
                              "\"eliminate-discrimination\" and only for staff; list the characteristics one by one, "
                              "or give this objective that aim alone and \"about: staff\"");
        }
    }
    if (!left_out.empty())
        f.diags().note(all->where, "\"all\" here means the " + std::to_string(o.characteristics.size()) +
                                       " protected characteristics this objective can cover; left out: " +
                                       join_words(left_out));
}

}  // namespace

Action read_action(Fields& a) {
    Action act;
    act.text = a.text("text", Need::required).value_or("");
    act.owner = a.text("owner");
    act.due = a.located_date("due");
    act.status = read_single<ActionStatus>(a, action_status_vocabulary(), "status");
    return act;
}

Objective read_objective(const Document& doc, std::string slug, std::optional<std::size_t> school,
                         Diagnostics& diags) {
    Objective o;
    o.slug = std::move(slug);
    o.source = doc.path;
    o.school = school;
    o.markdown = doc.body;
    Fields f(doc.front, doc.path, doc.front_first_line, diags);
    o.title = f.text("title", Need::required).value_or(o.slug);
    o.about = read_single<Audience>(f, audience_vocabulary(), "about");
    // An objective `eqsite import` wrote from a school's plan may lack aims
    // or characteristics the plan did not give: a warning each, until the
    // author adds them, rather than an error that stops the whole site.
    if (auto imported = f.map("imported")) {
        o.imported_from = imported->text("from", Need::required);
        imported->text("digest", Need::required);
        imported->finish();
    }
    const Need statutory = o.imported_from ? Need::optional : Need::required;
    std::vector<Located<std::string>> raw_aims, raw_characteristics;
    o.aims = read_terms<Aim>(f, aims_vocabulary(), o.all_aims, raw_aims, statutory);
    o.characteristics = read_terms<Characteristic>(f, characteristics_vocabulary(), o.all_characteristics,
                                                   raw_characteristics, statutory);
    // One warning for each imported objective, naming what it lacks.
    std::vector<std::string> lacking, lines;
    if (o.imported_from && raw_aims.empty()) lacking.push_back("aims");
    if (o.imported_from && raw_characteristics.empty()) lacking.push_back("characteristics");
    for (const auto& key : lacking) lines.push_back("\"" + key + ": [...]\"");
    if (!lacking.empty())
        diags.warning(f.where_map(), "imported from " + *o.imported_from + " without " + join_words(lacking) +
                                         ": the plan did not say which; add " + join_words(lines) +
                                         " (until then it is listed under no aim or protected characteristic)");
    check_statutory_fit(o, raw_characteristics, f);
    narrow_all(o, raw_characteristics, f);
    o.target_groups = f.plain_text_list("target_groups");
    o.why = f.text("why");
    o.owners = f.plain_text_list("owner");
    o.start = f.date("start");
    if (o.start && o.start->whole_month) o.start->day = 1;  // a start month begins on its first day
    o.due = read_due(f);
    o.due_at = f.where_value("due");
    if (o.start && o.due && o.due->date && *o.due->date < *o.start)
        diags.error(f.where_value("due"), "\"due\" (" + o.due->date->iso() + ") is before \"start\" (" +
                                              o.start->iso() + "); check both dates");
    o.status = read_single<ObjectiveStatus>(f, objective_status_vocabulary(), "status");
    o.measures = f.plain_text_list("measures");
    for (auto& a : f.map_list("actions")) {
        o.actions.push_back(read_action(a));
        a.finish();
    }
    for (auto& p : f.map_list("progress")) {
        auto date = p.date("date", Need::required);
        auto note = p.text("note", Need::required);
        p.finish();
        if (date && note) o.progress.push_back({*date, *note});
    }
    std::stable_sort(o.progress.begin(), o.progress.end(),
                     [](const ProgressNote& a, const ProgressNote& b) { return a.date < b.date; });
    f.finish();
    return o;
}

}  // namespace eqsite
