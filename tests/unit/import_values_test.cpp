#include <catch2/catch.hpp>

#include "import/cell_text.hpp"
#include "import/columns.hpp"
#include "import/values.hpp"
#include "load/document.hpp"
#include "model/objective.hpp"

using namespace eqsite;
using namespace eqsite::import;

namespace {

using Strings = std::vector<std::string>;

std::string iso_or_none(const std::optional<Date>& d) { return d ? d->iso() : "none"; }

// "start 2017-09, due 2018-07, ongoing no": one string, so a failure shows
// everything that was read.
std::string summary(const std::optional<When>& w) {
    if (!w) return "not understood";
    return "start " + iso_or_none(w->start) + ", due " + iso_or_none(w->due) + ", ongoing " +
           (w->ongoing ? "yes" : "no");
}

}  // namespace

// ---- Cells --------------------------------------------------------------

TEST_CASE("HTML paragraphs in a cell become paragraphs, with no markup left") {
    const auto c = clean_cell("<p>First action</p><p>Second</p>");
    CHECK(c.paragraphs == Strings{"First action", "Second"});
    CHECK(c.items.empty());
    CHECK(clean_cell("<P class=\"MsoNormal\">Word <b>bold</b> text</P>").paragraphs == Strings{"Word bold text"});
    CHECK(clean_cell("<p></p><p> &nbsp; </p>").paragraphs.empty());
}

TEST_CASE("<br> and line breaks typed in a cell start a new line") {
    CHECK(clean_cell("a<br>b").paragraphs == Strings{"a", "b"});
    CHECK(clean_cell("a<br/>b<BR />c").paragraphs == Strings{"a", "b", "c"});
    CHECK(clean_cell("one\r\ntwo\rthree\nfour").paragraphs == Strings{"one", "two", "three", "four"});
    CHECK(clean_cell("Word\vmanual break").paragraphs == Strings{"Word", "manual break"});
}

TEST_CASE("bulleted and numbered lines become list items without their markers") {
    const auto c = clean_cell("• one\n• two");
    CHECK(c.items == Strings{"one", "two"});
    CHECK(c.paragraphs.empty());
    CHECK(clean_cell("- dash\n* star\n– en dash\n·middle dot\n\uF0B7Word symbol").items ==
          Strings{"dash", "star", "en dash", "middle dot", "Word symbol"});
    CHECK(clean_cell("1. first\n2) second\na) letter\n(b) bracketed\niv) roman").items ==
          Strings{"first", "second", "letter", "bracketed", "roman"});
}

TEST_CASE("text that only looks like a bullet stays a paragraph") {
    const auto c = clean_cell("-5 degrees\nJ. Smith\n1.5 hours\n*note\n2024 review");
    CHECK(c.paragraphs == Strings{"-5 degrees", "J. Smith", "1.5 hours", "*note", "2024 review"});
    CHECK(c.items.empty());
}

TEST_CASE("HTML lists become items, whatever is inside the <li>") {
    const auto c = clean_cell("<p>Intro</p><ul><li>One</li><li><p>Two</p></li><li>• Three</li></ul><p>After</p>");
    CHECK(c.items == Strings{"One", "Two", "Three"});
    CHECK(c.paragraphs == Strings{"Intro", "After"});
    CHECK(clean_cell("<ol><li>left open<li>next</ol>not an item").paragraphs == Strings{"not an item"});
}

TEST_CASE("cell lines keep the order of paragraphs and items") {
    const auto lines = cell_lines("Intro<ul><li>x</li></ul>Outro");
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].text == "Intro");
    CHECK_FALSE(lines[0].item);
    CHECK(lines[1].text == "x");
    CHECK(lines[1].item);
    CHECK(lines[2].text == "Outro");
    CHECK_FALSE(lines[2].item);
}

TEST_CASE("character references are decoded and no-break spaces are spaces") {
    CHECK(clean_cell("&amp; &nbsp;").paragraphs == Strings{"&"});
    CHECK(cell_plain("Pupils&#39; views") == "Pupils' views");
    CHECK(cell_plain("Pupils&rsquo; views") == "Pupils\u2019 views");
    CHECK(cell_plain("a&nbsp;b\u00A0\u00A0c") == "a b c");
    CHECK(cell_plain("soft\u00ADhyphen and zero\u200Bwidth") == "softhyphen and zerowidth");
    CHECK(cell_plain("Fish &amp; chips &lt; 5") == "Fish & chips < 5");
}

TEST_CASE("escaped HTML, scripts, styles and comments never reach the output") {
    CHECK(clean_cell("&lt;p&gt;First&lt;/p&gt;&lt;p&gt;Second&lt;/p&gt;").paragraphs == Strings{"First", "Second"});
    CHECK(cell_plain("<script>alert(1)</script>Text") == "Text");
    CHECK(cell_plain("<style>p {color: red}</style>Styled") == "Styled");
    CHECK(cell_plain("<!-- [if gte mso 9]> -->Kept<?xml version=\"1.0\"?>") == "Kept");
    CHECK(cell_plain("<a href=\"x\" title=\"a > b\">link</a>") == "link");
    CHECK(cell_plain("pupils aged <5 and >2") == "pupils aged <5 and >2");
}

TEST_CASE("spaces are collapsed, ends trimmed and empty lines dropped") {
    CHECK(clean_cell("  lots   of\tspace  ").paragraphs == Strings{"lots of space"});
    CHECK(clean_cell("\n\n  \n").paragraphs.empty());
    CHECK(clean_cell("").items.empty());
    CHECK(clean_cell("•\n- \nreal").items.empty());
    CHECK(clean_cell("•\n- \nreal").paragraphs == Strings{"real"});
}

TEST_CASE("a cell as one line joins its lines with spaces") {
    CHECK(cell_plain("<p>Improve</p><p>attendance</p>") == "Improve attendance");
    CHECK(cell_plain("• a\n• b") == "a b");
    CHECK(cell_plain("  Title  ") == "Title");
}

// ---- Lists --------------------------------------------------------------

TEST_CASE("lists split on slashes, semicolons, commas, ampersands, bullets and \"and\"") {
    CHECK(split_list("Sexual Orientation/Race/Gender identity") == Strings{"Sexual Orientation", "Race", "Gender identity"});
    CHECK(split_list("Age; Sex, Race & Disability and Religion") == Strings{"Age", "Sex", "Race", "Disability", "Religion"});
    CHECK(split_list("• Age\n• Sex") == Strings{"Age", "Sex"});
    CHECK(split_list("<p>Age</p><p>Sex • Race</p>") == Strings{"Age", "Sex", "Race"});
    CHECK(split_list(" ; , ").empty());
}

TEST_CASE("import: \"and\" splits only as a word") {
    CHECK(split_list("Random, Brand, Andover") == Strings{"Random", "Brand", "Andover"});
    CHECK(split_list("marriage-and-civil-partnership") == Strings{"marriage-and-civil-partnership"});
    CHECK(split_list("Race AND Sex") == Strings{"Race", "Sex"});
}

TEST_CASE("protected phrases are kept whole, ignoring case, spaces and hyphens") {
    const Strings phrases{"marriage and civil partnership", "pregnancy and maternity"};
    CHECK(split_list("Marriage and civil partnership, PREGNANCY AND MATERNITY", phrases) ==
          Strings{"Marriage and civil partnership", "PREGNANCY AND MATERNITY"});
    CHECK(split_list("Marriage and civil partnership, PREGNANCY AND MATERNITY") ==
          Strings{"Marriage", "civil partnership", "PREGNANCY", "MATERNITY"});
    CHECK(split_list("Race/pregnancy-and maternity", phrases) == Strings{"Race", "pregnancy-and maternity"});
    // Whole words only: "non-pregnancy and maternity" does not start the phrase.
    CHECK(split_list("nonpregnancy and maternity", phrases) == Strings{"nonpregnancy", "maternity"});
    CHECK(split_list("Eliminate unlawful discrimination, harassment and victimisation",
                     {"Eliminate unlawful discrimination, harassment and victimisation"}) ==
          Strings{"Eliminate unlawful discrimination, harassment and victimisation"});
}

TEST_CASE("text in brackets is never split") {
    CHECK(split_list("Race (Gypsy, Roma and Traveller pupils), Sex") ==
          Strings{"Race (Gypsy, Roma and Traveller pupils)", "Sex"});
}

// ---- Dates --------------------------------------------------------------

TEST_CASE("import: \"On-going\" and words for work that does not end are ongoing") {
    const auto w = parse_when("On-going");
    CHECK(summary(w) == "start none, due none, ongoing yes");
    CHECK(w->decision == "read \"On-going\" as ongoing");
    for (const char* cell : {"ongoing", "Termly", "annually", "Yearly", "each term", "Throughout the year",
                             "continuous", "Ongoing (reviewed termly)"})
        CHECK(summary(parse_when(cell)) == "start none, due none, ongoing yes");
}

TEST_CASE("a range of months gives a start and a due month") {
    const auto w = parse_when("Sept 2017 – July 2018");
    CHECK(summary(w) == "start 2017-09, due 2018-07, ongoing no");
    CHECK(w->decision == "read \"Sept 2017 – July 2018\" as start 2017-09, due 2018-07");
    CHECK(w->start->whole_month);
    CHECK(w->due->whole_month);
    for (const char* cell : {"Sept 2017 to July 2018", "Sept 2017-July 2018", "Sept 2017 — July 2018",
                             "September 2017 until July 2018", "From Sept 2017 to July 2018"})
        CHECK(summary(parse_when(cell)) == "start 2017-09, due 2018-07, ongoing no");
}

TEST_CASE("a range's start without a year takes the year of its end") {
    CHECK(summary(parse_when("Sept – Dec 2023")) == "start 2023-09, due 2023-12, ongoing no");
    CHECK(summary(parse_when("Sept – July 2024")) == "start 2023-09, due 2024-07, ongoing no");
}

TEST_CASE("a range that does not end is a start and ongoing") {
    const auto w = parse_when("Sept 2023 – ongoing");
    CHECK(summary(w) == "start 2023-09, due none, ongoing yes");
    CHECK(w->decision == "read \"Sept 2023 – ongoing\" as start 2023-09, ongoing");
    CHECK(summary(parse_when("2023 onwards")) == "start 2023-09-01, due none, ongoing yes");
}

TEST_CASE("UK day-first dates are read day first") {
    const auto w = parse_when("31/07/2028");
    CHECK(summary(w) == "start none, due 2028-07-31, ongoing no");
    CHECK(w->decision == "read \"31/07/2028\" as due 2028-07-31 (day first, the UK order)");
    CHECK(summary(parse_when("1/9/2025")) == "start none, due 2025-09-01, ongoing no");
    CHECK(summary(parse_when("1.9.2025")) == "start none, due 2025-09-01, ongoing no");
    CHECK(summary(parse_when("31-07-2028")) == "start none, due 2028-07-31, ongoing no");
    const auto short_year = parse_when("31/07/28");
    CHECK(summary(short_year) == "start none, due 2028-07-31, ongoing no");
    CHECK(short_year->decision == "read \"31/07/28\" as due 2028-07-31 (day first, the UK order; the year 28 read as 2028)");
}

TEST_CASE("ISO dates are read with no decision to report") {
    const auto day = parse_when("2028-07-31");
    CHECK(summary(day) == "start none, due 2028-07-31, ongoing no");
    CHECK(day->decision.empty());
    const auto month = parse_when("2028-07");
    CHECK(summary(month) == "start none, due 2028-07, ongoing no");
    CHECK(month->decision.empty());
    // eqsite's own month format wins over a school year.
    CHECK(summary(parse_when("2011-12")) == "start none, due 2011-12, ongoing no");
}

TEST_CASE("written dates and months are read, with ordinals and short month names") {
    CHECK(summary(parse_when("12th September 2024")) == "start none, due 2024-09-12, ongoing no");
    CHECK(summary(parse_when("1st Sept 2024")) == "start none, due 2024-09-01, ongoing no");
    CHECK(summary(parse_when("3 Sept. 2024")) == "start none, due 2024-09-03, ongoing no");
    CHECK(summary(parse_when("2nd of June 2025")) == "start none, due 2025-06-02, ongoing no");
    CHECK(summary(parse_when("12-Sep-2024")) == "start none, due 2024-09-12, ongoing no");
    const auto month = parse_when("July 2026");
    CHECK(summary(month) == "start none, due 2026-07, ongoing no");
    CHECK(month->decision == "read \"July 2026\" as due 2026-07");
}

TEST_CASE("school years run from 1 September to 31 July") {
    const auto w = parse_when("2023/24");
    CHECK(summary(w) == "start 2023-09-01, due 2024-07-31, ongoing no");
    CHECK(w->decision ==
          "read \"2023/24\" as start 2023-09-01, due 2024-07-31 (school years run from 1 September to 31 July)");
    CHECK(summary(parse_when("2023-24")) == "start 2023-09-01, due 2024-07-31, ongoing no");
    CHECK(summary(parse_when("2023/2024")) == "start 2023-09-01, due 2024-07-31, ongoing no");
    CHECK(summary(parse_when("Academic year 2023/24")) == "start 2023-09-01, due 2024-07-31, ongoing no");
    CHECK(summary(parse_when("1999/00")) == "start 1999-09-01, due 2000-07-31, ongoing no");
}

TEST_CASE("a range of years runs from 1 September of the first to 31 July of the last") {
    const auto w = parse_when("2017 – 2021");
    CHECK(summary(w) == "start 2017-09-01, due 2021-07-31, ongoing no");
    CHECK(w->decision ==
          "read \"2017 – 2021\" as start 2017-09-01, due 2021-07-31 (school years run from 1 September to 31 July)");
    CHECK(summary(parse_when("2017 to 2021")) == "start 2017-09-01, due 2021-07-31, ongoing no");
    CHECK(summary(parse_when("Sept 2017 – 2021")) == "start 2017-09, due 2021-07-31, ongoing no");
    // A year alone is due at the end of the school year it names.
    CHECK(summary(parse_when("2021")) == "start none, due 2021-07-31, ongoing no");
}

TEST_CASE("terms are read as the months they mostly cover") {
    const auto w = parse_when("Summer 2024");
    CHECK(summary(w) == "start 2024-04, due 2024-07, ongoing no");
    CHECK(w->decision == "read \"Summer 2024\" as start 2024-04, due 2024-07 (the summer term taken as April to July)");
    CHECK(summary(parse_when("Autumn term 2023")) == "start 2023-09, due 2023-12, ongoing no");
    CHECK(summary(parse_when("Spring 2 2025")) == "start 2025-03, due 2025-03, ongoing no");
    CHECK(summary(parse_when("Autumn – Summer 2024")) == "start 2023-09, due 2024-07, ongoing no");
}

TEST_CASE("import: \"by\" gives only a due date and \"from\" only a start") {
    CHECK(summary(parse_when("by July 2024")) == "start none, due 2024-07, ongoing no");
    CHECK(summary(parse_when("By the end of summer term 2024")) == "start none, due 2024-07, ongoing no");
    CHECK(summary(parse_when("Deadline: 31/07/2028")) == "start none, due 2028-07-31, ongoing no");
    CHECK(summary(parse_when("from Sept 2023")) == "start 2023-09, due none, ongoing no");
}

TEST_CASE("work that goes on until a date is due on that date") {
    const auto w = parse_when("Ongoing until July 2024");
    CHECK(summary(w) == "start none, due 2024-07, ongoing no");
    CHECK(w->decision == "read \"Ongoing until July 2024\" as due 2024-07");
    CHECK(summary(parse_when("Ongoing – reviewed termly")) == "start none, due none, ongoing yes");
}

TEST_CASE("a range written backwards is read as written, for the build's own check to report") {
    CHECK(summary(parse_when("July 2018 – Sept 2017")) == "start 2018-07, due 2017-09, ongoing no");
}

TEST_CASE("dates inside cell markup are read") {
    CHECK(summary(parse_when("<p>31/07/2028</p>")) == "start none, due 2028-07-31, ongoing no");
    CHECK(summary(parse_when("Sept&nbsp;2017 &ndash; July&nbsp;2018")) == "start 2017-09, due 2018-07, ongoing no");
}

TEST_CASE("dates that cannot be read are not guessed") {
    for (const char* cell : {"", "  ", "next year", "TBC", "Sept", "31/02/2024", "07/31/2028", "2024/23",
                             "Summer term", "32 July 2024", "Sept 2017 – soon"})
        CHECK(summary(parse_when(cell)) == "not understood");
}

// ---- Status -------------------------------------------------------------

TEST_CASE("eqsite's own statuses are read with no decision") {
    for (const char* cell : {"not-started", "on-track", "at-risk", "achieved", "ongoing", "On track", "Not started"}) {
        const auto s = parse_status(cell);
        REQUIRE(s);
        CHECK(s->decision.empty());
    }
    CHECK(parse_status("at-risk")->status == ObjectiveStatus::at_risk);
}

TEST_CASE("RAG colours are read as statuses, red is at risk, since there is no off-track status") {
    const auto green = parse_status("Green");
    REQUIRE(green);
    CHECK(green->status == ObjectiveStatus::on_track);
    CHECK(green->decision == "read \"Green\" as on-track");
    CHECK(parse_status("amber")->status == ObjectiveStatus::at_risk);
    CHECK(parse_status("Yellow")->status == ObjectiveStatus::at_risk);
    const auto red = parse_status("Red");
    REQUIRE(red);
    CHECK(red->status == ObjectiveStatus::at_risk);
    CHECK(red->decision == "read \"Red\" as at-risk: eqsite has no off-track status");
    const auto blue = parse_status("Blue");
    REQUIRE(blue);
    CHECK(blue->status == ObjectiveStatus::achieved);
    CHECK(blue->decision == "read \"Blue\" as achieved: in a BRAG rating blue means complete");
}

TEST_CASE("the usual words for each status are read") {
    for (const char* cell : {"done", "Complete", "completed", "Achieved!", "met", "Finished"})
        CHECK(parse_status(cell)->status == ObjectiveStatus::achieved);
    for (const char* cell : {"In progress", "underway", "on track", "Started", "progressing"})
        CHECK(parse_status(cell)->status == ObjectiveStatus::on_track);
    for (const char* cell : {"Not started", "not yet started", "Planned", "To do"})
        CHECK(parse_status(cell)->status == ObjectiveStatus::not_started);
    for (const char* cell : {"ongoing", "On-going", "continuing"})
        CHECK(parse_status(cell)->status == ObjectiveStatus::ongoing);
    CHECK(parse_status("Done")->decision == "read \"Done\" as achieved");
}

TEST_CASE("labels before a status and comments after it are ignored") {
    CHECK(parse_status("RAG: Amber")->status == ObjectiveStatus::at_risk);
    CHECK(parse_status("Status: Complete.")->status == ObjectiveStatus::achieved);
    const auto s = parse_status("Green - good progress");
    REQUIRE(s);
    CHECK(s->status == ObjectiveStatus::on_track);
    CHECK(s->decision == "read \"Green - good progress\" as on-track");
    CHECK(parse_status("<p>Completed July 2024</p>")->status == ObjectiveStatus::achieved);
}

TEST_CASE("statuses that are negated, mixed or not statuses at all are not guessed") {
    for (const char* cell : {"", "Status:", "Not achieved", "Partially met", "Amber/Green", "Met with parents",
                             "See notes", "Not on track"})
        CHECK_FALSE(parse_status(cell));
}

// ---- Aims ---------------------------------------------------------------

TEST_CASE("import: \"all aims\" in its usual forms means every aim") {
    for (const char* cell : {"All aims of duty", "all", "All aims", "All three aims", "All aims of the duty",
                             "All 3 aims of the general equality duty"}) {
        const auto t = parse_aims(cell);
        CHECK(t.all);
        CHECK(t.slugs.empty());
        CHECK(t.unknown.empty());
    }
}

TEST_CASE("the Act's wording of each aim is read as that aim") {
    const auto t = parse_aims("Eliminate unlawful discrimination, harassment and victimisation");
    CHECK(t.slugs == Strings{"eliminate-discrimination"});
    CHECK(t.warnings.empty());
    CHECK(t.unknown.empty());
    CHECK(parse_aims("Eliminate unlawful discrimination, harassment and victimisation and other conduct "
                     "prohibited by the Act")
              .slugs == Strings{"eliminate-discrimination"});
    CHECK(parse_aims("Advance equality of opportunity between people who share a protected characteristic and "
                     "people who do not")
              .slugs == Strings{"advance-equality"});
    CHECK(parse_aims("Foster good relations between persons who share a relevant protected characteristic and "
                     "persons who do not share it")
              .slugs == Strings{"foster-good-relations"});
}

TEST_CASE("short forms, slugs and lists of aims are read, in the Act's order") {
    const auto t = parse_aims("Foster good relations; Advance equality / eliminate discrimination");
    CHECK(t.slugs == Strings{"eliminate-discrimination", "advance-equality", "foster-good-relations"});
    CHECK_FALSE(t.all);
    CHECK(parse_aims("eliminate-discrimination, foster-good-relations").slugs ==
          Strings{"eliminate-discrimination", "foster-good-relations"});
    CHECK(parse_aims("<p>Advancing equality of opportunity</p><p>Good relations</p>").slugs ==
          Strings{"advance-equality", "foster-good-relations"});
    CHECK(parse_aims("Eliminate discrimination, harassment and victimisation, Foster good relations between "
                     "pupils of different faiths")
              .slugs == Strings{"eliminate-discrimination", "foster-good-relations"});
}

TEST_CASE("numbered aims are read in the order of section 149(1), with a warning") {
    const auto t = parse_aims("Aim 2");
    CHECK(t.slugs == Strings{"advance-equality"});
    CHECK(t.warnings == Strings{"\"Aim 2\" is read as \"advance-equality\": the aims are numbered as in section "
                                "149(1) of the Equality Act 2010"});
}

TEST_CASE("unknown aims are left for the caller to report") {
    const auto t = parse_aims("Reduce bullying, Foster good relations");
    CHECK(t.slugs == Strings{"foster-good-relations"});
    CHECK(t.unknown == Strings{"Reduce bullying"});
}

// ---- Characteristics ----------------------------------------------------

TEST_CASE("characteristics separated by slashes are read, with the build's synonym warning") {
    const auto t = parse_characteristics("Sexual Orientation/Race/Gender identity");
    CHECK(t.slugs == Strings{"gender-reassignment", "race", "sexual-orientation"});
    CHECK(t.warnings == Strings{"\"Gender identity\" is not the statutory name of a protected characteristic; it is "
                                "read as \"gender-reassignment\". Write \"gender-reassignment\" to make this clear"});
    CHECK(t.unknown.empty());
    CHECK(t.target_groups.empty());
}

TEST_CASE("import: \"all protected characteristics\" in its usual forms means every characteristic") {
    for (const char* cell : {"All protected characteristics", "All", "all characteristics",
                             "All 9 protected characteristics", "All of the protected characteristics"}) {
        const auto t = parse_characteristics(cell);
        CHECK(t.all);
        CHECK(t.slugs.empty());
        CHECK(t.unknown.empty());
    }
}

TEST_CASE("characteristic names holding \"and\" or \"or\" are not split") {
    const auto t = parse_characteristics("Marriage and civil partnership; Pregnancy and maternity; Religion or belief");
    CHECK(t.slugs == Strings{"marriage-and-civil-partnership", "pregnancy-and-maternity", "religion-or-belief"});
    CHECK(t.warnings.empty());
    CHECK(parse_characteristics("religion and belief, sexual orientation").slugs ==
          Strings{"religion-or-belief", "sexual-orientation"});
    CHECK(parse_characteristics("Disabled pupils").slugs == Strings{"disability"});
    CHECK(parse_characteristics("Pupils with disabilities").slugs == Strings{"disability"});
    const auto ampersands = parse_characteristics("Religion & Belief, Marriage & civil partnership");
    CHECK(ampersands.slugs == Strings{"marriage-and-civil-partnership", "religion-or-belief"});
    CHECK(ampersands.warnings.empty());
}

TEST_CASE("import: \"Other\" names no characteristic, with a warning") {
    const auto t = parse_characteristics("Other");
    CHECK(t.slugs.empty());
    CHECK(t.target_groups.empty());
    CHECK(t.unknown.empty());
    CHECK(t.warnings ==
          Strings{"\"Other\" does not name a protected characteristic, so no characteristic is recorded for it"});
    CHECK(parse_characteristics("N/A").unknown.empty());
}

TEST_CASE("import: \"community cohesion\" is a theme, with a warning pointing to the aim") {
    const auto t = parse_characteristics("community cohesion");
    CHECK(t.slugs.empty());
    CHECK(t.target_groups.empty());
    CHECK(t.unknown.empty());
    CHECK(t.warnings == Strings{"\"community cohesion\" is a theme, not a protected characteristic, so no "
                                "characteristic is recorded for it. Work on community cohesion usually belongs to "
                                "the aim \"foster-good-relations\""});
}

TEST_CASE("SEN is a target group, not disability and not a typo for sex") {
    const auto t = parse_characteristics("SEN");
    CHECK(t.slugs.empty());
    CHECK(t.unknown.empty());
    CHECK(t.target_groups == Strings{"SEN"});
    CHECK(t.warnings == Strings{"\"SEN\" is not one of the nine protected characteristics, so it is kept as a target "
                                "group. Special educational needs are not the same as disability, the protected "
                                "characteristic: add \"disability\" too if the objective is about disabled pupils"});
    CHECK(parse_characteristics("SEND pupils").target_groups == Strings{"SEND pupils"});
    CHECK(parse_characteristics("Pupils with SEND").target_groups == Strings{"Pupils with SEND"});
    CHECK(parse_characteristics("SEN/D").target_groups == Strings{"SEN/D"});
    CHECK(parse_characteristics("Special educational needs and disabilities").target_groups ==
          Strings{"Special educational needs and disabilities"});
}

TEST_CASE("other groups that are not protected characteristics are target groups, as written") {
    const auto t = parse_characteristics("EAL, FSM; Pupil premium / Disadvantaged, Young carers, LAC, looked after children");
    CHECK(t.slugs.empty());
    CHECK(t.unknown.empty());
    CHECK(t.target_groups ==
          Strings{"EAL", "FSM", "Pupil premium", "Disadvantaged", "Young carers", "LAC", "looked after children"});
    REQUIRE(t.warnings.size() == 7);
    CHECK(t.warnings[0] == "\"EAL\" is not one of the nine protected characteristics, so it is kept as a target group");
}

TEST_CASE("BAME is read as race, with the government's advice on the term") {
    const auto t = parse_characteristics("BAME");
    CHECK(t.slugs == Strings{"race"});
    CHECK(t.target_groups.empty());
    CHECK(t.unknown.empty());
    CHECK(t.warnings ==
          Strings{"\"BAME\" is not the statutory name of a protected characteristic; it is read as \"race\". "
                  "Government guidance (the GOV.UK style guide) advises against \"BAME\" and \"BME\": name the "
                  "specific ethnic groups the objective is about, as target groups, or write \"ethnic minorities\""});
    CHECK(parse_characteristics("Black, Asian and minority ethnic").slugs == Strings{"race"});
    CHECK(parse_characteristics("Ethnic minorities").slugs == Strings{"race"});
}

TEST_CASE("a named ethnic group is race, and kept as a target group") {
    const auto t = parse_characteristics("Gypsy, Roma and Traveller");
    CHECK(t.slugs == Strings{"race"});
    CHECK(t.target_groups == Strings{"Gypsy, Roma and Traveller"});
    CHECK(t.warnings == Strings{"\"Gypsy, Roma and Traveller\" is read as the protected characteristic \"race\", and "
                                "kept as a target group"});
    CHECK(t.unknown.empty());
}

TEST_CASE("words in brackets are left out when the rest names a characteristic") {
    const auto t = parse_characteristics("Sex (gender), Race (including Gypsy, Roma and Traveller)");
    CHECK(t.slugs == Strings{"race", "sex"});
    CHECK(t.warnings == Strings{"\"Sex (gender)\" is read as \"Sex\"; the words in brackets are left out",
                                "\"Race (including Gypsy, Roma and Traveller)\" is read as \"Race\"; the words in "
                                "brackets are left out"});
}

TEST_CASE("a mixed cell gives characteristics, groups, warnings and unknowns together") {
    const auto t = parse_characteristics("Race and ethnicity, SEN, Other, Bananas, Race");
    CHECK(t.slugs == Strings{"race"});
    CHECK(t.target_groups == Strings{"SEN"});
    CHECK(t.unknown == Strings{"Bananas"});
    CHECK(t.warnings.size() == 3);
}

// ---- Suggestions --------------------------------------------------------

TEST_CASE("suggestions count a swapped pair of letters as one edit") {
    const Strings columns{"title", "slug", "aims", "characteristics", "target_groups", "about", "why",
                          "owner", "start", "due", "status", "measures", "description"};
    CHECK(suggest("stauts", columns) == Strings{"status"});
    const Strings slugs{"age", "disability", "gender-reassignment", "marriage-and-civil-partnership",
                        "pregnancy-and-maternity", "race", "religion-or-belief", "sex", "sexual-orientation"};
    CHECK(suggest("sexual-orientaton", slugs) == Strings{"sexual-orientation"});
    CHECK(suggest("RACE", slugs) == Strings{"race"});
}

TEST_CASE("suggestions name every candidate equally near, and none when all are far") {
    CHECK(suggest("rase", {"race", "rose", "age"}) == Strings{"race", "rose"});
    CHECK(suggest("rase", {"race", "RACE"}) == Strings{"race"});
    CHECK(suggest("xylophone", {"race", "sex"}).empty());
    CHECK(suggest("ab", {"xy"}) == Strings{"xy"});
    CHECK(suggest("abc", {"xyz"}).empty());
}

TEST_CASE("unknown characteristics get suggestions from everything the import knows") {
    CHECK(suggest("SNE", characteristic_words()) == Strings{"SEN"});
    CHECK(suggest("Sexual orientaton", characteristic_words()) == Strings{"Sexual orientation"});
    // The label comes before the same words in lower case: each spelling is offered once.
    CHECK(suggest("foster good relatons", aim_words()) == Strings{"Foster good relations"});
}

TEST_CASE("an imported objective without aims or characteristics is one warning, not an error") {
    auto read = [](const std::string& text, Diagnostics& d) {
        if (auto doc = eqsite::parse_document("content/trust/objectives/x.md", text, d))
            eqsite::read_objective(*doc, "x", std::nullopt, d);
    };
    Diagnostics imported;
    read("---\ntitle: X\nimported:\n  from: \"plan.xlsx:Sheet1!D4\"\n  digest: \"0\"\n---\n", imported);
    CHECK_FALSE(imported.has_errors());
    REQUIRE(imported.warning_count() == 1);
    CHECK(imported.all()[0].message.rfind("imported from plan.xlsx:Sheet1!D4 without aims and characteristics", 0) == 0);
    Diagnostics written_by_hand;
    read("---\ntitle: X\n---\n", written_by_hand);
    CHECK(written_by_hand.error_count() == 2);  // aims and characteristics are required
}

TEST_CASE("a header's longest phrase decides its setting") {
    eqsite::import::Sheet sheet;
    sheet.file = "plan.csv";
    std::vector<eqsite::import::Cell> header;
    const std::vector<std::string> names{"Objective", "Target date", "Target group(s)", "Success criteria", "Review date",
                                         "Who's responsible?", "Milestone/progress"};
    for (std::size_t c = 0; c < names.size(); ++c) header.push_back({names[c], 0, c, 1, 1});
    sheet.rows.push_back(header);
    std::string why;
    const auto map = eqsite::import::map_columns(sheet, {}, why);
    REQUIRE(map);
    using eqsite::import::Field;
    CHECK(map->fields.at(0) == Field::title);
    CHECK(map->fields.at(1) == Field::due);
    CHECK(map->fields.at(2) == Field::target_groups);
    CHECK(map->fields.at(3) == Field::measures);
    CHECK(map->fields.count(4) == 0);  // a second due-date column is kept in the text, not merged
    CHECK(map->fields.at(5) == Field::owner);
    CHECK(map->fields.at(6) == Field::progress);
}

TEST_CASE("a cell of many unclosed tags or hidden elements keeps its text and drops the hidden") {
    // (How long it takes is for bench/, not a test: these only check the result.)
    std::string unclosed;
    for (int i = 0; i < 20000; ++i) unclosed += "<a";
    const auto lines = eqsite::import::cell_lines(unclosed);
    std::string scripts;
    for (int i = 0; i < 2000; ++i) scripts += "<SCRIPT>x</Script>";
    const auto none = eqsite::import::cell_lines(scripts + "kept");
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].text.size() == unclosed.size());
    REQUIRE(none.size() == 1);
    CHECK(none[0].text == "kept");
}
