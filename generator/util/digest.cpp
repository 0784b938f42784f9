#include "util/digest.hpp"

#include <cstring>

namespace eqsite {
namespace {

constexpr std::uint64_t k1 = 0x9E3779B97F4A7C15ULL, k2 = 0xC2B2AE3D27D4EB4FULL, k3 = 0x165667B19E3779F9ULL;

std::uint64_t rotl(std::uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

std::uint64_t mix(std::uint64_t z) {  // splitmix64's finaliser
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

std::uint64_t load(const char* p) {
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    return v;  // the host's byte order: the digest is only ever compared on this machine's files
}

}  // namespace

Digest digest_of(std::string_view bytes) {
    std::uint64_t a = k1 ^ bytes.size(), b = k2 + bytes.size();
    std::size_t i = 0;
    for (; i + 16 <= bytes.size(); i += 16) {
        a = rotl(a ^ (load(bytes.data() + i) * k2), 31) * k1;
        b = rotl(b ^ (load(bytes.data() + i + 8) * k3), 29) * k2;
        a += b;
        b += a;
    }
    std::uint64_t tail_a = 0, tail_b = 0;
    for (std::size_t j = 0; i + j < bytes.size(); ++j) {
        const auto byte = static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[i + j]));
        (j < 8 ? tail_a : tail_b) |= byte << (8 * (j % 8));
    }
    a = mix(a ^ mix(tail_a + k3));
    b = mix(b ^ mix(tail_b + k1) ^ a);
    return {a, b};
}

std::string Digest::hex() const {
    static const char digits[] = "0123456789abcdef";
    std::string out(32, '0');
    for (int i = 0; i < 16; ++i) {
        out[15 - i] = digits[(a >> (4 * i)) & 15];
        out[31 - i] = digits[(b >> (4 * i)) & 15];
    }
    return out;
}

bool Digest::parse(std::string_view hex, Digest& out) {
    if (hex.size() != 32) return false;
    std::uint64_t parts[2] = {0, 0};
    for (std::size_t i = 0; i < 32; ++i) {
        const char c = hex[i];
        const int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (v < 0) return false;
        parts[i / 16] = parts[i / 16] << 4 | static_cast<std::uint64_t>(v);
    }
    out = {parts[0], parts[1]};
    return true;
}

}  // namespace eqsite
