// The theme's words for values that come back page after page: dates, and
// an objective's aims and characteristics as a list in words.
//
// An objective's card is on about eight pages (its school's, its
// characteristics' and aims' listings, its status's, its own), and each
// page worked its words out again: a tenth of rendering a small site.
// A Words is kept by a renderer (one per thread) for all its pages. What
// the words are made from is the theme's strings and the values asked
// about, so keeping them hides no read of the model from the preview's
// record of what each page read.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/vocabulary.hpp"
#include "render/strings.hpp"
#include "util/date.hpp"

namespace eqsite {

class Words {
public:
    explicit Words(const Strings& strings) : strings_(strings) {}
    Words(const Words&) = delete;
    Words& operator=(const Words&) = delete;

    // Strings::date: "5 October 2025", "October 2025".
    const std::string& date(const Date& d);
    // The aims joined by labels.aims_separator.
    const std::string& aims(const std::vector<Aim>& aims);
    // The characteristics joined by labels.list_separator, or
    // labels.all_characteristics when every one is listed.
    const std::string& characteristics(const std::vector<Characteristic>& characteristics);

    const Strings& strings() const { return strings_; }

private:
    const Strings& strings_;
    std::unordered_map<std::uint32_t, std::string> dates_;
    std::unordered_map<std::string, std::string> aims_;             // by the aims' numbers, in order
    std::unordered_map<std::string, std::string> characteristics_;  // the same
};

}  // namespace eqsite
