// JSON text as nlohmann's dump(2) writes it (two spaces of indent, UTF-8
// kept as it is), for the open data's trees of objects, lists, texts and
// true/false. nlohmann's serializer decodes every byte of every text; this
// copies text in runs, and was a tenth of a build's work at 300 schools.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace eqsite {

// Appends `j` to `out` as dump(2) would, starting at `depth` (the indent
// of its inner lines is depth + 1 levels), so that a tree can be written
// inside a list. Falls back to nlohmann for what it does not write
// itself (numbers, and text that is not valid UTF-8, which nlohmann
// replaces).
void append_json(std::string& out, const nlohmann::ordered_json& j, int depth = 0);

// JSON text written as it is made, laid out as dump(2) would lay out the
// same tree, starting at `depth` as append_json does: for the open data's
// hundred thousand objectives, without a tree for each. Keys and values
// go in the order written (nlohmann's ordered_json keeps that order too).
// A text that is not valid UTF-8 is written as it is and makes valid()
// false: the caller then uses nlohmann, which replaces it.
class JsonWriter {
public:
    JsonWriter(std::string& out, int depth) : out_(out), depth_(depth) {}

    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }
    void key(std::string_view k);
    void value(std::string_view text);
    void value(const char* text) { value(std::string_view(text)); }  // not the bool
    void value(bool b);
    // "key": "text", "key": true, "key": ["a", "b"]
    void field(std::string_view k, std::string_view text) {
        key(k);
        value(text);
    }
    void field(std::string_view k, const char* text) { field(k, std::string_view(text)); }
    void field(std::string_view k, bool b) {
        key(k);
        value(b);
    }
    void field(std::string_view k, const std::vector<std::string>& texts);

    bool valid() const { return valid_; }

private:
    void open(char bracket);
    void close(char bracket);
    void before_value();  // the comma and new line before an item of a list

    std::string& out_;
    int depth_;
    std::vector<std::size_t> items_;  // how many items each open object or list has so far
    bool after_key_ = false;
    bool valid_ = true;
};

}  // namespace eqsite
