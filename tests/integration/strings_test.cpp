// No user-visible English is left outside the theme's strings (issue 13):
// site-example is built with a strings file in which every value of the
// default en-GB.yaml is replaced (rot13, placeholders kept), and no page
// may then contain a phrase of the English file, nor a missing key's
// "[key]" mark.
#include <catch2/catch.hpp>

#include <yaml-cpp/yaml.h>

#include <regex>

#include "integration/run.hpp"

using namespace eqsite::test;

namespace {

std::string rot13_outside_placeholders(const std::string& s) {
    std::string out;
    bool in_placeholder = false;
    for (char c : s) {
        if (c == '{') in_placeholder = true;
        if (!in_placeholder && std::isalpha(static_cast<unsigned char>(c))) {
            const char base = std::islower(static_cast<unsigned char>(c)) ? 'a' : 'A';
            c = static_cast<char>(base + (c - base + 13) % 26);
        }
        if (c == '}') in_placeholder = false;
        out += c;
    }
    return out;
}

YAML::Node pseudo(const YAML::Node& n) {
    if (n.IsScalar()) return YAML::Node(rot13_outside_placeholders(n.Scalar()));
    YAML::Node out;
    if (n.IsSequence())
        for (const auto& item : n) out.push_back(pseudo(item));
    else
        for (const auto& kv : n) out[kv.first.Scalar()] = pseudo(kv.second);
    return out;
}

void english_values(const YAML::Node& n, std::vector<std::string>& out) {
    if (n.IsScalar()) out.push_back(n.Scalar());
    else if (n.IsSequence())
        for (const auto& item : n) english_values(item, out);
    else
        for (const auto& kv : n) english_values(kv.second, out);
}

std::string escaped(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else if (c == '"') out += "&quot;";
        else out += c;
    }
    return out;
}

// Every file the site's own text comes from: a phrase found there may be
// on a page because the content says it.
std::string all_content(const fs::path& site) {
    std::string all;
    for (const fs::path& dir : {site, source_dir() / "content"})
        for (const auto& e : fs::recursive_directory_iterator(dir))
            if (e.is_regular_file() && e.path().string().find("/theme/") == std::string::npos) all += read(e.path()) + "\n";
    return all;
}

}  // namespace

TEST_CASE("strings: with every string replaced, no page of site-example shows a phrase of the English file") {
    TempDir dir;
    const fs::path site = dir.path() / "site", out = dir.path() / "public";
    fs::copy(source_dir() / "site-example", site, fs::copy_options::recursive);
    fs::remove_all(site / "public");
    const YAML::Node english = YAML::LoadFile((source_dir() / "themes/default/i18n/en-GB.yaml").string());
    YAML::Emitter emit;
    emit << pseudo(english);
    write(site / "theme/i18n/en-GB.yaml", std::string(emit.c_str()) + "\n");
    const auto r = run_eqsite("build --quiet " + quote(site.string()) + " -o " + quote(out.string()));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);

    // Phrases of three words or more, between placeholders, that the
    // content does not itself contain.
    std::vector<std::string> values;
    english_values(english, values);
    const std::string content = all_content(site);
    std::vector<std::string> phrases;
    const std::regex placeholder(R"(\{[a-z_]+\})");
    for (const auto& v : values)
        for (std::sregex_token_iterator it(v.begin(), v.end(), placeholder, -1), end; it != end; ++it) {
            // Without the punctuation at its ends, which may join it to content.
            std::string phrase = it->str();
            const auto first = phrase.find_first_not_of(" :;,.()");
            phrase = first == std::string::npos ? "" : phrase.substr(first, phrase.find_last_not_of(" :;,.()") - first + 1);
            std::size_t words = 0;
            for (std::size_t i = 0; i < phrase.size(); ++i)
                words += std::isalpha(static_cast<unsigned char>(phrase[i])) && (i == 0 || phrase[i - 1] == ' ');
            if (words >= 3 && content.find(phrase) == std::string::npos) phrases.push_back(phrase);
        }
    REQUIRE(phrases.size() > 150);

    const std::regex missing_key(R"(\[[a-z0-9_]+\.[a-z0-9_.-]+\])");
    std::size_t pages = 0;
    for (const auto& e : fs::recursive_directory_iterator(out)) {
        if (e.path().extension() != ".html") continue;
        ++pages;
        const std::string html = read(e.path());
        INFO(e.path().string());
        for (const auto& phrase : phrases) {
            INFO("English left on the page: " << phrase);
            CHECK(html.find(escaped(phrase)) == std::string::npos);
        }
        CHECK_FALSE(std::regex_search(html, missing_key));
    }
    CHECK(pages > 60);
    // The replaced words are there: "Home" is "Ubzr".
    CHECK(read(out / "index.html").find(">Ubzr<") != std::string::npos);
}
