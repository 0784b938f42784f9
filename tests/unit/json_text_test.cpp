// render/json_text.hpp: the same text as nlohmann's dump(2), on any tree.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <random>

#include "render/json_text.hpp"
#include "util/text.hpp"

using namespace eqsite;
using nlohmann::ordered_json;

namespace {

// nlohmann's own text of `j` at `depth`: its lines after the first moved in.
std::string reference(const ordered_json& j, int depth) {
    const std::string text = j.dump(2, ' ', false, ordered_json::error_handler_t::replace);
    std::string out;
    for (char c : text) {
        out += c;
        if (c == '\n') out.append(static_cast<std::size_t>(depth) * 2, ' ');
    }
    return out;
}

std::string random_text(std::mt19937& random) {
    static const std::vector<std::string> pieces = {
        "a", "Zebra", " ", "\"", "\\", "/", "\n", "\r", "\t", "\b", "\f", std::string(1, '\0'), "\x01", "\x1f", "\x7f",
        "é", "Tŷ", "€", "𝄞", "\xE2\x80\xA8", "\xC3", "\xFF", "\xED\xA0\x80", "&<>", "'", "{}[]", ":", ","};
    std::string s;
    // Long texts too: runs of eight bytes are copied whole.
    const int n = static_cast<int>(random() % 4 == 0 ? random() % 40 : random() % 8);
    for (int i = 0; i < n; ++i) s += pieces[random() % pieces.size()];
    return s;
}

ordered_json random_tree(std::mt19937& random, int depth) {
    switch (random() % (depth > 3 ? 5 : 7)) {
        case 0: return random_text(random);
        case 1: return random() % 2 == 0;
        case 2: return nullptr;
        case 3: return random_text(random);
        case 4: return random() % 10 == 0 ? ordered_json(static_cast<int>(random() % 1000) - 500) : ordered_json(random_text(random));
        case 5: {
            ordered_json a = ordered_json::array();
            const int n = static_cast<int>(random() % 4);
            for (int i = 0; i < n; ++i) a.push_back(random_tree(random, depth + 1));
            return a;
        }
        default: {
            ordered_json o = ordered_json::object();
            const int n = static_cast<int>(random() % 4);
            for (int i = 0; i < n; ++i) o[random_text(random)] = random_tree(random, depth + 1);
            return o;
        }
    }
}

}  // namespace

TEST_CASE("JSON text: an objective's tree is written as nlohmann writes it") {
    ordered_json j;
    j["slug"] = "reduce-gaps";
    j["title"] = "Tŷ \"Gwyn\": a\\b\n\t\x01";
    j["aims"].push_back("advance-equality");
    j["all_aims"] = true;
    j["actions"] = ordered_json::array();
    j["actions"].push_back({{"text", "Train staff"}, {"due", "2025-03-31"}});
    j["owners"] = ordered_json::array();
    j["extra"] = ordered_json::object();
    std::string out = "  ";
    append_json(out, j, 1);
    CHECK(out == "  " + reference(j, 1));
    CHECK(out.find("\"title\": \"Tŷ \\\"Gwyn\\\": a\\\\b\\n\\t\\u0001\"") != std::string::npos);
}

TEST_CASE("JSON text: random trees, numbers and broken UTF-8 included, are written as nlohmann writes them") {
    const char* seed = std::getenv("EQSITE_JSON_SEED");
    std::mt19937 random(seed ? static_cast<unsigned>(std::strtoul(seed, nullptr, 10)) : 20261128u);
    for (int round = 0; round < 3000; ++round) {
        const ordered_json j = random_tree(random, 0);
        const int depth = static_cast<int>(random() % 3);
        std::string out;
        append_json(out, j, depth);
        INFO(j.dump(-1, ' ', true, ordered_json::error_handler_t::replace));
        REQUIRE(out == reference(j, depth));
    }
}

namespace {

// `j` written through JsonWriter (texts, true/false, lists and objects;
// anything else as a text).
void replay(JsonWriter& w, const ordered_json& j) {
    switch (j.type()) {
        case ordered_json::value_t::boolean: w.value(j.get<bool>()); return;
        case ordered_json::value_t::array:
            w.begin_array();
            for (const auto& item : j) replay(w, item);
            w.end_array();
            return;
        case ordered_json::value_t::object:
            w.begin_object();
            for (auto it = j.begin(); it != j.end(); ++it) {
                w.key(it.key());
                replay(w, it.value());
            }
            w.end_object();
            return;
        default: w.value(j.get_ref<const std::string&>());
    }
}

// The tree with every value JsonWriter has no call for made a text.
ordered_json writable(const ordered_json& j) {
    if (j.is_array()) {
        ordered_json a = ordered_json::array();
        for (const auto& item : j) a.push_back(writable(item));
        return a;
    }
    if (j.is_object()) {
        ordered_json o = ordered_json::object();
        for (auto it = j.begin(); it != j.end(); ++it) o[it.key()] = writable(it.value());
        return o;
    }
    if (j.is_boolean() || j.is_string()) return j;
    return j.dump();
}

bool all_utf8(const ordered_json& j) {
    if (j.is_string()) return is_valid_utf8(j.get_ref<const std::string&>());
    if (j.is_array())
        return std::all_of(j.begin(), j.end(), [](const auto& item) { return all_utf8(item); });
    if (j.is_object())
        for (auto it = j.begin(); it != j.end(); ++it)
            if (!is_valid_utf8(it.key()) || !all_utf8(it.value())) return false;
    return true;
}

}  // namespace

TEST_CASE("JSON text: written as it goes, the same text as nlohmann's, or not valid when a text is not UTF-8") {
    const char* seed = std::getenv("EQSITE_JSON_SEED");
    std::mt19937 random(seed ? static_cast<unsigned>(std::strtoul(seed, nullptr, 10)) : 20261129u);
    std::size_t valid = 0;
    for (int round = 0; round < 3000; ++round) {
        const ordered_json j = writable(random_tree(random, 0));
        const int depth = static_cast<int>(random() % 3);
        std::string out = "  ";
        JsonWriter w(out, depth);
        replay(w, j);
        INFO(j.dump(-1, ' ', true, ordered_json::error_handler_t::replace));
        REQUIRE(w.valid() == all_utf8(j));
        if (!w.valid()) continue;
        ++valid;
        REQUIRE(out == "  " + reference(j, depth));
    }
    CHECK(valid > 1000);
    // Fields: a text, true, a list of texts, an empty list and object.
    std::string out;
    JsonWriter w(out, 0);
    w.begin_object();
    w.field("slug", "a");
    w.field("all_aims", true);
    w.field("owners", std::vector<std::string>{"Head", "SENCo"});
    w.field("none", std::vector<std::string>{});
    w.key("empty");
    w.begin_object();
    w.end_object();
    w.end_object();
    CHECK(out == "{\n  \"slug\": \"a\",\n  \"all_aims\": true,\n  \"owners\": [\n    \"Head\",\n    \"SENCo\"\n  ],\n"
                 "  \"none\": [],\n  \"empty\": {}\n}");
}
