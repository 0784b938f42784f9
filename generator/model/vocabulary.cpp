#include "model/vocabulary.hpp"

#include <algorithm>

#include "util/text.hpp"

namespace eqsite {
namespace {

// "Sexual Orientation", "sexual_orientation" and "sexual/orientation" all
// become "sexualorientation".
std::string fold(std::string_view s) {
    std::string out;
    for (char c : to_lower_ascii(s))
        if (c != ' ' && c != '-' && c != '_' && c != '/' && c != '\t') out.push_back(c);
    return out;
}

std::string quoted_list(const std::vector<std::string_view>& terms) {
    std::vector<std::string> q;
    for (auto t : terms) q.push_back(std::string(t));
    return join(q, ", ");
}

}  // namespace

const Vocabulary& aims_vocabulary() {
    static const Vocabulary v{
        "aim of the general equality duty",
        "aims",
        {"eliminate-discrimination", "advance-equality", "foster-good-relations"},
        {"Eliminate discrimination, harassment and victimisation", "Advance equality of opportunity",
         "Foster good relations"},
        true,
        {
            {"eliminate discrimination", {"eliminate-discrimination"}},
            {"eliminate discrimination harassment victimisation", {"eliminate-discrimination"}},
            {"eliminate discrimination harassment and victimisation", {"eliminate-discrimination"}},
            {"discrimination", {"eliminate-discrimination"}},
            {"harassment", {"eliminate-discrimination"}},
            {"victimisation", {"eliminate-discrimination"}},
            {"advance equality of opportunity", {"advance-equality"}},
            {"equality of opportunity", {"advance-equality"}},
            {"foster good relations", {"foster-good-relations"}},
            {"good relations", {"foster-good-relations"}},
        },
    };
    return v;
}

constexpr std::string_view kGroup =
    "it is a group of pupils, not a protected characteristic: put it in \"target_groups\", and name here the "
    "characteristics the objective concerns";
constexpr std::string_view kSen =
    "special educational needs are not a protected characteristic: put them in \"target_groups\", and write "
    "\"disability\" here if the objective is about disabled pupils";
constexpr std::string_view kBame =
    "write \"race\", and name the ethnic groups in \"target_groups\" (GOV.UK guidance advises against "
    "\"BAME\" and \"BME\")";

const Vocabulary& characteristics_vocabulary() {
    static const Vocabulary v{
        "protected characteristic",
        "characteristics",
        {"age", "disability", "gender-reassignment", "marriage-and-civil-partnership", "pregnancy-and-maternity",
         "race", "religion-or-belief", "sex", "sexual-orientation"},
        {"Age", "Disability", "Gender reassignment", "Marriage and civil partnership", "Pregnancy and maternity",
         "Race", "Religion or belief", "Sex", "Sexual orientation"},
        true,
        {
            {"gender identity", {"gender-reassignment"}, true},
            {"gender", {"sex"}, true},
            {"ethnicity", {"race"}, true},
            {"religion", {"religion-or-belief"}, true},
            {"belief", {"religion-or-belief"}, true},
            {"LGBT", {"sexual-orientation", "gender-reassignment"}, true},
            {"LGBT+", {"sexual-orientation", "gender-reassignment"}, true},
            {"LGBTQ", {"sexual-orientation", "gender-reassignment"}, true},
            {"LGBTQ+", {"sexual-orientation", "gender-reassignment"}, true},
        },
        {
            {"SEN", kSen}, {"SEND", kSen}, {"special educational needs", kSen},
            {"EAL", kGroup}, {"English as an additional language", kGroup}, {"FSM", kGroup},
            {"free school meals", kGroup}, {"pupil premium", kGroup}, {"disadvantaged", kGroup},
            {"young carers", kGroup}, {"looked after children", kGroup}, {"LAC", kGroup},
            {"BAME", kBame}, {"BME", kBame},
            {"community cohesion", "it is a theme, not a protected characteristic: work on it belongs under the aim "
                                   "\"foster-good-relations\", with the characteristics it concerns"},
        },
    };
    return v;
}

const Vocabulary& objective_status_vocabulary() {
    static const Vocabulary v{"objective status",
                              "status",
                              {"not-started", "on-track", "at-risk", "achieved", "ongoing"},
                              {"Not started", "On track", "At risk", "Achieved", "Ongoing"},
                              false,
                              {}};
    return v;
}

const Vocabulary& action_status_vocabulary() {
    static const Vocabulary v{"action status",
                              "status",
                              {"planned", "in-progress", "done"},
                              {"Planned", "In progress", "Done"},
                              false,
                              {{"not started", {"planned"}}, {"complete", {"done"}}, {"completed", {"done"}}}};
    return v;
}

const Vocabulary& phase_vocabulary() {
    static const Vocabulary v{"school phase",
                              "phase",
                              {"nursery", "primary", "middle", "secondary", "all-through", "special",
                               "alternative-provision", "post-16"},
                              {"Nursery", "Primary", "Middle", "Secondary", "All-through", "Special",
                               "Alternative provision", "Post-16"},
                              false,
                              {{"sixth form", {"post-16"}}, {"pru", {"alternative-provision"}}}};
    return v;
}

const Vocabulary& audience_vocabulary() {
    static const Vocabulary v{"audience", "about", {"pupils", "staff", "everyone"},
                              {"Pupils", "Staff", "Everyone"}, false,
                              {{"students", {"pupils"}}, {"children", {"pupils"}}, {"all", {"everyone"}}}};
    return v;
}

const Vocabulary& compliance_vocabulary() {
    static const Vocabulary v{"compliance status",
                              "compliance",
                              {"fully", "partially", "not"},
                              {"fully compliant", "partially compliant", "not compliant"},
                              false,
                              {{"fully compliant", {"fully"}},
                               {"partially compliant", {"partially"}},
                               {"not compliant", {"not"}},
                               {"non-compliant", {"not"}},
                               {"noncompliant", {"not"}}}};
    return v;
}

const Vocabulary& plan_strand_vocabulary() {
    static const Vocabulary v{"accessibility plan strand",
                              "strand",
                              {"curriculum", "environment", "information"},
                              {"Increasing participation in the curriculum", "Improving the physical environment",
                               "Improving the delivery of information"},
                              false,
                              {{"physical environment", {"environment"}},
                               {"premises", {"environment"}},
                               {"physical", {"environment"}},
                               {"participation", {"curriculum"}},
                               {"delivery of information", {"information"}}}};
    return v;
}

std::vector<std::size_t> match_term(const Vocabulary& vocab, const Located<std::string>& value, Diagnostics& diags) {
    // Nearly always the term as it is ("religion-or-belief"): found
    // without folding anything ("all" is not a term).
    for (std::size_t i = 0; i < vocab.terms.size(); ++i)
        if (vocab.terms[i] == value.value) return {i};
    const std::string folded = fold(value.value);
    std::vector<std::size_t> out;
    auto index_of = [&](std::string_view term) {
        return static_cast<std::size_t>(std::find(vocab.terms.begin(), vocab.terms.end(), term) - vocab.terms.begin());
    };
    if (vocab.allows_all && folded == "all") {
        for (std::size_t i = 0; i < vocab.terms.size(); ++i) out.push_back(i);
        return out;
    }
    for (std::size_t i = 0; i < vocab.terms.size(); ++i)
        if (fold(vocab.terms[i]) == folded) return {i};
    for (const auto& syn : vocab.synonyms) {
        if (fold(syn.text) != folded) continue;
        for (auto t : syn.terms) out.push_back(index_of(t));
        if (syn.warn) {
            std::vector<std::string> names;
            for (auto t : syn.terms) names.push_back("\"" + std::string(t) + "\"");
            diags.warning(value.where, "\"" + value.value + "\" is not the statutory name of a " +
                                           std::string(vocab.noun) + "; it is read as " + join_words(names) +
                                           ". Write " + join_words(names) + " to make this clear");
        }
        return out;
    }
    for (const auto& [words, advice] : vocab.not_terms)
        if (fold(words) == folded) {
            diags.error(value.where, "\"" + value.value + "\" is not a " + std::string(vocab.noun) + ": " +
                                         std::string(advice));
            return {};
        }
    // Unknown: suggest the nearest term, or the term of the nearest synonym
    // ("gender identiy" is nearest "gender identity": gender-reassignment).
    std::vector<std::string> folded_candidates, shown;
    for (auto t : vocab.terms) {
        folded_candidates.push_back(fold(t));
        shown.emplace_back(t);
    }
    if (vocab.allows_all) {
        folded_candidates.push_back("all");
        shown.emplace_back("all");
    }
    for (const auto& syn : vocab.synonyms) {
        folded_candidates.push_back(fold(syn.text));
        std::vector<std::string> terms;
        for (auto t : syn.terms) terms.emplace_back(t);
        shown.push_back(join(terms, "\" and \""));
    }
    std::string msg = "unknown " + std::string(vocab.noun) + " \"" + value.value + "\"";
    std::vector<std::string> quoted;
    for (const auto& g : nearest_all(folded, folded_candidates)) {
        const auto at = std::find(folded_candidates.begin(), folded_candidates.end(), g) - folded_candidates.begin();
        const std::string q = "\"" + shown[static_cast<std::size_t>(at)] + "\"";
        if (std::find(quoted.begin(), quoted.end(), q) == quoted.end()) quoted.push_back(q);
    }
    // Two as near as each other: say both, rather than pick one.
    msg += quoted.empty() ? "." : "; did you mean " + join_words(quoted, " or ") + "?";
    msg += " Valid values are: " + quoted_list(vocab.terms) + (vocab.allows_all ? ", all" : "");
    diags.error(value.where, msg);
    return {};
}

std::optional<std::size_t> match_single(const Vocabulary& vocab, const Located<std::string>& value,
                                        Diagnostics& diags) {
    auto found = match_term(vocab, value, diags);
    if (found.empty()) return std::nullopt;
    return found.front();
}

}  // namespace eqsite
