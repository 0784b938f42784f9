#include <catch2/catch.hpp>

#include "util/colour.hpp"

using namespace eqsite;

TEST_CASE("hex colours parse in long and short form") {
    REQUIRE(parse_hex_colour("#1d5c8a"));
    CHECK(parse_hex_colour("#1D5C8A")->hex() == "#1d5c8a");
    CHECK(parse_hex_colour("#fff")->hex() == "#ffffff");
    CHECK_FALSE(parse_hex_colour("blue"));
    CHECK_FALSE(parse_hex_colour("#12345"));
    CHECK_FALSE(parse_hex_colour("#gggggg"));
}

TEST_CASE("contrast follows WCAG 2 relative luminance") {
    const Rgb white{255, 255, 255}, black{0, 0, 0};
    CHECK(contrast_ratio(black, white) == Approx(21.0));
    CHECK(contrast_ratio(white, white) == Approx(1.0));
    // #767676 is the classic lightest grey that passes 4.5:1 on white.
    CHECK(contrast_ratio(*parse_hex_colour("#767676"), white) == Approx(4.54).epsilon(0.01));
}

TEST_CASE("darkening finds a passing colour of the same hue") {
    const Rgb light = *parse_hex_colour("#7fb3d5");
    REQUIRE(contrast_ratio(light, {255, 255, 255}) < 4.5);
    const Rgb dark = darken_until_contrast(light, 4.5);
    CHECK(contrast_ratio(dark, {255, 255, 255}) >= 4.5);
    CHECK(dark.b > dark.r);  // still blue
    // Only as dark as it needs to be, not black.
    CHECK(contrast_ratio(dark, {255, 255, 255}) < 4.8);
}
