#include "util/colour.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace eqsite {
namespace {

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

double channel(int v) {
    const double c = v / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(Rgb c) { return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b); }

}  // namespace

std::string Rgb::hex() const {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", r, g, b);
    return buf;
}

std::optional<Rgb> parse_hex_colour(std::string_view t) {
    if (t.empty() || t[0] != '#') return std::nullopt;
    t.remove_prefix(1);
    if (t.size() != 3 && t.size() != 6) return std::nullopt;
    int v[6];
    for (std::size_t i = 0; i < t.size(); ++i)
        if ((v[i] = hex_digit(t[i])) < 0) return std::nullopt;
    if (t.size() == 3) return Rgb{v[0] * 17, v[1] * 17, v[2] * 17};
    return Rgb{v[0] * 16 + v[1], v[2] * 16 + v[3], v[4] * 16 + v[5]};
}

double contrast_ratio(Rgb a, Rgb b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

Rgb darken_until_contrast(Rgb c, double ratio) {
    const Rgb white{255, 255, 255};
    // Scale all channels together (keeps the hue) by 1% steps.
    for (int pct = 100; pct >= 0; --pct) {
        Rgb d{c.r * pct / 100, c.g * pct / 100, c.b * pct / 100};
        if (contrast_ratio(d, white) >= ratio) return d;
    }
    return Rgb{0, 0, 0};
}

}  // namespace eqsite
