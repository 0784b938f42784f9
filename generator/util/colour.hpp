// sRGB colours and WCAG 2 contrast, for school brand colours.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace eqsite {

struct Rgb {
    int r = 0, g = 0, b = 0;
    std::string hex() const;  // "#1d5c8a"
};

// "#1d5c8a" or "#17a" (case-insensitive); nullopt otherwise.
std::optional<Rgb> parse_hex_colour(std::string_view text);

// WCAG 2 contrast ratio between two colours, from 1 to 21.
double contrast_ratio(Rgb a, Rgb b);

// The lightest colour of the same hue, made darker in small steps, whose
// contrast with white is at least `ratio`.
Rgb darken_until_contrast(Rgb colour, double ratio);

}  // namespace eqsite
