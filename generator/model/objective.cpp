#include "model/objective.hpp"

#include <algorithm>

#include "util/text.hpp"

namespace eqsite {
namespace {

// Reads a list of vocabulary values into sorted, de-duplicated enums.
template <typename E>
std::vector<E> read_terms(Fields& f, const Vocabulary& vocab, bool& all, std::vector<Located<std::string>>& raw) {
    raw = f.text_list(std::string(vocab.key), Need::required);
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

Action read_action(Fields& a) {
    Action act;
    act.text = a.text("text", Need::required).value_or("");
    act.owner = a.text("owner");
    act.due = a.date("due");
    if (auto s = read_single<ActionStatus>(a, action_status_vocabulary(), "status")) act.status = *s;
    a.finish();
    return act;
}

// The duty's rules on which characteristic applies to which aim and whom.
void check_statutory_fit(const Objective& o, const std::vector<Located<std::string>>& raw_characteristics,
                         Fields& f) {
    for (const auto& item : raw_characteristics) {
        std::string folded = to_lower_ascii(item.value);
        std::erase_if(folded, [](char c) { return c == ' ' || c == '-' || c == '_' || c == '/'; });
        if (folded == "age" && o.about != Audience::staff)
            f.diags().warning(item.where,
                              "the age characteristic does not apply to pupils in schools (the duty's age strand "
                              "covers staff); if this objective is about staff, add \"about: staff\"");
        const bool only_first_aim =
            o.aims.size() == 1 && o.aims.front() == Aim::eliminate_discrimination && !o.all_aims;
        if (folded == "marriageandcivilpartnership" && !only_first_aim && !o.aims.empty())
            f.diags().warning(item.where,
                              "marriage and civil partnership applies only to the aim \"eliminate-discrimination\" "
                              "(and only for staff); list that aim alone, or remove this characteristic");
    }
}

}  // namespace

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
    std::vector<Located<std::string>> raw_aims, raw_characteristics;
    o.aims = read_terms<Aim>(f, aims_vocabulary(), o.all_aims, raw_aims);
    o.characteristics =
        read_terms<Characteristic>(f, characteristics_vocabulary(), o.all_characteristics, raw_characteristics);
    check_statutory_fit(o, raw_characteristics, f);
    o.target_groups = f.plain_text_list("target_groups");
    o.why = f.text("why");
    o.owners = f.plain_text_list("owner");
    o.start = f.date("start");
    o.due = read_due(f);
    if (o.start && o.due && o.due->date && *o.due->date < *o.start)
        diags.error(f.where_value("due"), "\"due\" (" + o.due->date->iso() + ") is before \"start\" (" +
                                              o.start->iso() + "); check both dates");
    o.status = read_single<ObjectiveStatus>(f, objective_status_vocabulary(), "status");
    o.measures = f.plain_text_list("measures");
    for (auto& a : f.map_list("actions")) o.actions.push_back(read_action(a));
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
