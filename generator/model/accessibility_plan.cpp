#include "model/accessibility_plan.hpp"

#include "model/objective.hpp"
#include "util/text.hpp"

namespace eqsite {

std::optional<PlanStrand> strand_of_heading(std::string_view heading) {
    const std::string h = to_lower_ascii(heading);
    auto has = [&](const char* word) { return h.find(word) != std::string::npos; };
    if (has("curriculum")) return PlanStrand::curriculum;
    if (has("environment") || has("premises") || has("building")) return PlanStrand::environment;
    if (has("information")) return PlanStrand::information;
    return std::nullopt;
}

namespace {

// ATX headings ("## Physical environment") of a Markdown body.
void mark_headings(const std::string& markdown, AccessibilityPlan& plan) {
    std::size_t from = 0;
    while (from < markdown.size()) {
        auto to = markdown.find('\n', from);
        if (to == std::string::npos) to = markdown.size();
        const std::string line = trim(markdown.substr(from, to - from));
        if (line.starts_with('#'))
            if (auto s = strand_of_heading(line)) plan.covers[static_cast<std::size_t>(*s)] = true;
        from = to + 1;
    }
}

}  // namespace

AccessibilityPlan read_accessibility_plan(const Document& doc, const std::string& whose, Diagnostics& diags) {
    AccessibilityPlan plan;
    plan.source = doc.path;
    plan.markdown = doc.body;
    Fields f(doc.front, doc.path, doc.front_first_line, diags);
    plan.front_at = f.where_map();
    plan.title = f.text("title").value_or("Accessibility plan");
    plan.title_given = f.has("title");
    plan.published = f.located_date("published");
    plan.published_at = f.where_value("published");
    plan.review_due = f.located_date("review_due");
    plan.approved_by = f.text("approved_by");
    if (plan.published && plan.review_due && plan.review_due->value < plan.published->value)
        diags.error(plan.review_due->where, "\"review_due\" (" + plan.review_due->value.iso() +
                                                ") is before \"published\" (" + plan.published->value.iso() +
                                                "); check both dates");
    for (auto& item : f.map_list("actions")) {
        std::optional<PlanStrand> strand;
        if (auto s = item.located_text("strand", Need::required))
            if (auto i = match_single(plan_strand_vocabulary(), *s, diags)) strand = static_cast<PlanStrand>(*i);
        Action action = read_action(item);
        item.finish();
        if (!strand) continue;
        plan.covers[static_cast<std::size_t>(*strand)] = true;
        plan.actions.push_back({*strand, std::move(action)});
    }
    f.finish();
    mark_headings(plan.markdown, plan);
    std::vector<std::string> missing;
    for (std::size_t i = 0; i < plan_strand_count; ++i)
        if (!plan.covers[i]) {
            const auto s = static_cast<PlanStrand>(i);
            missing.push_back(to_lower_ascii(label(s)) + " (a section headed \"" + std::string(label(s)) +
                              "\", or actions with \"strand: " + std::string(slug(s)) + "\")");
        }
    if (!missing.empty())
        diags.warning(plan.front_at, whose + "'s accessibility plan must cover all three parts of Schedule 10 to "
                                             "the Equality Act 2010; it does not cover " + join_words(missing));
    return plan;
}

}  // namespace eqsite
