#include <catch2/catch.hpp>

#include "load/csv_file.hpp"

using namespace eqsite;

namespace {
std::vector<std::string> lines(const Diagnostics& d) {
    std::vector<std::string> out;
    for (const auto& x : d.sorted()) out.push_back(format_diagnostic(x));
    return out;
}

// "text@line:column" for every field of a row, to compare whole rows at once.
std::vector<std::string> row(const CsvFile& csv, std::size_t r) {
    std::vector<std::string> out;
    for (const auto& f : csv.rows.at(r))
        out.push_back(f.text + "@" + std::to_string(f.line) + ":" + std::to_string(f.column));
    return out;
}

using Row = std::vector<std::string>;
}  // namespace

TEST_CASE("csv: fields keep the line and column where they start") {
    Diagnostics d;
    auto csv = parse_csv("data/t.csv", "school,group,count\nriverside,All pupils,12\nhill,Girls,3\n", d);
    REQUIRE(csv);
    CHECK(d.empty());
    CHECK(csv->path == "data/t.csv");
    REQUIRE(csv->rows.size() == 3);
    CHECK(row(*csv, 0) == Row{"school@1:1", "group@1:8", "count@1:14"});
    CHECK(row(*csv, 1) == Row{"riverside@2:1", "All pupils@2:11", "12@2:22"});
    CHECK(row(*csv, 2) == Row{"hill@3:1", "Girls@3:6", "3@3:12"});
    const Location at = csv->at(csv->rows[2][2]);
    CHECK(at.file == "data/t.csv");
    CHECK(at.line == 3);
    CHECK(at.column == 12);
}

TEST_CASE("csv: a quoted field may hold commas, and its position is its opening quote") {
    Diagnostics d;
    auto csv = parse_csv("t.csv", "school,group,count\nx,\"Black, Black British, Caribbean or African\",4\n", d);
    REQUIRE(csv);
    CHECK(d.empty());
    // The closing quote is column 46, the comma 47.
    CHECK(row(*csv, 1) == Row{"x@2:1", "Black, Black British, Caribbean or African@2:3", "4@2:48"});
}

TEST_CASE("csv: doubled quotes inside a quoted field are one quote") {
    Diagnostics d;
    auto csv = parse_csv("t.csv", "a,b,c\na,\"the \"\"Rainbow\"\" club\",b\n", d);
    REQUIRE(csv);
    CHECK(d.empty());
    CHECK(row(*csv, 1) == Row{"a@2:1", "the \"Rainbow\" club@2:3", "b@2:26"});
}

TEST_CASE("csv: a newline inside a quoted field moves the following fields to the next line") {
    Diagnostics d;
    auto csv = parse_csv("t.csv", "h1,h2,h3\n1,\"two\nlines\",3\n4,5,6\n", d);
    REQUIRE(csv);
    CHECK(d.empty());
    REQUIRE(csv->rows.size() == 3);
    CHECK(row(*csv, 1) == Row{"1@2:1", "two\nlines@2:3", "3@3:8"});
    CHECK(row(*csv, 2) == Row{"4@4:1", "5@4:3", "6@4:5"});
}

TEST_CASE("csv: a UTF-8 byte-order mark is dropped and does not shift columns") {
    Diagnostics d;
    auto csv = parse_csv("t.csv", "\xEF\xBB\xBFschool,count\nx,1\n", d);
    REQUIRE(csv);
    CHECK(d.empty());
    CHECK(row(*csv, 0) == Row{"school@1:1", "count@1:8"});
    CHECK(row(*csv, 1) == Row{"x@2:1", "1@2:3"});
}

TEST_CASE("csv: CRLF line endings count as one line break and leave no carriage return in fields") {
    Diagnostics d;
    auto csv = parse_csv("t.csv", "a,b\r\nc,d\r\n\"e\r\nf\",g\r\n", d);
    REQUIRE(csv);
    CHECK(d.empty());
    REQUIRE(csv->rows.size() == 3);
    CHECK(row(*csv, 0) == Row{"a@1:1", "b@1:3"});
    CHECK(row(*csv, 1) == Row{"c@2:1", "d@2:3"});
    CHECK(row(*csv, 2) == Row{"e\nf@3:1", "g@4:4"});
}

TEST_CASE("csv: columns count characters, not bytes") {
    Diagnostics d;
    // "ŷ" is two bytes; "ŵ" two; "€" three.
    auto csv = parse_csv("t.csv", "a,b\nTŷ,x\nYsgol Tŷ Gwyn,2\nŵ€,\"€\",z\n", d);
    REQUIRE(csv);
    CHECK(d.empty());
    CHECK(row(*csv, 1) == Row{"Tŷ@2:1", "x@2:4"});
    CHECK(row(*csv, 2) == Row{"Ysgol Tŷ Gwyn@3:1", "2@3:15"});
    CHECK(row(*csv, 3) == Row{"ŵ€@4:1", "€@4:4", "z@4:8"});
}

TEST_CASE("csv: blank lines are skipped but still counted") {
    Diagnostics d;
    auto csv = parse_csv("t.csv", "a,b\n\n1,2\n\n\n3,4\n\n", d);
    REQUIRE(csv);
    CHECK(d.empty());
    REQUIRE(csv->rows.size() == 3);
    CHECK(row(*csv, 1) == Row{"1@3:1", "2@3:3"});
    CHECK(row(*csv, 2) == Row{"3@6:1", "4@6:3"});
}

TEST_CASE("csv: the last row needs no newline, and empty fields are kept") {
    Diagnostics d;
    auto csv = parse_csv("t.csv", "a,b,c\n1,,3\n,5,", d);
    REQUIRE(csv);
    CHECK(d.empty());
    CHECK(row(*csv, 1) == Row{"1@2:1", "@2:3", "3@2:4"});
    CHECK(row(*csv, 2) == Row{"@3:1", "5@3:2", "@3:4"});
}

TEST_CASE("csv: an unclosed quote is reported at the opening quote") {
    Diagnostics d;
    auto csv = parse_csv("data/t.csv", "a,b\n1,\"open\n2,3\n4,5\n", d);
    CHECK_FALSE(csv);
    CHECK(lines(d) == std::vector<std::string>{
                          "data/t.csv:2:3: error: this quoted field is never closed: add the closing quote (\") at "
                          "the end of the field"});
}

TEST_CASE("csv: an unclosed quote after non-ASCII text is reported at its character column") {
    Diagnostics d;
    auto csv = parse_csv("data/t.csv", "a,b\nTŷ,\"open\n", d);
    CHECK_FALSE(csv);
    CHECK(lines(d) == std::vector<std::string>{
                          "data/t.csv:2:4: error: this quoted field is never closed: add the closing quote (\") at "
                          "the end of the field"});
}

TEST_CASE("csv: a stray quote in an unquoted field is reported at the quote") {
    Diagnostics d;
    auto csv = parse_csv("data/t.csv", "a,b\n1,the \"Rainbow\" club\n", d);
    CHECK_FALSE(csv);
    CHECK(lines(d) == std::vector<std::string>{
                          "data/t.csv:2:7: error: a quote (\") in the middle of a field: wrap the whole field in "
                          "quotes and write each quote inside it twice, e.g. \"the \"\"Rainbow\"\" club\""});
}

TEST_CASE("csv: text after a closing quote is reported") {
    Diagnostics d;
    auto csv = parse_csv("data/t.csv", "a,b\n1,\"the\"club\n", d);
    CHECK_FALSE(csv);
    REQUIRE(d.error_count() == 1);
    // The message is the stray-quote one; it points at the first character
    // after the closing quote.
    CHECK(lines(d) == std::vector<std::string>{
                          "data/t.csv:2:8: error: a quote (\") in the middle of a field: wrap the whole field in "
                          "quotes and write each quote inside it twice, e.g. \"the \"\"Rainbow\"\" club\""});
}

TEST_CASE("csv: invalid UTF-8 is reported at the first bad byte, in characters") {
    Diagnostics d;
    auto csv = parse_csv("data/t.csv", "a,b\nTŷ,caf\xE9\n", d);
    CHECK_FALSE(csv);
    CHECK(lines(d) == std::vector<std::string>{
                          "data/t.csv:2:7: error: this file is not valid UTF-8; save it as \"CSV UTF-8\" in your "
                          "spreadsheet program (it may be in an older encoding such as Windows-1252)"});
}

TEST_CASE("csv: an empty file is an error that says what the first row holds") {
    for (const char* text : {"", "\n\n", "\xEF\xBB\xBF"}) {
        Diagnostics d;
        INFO("input: " << text);
        CHECK_FALSE(parse_csv("data/t.csv", text, d));
        CHECK(lines(d) == std::vector<std::string>{"data/t.csv:1:1: error: this CSV file is empty: its first row "
                                                   "must name the columns, e.g. school,group,measure,count"});
    }
}
