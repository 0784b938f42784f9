// The fixed vocabularies of the site format (spec section 4): aims of the
// general duty, protected characteristics, statuses and school phases.
//
// Each enum's order matches its Vocabulary's `terms`, so a matched index is
// the enum value. Matching ignores case, spaces, hyphens, underscores and '/'.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/fields.hpp"
#include "util/diagnostics.hpp"

namespace eqsite {

enum class Aim { eliminate_discrimination, advance_equality, foster_good_relations };
enum class Characteristic {
    age,
    disability,
    gender_reassignment,
    marriage_and_civil_partnership,
    pregnancy_and_maternity,
    race,
    religion_or_belief,
    sex,
    sexual_orientation,
};
enum class ObjectiveStatus { not_started, on_track, at_risk, achieved, ongoing };
enum class ActionStatus { planned, in_progress, done };
enum class Phase { nursery, primary, middle, secondary, all_through, special, alternative_provision, post_16 };
enum class Audience { pupils, staff, everyone };
// How far the website meets WCAG 2.2 AA, as the accessibility statement says.
enum class Compliance { fully, partially, not_compliant };
// The three things a school accessibility plan must cover (Equality Act
// 2010, Schedule 10, paragraph 3).
enum class PlanStrand { curriculum, environment, information };

struct Synonym {
    std::string_view text;                  // what users write
    std::vector<std::string_view> terms;    // canonical terms it stands for
    bool warn = false;                      // say which statutory term is used
};

struct Vocabulary {
    std::string_view noun;                  // "protected characteristic"
    std::string_view key;                   // setting name, for messages
    std::vector<std::string_view> terms;    // canonical slugs, enum order
    std::vector<std::string_view> labels;   // words shown on pages, enum order
    bool allows_all = false;                // `all` means every term
    std::vector<Synonym> synonyms;
    // Words people use in this place that are not terms at all ("SEN" for a
    // characteristic), with what to write instead: a clear error, never a
    // look-alike suggestion ("sex").
    std::vector<std::pair<std::string_view, std::string_view>> not_terms = {};
};

const Vocabulary& aims_vocabulary();
const Vocabulary& characteristics_vocabulary();
const Vocabulary& objective_status_vocabulary();
const Vocabulary& action_status_vocabulary();
const Vocabulary& phase_vocabulary();
const Vocabulary& audience_vocabulary();
const Vocabulary& compliance_vocabulary();
const Vocabulary& plan_strand_vocabulary();

// Indices of the terms `value` names (several for `all` or "LGBT"), or
// empty after reporting an error with the nearest valid value. Synonyms
// marked `warn` add a warning naming the statutory term.
std::vector<std::size_t> match_term(const Vocabulary& vocab, const Located<std::string>& value, Diagnostics& diags);

// One value that must name exactly one term.
std::optional<std::size_t> match_single(const Vocabulary& vocab, const Located<std::string>& value,
                                        Diagnostics& diags);

template <typename E>
std::string_view slug_of(const Vocabulary& v, E e) {
    return v.terms[static_cast<std::size_t>(e)];
}
template <typename E>
std::string_view label_of(const Vocabulary& v, E e) {
    return v.labels[static_cast<std::size_t>(e)];
}

inline std::string_view slug(Aim a) { return slug_of(aims_vocabulary(), a); }
inline std::string_view label(Aim a) { return label_of(aims_vocabulary(), a); }
inline std::string_view slug(Characteristic c) { return slug_of(characteristics_vocabulary(), c); }
inline std::string_view label(Characteristic c) { return label_of(characteristics_vocabulary(), c); }
inline std::string_view slug(ObjectiveStatus s) { return slug_of(objective_status_vocabulary(), s); }
inline std::string_view label(ObjectiveStatus s) { return label_of(objective_status_vocabulary(), s); }
inline std::string_view slug(ActionStatus s) { return slug_of(action_status_vocabulary(), s); }
inline std::string_view label(ActionStatus s) { return label_of(action_status_vocabulary(), s); }
inline std::string_view label(Phase p) { return label_of(phase_vocabulary(), p); }
inline std::string_view slug(PlanStrand s) { return slug_of(plan_strand_vocabulary(), s); }
inline std::string_view label(PlanStrand s) { return label_of(plan_strand_vocabulary(), s); }

constexpr std::size_t aim_count = 3;
constexpr std::size_t characteristic_count = 9;
constexpr std::size_t plan_strand_count = 3;

}  // namespace eqsite
